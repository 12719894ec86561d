import Testing
@testable import stretchguard

/// The pairing URL's QR code: a valid symbol's shape (size, the three finder patterns) drawn two rows per
/// line in half blocks, black on white.
@Suite struct TerminalQRCodeTests {
    static let url = "http://192.168.1.23:8080/live?token=0123456789abcdef0123456789abcdef"

    /// Whether the 7×7 finder pattern (a dark ring, a light ring, a dark 3×3 core) sits at `(x, y)`.
    func finder(_ code: TerminalQRCode, x: Int, y: Int) -> Bool {
        (0..<7).allSatisfy { dy in
            (0..<7).allSatisfy { dx in
                let ring = max(abs(dx - 3), abs(dy - 3))  // 3: outer, 2: light, ≤ 1: core
                return code.modules[y + dy][x + dx] == (ring != 2)
            }
        }
    }

    @Test func aSymbolOfAValidSizeWithItsThreeFinderPatterns() throws {
        let code = try #require(TerminalQRCode(Self.url))
        #expect(code.width >= 21 && (code.width - 17) % 4 == 0, "width \(code.width)")
        #expect(code.modules.allSatisfy { $0.count == code.width })
        let far = code.width - 7
        #expect(finder(code, x: 0, y: 0) && finder(code, x: far, y: 0) && finder(code, x: 0, y: far))
        #expect(!finder(code, x: far, y: far), "a fourth finder pattern: not a QR symbol")
        // Another URL (another token) is another symbol.
        let other = try #require(TerminalQRCode(Self.url.replacingOccurrences(of: "0123", with: "fedc")))
        #expect(other.modules != code.modules)
    }

    @Test func drawnTwoModuleRowsPerLineInsideAMargin() throws {
        let code = try #require(TerminalQRCode(Self.url))
        let lines = code.lines(margin: 2)
        let size = code.width + 4
        #expect(lines.count == (size + 1) / 2)
        let cells = lines.map { line in
            Array(line.replacingOccurrences(of: "\u{1B}[30;47m", with: "").replacingOccurrences(of: "\u{1B}[0m", with: ""))
        }
        #expect(cells.allSatisfy { $0.count == size })
        #expect(lines.allSatisfy { $0.hasPrefix("\u{1B}[30;47m") && $0.hasSuffix("\u{1B}[0m") }, "not black on white")
        // The margin is light. Line 1 draws rows 2 and 3: the top-left finder's dark top edge over its ring
        // (dark at both sides, light inside), so full blocks at its sides and upper halves between.
        #expect(cells[0].allSatisfy { $0 == " " })
        #expect(cells[1][2] == "█" && cells[1][8] == "█" && cells[1][3...7].allSatisfy { $0 == "▀" })
        // Every module is drawn: dark modules counted back from the blocks equal the symbol's.
        let drawn = cells.joined().reduce(0) { n, c in n + (c == "█" ? 2 : c == "▀" || c == "▄" ? 1 : 0) }
        #expect(drawn == code.modules.joined().filter { $0 }.count)
    }

    @Test func textBeyondAnyQRVersionGivesNoCode() {
        #expect(TerminalQRCode(String(repeating: "x", count: 5000)) == nil)
    }
}
