import Foundation
import StretchGuardCore
import StretchGuardReview
import StretchGuardStore
import StretchGuardSync
import StretchGuardTestSupport

/// `stretchguard-bench --stage sync`: a clinic's server under load. A throw-away PostgreSQL cluster (with
/// fsync on) on loopback; one generated 200 Hz session copied into each device's database as many times as
/// asked; then one session synced alone (the time a device waits after a session), every device synced at
/// once (sessions/s, MB/s), the server's table sizes per session hour, and `sessions --server` listing
/// the asked number of sessions (the fastest of three).
struct SyncBench {
    var devices: Int
    var sessionsPerDevice: Int
    /// Length of each session, in s.
    var duration: Double
    /// Sessions on the server when the listing is timed (metadata-only copies make up the number).
    var listing: Int

    func run() throws -> SyncBenchResult {
        let cluster = try PostgresCluster.start(durable: true)
        defer { cluster.stop() }
        try cluster.createDatabase("clinic")
        let folder = NSTemporaryDirectory() + "stretchguard-sync-bench-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let admin = cluster.url(user: PostgresCluster.admin, database: "clinic")
        try AwaitServer.run { try await ServerConnection.with(try ServerAddress(parsing: admin), environment: ["PGPASSWORD": cluster.password]) { server in
            _ = try await ServerSchema.migrate(server)
        } }
        for device in 0...devices { try cluster.createLogin("bench_device_\(device)", password: "pw", memberOf: ServerSchema.deviceRole) }
        try cluster.createLogin("bench_clinic", password: "pw", memberOf: ServerSchema.clinicRole)

        // One generated session, copied into every device's database.
        let generated = ContinuousClock.now
        let template = try SessionStore(path: folder + "/template.sqlite")
        let written = try SyntheticSession.write(into: template, duration: duration, rate: 200, startDate: Date(timeIntervalSince1970: 1_750_000_000),
                                                 profile: .general)
        let row = try template.syncRows(.sessions, of: written.session)[0]
        var parts: [SyncTable: [SyncRow]] = [:]
        for table in SyncTable.sessionParts { parts[table] = try template.syncRows(table, of: written.session) }
        let blockBytes = parts[.sampleBlocks]!.reduce(0) { total, row in
            if case .blob(let bytes) = row.values[3] { return total + bytes.count }
            return total
        }
        func database(_ name: String, sessions: Int) throws -> SessionStore {
            let store = try SessionStore(path: folder + "/\(name).sqlite")
            for session in 1...sessions {
                var copy = row
                copy.values[0] = .real(1_750_000_000 + Double(session) * 86_400)  // started_at, one a day
                try store.insertCopied(session: Int64(session), row: copy, parts: parts)
            }
            return store
        }
        let single = try database("single", sessions: 1)
        let stores = try (0..<devices).map { try database("device-\($0)", sessions: sessionsPerDevice) }
        let preparation = seconds(since: generated)

        // One session alone, then every device at once.
        let url = { @Sendable (device: Int) in cluster.url(user: "bench_device_\(device)", database: "clinic") }
        let alone = ContinuousClock.now
        _ = try push(single, to: url(devices))
        let oneSession = seconds(since: alone)
        let together = ContinuousClock.now
        let reports = try AwaitServer.run {
            try await withThrowingTaskGroup(of: SyncReport.self) { group in
                for (device, store) in stores.enumerated() {
                    group.addTask {
                        try await ServerConnection.with(try ServerAddress(parsing: url(device)), environment: ["PGPASSWORD": "pw"]) { server in
                            try await SessionSync().push(store, to: server)
                        }
                    }
                }
                var all: [SyncReport] = []
                for try await report in group { all.append(report) }
                return all
            }
        }
        let concurrent = seconds(since: together)
        let sessionsSent = reports.reduce(0) { $0 + $1.sessionsSent }
        let bytesSent = reports.reduce(0) { $0 + $1.bytesSent }

        // The server's tables, per session hour.
        try cluster.psql("VACUUM ANALYZE", database: "clinic")
        let sizes = try cluster.psql("""
            SELECT relname, pg_total_relation_size(oid) FROM pg_class
            WHERE relname IN ('sessions', 'sample_blocks', 'events', 'markers', 'gaps') ORDER BY relname
            """, database: "clinic").split(separator: "\n").map { line -> (String, Int) in
                let fields = line.split(separator: "|")
                return (String(fields[0]), Int(fields[1]) ?? 0)
            }
        let sessionHours = Double(sessionsSent + 1) * duration / 3600

        // The listing: metadata-only copies of one session make up the number asked.
        let present = Int(try cluster.psql("SELECT count(*) FROM sessions WHERE uploaded", database: "clinic")) ?? 0
        if listing > present {
            let columns = SyncTable.sessions.columns.map(\.name).joined(separator: ", ")
            try cluster.psql("""
                INSERT INTO sessions (device_id, local_id, owner, uploaded, \(columns))
                SELECT device_id, 1000000 + g, owner, true, \(columns)
                FROM (SELECT * FROM sessions ORDER BY id LIMIT 1) s, generate_series(1, \(listing - present)) g
                """, database: "clinic")
        }
        var listingTimes: [Double] = []
        var listed = 0
        for attempt in 0..<3 {
            let start = ContinuousClock.now
            let path = folder + "/listing-\(attempt).sqlite"
            let store = try AwaitServer.run {
                try await ServerConnection.with(try ServerAddress(parsing: cluster.url(user: "bench_clinic", database: "clinic")),
                                                environment: ["PGPASSWORD": "pw"]) { server in
                    try await ServerCopy.listing(from: server, wearer: nil, into: path)
                }
            }
            let listingTable = SessionListing(try store.sessionList())
            _ = listingTable.text(databasePath: "server")
            listingTimes.append(seconds(since: start))
            listed = listingTable.sessions.count
        }
        return SyncBenchResult(devices: devices, sessionsPerDevice: sessionsPerDevice, duration: duration,
                               sessionBytes: blockBytes, blocksPerSession: parts[.sampleBlocks]!.count, preparation: preparation,
                               oneSession: oneSession, concurrent: concurrent, sessionsSent: sessionsSent, bytesSent: bytesSent,
                               tableBytesPerSessionHour: sizes.map { ($0.0, Double($0.1) / sessionHours) },
                               listed: listed, listingSeconds: listingTimes.min() ?? 0)
    }

    private func push(_ store: SessionStore, to url: String) throws -> SyncReport {
        try AwaitServer.run {
            try await ServerConnection.with(try ServerAddress(parsing: url), environment: ["PGPASSWORD": "pw"]) { server in
                try await SessionSync().push(store, to: server)
            }
        }
    }

    private func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    }
}

/// What `--stage sync` measured.
struct SyncBenchResult {
    var devices: Int, sessionsPerDevice: Int, duration: Double
    /// One session's sample blocks, in bytes, and their count.
    var sessionBytes: Int, blocksPerSession: Int
    /// Generating and copying the sessions into the devices' databases, in s.
    var preparation: Double
    /// One session synced alone, in s.
    var oneSession: Double
    /// Every device synced at once, in s.
    var concurrent: Double
    var sessionsSent: Int, bytesSent: Int
    /// Each table's size on the server (data, indexes, TOAST) per session hour, in bytes.
    var tableBytesPerSessionHour: [(String, Double)]
    /// Sessions the listing showed, and its time (copy from the server and render), in s.
    var listed: Int, listingSeconds: Double

    var text: String {
        let hours = duration / 3600
        let lines = [
            "sync: \(devices) devices × \(sessionsPerDevice) sessions of \(format(duration / 60, 0)) min at 200 Hz "
                + "(\(format(Double(sessionBytes) / 1e6, 1)) MB of samples, \(blocksPerSession) blocks each; prepared in \(format(preparation, 1)) s)",
            "  one session alone: \(format(oneSession, 2)) s (goal for one hour: under 2 s"
                + (hours == 1 ? (oneSession < 2 ? ": met)" : ": missed)") : ")"),
            "  all devices at once: \(sessionsSent) sessions in \(format(concurrent, 1)) s: \(format(Double(sessionsSent) / concurrent, 2)) sessions/s, "
                + "\(format(Double(bytesSent) / 1e6 / concurrent, 1)) MB/s",
            "  server tables per session hour: " + tableBytesPerSessionHour.map { "\($0.0) \(format($0.1 / 1e6, 2)) MB" }.joined(separator: ", "),
            "  sessions --server: \(listed) sessions listed in \(format(listingSeconds * 1000, 0)) ms (goal for 500: under 200 ms)",
        ]
        return lines.joined(separator: "\n")
    }

    var json: String {
        var tables: [String: Double] = [:]
        for (name, bytes) in tableBytesPerSessionHour { tables[name] = bytes }
        let object: [String: Any] = [
            "stage": "sync", "devices": devices, "sessions_per_device": sessionsPerDevice, "session_s": duration,
            "session_bytes": sessionBytes, "one_session_s": oneSession, "concurrent_s": concurrent, "sessions_sent": sessionsSent,
            "bytes_sent": bytesSent, "sessions_per_s": Double(sessionsSent) / concurrent, "mb_per_s": Double(bytesSent) / 1e6 / concurrent,
            "table_bytes_per_session_hour": tables, "listed": listed, "listing_s": listingSeconds,
        ]
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    private func format(_ value: Double, _ decimals: Int) -> String { String(format: "%.\(decimals)f", value) }
}
