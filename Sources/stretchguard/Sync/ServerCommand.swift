import ArgumentParser
import Foundation
import StretchGuardSync

extension StretchGuard {
    /// `stretchguard server init --url URL`: the clinic's server, set up by its administrator.
    struct Server: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Set up the clinic's PostgreSQL server (administrators).",
            subcommands: [Init.self])

        struct Init: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Create or upgrade StretchGuard's tables and roles in a database.",
                discussion: """
                    Run once by an administrator (a role that may create tables and roles), and again after \
                    updating StretchGuard. Creates the tables and two roles without login: stretchguard_device \
                    (a device's login role is made a member: it adds and reads back only its own sessions) and \
                    stretchguard_clinic (reads every session, changes nothing). A database with newer \
                    StretchGuard tables is left untouched.
                    """)

            @Option(name: .customLong("url"), help: ArgumentHelp("The database, as an administrator: postgres://ADMIN@HOST:PORT/DB.", valueName: "URL"))
            var url: String

            func run() throws {
                do throws(SyncError) {
                    let address = try ServerAddress(parsing: url)
                    let applied = try AwaitServer.run { () async throws(SyncError) -> [Int] in
                        try await ServerConnection.with(address, warn: warn) { server in try await ServerSchema.migrate(server) }
                    }
                    print(applied.isEmpty
                          ? "server: \(address.database) on \(address.host) already has StretchGuard's tables (version \(ServerSchema.currentVersion))"
                          : "server: \(address.database) on \(address.host) now has StretchGuard's tables (version \(ServerSchema.currentVersion)) "
                            + "and the roles \(ServerSchema.deviceRole) and \(ServerSchema.clinicRole)")
                } catch {
                    throw fail(error)
                }
            }
        }
    }
}
