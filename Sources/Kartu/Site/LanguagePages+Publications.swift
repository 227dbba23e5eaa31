import Foundation

/// The pages of publications in one language: the landing page (`index.md`, `kind: publication`),
/// chapter pages, part pages (a part's `_index.md`) and the print edition, each with the edition's
/// table of contents; and the "cited in" lines of documents that chapters link to.
///
/// Work is per edition (the table of contents is made once, then copied with the page's own entry
/// marked) and per backlink; a site without publications pays one emptiness check per document.
extension LanguagePages {
    /// What every page of one edition shares.
    struct EditionContext {
        let publication: Publication
        /// The edition's view with nothing marked current and no page-specific fields.
        let view: PublicationView
        /// Chapter → its place in the reading order, from 1.
        let numbers: [Int: Int]
        /// Chapter → the index in `view.contents` of the part it is in.
        let partEntry: [Int: Int]
        /// Part page (`_index.md`) → its index in `view.contents`.
        let partPages: [Int: Int]
    }

    /// Where the print edition of `publication` is published: `<landing page>print/`.
    func printPath(_ publication: Publication) -> String {
        model.documents[publication.document].urlPath + "print/"
    }

    /// True when the theme can render print editions (`print.mustache`). Without it no print page is
    /// written and nothing links to one (see `PublicationPages.checkTemplates`).
    var printsEditions: Bool { templates.names.contains(PublicationPages.printTemplate) }

    func edition(_ publication: Publication) -> EditionContext {
        if let known = editionCache[publication.document] { return known }
        let landing = model.documents[publication.document]
        let meta = landing.metadata
        var numbers: [Int: Int] = [:]
        for (k, chapter) in publication.readingOrder.enumerated() { numbers[chapter] = k + 1 }

        func chapterEntry(_ i: Int) -> BookEntryView {
            let document = model.documents[i]
            return BookEntryView(kind: .chapter, document: i, title: document.metadata.title, url: model.url(document.urlPath),
                                 summary: document.metadata.summary, number: numbers[i], anchor: "c\(numbers[i]!)")
        }
        func untranslatedEntry(_ chapter: Publication.UntranslatedChapter) -> BookEntryView {
            // Titled as the first language (in site order) that has it writes it.
            let first = model.documents[chapter.documents[0]]
            var entry = BookEntryView(kind: .untranslated, document: nil, title: first.metadata.title, url: nil,
                                      summary: first.metadata.summary, number: nil, anchor: nil)
            entry.language = first.language
            entry.languages = chapter.documents.map(translationLink)
            return entry
        }
        // The chapters this edition lacks, by their place: at the top level before `contents[k]`,
        // or in part `k` before its chapter `j` (k, j may be one past the end).
        var topMissing: [Int: [BookEntryView]] = [:]
        var partMissing: [Int: [Int: [BookEntryView]]] = [:]
        for chapter in publication.untranslated {
            if let part = chapter.part {
                partMissing[part, default: [:]][chapter.index, default: []].append(untranslatedEntry(chapter))
            } else {
                topMissing[chapter.index, default: []].append(untranslatedEntry(chapter))
            }
        }
        var contents: [BookEntryView] = []
        var partEntry: [Int: Int] = [:]
        var partPages: [Int: Int] = [:]
        var partNumber = 0
        for (k, item) in publication.contents.enumerated() {
            contents += topMissing[k] ?? []
            switch item {
            case .chapter(let i):
                contents.append(chapterEntry(i))
            case .part(let part):
                partNumber += 1
                var chapters: [BookEntryView] = []
                for (j, i) in part.chapters.enumerated() {
                    chapters += partMissing[k]?[j] ?? []
                    chapters.append(chapterEntry(i))
                    partEntry[i] = contents.count
                }
                chapters += partMissing[k]?[part.chapters.count] ?? []
                let page = part.document.map { model.documents[$0] }
                var entry = BookEntryView(kind: .part, document: part.document, title: part.title,
                                          url: page.map { model.url($0.urlPath) }, summary: page?.metadata.summary,
                                          number: nil, anchor: "p\(partNumber)")
                entry.chapters = chapters
                if let document = part.document { partPages[document] = contents.count }
                contents.append(entry)
            }
        }
        contents += topMissing[publication.contents.count] ?? []

        let editions = model.publications.editions(of: publication).map { translationLink($0.document) }
        let epub = downloads[publication.document].map {
            DownloadView(url: model.url(URLPath.percentEncoded($0.urlPath)), bytes: $0.byteCount,
                         size: formatting.fileSize($0.byteCount), mediaType: "application/epub+zip")
        }
        let first = publication.readingOrder.first.map(bookLink)
        let view = PublicationView(
            title: meta.title, subtitle: meta.subtitle, url: model.url(landing.urlPath), summary: meta.summary,
            editors: meta.editors, partners: meta.partners, year: meta.year, license: meta.license, isbn: meta.isbn,
            editions: editions, contents: contents, printURL: printsEditions ? model.url(printPath(publication)) : nil,
            epub: epub, first: first, chapterCount: publication.readingOrder.count)
        let context = EditionContext(publication: publication, view: view, numbers: numbers, partEntry: partEntry, partPages: partPages)
        editionCache[publication.document] = context
        return context
    }

    /// Document `i` in its language, for links marked with `lang` and `hreflang`.
    func translationLink(_ i: Int) -> TranslationView {
        let document = model.documents[i]
        return TranslationView(code: document.language, name: model.config.language(document.language)?.name ?? document.language,
                               url: model.url(document.urlPath), title: document.metadata.title)
    }

    private func bookLink(_ i: Int) -> BookLinkView {
        BookLinkView(title: model.documents[i].metadata.title, url: model.url(model.documents[i].urlPath), isLanding: false)
    }

    /// The table of contents with the entry of document `current` (a chapter or a part page) marked.
    private func marked(_ contents: [BookEntryView], current: Int) -> [BookEntryView] {
        contents.map { entry in
            var entry = entry
            entry.isCurrent = entry.document == current
            if !entry.chapters.isEmpty {
                entry.chapters = entry.chapters.map { chapter in
                    var chapter = chapter
                    chapter.isCurrent = chapter.document == current
                    return chapter
                }
            }
            return entry
        }
    }

    private func homeCrumb() -> LinkView {
        LinkView(title: t("home") ?? site.title, url: lang.url)
    }

    // MARK: Landing, chapter and part pages

    /// The `publication` view of a document page: the landing page or a chapter; nil for other documents.
    func publicationView(forDocument i: Int) -> PublicationView? {
        let kind = model.documents[i].metadata.kind
        guard kind == .publication || kind == .chapter, let publication = model.publications.publication(of: i) else { return nil }
        let context = edition(publication)
        var view = context.view
        if i == publication.document {
            view.page = .landing
            view.foreword = HTMLHeadingShift.shift(model.bodies[i])
            return view
        }
        view.page = .chapter
        view.contents = marked(context.view.contents, current: i)
        view.number = context.numbers[i]
        let (previous, next) = publication.neighbours(of: i)
        // The first chapter goes back to the landing page (title, foreword, contents); the last has no next.
        view.previous = previous.map(bookLink) ?? BookLinkView(title: view.title, url: view.url, isLanding: true)
        view.next = next.map(bookLink)
        var crumbs = [homeCrumb(), LinkView(title: view.title, url: view.url)]
        if let part = context.partEntry[i].map({ view.contents[$0] }) {
            view.part = part
            crumbs.append(LinkView(title: part.title, url: part.url))
        }
        crumbs.append(LinkView(title: model.documents[i].metadata.title, url: model.url(model.documents[i].urlPath), isCurrent: true))
        view.breadcrumb = crumbs
        return view
    }

    /// The `publication` view of a list page when it is a part of a publication (its `_index.md`).
    func publicationView(forPart document: Int) -> PublicationView? {
        guard let publication = model.publications.publication(of: document) else { return nil }
        let context = edition(publication)
        guard let index = context.partPages[document] else { return nil }
        var view = context.view
        view.page = .part
        view.contents = marked(context.view.contents, current: document)
        view.part = view.contents[index]
        view.breadcrumb = [homeCrumb(), LinkView(title: view.title, url: view.url),
                           LinkView(title: view.contents[index].title, url: view.contents[index].url, isCurrent: true)]
        return view
    }

    /// A part page lists its chapters in reading order (not by date, as other list pages do).
    func partChapters(_ view: PublicationView) -> [DocumentCardView] {
        (view.part?.chapters ?? []).compactMap { $0.document }.map(card)
    }

    // MARK: Print editions

    /// The print edition of every edition in this language, when the theme has a print template.
    func printPlans() -> [PagePlan] {
        guard printsEditions else { return [] }
        return model.publications.publications(in: code).map(printPlan)
    }

    private func printPlan(_ publication: Publication) -> PagePlan {
        let context = edition(publication)
        let landing = model.documents[publication.document]
        // Every page of the edition, by URL, as an id on the print page.
        var anchors: [String: String] = [model.url(landing.urlPath): "foreword"]
        for (chapter, number) in context.numbers { anchors[model.url(model.documents[chapter].urlPath)] = "c\(number)" }
        for entry in context.view.contents where entry.kind == .part {
            if let url = entry.url, let anchor = entry.anchor { anchors[url] = anchor }
        }
        // Links into the edition become in-page links (`#c3`, `#c3--heading`); others stay as they are.
        func printable(_ html: String, id: String) -> String {
            HTMLFragmentRewriter.rewrite(HTMLHeadingShift.shift(html), idPrefix: id + "--") { link in
                guard link.attribute == .href, let anchor = anchors[String(link.path)] else { return nil }
                guard let fragment = link.fragment, !fragment.isEmpty else { return "#" + anchor }
                return "#" + anchor + "--" + fragment
            }
        }
        let foreword = model.hasBody(publication.document)
            ? PrintSectionView(kind: .foreword, id: "foreword", title: t("publication.foreword") ?? "Foreword",
                               content: printable(model.bodies[publication.document], id: "foreword"),
                               summary: nil, number: nil, url: context.view.url)
            : nil
        var sections: [PrintSectionView] = []
        func chapter(_ entry: BookEntryView) {
            guard let i = entry.document, let anchor = entry.anchor else { return }
            sections.append(PrintSectionView(kind: .chapter, id: anchor, title: entry.title, content: printable(model.bodies[i], id: anchor),
                                             summary: entry.summary, number: entry.number, url: entry.url,
                                             source: model.documents[i].metadata.source))
        }
        for entry in context.view.contents {
            switch entry.kind {
            case .chapter: chapter(entry)
            case .untranslated: continue
            case .part:
                guard let anchor = entry.anchor else { continue }
                let text = entry.document.flatMap { model.hasBody($0) ? model.bodies[$0] : nil }
                sections.append(PrintSectionView(kind: .part, id: anchor, title: entry.title, content: text.map { printable($0, id: anchor) },
                                                 summary: nil, number: nil, url: entry.url))
                entry.chapters.filter { $0.kind == .chapter }.forEach(chapter)
            }
        }
        let path = printPath(publication)
        let editions = model.publications.editions(of: publication)
        let languages = switcher { other in
            other == self.code ? path : editions.first { $0.language == other }.map(self.printPath)
        }
        var view = page(title: landing.metadata.title, description: landing.metadata.summary, urlPath: path, languages: languages,
                        current: landing.section)
        var publicationView = context.view
        publicationView.page = .print
        view.publication = publicationView
        view.print = PrintView(foreword: foreword, sections: sections)
        // Not for search engines: its text is the chapters' own pages, which readers should land on.
        view.noindex = true
        return PagePlan(outputPath: path + "index.html", template: PublicationPages.printTemplate, view: view,
                        origin: "the print edition of '\(landing.sourcePath)'", lastModified: landing.metadata.date, inSitemap: false)
    }

    // MARK: Cited in

    /// Document `i`'s backlinks without the chapters and landing pages of publications, which are
    /// gathered by edition as "cited in" (in reading order; editions in this language first, then
    /// by language in site order). Links from the edition the document itself belongs to are left
    /// out: its contents and pager already lead there.
    func citations(of i: Int) -> (backlinks: [Int], citedIn: [CitationView]) {
        let links = model.backlinks[i]
        guard !links.isEmpty, !model.publications.publications.isEmpty else { return (links, []) }
        let own = model.publications.publication(of: i)?.document
        var ordinary: [Int] = []
        var citing: [Int: [Int]] = [:]
        var editions: [Publication] = []
        for j in links {
            guard let publication = model.publications.publication(of: j) else {
                ordinary.append(j)
                continue
            }
            // The edition's own pages linking to each other (a chapter to the next, to the foreword)
            // are its contents and pager, beside the text: not listed again as "linked from".
            if publication.document == own { continue }
            if citing[publication.document] == nil { editions.append(publication) }
            citing[publication.document, default: []].append(j)
        }
        guard !editions.isEmpty else { return (ordinary, []) }
        let languageOrder = Dictionary(model.config.languages.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { a, _ in a })
        func rank(_ p: Publication) -> (Int, Int) {
            (p.language == code ? -1 : languageOrder[p.language] ?? .max, p.document)
        }
        editions.sort { rank($0) < rank($1) }
        let citations = editions.map { publication in
            let readingIndex = Dictionary(publication.readingOrder.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
            let chapters = citing[publication.document]!.filter { readingIndex[$0] != nil }.sorted { readingIndex[$0]! < readingIndex[$1]! }
            let landing = model.documents[publication.document]
            return CitationView(title: landing.metadata.title, url: model.url(landing.urlPath), language: publication.language,
                                languageName: model.config.language(publication.language)?.name ?? publication.language,
                                isOtherLanguage: publication.language != code,
                                chapters: chapters.map { LinkView(title: model.documents[$0].metadata.title, url: model.url(model.documents[$0].urlPath)) })
        }
        return (ordinary, citations)
    }
}

/// Template names and build-wide checks of publication pages.
enum PublicationPages {
    /// The landing page renders with `publication.mustache` and chapters with `chapter.mustache`
    /// (a document's `<kind>.mustache`), falling back to `document`, so a theme without them shows
    /// publications as plain documents. A part page renders with `part.mustache`, else `section`
    /// (it is a list of chapters either way).
    static let partTemplate = "part"
    /// The print edition has no sensible fallback: `document` would show a whole book as one
    /// document's body, with none of a title page, contents or per-chapter sections, and no other
    /// page of such a theme links to it. So a theme without `print.mustache` gets no print pages, and
    /// one warning per build (not per edition) says so — only when the site has a publication.
    static let printTemplate = "print"

    static func checkTemplates(_ publications: PublicationCatalog, templates: TemplateSet, diagnostics: inout Diagnostics) {
        let count = publications.publications.count
        guard count > 0, !templates.names.contains(printTemplate) else { return }
        diagnostics.append(Diagnostic(.warning, "no print template: the print editions of \(count) publication\(count == 1 ? "" : "s") are not written",
                                      file: "templates/\(printTemplate).mustache",
                                      hint: "add templates/\(printTemplate).mustache (see README; the default theme has one) to publish them"))
    }
}
