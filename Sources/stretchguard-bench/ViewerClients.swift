import Foundation
import HummingbirdWSClient
import Logging
import StretchGuardLive
import Synchronization

/// `stretchguard-bench --stage viewer-clients --port P --viewers N` (run by ``ViewerBench`` as a child
/// process): N WebSocket viewers of `ws://127.0.0.1:P/api/live/ws`, each reading every message until the
/// server closes. Prints `connected` once all have had their hello, then one JSON line: per viewer, the
/// updates received, their rate over the session's time, in Hz, and the bytes.
struct ViewerClients {
    var port: Int
    var viewers: Int

    /// What one viewer received.
    struct Received: Codable, Sendable {
        var updates = 0
        var bytes = 0
        var firstElapsed: Double?
        var lastElapsed: Double?
        var finished = false
    }

    /// Counts the hellos across viewers, to say `connected` once.
    private final class Hellos: Sendable {
        let count = Mutex(0)
    }

    /// One viewer's tally, written by its handler.
    private final class Tally: Sendable {
        let received = Mutex(Received())
    }

    func run() async throws {
        let hellos = Hellos()
        let viewers = viewers, port = port
        let logger = { var logger = Logger(label: "stretchguard.bench.viewer"); logger.logLevel = .error; return logger }()
        let results = try await withThrowingTaskGroup(of: Received.self) { group in
            for _ in 0..<viewers {
                group.addTask {
                    let tally = Tally()
                    try await WebSocketClient.connect(url: "ws://127.0.0.1:\(port)/api/live/ws", logger: logger) { inbound, _, _ in
                        // A tablet parses every update; here only the first and the last are, so that the viewers'
                        // own work, which shares the machine with the session, stays small.
                        var first: String?, last: String?
                        for try await message in inbound.messages(maxSize: 1 << 20) {
                            guard case let .text(text) = message else { continue }
                            if first == nil {
                                first = text  // the hello
                                if hellos.count.withLock({ n in n += 1; return n == viewers }) {
                                    FileHandle.standardOutput.write(Data("connected\n".utf8))
                                }
                                continue
                            }
                            last = text
                            tally.received.withLock { r in
                                r.updates += 1
                                r.bytes += text.utf8.count
                                if r.updates == 1 { r.firstElapsed = Self.elapsed(in: text) }
                            }
                        }
                        tally.received.withLock { r in
                            r.lastElapsed = last.flatMap(Self.elapsed(in:))
                            r.finished = last.map { Self.object($0)["finished"] as? Bool == true } ?? false
                        }
                    }
                    return tally.received.withLock { $0 }
                }
            }
            var all: [Received] = []
            for try await result in group { all.append(result) }
            return all
        }
        let data = try JSONEncoder().encode(results)
        FileHandle.standardOutput.write(data + Data("\n".utf8))
    }
}

extension ViewerClients {
    /// `text` as a JSON object (empty when it is not one).
    static func object(_ text: String) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
    }

    /// The session time of the snapshot in the update `text`, in s.
    static func elapsed(in text: String) -> Double? {
        (object(text)["snapshot"] as? [String: Any])?["elapsed_s"] as? Double
    }
}

/// The viewers' child process, seen from ``ViewerBench``.
final class ViewerClientsProcess: @unchecked Sendable {
    private let process = Process()
    private let output = Pipe()
    private let lock = NSLock()
    private var text = ""

    init(port: Int, viewers: Int) throws {
        process.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        process.arguments = ["--stage", "viewer-clients", "--port", "\(port)", "--viewers", "\(viewers)"]
        process.standardOutput = output
        output.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            guard let self else { return }
            self.lock.lock()
            self.text += String(decoding: data, as: UTF8.self)
            self.lock.unlock()
        }
        try process.run()
    }

    private var collected: String {
        lock.lock()
        defer { lock.unlock() }
        return text
    }

    /// Waits (up to 30 s) until every viewer has its hello.
    func waitUntilConnected() {
        for _ in 0..<300 where !collected.contains("connected") && process.isRunning {
            Thread.sleep(forTimeInterval: 0.1)
        }
    }

    /// Waits for the viewers to see the session's end; what each received.
    func finish() throws -> [ViewerClients.Received] {
        process.waitUntilExit()
        Thread.sleep(forTimeInterval: 0.1)
        output.fileHandleForReading.readabilityHandler = nil
        guard let line = collected.split(separator: "\n").last(where: { $0.hasPrefix("[") }) else {
            throw LiveSetupError("the viewers' process printed no result (status \(process.terminationStatus)): \(collected)")
        }
        return try JSONDecoder().decode([ViewerClients.Received].self, from: Data(line.utf8))
    }
}
