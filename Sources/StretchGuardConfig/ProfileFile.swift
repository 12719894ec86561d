import StretchGuardCore
import Yams

/// Reads an exercise profile: a YAML file of thresholds in degrees and seconds (see
/// `Calibration/profiles/README.md`). Every field is optional (the general default fills in); an unknown
/// field, a wrong type or an out-of-range value is an error naming the field.
public enum ProfileFile {
    /// Parses a profile's text.
    ///
    /// - Parameters:
    ///   - text: the YAML.
    ///   - path: the file, for messages.
    public static func parse(_ text: String, path: String) throws(ConfigError) -> FormProfile {
        guard let root = try ConfigYAML.compose(text, path: path) else {
            throw ConfigError(path: path, problem: "is empty", fix: "start from Calibration/profiles/general.yaml")
        }
        let reader = FieldReader(path: path)
        var profile = FormProfile.general
        profile.name = path.split(separator: "/").last.map { String($0.split(separator: ".").first ?? $0) } ?? "profile"
        try reader.read(root, into: &profile)
        let bad = profile.inconsistencies
        if let section = bad.first {
            throw ConfigError(path: path, field: section, problem: "the values of '\(section)' contradict each other",
                              fix: ProfileSchema.consistencyHint[section] ?? "see Calibration/profiles/README.md")
        }
        return profile
    }
}

/// Walks the YAML tree and applies each field through `ProfileSchema`.
struct FieldReader {
    let path: String

    func read(_ root: Node, into profile: inout FormProfile) throws(ConfigError) {
        guard case let .mapping(mapping) = root else {
            throw ConfigError(path: path, line: line(root), problem: "must be a mapping of sections",
                              fix: "write 'name:', 'twist:', 'bounce:', 'hold:', 'impact:' at the left margin")
        }
        try apply(mapping, prefix: "", to: &profile)
    }

    private func apply(_ mapping: Node.Mapping, prefix: String, to profile: inout FormProfile) throws(ConfigError) {
        for (keyNode, value) in mapping {
            let key = prefix + (keyNode.string ?? "?")
            if case let .mapping(inner) = value {
                guard ProfileSchema.sections.contains(key) else {
                    throw unknown(key, at: keyNode)
                }
                try apply(inner, prefix: key + ".", to: &profile)
                continue
            }
            if ProfileSchema.sections.contains(key) {
                let fields = ProfileSchema.numbers.keys.filter { $0.hasPrefix(key + ".") }.sorted()
                    .map { String($0.dropFirst(key.count + 1)) }
                throw ConfigError(path: path, line: line(value), field: key,
                                  problem: "is a section, not a value",
                                  fix: "write '\(key):' alone on its line and its fields indented below it "
                                      + "(\(fields.prefix(4).joined(separator: ", "))\(fields.count > 4 ? ", …" : ""))")
            }
            if let text = ProfileSchema.texts[key] {
                guard let string = value.string else {
                    throw ConfigError(path: path, line: line(value), field: key, problem: "must be text", fix: "write it in quotes")
                }
                do throws(ProfileSchema.Rejection) {
                    try text(string, &profile)
                } catch {
                    throw ConfigError(path: path, line: line(value), field: key, problem: error.problem, fix: error.fix)
                }
                continue
            }
            guard let number = ProfileSchema.numbers[key] else { throw unknown(key, at: keyNode) }
            guard let x = value.float ?? value.int.map(Double.init), x.isFinite else {
                throw ConfigError(path: path, line: line(value), field: key,
                                  problem: "'\(value.string ?? "?")' is not a number",
                                  fix: "write a number in \(number.unit), e.g. \(number.example)")
            }
            guard number.range.contains(x) else {
                throw ConfigError(path: path, line: line(value), field: key,
                                  problem: "\(x) \(number.unit) is out of range",
                                  fix: "use a value from \(number.range.lowerBound) to \(number.range.upperBound) \(number.unit)")
            }
            number.apply(x, &profile)
        }
    }

    private func unknown(_ key: String, at node: Node) -> ConfigError {
        let known = (Array(ProfileSchema.numbers.keys) + Array(ProfileSchema.texts.keys)).sorted()
        let section = key.split(separator: ".").dropLast().joined(separator: ".")
        let siblings = known.filter { $0.hasPrefix(section.isEmpty ? "" : section + ".") }
        return ConfigError(path: path, line: line(node), field: key, problem: "is not a profile field",
                           fix: "check the spelling; known here: \(siblings.prefix(12).joined(separator: ", "))")
    }

    private func line(_ node: Node) -> Int? { node.mark.map { $0.line } }
}
