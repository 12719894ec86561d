import Foundation
import StretchGuardConfig
import StretchGuardCore
import StretchGuardStore
import StretchGuardTrace

/// One stored session, ready to replay: its row, what the live session stored beside the samples (events,
/// markers, gaps), and the baseline it is judged against. Samples stay in the store and are streamed: the
/// session is a ``ReplaySource`` declaring its rate.
public struct SessionRecording: Sendable, ReplaySource {
    /// Where the baseline came from.
    public enum BaselineSource: Sendable, Equatable {
        /// The calibration record stored with the session (what the live session used).
        case stored(CalibrationRecord)
        /// The session's first still stretch (no record stored, or `recalibrate`), found as `replay` finds a
        /// trace's: from `start` to `end`, in s since the session's start.
        case stillStretch(start: Double, end: Double)
    }

    /// The store the samples are read from.
    public let store: SessionStore
    /// The session's row.
    public let session: StoredSession
    /// The events the live session emitted, in time order (sample-clock times, s).
    public let storedEvents: [FormEvent]
    /// The wearer's markers, in time order.
    public let markers: [SessionMarker]
    /// Stretches of missing samples, in time order: those the recorder stored, and the sample blocks that
    /// cannot be read (reported, skipped by the replay).
    public let gaps: [SessionGap]
    /// The neutral posture the replay judges against: calibrated, or found in the session.
    public let neutral: ReplayBaseline
    /// Where ``neutral`` came from.
    public let baselineSource: BaselineSource

    /// Loads a session's metadata and its baseline.
    ///
    /// - Parameters:
    ///   - store: the session database.
    ///   - selector: the session's id, or `latest`.
    ///   - recalibrate: ignore the stored calibration and take the baseline from the session's first still
    ///     stretch.
    ///   - options: how that still stretch is looked for (as `replay` looks in a trace; default: 2 s within
    ///     the first 30 s).
    /// - Throws: ``ReviewError/store(_:)`` (unknown id, damaged database), ``ReviewError/calibration(session:_:)``
    ///   for an unusable stored record, ``ReviewError/noSamples(session:)``, ``ReviewError/baseline(session:problem:)``.
    public static func load(from store: SessionStore, selector: SessionSelector, recalibrate: Bool = false,
                            options: ReplayOptions = ReplayOptions()) throws(ReviewError) -> SessionRecording {
        do {
            let session = try store.session(selector)
            guard session.sampleCount > 0 else { throw ReviewError.noSamples(session: session.id) }
            let source: BaselineSource
            let neutral: ReplayBaseline
            if !recalibrate, !session.info.calibration.isEmpty {
                let record: CalibrationRecord
                do {
                    record = try CalibrationRecord.decode(Data(session.info.calibration.utf8),
                                                          path: "session \(session.id)")
                } catch {
                    throw ReviewError.calibration(session: session.id, error)
                }
                neutral = .calibrated(record.baseline)
                source = .stored(record)
            } else {
                let samples = StoredSamples(store: store, session: session)
                switch try FoundBaseline.search(samples, options: options) {
                case let .success(found):
                    neutral = .found(found)
                    source = .stillStretch(start: found.start - session.info.startTime,
                                           end: found.end - session.info.startTime)
                case let .failure(failure):
                    throw ReviewError.baseline(session: session.id,
                                               problem: failure.problem(timesFrom: session.info.startTime))
                }
            }
            return SessionRecording(store: store, session: session, storedEvents: try store.events(of: session.id),
                                    markers: try store.markers(of: session.id),
                                    gaps: (try store.gaps(of: session.id) + store.damagedBlocks(of: session.id))
                                        .sorted { $0.start < $1.start },
                                    neutral: neutral, baselineSource: source)
        } catch let error as ReviewError {
            throw error
        } catch let error as StoreError {
            throw .store(error)
        } catch {
            throw .store(.database(path: store.path, message: String(describing: error)))
        }
    }

    /// The session's id.
    public var id: Int64 { session.id }
    /// Sample-clock time of the session's start, in s: review times count from here.
    public var startTime: Double { session.info.startTime }
    /// The neutral posture the replay judges against.
    public var baseline: Baseline { neutral.baseline }
    /// The rate the live session ran at, in Hz: the replay runs the filter at its nominal period.
    public var declaredRate: Double? { session.info.rate }
    /// Start times of the neutral posture's re-captures (the `recapture` markers), in s on the sample clock.
    public var recaptureStarts: [Double] { SessionMarker.recaptureStarts(in: markers) }

    /// Calls `body` with each stored sample, decoded exactly as the live session decoded it, in order,
    /// until it returns false.
    public func read(_ body: (IMUSample) -> Bool) throws(ReviewError) {
        try StoredSamples(store: store, session: session).read(body)
    }

    /// The replay of this session with `profile` (and, for a plan session, its switches to the next
    /// exercises' profiles): its baseline, its rate, its re-captures.
    ///
    /// - Throws: ``ReviewError/store(_:)`` when the samples cannot be read.
    public func replayer(profile: FormProfile, profileSwitches: [ProfileSwitch] = []) throws(ReviewError)
        -> SessionReplayer<SessionRecording> {
        try SessionReplayer(source: self, baseline: neutral, profile: profile, recaptures: recaptureStarts,
                            profileSwitches: profileSwitches)
    }
}

/// A stored session's samples as a ``ReplaySource`` (what ``SessionRecording`` reads, before it exists).
struct StoredSamples: ReplaySource {
    let store: SessionStore
    let session: StoredSession

    var declaredRate: Double? { session.info.rate }

    func read(_ body: (IMUSample) -> Bool) throws(ReviewError) {
        do {
            try store.forEachSample(of: session.id, while: body)
        } catch {
            throw .store(error)
        }
    }
}

extension SessionMarker {
    /// The start times of the `recapture` markers among `markers` (any kinds, any order), in s.
    public static func recaptureStarts(in markers: [SessionMarker]) -> [Double] {
        markers.filter { $0.kind == .recapture }.map(\.time)
    }
}

extension RecaptureSchedule {
    /// The re-captures of a session's markers (any kinds, any order).
    public init(markers: [SessionMarker]) {
        self.init(starts: SessionMarker.recaptureStarts(in: markers))
    }
}
