import Foundation

/// A TCP socket bound to a free port on 127.0.0.1, closed when released.
public final class LoopbackSocket {
    /// The port it is bound to.
    public let port: Int
    private let descriptor: Int32

    /// - Parameter listening: whether it listens. A listening socket that nobody accepts on stands for a
    ///   server that says nothing: the kernel completes the TCP handshake and no answer ever comes.
    public init(listening: Bool) throws {
        let descriptor = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
                bind(descriptor, generic, length) == 0 && (!listening || listen(descriptor, 8) == 0)
                    && getsockname(descriptor, generic, &length) == 0
            }
        }
        guard descriptor >= 0, bound else {
            if descriptor >= 0 { close(descriptor) }
            throw ClusterError(description: "no free TCP port on 127.0.0.1")
        }
        self.descriptor = descriptor
        port = Int(UInt16(bigEndian: address.sin_port))
    }

    deinit { close(descriptor) }
}
