import Testing
@testable import Kartu

@Suite("Markdown")
struct MarkdownDocumentTests {
    func markdown(_ text: String, lineOffset: Int = 0, unsafeHTML: Bool = false) -> MarkdownDocument {
        MarkdownDocument(Substring(text), lineOffset: lineOffset, unsafeHTML: unsafeHTML)
    }

    /// HTML with the line breaks inside heading tags removed, to compare heading markup.
    func compact(_ html: String) -> String {
        html.replacingOccurrences(of: ">\n", with: ">").replacingOccurrences(of: "\n</h", with: "</h")
    }

    @Test("headings get transliterated ids; repeats get -1, -2")
    func headingIDs() {
        let document = markdown("""
            # Kazlų Rūda

            ## Intro

            ## Intro

            ### Intro

            ## Straße & Łódź

            ## ???

            ## The `kartu` *tool*
            """)
        #expect(document.headings.map(\.id) == ["kazlu-ruda", "intro", "intro-1", "intro-2", "strasse-lodz", "section", "the-kartu-tool"])
        #expect(document.headings.map(\.level) == [1, 2, 2, 3, 2, 2, 2])
        #expect(document.headings.map(\.text) == ["Kazlų Rūda", "Intro", "Intro", "Intro", "Straße & Łódź", "???", "The kartu tool"])
    }

    @Test("a heading whose slug equals an earlier generated id still gets a unique id")
    func idCollision() {
        let document = markdown("## Intro\n\n## Intro\n\n## Intro 1\n")
        let ids = document.headings.map(\.id)
        #expect(ids == ["intro", "intro-1", "intro-1-1"])
        #expect(Set(ids).count == ids.count)
    }

    @Test("ids appear in the HTML, heading content kept")
    func headingHTML() {
        let html = compact(markdown("## Intro\n\n## Intro\n\n### The *best* part\n").renderHTML())
        #expect(html.contains("<h2 id=\"intro\">Intro</h2>"))
        #expect(html.contains("<h2 id=\"intro-1\">Intro</h2>"))
        #expect(html.contains("<h3 id=\"the-best-part\">The <em>best</em> part</h3>"))
        #expect(!html.contains("<h2>"))
    }

    @Test("setext headings get ids too")
    func setextHeadings() {
        let document = markdown("Pirmas skyrius\n==============\n\nAntras\n------\n")
        #expect(document.headings.map(\.id) == ["pirmas-skyrius", "antras"])
        #expect(document.headings.map(\.level) == [1, 2])
    }

    static let rawHTML = """
        <div class="raw">Block</div>

        Inline <span class="x">span</span> text.

        <script>alert(1)</script>
        """

    @Test("raw HTML is sanitized by default: allowed tags stay without their class, <script> goes with its content")
    func rawHTMLSanitized() {
        let document = markdown(Self.rawHTML)
        let html = document.renderHTML()
        // The script block leaves its line's end.
        #expect(html == "<div>Block</div>\n<p>Inline <span>span</span> text.</p>\n\n")
        #expect(document.removedHTML.map { "\($0.line):\($0.column) \($0.removal.element)" } == ["1:1 div", "3:8 span", "5:1 script"])
    }

    @Test("<br> stays a line break everywhere, in table cells too; look-alikes go, their text stays")
    func lineBreakTagKept() {
        let document = markdown("""
            ## Aims<br>and means

            One<br>two

            | Step | Where |
            |---|---|
            | 1.1. | in lessons,<br>in form periods,<BR/>during events<br />end |
            | 1.2. | <b r>x <br class="a">y <brx>z |
            """)
        let html = document.renderHTML()
        #expect(document.headings.map(\.id) == ["aims-and-means"])
        #expect(html.contains("Aims<br />and means"))
        #expect(html.contains("<p>One<br />two</p>"))
        #expect(html.contains("<td>in lessons,<br />in form periods,<br />during events<br />end</td>"))
        #expect(html.contains("<td><b>x <br />y z</b></td>"))
    }

    @Test("raw HTML is kept with unsafeHTML; tagfilter still disarms <script>")
    func rawHTMLKept() {
        let html = markdown(Self.rawHTML, unsafeHTML: true).renderHTML()
        #expect(html.contains("<div class=\"raw\">Block</div>"))
        #expect(html.contains("<p>Inline <span class=\"x\">span</span> text.</p>"))
        #expect(html.contains("&lt;script>"))
        #expect(!html.contains("<script>"))
    }

    @Test("GitHub extensions: table, strikethrough, autolink, task list, footnotes")
    func extensions() {
        let html = markdown("""
            | A | B |
            |---|---|
            | 1 | 2 |

            ~~old~~ new, see www.example.org

            - [x] done
            - [ ] todo

            Text with a note.[^1]

            [^1]: The note.
            """).renderHTML()
        #expect(html.contains("<table>"))
        #expect(html.contains("<td>1</td>"))
        #expect(html.contains("<del>old</del>"))
        #expect(html.contains("<a href=\"http://www.example.org\">www.example.org</a>"))
        #expect(html.contains("<input type=\"checkbox\" checked=\"\" disabled=\"\" />"))
        #expect(html.contains("class=\"footnotes\""))
        #expect(html.contains("The note."))
    }

    @Test("links and images carry their line and column in the file")
    func linkPositions() {
        // The body starts on line 6 of the file (five lines of front matter before it).
        let document = markdown("Intro.\n\nSee [a](a.md) and ![b](b.png).\n\n- item [c](c.md#x)\n> quote [d](d.md)\n", lineOffset: 5)
        let links = document.links.map { "\($0.url)@\($0.line):\($0.column)\($0.isImage ? " image" : "")" }
        #expect(links == ["a.md@8:5", "b.png@8:19 image", "c.md#x@10:8", "d.md@11:9"])
    }

    @Test("a link after a reference definition is at its own line (issue 19)")
    func linkAfterReferenceDefinition() {
        let document = markdown("[ref]: https://example.org\n\nSee [a](a.md) and [ref].\n\n[x]: /y\n[z]: /w\nThen [b](b.md).\n", lineOffset: 0)
        let links = document.links.map { "\($0.url)@\($0.line):\($0.column)" }
        #expect(links == ["a.md@3:5", "https://example.org@3:19", "b.md@7:6"])
    }

    @Test("a link's column counts characters, as editors show them")
    func linkColumnAfterNonASCII() {
        // "Žiūrėkite " is 10 characters (13 UTF-8 bytes): the link starts at column 11.
        let document = markdown("Žiūrėkite [Jonava](jonava.md).\n", lineOffset: 3)
        #expect(document.links.map(\.line) == [4])
        #expect(document.links.map(\.column) == [11])
    }

    @Test("a link inside a heading is collected too")
    func linkInHeading() {
        let document = markdown("## See [docs](docs.md)\n")
        #expect(document.headings.map(\.id) == ["see-docs"])
        #expect(document.links.map(\.url) == ["docs.md"])
    }

    @Test("setURL rewrites the rendered link")
    func rewrite() throws {
        let document = markdown("[Jonava](jonava.md) and ![p](photo.png)\n")
        let links = document.links
        try #require(links.count == 2)
        document.setURL("/lt/projects/jonava/", of: links[0])
        document.setURL("/lt/projects/photo.png", of: links[1])
        let html = document.renderHTML()
        #expect(html.contains("<a href=\"/lt/projects/jonava/\">Jonava</a>"))
        #expect(html.contains("<img src=\"/lt/projects/photo.png\" alt=\"p\" />"))
        #expect(!html.contains("jonava.md"))
    }
}
