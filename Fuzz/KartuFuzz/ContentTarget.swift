#if DEBUG || FUZZING
import Foundation
@testable import Kartu

/// What reads editors' raw bytes: the UTF-8 check and line-ending normalisation, the front-matter
/// splitter, and the libcmark-gfm wrapper (parse, heading ids, link positions, raw HTML sanitized
/// and its removals located, table boxes, rendering).
enum ContentTarget {
    static func run(_ bytes: [UInt8]) throws(BrokenInvariant) {
        // Differential check: our validator must agree with the standard library's.
        let valid = String(validating: bytes, as: UTF8.self) != nil
        let withoutBOM = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        try require((SourceText.firstInvalidUTF8(withoutBOM) == nil) == (String(validating: withoutBOM, as: UTF8.self) != nil),
                    "the UTF-8 check disagrees with the standard library's")
        switch SourceText.decode(Data(bytes)) {
        case .failure(.invalidUTF8(let line, let column)):
            try require(!valid || bytes.starts(with: [0xEF, 0xBB, 0xBF]), "valid UTF-8 reported invalid")
            try require(line >= 1 && column >= 1, "invalid UTF-8 reported at \(line):\(column)")
        case .success(let source):
            try require(!source.text.contains("\r"), "a carriage return survived normalisation")
            let lineCount = source.text.reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
            switch FrontMatter.split(source.text) {
            case .success(let frontMatter):
                try require(frontMatter.bodyLineOffset >= 2 && frontMatter.bodyLineOffset <= lineCount,
                            "body starts after line \(frontMatter.bodyLineOffset) of \(lineCount)")
                try check(frontMatter.body, lineOffset: frontMatter.bodyLineOffset, lineCount: lineCount, unsafe: bytes.count % 2 == 0)
            case .failure:
                try check(Substring(source.text), lineOffset: 0, lineCount: lineCount, unsafe: bytes.count % 2 == 1)
            }
        }
    }

    private static func check(_ markdown: Substring, lineOffset: Int, lineCount: Int, unsafe: Bool) throws(BrokenInvariant) {
        let document = MarkdownDocument(markdown, lineOffset: lineOffset, unsafeHTML: unsafe)
        var ids = Set<String>()
        for heading in document.headings {
            try require(!heading.id.isEmpty && ids.insert(heading.id).inserted, "heading id '\(heading.id)' empty or repeated")
            try require(isSlugText(heading.id), "heading id '\(heading.id)' is not [a-z0-9-]")
            try require(!heading.id.hasPrefix("fn-") && !heading.id.hasPrefix("fnref-"), "heading id '\(heading.id)' is a footnote's")
        }
        for link in document.links {
            try require(link.line > lineOffset && link.line <= lineCount + 1 && link.column >= 1,
                        "link at \(link.line):\(link.column), outside the body (lines \(lineOffset + 1)…\(lineCount))")
        }
        let html = document.renderHTML(labels: MarkdownDocument.Labels(footnoteBack: "Atgal \"į\" tekstą", table: "Lentelė"))
        guard !unsafe else { return }
        try require(!html.contains("<script"), "a script kept in safe mode")
        for removed in document.removedHTML {
            try require(removed.line > lineOffset && removed.line <= lineCount && removed.column >= 1,
                        "raw HTML removal at \(removed.line):\(removed.column), outside the body (lines \(lineOffset + 1)…\(lineCount))")
        }
        // Raw ids keep clear of the headings', the footnotes' and each other's: no id twice on the page.
        var pageIDs = Set<String>()
        var tokens = HTMLTokenizer(html)
        while let token = tokens.next() {
            guard case let .startTag(_, attributes, _) = token, let id = attributes.first(where: { $0.name == "id" }) else { continue }
            try require(pageIDs.insert(id.value).inserted, "id '\(id.value)' twice in the page")
        }
    }
}
#endif
