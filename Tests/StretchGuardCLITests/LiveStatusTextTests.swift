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
