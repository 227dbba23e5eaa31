/// One problem found in the user's files: the single diagnostic type of the whole tool.
///
/// Locations are 1-based and point into the file the user edits (a YAML error inside front matter is
/// reported at its line in the `.md` file, not in the YAML fragment).
public struct Diagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable {
        case error
        case warning
    }

    public var severity: Severity
    /// Path relative to the site root, e.g. `content/lt/projects/x.md`; nil for problems not tied to a file.
    public var file: String?
    public var line: Int?
    public var column: Int?
    public var message: String
    /// A suggested fix, printed on its own indented line.
    public var hint: String?

    public init(
        _ severity: Severity, _ message: String, file: String? = nil, line: Int? = nil, column: Int? = nil,
        hint: String? = nil
    ) {
        self.severity = severity
        self.message = message
        self.file = file
        self.line = line
        self.column = column
        self.hint = hint
    }

    public init(_ severity: Severity, _ message: String, at location: SourceLocation, hint: String? = nil) {
        self.init(severity, message, file: location.file, line: location.line, column: location.column, hint: hint)
    }

    public static func error(_ message: String, at location: SourceLocation, hint: String? = nil) -> Diagnostic {
        Diagnostic(.error, message, at: location, hint: hint)
    }

    public static func warning(_ message: String, at location: SourceLocation, hint: String? = nil) -> Diagnostic {
        Diagnostic(.warning, message, at: location, hint: hint)
    }

    /// gcc-style: `content/lt/x.md:4:9: error: unknown theme 'refelction'`, then `    hint: …` when there is one.
    public var description: String {
        var prefix = ""
        if let file {
            prefix = file
            if let line {
                prefix += ":\(line)"
                if let column { prefix += ":\(column)" }
            }
            prefix += ": "
        }
        var text = "\(prefix)\(severity.rawValue): \(message)"
        if let hint { text += "\n    hint: \(hint)" }
        return text
    }
}

/// A position in a file of the site: path relative to the root, 1-based line and column.
public struct SourceLocation: Sendable, Hashable {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int = 1, column: Int = 1) {
        self.file = file
        self.line = line
        self.column = column
    }
}

extension Diagnostic: Comparable {
    /// Reports are sorted by file, then position, so output does not depend on scheduling.
    public static func < (a: Diagnostic, b: Diagnostic) -> Bool {
        let ka = (a.file ?? "", a.line ?? 0, a.column ?? 0)
        let kb = (b.file ?? "", b.line ?? 0, b.column ?? 0)
        if ka != kb { return ka < kb }
        if a.severity != b.severity { return a.severity == .error }
        return a.message < b.message
    }
}
