import Foundation

/// Checks and rewrites the links of Markdown documents: `.md` files of the tree become their output
/// URLs (with `#anchor` checked against the target's headings), files beside pages become their
/// published URLs, and a link to something that does not exist is an error at the link's position.
struct LinkResolver: Sendable {
    let documentsBySource: [String: Int]
    let urlPaths: [String]
    /// Heading ids of every document, for checking `#anchors`. Nil while the documents are being
    /// parsed, one at a time (so that no more than a few syntax trees are alive at once): an
    /// anchor into another document is then returned in `Resolution.anchor`, to check once all
    /// headings are known. The URL does not depend on the check.
    let headingIDs: [Set<String>]?
    let resources: [String: String]  // source path → output path
    let assetPaths: Set<String>  // files under templates/assets, as "assets/…"
    let basePath: String
    var alternates: Alternates? = nil

    /// A link to `content/<lang>/<path>` where that language has no such file, but another language
    /// does: it leads to the page in `<lang>` showing that document — its translation there, else
    /// its fallback page there. An editor links within the language's tree as if every document
    /// were translated; once one is, the link reaches the translation with no edit.
    struct Alternates: Sendable {
        let documents: [Document]
        let translations: Translations
        /// Site languages, in order: the first that has the file is the one followed.
        let languages: [String]
        let fallbacks: FallbackPages
    }

    /// Where a link goes: the URL to write (nil to leave it as written) and the document it reaches, if any.
    struct Resolution {
        let url: String?
        let target: Int?
        var anchor: Anchor? = nil
    }

    /// A `#fragment` into another document, checked when every document's headings are known.
    struct Anchor: Sendable {
        let fragment: String
        let target: Int
        let at: SourceLocation
        let targetName: String

        /// False, with an error at the link, when the target has no such heading.
        @discardableResult
        func check(_ headingIDs: [Set<String>], diagnostics: inout Diagnostics) -> Bool {
            LinkResolver.checkAnchor(fragment, ids: headingIDs[target], at: at, target: targetName, diagnostics: &diagnostics)
        }
    }

    /// Where `link` in document `index` goes: the URL to write and the document it reaches (for
    /// backlinks); nil, with an error at the link, when it leads nowhere.
    func resolve(_ link: MarkdownDocument.Link, in index: Int, sourcePath: String, ownHeadingIDs: Set<String>? = nil,
                 diagnostics: inout Diagnostics) -> Resolution? {
        let raw = link.url
        let at = SourceLocation(file: sourcePath, line: link.line, column: link.column)
        if raw.isEmpty || Self.hasScheme(raw) || raw.hasPrefix("//") { return Resolution(url: nil, target: nil) }
        var path = raw
        var fragment: String?
        // Byte searches: link texts are short, but a Character search segments graphemes.
        if let hash = path.utf8.firstIndex(of: UInt8(ascii: "#")) {
            fragment = String(path[path.index(after: hash)...])
            path = String(path[..<hash])
        }
        // A query is kept on the written URL (`target.md?x=1#a` → `/lt/target/?x=1#a`): it is the
        // author's, for a page script or a tracker; only the path names the file.
        var query = ""
        if let question = path.utf8.firstIndex(of: UInt8(ascii: "?")) {
            query = String(path[question...])
            path = String(path[..<question])
        }
        let decoded = path.utf8.contains(UInt8(ascii: "%")) ? path.removingPercentEncoding ?? path : path

        if decoded.isEmpty {
            guard let fragment else { return Resolution(url: nil, target: nil) }
            let ids = ownHeadingIDs ?? headingIDs?[index] ?? []
            guard Self.checkAnchor(fragment, ids: ids, at: at, target: "this document", diagnostics: &diagnostics) else { return nil }
            return Resolution(url: nil, target: nil)
        }

        let contentPath: String
        if decoded.hasPrefix("/") {
            contentPath = Self.normalize("content" + decoded)
        } else {
            let folder = sourcePath[..<(sourcePath.utf8.lastIndex(of: UInt8(ascii: "/")) ?? sourcePath.startIndex)]
            contentPath = Self.normalize(folder + "/" + decoded)
        }

        if let (target, urlPath) = document(at: contentPath) ?? alternate(of: contentPath) {
            var url = basePath + urlPath + query
            var pending: Anchor?
            if let fragment, !fragment.isEmpty {
                let anchor = Anchor(fragment: fragment, target: target, at: at, targetName: "'\(contentPath)'")
                if let headingIDs {
                    guard anchor.check(headingIDs, diagnostics: &diagnostics) else { return nil }
                } else {
                    pending = anchor
                }
                url += "#" + fragment
            }
            return Resolution(url: url, target: target, anchor: pending)
        }
        if let output = resources[contentPath] {
            return Resolution(url: basePath + URLPath.percentEncoded(output) + query + (fragment.map { "#" + $0 } ?? ""), target: nil)
        }
        if decoded.hasPrefix("/assets/"), assetPaths.contains(String(decoded.dropFirst())) {
            return Resolution(url: basePath + URLPath.percentEncoded(String(decoded.dropFirst())) + query + (fragment.map { "#" + $0 } ?? ""),
                              target: nil)
        }

        let what = link.isImage ? "image" : "link"
        if decoded.hasSuffix(".md") {
            let candidates = documentsBySource.keys.filter { $0.hasPrefix("content/") }
            let hint = Suggestion.closestPath(to: contentPath, in: candidates).map { "did you mean '\(Self.relative($0, from: sourcePath))'?" }
                ?? "link to an existing .md file, relative to this file or rooted at content/ (e.g. /lt/projects/x.md)"
            diagnostics.error("\(what) to missing document '\(raw)'", at: at, hint: hint)
            return nil
        }
        let hint = Suggestion.closestPath(to: contentPath, in: resources.keys).map { "did you mean '\(Self.relative($0, from: sourcePath))'?" }
            ?? "put the file beside the document (in a bundle folder) or fix the path"
        diagnostics.error("\(what) to missing file '\(raw)'", at: at, hint: hint)
        return nil
    }

    /// The document at a content path: a `.md` file, or a folder's bundle page or list page
    /// (`../projects/` or `/lt/projects`).
    private func document(at contentPath: String) -> (target: Int, urlPath: String)? {
        let folder = contentPath.hasSuffix("/") ? String(contentPath.dropLast()) : contentPath
        guard let target = documentsBySource[contentPath] ?? documentsBySource[folder + "/index.md"]
            ?? documentsBySource[folder + "/_index.md"] else { return nil }
        return (target, urlPaths[target])
    }

    /// `content/<lang>/<path>` missing in `<lang>`: the page there of the document another language
    /// has at `<path>` (see `Alternates`).
    private func alternate(of contentPath: String) -> (target: Int, urlPath: String)? {
        guard let alternates else { return nil }
        let parts = contentPath.split(separator: "/", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "content", alternates.languages.contains(String(parts[1])) else { return nil }
        let language = String(parts[1])
        for other in alternates.languages where other != language {
            guard let (found, _) = document(at: "content/\(other)/\(parts[2])") else { continue }
            guard let page = alternates.fallbacks.page(of: found, in: language, documents: alternates.documents,
                                                       translations: alternates.translations) else { return nil }
            return (page.document, page.urlPath)
        }
        return nil
    }

    private static func checkAnchor(_ fragment: String, ids: Set<String>, at: SourceLocation, target name: String,
                                    diagnostics: inout Diagnostics) -> Bool {
        if fragment.isEmpty || ids.contains(fragment) || fragment.hasPrefix("fn-") || fragment.hasPrefix("fnref-") {
            return true
        }
        let hint = Suggestion.closest(to: fragment, in: ids).map { "did you mean '#\($0)'?" }
            ?? (ids.isEmpty ? "the target has no headings" : "headings there: \(ids.sorted().prefix(8).map { "#" + $0 }.joined(separator: ", "))")
        diagnostics.error("no heading '#\(fragment)' in \(name)", at: at, hint: hint)
        return false
    }

    /// `scheme:` as RFC 3986 spells it: an ASCII letter, then letters, digits, `+`, `-` or `.`.
    static func hasScheme(_ url: String) -> Bool {
        guard let colon = url.utf8.firstIndex(of: UInt8(ascii: ":")) else { return false }
        let scheme = url.utf8[..<colon]
        func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
        guard let first = scheme.first, isLetter(first) else { return false }
        return scheme.allSatisfy { b in
            isLetter(b) || (b >= 0x30 && b <= 0x39) || b == UInt8(ascii: "+") || b == UInt8(ascii: "-") || b == UInt8(ascii: ".")
        }
    }

    /// Removes `.` and `..` segments; a path climbing above the root stays visibly outside (`../…`).
    static func normalize<S: StringProtocol>(_ path: S) -> String {
        var parts: [Substring] = []
        let path = Substring(path)
        for bytes in path.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: true) {
            let segment = Substring(bytes)
            if segment == "." { continue }
            if segment == "..", let last = parts.last, last != ".." {
                parts.removeLast()
            } else {
                parts.append(segment)
            }
        }
        return parts.joined(separator: "/") + (path.utf8.last == UInt8(ascii: "/") ? "/" : "")
    }

    /// `target` written relative to the folder of `from`, as an editor would type it.
    static func relative(_ target: String, from: String) -> String {
        let fromParts = from.split(separator: "/").dropLast()
        let toParts = target.split(separator: "/")
        var common = 0
        while common < fromParts.count, common < toParts.count - 1, fromParts[fromParts.startIndex + common] == toParts[common] {
            common += 1
        }
        let ups = Array(repeating: "..", count: fromParts.count - common)
        return (ups + toParts[common...].map(String.init)).joined(separator: "/")
    }
}
