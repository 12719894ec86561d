import FuzzSupport
import StretchGuardSimulation

/// `Scenario.parse` on any text: a `ScenarioError` or a scenario with steps.
@main enum FuzzScenario {
    static func main() { FuzzDriver.main(testOneInput) }
}

private func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let scenario = try? Scenario.parse(FuzzDriver.text(data, size), name: "fuzz.scenario") else { return 0 }
    precondition(!scenario.steps.isEmpty, "a parsed scenario has no steps")
    return 0
}
