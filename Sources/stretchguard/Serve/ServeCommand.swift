import ArgumentParser
import Dispatch
import Foundation
import Hummingbird
import StretchGuardConfig
import StretchGuardWeb
import Synchronization

extension StretchGuard {
    /// `stretchguard serve`: the recorded sessions for a browser on the clinic's network.
    struct Serve: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Serve the recorded sessions over HTTP (JSON and CSV) to a browser on this machine or the clinic's network.",
            discussion: """
                Read only. GET /api/sessions: the sessions and statistics of `sessions --json` and \
                `sessions --stats --json`; /api/sessions/ID (or latest): the review's JSON (summary, holds, \
                events); /api/sessions/ID/samples.csv: the review's CSV. Listens on 127.0.0.1 (this machine \
                only) unless HOST is given; on any other address every request needs the pairing token printed \
                in the URL (`?token=…` or `Authorization: Bearer …`), a new one each start. Ctrl-C (SIGINT) or \
                SIGTERM stops it.
                """)

        @Argument(help: "[HOST:]PORT to listen on: 8080 (this machine only), 0.0.0.0:8080 (every network, with a token).")
        var address: String

        @OptionGroup var store: StoreOptions

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
            let server = WebServer(archive: SessionArchive(databasePath: path, profiles: ProfileLibrary.standard()),
                                   token: WebServer.token(for: address))
            let failure = Mutex<String?>(nil)
            let done = DispatchSemaphore(value: 0)
            Task {
                do {
                    try await server.application(address: address) { port in
                        Self.announce(server, address: ServeAddress(host: address.host, port: port), database: path)
                    }.runService()
                } catch {
                    failure.withLock { $0 = Self.sentence(for: error, address: address) }
                }
                done.signal()
            }
            done.wait()
            if let message = failure.withLock({ $0 }) { throw fail(message) }
        }

        /// Prints where to connect, once the socket is bound.
        static func announce(_ server: WebServer, address: ServeAddress, database: String) {
            var lines = ["Serving the sessions in \(database)"]
            let wildcard = address.host == "0.0.0.0" || address.host == "::"
            let hosts = wildcard ? NetworkAddresses.ipv4().map { ServeAddress(host: $0, port: address.port) } : [address]
            for host in hosts { lines.append("Open: " + server.url(for: host, path: "/api/sessions")) }
            if hosts.isEmpty { lines.append("Open: " + server.url(for: address, path: "/api/sessions") + " (with this machine's address)") }
            if server.token != nil {
                lines.append("Every request needs this pairing token (new at each start); anyone with the URL can read the sessions.")
            } else {
                lines.append("Only this machine can connect; `stretchguard serve 0.0.0.0:\(address.port)` serves the clinic's network, with a token.")
            }
            lines.append("Ctrl-C stops the server.")
            StandardStreams.out(lines.joined(separator: "\n") + "\n")
        }

        /// One line for a server that could not start or stopped with an error.
        static func sentence(for error: any Error, address: ServeAddress) -> String {
            let detail = String(describing: error)
            if detail.contains("Address already in use") {
                return "cannot listen on \(address): another program uses port \(address.port); stop it or pick another port (`stretchguard serve \(address.host):8081`)"
            }
            if detail.contains("Cannot assign requested address") || detail.contains("Name or service not known") {
                return "cannot listen on \(address): this machine has no such address; give one of its own (`ip addr` lists them), or 0.0.0.0 for all"
            }
            if detail.contains("Permission denied") {
                return "cannot listen on \(address): ports below 1024 need root; pick a port from 1024 (8080)"
            }
            return "the server on \(address) stopped: \(detail)"
        }
    }
}
