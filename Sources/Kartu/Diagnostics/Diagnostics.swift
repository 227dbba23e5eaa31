/// Problems collected by a pipeline step. Steps keep going after an error so that every problem
/// in the tree is reported in one run, not only the first.
public struct Diagnostics: Sendable {
    public private(set) var items: [Diagnostic] = []

    public init() {}

    public var hasErrors: Bool { items.contains { $0.severity == .error } }
    public var errorCount: Int { items.count { $0.severity == .error } }
    public var warningCount: Int { items.count { $0.severity == .warning } }

    public mutating func append(_ diagnostic: Diagnostic) { items.append(diagnostic) }
    public mutating func append(contentsOf other: Diagnostics) { items.append(contentsOf: other.items) }
    public mutating func append(contentsOf other: [Diagnostic]) { items.append(contentsOf: other) }

    public mutating func error(_ message: String, at location: SourceLocation, hint: String? = nil) {
        items.append(.error(message, at: location, hint: hint))
    }

    public mutating func warning(_ message: String, at location: SourceLocation, hint: String? = nil) {
        items.append(.warning(message, at: location, hint: hint))
    }

    /// The diagnostics in report order, without repeats.
    public var sorted: [Diagnostic] {
        var seen = Set<Diagnostic>()
        return items.sorted().filter { seen.insert($0).inserted }
    }
}
