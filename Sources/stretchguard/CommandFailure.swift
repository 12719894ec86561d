import ArgumentParser
import Foundation

/// Ends a command with one clear line on standard error and a non-zero exit code.
///
/// ArgumentParser prints `Error: …` for thrown errors; this keeps the message to exactly the line the
/// user needs (the file, the line, the problem and the fix).
func fail(_ message: CustomStringConvertible, code: Int32 = 1) -> ExitCode {
    StandardStreams.error("stretchguard: error: \(message)\n")
    return ExitCode(code)
}

/// A problem a command reports as one line (what is wrong and the fix), through `fail`.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String

    init(_ message: String) {
        description = message
    }
}

/// One warning line on standard error: something the user should know, with what to do; the command goes on.
func warn(_ message: String) {
    StandardStreams.error("stretchguard: warning: \(message)\n")
}
