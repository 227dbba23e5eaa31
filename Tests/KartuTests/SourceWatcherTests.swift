import Foundation
import Testing
@testable import KartuServer

/// The file watcher of `kartu serve`, with the kernel's reports (inotify) and with the polling
/// fallback: what an editor does, reported as site-relative paths, a burst at a time.
@Suite("Source watcher", .serialized)
struct SourceWatcherTests {
    /// What the watcher reported, each burst in order.
    final class Reports: @unchecked Sendable {
        private let lock = NSLock()
        private var bursts: [Set<String>] = []
        func add(_ paths: Set<String>) { lock.withLock { bursts.append(paths) } }
        var all: [Set<String>] { lock.withLock { bursts } }

        /// Waits until `count` bursts were reported (or 10 s), then a little more to see no other follows.
        func wait(for count: Int, settle: Duration) async -> [Set<String>] {
            let deadline = ContinuousClock.now + .seconds(10)
            while all.count < count, ContinuousClock.now < deadline { try? await Task.sleep(for: .milliseconds(20)) }
            try? await Task.sleep(for: settle)
            return all
        }
    }

    /// Runs `steps` against a watched site folder: each step edits files, and names the paths the
    /// watcher must report for it, as one burst.
    func watch(polling: Bool, _ steps: [@Sendable (URL) throws -> Set<String>]) async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("kartu-watch-\(UUID().uuidString)").resolvingSymlinksInPath()
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("content/lt/projects"), withIntermediateDirectories: true)
        try "a".write(to: root.appendingPathComponent("content/lt/projects/a.md"), atomically: false, encoding: .utf8)
        let watcher = SourceWatcher(root: root, settle: .milliseconds(10), burstSettle: .milliseconds(100), longest: .seconds(2),
                                    interval: .milliseconds(50), polling: polling)
        let reports = Reports()
        let task = Task { await watcher.watch { reports.add($0) } }
        defer { task.cancel() }
        try await Task.sleep(for: .milliseconds(200))
        for (n, step) in steps.enumerated() {
            let expected = try step(root)
            let bursts = await reports.wait(for: n + 1, settle: .milliseconds(polling ? 300 : 150))
            #expect(bursts.count == n + 1, "step \(n + 1): \(bursts.map { $0.sorted().prefix(3) })")
            if bursts.count == n + 1 { #expect(bursts[n].isSuperset(of: expected), "step \(n + 1): \(bursts[n])") }
        }
    }

    static let steps: [@Sendable (URL) throws -> Set<String>] = [
        { root in  // an edit
            try "b".write(to: root.appendingPathComponent("content/lt/projects/a.md"), atomically: false, encoding: .utf8)
            return ["content/lt/projects/a.md"]
        },
        { root in  // an editor's save: a temporary file renamed over the document
            try "c".write(to: root.appendingPathComponent("content/lt/projects/.a.md.tmp"), atomically: false, encoding: .utf8)
            try FileManager.default.removeItem(at: root.appendingPathComponent("content/lt/projects/a.md"))
            try FileManager.default.moveItem(at: root.appendingPathComponent("content/lt/projects/.a.md.tmp"),
                                             to: root.appendingPathComponent("content/lt/projects/a.md"))
            return ["content/lt/projects/a.md"]
        },
        { root in  // a rename
            try FileManager.default.moveItem(at: root.appendingPathComponent("content/lt/projects/a.md"),
                                             to: root.appendingPathComponent("content/lt/projects/b.md"))
            return ["content/lt/projects/a.md", "content/lt/projects/b.md"]
        },
        { root in  // a new folder with a file, and templates/ made (the site had none: the built-in theme) with a template
            try FileManager.default.createDirectory(at: root.appendingPathComponent("content/lt/new"), withIntermediateDirectories: true)
            try "d".write(to: root.appendingPathComponent("content/lt/new/c.md"), atomically: false, encoding: .utf8)
            try FileManager.default.createDirectory(at: root.appendingPathComponent("templates"), withIntermediateDirectories: true)
            try "{{title}}".write(to: root.appendingPathComponent("templates/home.mustache"), atomically: false, encoding: .utf8)
            // inotify names the new folder ("templates", a whole build), polling the file: one burst either
            // way; the next step proves the new folder is watched.
            return []
        },
        { root in  // a file in the new folders: watched too
            try "e".write(to: root.appendingPathComponent("content/lt/new/c.md"), atomically: false, encoding: .utf8)
            try "{{title}}!".write(to: root.appendingPathComponent("templates/home.mustache"), atomically: false, encoding: .utf8)
            return ["content/lt/new/c.md", "templates/home.mustache"]
        },
        { root in  // a burst: 200 files at once
            for n in 0..<200 {
                try "f".write(to: root.appendingPathComponent("content/lt/projects/p\(n).md"), atomically: false, encoding: .utf8)
            }
            return Set((0..<200).map { "content/lt/projects/p\($0).md" })
        },
        { root in  // a delete
            try FileManager.default.removeItem(at: root.appendingPathComponent("content/lt/projects/b.md"))
            return ["content/lt/projects/b.md"]
        },
    ]

    @Test("inotify: an edit, a write-then-rename save, a rename, a new folder, a burst, a delete: one report each")
    func kernel() async throws {
        try await watch(polling: false, Self.steps)
    }

    @Test("polling (where there is no inotify): the same edits, the same reports")
    func polling() async throws {
        try await watch(polling: true, Self.steps)
    }
}
