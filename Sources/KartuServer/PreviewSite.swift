import Foundation
import Kartu

/// The site `kartu serve` shows: built into one folder, rebuilt there when the sources change, and
/// each finished build announced to the pages listening for it.
///
/// Every rebuild is a whole `kartu build` (incremental rebuilds are the next step), written beside
/// the served site and swapped in only when complete, so a page is never served half-built, and a
/// build with errors leaves the last good site served while its problems are shown.
public actor PreviewSite {
    public let options: BuildOptions
    /// Diagnostics of the last build: empty, or warnings, or the errors that kept its site out.
    public private(set) var diagnostics: [Diagnostic] = []
    /// Counts finished builds; a page reloads when it changes.
    public private(set) var generation = 0
    private var listeners: [UUID: AsyncStream<Int>.Continuation] = [:]

    public init(options: BuildOptions) {
        self.options = options
    }

    /// The last build's diagnostics with its generation, read together so they belong to one build.
    public var lastBuild: (generation: Int, diagnostics: [Diagnostic]) { (generation, diagnostics) }

    /// Builds, keeps the diagnostics and tells every listener; usage problems (no content folder…)
    /// count as errors too.
    @discardableResult
    public func rebuild() -> BuildReport? {
        var report: BuildReport?
        do {
            report = try SiteBuilder(options: options).run()
            diagnostics = report?.diagnostics ?? []
        } catch {
            diagnostics = [error]
        }
        generation += 1
        for listener in listeners.values { listener.yield(generation) }
        return report
    }

    /// The generations of the builds finished from now on.
    public func builds() -> AsyncStream<Int> {
        let id = UUID()
        let (stream, continuation) = AsyncStream<Int>.makeStream()
        listeners[id] = continuation
        continuation.onTermination = { _ in Task { await self.stopListening(id) } }
        return stream
    }

    private func stopListening(_ id: UUID) {
        listeners[id] = nil
    }
}
