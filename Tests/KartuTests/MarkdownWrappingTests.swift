import Foundation
import Testing
@testable import Kartu

@Suite("Markdown: tables, reserved ids, footnotes")
struct MarkdownWrappingTests {
    @Test("a table is wrapped in a focusable scroll box, a region named and numbered in the document's language; other blocks are not")
    func tableScrollBox() {
        let html = MarkdownDocument("Text\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n> quote\n", lineOffset: 0, unsafeHTML: false).renderHTML()
        #expect(html.contains("<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"Table 1\">\n<table>"))
        #expect(html.contains("</table>\n</div>"))
        #expect(html.components(separatedBy: "table-scroll").count == 2)
        #expect(html.contains("<blockquote>\n<p>quote</p>\n</blockquote>"))
    }

    @Test("tables are numbered in order, named in the document's language, the name escaped")
    func tableNames() {
        let source = "| a |\n|---|\n| 1 |\n\nText\n\n| b |\n|---|\n| 2 |\n"
        let html = MarkdownDocument(Substring(source), lineOffset: 0, unsafeHTML: false).renderHTML(labels: MarkdownDocument.Labels(table: "Lentelė <&>"))
        #expect(html.contains("aria-label=\"Lentelė &lt;&amp;&gt; 1\">\n<table>\n<thead>\n<tr>\n<th>a</th>"))
        #expect(html.contains("aria-label=\"Lentelė &lt;&amp;&gt; 2\">\n<table>\n<thead>\n<tr>\n<th>b</th>"))
        #expect(!html.contains("kartu-table"))
        // Text that looks like the placeholder stays text.
        let quoted = MarkdownDocument("`aria-label=\"kartu-table\"`\n", lineOffset: 0, unsafeHTML: false).renderHTML()
        #expect(quoted.contains("aria-label=&quot;kartu-table&quot;"))
    }

    @Test("an empty header cell (the corner of a table) is written as a data cell: a header must have text")
    func emptyHeaderCell() {
        let html = MarkdownDocument("|  | 2019 | 2020 |\n|:--|---:|---|\n| a | 1 | 2 |\n", lineOffset: 0, unsafeHTML: false).renderHTML()
        #expect(html.contains("<tr>\n<td align=\"left\"></td>\n<th align=\"right\">2019</th>\n<th>2020</th>\n</tr>"))
        #expect(!html.contains("<th align=\"left\"></th>"))
    }

    @Test("headings never take the ids the page itself uses")
    func reservedIDs() {
        let document = MarkdownDocument("## Related\n\n## Main\n\n## Contents\n\n## Backlinks\n\n## Other languages\n\n## Related\n", lineOffset: 0, unsafeHTML: false)
        #expect(document.headings.map(\.id) == ["related-1", "main-1", "contents-1", "backlinks-1", "other-languages-1", "related-2"])
    }

    @Test("headings never take a footnote's ids, fn-… and fnref-… (issue 19)")
    func footnoteIDs() {
        let document = MarkdownDocument("## Fn 1\n\nText[^1].\n\n## Fnref 1\n\n## Section fn 1\n\n[^1]: Note.\n", lineOffset: 0, unsafeHTML: false)
        #expect(document.headings.map(\.id) == ["section-fn-1", "section-fnref-1", "section-fn-1-1"])
        let html = document.renderHTML()
        #expect(html.components(separatedBy: "id=\"fn-1\"").count == 2)
        #expect(html.components(separatedBy: "id=\"fnref-1\"").count == 2)
    }

    @Test("a heading's id and contents text come from its text, not its tags (issue 19)")
    func headingTextWithoutTags() {
        for unsafe in [false, true] {
            let document = MarkdownDocument("## <b>Bold</b> title\n\n## Press <kbd>Ctrl</kbd>+<kbd>C</kbd>\n", lineOffset: 0, unsafeHTML: unsafe)
            #expect(document.headings.map(\.id) == ["bold-title", "press-ctrl-c"])
            #expect(document.headings.map(\.text) == ["Bold title", "Press Ctrl+C"])
        }
    }

    @Test("footnote back-links are labelled in the document's language, escaped")
    func footnoteLabel() {
        let source = "Text[^1].\n\n[^1]: Note.\n"
        let english = MarkdownDocument(Substring(source), lineOffset: 0, unsafeHTML: false).renderHTML()
        #expect(english.contains("aria-label=\"Back to content\""))
        let lithuanian = MarkdownDocument(Substring(source), lineOffset: 0, unsafeHTML: false).renderHTML(labels: MarkdownDocument.Labels(footnoteBack: "Grįžti į \"tekstą\""))
        #expect(lithuanian.contains("aria-label=\"Grįžti į &quot;tekstą&quot;\""))
        #expect(!lithuanian.contains("Back to content"))
        // An author's own label with the same words is not the back-link's (issue 19).
        let own = MarkdownDocument("<span aria-label=\"Back to content\">x</span> Text[^1].\n\n[^1]: Note.\n", lineOffset: 0, unsafeHTML: true)
            .renderHTML(labels: MarkdownDocument.Labels(footnoteBack: "Atgal"))
        #expect(own.contains("<span aria-label=\"Back to content\">x</span>"))
        #expect(own.contains("data-footnote-backref aria-label=\"Atgal\""))
    }
}

@Suite("Markdown: fuzzing regressions")
struct MarkdownFuzzRegressionTests {
    /// Found by Fuzz/run.sh: cmark leaves a link in a table cell without a position (line 0);
    /// kartu must still report a real line and column.
    @Test("every link gets a position inside the file, even when cmark gives none")
    func unpositionedLink() throws {
        let url = TestSite.repoRoot.appendingPathComponent("Fuzz/seeds/content/regression-unpositioned-link.md")
        let data = try Data(contentsOf: url)
        guard case .success(let source) = SourceText.decode(data) else { Issue.record("seed must decode"); return }
        let lines = source.text.split(separator: "\n", omittingEmptySubsequences: false).count
        let document = MarkdownDocument(Substring(source.text), lineOffset: 0, unsafeHTML: false)
        #expect(document.links.count == 12)
        for link in document.links {
            #expect(link.line >= 1 && link.line <= lines && link.column >= 1)
        }
    }
}

extension MarkdownFuzzRegressionTests {
    /// Found by Fuzz/run.sh: a numbered suffix must not reuse an id an earlier heading took.
    @Test("generated heading ids never repeat")
    func uniqueIDs() {
        let document = MarkdownDocument("# H 1\n\n# H\n\n# H\n\n# H\n\n# H 1\n", lineOffset: 0, unsafeHTML: false)
        #expect(document.headings.map(\.id) == ["h-1", "h", "h-2", "h-3", "h-1-1"])
    }
}
