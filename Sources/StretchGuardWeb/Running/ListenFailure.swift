/// Why the server could not listen, or stopped with an error, as one sentence with the fix.
public struct ListenFailure: Error, Sendable, CustomStringConvertible {
    public let description: String

    /// The sentence for `error` from the server on `address`.
    public init(_ error: any Error, address: ServeAddress) {
        let detail = String(describing: error)
        if detail.contains("Address already in use") {
            description = "cannot listen on \(address): another program uses port \(address.port); stop it or pick another port (\(address.host):8081)"
        } else if detail.contains("Cannot assign requested address") || detail.contains("Name or service not known") {
            description = "cannot listen on \(address): this machine has no such address; give one of its own (`ip addr` lists them), or 0.0.0.0 for all"
        } else if detail.contains("Permission denied") {
            description = "cannot listen on \(address): ports below 1024 need root; pick a port from 1024 (8080)"
        } else {
            description = "the web server on \(address) stopped: \(detail)"
        }
    }

    /// A server that did not report its socket within the time allowed.
    init(timedOutOn address: ServeAddress, seconds: Double) {
        description = "the web server on \(address) did not start within \(Int(seconds)) s; try again, or another port"
    }
}
