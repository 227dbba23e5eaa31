import Foundation

/// The e-book edition of a publication: one EPUB 3 per language, written beside the landing page as
/// `<name>-<lang>.epub`.
///
/// The chapters are the bodies already rendered for the site, so the book says exactly what the
/// pages say. Their links are rewritten for the book: a chapter of this edition becomes its file in
/// the book (`chapter-02.xhtml#goals`), an image of the publication's folder is packed into the book,
/// and any other page of the site becomes its absolute URL, which needs an absolute base URL: without
/// one, a link out of the book becomes its words, since a reference to a file the book does not hold
/// makes the EPUB invalid.
struct PublicationEPUB {
    let model: SiteModel
    /// Files beside the pages (images…), by the URL the bodies use for them.
    private let resourcesByURL: [String: Resource]
    let stylesheet: String
    let workers: Workers

    init(model: SiteModel, resources: [Resource], stylesheet: String? = nil, workers: Workers) {
        self.model = model
        self.workers = workers
        self.stylesheet = stylesheet ?? Self.defaultStylesheet
        var byURL: [String: Resource] = [:]
        for resource in resources {
            byURL[model.basePath + URLPath.percentEncoded(resource.outputPath)] = resource
        }
        resourcesByURL = byURL
    }

    /// `lt/publications/guide/guide-lt.epub` for the `guide` edition in `lt`.
    static func outputPath(of publication: Publication, model: SiteModel) -> String {
        let landing = model.documents[publication.document].urlPath
        let name = landing.split(separator: "/").last.map(String.init) ?? "publication"
        return landing + "\(name)-\(publication.language).epub"
    }

    /// The e-books of a build: the files to write, and each edition's download by landing document.
    struct Books: Sendable {
        var files: [(path: String, data: Data)] = []
        var downloads: [Int: EPUBDownload] = [:]
    }

    /// Every edition's EPUB, built on all cores.
    func books(diagnostics: inout Diagnostics) -> Books {
        let publications = model.publications.publications
        let results = workers.map(publications) { make($0) }
        var books = Books()
        for (publication, result) in zip(publications, results) {
            diagnostics.append(contentsOf: result.problems)
            guard let data = result.data else { continue }
            let path = Self.outputPath(of: publication, model: model)
            books.files.append((path, data))
            books.downloads[publication.document] = EPUBDownload(urlPath: path, byteCount: data.count)
        }
        return books
    }

    /// One edition's book, or the problems that kept it from being written.
    func make(_ publication: Publication) -> (data: Data?, problems: Diagnostics) {
        let documents = model.documents
        let landing = documents[publication.document]
        let meta = landing.metadata
        let language = publication.language
        var problems = Diagnostics()

        // Files of the book, in reading order: the foreword (the landing page's own text), then parts and chapters.
        var files: [Int: String] = [:]
        var order: [(document: Int, kind: EPUBDocument.Kind)] = []
        let hasForeword = model.hasBody(publication.document)
        if hasForeword { order.append((publication.document, .other)) }
        var navigation: [EPUBNavigationEntry] = []
        var chapterNumber = 0
        func chapterFile(_ chapter: Int) -> String {
            chapterNumber += 1
            let file = String(format: "chapter-%02d.xhtml", chapterNumber)
            files[chapter] = file
            order.append((chapter, .chapter))
            return file
        }
        var partNumber = 0
        for entry in publication.contents {
            switch entry {
            case .chapter(let chapter):
                let file = chapterFile(chapter)
                navigation.append(EPUBNavigationEntry(title: documents[chapter].metadata.title, href: file))
            case .part(let part):
                partNumber += 1
                var partHref: String?
                if let partDocument = part.document {
                    let file = String(format: "part-%02d.xhtml", partNumber)
                    files[partDocument] = file
                    order.append((partDocument, .part))
                    partHref = file
                }
                let children = part.chapters.map { chapter in
                    EPUBNavigationEntry(title: documents[chapter].metadata.title, href: chapterFile(chapter))
                }
                navigation.append(EPUBNavigationEntry(title: part.title, href: partHref, children: children))
            }
        }
        if hasForeword {
            files[publication.document] = "foreword.xhtml"
            navigation.insert(EPUBNavigationEntry(title: meta.title, href: "foreword.xhtml"), at: 0)
        }

        // Links: a document of the book → its file; an image → packed into the book; any other page → absolute URL,
        // or its words when there is no absolute base.
        let fileByURL = Dictionary(files.map { (model.url(documents[$0.key].urlPath), $0.value) }, uniquingKeysWith: { a, _ in a })
        var images: [String: EPUBResource] = [:]
        var unpackable: Set<String> = []
        var unreadable: [String: Int32] = [:]
        var missingBase = false
        func rewrite(_ html: String) -> String {
            HTMLFragmentRewriter.rewriteLinks(html, changes: { link in
                let path = String(link.path)
                if let file = fileByURL[path] { return .url(file + (link.fragment.map { "#" + $0 } ?? "")) }
                // Images are packed; a link to a file (a PDF, say) leads to the site: EPUB readers
                // open only the book's own documents from a link. An image of a type readers do not
                // show is left out: the book may not point at it on the site (a remote resource,
                // epubcheck's RSC-006) nor inside the book, where it is not (RSC-007).
                if link.attribute == .src, let resource = resourcesByURL[path] {
                    switch packed(resource, into: &images) {
                    case .packed(let image): return .url(image.path)
                    case .notAnImage: unpackable.insert(resource.sourcePath)
                    case .unreadable(let code): unreadable[resource.sourcePath] = code
                    }
                    return .unwrap
                }
                guard path.hasPrefix(model.basePath), !path.isEmpty else { return .keep }
                guard model.hasAbsoluteBase else {
                    missingBase = true
                    // The site's path would be read as a file of the book, which is not there
                    // (epubcheck's RSC-007): the reader gets the link's words instead.
                    return link.attribute == .href ? .unwrap : .keep
                }
                return .url(model.absoluteBase + path.dropFirst(model.basePath.count) + (link.fragment.map { "#" + $0 } ?? ""))
            })
        }
        // A chapter says where its text comes from after the text, as its page does.
        let sourceLabel = XMLText.escape(model.strings.lookup("field.source", in: language) ?? "Source")
        let bookDocuments = order.map { item in
            let document = documents[item.document]
            let source = document.metadata.source.map { "\n<p class=\"source-note\"><strong>\(sourceLabel):</strong> \(XMLText.escape($0))</p>\n" } ?? ""
            return EPUBDocument(fileName: files[item.document]!, title: document.metadata.title,
                                body: rewrite(model.bodies[item.document]) + source, kind: item.kind,
                                showsTitle: item.document != publication.document)
        }
        for (file, code) in unreadable.sorted(by: { $0.key < $1.key }) {
            problems.append(SiteFile.cannotRead(file, errno: code))
        }
        for file in unpackable.sorted() {
            problems.append(Diagnostic(.warning, "'\(file)' is not an image type e-book readers show, so the EPUB leaves it out",
                                       file: file, hint: "use SVG, PNG, JPEG, GIF or WebP for images in a publication"))
        }
        if missingBase {
            problems.append(.warning("the site has no absolute base URL, so the EPUB of this publication shows its links to pages of the site as plain text",
                                     at: SourceLocation(file: landing.sourcePath),
                                     hint: "set baseURL in content/site.yaml (or pass --base-url https://…) to keep them as links"))
        }

        let strings = model.strings
        func label(_ key: String, _ fallback: String) -> String { strings.lookup(key, in: language) ?? fallback }
        let book = EPUBBook(
            identifier: EPUBIdentifier.derived(translationKey: meta.translationKey ?? publication.folder, language: language,
                                               namespace: model.hasAbsoluteBase ? model.absoluteBase : model.config.title(in: language)),
            title: meta.title, subtitle: meta.subtitle, language: language,
            creators: meta.editors.map(EPUBContributor.editor), contributors: meta.partners.map { EPUBContributor($0) },
            publisher: model.config.title(in: language), rights: meta.license, description: meta.summary, isbn: meta.isbn,
            published: meta.date, modified: Self.modified(publication, documents: documents),
            documents: bookDocuments, navigation: navigation, resources: images.values.sorted { $0.path < $1.path },
            stylesheet: stylesheet, titlePage: true,
            labels: EPUBLabels(contents: label("epubContents", "Contents"), landmarks: label("epubLandmarks", "Landmarks"),
                               cover: label("epubCover", "Cover"), titlePage: label("epubTitlePage", "Title page"),
                               start: label("epubStart", "Start of content")))
        do {
            return (try EPUBWriter.write(book), problems)
        } catch let error as EPUBWriter.Error {
            problems.append(.error("cannot make the EPUB of this publication: \(error)", at: SourceLocation(file: landing.sourcePath),
                                   hint: "fix the value the message names; the pages of the publication are not affected"))
            return (nil, problems)
        } catch {
            // Only the ZIP library throws untyped errors here, and only on a failure of memory or
            // of the library itself: nothing in the publication to fix.
            problems.append(.error("cannot pack the EPUB of this publication into its ZIP container",
                                   at: SourceLocation(file: landing.sourcePath),
                                   hint: "build again; if it persists, report it to kartu's developers with this publication"))
            return (nil, problems)
        }
    }

    private enum Packing {
        case packed(EPUBResource)
        /// Not a type the EPUB carries (see `EPUBResource`).
        case notAnImage
        case unreadable(errno: Int32)
    }

    /// An image packed once, under a name the EPUB container accepts (`images/<slug>.<ext>`); read
    /// like every site file, so one that cannot be read is named as such, not as a wrong type.
    private func packed(_ resource: Resource, into images: inout [String: EPUBResource]) -> Packing {
        if let known = images[resource.outputPath] { return .packed(known) }
        let name = (resource.outputPath as NSString).lastPathComponent
        let ext = (name as NSString).pathExtension.lowercased()
        let stem = Slug.make((name as NSString).deletingPathExtension)
        let path = "images/\(stem.isEmpty ? "image" : stem)-\(images.count + 1).\(ext)"
        // The type first: a file the book cannot carry is not read at all.
        guard EPUBResource.mediaType(forPath: path) != nil else { return .notAnImage }
        let data: Data
        switch SiteFile.contents(atPath: resource.absolutePath) {
        case .data(let bytes): data = bytes
        case .missing: return .unreadable(errno: ENOENT)
        case .unreadable(let code): return .unreadable(errno: code)
        }
        guard let image = EPUBResource(path: path, data: data) else { return .notAnImage }
        images[resource.outputPath] = image
        return .packed(image)
    }

    /// `dcterms:modified` comes from the content, never the clock: the newest date of the landing
    /// page and the chapters, else 1 January of the publication's year, else the Unix epoch.
    static func modified(_ publication: Publication, documents: [Document]) -> DayDate {
        let dates = ([publication.document] + publication.readingOrder).compactMap { documents[$0].metadata.date }
        if let newest = dates.max() { return newest }
        if let year = documents[publication.document].metadata.year, let first = DayDate(year: year, month: 1, day: 1) { return first }
        return DayDate(year: 1970, month: 1, day: 1)!
    }

    /// Plain, readable defaults that reading systems can override (no fixed fonts or colours).
    static let defaultStylesheet = """
        body { line-height: 1.5; margin: 0 1em; hyphens: auto; -epub-hyphens: auto; }
        h1, h2, h3, h4 { line-height: 1.2; page-break-after: avoid; break-after: avoid; }
        img, svg { max-width: 100%; height: auto; }
        table { border-collapse: collapse; margin: 1em 0; }
        th, td { border: 1px solid currentColor; padding: 0.25em 0.5em; vertical-align: top; }
        blockquote { margin: 1em 1.5em; font-style: italic; }
        pre, code { font-family: monospace; }
        pre { white-space: pre-wrap; }
        .footnotes { font-size: 0.9em; border-top: 1px solid currentColor; margin-top: 2em; }
        nav ol { list-style: none; padding-left: 1em; }

        """
}
