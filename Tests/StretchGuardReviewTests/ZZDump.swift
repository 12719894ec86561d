import Foundation
import StretchGuardReview
import Testing

@Test func zzDump() throws {
    let fixture = try ReviewFixture(stopAt: [49], notes: [(20, "felt a pull")], gap: 60..<60.5, folder: "/tmp/reviewdump/db")
    let analysis = try fixture.analysis()
    try ReviewText(timeZone: utc).render(analysis).write(toFile: "/tmp/reviewdump/review.txt", atomically: true, encoding: .utf8)
    try HTMLReport(timeZone: utc).render(analysis).write(toFile: "/tmp/reviewdump/report.html", atomically: true, encoding: .utf8)
    try ReviewJSON.render(analysis).write(toFile: "/tmp/reviewdump/review.json", atomically: true, encoding: .utf8)
}
