import StretchGuardLive
import Testing
@testable import stretchguard

/// What the terminal says about the pelvis sensor: the status line while it is lost, the hips' angle while
/// it reports, and doctor's per-sensor lines.
@Suite struct TwoSensorTextTests {
    @Test func theStatusLineSaysWhenThePelvisIsLost() {
        var snapshot = LiveSnapshot()
        snapshot.twoSensors = true
        snapshot.hipFlexion = 14.2
        let reporting = LiveStatusText.line(snapshot)
        #expect(reporting.contains("hips  +14°") && !reporting.contains("lost"), "\(reporting)")
        snapshot.pelvisLost = true
        snapshot.hipFlexion = nil
        let lost = LiveStatusText.line(snapshot)
        #expect(lost.contains("pelvis sensor lost: upper back alone") && !lost.contains("hips"), "\(lost)")
        // One sensor: nothing about a pelvis.
        #expect(!LiveStatusText.line(LiveSnapshot()).contains("pelvis"))
    }

    @Test func doctorSaysWhichSensorIsWhich() {
        var report = DoctorReport()
        report.i2c.checked = true
        report.sensors = [
            .init(role: "thorax", name: "thorax (upper back)", device: "MPU-6050 at 0x68 on /dev/i2c-1", ok: true, summary: "ok"),
            .init(role: "pelvis", name: "pelvis (belt)", device: nil, ok: false,
                  summary: "no answer at 0x69 on /dev/i2c-1 — is AD0 tied high (to 3.3 V)?"),
        ]
        let text = DoctorReportText(report: report).render()
        #expect(text.contains("  ✓ thorax (upper back) MPU-6050 at 0x68 on /dev/i2c-1: ok"), "\(text)")
        #expect(text.contains("  ✗ pelvis (belt): no answer at 0x69 on /dev/i2c-1 — is AD0 tied high (to 3.3 V)?"), "\(text)")
    }
}

/// The run summary's pelvis line.
@Suite struct RunSummaryPelvisTests {
    @Test func thePelvisSessionInPlainWords() {
        let steady = LiveSession.PelvisOutcome(missedTicks: 0, losses: 0, returns: 0, answeringAtEnd: true, spinal: true)
        #expect(RunSummaryText.pelvisLine(steady, period: 0.005) == "answered throughout: twist and flexion are the spine's")
        let lost = LiveSession.PelvisOutcome(missedTicks: 460, losses: 1, returns: 1, answeringAtEnd: true, spinal: true)
        #expect(RunSummaryText.pelvisLine(lost, period: 0.005)
            == "lost 1× (2.3 s without it; the upper-back sensor judged alone meanwhile), back 1×; answering at the end")
        let gone = LiveSession.PelvisOutcome(missedTicks: 200, losses: 1, returns: 0, answeringAtEnd: false, spinal: true)
        #expect(RunSummaryText.pelvisLine(gone, period: 0.005).hasSuffix("not answering at the end: check its cable"))
        let uncalibrated = LiveSession.PelvisOutcome(missedTicks: 0, losses: 0, returns: 0, answeringAtEnd: true, spinal: false)
        #expect(RunSummaryText.pelvisLine(uncalibrated, period: 0.005).contains("`stretchguard calibrate` calibrates both"))
    }
}
