import Foundation
@testable import Kartu

/// Whole-folder snapshots for the atomic-output and determinism tests: every entry (files, folders,
/// symbolic links, hidden ones included) and every regular file's bytes, modification time and inode.
enum Tree {
    /// Every entry under `folder`, relative to it, sorted; folders end in `/`, symbolic links in `@`.
    static func entries(under folder: URL) -> [String] {
        let fm = FileManager.default
        guard let paths = fm.enumerator(atPath: folder.path) else { return [] }
        var result: [String] = []
        for case let path as String in paths {
            let type = (try? fm.attributesOfItem(atPath: folder.appendingPathComponent(path).path))?[.type] as? FileAttributeType
            switch type {
            case .typeDirectory?: result.append(path + "/")
            case .typeSymbolicLink?: result.append(path + "@")
            default: result.append(path)
            }
        }
        return result.sorted()
    }

    /// Regular files under `folder` (relative path → bytes).
    static func contents(under folder: URL) -> [String: Data] {
        var result: [String: Data] = [:]
        for path in entries(under: folder) where !path.hasSuffix("/") && !path.hasSuffix("@") {
            result[path] = FileManager.default.contents(atPath: folder.appendingPathComponent(path).path)
        }
        return result
    }

    /// Paths whose bytes differ between two snapshots, or that only one of them has.
    static func differences(_ a: [String: Data], _ b: [String: Data]) -> [String] {
        Set(a.keys).union(b.keys).filter { a[$0] != b[$0] }.sorted()
    }

    struct Stamp: Equatable {
        let inode: UInt64
        let modified: Date
    }

    /// Inode and modification time of each regular file under `folder`.
    static func stamps(under folder: URL) -> [String: Stamp] {
        var result: [String: Stamp] = [:]
        for path in entries(under: folder) where !path.hasSuffix("/") && !path.hasSuffix("@") {
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(path).path),
                let inode = (attributes[.systemFileNumber] as? NSNumber)?.uint64Value,
                let modified = attributes[.modificationDate] as? Date
            else { continue }
            result[path] = Stamp(inode: inode, modified: modified)
        }
        return result
    }

    /// Sets the modification time of every regular file under `folder`.
    static func setModificationDate(_ date: Date, under folder: URL) throws {
        for path in entries(under: folder) where !path.hasSuffix("/") && !path.hasSuffix("@") {
            try FileManager.default.setAttributes([.modificationDate: date], ofItemAtPath: folder.appendingPathComponent(path).path)
        }
    }
}

extension TestSite {
    /// Every entry of the site folder (content, templates, output and anything else).
    var entries: [String] { Tree.entries(under: root) }

    /// Bytes of every regular file under `folder` (relative to the root).
    func contents(under folder: String) -> [String: Data] { Tree.contents(under: url(folder)) }

    /// The environment of this test process without the variables that change kartu's output or
    /// diagnostics format (so a test run under GitHub Actions still sees gcc lines), plus `overrides`.
    static func environment(_ overrides: [String: String] = [:]) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment.filter { key, _ in
            !(key == "GITHUB_ACTIONS" || key == "TZ" || key == "LANG" || key.hasPrefix("LC_") || key == "KARTU_TIMINGS")
        }
        environment.merge(overrides) { _, new in new }
        return environment
    }

    /// Runs `kartu` with `arguments` and exactly `environment`, in this site's folder unless told otherwise.
    func run(_ arguments: [String], environment: [String: String], in directory: URL? = nil) throws -> ProcessResult {
        try Self.runKartu(arguments, in: directory ?? root, environment: environment)
    }
}
