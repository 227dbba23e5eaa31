import Dispatch
import Foundation
import Kartu

/// The site `kartu serve` shows: built into one folder, rebuilt there when the sources change, and
/// each finished build announced to the pages listening for it.
///
/// Builds run one at a time on a thread of their own (a build of 10,000 documents takes seconds,
/// which must not hold up the threads that answer requests); `LiveSite` decides how much of the
/// site each change needs built again. A page is never served half-built, and a build with errors
/// leaves the last good site served while its problems are shown.
public actor PreviewSite {
    public nonisolated let options: BuildOptions
    /// Diagnostics of the last build: empty, or warnings, or the errors that kept its site out.
    public private(set) var diagnostics: [Diagnostic] = []
    /// Counts finished builds; a page reloads when it changes.
    public private(set) var generation = 0
    private var listeners: [UUID: AsyncStream<BuildEvent>.Continuation] = [:]
    private nonisolated let builder: Builder

    /// One finished build, as the event stream announces it.
    public struct BuildEvent: Sendable {
        public let generation: Int
        /// Site paths of the files that changed; nil when the whole site was built.
        public let changedFiles: [String]?
        /// URLs of the pages of the documents that were edited.
        public let editedPages: [String]
    }

    public init(options: BuildOptions) {
        self.options = options
        builder = Builder(site: LiveSite(options: options))
    }

    /// The last build's diagnostics with its generation, read together so they belong to one build.
    public var lastBuild: (generation: Int, diagnostics: [Diagnostic]) { (generation, diagnostics) }

    /// Builds after `changes` (site-relative paths; nil: everything), keeps the diagnostics and
    /// tells every listener; usage problems (no content folder…) count as errors too. Nothing, and
    /// no event, when the changes were files no build reads.
    @discardableResult
    public func rebuild(after changes: Set<String>? = nil) async -> Rebuild {
        let result = await builder.build(after: changes)
        if case .success(let outcome) = result, outcome.skipped { return .skipped }
        var event = BuildEvent(generation: generation + 1, changedFiles: nil, editedPages: [])
        switch result {
        case .success(let outcome):
            diagnostics = outcome.report.diagnostics
            event = BuildEvent(generation: generation + 1, changedFiles: outcome.changedFiles, editedPages: outcome.editedPages)
        case .failure(let problem):
            diagnostics = [problem]
        }
        generation += 1
        for listener in listeners.values { listener.yield(event) }
        switch result {
        case .success(let outcome): return .built(outcome.report)
        case .failure: return .failed
        }
    }

    /// What `rebuild` did.
    public enum Rebuild: Sendable {
        /// A build, with its report.
        case built(BuildReport)
        /// A usage problem (no content folder…), in `diagnostics`.
        case failed
        /// Only files no build reads changed: nothing built, no event.
        case skipped
    }

    /// The builds finished from now on.
    public func builds() -> AsyncStream<BuildEvent> {
        let id = UUID()
        let (stream, continuation) = AsyncStream<BuildEvent>.makeStream()
        listeners[id] = continuation
        continuation.onTermination = { _ in Task { await self.stopListening(id) } }
        return stream
    }

    private func stopListening(_ id: UUID) {
        listeners[id] = nil
    }

    /// Runs the builds, one after another, on a queue of their own.
    private final class Builder: @unchecked Sendable {
        // Only touched on `queue`.
        private let site: LiveSite
        private let queue = DispatchQueue(label: "kartu.serve.build")

        init(site: LiveSite) {
            self.site = site
        }

        func build(after changes: Set<String>?) async -> Result<LiveSite.Outcome, Diagnostic> {
            await withCheckedContinuation { continuation in
                queue.async {
                    continuation.resume(returning: Result { () throws(Diagnostic) in try self.site.build(after: changes) })
                }
            }
        }
    }
}
