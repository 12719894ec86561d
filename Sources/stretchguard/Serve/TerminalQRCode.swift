import CQREncode

/// A QR code of a short text (the pairing URL) drawn in the terminal for a tablet's camera: libqrencode
/// makes the symbol, drawn two module rows per text line with half blocks, black on white whatever the
/// terminal's colours, inside a quiet margin.
struct TerminalQRCode {
    /// The symbol's modules, row by row from the top: true is dark.
    let modules: [[Bool]]

    /// The code for `text` (error correction level M: 15 % of the symbol may be unreadable), or nil when
    /// libqrencode cannot encode it (too long for any QR version).
    init?(_ text: String) {
        guard let code = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1) else { return nil }
        defer { QRcode_free(code) }
        let width = Int(code.pointee.width)
        let data = code.pointee.data!
        // Bit 0 of each byte is the module's colour (1: dark); the others say what it is part of.
        modules = (0..<width).map { y in (0..<width).map { x in data[y * width + x] & 1 == 1 } }
    }

    /// Modules per side (17 + 4 × the QR version).
    var width: Int { modules.count }

    /// The code as text lines: two module rows per line, `margin` light modules around it.
    func lines(margin: Int = 2) -> [String] {
        let size = width + 2 * margin
        func dark(_ x: Int, _ y: Int) -> Bool {
            let (column, row) = (x - margin, y - margin)
            guard row >= 0, row < width, column >= 0, column < width else { return false }
            return modules[row][column]
        }
        let blackOnWhite = "\u{1B}[30;47m", reset = "\u{1B}[0m"
        return stride(from: 0, to: size, by: 2).map { y in
            var line = blackOnWhite
            for x in 0..<size {
                switch (dark(x, y), dark(x, y + 1)) {
                case (true, true): line += "█"
                case (true, false): line += "▀"
                case (false, true): line += "▄"
                case (false, false): line += " "
                }
            }
            return line + reset
        }
    }
}
