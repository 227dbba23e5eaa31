import Foundation
import Testing
@testable import Kartu

/// Text from front matter and themes.yaml is escaped wherever the default theme shows it; raw HTML
/// and `javascript:` links in Markdown are neutralised unless `unsafeHTML: true`.
@Suite("Escaping")
struct EscapingTests {
    static let evil = #"<script>alert(1)</script> & "Co""#
    static let escaped = "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Co&quot;"
    /// The YAML spelling of `evil` (single-quoted: `"` needs no escape there).
    static let yaml = "'" + evil + "'"

    /// The standard site with the default theme and one document whose every text field is `evil`:
    /// `pavojingas` (theme `evil`, whose label is `evil` too) links to Jonava (a backlink there) and
    /// shares its theme with `kaimynas` (a related card there).
    static func site(unsafeHTML: Bool = false) throws -> TestSite {
        try TestSite.standard(repoTemplates: true, extra: [
            "content/site.yaml": Fixture.siteYAML + (unsafeHTML ? "unsafeHTML: true\n" : ""),
            "content/themes.yaml": Fixture.themesYAML + "evil:\n  lt: \(yaml)\n  en: \(yaml)\n  pl: \(yaml)\n",
            "content/lt/projects/pavojingas.md": Fixture.page([
                "title: \(yaml)", "kind: project", "date: 2019-02-01", "summary: \(yaml)", "municipality: \(yaml)",
                "project: \(yaml)", "authors: [\(yaml)]", "themes: [evil, reflection]",
            ], body: "Žr. [Jonava](jonava.md).\n"),
            "content/lt/projects/kaimynas.md": Fixture.page(["title: Kaimynas", "kind: project", "date: 2019-02-02", "themes: [evil]"]),
        ])
    }

    /// Output files holding the payload unescaped: HTML pages (where `"Co"` unescaped counts too) and
    /// other files. The theme's own `<script src=…>` tags (the search page) are not the payload.
    static func rawPayload(in site: TestSite) -> (html: [String], other: [String]) {
        var html: [String] = [], other: [String] = []
        for file in site.files(under: "site") {
            let text = site.read("site/" + file) ?? ""
            let script = text.contains("<script>alert(1)") || text.contains("alert(1)</script>") || text.contains("alert(1)<\\/script>")
            if file.hasSuffix(".html") {
                if script || text.contains("\"Co\"") { html.append(file) }
            } else if script {
                other.append(file)
            }
        }
        return (html, other)
    }

    @Test("front-matter text and theme labels are escaped on every page; a raw <script> appears nowhere")
    func frontMatterEscaped() throws {
        let site = try Self.site()
        let report = try site.build()
        #expect(report.printed == [])
        #expect(report.exitStatus == 0)

        let raw = Self.rawPayload(in: site)
        #expect(raw.html == [])
        // Not in the search index either (JSON read by the theme's script): the issue asks for no raw
        // <script> in any output file.
        #expect(raw.other == [])
        let escapedSomewhere = site.files(under: "site").count { (site.read("site/" + $0) ?? "").contains(Self.escaped) }
        #expect(escapedSomewhere >= 8)

        // The document's own page: <title>, <h1>, description (an attribute), facts and theme tag.
        let page = try #require(site.read("site/lt/projects/pavojingas/index.html"))
        #expect(page.contains("<title>\(Self.escaped) · Bandomoji svetainė</title>"))
        #expect(page.contains("<h1>\(Self.escaped)</h1>"))
        #expect(page.contains("<meta name=\"description\" content=\"\(Self.escaped)\">"))
        #expect(page.contains(">\(Self.escaped)</a></dd>"))  // municipality and project, linked to their facet pages
        #expect(page.contains("<dd>\(Self.escaped)</dd>"))  // authors
        #expect(page.contains("<span class=\"theme\"><a href=\"/lt/themes/evil/\">\(Self.escaped)</a></span>"))

        // The section list card: title, municipality and summary.
        let section = try #require(site.read("site/lt/projects/index.html"))
        #expect(section.contains("<a href=\"/lt/projects/pavojingas/\">\(Self.escaped)</a>"))
        #expect(section.contains(" · \(Self.escaped)"))
        #expect(section.contains("<p class=\"summary\">\(Self.escaped)</p>"))

        // The theme page: its label in <title> and <h1>, the document's card.
        let theme = try #require(site.read("site/lt/themes/evil/index.html"))
        #expect(theme.contains("<title>\(Self.escaped) · Bandomoji svetainė</title>"))
        #expect(theme.contains("<h1>\(Self.escaped)</h1>"))
        #expect(theme.contains("<a href=\"/lt/projects/pavojingas/\">\(Self.escaped)</a>"))
        let themes = try #require(site.read("site/lt/themes/index.html"))
        #expect(themes.contains("<a href=\"/lt/themes/evil/\">\(Self.escaped)</a>"))

        // The related card on the neighbour's page, the backlink card on Jonava's.
        let neighbour = try #require(site.read("site/lt/projects/kaimynas/index.html"))
        let related = try #require(neighbour.firstRange(of: "<section class=\"related\"").map { String(neighbour[$0.lowerBound...]) })
        #expect(related.contains("<a href=\"/lt/projects/pavojingas/\">\(Self.escaped)</a>"))
        #expect(related.contains("<p class=\"summary\">\(Self.escaped)</p>"))
        let jonava = try #require(site.read("site/lt/projects/jonava/index.html"))
        let backlinks = try #require(jonava.firstRange(of: "<section class=\"backlinks\"").map { String(jonava[$0.lowerBound...]) })
        #expect(backlinks.contains("<a href=\"/lt/projects/pavojingas/\">\(Self.escaped)</a>"))

        // Facet pages named after the municipality and the project.
        let municipalities = site.files(under: "site/lt/municipality").filter { $0 != "index.html" && !$0.hasPrefix("ignalina/") && !$0.hasPrefix("kazlu-ruda/") }
        #expect(municipalities.count == 1)
        if let facet = municipalities.first {
            let html = site.read("site/lt/municipality/" + facet) ?? ""
            #expect(html.contains("<h1>\(Self.escaped)</h1>"))
            #expect(html.contains("<title>\(Self.escaped) · Bandomoji svetainė</title>"))
        }
    }

    static let rawHTMLBody = """
        <script>alert(2)</script>

        <div onclick="alert(3)">Spausk</div>

        Tekstas su <b>paryškintu</b> žodžiu ir <img src=x onerror="alert(4)">.

        """

    @Test("raw HTML in Markdown is sanitized by default: <script> and handlers go with a warning each, <div>, <b>, <img src> stay")
    func rawHTMLSanitized() throws {
        let site = try TestSite.standard(repoTemplates: true, extra: [
            "content/lt/projects/html.md": Fixture.page(["title: HTML", "kind: page"], body: Self.rawHTMLBody),
        ])
        #expect(try site.build().printed == [
            "content/lt/projects/html.md:5:1: warning: raw HTML <script> removed with its content\n    hint: \(MarkdownDocument.rawHTMLHint)",
            "content/lt/projects/html.md:7:1: warning: raw HTML: onclick removed from <div>\n    hint: \(MarkdownDocument.rawHTMLHint)",
            "content/lt/projects/html.md:9:40: warning: raw HTML: onerror removed from <img>\n    hint: \(MarkdownDocument.rawHTMLHint)",
        ])
        let html = try #require(site.read("site/lt/projects/html/index.html"))
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.contains("alert("))
        #expect(!html.contains("onclick"))
        #expect(!html.contains("onerror"))
        #expect(!html.contains("raw HTML omitted"))
        #expect(html.contains("<div>Spausk</div>"))
        #expect(html.contains("<p>Tekstas su <b>paryškintu</b> žodžiu ir <img src=\"x\" />.</p>"))
    }

    @Test("raw HTML in Markdown is kept verbatim with unsafeHTML: true")
    func rawHTMLKept() throws {
        let site = try TestSite.standard(repoTemplates: true, extra: [
            "content/site.yaml": Fixture.siteYAML + "unsafeHTML: true\n",
            "content/lt/projects/html.md": Fixture.page(["title: HTML", "kind: page"], body: Self.rawHTMLBody),
        ])
        #expect(try site.build().printed == [])
        let html = try #require(site.read("site/lt/projects/html/index.html"))
        #expect(html.contains("<div onclick=\"alert(3)\">Spausk</div>"))
        #expect(html.contains("<p>Tekstas su <b>paryškintu</b> žodžiu ir <img src=x onerror=\"alert(4)\">.</p>"))
        // GFM's tagfilter stays on with unsafeHTML: the tags it disallows (script, iframe, style,
        // textarea, title, xmp, noembed, noframes, plaintext) are shown as text, never run.
        #expect(html.contains("&lt;script>alert(2)&lt;/script>"))
        #expect(!html.contains("<script>alert(2)"))
    }

    static let javascriptBody = """
        [spausk](javascript:alert(5)) ir [SPAUSK](JavaScript:alert(6)) ir <javascript:alert(7)> ir ![x](javascript:alert(8))

        """

    @Test("a javascript: link in Markdown is neutralised by default")
    func javascriptLinkNeutralised() throws {
        let site = try TestSite.standard(repoTemplates: true, extra: [
            "content/lt/projects/js.md": Fixture.page(["title: JS", "kind: page"], body: Self.javascriptBody),
        ])
        #expect(try site.build().printed == [])
        let html = try #require(site.read("site/lt/projects/js/index.html"))
        #expect(!html.lowercased().contains("href=\"javascript:"))
        #expect(!html.lowercased().contains("src=\"javascript:"))
        #expect(html.contains("<a href=\"\">spausk</a>"))
        #expect(html.contains("<a href=\"\">SPAUSK</a>"))
        #expect(html.contains("<img src=\"\" alt=\"x\" />"))
    }

    @Test("a javascript: link is kept with unsafeHTML: true")
    func javascriptLinkKept() throws {
        let site = try TestSite.standard(repoTemplates: true, extra: [
            "content/site.yaml": Fixture.siteYAML + "unsafeHTML: true\n",
            "content/lt/projects/js.md": Fixture.page(["title: JS", "kind: page"], body: Self.javascriptBody),
        ])
        #expect(try site.build().printed == [])
        let html = try #require(site.read("site/lt/projects/js/index.html"))
        #expect(html.contains("<a href=\"javascript:alert(5)\">spausk</a>"))
        #expect(html.contains("<a href=\"JavaScript:alert(6)\">SPAUSK</a>"))
    }

    @Test("the site title and language names from site.yaml are escaped too")
    func siteYAMLEscaped() throws {
        let config = Fixture.siteYAML.replacingOccurrences(of: "\"Bandomoji svetainė\"", with: Self.yaml)
            .replacingOccurrences(of: "name: \"Lietuvių\"", with: "name: \(Self.yaml)")
        let site = try TestSite.standard(repoTemplates: true, extra: ["content/site.yaml": config])
        #expect(try site.build().printed == [])
        let raw = Self.rawPayload(in: site)
        #expect(raw.html == [])
        #expect(raw.other == [])
        let home = try #require(site.read("site/lt/index.html"))
        #expect(home.contains("<title>\(Self.escaped)</title>"))
        let root = try #require(site.read("site/index.html"))
        #expect(root.contains("<h1>\(Self.escaped)</h1>"))
        #expect(root.contains(">\(Self.escaped)</a>"))
    }
}
