import Foundation

/// The outcome of a build: what was found, what was written, and every problem.
public struct BuildReport: Sendable {
    /// Sorted, without repeats.
    public let diagnostics: [Diagnostic]
    /// Published documents per language code, in site order (drafts excluded).
    public let documentsPerLanguage: [(language: String, count: Int)]
    /// HTML pages rendered (written unless checking).
    public let pagesWritten: Int
    public let elapsed: TimeInterval
    public let strict: Bool
    /// False for `check`, whose pages are rendered but not written.
    public var wrote = true

    public var errorCount: Int { diagnostics.count { $0.severity == .error } }
    public var warningCount: Int { diagnostics.count { $0.severity == .warning } }

    /// 0 on success (warnings allowed unless strict), 1 when content or templates have errors.
    public var exitStatus: Int32 {
        if errorCount > 0 { return 1 }
        if strict && warningCount > 0 { return 1 }
        return 0
    }

    /// The closing line: documents per language, pages, warnings, errors and time.
    public var summary: String {
        let documents = documentsPerLanguage.map { "\($0.language) \($0.count)" }.joined(separator: ", ")
        var parts = ["documents: \(documents.isEmpty ? "none" : documents)", "\(pagesWritten) pages \(wrote ? "written" : "checked")"]
        parts.append("\(warningCount) warning\(warningCount == 1 ? "" : "s")")
        if errorCount > 0 { parts.append("\(errorCount) error\(errorCount == 1 ? "" : "s")") }
        parts.append(String(format: "%.2f s", elapsed))
        return "kartu: " + parts.joined(separator: "; ")
    }
}
