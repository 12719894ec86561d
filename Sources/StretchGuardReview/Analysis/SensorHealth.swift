import StretchGuardCore
import StretchGuardStore

/// One sensor's health over a session: how many of its readings were stored, at what rate, what is
/// missing and (the pelvis) how often it was lost mid-session.
public struct SensorHealth: Sendable, Equatable {
    /// Which sensor.
    public enum Sensor: String, Sendable, Equatable, CaseIterable {
        /// The upper back's sensor (the only one with one sensor).
        case thorax
        /// The pelvis's (sacrum's) sensor of a two-sensor session.
        case pelvis

        /// The sensor for people: `thorax (upper back)`, `pelvis (belt)`.
        public var place: String {
            switch self {
            case .thorax: return "thorax (upper back)"
            case .pelvis: return "pelvis (belt)"
            }
        }
    }

    /// Which sensor.
    public var sensor: Sensor
    /// Where it was read (empty when unknown).
    public var device: String
    /// Its chip (empty when unknown).
    public var chip: String
    /// Readings stored.
    public var readings: Int
    /// Readings stored per second of the session, in Hz.
    public var rate: Double
    /// Ticks without its reading: the thorax's stored gaps' samples; the pelvis's ticks without a reading
    /// plus the whole ticks missing.
    public var missing: Int
    /// Stored gaps of its readings (the pelvis's include the whole-tick gaps).
    public var gaps: Int
    /// Times it was lost mid-session (the pelvis's `pelvis_lost` events; 0 for the thorax).
    public var losses: Int

    /// The share of the session's ticks that have its reading (0…1).
    public var share: Double { readings + missing == 0 ? 0 : Double(readings) / Double(readings + missing) }

    /// The sensors of a replayed session: the thorax, and the pelvis when the session recorded one.
    ///
    /// - Parameters:
    ///   - recording: the session, its stored gaps.
    ///   - track: its replayed ticks.
    ///   - events: the replay's events (counts the pelvis's losses).
    ///   - duration: the session's length, in s.
    public static func sensors(of recording: SessionRecording, track: SessionTrack, events: [FormEvent],
                               duration: Double) -> [SensorHealth] {
        let info = recording.session.info
        let seconds = max(duration, 1e-9)
        let tickGaps = recording.gaps.filter { $0.stream == .thorax }
        let tickMissing = tickGaps.reduce(0) { $0 + $1.samples }
        var sensors = [SensorHealth(sensor: .thorax, device: info.device, chip: info.chip, readings: track.count,
                                    rate: Double(track.count) / seconds, missing: tickMissing, gaps: tickGaps.count,
                                    losses: 0)]
        if let pelvis = info.pelvis {
            let pelvisGaps = recording.gaps.count(where: { $0.stream == .pelvis })
            sensors.append(SensorHealth(sensor: .pelvis, device: pelvis.device, chip: pelvis.chip,
                                        readings: track.pelvisReadings, rate: Double(track.pelvisReadings) / seconds,
                                        missing: track.count - track.pelvisReadings + tickMissing,
                                        gaps: pelvisGaps + tickGaps.count,
                                        losses: events.count(where: { $0.kind == .pelvisLost })))
        }
        return sensors
    }

    /// The sensor's health in a few words, e.g. `4900 readings, 98 Hz (98 %); 100 missing, 1 gap; lost once`.
    public var text: String {
        var text = "\(readings) readings, \(ReviewFormat.decimal(rate, 0)) Hz"
        if missing > 0 {
            text += " (\(ReviewFormat.decimal(share * 100, 0)) %); \(missing) missing, \(gaps) gap\(gaps == 1 ? "" : "s")"
        } else {
            text += "; none missing"
        }
        switch losses {
        case 0: break
        case 1: text += "; lost once"
        default: text += "; lost \(losses) times"
        }
        return text
    }

    /// The sensor by place, chip and device, e.g. `pelvis (belt) LSM6DSO at /dev/i2c-1 0x69`.
    public var name: String {
        [sensor.place, chip, device.isEmpty ? "" : "at \(device)"].filter { !$0.isEmpty }.joined(separator: " ")
    }
}
