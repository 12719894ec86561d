import Hummingbird

extension WebResponse {
    /// The media type of the pages.
    static let htmlType = "text/html; charset=utf-8"
    /// The media type of the style sheet.
    static let cssType = "text/css; charset=utf-8"
    /// The media type of the scripts.
    static let javaScriptType = "text/javascript; charset=utf-8"

    /// An HTML page (never cached, like every answer: it shows health data).
    static func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        response(text, contentType: htmlType, status: status)
    }
}
