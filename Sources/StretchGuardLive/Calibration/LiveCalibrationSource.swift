import StretchGuardCore
import StretchGuardHardware

/// The live sensor's sample clock as a calibration source.
public struct LiveCalibrationSource: CalibrationSampleSource {
    public var sensor: LiveSensor

    public init(sensor: LiveSensor) {
        self.sensor = sensor
    }

    public var end: Double? { sensor.scenarioEnd }

    public var hasPelvis: Bool { sensor.hasPelvis }

    public mutating func next(_ deliver: (IMUSample, SampleHealth) -> Void) throws -> Int {
        try sensor.next { reading in deliver(reading.sample, reading.health) }
    }
}
