import Foundation
internal import ZIPFoundation

/// Writes an `EPUBBook` as an EPUB 3 file: `mimetype` first and stored, `META-INF/container.xml`,
/// and under `OEBPS/` the package document, the navigation document, the stylesheet, one XHTML
/// document per content document and the resources.
///
/// The same book gives the same bytes: entries in a fixed order, each dated with the book's
/// `modified` day, nothing from the clock or a random source.
public enum EPUBWriter {
    /// A book that would not make a valid EPUB; the message says which value to fix.
    public enum Error: Swift.Error, Equatable, CustomStringConvertible {
        case noDocuments
        case missingMetadata(String)
        case invalidPath(String)
        case duplicatePath(String)
        case unknownCoverImage(String)
        case invalidNavigation(String)

        public var description: String {
            switch self {
            case .noDocuments: "an EPUB needs at least one document"
            case .missingMetadata(let field): "an EPUB needs a non-empty \(field)"
            case .invalidPath(let path): "'\(path)' cannot be a file name in an EPUB: use letters, digits, '.', '_', '-' (and '/' between folders of resources); documents end in '.xhtml'"
            case .duplicatePath(let path): "'\(path)' is in the EPUB twice (names that differ only in case count as the same)"
            case .unknownCoverImage(let path): "the cover image '\(path)' is not an image among the resources"
            case .invalidNavigation(let problem): "table of contents: \(problem)"
            }
        }
    }

    /// The EPUB file of `book`.
    public static func write(_ book: EPUBBook) throws -> Data {
        try validate(book)
        let xhtml = "application/xhtml+xml"
        var items: [EPUBPackageDocument.Item] = []
        var files: [(path: String, data: Data, stored: Bool)] = []
        var landmarks: [EPUBNavigationDocument.Landmark] = []
        func add(_ item: EPUBPackageDocument.Item, _ data: Data, stored: Bool = false) {
            items.append(item)
            files.append((item.href, data, stored))
        }

        add(.init(id: "style", href: EPUBPage.stylesheet, mediaType: "text/css", properties: [], inSpine: false), Data(book.stylesheet.utf8))
        if let cover = book.coverImage {
            let body = "<div class=\"cover\"><img src=\"\(XMLText.escape(cover))\" alt=\"\(XMLText.escape(book.title))\" /></div>"
            let page = EPUBPage.xhtml(title: book.title, language: book.language, epubType: "cover", body: body)
            add(.init(id: "cover", href: coverPage, mediaType: xhtml, properties: [], inSpine: true), Data(page.utf8))
            landmarks.append(.init(type: "cover", href: coverPage, label: book.labels.cover))
        }
        if book.titlePage {
            let page = EPUBPage.xhtml(title: book.title, language: book.language, epubType: "titlepage", body: titlePageBody(book))
            add(.init(id: "title-page", href: titlePage, mediaType: xhtml, properties: [], inSpine: true), Data(page.utf8))
            landmarks.append(.init(type: "titlepage", href: titlePage, label: book.labels.titlePage))
        }
        // Listed here, where its page is in the reading order; written at the end, when the landmarks are known.
        items.append(.init(id: "nav", href: EPUBNavigationDocument.fileName, mediaType: xhtml, properties: ["nav"], inSpine: book.contentsPage))
        // Landmarks may only point at pages in the reading order.
        if book.contentsPage {
            landmarks.append(.init(type: "toc", href: EPUBNavigationDocument.fileName + "#toc", label: book.labels.contents))
        }
        landmarks.append(.init(type: "bodymatter", href: book.documents[0].fileName, label: book.labels.start))
        for (index, document) in book.documents.enumerated() {
            var body = document.showsTitle ? "<h1>\(XMLText.escape(document.title))</h1>\n" : ""
            body += XHTMLFragment.fromHTML(document.body)
            let page = EPUBPage.xhtml(title: document.title, language: document.language ?? book.language,
                                      epubType: epubType(document.kind), body: body)
            add(.init(id: "d\(index + 1)", href: document.fileName, mediaType: xhtml, properties: properties(of: body), inSpine: true),
                Data(page.utf8))
        }
        for (index, resource) in book.resources.enumerated() {
            let properties = resource.path == book.coverImage ? ["cover-image"] : []
            add(.init(id: "r\(index + 1)", href: resource.path, mediaType: resource.mediaType, properties: properties, inSpine: false),
                resource.data, stored: resource.isCompressed)
        }

        let entries = book.navigation.isEmpty
            ? book.documents.map { EPUBNavigationEntry(title: $0.title, href: $0.fileName) } : book.navigation
        let navigation = EPUBNavigationDocument.xhtml(book: book, entries: entries, landmarks: landmarks)
        files.insert((EPUBNavigationDocument.fileName, Data(navigation.utf8), false), at: 0)
        files.insert((EPUBPackageDocument.fileName, Data(EPUBPackageDocument.xml(book: book, items: items).utf8), false), at: 0)
        return try zip(files, date: book.modified.noonUTC)
    }

    static let coverPage = "cover.xhtml"
    static let titlePage = "title-page.xhtml"
    private static let root = "OEBPS/"

    private static let container = """
        <?xml version="1.0" encoding="UTF-8"?>
        <container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
        <rootfiles>
        <rootfile full-path="\(root)\(EPUBPackageDocument.fileName)" media-type="application/oebps-package+xml" />
        </rootfiles>
        </container>

        """

    /// The ZIP container. `mimetype` comes first, stored, without extra fields, so that its content
    /// stands at a fixed offset where tools look for it.
    private static func zip(_ files: [(path: String, data: Data, stored: Bool)], date: Date) throws -> Data {
        let archive = try Archive(accessMode: .create)
        func add(_ path: String, _ data: Data, stored: Bool) throws {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: date,
                                 compressionMethod: stored ? .none : .deflate) { position, size in
                let start = data.startIndex + Int(position)
                return data.subdata(in: start..<(start + size))
            }
        }
        try add("mimetype", Data("application/epub+zip".utf8), stored: true)
        try add("META-INF/container.xml", Data(container.utf8), stored: false)
        for file in files {
            try add(root + file.path, file.data, stored: file.stored)
        }
        guard let data = archive.data else { throw Archive.ArchiveError.unwritableArchive }
        return data
    }

    private static func epubType(_ kind: EPUBDocument.Kind) -> String? {
        switch kind {
        case .chapter: "chapter"
        case .part: "part"
        case .other: nil
        }
    }

    /// Manifest properties a content document needs for what it contains.
    private static func properties(of body: String) -> [String] {
        var properties: [String] = []
        if body.contains("<math") { properties.append("mathml") }
        if body.contains("<script") { properties.append("scripted") }
        if body.contains("<svg") { properties.append("svg") }
        return properties
    }

    private static func titlePageBody(_ book: EPUBBook) -> String {
        var body = "<h1>\(XMLText.escape(book.title))</h1>\n"
        if let subtitle = book.subtitle { body += "<p class=\"subtitle\">\(XMLText.escape(subtitle))</p>\n" }
        for (kind, people) in [("creators", book.creators), ("contributors", book.contributors)] where !people.isEmpty {
            body += "<p class=\"\(kind)\">\(people.map { XMLText.escape($0.name) }.joined(separator: "<br />"))</p>\n"
        }
        for (kind, value) in [("publisher", book.publisher), ("rights", book.rights)] {
            if let value { body += "<p class=\"\(kind)\">\(XMLText.escape(value))</p>\n" }
        }
        return body
    }
}
