import StretchGuardConfig
import StretchGuardStore

/// Why a stored session cannot be reviewed or replayed, phrased for the person who has to fix it: what is
/// wrong and what to do, in one line.
public enum ReviewError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The session store refused (unknown id, newer schema, damaged file, …); its message has the fix.
    case store(StoreError)
    /// The session's stored calibration record cannot be used (damaged, newer version, another file kind).
    case calibration(session: Int64, ConfigError)
    /// The session's exercise profile (or the one asked for) cannot be loaded.
    case profile(session: Int64, name: String, ConfigError)
    /// The session holds no samples (it was stopped at once, or every block was lost).
    case noSamples(session: Int64)
    /// No calibration was stored (or it was set aside) and the session has no still stretch near its start
    /// to take the baseline from; `problem` says why (``BaselineSearchFailure/problem(timesFrom:)``).
    case baseline(session: Int64, problem: String)

    /// One line: what is wrong, and the fix.
    public var description: String {
        switch self {
        case let .store(error):
            return error.description
        case let .calibration(session, error):
            return "session \(session)'s stored calibration: \(error.problem) — \(error.fix); "
                + "or review it with a baseline from its first still 2 s: `stretchguard review \(session) --recalibrate`"
        case let .profile(session, name, error):
            return "session \(session) was recorded with the exercise profile '\(name)', which cannot be loaded "
                + "(\(error.problem)); \(error.fix), or pick one with --profile"
        case let .noSamples(session):
            return "session \(session) has no stored samples, so there is nothing to review; "
                + "`stretchguard sessions` lists the others"
        case let .baseline(session, problem):
            return "session \(session) cannot be replayed without a calibration: no neutral posture near its start "
                + "(\(problem)) — record sessions after `stretchguard calibrate`, or start them upright and still for 2 s"
        }
    }
}
