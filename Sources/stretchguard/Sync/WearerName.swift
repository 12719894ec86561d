import ArgumentParser
import StretchGuardStore

/// The wearer's name sessions are recorded under: the one given (`--wearer`, then kept as the device's
/// default), else the device's default, else none.
enum WearerName {
    /// The longest name taken, in characters.
    static let maximumLength = 100

    /// The name for the next session; a given name becomes the device's default.
    static func resolve(_ given: String?, store: SessionStore) throws -> String? {
        guard let given else { return try store.deviceIdentity().wearer }
        let name = given.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty, name.count <= maximumLength, !name.contains(where: \.isNewline) else {
            throw fail("--wearer: give a name of 1 to \(maximumLength) characters on one line, e.g. --wearer \"Anna B\"")
        }
        try store.setDefaultWearer(name)
        return name
    }
}
