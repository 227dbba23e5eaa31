import Foundation

/// Writing a file that `init`, `new` or `theme eject` starts: never over one that is there.
enum NewFile {
    /// Writes `data` to `path` (relative to `root`), making its folders; false, writing nothing, when
    /// a file is there already. A file made meanwhile is not replaced either (`withoutOverwriting`).
    @discardableResult
    static func write(_ data: Data, to path: String, in root: URL) throws(Diagnostic) -> Bool {
        let target = root.appendingPathComponent(path)
        if FileManager.default.fileExists(atPath: target.path) { return false }
        do {
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: target, options: .withoutOverwriting)
        } catch {
            throw Diagnostic(.error, "cannot write '\(target.path)': \(error.localizedDescription)", hint: "choose a folder you can write to")
        }
        return true
    }
}
