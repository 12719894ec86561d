import StretchGuardStore

/// Sessions kept somewhere other than a local database (a clinic's server), which the archive reads
/// through local copies made for each request, so the pages show them with the same code as local ones.
public protocol RemoteSessions: Sendable {
    /// How pages and errors name the source, e.g. `postgres://physio@clinic.local:5432/clinic`.
    var name: String { get }
    /// A copy holding every session's row and small parts (no samples): the list page and its statistics.
    /// Throws an error whose description is a sentence naming the source and the fix.
    func listingCopy() throws -> RemoteCopy
    /// A copy holding one session in full, with its id in the copy; throws ``RemoteSessionMissing`` (a 404)
    /// when there is no such session, any other error (a 502) with a sentence.
    func sessionCopy(_ selector: SessionSelector) throws -> RemoteCopy
}

/// A local copy of remote sessions, deleted by ``discard()`` once the page is made.
public struct RemoteCopy: Sendable {
    /// The copy.
    public let store: SessionStore
    /// The session's id in the copy (``RemoteSessions/sessionCopy(_:)``), nil for a listing.
    public let id: Int64?
    private let remove: @Sendable () -> Void

    public init(store: SessionStore, id: Int64?, remove: @escaping @Sendable () -> Void) {
        self.store = store
        self.id = id
        self.remove = remove
    }

    /// Deletes the copy.
    public func discard() { remove() }
}

/// No such session at the remote source: the page answers 404 with this sentence.
public struct RemoteSessionMissing: Error, CustomStringConvertible {
    public let description: String

    public init(_ description: String) { self.description = description }
}
