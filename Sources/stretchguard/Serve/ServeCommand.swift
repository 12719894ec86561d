import ArgumentParser
import Foundation
import StretchGuardConfig
import StretchGuardSync
import StretchGuardWeb

extension StretchGuard {
    /// `stretchguard serve`: the recorded sessions for a browser on the clinic's network.
    struct Serve: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Serve the recorded sessions to a browser on this machine or the clinic's network: the session list, each report, CSV and JSON.",
            discussion: """
                Read only. / is the session list with each session's report (/sessions/ID) and exports. \
                GET /api/sessions: the sessions and statistics of `sessions --json` and \
                `sessions --stats --json`; /api/sessions/ID (or latest): the review's JSON (summary, holds, \
                events); /api/sessions/ID/samples.csv: the review's CSV. Listens on 127.0.0.1 (this machine \
                only) unless HOST is given; on any other address every request needs the pairing token printed \
                in the URL (`?token=…` or `Authorization: Bearer …`), a new one each start. Ctrl-C (SIGINT) or \
                SIGTERM stops it.
                """)

        @Argument(help: "[HOST:]PORT to listen on: 8080 (this machine only), 0.0.0.0:8080 (every network, with a token).")
        var address: String

        @OptionGroup var store: StoreOptions

        @OptionGroup var server: ServerOptions

        func validate() throws {
            if server.url != nil, store.path != nil { throw ValidationError("--server and --db: choose one") }
        }

        func run() throws {
            let address: ServeAddress
            let path: String
            do {
                address = try ServeAddress(parsing: self.address)
            } catch {
                throw fail(error)
            }
            do {
                path = try store.resolvedPath()
            } catch {
                throw fail(error)
            }
            var archive = SessionArchive(databasePath: path, profiles: ProfileLibrary.standard())
            var source = path
            if let url = self.server.url {
                // Every wearer's sessions on the clinic's server: checked once now, so a wrong URL or password
                // stops here with the sentence rather than on the first page.
                try self.server.listing(wearer: nil)?.copy.discard()  // fails with the sentence and the fix
                let remote: ServerSessionSource
                do {
                    remote = ServerSessionSource(address: try ServerAddress(parsing: url))
                } catch {
                    throw fail(error)
                }
                archive = SessionArchive(remote: remote, profiles: ProfileLibrary.standard())
                source = remote.name
            }
            let server = WebServer(archive: archive, token: WebServer.token(for: address))
            StopSignal.install()
            let running: RunningWebServer
            do {
                running = try RunningWebServer.start(server, on: address)
            } catch {
                throw fail(error.description)
            }
            Self.announce(server, address: ServeAddress(host: address.host, port: running.port), database: source)
            while !running.hasEnded, StopSignal.token.sleep(0.2) {}
            running.stop(linger: 0)
            if let failure = running.failureReason { throw fail(failure.description) }
        }

        /// Prints where to connect, once the socket is bound.
        static func announce(_ server: WebServer, address: ServeAddress, database: String) {
            var lines = ["Serving the sessions in \(database)"]
            lines += ServeURLs.urls(server, address: address, path: "/").map { "Open: " + $0 }
            lines.append(ServeURLs.access(server, address: address, widerCommand: "stretchguard serve 0.0.0.0:\(address.port)"))
            lines.append("Ctrl-C stops the server.")
            StandardStreams.out(lines.joined(separator: "\n") + "\n")
        }
    }
}
