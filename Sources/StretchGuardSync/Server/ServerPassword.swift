import Foundation

/// Where a server's password comes from, by libpq's conventions: `PGPASSWORD`, else the first matching line
/// of the password file (`PGPASSFILE`, or `~/.pgpass`): `host:port:database:user:password`, `*` matching
/// anything, `\:` and `\\` escaped. Like libpq, a password file that others may read is ignored, with the
/// reason (``lookUp(for:environment:home:)`` returns it as a warning).
public enum ServerPassword {
    /// The password for `address`, or nil when none is set; and a warning when the password file was
    /// skipped.
    public static func lookUp(for address: ServerAddress, environment: [String: String],
                              home: String = NSHomeDirectory()) -> (password: String?, warning: String?) {
        if let password = environment["PGPASSWORD"], !password.isEmpty { return (password, nil) }
        let path = environment["PGPASSFILE"] ?? (home as NSString).appendingPathComponent(".pgpass")
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              let text = try? String(contentsOfFile: path, encoding: .utf8) else { return (nil, nil) }
        if let mode = attributes[.posixPermissions] as? Int, mode & 0o077 != 0 {
            return (nil, "the password file \(path) is ignored because others may read it: chmod 600 \(path)")
        }
        for line in text.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            let fields = split(String(line))
            guard fields.count == 5 else { continue }
            let wanted = [address.host, String(address.port), address.database, address.user]
            if zip(fields.prefix(4), wanted).allSatisfy({ $0 == "*" || $0 == $1 }) { return (fields[4], nil) }
        }
        return (nil, nil)
    }

    /// A password-file line's fields, split at unescaped colons.
    static func split(_ line: String) -> [String] {
        var fields: [String] = [], field = "", escaped = false
        for character in line {
            if escaped {
                field.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == ":" && fields.count < 4 {
                fields.append(field)
                field = ""
            } else {
                field.append(character)
            }
        }
        fields.append(field)
        return fields
    }
}
