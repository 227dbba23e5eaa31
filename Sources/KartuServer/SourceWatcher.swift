import Dispatch
import Foundation

/// Watches `content/` and `templates/` and reports which files changed, a burst at a time: a
/// `git checkout` touching 500 files, or an editor's write-then-rename save, is one change.
///
/// On Linux the kernel reports changes (inotify), so an edit is seen at once; elsewhere the folders
/// are polled (every file's size and modification time, compared with the last look).
public final class SourceWatcher: @unchecked Sendable {
    public let root: URL
    /// A save has ended when no file changed for this long (an editor's save is one or two events
    /// within a millisecond)...
    public let settle: Duration
    /// ...and a burst of many files (a `git checkout`, a copy) when none changed for this long.
    public let burstSettle: Duration
    /// More paths than this make a burst.
    static let burstPaths = 4
    /// A change is reported at the latest this long after it began, even if files keep changing.
    public let longest: Duration
    /// The polling interval, where there is no inotify.
    public let interval: Duration
    /// Poll even where inotify works (tests of the fallback).
    let polling: Bool

    /// Set by `start`: whether the folders are polled (no inotify, or `polling`).
    private var usesPolling = false

    // Guarded by `lock`: the paths changed since the last report, when the burst began and last moved.
    private let lock = NSLock()
    private var pending = Set<String>()
    private var started: ContinuousClock.Instant?
    private var moved: ContinuousClock.Instant?
    private let queue = DispatchQueue(label: "kartu.serve.watch")

    public convenience init(root: URL, settle: Duration = .milliseconds(10), burstSettle: Duration = .milliseconds(100), longest: Duration = .seconds(2),
                interval: Duration = .milliseconds(250)) {
        self.init(root: root, settle: settle, burstSettle: burstSettle, longest: longest, interval: interval, polling: false)
    }

    init(root: URL, settle: Duration, burstSettle: Duration, longest: Duration, interval: Duration, polling: Bool) {
        self.polling = polling
        self.root = root.standardizedFileURL
        self.settle = settle
        self.burstSettle = burstSettle
        self.longest = longest
        self.interval = interval
    }

    static let folders = ["content", "templates"]

    /// Calls `changed` with each settled burst's paths (relative to the site folder, e.g.
    /// `content/lt/a.md`; a folder's path when what is inside it is not known), one call at a time,
    /// until the task is cancelled.
    public func watch(_ changed: @Sendable (Set<String>) async -> Void) async {
        let (signals, signal) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        let source = start { signal.yield() }
        defer { source?.cancel() }
        for await _ in signals {
            // Wait for the burst to end, then take every path gathered so far.
            while !Task.isCancelled {
                let wait: Duration? = lock.withLock { () -> Duration? in
                    guard let started, let moved else { return nil }
                    let now = ContinuousClock.now
                    var quiet = pending.count > Self.burstPaths ? burstSettle : settle
                    // Polled, a file being written may look different at two looks in a row: the
                    // burst has ended only when a look after the last change saw nothing new.
                    if usesPolling { quiet = max(quiet, interval * 3 / 2) }
                    if now - started >= longest || now - moved >= quiet { return nil }
                    return min(quiet - (now - moved), longest - (now - started))
                }
                guard let wait else { break }
                try? await Task.sleep(for: wait)
            }
            let paths: Set<String> = lock.withLock {
                defer { pending = []; started = nil; moved = nil }
                return pending
            }
            if Task.isCancelled { return }
            if !paths.isEmpty { await changed(paths) }
        }
    }

    /// Records changed paths; `signal` wakes the loop of `watch`.
    private func record(_ paths: some Sequence<String>, signal: () -> Void) {
        lock.withLock {
            let now = ContinuousClock.now
            pending.formUnion(paths)
            if started == nil { started = now }
            moved = now
        }
        signal()
    }

    /// Starts watching; the returned source stops it when cancelled.
    private func start(_ signal: @escaping @Sendable () -> Void) -> DispatchSourceProtocol? {
        #if os(Linux)
        if !polling, let inotify = Inotify(root: root, folders: Self.folders) {
            let source = DispatchSource.makeReadSource(fileDescriptor: inotify.descriptor, queue: queue)
            source.setEventHandler { [self] in
                let paths = inotify.read()
                if !paths.isEmpty { record(paths, signal: signal) }
            }
            source.setCancelHandler { inotify.close() }
            source.resume()
            return source
        }
        #endif
        lock.withLock { usesPolling = true }
        var last = snapshot()
        let timer = DispatchSource.makeTimerSource(queue: queue)
        timer.schedule(deadline: .now() + interval.timeInterval, repeating: interval.timeInterval)
        timer.setEventHandler { [self] in
            let now = snapshot()
            let changed = Set(now.keys).union(last.keys).filter { now[$0] != last[$0] }
            last = now
            if !changed.isEmpty { record(changed, signal: signal) }
        }
        timer.resume()
        return timer
    }

    /// Size and modification time of every file under the folders, by site-relative path.
    func snapshot() -> [String: String] {
        var entries: [String: String] = [:]
        let keys: [URLResourceKey] = [.fileSizeKey, .contentModificationDateKey, .isRegularFileKey]
        for folder in Self.folders {
            let url = root.appendingPathComponent(folder)
            guard let walker = FileManager.default.enumerator(at: url, includingPropertiesForKeys: keys) else { continue }
            for case let file as URL in walker {
                guard let values = try? file.resourceValues(forKeys: Set(keys)), values.isRegularFile == true else { continue }
                let relative = folder + file.standardizedFileURL.path.dropFirst(url.path.count)
                entries[relative] = "\(values.fileSize ?? -1)\t\(values.contentModificationDate?.timeIntervalSince1970 ?? 0)"
            }
        }
        return entries
    }
}

extension Duration {
    var timeInterval: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}

