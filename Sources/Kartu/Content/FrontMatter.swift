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
        var lines = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
        guard let first = lines.first, isFence(first) else { return .failure(.missing) }
        guard lines.count == 2 else { return .failure(.unclosed) }
        // Find the closing fence at the start of a line.
        let rest = lines.removeLast()
        var lineNumber = 1
        var lineStart = rest.startIndex
        while lineStart < rest.endIndex || lineStart == rest.startIndex {
            let lineEnd = rest[lineStart...].firstIndex(of: "\n") ?? rest.endIndex
            lineNumber += 1
            if isFence(rest[lineStart..<lineEnd]) || rest[lineStart..<lineEnd].trimmingTrailingSpaces() == "..." {
                let yaml = String(rest[rest.startIndex..<lineStart])
                let bodyStart = lineEnd < rest.endIndex ? rest.index(after: lineEnd) : rest.endIndex
                return .success(FrontMatter(yaml: yaml, yamlLineOffset: 1, body: rest[bodyStart...], bodyLineOffset: lineNumber))
            }
            if lineEnd == rest.endIndex { break }
            lineStart = rest.index(after: lineEnd)
        }
        return .failure(.unclosed)
    }

    private static func isFence(_ line: Substring) -> Bool {
        line.trimmingTrailingSpaces() == "---"
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
