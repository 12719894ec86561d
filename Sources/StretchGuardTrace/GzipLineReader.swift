import CZlib

/// Reads a text file line by line, plain or gzip-compressed (zlib reads both transparently).
///
/// Lines are handed out as byte slices of an internal buffer, valid until the next call.
final class GzipLineReader {
    private let file: gzFile
    private var buffer: [UInt8] = []
    private var start = 0
    private var end = 0
    private var atEOF = false
    /// The 1-based number of the line last returned.
    private(set) var lineNumber = 0

    /// Opens `path` for reading; `nil` if it cannot be opened (`errno` says why).
    init?(path: String) {
        guard let f = gzopen(path, "rb") else { return nil }
        file = f
        gzbuffer(f, 1 << 17)
        buffer = [UInt8](repeating: 0, count: 1 << 16)
    }

    deinit { gzclose(file) }

    /// The next line without its line ending, or `nil` at the end of the file.
    ///
    /// - Throws: `ReadFailure` when zlib reports an error (a truncated or corrupt `.gz`).
    func nextLine<R>(_ body: (ArraySlice<UInt8>) throws -> R) throws -> R? {
        while true {
            if let nl = buffer[start..<end].firstIndex(of: UInt8(ascii: "\n")) {
                var lineEnd = nl
                if lineEnd > start && buffer[lineEnd - 1] == UInt8(ascii: "\r") { lineEnd -= 1 }
                let line = buffer[start..<lineEnd]
                start = nl + 1
                lineNumber += 1
                return try body(line)
            }
            if atEOF {
                guard start < end else { return nil }
                let line = buffer[start..<end]
                start = end
                lineNumber += 1
                return try body(line)
            }
            try fill()
        }
    }

    /// Moves the unread bytes to the front and reads more.
    private func fill() throws {
        if start > 0 {
            buffer.replaceSubrange(0..<(end - start), with: buffer[start..<end])
            end -= start
            start = 0
        }
        if end == buffer.count { buffer.append(contentsOf: repeatElement(0, count: buffer.count)) }
        let capacity = buffer.count - end
        let n = buffer.withUnsafeMutableBytes { raw in
            gzread(file, raw.baseAddress! + end, UInt32(capacity))
        }
        if n < 0 {
            var code: Int32 = 0
            let message = gzerror(file, &code).map { String(cString: $0) } ?? "unknown zlib error"
            throw ReadFailure(message: message)
        }
        if n == 0 {
            // A truncated .gz ends without an error from gzread; zlib reports it here (Z_BUF_ERROR).
            var code: Int32 = 0
            let message = gzerror(file, &code)
            if code != Z_OK {
                throw ReadFailure(message: message.map { String(cString: $0) } ?? "unexpected end of file")
            }
            atEOF = true
        }
        end += Int(n)
    }

    /// zlib could not read the file.
    struct ReadFailure: Error {
        var message: String
    }
}
