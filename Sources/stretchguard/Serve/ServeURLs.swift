import StretchGuardWeb

/// Where a browser reaches a server this process started, as lines for the terminal.
enum ServeURLs {
    /// The URL of `path` for each address a browser can use: every IPv4 address of this machine for a
    /// wildcard bind (0.0.0.0, ::), else the bound address; each with the pairing token when one is needed.
    static func urls(_ server: WebServer, address: ServeAddress, path: String) -> [String] {
        let wildcard = address.host == "0.0.0.0" || address.host == "::"
        let hosts = wildcard ? NetworkAddresses.ipv4().map { ServeAddress(host: $0, port: address.port) } : [address]
        if hosts.isEmpty { return [server.url(for: address, path: path) + " (with this machine's address)"] }
        return hosts.map { server.url(for: $0, path: path) }
    }

    /// Who can connect: anyone with the token's URL, or this machine only (with the way to open it up).
    static func access(_ server: WebServer, address: ServeAddress, widerCommand: String) -> String {
        server.token != nil
            ? "Every request needs this pairing token (new at each start); anyone with the URL can read the sessions."
            : "Only this machine can connect; `\(widerCommand)` serves the clinic's network, with a token."
    }
}
