import Foundation
import StretchGuardStore
import Synchronization
import Testing
@testable import StretchGuardWeb

/// `serve --server`: a remote session is copied and replayed once for its pages, not once per page.
@Suite struct RemoteAnalysisCacheTests {
    /// A remote source over a local database that counts the session copies it makes. Its ids are the
    /// database's own; `latest` is the newest.
    final class CountingSource: RemoteSessions {
        let store: SessionStore
        let copies = Atomic<Int>(0)

        init(store: SessionStore) { self.store = store }

        var name: String { "postgres://physio@clinic.test:5432/clinic" }

        func listingCopy() throws -> RemoteCopy {
            RemoteCopy(store: store, id: nil) {}
        }

        func sessionCopy(_ selector: SessionSelector) throws -> RemoteCopy {
            copies.add(1, ordering: .relaxed)
            let sessions = try store.sessions()
            let id: Int64?
            switch selector {
            case .id(let wanted): id = sessions.first { $0.id == wanted }?.id
            case .latest: id = sessions.last?.id
            }
            guard let id else { throw RemoteSessionMissing("no session \(selector) at the clinic") }
            return RemoteCopy(store: store, id: id) {}
        }
    }

    /// Three generated sessions behind a counting remote source, the archive over it, and the sessions' ids.
    static func remoteArchive() throws -> (WebFixture, CountingSource, SessionArchive, [Int64]) {
        let fixture = try WebFixture(sessions: 3)
        let source = CountingSource(store: fixture.store)
        return (fixture, source, SessionArchive(remote: source, profiles: WebFixture.library), try fixture.store.sessions().map(\.id))
    }

    @Test("each remote session is copied once for its pages; `latest` is always asked; an unknown one is not kept")
    func copiedOnce() throws {
        let (fixture, source, archive, ids) = try Self.remoteArchive()
        defer { fixture.remove() }
        #expect(ids.count == 3)
        let copies = { source.copies.load(ordering: .relaxed) }

        let first = try archive.analysis(of: String(ids[0]))
        let again = try archive.analysis(of: String(ids[0]))
        #expect(copies() == 1)
        #expect(again.recording.session.id == ids[0] && again.holds.count == first.holds.count)

        // The other two are copied once each; the first is still kept.
        for id in ids { _ = try archive.analysis(of: String(id)) }
        #expect(copies() == 3)
        _ = try archive.analysis(of: "latest")
        _ = try archive.analysis(of: "latest")
        #expect(copies() == 5, "latest must be asked of the source each time")
        _ = try archive.analysis(of: String(ids[2]))
        #expect(copies() == 5, "the newest session is kept under its id after `latest`")

        // An unknown session is a 404 and is not kept.
        #expect(throws: WebError.self) { try archive.analysis(of: "99") }
        #expect(throws: WebError.self) { try archive.analysis(of: "99") }
        #expect(copies() == 7)
    }

    @Test("the cache keeps at most its capacity, dropping the least recently used")
    func leastRecentlyUsedGoes() throws {
        let (fixture, _, archive, ids) = try Self.remoteArchive()
        defer { fixture.remove() }
        let cache = RemoteAnalysisCache(capacity: 2)
        for id in ids { cache.keep(try archive.analysis(of: String(id)), of: id) }
        #expect(cache.analysis(of: ids[0]) == nil)
        #expect(cache.analysis(of: ids[1])?.recording.session.id == ids[1])
        cache.keep(try archive.analysis(of: String(ids[0])), of: ids[0])  // ids[2] is now the least recently used
        #expect(cache.analysis(of: ids[2]) == nil)
        #expect(cache.analysis(of: ids[1]) != nil && cache.analysis(of: ids[0]) != nil)
    }
}
