/// Builds SVG or HTML markup: elements with attributes in the order given, text escaped.
public struct SVGWriter {
    /// The markup so far.
    public private(set) var output = ""

    public init() {
        output.reserveCapacity(1 << 16)
    }

    /// `<name attributes>` (to be closed with `close`).
    public mutating func open(_ name: String, _ attributes: KeyValuePairs<String, String> = [:]) {
        output += "<" + name
        append(attributes)
        output += ">"
    }

    /// `</name>` and a newline.
    public mutating func close(_ name: String) {
        output += "</" + name + ">\n"
    }

    /// An empty element: `<name attributes/>`.
    public mutating func element(_ name: String, _ attributes: KeyValuePairs<String, String>) {
        output += "<" + name
        append(attributes)
        output += "/>\n"
    }

    /// `<name attributes>text</name>`, the text escaped.
    public mutating func text(_ name: String, _ text: String, _ attributes: KeyValuePairs<String, String> = [:]) {
        open(name, attributes)
        output += ReviewFormat.escaped(text)
        close(name)
    }

    /// Markup written as is (trusted, built by the caller).
    public mutating func raw(_ markup: String) {
        output += markup
        output += "\n"
    }

    private mutating func append(_ attributes: KeyValuePairs<String, String>) {
        for (key, value) in attributes {
            output += " " + key + "=\"" + ReviewFormat.escaped(value) + "\""
        }
    }
}
