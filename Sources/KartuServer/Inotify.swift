#if os(Linux)
import Glibc
import Foundation

/// The kernel's report of changes under some folders (inotify): every folder is watched (inotify
/// is not recursive), folders made later are watched as they appear, and each event is turned into
/// a site-relative path.
final class Inotify: @unchecked Sendable {
    // Only touched on the watcher's queue, after init.
    let descriptor: Int32
    private let root: String
    /// Watch descriptor → the folder's site-relative path.
    private var folders: [Int32: String] = [:]

    private static let mask = UInt32(IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO | IN_ATTRIB
                                     | IN_DELETE_SELF | IN_MOVE_SELF)

    /// Nil when inotify is not available (the caller then polls).
    init?(root: URL, folders names: [String]) {
        descriptor = inotify_init1(Int32(O_NONBLOCK | O_CLOEXEC))
        guard descriptor >= 0 else { return nil }
        self.root = root.path
        // The site folder itself, for the watched folders made later (templates/ by `kartu theme
        // eject` while serving, to override the built-in theme): its other entries are not reported.
        let wd = inotify_add_watch(descriptor, root.path, UInt32(IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_ONLYDIR))
        if wd >= 0 { folders[wd] = "" }
        for name in names { watchTree(name) }
    }

    func close() { _ = Glibc.close(descriptor) }

    /// Watches `relative` and every folder under it.
    private func watchTree(_ relative: String) {
        let path = root + "/" + relative
        let wd = inotify_add_watch(descriptor, path, Self.mask | UInt32(IN_ONLYDIR))
        guard wd >= 0 else { return }
        folders[wd] = relative
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return }
        for name in names.sorted() {
            var status = stat()
            if lstat(path + "/" + name, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR { watchTree(relative + "/" + name) }
        }
    }

    /// The paths of every event waiting to be read.
    func read() -> [String] {
        var paths: [String] = []
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count <= 0 { break }
            var offset = 0
            while offset + 16 <= count {
                let (wd, mask, length) = buffer.withUnsafeBytes { bytes in
                    (bytes.loadUnaligned(fromByteOffset: offset, as: Int32.self),
                     bytes.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self),
                     Int(bytes.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self)))
                }
                let nameBytes = buffer[(offset + 16)..<(offset + 16 + length)].prefix { $0 != 0 }
                offset += 16 + length
                if mask & UInt32(IN_Q_OVERFLOW) != 0 {
                    // Events were lost: every folder may have changed.
                    paths += Self.folderNames
                    continue
                }
                guard let folder = folders[wd] else { continue }
                if mask & UInt32(IN_IGNORED) != 0 {
                    folders[wd] = nil
                    continue
                }
                let name = String(decoding: nameBytes, as: UTF8.self)
                if folder.isEmpty, !Self.folderNames.contains(name) { continue }
                let path = folder.isEmpty ? name : nameBytes.isEmpty ? folder : folder + "/" + name
                paths.append(path)
                // A folder made or moved in: watch it too; files already in it are reported by its path.
                if mask & UInt32(IN_ISDIR) != 0, mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 { watchTree(path) }
            }
        }
        return paths
    }

    private static let folderNames = SourceWatcher.folders
}
#endif
