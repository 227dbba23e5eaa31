import Foundation

/// Watches `content/` and `templates/` by polling: every file's path, size and modification time,
/// compared with the last look. A change is reported once the files have been still for `settle`,
/// so a burst (a `git checkout` touching 500 files, an editor's write-then-rename save) is one
/// change. Polling works on every file system and platform; inotify is a later refinement.
public struct SourceWatcher: Sendable {
    public let folders: [URL]
    public var interval: Duration = .milliseconds(250)
    public var settle: Duration = .milliseconds(120)

    public init(root: URL) {
        folders = [root.appendingPathComponent("content"), root.appendingPathComponent("templates")]
    }

    /// Path, size and modification time of every file under the folders, sorted.
    public func snapshot() -> [String] {
        var entries: [String] = []
        let keys: [URLResourceKey] = [.fileSizeKey, .contentModificationDateKey, .isRegularFileKey]
        for folder in folders {
            guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: keys) else { continue }
            for case let url as URL in walker {
                guard let values = try? url.resourceValues(forKeys: Set(keys)), values.isRegularFile == true else { continue }
                let time = values.contentModificationDate?.timeIntervalSince1970 ?? 0
                entries.append("\(url.path)\t\(values.fileSize ?? -1)\t\(time)")
            }
        }
        return entries.sorted()
    }

    /// Calls `changed` after each settled change, until the task is cancelled.
    public func watch(_ changed: @Sendable () async -> Void) async {
        var last = snapshot()
        while !Task.isCancelled {
            try? await Task.sleep(for: interval)
            var now = snapshot()
            guard now != last else { continue }
            // Wait for the burst to end: the files must stay the same for `settle`.
            while !Task.isCancelled {
                try? await Task.sleep(for: settle)
                let again = snapshot()
                if again == now { break }
                now = again
            }
            last = now
            await changed()
        }
    }
}
