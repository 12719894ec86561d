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
