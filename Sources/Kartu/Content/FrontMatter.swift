/// Splits a content file into its YAML front matter and its Markdown body.
///
/// ```
/// ---            ← line 1
/// title: …       ← YAML, reported at its own line in the .md file
/// ---
/// Body…
/// ```
struct FrontMatter {
    let yaml: String
    /// Lines before the first YAML line (always 1: the opening `---`).
    let yamlLineOffset: Int
    let body: Substring
    /// Lines before the first body line, to map Markdown positions back to the file.
    let bodyLineOffset: Int

    enum Problem: Error, Equatable {
        case empty
        case missing
        case unclosed
    }

    static func split(_ text: String) -> Result<FrontMatter, Problem> {
        if text.allSatisfy(\.isWhitespace) { return .failure(.empty) }
        let firstEnd = text.utf8.firstIndex(of: 0x0A) ?? text.endIndex
        guard isFence(text[..<firstEnd], "---") else { return .failure(.missing) }
        guard firstEnd < text.endIndex else { return .failure(.unclosed) }
        // Find the closing fence at the start of a line.
        let rest = text[text.index(after: firstEnd)...]
        var lineNumber = 1
        var lineStart = rest.startIndex
        while lineStart < rest.endIndex || lineStart == rest.startIndex {
            // Searched on UTF-8 (text here has LF line ends only, see SourceText): a character
            // search would segment every grapheme of the front matter.
            let lineEnd = rest.utf8[lineStart...].firstIndex(of: 0x0A) ?? rest.endIndex
            lineNumber += 1
            if isFence(rest[lineStart..<lineEnd], "---") || isFence(rest[lineStart..<lineEnd], "...") {
                let yaml = String(rest[rest.startIndex..<lineStart])
                let bodyStart = lineEnd < rest.endIndex ? rest.utf8.index(after: lineEnd) : rest.endIndex
                return .success(FrontMatter(yaml: yaml, yamlLineOffset: 1, body: rest[bodyStart...], bodyLineOffset: lineNumber))
            }
            if lineEnd == rest.endIndex { break }
            lineStart = rest.utf8.index(after: lineEnd)
        }
        return .failure(.unclosed)
    }

    /// `---` (or YAML's `...` end marker) with nothing but trailing blanks.
    private static func isFence(_ line: Substring, _ fence: String) -> Bool {
        line.utf8.starts(with: fence.utf8) && line.trimmingTrailingSpaces() == fence
    }
}

extension Substring {
    func trimmingTrailingSpaces() -> Substring {
        var end = endIndex
        while end > startIndex, self[index(before: end)] == " " || self[index(before: end)] == "\t" {
            end = index(before: end)
        }
        return self[startIndex..<end]
    }
}
