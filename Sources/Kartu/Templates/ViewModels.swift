import Mustache

// Typed view models handed to the templates. Each answers `child(named:)` with a switch, so
// swift-mustache never falls back to Mirror reflection while rendering. They hold only values, so
// pages can be rendered on any thread. The names below are the templates' contract (see README).

/// The whole site, as every page sees it (`site.title`, `site.languages`…).
struct SiteView: MustacheParent, Sendable {
    let title: String
    let rootURL: String
    let assetsURL: String
    let baseURL: String
    let defaultLanguage: String
    let languages: [LanguageView]

    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "rootURL": rootURL
        case "assetsURL": assetsURL
        case "baseURL": baseURL
        case "defaultLanguage": defaultLanguage
        case "languages": languages
        default: nil
        }
    }
}

/// A site language (`code`, `name`, `locale`, `url` of its home, `isDefault`).
struct LanguageView: MustacheParent, Sendable {
    let code: String
    let name: String
    let locale: String
    let url: String
    let isDefault: Bool
    /// The language's Atom feed; nil without an absolute base URL (feeds need absolute links).
    let feedURL: String?
    /// The language's search page, and the folder of its search index.
    let searchURL: String
    let searchIndexURL: String

    func child(named name: String) -> Any? {
        switch name {
        case "code": code
        case "name": self.name
        case "locale": locale
        case "ogLocale": locale.replacingOccurrences(of: "-", with: "_")
        case "url": url
        case "isDefault": isDefault
        case "feedURL": feedURL
        case "searchURL": searchURL
        case "searchIndexURL": searchIndexURL
        default: nil
        }
    }
}

/// An entry of the language switcher: the same page in another language when it exists, else that language's home.
struct LanguageLinkView: MustacheParent, Sendable {
    let code: String
    let name: String
    let url: String
    let isCurrent: Bool
    let isTranslation: Bool
    var locale: String = ""
    /// Absolute URL of the target, for `hreflang` alternates and sitemaps.
    var permalink: String = ""

    func child(named name: String) -> Any? {
        switch name {
        case "code": code
        case "name": self.name
        case "locale": locale
        case "ogLocale": locale.replacingOccurrences(of: "-", with: "_")
        case "permalink": permalink
        case "url": url
        case "isCurrent": isCurrent
        case "isTranslation": isTranslation
        default: nil
        }
    }
}

/// A link with a label (navigation entries, sections, levels).
struct LinkView: MustacheParent, Sendable {
    let title: String
    let url: String?
    let isCurrent: Bool
    let id: String

    init(title: String, url: String?, isCurrent: Bool = false, id: String = "") {
        self.title = title
        self.url = url
        self.isCurrent = isCurrent
        self.id = id
    }

    func child(named name: String) -> Any? {
        switch name {
        case "title", "label": title
        case "url": url
        case "isCurrent": isCurrent
        case "id": id
        default: nil
        }
    }
}

/// A heading of the document, for the table of contents.
struct HeadingView: MustacheParent, Sendable {
    let id: String
    let text: String
    let level: Int

    func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "text": text
        case "level": level
        case "isSub": level > 2
        default: nil
        }
    }
}

/// The same document in another language.
struct TranslationView: MustacheParent, Sendable {
    let code: String
    let name: String
    let url: String
    let title: String

    func child(named name: String) -> Any? {
        switch name {
        case "code": code
        case "name": self.name
        case "url": url
        case "title": title
        default: nil
        }
    }
}

/// What lists show of a document (section lists, home page).
struct DocumentCardView: MustacheParent, Sendable {
    let title: String
    let url: String
    let date: String?
    let dateISO: String?
    let summary: String?
    let kind: String
    let kindLabel: String
    let municipality: String?
    let country: String?
    let countryName: String?
    let language: String
    let languageName: String
    /// True when the document is in another language than the page showing it (mark it up with `lang`).
    let isOtherLanguage: Bool
    let themes: [LinkView]

    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "url": url
        case "date": date
        case "dateISO": dateISO
        case "summary": summary
        case "kind": kind
        case "kindLabel": kindLabel
        case "municipality": municipality
        case "country": country
        case "countryName": countryName
        case "language": language
        case "languageName": languageName
        case "isOtherLanguage": isOtherLanguage
        case "themes": themes
        default: nil
        }
    }
}

/// A document page: everything its front matter carries, its HTML and its table of contents.
struct DocumentView: MustacheParent, Sendable {
    let card: DocumentCardView
    let content: String
    let municipalityURL: String?
    let countryURL: String?
    let projectURL: String?
    let kindURL: String?
    let project: String?
    let authors: [String]
    let levels: [LinkView]
    let decision: [String: String]?
    let host: [String: String]?
    let period: [String: String]?
    let translations: [TranslationView]
    let toc: [HeadingView]
    let section: LinkView?
    let related: [DocumentCardView]
    let backlinks: [DocumentCardView]
    /// Publications whose chapters link to this document ("cited in"); these links are not in `backlinks`.
    var citedIn: [CitationView] = []

    func child(named name: String) -> Any? {
        switch name {
        case "content": content
        case "municipalityURL": municipalityURL
        case "countryURL": countryURL
        case "projectURL": projectURL
        case "kindURL": kindURL
        case "related": related
        case "hasRelated": !related.isEmpty
        case "backlinks": backlinks
        case "hasBacklinks": !backlinks.isEmpty
        case "citedIn": citedIn
        case "hasCitedIn": !citedIn.isEmpty
        case "project": project
        case "authors": authors.isEmpty ? nil : authors
        case "authorList": authors.isEmpty ? nil : authors.joined(separator: ", ")
        case "levels": levels
        case "decision": decision
        case "host": host
        case "period": period
        case "translations": translations
        case "hasTranslations": !translations.isEmpty
        case "toc": toc
        // A table of contents helps from four headings on; shorter documents read fine without.
        case "hasToc": toc.count >= 4
        case "section": section
        default: card.child(named: name)
        }
    }
}

/// A list page: a section, or a folder with `_index.md`.
struct SectionView: MustacheParent, Sendable {
    let title: String
    let url: String
    let content: String?
    let summary: String?
    let documents: [DocumentCardView]
    /// All the section's documents when `documents` shows only the newest (on the home page).
    var total: Int? = nil
    /// A page of a list cut into pages: `documents` is its slice, `total` the whole list's count.
    var pager: PagerView? = nil

    /// The same section showing only its newest `limit` documents.
    func newest(_ limit: Int) -> SectionView {
        var view = SectionView(title: title, url: url, content: content, summary: summary, documents: Array(documents.prefix(limit)))
        view.total = documents.count
        return view
    }

    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "url": url
        case "content": content
        case "summary": summary
        case "documents": documents
        case "count": total ?? documents.count
        case "hasDocuments": !documents.isEmpty
        case "hasMore": (total ?? documents.count) > documents.count
        case "hasPageDocuments": !documents.isEmpty
        case "pager": pager
        default: nil
        }
    }
}

/// What every page gives its template, plus the fields of its type (`document`, `section`, `home`).
struct PageView: MustacheParent, Sendable {
    let site: SiteView
    let lang: LanguageView
    let t: [String: any Sendable]
    let title: String
    let description: String?
    let url: String
    let permalink: String
    let languages: [LanguageLinkView]
    let sections: [LinkView]
    let themesURL: String
    let facets: [LinkView]
    var document: DocumentView? = nil
    var section: SectionView? = nil
    var home: SectionView? = nil
    var homeSections: [SectionView] = []
    var collection: CollectionView? = nil
    var index: IndexView? = nil
    /// The 404 page: the message in every site language.
    var notFound: [NotFoundView] = []
    var isSearch = false
    /// A publication's landing, chapter, part and print pages: the edition they belong to.
    var publication: PublicationView? = nil
    /// The print edition of a publication.
    var print: PrintView? = nil
    /// Pages search engines should not index (the print editions; the 404 page is never indexed).
    var noindex = false

    func child(named name: String) -> Any? {
        switch name {
        case "site": site
        case "lang": lang
        case "t": t
        case "title": title
        case "description": description
        case "url": url
        case "permalink": permalink
        case "languages": languages
        case "sections": sections
        case "document": document
        case "section": section
        case "home": home
        case "homeSections": homeSections
        case "themesURL": themesURL
        case "facets": facets
        case "collection": collection
        case "index": index
        case "notFound": notFound
        case "isNotFound": !notFound.isEmpty
        case "isSearch": isSearch
        case "publication": publication
        case "print": print
        case "isPrint": print != nil
        case "noindex": noindex || !notFound.isEmpty
        case "isDocument": document != nil
        case "isSection": section != nil
        // For `<head>` (rel prev and next): the pager of whichever list this page shows.
        case "pager": section?.pager ?? collection?.pager
        // Page 2 and after of a list: no translation shows the same documents (each language cuts its
        // list its own way), so no hreflang alternates, though the switcher leads to the other lists.
        case "isLaterPage": ((section?.pager ?? collection?.pager)?.number ?? 1) > 1
        case "isHome": home != nil
        // Theme pages and the theme index: the header marks its themes link current.
        case "isThemes": collection?.facet == "theme" || index?.facet == "theme"
        case "isFacet": (collection != nil && collection?.facet != "theme") || (index != nil && index?.facet != "theme")
        default: nil
        }
    }
}

/// A theme page or a facet value page (a municipality, a country…): the documents of this language,
/// then those in other languages that have no translation in this one.
struct CollectionView: MustacheParent, Sendable {
    /// `theme`, `municipality`, `country`, `project`, `kind` or `level`.
    let facet: String
    /// The facet's name in this language ("Savivaldybė").
    let facetLabel: String
    /// The facet's index page.
    let facetURL: String
    let id: String
    let title: String
    let url: String
    /// A description (themes: `content/<lang>/themes/<id>.md`), as HTML.
    let content: String?
    let documents: [DocumentCardView]
    let otherLanguages: [DocumentCardView]
    /// A page of a list cut into pages: `documents` and `otherLanguages` are its slice of the list
    /// (this language's documents, then the others), the counts below the whole list's.
    var pager: PagerView? = nil
    var total: Int? = nil
    var otherTotal: Int? = nil

    func child(named name: String) -> Any? {
        switch name {
        case "facet": facet
        case "facetLabel": facetLabel
        case "facetURL": facetURL
        case "id": id
        case "title", "label": title
        case "url": url
        case "content": content
        case "documents": documents
        case "hasDocuments": (total ?? documents.count) > 0
        case "count": total ?? documents.count
        case "otherLanguages": otherLanguages
        case "hasOtherLanguages": (otherTotal ?? otherLanguages.count) > 0
        case "otherCount": otherTotal ?? otherLanguages.count
        case "hasPageDocuments": !documents.isEmpty
        case "hasPageOtherLanguages": !otherLanguages.isEmpty
        case "pager": pager
        default: nil
        }
    }
}

/// An entry of an index page: a theme or facet value with its document counts.
struct IndexEntryView: MustacheParent, Sendable {
    let id: String
    let title: String
    let url: String
    /// Documents in this language.
    let count: Int
    /// Documents in all languages.
    let total: Int

    func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "title", "label": title
        case "url": url
        case "count": count
        case "total": total
        case "hasOthers": total > count
        default: nil
        }
    }
}

/// The index of themes, or of one facet's values, in one language.
struct IndexView: MustacheParent, Sendable {
    let facet: String
    let title: String
    let url: String
    let entries: [IndexEntryView]

    func child(named name: String) -> Any? {
        switch name {
        case "facet": facet
        case "title": title
        case "url": url
        case "entries": entries
        case "hasEntries": !entries.isEmpty
        default: nil
        }
    }
}

/// One language's part of the 404 page: its UI strings and home.
struct NotFoundView: MustacheParent, Sendable {
    let code: String
    let name: String
    let url: String
    let t: [String: any Sendable]

    func child(named name: String) -> Any? {
        switch name {
        case "code": code
        case "name": self.name
        case "url": url
        case "t": t
        default: nil
        }
    }
}
