import Foundation
import Hummingbird

/// The server's response bodies: JSON (sorted keys, as the CLI prints it) and CSV text, UTF-8, never cached.
enum WebResponse {
    /// `value` as JSON with sorted keys: pretty-printed and newline-terminated (the CLI's `--json` style), or
    /// `compact` on one line (a WebSocket message).
    static func encode(_ value: some Encodable, compact: Bool = false) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = compact ? [.sortedKeys, .withoutEscapingSlashes]
            : [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding plain structs of numbers, strings and booleans cannot fail; a NaN would, and reads as null.
        let json = String(decoding: (try? encoder.encode(value)) ?? Data("null".utf8), as: UTF8.self)
        return compact ? json : json + "\n"
    }

    /// A JSON response with `text` as its body.
    static func response(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        response(text, contentType: "application/json; charset=utf-8", status: status)
    }

    /// A response with `text` as its body and the given media type.
    static func response(_ text: String, contentType: String, status: HTTPResponse.Status = .ok,
                         headers extra: HTTPFields = [:]) -> Response {
        response(ByteBuffer(string: text), contentType: contentType, status: status, headers: extra)
    }

    /// A response with `body` and the given media type; `no-store`, as health data should not sit in caches.
    static func response(_ body: ByteBuffer, contentType: String, status: HTTPResponse.Status = .ok,
                         headers extra: HTTPFields = [:]) -> Response {
        var headers: HTTPFields = [.contentType: contentType, .cacheControl: "no-store"]
        headers.append(contentsOf: extra)
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: body))
    }
}
