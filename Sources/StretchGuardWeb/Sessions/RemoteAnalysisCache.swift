import StretchGuardReview
import Synchronization

/// The last few remote sessions' analyses, by their id at the source, so that a physio going from a
/// session's report to its CSV and back does not copy and replay it each time (an hour's session is about
/// 10 MB to copy and 720,000 samples to replay).
///
/// An analysis stays right: the clinic's server shows a session only once its upload is complete, and a
/// complete session's rows never change. The cache is bounded by a count, not by time: one hour's
/// analysis holds about 60 MB of replayed track.
final class RemoteAnalysisCache: Sendable {
    /// How many analyses are kept, most recently used first.
    let capacity: Int
    private let entries = Mutex<[(id: Int64, analysis: SessionAnalysis)]>([])

    init(capacity: Int = 4) {
        self.capacity = capacity
    }

    /// The analysis of session `id`, when kept (it becomes the most recently used).
    func analysis(of id: Int64) -> SessionAnalysis? {
        entries.withLock { entries in
            guard let index = entries.firstIndex(where: { $0.id == id }) else { return nil }
            let entry = entries.remove(at: index)
            entries.insert(entry, at: 0)
            return entry.analysis
        }
    }

    /// Keeps `analysis` as session `id`'s, dropping the least recently used beyond ``capacity``.
    func keep(_ analysis: SessionAnalysis, of id: Int64) {
        entries.withLock { entries in
            entries.removeAll { $0.id == id }
            entries.insert((id, analysis), at: 0)
            if entries.count > capacity { entries.removeLast(entries.count - capacity) }
        }
    }
}
