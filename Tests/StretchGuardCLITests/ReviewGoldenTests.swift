import Foundation
import Testing

/// `review` of a generated 2.5-minute session against stored output: the text (summary, holds, timeline,
/// plot) and the CSV. After an intended change: `STRETCHGUARD_UPDATE_GOLDEN=1 swift test --filter ReviewGolden`,
/// and say in the commit why the output moved.
@Suite struct ReviewGoldenTests {
    @Test func reviewTextMatchesTheStoredOutput() throws {
        let database = try ReviewDatabase()
        defer { database.remove() }
        let result = try database.run(["review", "1"])
        #expect(result.status == 0, "\(result.stderr)")
        if let mismatch = try goldenMismatch(result.stdout, file: "synthetic-150s.review.txt") {
            Issue.record("review text differs from Golden/review/synthetic-150s.review.txt: \(mismatch)")
        }
    }

    @Test func reviewCSVMatchesTheStoredOutput() throws {
        let database = try ReviewDatabase()
        defer { database.remove() }
        let csv = database.folder + "/review.csv"
        let result = try database.run(["review", "latest", "--csv", csv])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("7476 rows written to \(csv)"))
        if let mismatch = try goldenMismatch(try String(contentsOfFile: csv, encoding: .utf8), file: "synthetic-150s.csv") {
            Issue.record("review CSV differs from Golden/review/synthetic-150s.csv: \(mismatch)")
        }
    }
}
