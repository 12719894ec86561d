import Foundation

/// A JSON decoding failure as a short sentence with the field's dotted path — never the decoder's own
/// debug text (hundreds of characters of coding paths and type names).
enum DecodingErrorWording {
    /// The dotted field and what is wrong with it: ("baseline.gravity", "is missing").
    static func describe(_ error: any Error) -> (field: String?, problem: String) {
        guard let error = error as? DecodingError else { return (nil, "cannot be read") }
        switch error {
        case let .keyNotFound(key, context):
            return (dotted(context.codingPath + [key]), "is missing")
        case let .valueNotFound(_, context):
            return (dotted(context.codingPath), "is empty (null)")
        case let .typeMismatch(type, context):
            return (dotted(context.codingPath), "should be \(kind(of: type))")
        case let .dataCorrupted(context):
            return context.codingPath.isEmpty ? (nil, "is not valid JSON")
                : (dotted(context.codingPath), "has a value that cannot be read")
        @unknown default:
            return (nil, "cannot be read")
        }
    }

    private static func dotted(_ path: [any CodingKey]) -> String? {
        let names = path.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
        return names.isEmpty ? nil : names.joined(separator: ".").replacingOccurrences(of: ".[", with: "[")
    }

    private static func kind(of type: Any.Type) -> String {
        switch type {
        case is Double.Type, is Float.Type, is Int.Type: "a number"
        case is String.Type: "text"
        case is Bool.Type: "true or false"
        default: type is [Any].Type ? "a list" : "an object"
        }
    }
}
