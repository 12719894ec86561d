import Foundation
import Hummingbird
import HummingbirdTesting
import StretchGuardConfig
import StretchGuardStore
import StretchGuardTestSupport
import Testing
@testable import StretchGuardWeb

/// A session database in a fresh temporary folder with generated sessions (2 min at 50 Hz, the general
/// profile: holds, a twist with a "stop / it hurts" press, a bounce, a gap; see `SyntheticSession`).
struct WebFixture {
    let folder: String
    let store: SessionStore

    /// The repository's folder and its exercise profiles (what `serve` finds from there).
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let library = ProfileLibrary(directories: [repositoryRoot.appendingPathComponent("Calibration/profiles").path])
    /// Monday 16 June 2025, 09:30 UTC, and one session a day from there.
    static let startDate = Date(timeIntervalSince1970: 1_750_066_200)

    /// - Parameter sessions: how many sessions to store, a day apart.
    init(sessions: Int) throws {
        folder = NSTemporaryDirectory() + "stretchguard-web-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        store = try SessionStore(path: folder + "/sessions.sqlite")
        let profile = try Self.library.load("general")
        for day in 0..<sessions {
            _ = try SyntheticSession.write(into: store, duration: 120, rate: 50,
                                           startDate: Self.startDate.addingTimeInterval(Double(day) * 86_400),
                                           profile: profile)
        }
    }

    /// The server over this database (no live session), with a token when given.
    func server(token: PairingToken? = nil) -> WebServer {
        WebServer(archive: SessionArchive(store: store, profiles: Self.library), token: token)
    }

    func remove() {
        try? store.close()
        try? FileManager.default.removeItem(atPath: folder)
    }
}

/// The app over `server`'s router, for `app.test(.router)`.
func application(_ server: WebServer) -> some ApplicationProtocol {
    Application(router: server.router())
}

/// A response body parsed as a JSON object.
func jsonObject(_ response: TestResponse) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
}

/// A JSON value re-serialised with sorted keys and no layout, for comparing documents whatever their spacing.
func canonical(_ value: Any) throws -> String {
    String(decoding: try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .fragmentsAllowed]),
           as: UTF8.self)
}

/// JSON text in canonical form (see ``canonical(_:)``).
func canonical(json text: String) throws -> String {
    try canonical(try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed]))
}

extension Data {
    init(buffer: ByteBuffer) {
        self.init(buffer.readableBytesView)
    }
}
