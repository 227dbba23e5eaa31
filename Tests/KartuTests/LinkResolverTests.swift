import Testing
@testable import Kartu

@Suite("Link resolution")
struct LinkResolverTests {
    /// Four documents: 0 and 1 in lt/projects (1 is a bundle), 2 in en, 3 the lt section list.
    static let sources = [
        "content/lt/projects/ignalina.md",
        "content/lt/projects/utena/index.md",
        "content/en/projects/ignalina.md",
        "content/lt/projects/_index.md",
    ]
    static let urls = ["lt/projects/ignalina/", "lt/projects/utena/", "en/projects/ignalina/", "lt/projects/"]

    func resolver(basePath: String = "/") -> LinkResolver {
        LinkResolver(
            documentsBySource: Dictionary(uniqueKeysWithValues: Self.sources.enumerated().map { ($1, $0) }),
            urlPaths: Self.urls,
            headingIDs: [["istorija", "tikslai"], ["nuotraukos"], ["history"], []],
            resources: ["content/lt/projects/utena/photo.png": "lt/projects/utena/photo.png",
                        "content/lt/projects/utena/Ataskaita 2019.pdf": "lt/projects/utena/Ataskaita 2019.pdf"],
            assetPaths: ["assets/kartu.css"],
            basePath: basePath)
    }

    /// Resolves every link of `markdown` written in document `index`: the new URL ("=" when left
    /// alone) or the diagnostic.
    func resolve(_ markdown: String, in index: Int = 0, basePath: String = "/") -> [String] {
        let document = MarkdownDocument(Substring(markdown), lineOffset: 4, unsafeHTML: false)
        let resolver = resolver(basePath: basePath)
        return document.links.map { link in
            var diagnostics = Diagnostics()
            let resolution = resolver.resolve(link, in: index, sourcePath: Self.sources[index], diagnostics: &diagnostics)
            return resolution.map { $0.url ?? "=" } ?? diagnostics.items.map(\.description).joined(separator: "\n")
        }
    }

    @Test("relative .md links become output URLs")
    func relative() {
        #expect(resolve("[a](utena/index.md) [b](utena/) [c](utena) [d](_index.md) [e](./ignalina.md) [f](../projects/utena/index.md)")
            == ["/lt/projects/utena/", "/lt/projects/utena/", "/lt/projects/utena/", "/lt/projects/", "/lt/projects/ignalina/",
                "/lt/projects/utena/"])
        #expect(resolve("[up](../ignalina.md)", in: 1) == ["/lt/projects/ignalina/"])
    }

    @Test("a link to a section folder reaches its list page, with or without a trailing slash")
    func sectionFolder() {
        #expect(resolve("[a](..) [b](../)", in: 1) == ["/lt/projects/", "/lt/projects/"])
        #expect(resolve("[a](/lt/projects) [b](/lt/projects/)", in: 2) == ["/lt/projects/", "/lt/projects/"])
    }

    @Test("links rooted at content/ work from any document")
    func rooted() {
        #expect(resolve("[en](/en/projects/ignalina.md) [u](/lt/projects/utena/index.md)", in: 1)
            == ["/en/projects/ignalina/", "/lt/projects/utena/"])
    }

    @Test("bundle files and theme assets become their published URLs")
    func files() {
        #expect(resolve("![p](photo.png) [pdf](Ataskaita%202019.pdf) [css](/assets/kartu.css)", in: 1)
            == ["/lt/projects/utena/photo.png", "/lt/projects/utena/Ataskaita%202019.pdf", "/assets/kartu.css"])
        #expect(resolve("![p](utena/photo.png)") == ["/lt/projects/utena/photo.png"])
    }

    @Test("anchors are checked against the target's headings and kept")
    func anchors() {
        #expect(resolve("[a](utena/index.md#nuotraukos) [b](#tikslai) [c](/en/projects/ignalina.md#history)")
            == ["/lt/projects/utena/#nuotraukos", "=", "/en/projects/ignalina/#history"])
        #expect(resolve("[a](utena/index.md#nuotrauka)") == [
            "content/lt/projects/ignalina.md:5:1: error: no heading '#nuotrauka' in 'content/lt/projects/utena/index.md'\n    hint: did you mean '#nuotraukos'?",
        ])
        #expect(resolve("Text [b](#istorja)") == [
            "content/lt/projects/ignalina.md:5:6: error: no heading '#istorja' in this document\n    hint: did you mean '#istorija'?",
        ])
    }

    @Test("a query stays on the written URL, before the fragment (issue 19: it was dropped)")
    func query() {
        #expect(resolve("[d](utena/index.md?x=1#nuotraukos) [e](/en/projects/ignalina.md?lang=en) [f](utena/photo.png?v=2) [g](/assets/kartu.css?v=3#x)")
            == ["/lt/projects/utena/?x=1#nuotraukos", "/en/projects/ignalina/?lang=en", "/lt/projects/utena/photo.png?v=2", "/assets/kartu.css?v=3#x"])
    }

    @Test("external links, mail and protocol-relative links are left alone")
    func external() {
        #expect(resolve("[a](https://example.org/x.md) [b](mailto:a@example.org) [c](//cdn.example.org/x) [d](tel:+370)")
            == ["=", "=", "=", "="])
    }

    @Test("a link to a missing document is an error at the link, with a suggestion")
    func missingDocument() {
        #expect(resolve("Intro\n\nSee [x](ignalna.md).") == [
            "content/lt/projects/ignalina.md:7:5: error: link to missing document 'ignalna.md'\n    hint: did you mean 'ignalina.md'?",
        ])
        #expect(resolve("[x](/lv/projects/ignalina.md)") == [
            "content/lt/projects/ignalina.md:5:1: error: link to missing document '/lv/projects/ignalina.md'\n    hint: did you mean 'ignalina.md'?",
        ])
    }

    @Test("a missing image or file is an error at its position")
    func missingFile() {
        #expect(resolve("![p](photo.jpg)", in: 1) == [
            "content/lt/projects/utena/index.md:5:1: error: image to missing file 'photo.jpg'\n    hint: did you mean 'photo.png'?",
        ])
    }

    @Test("a missing file with no similar name gets the general hint, not an unrelated suggestion")
    func missingFileNoSuggestion() {
        #expect(resolve("[x](budget.xlsx)") == [
            "content/lt/projects/ignalina.md:5:1: error: link to missing file 'budget.xlsx'\n    hint: put the file beside the document (in a bundle folder) or fix the path",
        ])
        // 'logo.png' is no typo of 'utena/photo.png'.
        #expect(resolve("![x](logo.png)") == [
            "content/lt/projects/ignalina.md:5:1: error: image to missing file 'logo.png'\n    hint: put the file beside the document (in a bundle folder) or fix the path",
        ])
    }

    @Test("the base path prefixes every rewritten URL")
    func basePath() {
        #expect(resolve("[a](utena/) ![p](utena/photo.png) [c](/assets/kartu.css) [d](https://example.org/)", basePath: "/guide/")
            == ["/guide/lt/projects/utena/", "/guide/lt/projects/utena/photo.png", "/guide/assets/kartu.css", "="])
    }

    @Test("path helpers")
    func helpers() {
        #expect(LinkResolver.normalize("content/lt/projects/../x/./y.md") == "content/lt/x/y.md")
        #expect(LinkResolver.normalize("a/b/") == "a/b/")
        #expect(LinkResolver.relative("content/lt/projects/b.md", from: "content/lt/projects/a.md") == "b.md")
        #expect(LinkResolver.relative("content/en/x/b.md", from: "content/lt/projects/a.md") == "../../en/x/b.md")
        #expect(LinkResolver.hasScheme("https://x"))
        #expect(LinkResolver.hasScheme("mailto:a@b"))
        #expect(!LinkResolver.hasScheme("a.md"))
        #expect(!LinkResolver.hasScheme("1http://x"))
        #expect(URLPath.percentEncoded("lt/Ataskaita 2019.pdf") == "lt/Ataskaita%202019.pdf")
    }
}
