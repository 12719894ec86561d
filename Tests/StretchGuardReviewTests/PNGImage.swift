import CZlib
import Foundation

/// A decoded PNG (8-bit greyscale, RGB or RGBA, not interlaced — what Chromium's screenshots are), as
/// RGB pixels: enough to tell whether a browser drew a page.
struct PNGImage {
    /// Width and height, in pixels.
    let width: Int, height: Int
    /// Row-major RGB triples.
    let pixels: [SIMD3<UInt8>]

    /// Why a file is not a PNG this decoder reads.
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Decodes a PNG file's bytes.
    init(data: Data) throws {
        let bytes = [UInt8](data)
        guard bytes.count > 8, bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) else {
            throw Failure(description: "not a PNG file")
        }
        func be32(_ i: Int) -> Int { Int(bytes[i]) << 24 | Int(bytes[i + 1]) << 16 | Int(bytes[i + 2]) << 8 | Int(bytes[i + 3]) }
        var offset = 8
        var header: (width: Int, height: Int, depth: UInt8, color: UInt8, interlace: UInt8)?
        var compressed: [UInt8] = []
        while offset + 8 <= bytes.count {
            let length = be32(offset)
            let type = String(decoding: bytes[offset + 4..<offset + 8], as: UTF8.self)
            let body = offset + 8
            guard body + length <= bytes.count else { throw Failure(description: "truncated \(type) chunk") }
            switch type {
            case "IHDR": header = (be32(body), be32(body + 4), bytes[body + 8], bytes[body + 9], bytes[body + 12])
            case "IDAT": compressed += bytes[body..<body + length]
            default: break
            }
            offset = body + length + 4  // skip the CRC
        }
        guard let header, header.depth == 8, header.interlace == 0 else {
            throw Failure(description: "not an 8-bit, non-interlaced PNG")
        }
        let channels: Int
        switch header.color {
        case 0: channels = 1
        case 2: channels = 3
        case 6: channels = 4
        default: throw Failure(description: "colour type \(header.color) is not supported")
        }
        let stride = header.width * channels
        var raw = [UInt8](repeating: 0, count: header.height * (stride + 1))
        var rawLength = uLongf(raw.count)
        let status = raw.withUnsafeMutableBufferPointer { out in
            compressed.withUnsafeBufferPointer { input in
                uncompress(out.baseAddress, &rawLength, input.baseAddress, uLong(input.count))
            }
        }
        guard status == Z_OK, Int(rawLength) == raw.count else {
            throw Failure(description: "the image data does not inflate (zlib status \(status))")
        }
        // Undo the per-row filters (PNG specification, section 9).
        var image = [UInt8](repeating: 0, count: header.height * stride)
        for y in 0..<header.height {
            let filter = raw[y * (stride + 1)]
            for x in 0..<stride {
                let value = raw[y * (stride + 1) + 1 + x]
                let a = x >= channels ? Int(image[y * stride + x - channels]) : 0
                let b = y > 0 ? Int(image[(y - 1) * stride + x]) : 0
                let c = x >= channels && y > 0 ? Int(image[(y - 1) * stride + x - channels]) : 0
                let predictor: Int
                switch filter {
                case 0: predictor = 0
                case 1: predictor = a
                case 2: predictor = b
                case 3: predictor = (a + b) / 2
                case 4:
                    let p = a + b - c
                    let (pa, pb, pc) = (abs(p - a), abs(p - b), abs(p - c))
                    predictor = pa <= pb && pa <= pc ? a : (pb <= pc ? b : c)
                default: throw Failure(description: "unknown row filter \(filter)")
                }
                image[y * stride + x] = UInt8(truncatingIfNeeded: Int(value) + predictor)
            }
        }
        width = header.width
        height = header.height
        pixels = (0..<header.width * header.height).map { i in
            let p = i * channels
            return channels >= 3 ? SIMD3(image[p], image[p + 1], image[p + 2]) : SIMD3(repeating: image[p])
        }
    }

    /// Pixels within `tolerance` (per channel) of `colour`.
    func count(near colour: SIMD3<UInt8>, tolerance: Int) -> Int {
        pixels.count { pixel in
            (0..<3).allSatisfy { abs(Int(pixel[$0]) - Int(colour[$0])) <= tolerance }
        }
    }
}
