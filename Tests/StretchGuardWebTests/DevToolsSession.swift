import Foundation
import HummingbirdWSClient
import Logging
import Synchronization

/// A conversation with Chromium over its DevTools protocol (JSON commands and answers on one WebSocket),
/// one command at a time: ``call(_:_:)`` sends `{"id", "method", "params", "sessionId"}` and waits for the
/// answer with that id, skipping the events in between. Commands go to the page target ``attachPage(width:height:)``
/// opened, once there is one.
struct DevToolsSession {
    private var messages: WebSocketInboundMessageStream.AsyncIterator
    private let outbound: WebSocketOutboundWriter
    private var nextID = 1
    /// The attached page's session, or nil (commands then go to the browser).
    private var page: String?

    /// Connects to `url` (the browser's DevTools URL), runs `body` with the session and returns what it
    /// returns; the connection is closed afterwards.
    static func run<Value: Sendable>(url: String,
                                     _ body: @escaping @Sendable (inout DevToolsSession) async throws -> Value) async throws -> Value {
        let outcome = Mutex<Result<Value, any Error>?>(nil)
        // A screenshot comes back as one large message (base64 PNG).
        let configuration = WebSocketClientConfiguration(maxFrameSize: 1 << 26)
        try await WebSocketClient.connect(url: url, configuration: configuration,
                                          logger: Logger(label: "devtools")) { inbound, outbound, _ in
            var session = DevToolsSession(messages: inbound.messages(maxSize: 1 << 27).makeAsyncIterator(), outbound: outbound)
            let result: Result<Value, any Error>
            do { result = .success(try await body(&session)) } catch { result = .failure(error) }
            outcome.withLock { $0 = result }
        }
        guard let result = outcome.withLock({ $0 }) else {
            throw BrowserTestError("the DevTools connection to \(url) closed before the test ran")
        }
        return try result.get()
    }

    /// Sends `method` with `params` and returns the answer's `result`.
    ///
    /// - Throws: ``BrowserTestError`` with Chromium's message when it answers with an error, or when the
    ///   connection closes first.
    @discardableResult
    mutating func call(_ method: String, _ params: [String: Any] = [:]) async throws -> [String: Any] {
        let id = nextID
        nextID += 1
        var command: [String: Any] = ["id": id, "method": method, "params": params]
        if let page { command["sessionId"] = page }
        try await outbound.write(.text(String(decoding: try JSONSerialization.data(withJSONObject: command), as: UTF8.self)))
        while let message = try await messages.next() {
            guard case let .text(text) = message,
                  let answer = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any],
                  answer["id"] as? Int == id else { continue }
            if let error = answer["error"] as? [String: Any] {
                throw BrowserTestError("Chromium refused \(method): \(error["message"] ?? error)")
            }
            return answer["result"] as? [String: Any] ?? [:]
        }
        throw BrowserTestError("Chromium closed the DevTools connection while answering \(method)")
    }

    /// Opens a new page (a tab) of `width` × `height` CSS pixels and sends the following commands to it.
    mutating func attachPage(width: Int, height: Int) async throws {
        let target = try await call("Target.createTarget", ["url": "about:blank"])
        guard let targetID = target["targetId"] as? String else { throw BrowserTestError("Target.createTarget gave no targetId") }
        let attached = try await call("Target.attachToTarget", ["targetId": targetID, "flatten": true])
        guard let session = attached["sessionId"] as? String else { throw BrowserTestError("Target.attachToTarget gave no sessionId") }
        page = session
        try await call("Emulation.setDeviceMetricsOverride",
                       ["width": width, "height": height, "deviceScaleFactor": 1, "mobile": false])
    }

    /// Loads `url` in the page.
    mutating func navigate(_ url: String) async throws {
        let answer = try await call("Page.navigate", ["url": url])
        if let error = answer["errorText"] as? String { throw BrowserTestError("Chromium could not open \(url): \(error)") }
    }

    /// The value of a JavaScript expression that evaluates to a string (JSON of what the test reads).
    mutating func evaluate(_ expression: String) async throws -> String? {
        let answer = try await call("Runtime.evaluate", ["expression": expression, "returnByValue": true])
        if let exception = answer["exceptionDetails"] as? [String: Any] {
            throw BrowserTestError("the page's JavaScript threw: \(exception["text"] ?? exception)")
        }
        return (answer["result"] as? [String: Any])?["value"] as? String
    }

    /// Evaluates `expression` (JSON text of an object) every 250 ms until `done` accepts the object or
    /// `timeout` (s) passes; returns the last object read.
    mutating func poll(_ expression: String, timeout: Double,
                       until done: ([String: Any]) -> Bool) async throws -> [String: Any] {
        let deadline = ContinuousClock.now + .seconds(timeout)
        var last: [String: Any] = [:]
        while ContinuousClock.now < deadline {
            if let text = try await evaluate(expression),
               let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] {
                last = object
                if done(object) { break }
            }
            try await Task.sleep(for: .milliseconds(250))
        }
        return last
    }

    /// The page as Chromium draws it now, as PNG.
    mutating func screenshot() async throws -> Data {
        let answer = try await call("Page.captureScreenshot", ["format": "png"])
        guard let base64 = answer["data"] as? String, let data = Data(base64Encoded: base64) else {
            throw BrowserTestError("Page.captureScreenshot returned no image")
        }
        return data
    }
}
