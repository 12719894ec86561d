import Foundation
import Testing

@Suite struct ReviewBenchTests {
    /// The review benchmark's contract (timings are only reported, never judged here).
    @Test func jsonReportsReviewSecondsAndBytesPerSample() throws {
        let result = try ReviewDatabase.run(["--stage", "review", "--session-minutes", "1", "--repetitions", "1", "--json"],
                                            binary: CommandRunner.benchBinary)
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["stage"] as? String == "review")
        #expect(object["samples"] as? Int == 12_001)  // 60 s at 200 Hz
        #expect((object["review_seconds"] as? Double ?? 0) > 0)
        let bytes = try #require(object["bytes_per_sample"] as? Double)
        #expect(bytes > 12 && bytes < 40)  // 14 B of counts and time, plus SQLite's pages
        #expect(object["replay_matches_live"] as? Bool == true)
        #expect((object["holds"] as? Int ?? 0) >= 1)
    }
}
