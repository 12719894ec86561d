import Foundation
import Testing

@Suite struct BenchCommandTests {
    @Test func jsonHasTheContractKeysAndCountsAllocationsForReal() throws {
        let result = try CommandRunner.run(["--samples", "20000", "--repetitions", "1", "--json"],
                                              binary: CommandRunner.benchBinary)
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect((object["samples"] as? Int) == 20000)
        #expect((object["ns_per_sample"] as? Double ?? 0) > 0)
        #expect(object["allocations_per_sample"] is Double)
        // The counter itself must see a deliberate allocation, or a zero above would mean nothing.
        #expect((object["allocation_counter_verified"] as? Bool) == true)
    }

    /// The malloc interposer lives in `stretchguard-bench` only: the product has no `bench` command.
    @Test func theProductHasNoBenchCommand() throws {
        let result = try CommandRunner.run(["bench"])
        #expect(result.status != 0)
    }
}

/// The live stage: a whole live session on the simulated sensor, allocations counted on its sample thread.
/// (Zero per sample is checked on the release build in CI: a debug build allocates in generic code.)
@Suite struct LiveBenchTests {
    @Test func liveStageCountsTheSampleThreadThroughAlertsAndHolds() throws {
        let result = try CommandRunner.run(["--stage", "live", "--json"], binary: CommandRunner.benchBinary)
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect((object["stage"] as? String) == "live")
        #expect((object["samples"] as? Int ?? 0) > 10_000)
        #expect((object["events"] as? Int ?? 0) >= 5, "the window must include alerts and holds")
        #expect(object["allocations_per_sample"] is Double)
        #expect((object["allocation_counter_verified"] as? Bool) == true)
    }
}
