import Foundation
import StretchGuardConfig
import StretchGuardCore
import StretchGuardStore

/// One stored session, ready to replay: its row, what the live session stored beside the samples (events,
/// markers, gaps), and the baseline it was judged against. Samples stay in the store and are streamed.
public struct SessionRecording: Sendable {
    /// Where the baseline came from.
    public enum BaselineSource: Sendable, Equatable {
        /// The calibration record stored with the session (what the live session used).
        case stored(CalibrationRecord)
        /// Taken from the session's first seconds, upright and still (no record stored, or `recalibrate`).
        case sessionStart(seconds: Double)
    }

    /// The store the samples are read from.
    public let store: SessionStore
    /// The session's row.
    public let session: StoredSession
    /// The events the live session emitted, in time order (sample-clock times, s).
    public let storedEvents: [FormEvent]
    /// The wearer's markers, in time order.
    public let markers: [SessionMarker]
    /// Stretches of missing samples, in time order.
    public let gaps: [SessionGap]
    /// The calibrated neutral posture the replay uses.
    public let baseline: Baseline
    /// Where ``baseline`` came from.
    public let baselineSource: BaselineSource

    /// Length of the still start used when no calibration is stored, in s.
    public static let startBaselineSeconds = 2.0

    /// Loads a session's metadata and its baseline.
    ///
    /// - Parameters:
    ///   - store: the session database.
    ///   - selector: the session's id, or `latest`.
    ///   - recalibrate: ignore the stored calibration and take the baseline from the first 2 s.
    /// - Throws: ``ReviewError/store(_:)`` (unknown id, damaged database), ``ReviewError/calibration(session:_:)``
    ///   for an unusable stored record, ``ReviewError/noSamples(session:)``, ``ReviewError/baseline(session:problem:)``.
    public static func load(from store: SessionStore, selector: SessionSelector,
                            recalibrate: Bool = false) throws(ReviewError) -> SessionRecording {
        do {
            let session = try store.session(selector)
            guard session.sampleCount > 0 else { throw ReviewError.noSamples(session: session.id) }
            let source: BaselineSource
            let baseline: Baseline
            if !recalibrate, !session.info.calibration.isEmpty {
                let record: CalibrationRecord
                do {
                    record = try CalibrationRecord.decode(Data(session.info.calibration.utf8),
                                                          path: "session \(session.id)")
                } catch {
                    throw ReviewError.calibration(session: session.id, error)
                }
                baseline = record.baseline
                source = .stored(record)
            } else {
                baseline = try startBaseline(of: session, in: store)
                source = .sessionStart(seconds: startBaselineSeconds)
            }
            return SessionRecording(store: store, session: session, storedEvents: try store.events(of: session.id),
                                    markers: try store.markers(of: session.id), gaps: try store.gaps(of: session.id),
                                    baseline: baseline, baselineSource: source)
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
    /// The nominal sample period, in s (1 / the output data rate).
    public var samplePeriod: Double { 1 / session.info.rate }

    /// Calls `body` with each stored sample, decoded exactly as the live session decoded it, in order.
    public func forEachSample(_ body: (IMUSample) -> Void) throws(ReviewError) {
        do {
            try store.forEachSample(of: session.id, body)
        } catch {
            throw .store(error)
        }
    }

    /// The baseline from the first ``startBaselineSeconds`` of a session (upright and still).
    private static func startBaseline(of session: StoredSession, in store: SessionStore) throws -> Baseline {
        var calibrator = BaselineCalibrator()
        var first: Double?
        try store.forEachSample(of: session.id) { sample in
            let start = first ?? sample.time
            if first == nil { first = sample.time }
            if sample.time - start <= startBaselineSeconds { calibrator.add(sample) }
        }
        do {
            return try calibrator.baseline()
        } catch {
            throw ReviewError.baseline(session: session.id, problem: error.description)
        }
    }
}
