import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import StretchGuardStore
import StretchGuardSync
import StretchGuardTestSupport
import Testing

/// `sync --to`, `sessions --server` and `review --server` against a real PostgreSQL server (Debian's, in a
/// temporary cluster run by an unprivileged user on a loopback port).
@Suite("Clinic sync to PostgreSQL")
struct ClinicSyncTests {
    /// Three sessions a day apart: 2.5 min at 50 Hz each (holds, a twist with a press, a bounce, a gap).
    static func localSessions(count: Int = 3, duration: Double = 150, rate: Double = 50) throws -> ReviewDatabase {
        try ReviewDatabase(sessionsStartingAt: (0..<count).map { ReviewDatabase.startDate.addingTimeInterval(Double($0) * 86_400) },
                           duration: duration, rate: rate)
    }

    /// Every row of every table of every session on the server equals the device's, byte for byte, and each
    /// session is there once, marked uploaded.
    static func expectSameAsLocal(_ local: ReviewDatabase, on server: ClinicServer, device user: String) async throws {
        let store = try SessionStore(path: local.path)
        let localSessions = try store.sessionStatuses()
        let identity = try store.deviceIdentity()
        let counts = try server.sql("SELECT count(*), count(*) FILTER (WHERE uploaded), count(DISTINCT local_id) FROM sessions WHERE device_id = '\(identity.id)'")
        #expect(counts == "\(localSessions.count)|\(localSessions.count)|\(localSessions.count)")
        for session in localSessions {
            let serverID = try server.sql("SELECT id FROM sessions WHERE device_id = '\(identity.id)' AND local_id = \(session.id)")
            let folder = AwaitServerFolder()
            defer { folder.remove() }
            let copy = try await server.connect(as: user) { connection in
                try await ServerCopy.session(.id(Int64(serverID)!), from: connection, into: folder.path + "/copy.sqlite")
            }
            #expect(try copy.store.syncRows(.sessions, of: copy.id).map(\.values) == store.syncRows(.sessions, of: session.id).map(\.values))
            for table in SyncTable.sessionParts {
                // Row ids are the copy's own; the values, in order, are the device's.
                let there = try copy.store.syncRows(table, of: copy.id).map(\.values)
                let here = try store.syncRows(table, of: session.id).map(\.values)
                #expect(there == here, "\(table.name) of session \(session.id): \(there.count) rows on the server, \(here.count) here")
            }
        }
    }

    @Test("a sync sends every session with its samples as stored; the same sync again sends nothing")
    func syncTwice() async throws {
        let server = try ClinicServer.make()
        let local = try Self.localSessions()
        defer { local.remove() }
        let device = try server.login("device", memberOf: ServerSchema.deviceRole)
        let first = try server.run(["sync", "--to", server.url(device), "--db", local.path], as: device)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.hasPrefix("sync: 3 sessions sent ("), "\(first.stdout)")
        #expect(first.stdout.contains("0 already on the server"))
        let second = try server.run(["sync", "--to", server.url(device), "--db", local.path, "--json"], as: device)
        #expect(second.status == 0, "\(second.stderr)")
        let report = try #require(JSONSerialization.jsonObject(with: Data(second.stdout.utf8)) as? [String: Any])
        #expect(report["sessions_sent"] as? Int == 0 && report["sessions_already_there"] as? Int == 3 && report["rows_sent"] as? Int == 0)
        try await Self.expectSameAsLocal(local, on: server, device: device)
        // Nothing on the server twice.
        #expect(try server.sql("SELECT count(*) FROM (SELECT session_id, local_id FROM sample_blocks GROUP BY 1, 2 HAVING count(*) > 1) d") == "0")
    }

    @Test("review --server gives the same JSON as the local review; sessions --server the same listing")
    func reviewFromTheServer() async throws {
        let server = try ClinicServer.make()
        let local = try Self.localSessions(count: 2)
        defer { local.remove() }
        let device = try server.login("device", memberOf: ServerSchema.deviceRole)
        let clinic = try server.login("physio", memberOf: ServerSchema.clinicRole)
        #expect(try server.run(["sync", "--to", server.url(device), "--db", local.path], as: device).status == 0)

        // The same text, the session's id apart (the server numbers sessions of every device).
        func withoutIDs(_ json: String) -> String {
            json.replacingOccurrences(of: #""id" : \d+"#, with: #""id" : ID"#, options: .regularExpression)
        }
        let here = try local.run(["review", "2", "--json"])
        let there = try server.run(["review", "latest", "--server", server.url(clinic), "--json"], as: clinic)
        #expect(here.status == 0 && there.status == 0, "\(there.stderr)")
        #expect(withoutIDs(there.stdout) == withoutIDs(here.stdout))
        let serverID = try server.sql("SELECT id FROM sessions WHERE local_id = 2")
        #expect(there.stdout.contains(#""id" : \#(serverID),"#), "the review names the server's id")
        let html = AwaitServerFolder()
        defer { html.remove() }
        let report = try server.run(["review", serverID, "--server", server.url(clinic), "--html", html.path + "/r.html"], as: clinic)
        #expect(report.status == 0 && FileManager.default.fileExists(atPath: html.path + "/r.html"), "\(report.stderr)")

        let listedHere = try local.run(["sessions", "--json"])
        let listedThere = try server.run(["sessions", "--server", server.url(clinic), "--json"], as: clinic)
        #expect(listedThere.status == 0, "\(listedThere.stderr)")
        #expect(withoutIDs(listedThere.stdout) == withoutIDs(listedHere.stdout))
        let stats = try server.run(["sessions", "--server", server.url(clinic), "--stats"], as: clinic)
        let localStats = try local.run(["sessions", "--stats"])
        #expect(stats.status == 0 && stats.stdout == localStats.stdout)
    }

    @Test("serve --server: every wearer's sessions in the browser, each report copied from the server on request; a wrong password stops it at once")
    func serveFromTheServer() async throws {
        let server = try ClinicServer.make()
        let anna = try Self.localSessions(count: 1), ben = try Self.localSessions(count: 1)
        defer { anna.remove(); ben.remove() }
        try setWearer("Anna", in: anna.path)
        try setWearer("Ben", in: ben.path)
        for local in [anna, ben] {
            let device = try server.login("device", memberOf: ServerSchema.deviceRole)
            #expect(try server.run(["sync", "--to", server.url(device), "--db", local.path], as: device).status == 0)
        }
        let clinic = try server.login("physio", memberOf: ServerSchema.clinicRole)
        let home = AwaitServerFolder()
        defer { home.remove() }
        let serving = try RunSessionTests.RunningSession(["serve", "127.0.0.1:0", "--server", server.url(clinic)],
                                                         home: URL(fileURLWithPath: home.path), environment: server.password(clinic))
        defer { if serving.process.isRunning { serving.process.terminate() } }  // a failed expectation below must not leave it serving
        #expect(serving.wait(for: "Ctrl-C stops the server."), "\(serving.text)")
        #expect(serving.text.contains("Serving the sessions in postgres://\(clinic)@127.0.0.1:\(server.cluster.port)/\(server.database)"))
        let line = try #require(serving.text.split(separator: "\n").first { $0.hasPrefix("Open: ") })
        let root = try #require(URL(string: String(line.dropFirst("Open: ".count)).split(separator: " ")[0].description))
        func get(_ path: String) async throws -> (Int, String) {
            let (data, response) = try await URLSession.shared.data(from: try #require(URL(string: path, relativeTo: root)))
            return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
        }
        let (listStatus, list) = try await get("/")
        #expect(listStatus == 200 && list.contains("<th>wearer</th>") && list.contains("Anna") && list.contains("Ben"))
        let benID = try server.sql("SELECT id FROM sessions WHERE wearer = 'Ben'")
        let (reportStatus, report) = try await get("/sessions/\(benID)")
        #expect(reportStatus == 200 && report.contains("<svg"), "\(report.prefix(300))")
        let (jsonStatus, json) = try await get("/api/sessions/\(benID)")
        let local = try ben.run(["review", "1", "--json"])
        #expect(jsonStatus == 200 && json.replacingOccurrences(of: #""id" : \d+"#, with: "", options: .regularExpression)
                == local.stdout.replacingOccurrences(of: #""id" : \d+"#, with: "", options: .regularExpression))
        let (missingStatus, missing) = try await get("/api/sessions/99999")
        #expect(missingStatus == 404 && missing.contains("no session 99999 on"), "\(missing)")
        kill(serving.process.processIdentifier, SIGINT)
        #expect(serving.finish() == 0, "\(serving.text)")

        let refused = try server.run(["serve", "127.0.0.1:0", "--server", server.url(clinic)], as: "nobody-with-this-password")
        #expect(refused.status == 1 && refused.stderr.contains("refused \(clinic)"), "\(refused.stderr)")
    }

    @Test("a device's role reads back only its own sessions; the clinic's reads every wearer's")
    func rolesSeeWhatTheyMay() async throws {
        let server = try ClinicServer.make()
        let anna = try Self.localSessions(count: 2), ben = try Self.localSessions(count: 1)
        defer { anna.remove(); ben.remove() }
        try setWearer("Anna", in: anna.path)
        try setWearer("Ben", in: ben.path)
        let annaDevice = try server.login("anna", memberOf: ServerSchema.deviceRole)
        let benDevice = try server.login("ben", memberOf: ServerSchema.deviceRole)
        let clinic = try server.login("physio", memberOf: ServerSchema.clinicRole)
        #expect(try server.run(["sync", "--to", server.url(annaDevice), "--db", anna.path], as: annaDevice).status == 0)
        #expect(try server.run(["sync", "--to", server.url(benDevice), "--db", ben.path], as: benDevice).status == 0)

        let asBen = try server.run(["sessions", "--server", server.url(benDevice), "--json"], as: benDevice)
        let benRows = try #require(JSONSerialization.jsonObject(with: Data(asBen.stdout.utf8)) as? [[String: Any]])
        #expect(benRows.map { $0["wearer"] as? String } == ["Ben"])
        let annaSession = try server.sql("SELECT min(id) FROM sessions WHERE wearer = 'Anna'")
        let peek = try server.run(["review", annaSession, "--server", server.url(benDevice)], as: benDevice)
        #expect(peek.status == 1 && peek.stderr.contains("no session \(annaSession) on"), "\(peek.stderr)")

        let all = try server.run(["sessions", "--server", server.url(clinic)], as: clinic)
        #expect(all.status == 0 && all.stdout.contains("wearer") && all.stdout.contains("Anna") && all.stdout.contains("Ben"),
                "\(all.stdout)\(all.stderr)")
        let onlyAnna = try server.run(["sessions", "--server", server.url(clinic), "--wearer", "Anna", "--json"], as: clinic)
        let annaRows = try #require(JSONSerialization.jsonObject(with: Data(onlyAnna.stdout.utf8)) as? [[String: Any]])
        #expect(annaRows.count == 2 && annaRows.allSatisfy { $0["wearer"] as? String == "Anna" })

        // Ben's role cannot pass itself off as Anna's device, nor write as the clinic.
        let stolen = try server.run(["sync", "--to", server.url(benDevice), "--db", anna.path], as: benDevice)
        #expect(stolen.status == 1 && stolen.stderr.contains("registered on 127.0.0.1 by another role"), "\(stolen.stderr)")
        let clinicWrites = try server.run(["sync", "--to", server.url(clinic), "--db", ben.path], as: clinic)
        #expect(clinicWrites.status == 1 && clinicWrites.stderr.contains("may not do this"), "\(clinicWrites.stderr)")
    }

    func setWearer(_ name: String, in path: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('UPDATE sessions SET wearer=?', (sys.argv[2],)); c.commit()", path, name]
        try process.run()
        process.waitUntilExit()
    }

    @Test("a bad URL, a wrong or missing password, no server, tables not set up or newer: one line each, with the fix")
    func failuresAreSentences() throws {
        let server = try ClinicServer.make()
        let local = try Self.localSessions(count: 1, duration: 30)
        defer { local.remove() }
        let device = try server.login("device", memberOf: ServerSchema.deviceRole)
        func sync(_ url: String, _ environment: [String: String]) throws -> String {
            let result = try ReviewDatabase.run(["sync", "--to", url, "--db", local.path], environment: environment)
            #expect(result.status == 1)
            #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
            #expect(!result.stderr.contains("PSQLError") && !result.stderr.contains("SyncError") && !result.stderr.contains("Code("))
            return result.stderr
        }
        let password = server.password(device)
        #expect(try sync("http://127.0.0.1/x", password).contains("does not start with postgres://"))
        #expect(try sync("postgres://\(device):secret@127.0.0.1:\(server.cluster.port)/\(server.database)", password).contains("carries a password"))
        #expect(try sync("postgres://\(device)@127.0.0.1:\(server.cluster.port)", password).contains("names no database"))
        #expect(try sync(server.url(device), ["PGPASSWORD": "wrong", "PGPASSFILE": "/nonexistent"]).contains("refused \(device)"))
        #expect(try sync(server.url(device), ["PGPASSWORD": "", "PGPASSFILE": "/nonexistent"]).contains("export PGPASSWORD, or add the line"))
        let closedPort = "postgres://\(device)@127.0.0.1:1/\(server.database)"
        #expect(try sync(closedPort, password).contains("cannot reach the PostgreSQL server at 127.0.0.1:1 (connection refused)"))
        #expect(try sync(server.cluster.url(user: device, database: "nosuchdb"), password).contains("has no database \"nosuchdb\""))
        try server.cluster.createDatabase(server.database + "_bare")
        let bare = server.cluster.url(user: PostgresCluster.admin, database: server.database + "_bare")
        #expect(try sync(bare, server.password(PostgresCluster.admin)).contains("has no StretchGuard tables yet: an administrator runs `stretchguard server init"))
        try server.sql("INSERT INTO stretchguard_schema (version) VALUES (\(ServerSchema.currentVersion + 1))")
        #expect(try sync(server.url(device), password).contains("newer than this StretchGuard understands"))
        let initAgain = try server.run(["server", "init", "--url", server.url(PostgresCluster.admin)], as: PostgresCluster.admin)
        #expect(initAgain.status == 1 && initAgain.stderr.contains("nothing was changed on the server"))
        // Nothing local was touched by any of it.
        #expect(try SessionStore(path: local.path).sessions().count == 1)
    }

    @Test("sslmode=require: synced over TLS to a server that refuses anything else; sslmode=disable: refused, in words")
    func tls() throws {
        let cluster = try PostgresCluster.start(tlsOnly: true)
        defer { cluster.stop() }
        let server = try ClinicServer.make(on: cluster)
        let local = try Self.localSessions(count: 1, duration: 30)
        defer { local.remove() }
        let device = try server.login("device", memberOf: ServerSchema.deviceRole)
        let encrypted = try server.run(["sync", "--to", server.url(device) + "?sslmode=require", "--db", local.path], as: device)
        #expect(encrypted.status == 0 && encrypted.stdout.contains("1 session sent"), "\(encrypted.stderr)")
        let plain = try server.run(["sync", "--to", server.url(device) + "?sslmode=disable", "--db", local.path], as: device)
        #expect(plain.status == 1 && plain.stderr.contains("refused \(device)") && plain.stderr.contains("no encryption"), "\(plain.stderr)")
    }

    @Test("the password file: host, port, database and user matched with * and escapes; a file others may read is skipped")
    func passwordFile() throws {
        let folder = AwaitServerFolder()
        defer { folder.remove() }
        let file = folder.path + "/pgpass"
        try "# clinic\nother:5432:*:*:no\n127.0.0.1:5432:clinic:dev\\:1:pa\\:ss\n*:*:*:*:fallback\n".write(toFile: file, atomically: true, encoding: .utf8)
        chmod(file, 0o600)
        let address = try ServerAddress(parsing: "postgres://dev%3A1@127.0.0.1/clinic")
        #expect(ServerPassword.lookUp(for: address, environment: ["PGPASSFILE": file]).password == "pa:ss")
        let other = try ServerAddress(parsing: "postgres://someone@10.0.0.2:5433/x")
        #expect(ServerPassword.lookUp(for: other, environment: ["PGPASSFILE": file]).password == "fallback")
        #expect(ServerPassword.lookUp(for: other, environment: ["PGPASSFILE": file, "PGPASSWORD": "env"]).password == "env")
        chmod(file, 0o644)
        let open = ServerPassword.lookUp(for: address, environment: ["PGPASSFILE": file])
        #expect(open.password == nil && open.warning?.contains("chmod 600") == true)
        #expect(try ServerAddress(parsing: "postgresql://u@h:6543/d?sslmode=require").description == "postgres://u@h:6543/d?sslmode=require")
        #expect(throws: SyncError.self) { try ServerAddress(parsing: "postgres://u@h/d?sslmode=sometimes") }
    }
}

/// A temporary folder for a test's copies.
struct AwaitServerFolder {
    let path = NSTemporaryDirectory() + "stretchguard-sync-test-" + UUID().uuidString

    init() { try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}
