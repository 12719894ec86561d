import Testing
@testable import StretchGuardConfig

/// The YAML edge every configuration file goes through: broken syntax is a sentence with a line, never a
/// trap.
@Suite struct ConfigYAMLTests {
    /// The fuzzer's find: Yams also breaks lines at a carriage return, so a duplicated key's mapping can
    /// start on a "line" past the last newline.
    @Test(arguments: ["name: a\rname: b\r", "x: 1\r\r\r\r\rmap:\r  a: 1\r  a: 2\r", "x: 1\n\r\r\rmap:\r  a: 1\n  a: 2\n"])
    func duplicatedKeysAfterCarriageReturnsAreASentence(text: String) {
        #expect(throws: ConfigError.self) { _ = try ConfigYAML.compose(text, path: "p.yaml") }
    }
}
