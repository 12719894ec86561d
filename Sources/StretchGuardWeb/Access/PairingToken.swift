/// The secret a viewer shows when the server listens beyond loopback: 128 random bits as 32 lowercase hex
/// digits, printed in the URL `serve` gives and kept by the page in memory only.
public struct PairingToken: Sendable, Equatable, CustomStringConvertible {
    /// The token's text.
    public let value: String

    /// A fixed token (tests, or one the user chose).
    public init(_ value: String) {
        self.value = value
    }

    /// A fresh token from the system's cryptographically secure generator.
    public static func random() -> PairingToken {
        var generator = SystemRandomNumberGenerator()
        return random(using: &generator)
    }

    /// A token drawn from `generator` (128 bits).
    public static func random(using generator: inout some RandomNumberGenerator) -> PairingToken {
        let high = generator.next() as UInt64, low = generator.next() as UInt64
        return PairingToken(hex(high) + hex(low))
    }

    /// Whether `candidate` is this token, comparing every byte whatever the first difference (no timing hint).
    public func matches(_ candidate: some StringProtocol) -> Bool {
        let a = Array(value.utf8), b = Array(candidate.utf8)
        var difference = UInt8(truncatingIfNeeded: a.count ^ b.count) | (a.count == b.count ? 0 : 1)
        for index in 0..<min(a.count, b.count) { difference |= a[index] ^ b[index] }
        return difference == 0
    }

    public var description: String { value }

    private static func hex(_ x: UInt64) -> String {
        let digits = String(x, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
