extension Diagnostic {
    /// How diagnostics are printed: gcc-style lines for people, or GitHub Actions workflow commands
    /// that become annotations on the pull request's files.
    public enum Format: String, Sendable, CaseIterable {
        case gcc
        case github

        /// `github` when running in GitHub Actions, else `gcc`.
        public static func automatic(environment: [String: String]) -> Format {
            environment["GITHUB_ACTIONS"] == "true" ? .github : .gcc
        }
    }

    public func formatted(_ format: Format) -> String {
        switch format {
        case .gcc: description
        case .github: githubAnnotation
        }
    }

    /// `::error file=PATH,line=L,col=C::MESSAGE` (the hint follows the message on its own line).
    public var githubAnnotation: String {
        var properties: [String] = []
        if let file { properties.append("file=" + Self.escapeProperty(file)) }
        if let line { properties.append("line=\(line)") }
        if let column { properties.append("col=\(column)") }
        var text = message
        if let hint { text += "\nhint: " + hint }
        let command = severity == .error ? "error" : "warning"
        return "::\(command)" + (properties.isEmpty ? "" : " " + properties.joined(separator: ",")) + "::" + Self.escapeData(text)
    }

    // Escaping as GitHub's runner expects it for workflow commands.
    static func escapeData(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A")
    }

    static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
