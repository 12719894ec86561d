import FuzzSupport
import StretchGuardSimulation

/// `Scenario.parse` on any text: a `ScenarioError` that shows no raw Swift value, or a scenario with steps.
@main enum FuzzScenario {
    static func main() { FuzzDriver.main(testOneInput) }
}

private func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let scenario: Scenario
    do {
        scenario = try Scenario.parse(FuzzDriver.text(data, size), name: "fuzz.scenario")
    } catch {
        FuzzDriver.checkMessage(error.description, input: FuzzDriver.bytes(data, size))
        return 0
    }
    FuzzDriver.require(!scenario.steps.isEmpty, "a parsed scenario has no steps")
    return 0
}
