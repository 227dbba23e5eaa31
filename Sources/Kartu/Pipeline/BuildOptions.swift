import Foundation

/// What `kartu build` and `kartu check` were asked to do.
public struct BuildOptions: Sendable {
    /// The site folder holding `content/` and `templates/`.
    public var root: URL
    /// Where to write the site; `<root>/site` when nil.
    public var output: URL?
    /// Overrides `baseURL` of `content/site.yaml`.
    public var baseURL: String?
    /// Treat warnings as errors.
    public var strict: Bool
    /// False for `kartu check`: everything but writing.
    public var write: Bool
    /// Threads to use; nil for one per core. The output is the same bytes whatever the number.
    public var jobs: Int?

    public init(root: URL, output: URL? = nil, baseURL: String? = nil, strict: Bool = false, write: Bool = true, jobs: Int? = nil) {
        self.root = root
        self.output = output
        self.baseURL = baseURL
        self.strict = strict
        self.write = write
        self.jobs = jobs
    }
}

/// A problem with how kartu was called rather than with the site's files (exit status 2).
public struct UsageError: Error, CustomStringConvertible {
    public let message: String
    public let hint: String?

    public var description: String {
        "error: \(message)" + (hint.map { "\n    hint: \($0)" } ?? "")
    }
}
