import Foundation

/// Where `stretchguard serve` listens: a host (default 127.0.0.1) and a TCP port, parsed from `[HOST:]PORT`.
public struct ServeAddress: Sendable, Equatable, CustomStringConvertible {
    /// The host to bind: an IPv4 address, `localhost`, or an IPv6 address (written `[::1]:8080`).
    public var host: String
    /// The TCP port, 1–65535, or 0 for any free one (the server says which).
    public var port: Int

    /// The host health data stays on unless asked otherwise: loopback only.
    public static let defaultHost = "127.0.0.1"

    /// An address.
    public init(host: String = ServeAddress.defaultHost, port: Int) {
        self.host = host
        self.port = port
    }

    /// Parses `PORT`, `HOST:PORT` or `[IPv6]:PORT`.
    ///
    /// - Throws: ``ServeAddressError`` naming the text and the expected form.
    public init(parsing text: String) throws(ServeAddressError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        var host = Self.defaultHost
        var portText = Substring(trimmed)
        if trimmed.hasPrefix("[") {
            guard let close = trimmed.firstIndex(of: "]"), trimmed[trimmed.index(after: close)...].hasPrefix(":")
            else { throw ServeAddressError(text: text) }
            host = String(trimmed[trimmed.index(after: trimmed.startIndex)..<close])
            portText = trimmed[trimmed.index(close, offsetBy: 2)...]
        } else if let colon = trimmed.lastIndex(of: ":") {
            host = String(trimmed[..<colon])
            portText = trimmed[trimmed.index(after: colon)...]
        }
        guard !host.isEmpty, !host.contains(where: \.isWhitespace), let port = Int(portText), (0...65535).contains(port)
        else { throw ServeAddressError(text: text) }
        self.init(host: host, port: port)
    }

    /// Whether only this machine can connect (127.0.0.0/8, `localhost`, `::1`): then no pairing token is needed.
    public var isLoopback: Bool {
        let lower = host.lowercased()
        return lower == "localhost" || lower == "::1" || lower.hasPrefix("127.")
    }

    /// `HOST:PORT`, with an IPv6 host in brackets (as in a URL).
    public var description: String {
        host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }
}

/// A `[HOST:]PORT` that does not parse.
public struct ServeAddressError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The text given.
    public var text: String

    /// One line: what is wrong, and the form to use.
    public var description: String {
        "'\(text)' is not an address to serve on: give a port (8080) or HOST:PORT (0.0.0.0:8080, [::]:8080), with the port from 1 to 65535 (0: any free port)"
    }
}
