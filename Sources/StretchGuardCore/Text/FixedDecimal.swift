/// Decimal numbers for files and messages, without `String(format:)`, locale-free, and never trapping: a
/// non-finite value is written as Swift spells it ("nan", "inf"), a huge one in exponent form.
public enum FixedDecimal {
    private static let powers: [Double] = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9]

    /// Appends `value` rounded to `decimals` (0–9) decimals, e.g. `-0.012500`.
    public static func append(_ value: Double, decimals: Int, to out: inout [UInt8]) {
        guard value.isFinite, abs(value) < 9e8 else {
            out.append(contentsOf: String(value).utf8)
            return
        }
        let scaled = Int64((abs(value) * powers[decimals]).rounded())
        if value < 0 && scaled != 0 { out.append(UInt8(ascii: "-")) }
        let scale = Int64(powers[decimals])
        appendInteger(scaled / scale, to: &out)
        guard decimals > 0 else { return }
        out.append(UInt8(ascii: "."))
        var fraction = scaled % scale
        var digits = [UInt8](repeating: UInt8(ascii: "0"), count: decimals)
        for i in stride(from: decimals - 1, through: 0, by: -1) {
            digits[i] = UInt8(ascii: "0") + UInt8(fraction % 10)
            fraction /= 10
        }
        out.append(contentsOf: digits)
    }

    /// `value` rounded to `decimals` (0–9) decimals, as a string.
    public static func string(_ value: Double, decimals: Int) -> String {
        var bytes: [UInt8] = []
        append(value, decimals: decimals, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `value` with up to `decimals` (0–9) decimals, trailing zeros dropped, for messages: "2", "0.25",
    /// "1e+20"; "not a number" and "infinite" for the non-finite.
    public static func short(_ value: Double, decimals: Int = 2) -> String {
        guard value.isFinite else { return value.isNaN ? "not a number" : (value > 0 ? "infinite" : "-infinite") }
        guard abs(value) < 9e8 else { return String(value) }
        var text = string(value, decimals: decimals)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text == "-0" ? "0" : text
    }

    /// Appends a non-negative integer.
    static func appendInteger(_ n: Int64, to out: inout [UInt8]) {
        if n >= 10 { appendInteger(n / 10, to: &out) }
        out.append(UInt8(ascii: "0") + UInt8(n % 10))
    }
}
