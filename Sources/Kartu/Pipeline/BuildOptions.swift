import Foundation

/// What `kartu build` and `kartu check` were asked to do: everything a build reads besides the
/// site's files. A build reads no environment variable and no task-local; the CLI reads them.
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
    /// Publish documents marked `draft: true` too (`--drafts`).
    public var drafts = false
    /// Print each step's wall time to stderr (`KARTU_TIMINGS=1`).
    public var timings: Bool
    /// Tests only: records on which threads the build's parallel maps ran.
    var threadRecorder: ThreadRecorder?

    public init(root: URL, output: URL? = nil, baseURL: String? = nil, strict: Bool = false, write: Bool = true, jobs: Int? = nil,
                timings: Bool = false) {
        self.root = root
        self.output = output
        self.baseURL = baseURL
        self.strict = strict
        self.write = write
        self.jobs = jobs
        self.timings = timings
    }
}
