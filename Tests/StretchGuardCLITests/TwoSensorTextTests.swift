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
