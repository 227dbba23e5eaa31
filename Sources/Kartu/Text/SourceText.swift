import Foundation

/// A content file decoded for parsing: UTF-8 checked (the first bad byte is located), a BOM removed,
/// and CRLF or CR line endings turned into LF so that line numbers and output do not depend on the
/// editor that saved the file.
struct SourceText {
    let text: String

    enum Problem: Error {
        case invalidUTF8(line: Int, column: Int)
    }

    /// The text of a file, or nil with a diagnostic at the first bad byte (`what` names the file kind).
    static func text(of data: Data, file: String, what: String = "file", diagnostics: inout Diagnostics) -> String? {
        switch decode(data) {
        case .success(let source):
            return source.text
        case .failure(.invalidUTF8(let line, let column)):
            diagnostics.error("\(what) is not valid UTF-8", at: SourceLocation(file: file, line: line, column: column),
                              hint: "save the \(what) with UTF-8 encoding")
            return nil
        }
    }

    /// The text of the site file at `path` (relative to `root`): nil when there is no such file.
    /// A file that is there but cannot be read or decoded is an error at the file, and its text is
    /// empty, so that later steps do not also call it missing.
    static func read(_ path: String, in root: URL, what: String = "file", diagnostics: inout Diagnostics) -> String? {
        switch SiteFile.contents(atPath: root.appendingPathComponent(path).path) {
        case .missing: return nil
        case .unreadable(let code):
            diagnostics.append(SiteFile.cannotRead(path, errno: code))
            return ""
        case .data(let data): return text(of: data, file: path, what: what, diagnostics: &diagnostics) ?? ""
        }
    }

    static func decode(_ data: Data) -> Result<SourceText, Problem> {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        // The standard library's validation is the fast path; the byte-by-byte scan only locates a problem.
        let valid = String(validating: bytes, as: UTF8.self)
        if valid == nil, let bad = firstInvalidUTF8(bytes) {
            // Lines as the text is read when valid: a CR alone ends one too (found by fuzzing: an
            // old Mac line ending before the bad byte put it a line up, past that line's end).
            var line = 1, lineStart = 0
            for i in 0..<bad where bytes[i] == 0x0A || (bytes[i] == 0x0D && (i + 1 == bytes.count || bytes[i + 1] != 0x0A)) {
                line += 1
                lineStart = i + 1
            }
            let column = String(decoding: bytes[lineStart..<bad], as: UTF8.self).count + 1
            return .failure(.invalidUTF8(line: line, column: column))
        }
        if let valid, !bytes.contains(0x0D) { return .success(SourceText(text: valid)) }
        if bytes.contains(0x0D) {
            var normalized: [UInt8] = []
            normalized.reserveCapacity(bytes.count)
            var i = 0
            while i < bytes.count {
                if bytes[i] == 0x0D {
                    normalized.append(0x0A)
                    if i + 1 < bytes.count, bytes[i + 1] == 0x0A { i += 1 }
                } else {
                    normalized.append(bytes[i])
                }
                i += 1
            }
            bytes = normalized
        }
        return .success(SourceText(text: String(decoding: bytes, as: UTF8.self)))
    }

    /// Offset of the first byte that does not start or continue a valid UTF-8 sequence.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            let length: Int
            var minSecond: UInt8 = 0x80, maxSecond: UInt8 = 0xBF
            switch b {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; minSecond = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; maxSecond = 0x9F
            case 0xF0: length = 4; minSecond = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; maxSecond = 0x8F
            default: return i
            }
            guard i + length <= n else { return i }
            if bytes[i + 1] < minSecond || bytes[i + 1] > maxSecond { return i }
            for k in 2..<length where bytes[i + k] & 0xC0 != 0x80 { return i }
            i += length
        }
        return nil
    }
}
