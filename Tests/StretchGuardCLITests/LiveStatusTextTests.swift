@testable import StretchGuardLive
import Testing
@testable import stretchguard

@Suite struct LiveStatusTextTests {
    /// The live status line's clock is the review's: 59.96 s is "1:00.0", not "0:60.0".
    @Test func theSessionClockCarries() {
        #expect(LiveStatusText.clock(59.96) == "1:00.0")
        #expect(LiveStatusText.clock(9.96) == "0:10.0")
        #expect(LiveStatusText.clock(65.26) == "1:05.3")
    }
}

/// Numbers from a broken calibration or a faulty sensor never trap the status line (the way the systemd
/// unit runs `run`): they print as what they are.
@Suite struct LiveStatusTextNumberTests {
    @Test func notANumberAndHugeValuesPrintInsteadOfTrapping() {
        var snapshot = LiveSnapshot()
        snapshot.twist = .nan
        snapshot.flexion = 1e200
        snapshot.holding = true
        snapshot.holdSeconds = .infinity
        snapshot.holdTarget = 30
        snapshot.elapsed = .nan
        let line = LiveStatusText.line(snapshot)
        #expect(line.contains("twist  nan°") && line.contains("flexion +1e+200°"), "\(line)")
        #expect(line.hasPrefix("0:00.0"))
        #expect(LiveStatusText.clock(1e300) == LiveStatusText.clock(366 * 86400))
        #expect(LiveEventText.degrees(.nan) == "nan")
    }

    @Test func signsAndRoundingAsBefore() {
        var snapshot = LiveSnapshot()
        snapshot.twist = -0.4
        snapshot.flexion = 12.6
        let line = LiveStatusText.line(snapshot)
        #expect(line.contains("twist    0°") && line.contains("flexion  +13°"), "\(line)")
    }
}
