/// Text from outside (a CSV cell, a file's name field, a device label) made safe to show in a message: at
/// most `limit` characters (the rest counted, not copied: a 50 MB cell stays out of the error), control
/// characters — escape sequences included — written as `\u{1B}` so they never reach the terminal raw.
public enum QuotedText {
    /// `text` shortened and escaped, without quotes.
    ///
    /// - Parameters:
    ///   - text: the text as found.
    ///   - limit: the most characters shown (default 40).
    public static func clean<S: StringProtocol>(_ text: S, limit: Int = 40) -> String {
        var shown = ""
        var count = 0
        for character in text {
            count += 1
            guard count <= limit else { continue }
            for scalar in character.unicodeScalars {
                if scalar.properties.generalCategory == .control || scalar.properties.generalCategory == .format {
                    shown += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
                } else {
                    shown.unicodeScalars.append(scalar)
                }
            }
        }
        if count > limit { shown += "… (\(count - limit) more characters)" }
        return shown
    }

    /// `text` shortened and escaped, in single quotes: `'t,gx,…'`.
    public static func quoted<S: StringProtocol>(_ text: S, limit: Int = 40) -> String {
        "'" + clean(text, limit: limit) + "'"
    }

    /// Whether `text` holds a control or format character (an escape sequence, a newline, a bidi override):
    /// names and labels read from files must not, since they end up on the wearer's terminal.
    public static func hasControlCharacters<S: StringProtocol>(_ text: S) -> Bool {
        text.unicodeScalars.contains {
            $0.properties.generalCategory == .control || $0.properties.generalCategory == .format
        }
    }
}
