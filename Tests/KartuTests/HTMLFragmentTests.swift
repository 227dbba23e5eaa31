import Foundation
import Testing
@testable import Kartu

@Suite("HTML fragments")
struct HTMLFragmentTests {
    /// Markdown with everything kartu's renderer can put in a chapter.
    static let sample = """
        # Kazlų Rūda & "Łódź" 2020

        Text with **bold**, ~~struck~~, `code <x>`, a [link](/lt/publications/guide/intro/#kazlu-ruda 'T "q"'),
        https://example.org/a?b=1&c=2, www.example.org and mail@example.org.
        Hard break\\
        next line. Footnote[^1] and again[^1] and another[^note].

        ![An image](/lt/publications/guide/intro/x.svg "Title")

        | Left | Center | Right |
        |:-----|:------:|------:|
        | a    | b      | c     |

        - [x] done
        - [ ] todo

        ---

        ```swift
        let x = "<y>" && z
        ```

        > quote

        [^1]: The note.
        [^note]: Another note with [link](https://example.org/).
        """

    static func rendered(_ markdown: String = sample, unsafeHTML: Bool = false) -> String {
        MarkdownDocument(Substring(markdown), lineOffset: 0, unsafeHTML: unsafeHTML).renderHTML(labels: MarkdownDocument.Labels(footnoteBack: "Atgal į tekstą"))
    }

    /// A fragment parsed as XML inside an XHTML element.
    static func xmlError(_ fragment: String) -> String? {
        XMLCheck.error("<div xmlns=\"http://www.w3.org/1999/xhtml\">\(fragment)</div>")
    }

    // MARK: XHTML

    @Test("kartu's HTML is not XML as it is, and is after conversion")
    func renderedBecomesXML() {
        let html = Self.rendered()
        #expect(Self.xmlError(html) != nil)
        let xhtml = XHTMLFragment.fromHTML(html)
        #expect(Self.xmlError(xhtml) == nil)
        let svg = "Kazlų Rūda\n\n<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 4 4\"><circle cx=\"2\" cy=\"2\" r=\"2\" /></svg>\n"
        let withSVG = XHTMLFragment.fromHTML(Self.rendered(svg, unsafeHTML: true))
        #expect(withSVG.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 4 4\">"))
        #expect(Self.xmlError(withSVG) == nil)
    }

    @Test("what cmark writes: valueless attributes get a value, align becomes a style, the rest stays")
    func renderedChanges() {
        let xhtml = XHTMLFragment.fromHTML(Self.rendered())
        #expect(xhtml.contains("<section class=\"footnotes\" data-footnotes=\"\">"))
        #expect(xhtml.contains("<a href=\"#fn-1\" id=\"fnref-1\" data-footnote-ref=\"\">1</a>"))
        #expect(xhtml.contains("<a href=\"#fnref-1\" class=\"footnote-backref\" data-footnote-backref=\"\" aria-label=\"Atgal į tekstą\">↩</a>"))
        #expect(xhtml.contains("<th style=\"text-align: left\">Left</th>\n<th style=\"text-align: center\">Center</th>\n<th style=\"text-align: right\">Right</th>"))
        #expect(xhtml.contains("<td style=\"text-align: right\">c</td>"))
        #expect(!xhtml.contains("align="))
        // Already XML: copied as written.
        #expect(xhtml.contains("<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"Table 1\">"))
        #expect(xhtml.contains("<li><input type=\"checkbox\" checked=\"\" disabled=\"\" /> done</li>"))
        #expect(xhtml.contains("Hard break<br />\nnext line."))
        #expect(xhtml.contains("<hr />"))
        #expect(xhtml.contains("<img src=\"/lt/publications/guide/intro/x.svg\" alt=\"An image\" title=\"Title\" />"))
        #expect(xhtml.contains("<a href=\"/lt/publications/guide/intro/#kazlu-ruda\" title=\"T &quot;q&quot;\">link</a>"))
        #expect(xhtml.contains("<a href=\"https://example.org/a?b=1&amp;c=2\">https://example.org/a?b=1&amp;c=2</a>"))
        #expect(xhtml.contains("<del>struck</del>, <code>code &lt;x&gt;</code>"))
        #expect(xhtml.contains("<code class=\"language-swift\">let x = &quot;&lt;y&gt;&quot; &amp;&amp; z\n</code>"))
        #expect(xhtml.contains("Kazlų Rūda &amp; &quot;Łódź&quot; 2020"))
    }

    @Test("converting twice is converting once")
    func idempotent() {
        let once = XHTMLFragment.fromHTML(Self.rendered() + Self.rawHTML)
        #expect(XHTMLFragment.fromHTML(once) == once)
    }

    static let rawHTML = """
        <P ALIGN=right>A<BR>b &nbsp;&copy;&hellip; &unknown; Tom & Jerry, 1 < 2 &#x1F600; &#0; \u{1}end<!-- a -- b --></P >
        <img src=x.png alt='say "hi"' hidden><hr></br>
        <table><tr><td align="center" style="color: red" align="left">x</td><td align="middle">y</td></tr></table>
        <svg viewBox="0 0 10 10"><linearGradient id="g" gradientUnits="userSpaceOnUse"></linearGradient><circle cx="5" cy="5" r="4" /></svg>
        """

    @Test("raw HTML: names lower case, values quoted, voids closed, references XML's, SVG left alone")
    func rawHTMLFixed() {
        let xhtml = XHTMLFragment.fromHTML(Self.rawHTML)
        #expect(xhtml == """
            <p style="text-align: right">A<br />b &#160;&#169;&#8230; &amp;unknown; Tom &amp; Jerry, 1 &lt; 2 &#x1F600; &#xFFFD; end</p>
            <img src="x.png" alt="say &quot;hi&quot;" hidden="" /><hr />
            <table><tr><td style="text-align: center; color: red">x</td><td>y</td></tr></table>
            <svg viewBox="0 0 10 10"><linearGradient id="g" gradientUnits="userSpaceOnUse"></linearGradient><circle cx="5" cy="5" r="4" /></svg>
            """)
        #expect(Self.xmlError(xhtml) == nil)
    }

    @Test("an unfinished tag at the end is text")
    func unfinishedTag() {
        #expect(XHTMLFragment.fromHTML("a <b c=\"d") == "a &lt;b c=\"d")
        #expect(HTMLFragmentRewriter.prefixIDs("a <b id=\"x", prefix: "p-") == "a <b id=\"x")
    }

    // MARK: Links

    /// The EPUB mapping a publication build uses.
    static func epubLink(_ link: HTMLFragmentRewriter.Link) -> String? {
        let chapters = ["/lt/publications/guide/intro/": "chapter-01.xhtml", "/lt/publications/guide/methods/": "chapter-02.xhtml"]
        if let file = chapters[String(link.path)] { return file + (link.fragment.map { "#" + $0 } ?? "") }
        if link.attribute == .src { return "images/" + (link.path.split(separator: "/").last ?? "") }
        if link.url.hasPrefix("/") { return "https://example.org" + link.url }
        return nil
    }

    @Test("links for an EPUB: chapters to files, pages to absolute URLs, images to the book's folder")
    func epubLinks() {
        let html = """
            <p><a href="/lt/publications/guide/intro/#kazlu-ruda">a</a> <a href="/lt/publications/guide/methods/">b</a> \
            <a href="/lt/projects/utena/?x=1&amp;y=2">c</a> <a href="https://example.org/">d</a> <a href="#fn-1">e</a> \
            <img src="/lt/publications/guide/intro/x.svg" alt="" /></p>
            """
        var seen: [HTMLFragmentRewriter.Link] = []
        let rewritten = HTMLFragmentRewriter.rewriteLinks(html) { link in
            seen.append(link)
            return Self.epubLink(link)
        }
        #expect(rewritten == """
            <p><a href="chapter-01.xhtml#kazlu-ruda">a</a> <a href="chapter-02.xhtml">b</a> \
            <a href="https://example.org/lt/projects/utena/?x=1&amp;y=2">c</a> <a href="https://example.org/">d</a> <a href="#fn-1">e</a> \
            <img src="images/x.svg" alt="" /></p>
            """)
        #expect(seen.map(\.url) == ["/lt/publications/guide/intro/#kazlu-ruda", "/lt/publications/guide/methods/",
                                    "/lt/projects/utena/?x=1&y=2", "https://example.org/", "#fn-1", "/lt/publications/guide/intro/x.svg"])
        #expect(seen.map(\.element) == ["a", "a", "a", "a", "a", "img"])
        #expect(seen.last?.attribute == .src)
    }

    @Test("unwrapping: a link's tags go, its words and their markup stay; other links are kept or changed")
    func unwrap() {
        let html = """
            <p>See <a href="/lt/projects/utena/" title="Utena">the <em>plan</em></a>, \
            <a href="/lt/publications/guide/intro/#goals">goals</a><sup><a href="#fn-1" id="fnref-1">1</a></sup> \
            and <A HREF="/lt/a.pdf">the <b>report</b></A>.<img src="/lt/scan.tiff" alt="Scan"><img src="/lt/x.tiff" /></p>
            """
        let rewritten = HTMLFragmentRewriter.rewriteLinks(html, changes: { link in
            if link.path == "/lt/publications/guide/intro/" { return .url("chapter-01.xhtml#" + (link.fragment ?? "")) }
            return link.url.hasPrefix("/") ? .unwrap : .keep
        })
        #expect(rewritten == """
            <p>See the <em>plan</em>, \
            <a href="chapter-01.xhtml#goals">goals</a><sup><a href="#fn-1" id="fnref-1">1</a></sup> \
            and the <b>report</b>.</p>
            """)
    }

    @Test("unwrapping drops the unwrapped element's own end tag, not that of one of the same name inside it")
    func unwrapNested() {
        func unwrapSite(_ link: HTMLFragmentRewriter.Link) -> HTMLFragmentRewriter.Change {
            link.url.hasPrefix("/") ? .unwrap : .url(link.url + "?a&b")
        }
        #expect(HTMLFragmentRewriter.rewriteLinks("<a href=\"/x/\">a <a href=\"https://e.org/\">b</a> c</a> d", changes: unwrapSite)
            == "a <a href=\"https://e.org/?a&amp;b\">b</a> c d")
        #expect(HTMLFragmentRewriter.rewriteLinks("<a href=\"/x/\">a <a href=\"/y/\">b</a> c</a></a>", changes: unwrapSite)
            == "a b c</a>")
        // With ids prefixed in the same pass: the unwrapped element's id goes with its tag.
        #expect(HTMLFragmentRewriter.rewrite("<a id=\"r\" href=\"/x/\">x</a><h2 id=\"g\">G</h2>", idPrefix: "c1--", changes: unwrapSite)
            == "x<h2 id=\"c1--g\">G</h2>")
        // An unfinished unwrapped element: the rest stays as written.
        #expect(HTMLFragmentRewriter.rewriteLinks("<a href=\"/x/\">a <b>b</b>", changes: unwrapSite) == "a <b>b</b>")
    }

    @Test("a map of changes that keeps everything leaves the HTML byte for byte")
    func untouchedChanges() {
        let html = Self.rendered() + Self.rawHTML
        #expect(HTMLFragmentRewriter.rewriteLinks(html, changes: { _ in .keep }) == html)
        #expect(HTMLFragmentRewriter.rewriteLinks(html, changes: { .url($0.url) }) == html)
    }

    @Test("a link's path and fragment")
    func linkParts() {
        let link = HTMLFragmentRewriter.Link(url: "/lt/a/#b#c", attribute: .href, element: "a")
        #expect(link.path == "/lt/a/")
        #expect(link.fragment == "b#c")
        let plain = HTMLFragmentRewriter.Link(url: "/lt/a/", attribute: .href, element: "a")
        #expect(plain.path == "/lt/a/")
        #expect(plain.fragment == nil)
        #expect(HTMLFragmentRewriter.Link(url: "#x", attribute: .href, element: "a").path == "")
    }

    @Test("a map that changes nothing leaves the HTML byte for byte")
    func untouched() {
        let html = Self.rendered() + Self.rawHTML
        #expect(HTMLFragmentRewriter.rewriteLinks(html) { _ in nil } == html)
        #expect(HTMLFragmentRewriter.rewriteLinks(html) { $0.url } == html)
    }

    @Test("references in values are decoded for the map and escaped again")
    func decoding() {
        #expect(HTMLFragmentRewriter.decoded("a&amp;b&lt;&gt;&quot;&apos;&#39;&#x27;&nbsp;&x") == "a&b<>\"'''&nbsp;&x")
        let html = "<a href='/a?x=\"1\"&amp;y'>x</a>"
        #expect(HTMLFragmentRewriter.rewriteLinks(html) { "https://e.org" + $0.url } == "<a href=\"https://e.org/a?x=&quot;1&quot;&amp;y\">x</a>")
    }

    // MARK: Ids

    @Test("ids get a prefix, and so do links to them: footnotes, back-references, headings")
    func prefixedIDs() throws {
        let html = HTMLFragmentRewriter.prefixIDs(Self.rendered(), prefix: "c2--")
        #expect(html.contains("<h1 id=\"c2--kazlu-ruda-lodz-2020\">"))
        #expect(html.contains("<a href=\"#c2--fn-1\" id=\"c2--fnref-1\" data-footnote-ref>1</a>"))
        #expect(html.contains("<a href=\"#c2--fn-1\" id=\"c2--fnref-1-2\" data-footnote-ref>1</a>"))
        #expect(html.contains("<li id=\"c2--fn-note\">"))
        #expect(html.contains("<a href=\"#c2--fnref-1-2\" class=\"footnote-backref\""))
        // Other links are not touched.
        #expect(html.contains("<a href=\"/lt/publications/guide/intro/#kazlu-ruda\""))
        // Every in-page link still finds its target, and every id has the prefix.
        let ids = Self.values(of: "id", in: html)
        #expect(!ids.isEmpty && ids.allSatisfy { $0.hasPrefix("c2--") })
        let targets = Self.values(of: "href", in: html).filter { $0.hasPrefix("#") }.map { String($0.dropFirst()) }
        #expect(targets.count == 6)
        #expect(Set(targets).isSubset(of: Set(ids)))
    }

    @Test("attributes that name ids get the prefix on each id")
    func idReferences() {
        let html = "<label for=\"q\">Q</label><input id=\"q\" aria-describedby=\"a  b\"><a href=\"#\">top</a>"
        #expect(HTMLFragmentRewriter.prefixIDs(html, prefix: "c1--")
            == "<label for=\"c1--q\">Q</label><input id=\"c1--q\" aria-describedby=\"c1--a c1--b\"><a href=\"#\">top</a>")
    }

    /// The print edition's mapping: every chapter on one page, as `#c<n>` and `#c<n>--<id>`.
    static func printLink(_ link: HTMLFragmentRewriter.Link) -> String? {
        let chapters = ["/lt/publications/guide/intro/": 1, "/lt/publications/guide/methods/": 2]
        guard let number = chapters[String(link.path)] else { return nil }
        return link.fragment.map { "#c\(number)--\($0)" } ?? "#c\(number)"
    }

    @Test("print page: one pass prefixes ids and maps chapter links without prefixing them twice")
    func printPage() {
        let html = """
            <h2 id="goals">Goals</h2><p><a href="#goals">here</a> <a href="/lt/publications/guide/intro/#kazlu-ruda">there</a> \
            <a href="/lt/publications/guide/methods/">methods</a> <a href="https://example.org/">out</a></p>
            """
        let expected = """
            <h2 id="c2--goals">Goals</h2><p><a href="#c2--goals">here</a> <a href="#c1--kazlu-ruda">there</a> \
            <a href="#c2">methods</a> <a href="https://example.org/">out</a></p>
            """
        #expect(HTMLFragmentRewriter.rewrite(html, idPrefix: "c2--", links: Self.printLink) == expected)
        // The same in two passes, prefixes first.
        #expect(HTMLFragmentRewriter.rewriteLinks(HTMLFragmentRewriter.prefixIDs(html, prefix: "c2--"), Self.printLink) == expected)
    }

    @Test("a long chapter is rewritten quickly")
    func speed() {
        let html = String(repeating: Self.rendered(), count: 400)  // about 1 MB
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            _ = XHTMLFragment.fromHTML(html)
            _ = HTMLFragmentRewriter.rewrite(html, idPrefix: "c1--", links: Self.epubLink)
        }
        // Generous: debug builds on a busy two-core machine; a quadratic slip would take minutes.
        #expect(elapsed < .seconds(10), "\(elapsed)")
    }

    /// Every value of `attribute` in machine-written HTML.
    static func values(of attribute: String, in html: String) -> [String] {
        html.components(separatedBy: " \(attribute)=\"").dropFirst().compactMap { $0.split(separator: "\"", omittingEmptySubsequences: false).first.map(String.init) }
    }
}
