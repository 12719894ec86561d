import Foundation
import Yams

/// Turns a configuration file's text into a YAML tree, or a `ConfigError` at the line where the syntax
/// breaks (a key written twice, a bracket left open, a tab in the indentation).
enum ConfigYAML {
    /// The document's root node; `nil` for an empty file (or one of comments only).
    ///
    /// - Parameters:
    ///   - text: the YAML.
    ///   - path: the file, for messages.
    static func compose(_ text: String, path: String) throws(ConfigError) -> Node? {
        do {
            return try Yams.compose(yaml: text)
        } catch let YamlError.duplicatedKeysInMapping(duplicates, context) {
            let key = duplicates.sorted().first
            let line = key.flatMap { secondLine(of: $0, in: text, mappingAt: context.mark) } ?? context.mark.line
            throw ConfigError(path: path, line: line, field: key,
                              problem: "appears twice in the same mapping", fix: "keep one of them")
        } catch let YamlError.scanner(_, problem, mark, _), let YamlError.parser(_, problem, mark, _),
                let YamlError.composer(_, problem, mark, _) {
            throw ConfigError(path: path, line: mark.line, problem: "is not valid YAML here (\(problem))",
                              fix: "check the indentation and the 'key: value' syntax on this line and the one before")
        } catch let error as YamlError {
            throw ConfigError(path: path, problem: "is not valid YAML (\(firstLine(of: error)))",
                              fix: "check the indentation and the 'key: value' syntax near there")
        } catch {
            throw ConfigError(path: path, problem: "cannot be read as YAML (\(error))", fix: "check its syntax")
        }
    }

    /// The line where `key` is written the second time in the block mapping that starts at `mark` (1-based
    /// line and column, as Yams gives them); `nil` when it cannot be told (a flow mapping `{a: 1, a: 2}`).
    static func secondLine(of key: String, in text: String, mappingAt mark: Mark) -> Int? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        // Yams also breaks lines at a carriage return: its line may lie past the last "\n" line.
        let first = max(1, mark.line)
        guard first <= lines.count else { return nil }
        var seen = 0
        for number in first...lines.count {
            var column = 1
            var rest = Substring(lines[number - 1])
            while let first = rest.first, first == " " || first == "-" {
                // A list item's dash ("- key: value") starts the mapping on the same line.
                if first == "-", rest.dropFirst().first.map({ $0 != " " }) ?? false { break }
                rest = rest.dropFirst()
                column += 1
            }
            if rest.isEmpty || rest.hasPrefix("#") { continue }
            if column < mark.column { break }
            guard column == mark.column else { continue }
            let written = rest.prefix { $0 != ":" }.trimmingCharacters(in: .whitespaces)
            if written == key || written == "\"\(key)\"" || written == "'\(key)'" {
                seen += 1
                if seen == 2 { return number }
            }
        }
        return nil
    }

    private static func firstLine(of error: Error) -> String {
        String(describing: error).split(separator: "\n").first.map(String.init) ?? "syntax error"
    }
}
