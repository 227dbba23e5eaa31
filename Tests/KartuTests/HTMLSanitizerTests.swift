import Foundation
import Testing
@testable import Kartu

/// The allow-list sanitizer of raw HTML (issue 19): exact output for the tokenizer's hard cases, the
/// URL and id checks, and the pieces of one document read in order.
@Suite struct HTMLSanitizerTests {
    /// `html` sanitized as one piece, with nothing taken but `taken`.
    private func clean(_ html: String, taken: Set<String> = []) -> String {
        var sanitizer = HTMLSanitizer(takenIDs: taken)
        return sanitizer.sanitize(html).html
    }

    @Test("kept tags are written again from their tokens: lower case, double quotes, void elements closed")
    func rewritten() {
        #expect(clean("<DIV TITLE='a \"b\"'>x</DIV>") == "<div title=\"a &quot;b&quot;\">x</div>")
        #expect(clean("<p title=a/b>x</p>") == "<p title=\"a/b\">x</p>")
        #expect(clean("<img src=x.png alt>") == "<img src=\"x.png\" alt=\"\" />")
        #expect(clean("<br/><hr><wbr>") == "<br /><hr /><wbr />")
        #expect(clean("a</br>b") == "a<br />b")
        #expect(clean("<abbr title=x title=y>WHO</abbr>") == "<abbr title=\"x\">WHO</abbr>")
        // An unquoted value takes a `/`; a `/` between attributes is nothing.
        #expect(clean("<b/title=x/>bold</b>") == "<b title=\"x/\">bold</b>")
        #expect(clean("<b/title='x'/>bold</b>") == "<b title=\"x\">bold</b>")
    }

    @Test("what HTML5 has dropped is written as it spells it: <tt> as <code>, <strike> as <s>, an anchor's name as its id")
    func html5Names() {
        #expect(clean("<tt>x</tt> <STRIKE>y</STRIKE>") == "<code>x</code> <s>y</s>")
        #expect(clean("<a name=part>x</a>") == "<a id=\"part\">x</a>")
        var sanitizer = HTMLSanitizer(takenIDs: [])
        let (html, removals) = sanitizer.sanitize("<a name=one id=two>x</a>")
        #expect(html == "<a id=\"two\">x</a>")
        #expect(removals == [HTMLSanitizer.Removal(offset: 0, element: "a", what: .attributes(["name=\"one\""]))])
    }

    @Test("other tags go and their text stays; text gets no < back; references stay as written")
    func textKept() {
        #expect(clean("<font color=red>Red</font> <center>mid</center>") == "Red mid")
        #expect(clean("<section><h2>Title</h2></section>") == "<h2>Title</h2>")
        #expect(clean("1 < 2 &amp; 3 > 2 &nbsp;<3") == "1 &lt; 2 &amp; 3 &gt; 2 &nbsp;&lt;3")
        #expect(clean("a\u{0}b") == "a\u{FFFD}b")
        // `<` and a combining mark are one Character, and still a `<` to a browser (a fuzz find).
        #expect(clean("3<\u{64F}span") == "3&lt;\u{64F}span")
    }

    @Test("script, style and the raw-text elements go with their content, however their end tag is hidden")
    func droppedWithContent() {
        #expect(clean("a<script>alert(1)</script>b") == "ab")
        #expect(clean("a<SCRIPT>x</script >b") == "ab")
        #expect(clean("<style>p{}</style><textarea><b>x</b></textarea>ok") == "ok")
        // The end tag inside an attribute of the raw text is the end tag: what follows is read again.
        #expect(clean("<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">") == "<img src=\"x\" />\"&gt;")
        #expect(clean("<template><b>in</b><template>x</template></template>out") == "out")
        #expect(clean("<object data=x><b>fallback</b></object>after") == "after")
        #expect(clean("<embed src=x>after") == "after")
        #expect(clean("<plaintext></plaintext>everything") == "")
        #expect(clean("<script>never ends") == "")
    }

    @Test("comments, doctypes, processing instructions and CDATA are no content")
    func markupGone() {
        #expect(clean("a<!-- x -->b<!-->c<!--->d<!-- x --!>e") == "abcde")
        #expect(clean("<!DOCTYPE html><?php echo 1 ?>x<![CDATA[y]]>z") == "xz")
        #expect(clean("</ x>a</>b") == "ab")
        #expect(clean("<!-- never closed <script>alert(1)</script>") == "")
    }

    @Test("a tag the piece cuts off is dropped, as a browser drops it")
    func cutOff() {
        #expect(clean("a<div title=\"x") == "a")
        #expect(clean("a<b") == "a")
        #expect(clean("a <3 b") == "a &lt;3 b")
    }

    @Test("event handlers, style and class go; the element stays")
    func attributesRemoved() {
        var sanitizer = HTMLSanitizer(takenIDs: [])
        let (html, removals) = sanitizer.sanitize("<p class=x style=\"color:red\" onclick=go()>t</p>")
        #expect(html == "<p>t</p>")
        #expect(removals == [HTMLSanitizer.Removal(offset: 0, element: "p", what: .attributes(["class", "style", "onclick"]))])
    }

    @Test("URLs: script schemes go however they are spelled; web, mail, phone, relative and raster data stay")
    func urls() {
        let refused = [
            "javascript:alert(1)", "JavaScript:alert(1)", " javascript:alert(1)", "\u{1}javascript:x",
            "java\tscript:x", "java&#x09;script:x", "java&#9;script:x", "java&Tab;script:x", "javas&NewLine;cript:x",
            "javascript&colon;x", "&#106;avascript:x", "&#x6A;avascript:x", "&#0000106avascript:x", "vbscript:x",
            "data:text/html,<script>alert(1)</script>", "data:image/svg+xml,<svg onload=alert(1)>", "file:///etc/passwd",
        ]
        for url in refused {
            #expect(!HTMLSanitizer.isAllowedURL(url, schemes: ["http", "https", "mailto", "tel"], dataImage: true), "\(url)")
            #expect(clean("<a href=\"\(url)\">x</a>") == "<a>x</a>", "\(url)")
        }
        let kept = ["https://example.org/a?b=1&amp;c=2", "http://x", "mailto:a@b.lt", "tel:+37060000000", "../a/", "/lt/x/",
                    "#part", "?q=1", "", "//example.org/", "a/b:c", "x?y:z"]
        for url in kept {
            #expect(HTMLSanitizer.isAllowedURL(url, schemes: ["http", "https", "mailto", "tel"], dataImage: false), "\(url)")
        }
        #expect(clean("<img src=\"data:image/png;base64,iVBO\">") == "<img src=\"data:image/png;base64,iVBO\" />")
        #expect(clean("<a href=\"data:image/png;base64,iVBO\">x</a>") == "<a>x</a>")
        #expect(clean("<img src=\"mailto:a@b\">") == "<img />")
    }

    @Test("ids: words nothing else on the page uses; a clash, a reserved prefix or a second use goes")
    func ids() {
        var sanitizer = HTMLSanitizer(takenIDs: ["goals", "main"])
        let (html, removals) = sanitizer.sanitize("""
            <a name="partners">1</a><div id="goals">2</div><div id="main">3</div><div id="kartu-toc">4</div>\
            <div id="fn&#45;1">5</div><div id="Search-q">6</div><div id="partners">7</div><div id="a b">8</div><p id="tikslai.2">9</p>
            """)
        #expect(html == "<a id=\"partners\">1</a><div>2</div><div>3</div><div>4</div><div>5</div><div>6</div><div>7</div><div>8</div><p id=\"tikslai.2\">9</p>")
        #expect(removals.map(\.reason) == Array(repeating: .id, count: 7))
    }

    @Test("an element dropped with its content may end in a later piece; a block's end ends it")
    func acrossPieces() {
        var sanitizer = HTMLSanitizer(takenIDs: [])
        #expect(sanitizer.sanitize("<style>").html == "")
        #expect(sanitizer.isDropping)
        #expect(sanitizer.sanitize("p { color: red }</style>after").html == "after")
        #expect(!sanitizer.isDropping)
        _ = sanitizer.sanitize("<script>")
        sanitizer.endOfBlock()
        #expect(sanitizer.sanitize("<b>next block</b>").html == "<b>next block</b>")
    }

    @Test("Markdown: inlines between an inline <style> and its end tag go; the paragraph ends it")
    func inlinePieces() {
        let html = MarkdownDocument("a <style>*p*{}</style> b <script>x\n\nnext\n", lineOffset: 0, unsafeHTML: false).renderHTML()
        #expect(html == "<p>a  b </p>\n<p>next</p>\n")
    }

    @Test("Markdown: warnings at each removal's line and column in the file, three, then one counting the rest")
    func warnings() {
        let source = """
            Intro.

            <div class="a">
            <p style="x">Text</p>
            <font>f</font>
            </div>

            Ä <b onclick=x>b</b> <u class=y>u</u> <kbd class=z>k</kbd>
            """
        let document = MarkdownDocument(Substring(source), lineOffset: 4, unsafeHTML: false)
        #expect(document.removedHTML.map { "\($0.line):\($0.column) \($0.removal.element)" }
            == ["7:1 div", "8:1 p", "9:1 font", "12:3 b", "12:22 u", "12:39 kbd"])
        #expect(document.rawHTMLWarnings(file: "content/lt/x.md").map(\.description) == [
            "content/lt/x.md:7:1: warning: raw HTML: class removed from <div>\n    hint: \(MarkdownDocument.rawHTMLHint)",
            "content/lt/x.md:8:1: warning: raw HTML: style removed from <p>\n    hint: \(MarkdownDocument.rawHTMLHint)",
            "content/lt/x.md:9:1: warning: raw HTML <font> removed; its text is kept\n    hint: \(MarkdownDocument.rawHTMLHint)",
            "content/lt/x.md:12:3: warning: raw HTML: 3 more removals in this file (line 12)\n    hint: \(MarkdownDocument.rawHTMLHint)",
        ])
    }

    @Test("Markdown: what raw HTML opens closes by the end of its paragraph or text; an end tag that closes nothing of it goes")
    func balanced() {
        let source = """
            A <a href="#x">link left open and <b><i>crossed</b></i>.

            Next paragraph.

            <div>
            Opened here, never closed.

            And a stray one.
            </section></div></div>
            """
        let document = MarkdownDocument(Substring(source), lineOffset: 0, unsafeHTML: false)
        #expect(document.renderHTML() == """
            <p>A <a href="#x">link left open and <b><i>crossed</i></b>.</a></p>
            <p>Next paragraph.</p>
            <div>
            Opened here, never closed.
            <p>And a stray one.</p>
            </div>

            """)
        #expect(document.removedHTML.map { "\($0.line):\($0.column) \($0.removal.element) \($0.removal.what)" }
            == ["1:52 i strayEndTag", "9:17 div strayEndTag"])
    }

    @Test("Markdown: a raw id may not take a heading's id, wherever the heading is")
    func headingIDs() {
        let html = MarkdownDocument("<a id=\"goals\"></a>\n\n## Goals\n", lineOffset: 0, unsafeHTML: false).renderHTML()
        #expect(html == "<p><a></a></p>\n<h2 id=\"goals\">\nGoals\n</h2>\n")
    }

    @Test("README \"Raw HTML\" lists exactly the allow-list: elements with their attributes, global attributes, dropped elements")
    func readmeListsTheAllowList() throws {
        let readme = try String(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../README.md").standardized, encoding: .utf8)
        let section = try #require(readme.components(separatedBy: "#### Raw HTML").dropFirst().first?.components(separatedBy: "\n### ").first)
        let kept = try #require(section.components(separatedBy: "- **Kept**").dropFirst().first?.components(separatedBy: "- **Links").first)
        let items = kept.split(whereSeparator: \.isWhitespace).joined(separator: " ").components(separatedBy: "; on any of them")
        // `name` (`attribute`, …), … with h1…h6 spelled out.
        var listed: [String: Set<String>] = [:]
        let pattern = try NSRegularExpression(pattern: "`([a-z0-9]+)`(?: \\(([^)]*)\\))?")
        let text = items[0].replacingOccurrences(of: "`h1`…`h6`", with: "`h1`, `h2`, `h3`, `h4`, `h5`, `h6`")
        for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            let name = String(text[Range(match.range(at: 1), in: text)!])
            let attributes = Range(match.range(at: 2), in: text).map { text[$0].replacingOccurrences(of: "`", with: "").components(separatedBy: ", ") } ?? []
            listed[name] = Set(attributes)
        }
        #expect(listed == HTMLAllowList.elements)
        let global = Set(items[1].components(separatedBy: ".").first!.replacingOccurrences(of: "`", with: "")
            .components(separatedBy: ",").map { $0.trimmingCharacters(in: .whitespaces) })
        #expect(global == HTMLAllowList.globalAttributes)
        let dropped = try #require(section.components(separatedBy: "- **Removed with everything in them**:").dropFirst().first?.components(separatedBy: ". An element").first)
        let droppedNames = Set(dropped.replacingOccurrences(of: " and ", with: ", ").components(separatedBy: ",")
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines).replacingOccurrences(of: "`", with: "") })
        #expect(droppedNames == HTMLAllowList.droppedWithContent)
    }
}
