import Foundation
import Testing
@testable import Kartu

@Suite("EPUB writer")
struct EPUBWriterTests {
    typealias Fixtures = EPUBFixtures

    func files(_ book: EPUBBook = Fixtures.realisticBook()) throws -> [String: String] {
        let entries = try Fixtures.entries(of: try EPUBWriter.write(book))
        return Dictionary(uniqueKeysWithValues: entries.map { ($0.path, String(decoding: $0.data, as: UTF8.self)) })
    }

    func minimalBook(_ change: (inout EPUBBook) -> Void = { _ in }) -> EPUBBook {
        var book = EPUBBook(identifier: "urn:uuid:00000000-0000-8000-8000-000000000000", title: "T", language: "en",
                            modified: DayDate(iso: "2024-01-02")!,
                            documents: [EPUBDocument(fileName: "a.xhtml", title: "A", body: "<p>a</p>")])
        change(&book)
        return book
    }

    @Test("the same book gives the same bytes")
    func deterministic() throws {
        let first = try EPUBWriter.write(Fixtures.realisticBook())
        let second = try EPUBWriter.write(Fixtures.realisticBook())
        #expect(first == second)
        var changed = Fixtures.realisticBook()
        changed.modified = DayDate(iso: "2024-05-18")!
        #expect(try EPUBWriter.write(changed) != first)
    }

    @Test("mimetype is the first entry, stored, without extra field, and says application/epub+zip")
    func mimetype() throws {
        let epub = try EPUBWriter.write(Fixtures.realisticBook())
        let bytes = [UInt8](epub.prefix(58))
        #expect(bytes[0..<4] == [0x50, 0x4B, 0x03, 0x04])  // local file header
        #expect(bytes[8] == 0 && bytes[9] == 0)  // compression method: stored
        #expect(bytes[26] == 8 && bytes[27] == 0)  // name length
        #expect(bytes[28] == 0 && bytes[29] == 0)  // extra field length
        #expect(String(decoding: bytes[30..<38], as: UTF8.self) == "mimetype")
        #expect(String(decoding: bytes[38..<58], as: UTF8.self) == "application/epub+zip")
        let entries = try Fixtures.entries(of: epub)
        #expect(entries.first?.path == "mimetype")
        #expect(entries.first?.compressed == false)
    }

    @Test("the files of the container in a fixed order")
    func entryOrder() throws {
        let paths = try Fixtures.entries(of: try EPUBWriter.write(Fixtures.realisticBook())).map(\.path)
        #expect(paths == [
            "mimetype", "META-INF/container.xml", "OEBPS/package.opf", "OEBPS/nav.xhtml", "OEBPS/style.css",
            "OEBPS/cover.xhtml", "OEBPS/title-page.xhtml", "OEBPS/part-1.xhtml", "OEBPS/chapter-01.xhtml",
            "OEBPS/chapter-02.xhtml", "OEBPS/chapter-03.xhtml", "OEBPS/chapter-04.xhtml",
            "OEBPS/images/map.svg", "OEBPS/images/cover.svg",
        ])
    }

    @Test("every XML and XHTML file is well-formed")
    func wellFormed() throws {
        for entry in try Fixtures.entries(of: try EPUBWriter.write(Fixtures.realisticBook()))
        where [".xml", ".opf", ".xhtml", ".svg"].contains(where: entry.path.hasSuffix) {
            #expect(XMLCheck.error(entry.data) == nil, "\(entry.path)")
        }
    }

    @Test("container.xml points at the package document")
    func container() throws {
        let container = try #require(try files()["META-INF/container.xml"])
        #expect(container.contains("<rootfile full-path=\"OEBPS/package.opf\" media-type=\"application/oebps-package+xml\" />"))
    }

    @Test("the package document has the metadata, escaped")
    func metadata() throws {
        let opf = try #require(try files()["OEBPS/package.opf"])
        let identifier = EPUBIdentifier.derived(translationKey: "guide", language: "lt", namespace: "https://example.org/")
        #expect(opf.contains("<package xmlns=\"http://www.idpf.org/2007/opf\" version=\"3.0\" unique-identifier=\"uid\" xml:lang=\"lt\">"))
        #expect(opf.contains("<dc:identifier id=\"uid\">\(identifier)</dc:identifier>"))
        #expect(opf.contains("<dc:identifier id=\"isbn\">urn:isbn:978-3-16-148410-0</dc:identifier>"))
        #expect(opf.contains("<dc:title>Bendradarbiavimo vadovas: Patirtis iš Kazlų Rūdos ir Łódź</dc:title>"))
        #expect(opf.components(separatedBy: "<dc:title").count == 2)
        #expect(opf.contains("<dc:language>lt</dc:language>"))
        #expect(opf.contains("<dc:creator id=\"creator-1\">Rūta Žemaitytė</dc:creator>\n<meta refines=\"#creator-1\" property=\"role\" scheme=\"marc:relators\">edt</meta>"))
        #expect(opf.contains("<dc:creator id=\"creator-2\">Paweł Łukaszewicz</dc:creator>"))
        #expect(opf.contains("<dc:contributor id=\"contributor-1\">Kazlų Rūdos savivaldybė</dc:contributor>"))
        #expect(opf.contains("<dc:contributor id=\"contributor-2\">Uniwersytet Łódzki</dc:contributor>\n<dc:publisher>"))
        #expect(opf.contains("<dc:publisher>Kazlų Rūdos švietimo skyrius</dc:publisher>"))
        #expect(opf.contains("<dc:rights>CC BY 4.0</dc:rights>"))
        #expect(opf.contains("<dc:description>Gerosios patirties leidinys &lt;mokykloms&gt; &amp; savivaldybėms.</dc:description>"))
        #expect(opf.contains("<dc:date>2024-05-01</dc:date>"))
        #expect(opf.contains("<meta property=\"dcterms:modified\">2024-05-17T00:00:00Z</meta>"))
    }

    @Test("the manifest marks the nav, the cover image and documents with inline SVG")
    func manifest() throws {
        let opf = try #require(try files()["OEBPS/package.opf"])
        #expect(opf.contains("<item id=\"nav\" href=\"nav.xhtml\" media-type=\"application/xhtml+xml\" properties=\"nav\" />"))
        #expect(opf.contains("<item id=\"style\" href=\"style.css\" media-type=\"text/css\" />"))
        #expect(opf.contains("<item id=\"d4\" href=\"chapter-03.xhtml\" media-type=\"application/xhtml+xml\" properties=\"svg\" />"))
        #expect(opf.contains("<item id=\"d2\" href=\"chapter-01.xhtml\" media-type=\"application/xhtml+xml\" />"))
        #expect(opf.contains("<item id=\"r1\" href=\"images/map.svg\" media-type=\"image/svg+xml\" />"))
        #expect(opf.contains("<item id=\"r2\" href=\"images/cover.svg\" media-type=\"image/svg+xml\" properties=\"cover-image\" />"))
        #expect(opf.contains("<meta name=\"cover\" content=\"r2\" />"))
    }

    @Test("the spine is the reading order: cover, title page, contents, documents")
    func spine() throws {
        let opf = try #require(try files()["OEBPS/package.opf"])
        let spine = try #require(opf.components(separatedBy: "<spine>\n").last?.components(separatedBy: "</spine>").first)
        #expect(spine == ["cover", "title-page", "nav", "d1", "d2", "d3", "d4", "d5"].map { "<itemref idref=\"\($0)\" />\n" }.joined())
    }

    @Test("the navigation document: nested table of contents and landmarks")
    func navigation() throws {
        let nav = try #require(try files()["OEBPS/nav.xhtml"])
        #expect(nav.contains("""
            <nav epub:type="toc" id="toc">
            <h1>Turinys</h1>
            <ol>
            <li><a href="part-1.xhtml">Pirma dalis: kontekstas</a>
            <ol>
            <li><a href="chapter-01.xhtml">Įvadas</a></li>
            <li><a href="chapter-02.xhtml">Metodai</a>
            <ol>
            <li><a href="chapter-02.xhtml#stebejimas">Stebėjimas</a></li>
            </ol>
            </li>
            </ol>
            </li>
            <li><span>Antra dalis: patirtis</span>
            <ol>
            <li><a href="chapter-03.xhtml">Kazlų Rūda</a></li>
            <li><a href="chapter-04.xhtml">Łódź</a></li>
            </ol>
            </li>
            </ol>
            </nav>
            """))
        #expect(nav.contains("<nav epub:type=\"landmarks\" id=\"landmarks\" hidden=\"hidden\">"))
        #expect(nav.contains("<li><a epub:type=\"cover\" href=\"cover.xhtml\">Viršelis</a></li>"))
        #expect(nav.contains("<li><a epub:type=\"titlepage\" href=\"title-page.xhtml\">Antraštinis puslapis</a></li>"))
        #expect(nav.contains("<li><a epub:type=\"toc\" href=\"nav.xhtml#toc\">Turinys</a></li>"))
        #expect(nav.contains("<li><a epub:type=\"bodymatter\" href=\"part-1.xhtml\">Pradžia</a></li>"))
        #expect(nav.contains("<title>Turinys</title>"))
    }

    @Test("without a navigation tree, the table of contents lists the documents")
    func defaultNavigation() throws {
        let book = minimalBook { $0.documents.append(EPUBDocument(fileName: "b.xhtml", title: "B & C", body: "")) }
        let nav = try #require(try files(book)["OEBPS/nav.xhtml"])
        #expect(nav.contains("<ol>\n<li><a href=\"a.xhtml\">A</a></li>\n<li><a href=\"b.xhtml\">B &amp; C</a></li>\n</ol>"))
        #expect(!nav.contains("cover.xhtml"))
        #expect(nav.contains("<li><a epub:type=\"toc\" href=\"nav.xhtml#toc\">Contents</a></li>"))
        let noContentsPage = try #require(try files(minimalBook { $0.contentsPage = false }))
        #expect(noContentsPage["OEBPS/package.opf"]?.contains("<spine>\n<itemref idref=\"d1\" />\n</spine>") == true)
        // A landmark may only point at a page in the reading order.
        #expect(noContentsPage["OEBPS/nav.xhtml"]?.contains("epub:type=\"toc\" href") == false)
    }

    @Test("a content document is XHTML5 with namespaces, languages, title and stylesheet")
    func contentDocument() throws {
        let files = try files()
        let chapter = try #require(files["OEBPS/chapter-04.xhtml"])
        #expect(chapter.hasPrefix("""
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE html>
            <html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="pl" xml:lang="pl">
            <head>
            <meta charset="UTF-8" />
            <title>Łódź</title>
            <link rel="stylesheet" type="text/css" href="style.css" />
            </head>
            <body epub:type="chapter">
            <h1>Łódź</h1>
            <p>Zażółć gęślą jaźń
            """))
        let part = try #require(files["OEBPS/part-1.xhtml"])
        #expect(part.contains("lang=\"lt\" xml:lang=\"lt\""))
        #expect(part.contains("<body epub:type=\"part\">"))
        let methods = try #require(files["OEBPS/chapter-02.xhtml"])
        // The body became XHTML and its links point into the book.
        #expect(methods.contains("<th style=\"text-align: center\">Dalyviai</th>"))
        #expect(methods.contains("<img src=\"images/map.svg\" alt=\"Kazlų Rūdos žemėlapis\" title=\"Žemėlapis\" />"))
        #expect(methods.contains("<a href=\"chapter-01.xhtml\">įvadą</a>"))
        let intro = try #require(files["OEBPS/chapter-01.xhtml"])
        #expect(intro.contains("<a href=\"chapter-03.xhtml#2020-metai\">"))
        #expect(intro.contains("<a href=\"https://example.org/lt/projects/utena/\">"))
        #expect(intro.contains("<section class=\"footnotes\" data-footnotes=\"\">"))
        #expect(files["OEBPS/style.css"] == Fixtures.realisticBook().stylesheet)
    }

    @Test("one dc:title: the subtitle joins the title after a colon, or a space after punctuation")
    func fullTitle() {
        #expect(EPUBPackageDocument.fullTitle(minimalBook()) == "T")
        #expect(EPUBPackageDocument.fullTitle(minimalBook { $0.subtitle = "S" }) == "T: S")
        #expect(EPUBPackageDocument.fullTitle(minimalBook { $0.title = "Kas toliau?"; $0.subtitle = "S" }) == "Kas toliau? S")
    }

    @Test("cover and title pages")
    func frontMatter() throws {
        let files = try files()
        let cover = try #require(files["OEBPS/cover.xhtml"])
        #expect(cover.contains("<body epub:type=\"cover\">\n<div class=\"cover\"><img src=\"images/cover.svg\" alt=\"Bendradarbiavimo vadovas\" /></div>"))
        let title = try #require(files["OEBPS/title-page.xhtml"])
        #expect(title.contains("<h1>Bendradarbiavimo vadovas</h1>\n<p class=\"subtitle\">Patirtis iš Kazlų Rūdos ir Łódź</p>"))
        #expect(title.contains("<p class=\"creators\">Rūta Žemaitytė<br />Paweł Łukaszewicz</p>"))
    }

    @Test("resources are stored or deflated by type and come back unchanged")
    func resources() throws {
        let png = Data([0x89, 0x50, 0x4E, 0x47] + Array(repeating: 0, count: 200))
        let book = minimalBook { $0.resources = [EPUBResource(path: "images/a.png", data: png)!] }
        let entries = try Fixtures.entries(of: try EPUBWriter.write(book))
        let image = try #require(entries.first { $0.path == "OEBPS/images/a.png" })
        #expect(image.data == png)
        #expect(!image.compressed)
        #expect(entries.first { $0.path == "OEBPS/a.xhtml" }?.compressed == true)
    }

    @Test("media types follow from extensions; unknown ones give nil")
    func mediaTypes() {
        #expect(EPUBResource.mediaType(forPath: "images/x.SVG") == "image/svg+xml")
        #expect(EPUBResource.mediaType(forPath: "photo.jpeg") == "image/jpeg")
        #expect(EPUBResource.mediaType(forPath: "fonts/a.woff2") == "font/woff2")
        #expect(EPUBResource.mediaType(forPath: "notes.docx") == nil)
        #expect(EPUBResource.mediaType(forPath: "a.b/noextension") == nil)
        #expect(EPUBResource(path: "x.tiff", data: Data()) == nil)
    }

    @Test("books that would make invalid EPUBs are rejected with a message")
    func validation() {
        func error(_ change: (inout EPUBBook) -> Void) -> EPUBWriter.Error? {
            do {
                _ = try EPUBWriter.write(minimalBook(change))
                return nil
            } catch {
                return error as? EPUBWriter.Error
            }
        }
        #expect(error { _ in } == nil)
        #expect(error { $0.documents = [] } == .noDocuments)
        #expect(error { $0.title = " " } == .missingMetadata("title"))
        #expect(error { $0.language = "" } == .missingMetadata("language"))
        #expect(error { $0.documents[0].fileName = "a b.xhtml" } == .invalidPath("a b.xhtml"))
        #expect(error { $0.documents[0].fileName = "a.html" } == .invalidPath("a.html"))
        #expect(error { $0.documents[0].fileName = "dir/a.xhtml" } == .invalidPath("dir/a.xhtml"))
        #expect(error { $0.documents[0].fileName = "nav.xhtml" } == .duplicatePath("nav.xhtml"))
        #expect(error { $0.documents.append(EPUBDocument(fileName: "A.xhtml", title: "A", body: "")) } == .duplicatePath("A.xhtml"))
        #expect(error { $0.resources = [EPUBResource(path: "../x.png", mediaType: "image/png", data: Data())] } == .invalidPath("../x.png"))
        #expect(error { $0.resources = [EPUBResource(path: "images/Łódź.png", mediaType: "image/png", data: Data())] } == .invalidPath("images/Łódź.png"))
        #expect(error { $0.coverImage = "images/none.png" } == .unknownCoverImage("images/none.png"))
        #expect(error { $0.navigation = [EPUBNavigationEntry(title: "X", href: "b.xhtml#y")] }
            == .invalidNavigation("'X' links to 'b.xhtml#y', which is not a document of the book"))
        #expect(error { $0.navigation = [EPUBNavigationEntry(title: "Part", href: nil)] }
            == .invalidNavigation("'Part' has neither a link nor entries under it"))
        #expect(EPUBWriter.Error.invalidPath("a b").description.contains("letters, digits"))
    }

    @Test("derived identifiers: stable, a UUID of version 8, different per key, language and site")
    func identifiers() {
        let id = EPUBIdentifier.derived(translationKey: "guide", language: "lt", namespace: "https://example.org/")
        #expect(id == EPUBIdentifier.derived(translationKey: "guide", language: "lt", namespace: "https://example.org/"))
        #expect(id.hasPrefix("urn:uuid:"))
        let uuid = String(id.dropFirst("urn:uuid:".count))
        #expect(UUID(uuidString: uuid) != nil)
        #expect(uuid == uuid.lowercased())
        let characters = Array(uuid)
        #expect(characters[14] == "8")
        #expect("89ab".contains(characters[19]))
        let others = [
            EPUBIdentifier.derived(translationKey: "guide", language: "en", namespace: "https://example.org/"),
            EPUBIdentifier.derived(translationKey: "guide2", language: "lt", namespace: "https://example.org/"),
            EPUBIdentifier.derived(translationKey: "guide", language: "lt", namespace: "https://example.com/"),
        ]
        #expect(Set(others + [id]).count == 4)
        // Pinned (computed independently): a change here changes every published book's identity.
        #expect(id == "urn:uuid:6584fa2e-8885-8280-9584-96c29f6f22bb")
    }

    @Test("FNV-1a 128 matches the reference values")
    func fnv() {
        #expect(EPUBIdentifier.fnv1a128("") == (0x6C62_272E_07BB_0142, 0x62B8_2175_6295_C58D))
        #expect(EPUBIdentifier.fnv1a128("a") == (0xD228_CB69_6F1A_8CAF, 0x7891_2B70_4E4A_8964))
        #expect(EPUBIdentifier.fnv1a128("foobar") == (0x343E_1662_793C_64BF, 0x6F0D_3597_BA44_6F18))
    }
}
