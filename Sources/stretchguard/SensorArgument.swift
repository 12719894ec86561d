import ArgumentParser
import StretchGuardLive

/// `--sensor auto|sim|CHIP` on the command line.
extension SensorChoice: ExpressibleByArgument {}
