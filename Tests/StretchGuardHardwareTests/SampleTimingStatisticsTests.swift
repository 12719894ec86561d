import StretchGuardHardware
import Testing

@Suite struct SampleTimingStatisticsTests {
    @Test func evenTimestampsGiveTheRateAndNoJitter() throws {
        var statistics = SampleTimingStatistics(nominalRate: 200)
        for index in 0...1000 { statistics.record(5 + Double(index) * 0.005) }
        #expect(abs(try #require(statistics.achievedRate) - 200) < 1e-9)
        #expect(try #require(statistics.jitterStandardDeviation) < 1e-12)
        #expect(try #require(statistics.jitterP99) < 1e-12)
        #expect(statistics.droppedSamples == 0 && statistics.gapCount == 0)
    }

    @Test func alternatingLateSamplesGiveTheirDeviation() throws {
        var statistics = SampleTimingStatistics(nominalRate: 100)
        let late = 0.0004
        for index in 0..<201 { statistics.record(Double(index) * 0.01 + (index % 2 == 1 ? late : 0)) }
        // intervals alternate 10.4 ms and 9.6 ms: deviations ±0.4 ms
        #expect(abs(try #require(statistics.jitterStandardDeviation) - late) < late * 0.01)
        #expect(abs(try #require(statistics.jitterP99) - late) < 1e-12)
        #expect(abs(statistics.maximumDeviation - late) < 1e-12)
        #expect(abs(try #require(statistics.achievedRate) - 100) < 1e-9)
    }

    @Test func gapsCountTheMissingSamplesAndStayOutOfTheJitter() throws {
        var statistics = SampleTimingStatistics(nominalRate: 200)
        let kept = (0..<100).filter { !(10...12).contains($0) && $0 != 50 }
        for index in kept { statistics.record(Double(index) * 0.005) }
        #expect(statistics.gapCount == 2)
        #expect(statistics.droppedSamples == 4)
        #expect(statistics.sampleCount == 96)
        #expect(try #require(statistics.jitterStandardDeviation) < 1e-12)
    }

    @Test func intervalUpToOneAndAHalfPeriodsIsJitterNotADrop() {
        var statistics = SampleTimingStatistics(nominalRate: 200)
        statistics.record(0)
        statistics.record(0.0074)
        #expect(statistics.droppedSamples == 0)
        #expect(abs(statistics.maximumDeviation - 0.0024) < 1e-12)
        statistics.record(0.0150)
        #expect(statistics.droppedSamples == 1)
    }

    @Test func overflowsAddTheirLostSamples() {
        var statistics = SampleTimingStatistics(nominalRate: 200)
        statistics.recordOverflow(lostSamples: 37)
        statistics.recordOverflow(lostSamples: 3)
        #expect(statistics.fifoOverflows == 2)
        #expect(statistics.droppedSamples == 40)
    }

    @Test func percentileCoversOnlyTheRecentWindow() throws {
        var statistics = SampleTimingStatistics(nominalRate: 100, window: 10)
        var time = 0.0
        statistics.record(time)
        for _ in 0..<10 { time += 0.012; statistics.record(time) }  // 2 ms late each
        for _ in 0..<10 { time += 0.01; statistics.record(time) }  // on time
        #expect(try #require(statistics.jitterP99) < 1e-12)
        #expect(abs(statistics.maximumDeviation - 0.002) < 1e-12)
    }
}
