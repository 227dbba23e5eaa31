import Foundation
import Testing
@testable import Kartu

@Suite("Publishing: sitemap, robots.txt, feeds")
struct PublishingTests {
    static let hostile = "<script>alert(1)</script> & \"Co\" 'x'"

    @Test("XML escaping covers text and attributes and drops characters XML forbids")
    func xmlEscaping() {
        #expect(XMLText.escape(Self.hostile) == "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Co&quot; &apos;x&apos;")
        #expect(XMLText.escape("a\u{1}b\u{B}c\td\ne") == "abc\td\ne")
    }

    @Test("feed: entries in the given order, dates from the content, every value escaped")
    func feed() throws {
        let entries = [
            Feed.Entry(title: Self.hostile, permalink: "https://example.org/lt/a/?x=1&y=2", date: DayDate(iso: "2019-01-31"),
                       summary: "S & T", authors: ["Ona <Ona>"]),
            Feed.Entry(title: "Be datos", permalink: "https://example.org/lt/b/", date: nil, summary: nil, authors: []),
        ]
        let xml = String(decoding: Feed.xml(title: "Kartu & co", language: "lt", homePermalink: "https://example.org/lt/",
                                            selfPermalink: "https://example.org/lt/feed.xml", entries: entries), as: UTF8.self)
        #expect(xml.contains("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"lt\">"))
        #expect(xml.contains("<title>Kartu &amp; co</title>"))
        #expect(xml.contains("<updated>2019-01-31T00:00:00Z</updated>\n  <author>"))
        #expect(xml.contains("<title>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Co&quot; &apos;x&apos;</title>"))
        #expect(xml.contains("<link rel=\"alternate\" type=\"text/html\" href=\"https://example.org/lt/a/?x=1&amp;y=2\"/>"))
        #expect(xml.contains("<author><name>Ona &lt;Ona&gt;</name></author>"))
        #expect(xml.contains("<summary>S &amp; T</summary>"))
        // An undated entry takes the feed's date and has no <published>.
        let undated = try #require(xml.range(of: "<title>Be datos</title>"))
        #expect(xml[undated.upperBound...].contains("<updated>2019-01-31T00:00:00Z</updated>"))
        #expect(xml.components(separatedBy: "<published>").count == 2)
        #expect(!xml.contains("<script>"))
    }

    @Test("a feed with no dated entry still has a fixed date, never the clock")
    func feedWithoutDates() {
        let xml = String(decoding: Feed.xml(title: "T", language: "en", homePermalink: "h", selfPermalink: "s", entries: []), as: UTF8.self)
        #expect(xml.contains("<updated>1970-01-01T00:00:00Z</updated>"))
    }

    @Test("sitemap: loc, lastmod, alternates with x-default; robots.txt names it")
    func sitemap() {
        let xml = String(decoding: Sitemap.xml([
            Sitemap.Page(permalink: "https://example.org/lt/a/", lastModified: DayDate(iso: "2020-02-29"),
                         alternates: [("lt", "https://example.org/lt/a/"), ("en", "https://example.org/en/a/"), ("x-default", "https://example.org/lt/a/")]),
            Sitemap.Page(permalink: "https://example.org/pl/&/", lastModified: nil, alternates: []),
        ], workers: Workers()), as: UTF8.self)
        #expect(xml.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n"))
        #expect(xml.contains("  <url>\n    <loc>https://example.org/lt/a/</loc>\n    <lastmod>2020-02-29</lastmod>\n    <xhtml:link rel=\"alternate\" hreflang=\"lt\" href=\"https://example.org/lt/a/\"/>\n    <xhtml:link rel=\"alternate\" hreflang=\"en\" href=\"https://example.org/en/a/\"/>\n    <xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"https://example.org/lt/a/\"/>\n  </url>\n"))
        #expect(xml.contains("<loc>https://example.org/pl/&amp;/</loc>\n  </url>"))
        #expect(String(decoding: Sitemap.robots(sitemap: "https://example.org/sitemap.xml"), as: UTF8.self)
            == "User-agent: *\nAllow: /\n\nSitemap: https://example.org/sitemap.xml\n")
    }

    @Test("the sitemap, feeds and robots.txt are written only with an absolute base URL, and validate")
    func writtenWithBaseURL() throws {
        let site = try TestSite.standard()
        try site.build()
        #expect(!site.exists("site/sitemap.xml") && !site.exists("site/robots.txt") && !site.exists("site/lt/feed.xml"))
        try site.build(output: "with-base", baseURL: "https://example.org/guide/")
        let sitemap = try #require(site.read("with-base/sitemap.xml"))
        #expect(sitemap.contains("<loc>https://example.org/guide/lt/projects/ignalina/</loc>\n    <lastmod>2019-01-31</lastmod>\n    <xhtml:link rel=\"alternate\" hreflang=\"lt\" href=\"https://example.org/guide/lt/projects/ignalina/\"/>\n    <xhtml:link rel=\"alternate\" hreflang=\"en\" href=\"https://example.org/guide/en/projects/ignalina-en/\"/>\n    <xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"https://example.org/guide/lt/projects/ignalina/\"/>"))
        // The homes point x-default at the language chooser; the 404 and search pages are not listed.
        #expect(sitemap.contains("hreflang=\"x-default\" href=\"https://example.org/guide/\"/>"))
        #expect(!sitemap.contains("404.html") && !sitemap.contains("/search/"))
        #expect(site.read("with-base/robots.txt")?.contains("Sitemap: https://example.org/guide/sitemap.xml") == true)
        let feed = try #require(site.read("with-base/lt/feed.xml"))
        #expect(feed.contains("<link rel=\"self\" type=\"application/atom+xml\" href=\"https://example.org/guide/lt/feed.xml\"/>"))
        #expect(feed.components(separatedBy: "<entry>").count - 1 == 9)
        try Self.validateSitemap(site.url("with-base/sitemap.xml"))
    }

    /// xmllint against the sitemaps.org schema kept in Tests/Fixtures/sitemap (skipped where xmllint is missing).
    static func validateSitemap(_ file: URL) throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/xmllint") else { return }
        let schema = TestSite.repoRoot.appendingPathComponent("Tests/Fixtures/sitemap/sitemap-with-hreflang.xsd")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/xmllint")
        process.arguments = ["--noout", "--schema", schema.path, file.path]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        process.waitUntilExit()
        let output = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 0, "\(output)")
    }

    @Test("the schema check can fail: a sitemap without loc is rejected")
    func schemaRejects() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/xmllint") else { return }
        let site = try TestSite(["bad.xml": "<?xml version=\"1.0\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><url><lastmod>2020-01-01</lastmod></url></urlset>\n"])
        let schema = TestSite.repoRoot.appendingPathComponent("Tests/Fixtures/sitemap/sitemap-with-hreflang.xsd")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/xmllint")
        process.arguments = ["--noout", "--schema", schema.path, site.url("bad.xml").path]
        process.standardError = Pipe()
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus != 0)
    }
}

@Suite("Search index")
struct SearchIndexTests {
    @Test("words are folded: case, diacritics, and letters that do not decompose")
    func folding() {
        #expect(SearchIndex.words("Zażółć gęślą jaźń") == ["zazolc", "gesla", "jazn"])
        #expect(SearchIndex.words("Kazlų Rūda, Straße; Ørsted – Łódź 2019 m.") == ["kazlu", "ruda", "strasse", "orsted", "lodz", "2019"])
        #expect(SearchIndex.words("a b c") == [])
    }

    @Test("a combining mark is dropped wherever it stands, as the search script drops it")
    func marks() {
        // Found by the slug fuzz target: a mark after an ASCII letter was folded on its own and kept.
        #expect(SearchIndex.words("O\u{65E}anb") == ["oanb"])
        #expect(SearchIndex.words("Kazlu\u{328} Ru\u{304}da") == ["kazlu", "ruda"])
        #expect(SearchIndex.words("हिन्दी भाषा") == ["हनद", "भष"])
    }

    static func files(_ entries: [SearchIndex.Entry], language: String = "lt") -> [String: Data] {
        Dictionary(uniqueKeysWithValues: SearchIndex(entries: entries, language: language, workers: Workers()).files)
    }

    static func json<T>(_ files: [String: Data], _ name: String, as: T.Type) throws -> T? {
        guard let data = files[name] else { return nil }
        return try JSONSerialization.jsonObject(with: data) as? T
    }

    /// A shard's postings decoded: stem → form → [title and fields, summary, text (document, passage)…].
    static func postings(_ files: [String: Data], _ shard: String) throws -> [String: [String: [[Int]]]] {
        let raw = try #require(try json(files, "t-\(shard).json", as: [String: [String: [[Int]]]].self))
        return raw.mapValues { forms in
            forms.mapValues { lists in
                lists.enumerated().map { field, gaps in
                    var id = 0
                    return stride(from: 0, to: gaps.count, by: field == 2 ? 2 : 1).flatMap { k -> [Int] in
                        id += gaps[k]
                        return field == 2 ? [id, gaps[k + 1]] : [id]
                    }
                }
            }
        }
    }

    @Test("words filed under their stem, by field, in shards by the stem's first two letters")
    func files() throws {
        let entries = (0..<25).map { i in
            SearchIndex.Entry(title: i == 3 ? "Mokykla \(i)" : "Dokumentas \(i)", url: "/lt/d\(i)/", kindLabel: "Projektas",
                              municipality: i == 1 ? "Kazlų Rūda" : nil, languageName: "Lietuvių",
                              summary: i == 5 ? "Apie mokyklas." : nil,
                              text: i.isMultiple(of: 2) ? "Įžanga. Mokykla ir mokytojai." : "žmogiškasis kapitalas",
                              fields: i == 7 ? ["Lyderių laikas 3"] : [])
        }
        let files = Self.files(entries)
        let meta = try #require(try Self.json(files, "meta.json", as: [String: Any].self))
        #expect(meta["documents"] as? Int == 25)
        #expect(meta["version"] as? Int == 2)
        #expect(meta["blockSize"] as? Int == SearchIndex.blockSize)
        #expect((meta["stemmer"] as? [String: Any])?["language"] as? String == "lt")
        let shards = try #require(meta["shards"] as? [[String]])
        #expect(shards.contains(["mo", "mo"]))
        #expect(shards.contains(["zm", "zm"]))  // žmogiškasis folds to zmogiskasis
        #expect(shards.contains(["ka", "ka"]))
        let mo = try Self.postings(files, "mo")
        // mokykla and mokyklas are one stem; the title outranks the summary, the summary the text.
        #expect(Set(mo["mokykl"]?.keys ?? [:].keys) == ["mokykla", "mokyklas"])
        #expect(mo["mokykl"]?["mokykla"]?[0] == [3])
        #expect(mo["mokykl"]?["mokykla"]?[2] == [0, 0, 2, 0, 4, 0, 6, 0, 8, 0, 10, 0, 12, 0, 14, 0, 16, 0, 18, 0, 20, 0, 22, 0, 24, 0])
        #expect(mo["mokykl"]?["mokyklas"] == [[], [5], []])
        #expect(mo["mokytoj"]?["mokytojai"]?[0] == [])
        let ka = try Self.postings(files, "ka")
        #expect(ka["kazl"]?["kazlu"] == [[1], [], []])  // a field ranks with the title
        let ly = try Self.postings(files, "ly")
        #expect(ly["lyder"]?["lyderiu"] == [[7], [], []])
        let chunk = try #require(try Self.json(files, "c-1.json", as: [[String: Any]].self))
        #expect(chunk.count == 5)
        let card = chunk[0]
        #expect(card["t"] as? String == "Dokumentas 20" && card["u"] as? String == "/lt/d20/")
        #expect(card["k"] as? String == "Projektas" && card["l"] == nil)
        #expect(meta["language"] as? String == "Lietuvių")
        #expect(files["c-2.json"] == nil)
        let passages = try #require(try Self.json(files, "d-20-0.json", as: [String: [String: String]].self))
        #expect(passages == ["p": ["0": "Įžanga. Mokykla ir mokytojai."]])
        #expect(files["d-20-1.json"] == nil)
    }

    @Test("a long text: passages cut at sentence ends or spaces, later ones in later blocks")
    func passages() throws {
        let sentence = "Mokytojai aptarė pamokas ir susitarė dėl bendrų tikslų. "
        var text = String(repeating: sentence, count: 40)
        text += "Pabaigoje – refleksija."
        let passages = SearchIndex.passages(text)
        #expect(passages.allSatisfy { $0.utf8.count <= SearchIndex.passageBytes })
        #expect(passages.dropLast().allSatisfy { $0.hasSuffix(".") })
        #expect(passages.joined(separator: " ") == text)
        let long = String(repeating: "x", count: 500)
        #expect(SearchIndex.passages("a \(long) b") == ["a", long, "b"])

        let entry = SearchIndex.Entry(title: "T", url: "/lt/t/", kindLabel: "K", municipality: nil, languageName: "L",
                                      summary: nil, text: text)
        let files = Self.files([entry])
        let last = passages.count - 1
        let re = try Self.postings(files, "re")
        #expect(re["refleksij"]?["refleksija"] == [[], [], [0, last]])
        let block = try #require(try Self.json(files, "d-0-\(last / SearchIndex.blockSize).json", as: [String: Any].self))
        #expect((block["p"] as? [String: String])?["\(last)"]?.hasSuffix("Pabaigoje – refleksija.") == true)
        #expect(block["t"] == nil)  // passages only: the cards are in the chunks
        // Only passages where a word first occurs are written: the repeated sentence once.
        let first = try #require(try Self.json(files, "d-0-0.json", as: [String: Any].self))
        #expect((first["p"] as? [String: String])?.keys.sorted() == ["0"])
    }

    @Test("an edit in place (kartu serve): the files it reports changed make the index a fresh build writes")
    func replace() throws {
        func entry(_ i: Int, _ text: String, title: String? = nil) -> SearchIndex.Entry {
            SearchIndex.Entry(title: title ?? "Dokumentas \(i)", url: "/lt/d\(i)/", kindLabel: "K", municipality: nil,
                              languageName: "L", summary: nil, text: text)
        }
        let long = (0..<30).map { "Sakinys \($0) apie mokyklą nr. \($0)." }.joined(separator: " ")
        var entries = (0..<6).map { entry($0, $0 == 2 ? long : "Mokytojai ir mokiniai \($0).") }
        var index = SearchIndex(entries: entries, language: "lt", workers: Workers())
        var written = Dictionary(uniqueKeysWithValues: index.files)
        for (id, edited) in [(2, entry(2, "Trumpas tekstas apie žuvis.")), (0, entry(0, long, title: "Refleksija")),
                             (5, entry(5, "Mokytojai ir mokiniai 5."))] {
            entries[id] = edited
            for (name, data) in index.replace(id, with: edited) { written[name] = data }
            let fresh = Dictionary(uniqueKeysWithValues: SearchIndex(entries: entries, language: "lt", workers: Workers()).files)
            #expect(written == fresh, "after editing document \(id)")
        }
    }

    @Test("non-ASCII shard names become hex file names")
    func names() {
        #expect(SearchIndex.fileName("ab") == "ab")
        #expect(SearchIndex.fileName("жм") == "d0b6d0bc")
    }

    @Test("the index is JSON-escaped: hostile titles stay data")
    func escaping() throws {
        let entry = SearchIndex.Entry(title: "</script><b>\"x\"</b>", url: "/lt/a/", kindLabel: "K", municipality: nil,
                                      languageName: "L", summary: "\u{2028}line", text: "")
        let files = Self.files([entry])
        let chunk = try #require(files["c-0.json"])
        let decoded = try #require(try JSONSerialization.jsonObject(with: chunk) as? [[String: Any]])
        #expect(decoded[0]["t"] as? String == "</script><b>\"x\"</b>")
        #expect(files["d-0-0.json"] == nil)  // no text: no passages
        #expect(String(decoding: chunk, as: UTF8.self).contains("\\\"x\\\""))
    }

    @Test("plain text of HTML: tags out, entities decoded, whitespace collapsed")
    func plainText() {
        #expect(PlainText.fromHTML("<h2 id=\"a\">\nKokią &amp; problemą</h2>\n<p>A&lt;b&gt; &quot;c&quot; &#39;d&#39;</p>") == "Kokią & problemą A<b> \"c\" 'd'")
    }
}
