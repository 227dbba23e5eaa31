import Foundation

/// Reading the site's own files and folders, where a file that is there but cannot be read is an
/// error naming it, never a silent skip: an editor who sees a page missing must learn why.
enum SiteFile {
    /// What reading a file gave: its bytes, nothing because it is not there, or the system's reason.
    enum Contents {
        case data(Data)
        case missing
        case unreadable(errno: Int32)
    }

    static func contents(atPath path: String) -> Contents {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return errno == ENOENT || errno == ENOTDIR ? .missing : .unreadable(errno: errno) }
        defer { close(fd) }
        var status = stat()
        guard fstat(fd, &status) == 0 else { return .unreadable(errno: errno) }
        // Read into a buffer of the file's size, then on to the end: a file may change meanwhile.
        var data = Data(count: Int(status.st_size))
        var filled = 0
        while filled < data.count {
            let count = data.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + filled, $0.count - filled) }
            if count == 0 { break }
            if count < 0 {
                if errno == EINTR { continue }
                return .unreadable(errno: errno)
            }
            filled += count
        }
        data.count = filled
        let failure: Int32? = withUnsafeTemporaryAllocation(byteCount: 4096, alignment: 1) { buffer in
            while true {
                let count = Glibc.read(fd, buffer.baseAddress!, buffer.count)
                if count == 0 { return nil }
                if count < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                data.append(buffer.baseAddress!.assumingMemoryBound(to: UInt8.self), count: count)
            }
        }
        if let failure { return .unreadable(errno: failure) }
        return .data(data)
    }

    /// The entries of a folder (names, unsorted), or nil with an error at the folder.
    static func entries(ofFolder path: String, shownAs file: String, diagnostics: inout Diagnostics) -> [String]? {
        guard let folder = opendir(path) else {
            diagnostics.append(cannotRead(file, errno: errno, isFolder: true))
            return nil
        }
        defer { closedir(folder) }
        var names: [String] = []
        while let entry = readdir(folder) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// Every file under a folder (symbolic links followed), as paths relative to it, sorted; a
    /// folder that cannot be read inside it is an error at that folder, and so is a link that leads
    /// back into a folder already read (followed, it would never end).
    static func files(under path: String, shownAs folder: String, diagnostics: inout Diagnostics) -> [String] {
        var files: [String] = []
        var visited: Set<[UInt64]> = []
        func walk(_ relative: String, _ status: stat) {
            let shown = relative.isEmpty ? folder : folder + "/" + relative
            guard visited.insert([UInt64(status.st_dev), UInt64(status.st_ino)]).inserted else {
                diagnostics.append(Diagnostic(.error, "symbolic link '\(shown)' leads back into a folder already read", file: shown,
                                              hint: "remove the link: it makes the folder a loop"))
                return
            }
            let absolute = relative.isEmpty ? path : path + "/" + relative
            guard let names = entries(ofFolder: absolute, shownAs: shown, diagnostics: &diagnostics) else { return }
            for name in names.sorted() {
                let child = relative.isEmpty ? name : relative + "/" + name
                var status = stat()
                guard stat(path + "/" + child, &status) == 0 else {
                    diagnostics.append(cannotRead(folder + "/" + child, errno: errno))
                    continue
                }
                if (status.st_mode & S_IFMT) == S_IFDIR {
                    walk(child, status)
                } else if (status.st_mode & S_IFMT) == S_IFREG {
                    files.append(child)
                }
            }
        }
        var top = stat()
        guard stat(path, &top) == 0 else {
            diagnostics.append(cannotRead(folder, errno: errno, isFolder: true))
            return []
        }
        walk("", top)
        return files.sorted()
    }

    /// The error for a file or folder the system would not let kartu read, in the editor's terms.
    static func cannotRead(_ file: String, errno code: Int32, isFolder: Bool = false) -> Diagnostic {
        let what = isFolder ? "folder" : "file"
        let (reason, hint): (String, String) = switch code {
        case EACCES, EPERM:
            ("kartu is not allowed to read it",
             isFolder ? "give read and search permission: chmod a+rx '\(file)'" : "give read permission: chmod a+r '\(file)'")
        case EISDIR: ("it is a folder where a file was expected", "rename the folder or move the file's content into it")
        case EIO: ("the disk reported an error", "copy the \(what) again from a backup or from git")
        case ELOOP: ("it is a loop of symbolic links", "replace the link with the \(what) itself")
        case ENXIO, ENODEV: ("it is a socket or a device, not a \(what)", "remove it from the site folder")
        default: (String(cString: strerror(code)), "check that the \(what) exists and can be read")
        }
        return Diagnostic(.error, "cannot read the \(what) '\(file)': \(reason)", file: file, hint: hint)
    }

    /// The error for an output file kartu could not write, with what to do about it.
    static func cannotWrite(_ path: String, errno code: Int32) -> Diagnostic {
        let hint = switch code {
        case ENOSPC, EDQUOT: "the disk is full: free some space, or write the site elsewhere with --output"
        case EACCES, EPERM, EROFS: "kartu may not write there: make the folder writable, or choose another with --output"
        case ENAMETOOLONG: "a file name is too long for this file system: shorten the document's slug or folder names"
        default: "check that the output folder is writable and the disk has space"
        }
        return Diagnostic(.error, "cannot write '\(path)': \(String(cString: strerror(code)))", hint: hint)
    }
}
