import Foundation

// Typed view models handed to the templates. Each declares its names once, in a `TemplateTable`:
// templates are checked against those names when they load, and rendered through the same getters.
// They hold only values, so pages can be rendered on any thread. The names below are the
// templates' contract (see README).

/// The whole site, as every page sees it (`site.title`, `site.languages`…). A class, like
/// `LanguageView`: every page holds the same one, and a template reaching into it (`{{site.title}}`)
/// gets a reference rather than a copy of the whole value boxed for each lookup.
final class SiteView: TemplateRecord, Sendable {
    let title: String
    let rootURL: String
    let assetsURL: String
    let baseURL: String
    let defaultLanguage: String
    let languages: [LanguageView]

    init(title: String, rootURL: String, assetsURL: String, baseURL: String, defaultLanguage: String, languages: [LanguageView]) {
        self.title = title
        self.rootURL = rootURL
        self.assetsURL = assetsURL
        self.baseURL = baseURL
        self.defaultLanguage = defaultLanguage
        self.languages = languages
    }

    static let templateTable = TemplateTable<SiteView>("site", [
        .text("title") { $0.title },
        .text("rootURL") { $0.rootURL },
        .text("assetsURL") { $0.assetsURL },
        .text("baseURL") { $0.baseURL },
        .text("defaultLanguage") { $0.defaultLanguage },
        .list("languages", LanguageView.self) { $0.languages },
    ])
}

/// OpenGraph writes locales with an underscore (`lt_LT`). Bytes, not Foundation's
/// replacingOccurrences: it runs for every language on every page.
func ogLocale(_ locale: String) -> String {
    String(decoding: locale.utf8.map { $0 == UInt8(ascii: "-") ? UInt8(ascii: "_") : $0 }, as: UTF8.self)
}

/// A site language (`code`, `name`, `locale`, `url` of its home, `isDefault`).
final class LanguageView: TemplateRecord, Sendable {
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

    init(code: String, name: String, locale: String, url: String, isDefault: Bool, feedURL: String?, searchURL: String, searchIndexURL: String) {
        self.code = code
        self.name = name
        self.locale = locale
        self.url = url
        self.isDefault = isDefault
        self.feedURL = feedURL
        self.searchURL = searchURL
        self.searchIndexURL = searchIndexURL
    }

    static let templateTable = TemplateTable<LanguageView>("language", [
        .text("code") { $0.code },
        .text("name") { $0.name },
        .text("locale") { $0.locale },
        .text("ogLocale") { ogLocale($0.locale) },
        .text("url") { $0.url },
        .bool("isDefault") { $0.isDefault },
        .text("feedURL") { $0.feedURL },
        .text("searchURL") { $0.searchURL },
        .text("searchIndexURL") { $0.searchIndexURL },
    ])
}

/// An entry of the language switcher: the same page in another language when it exists, else that language's home.
struct LanguageLinkView: TemplateRecord, Sendable {
    let code: String
    let name: String
    let url: String
    let isCurrent: Bool
    let isTranslation: Bool
    var locale: String = ""
    /// Absolute URL of the target, for `hreflang` alternates and sitemaps.
    var permalink: String = ""

    static let templateTable = TemplateTable<Self>("language link", [
        .text("code") { $0.code },
        .text("name") { $0.name },
        .text("locale") { $0.locale },
        .text("ogLocale") { ogLocale($0.locale) },
        .text("permalink") { $0.permalink },
        .text("url") { $0.url },
        .bool("isCurrent") { $0.isCurrent },
        .bool("isTranslation") { $0.isTranslation },
    ])
}

/// A link with a label (navigation entries, sections, levels).
struct LinkView: TemplateRecord, Sendable {
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

    static let templateTable = TemplateTable<Self>("link", [
        .text("title") { $0.title },
        .text("label") { $0.title },
        .text("url") { $0.url },
        .bool("isCurrent") { $0.isCurrent },
        .text("id") { $0.id },
    ])
}

/// A heading of the document, for the table of contents.
struct HeadingView: TemplateRecord, Sendable {
    let id: String
    let text: String
    let level: Int

    static let templateTable = TemplateTable<Self>("heading", [
        .text("id") { $0.id },
        .text("text") { $0.text },
        .number("level") { $0.level },
        .bool("isSub") { $0.level > 2 },
    ])
}

/// The notice over a translation whose original changed after it (dates from git).
struct OutdatedView: TemplateRecord, Sendable {
    let originalLanguage: String
    let originalLanguageName: String
    let originalURL: String
    let originalDate: String
    let originalDateISO: String
    let translationDate: String
    let translationDateISO: String

    static let templateTable = TemplateTable<Self>("outdated", [
        .text("originalLanguage") { $0.originalLanguage },
        .text("originalLanguageName") { $0.originalLanguageName },
        .text("originalURL") { $0.originalURL },
        .text("originalDate") { $0.originalDate },
        .text("originalDateISO") { $0.originalDateISO },
        .text("translationDate") { $0.translationDate },
        .text("translationDateISO") { $0.translationDateISO },
    ])
}

/// The notice over a fallback page: a document not yet translated into the page's language, shown
/// in its original language.
struct FallbackView: TemplateRecord, Sendable {
    /// The original's language: its code (for `lang` on the text) and name in the page's language.
    let language: String
    let languageName: String
    let originalURL: String

    static let templateTable = TemplateTable<Self>("fallback", [
        .text("language") { $0.language },
        .text("languageName") { $0.languageName },
        .text("originalURL") { $0.originalURL },
    ])
}

/// The same document in another language.
struct TranslationView: TemplateRecord, Sendable {
    let code: String
    let name: String
    let url: String
    let title: String

    static let templateTable = TemplateTable<Self>("translation", [
        .text("code") { $0.code },
        .text("name") { $0.name },
        .text("url") { $0.url },
        .text("title") { $0.title },
    ])
}

/// What lists show of a document (section lists, home page).
///
/// A class: a language's card of a document is made once and shown in many lists, and pushing it on
/// the context stack is then one reference count, not a box holding a copy of every field (each
/// counted, and contended between the threads rendering the pages that show it).
final class DocumentCardView: TemplateRecord, Sendable {
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
    /// Which document the card is of: `kartu serve` finds the pages listing it by this.
    let document: Int

    init(title: String, url: String, date: String?, dateISO: String?, summary: String?, kind: String, kindLabel: String,
         municipality: String?, country: String?, countryName: String?, language: String, languageName: String,
         isOtherLanguage: Bool, themes: [LinkView], document: Int) {
        self.document = document
        self.title = title
        self.url = url
        self.date = date
        self.dateISO = dateISO
        self.summary = summary
        self.kind = kind
        self.kindLabel = kindLabel
        self.municipality = municipality
        self.country = country
        self.countryName = countryName
        self.language = language
        self.languageName = languageName
        self.isOtherLanguage = isOtherLanguage
        self.themes = themes
    }

    static let templateTable = TemplateTable<DocumentCardView>("card", [
        .text("title") { $0.title },
        .text("url") { $0.url },
        .text("date") { $0.date },
        .text("dateISO") { $0.dateISO },
        .text("summary") { $0.summary },
        .text("kind") { $0.kind },
        .text("kindLabel") { $0.kindLabel },
        .text("municipality") { $0.municipality },
        .text("country") { $0.country },
        .text("countryName") { $0.countryName },
        .text("language") { $0.language },
        .text("languageName") { $0.languageName },
        .bool("isOtherLanguage") { $0.isOtherLanguage },
        .list("themes", LinkView.self) { $0.themes },
    ])
}

/// A document page: everything its front matter carries, its HTML and its table of contents.
struct DocumentView: TemplateRecord, Sendable {
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
    /// Where the text comes from (front matter `source`).
    let source: String?
    let host: [String: String]?
    let period: [String: String]?
    let translations: [TranslationView]
    let toc: [HeadingView]
    let section: LinkView?
    /// Cards of its section's documents around it, its own among them: where the reader is.
    let sectionCards: [DocumentCardView]
    /// How many documents its section lists.
    let sectionCount: Int
    let related: [DocumentCardView]
    let backlinks: [DocumentCardView]
    /// Publications whose chapters link to this document ("cited in"); these links are not in `backlinks`.
    var citedIn: [CitationView] = []
    /// Over a translation older than its original.
    var outdated: OutdatedView? = nil
    /// Over a fallback page (the original shown where there is no translation).
    var fallback: FallbackView? = nil

    private static let ownFields: [TemplateField<Self>] = [
        .text("content") { $0.content },
        .text("municipalityURL") { $0.municipalityURL },
        .text("countryURL") { $0.countryURL },
        .text("projectURL") { $0.projectURL },
        .text("kindURL") { $0.kindURL },
        .list("related", DocumentCardView.self) { $0.related },
        .bool("hasRelated") { !$0.related.isEmpty },
        .list("backlinks", DocumentCardView.self) { $0.backlinks },
        .bool("hasBacklinks") { !$0.backlinks.isEmpty },
        .list("citedIn", CitationView.self) { $0.citedIn },
        .object("outdated", OutdatedView.self) { $0.outdated },
        .object("fallback", FallbackView.self) { $0.fallback },
        .bool("hasCitedIn") { !$0.citedIn.isEmpty },
        .text("project") { $0.project },
        .texts("authors") { $0.authors.isEmpty ? nil : $0.authors },
        .text("authorList") { $0.authors.isEmpty ? nil : $0.authors.joined(separator: ", ") },
        .list("levels", LinkView.self) { $0.levels },
        .dictionary("decision") { $0.decision },
        .text("source") { $0.source },
        .dictionary("host") { $0.host },
        .dictionary("period") { $0.period },
        .list("translations", TranslationView.self) { $0.translations },
        .bool("hasTranslations") { !$0.translations.isEmpty },
        .list("toc", HeadingView.self) { $0.toc },
        // A table of contents helps from four headings on; shorter documents read fine without.
        .bool("hasToc") { $0.toc.count >= 4 },
        .object("section", LinkView.self) { $0.section },
        .list("sectionDocuments", LinkView.self) { view in
            view.sectionCards.map { LinkView(title: $0.title, url: $0.url, isCurrent: $0.document == view.card.document) }
        },
        .bool("hasSectionDocuments") { !$0.sectionCards.isEmpty },
        .number("sectionCount") { $0.sectionCount },
        .bool("hasMoreInSection") { $0.sectionCount > $0.sectionCards.count },
    ]
    /// A document page answers its card's names too.
    static let templateTable = TemplateTable<Self>("document", ownFields + TemplateField<Self>.fields(of: DocumentCardView.self) { $0.card })
}

/// A list page: a section, or a folder with `_index.md`.
struct SectionView: TemplateRecord, Sendable {
    let title: String
    let url: String
    let content: String?
    let summary: String?
    var documents: [DocumentCardView]
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

    static let templateTable = TemplateTable<Self>("section", [
        .text("title") { $0.title },
        .text("url") { $0.url },
        .text("content") { $0.content },
        .text("summary") { $0.summary },
        .list("documents", DocumentCardView.self) { $0.documents },
        .number("count") { $0.total ?? $0.documents.count },
        .bool("hasDocuments") { !$0.documents.isEmpty },
        .bool("hasMore") { ($0.total ?? $0.documents.count) > $0.documents.count },
        .bool("hasPageDocuments") { !$0.documents.isEmpty },
        .object("pager", PagerView.self) { $0.pager },
    ])
}

/// What every page gives its template, plus the fields of its type (`document`, `section`, `home`).
struct PageView: TemplateRecord, Sendable {
    let site: SiteView
    let lang: LanguageView
    let t: TemplateDictionary
    let title: String
    let description: String?
    let url: String
    var permalink: String
    let languages: [LanguageLinkView]
    let sections: [LinkView]
    let themesURL: String
    let facets: [LinkView]
    var document: DocumentView? = nil
    var section: SectionView? = nil
    var home: SectionView? = nil
    var homeSections: [SectionView] = []
    /// The home page: themes with their counts, and the municipality and country indexes.
    var homeThemes: [IndexEntryView] = []
    var homeFacets: [IndexView] = []
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

    static let templateTable = TemplateTable<Self>("page", [
        .object("site", SiteView.self) { $0.site },
        .object("lang", LanguageView.self) { $0.lang },
        .uiStrings("t") { $0.t },
        .text("title") { $0.title },
        .text("description") { $0.description },
        .text("url") { $0.url },
        .text("permalink") { $0.permalink },
        .list("languages", LanguageLinkView.self) { $0.languages },
        .list("sections", LinkView.self) { $0.sections },
        .object("document", DocumentView.self) { $0.document },
        .object("section", SectionView.self) { $0.section },
        .object("home", SectionView.self) { $0.home },
        .list("homeSections", SectionView.self) { $0.homeSections },
        .list("homeThemes", IndexEntryView.self) { $0.homeThemes },
        .bool("hasHomeThemes") { !$0.homeThemes.isEmpty },
        .list("homeFacets", IndexView.self) { $0.homeFacets },
        .text("themesURL") { $0.themesURL },
        .list("facets", LinkView.self) { $0.facets },
        .object("collection", CollectionView.self) { $0.collection },
        .object("index", IndexView.self) { $0.index },
        .list("notFound", NotFoundView.self) { $0.notFound },
        .bool("isNotFound") { !$0.notFound.isEmpty },
        .bool("isSearch") { $0.isSearch },
        .object("publication", PublicationView.self) { $0.publication },
        .object("print", PrintView.self) { $0.print },
        .bool("isPrint") { $0.print != nil },
        .bool("noindex") { $0.noindex || !$0.notFound.isEmpty },
        .bool("isDocument") { $0.document != nil },
        .bool("isSection") { $0.section != nil },
        // For `<head>` (rel prev and next): the pager of whichever list this page shows.
        .object("pager", PagerView.self) { $0.section?.pager ?? $0.collection?.pager },
        // Page 2 and after of a list: no translation shows the same documents (each language cuts its
        // list its own way), so no hreflang alternates, though the switcher leads to the other lists.
        .bool("isLaterPage") { (($0.section?.pager ?? $0.collection?.pager)?.number ?? 1) > 1 },
        .bool("isHome") { $0.home != nil },
        // Theme pages and the theme index: the header marks its themes link current.
        .bool("isThemes") { $0.collection?.facet == "theme" || $0.index?.facet == "theme" },
        .bool("isFacet") { ($0.collection != nil && $0.collection?.facet != "theme") || ($0.index != nil && $0.index?.facet != "theme") },
    ])
}

/// A theme page or a facet value page (a municipality, a country…): the documents of this language,
/// then those in other languages that have no translation in this one.
struct CollectionView: TemplateRecord, Sendable {
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
    var documents: [DocumentCardView]
    var otherLanguages: [DocumentCardView]
    /// A page of a list cut into pages: `documents` and `otherLanguages` are its slice of the list
    /// (this language's documents, then the others), the counts below the whole list's.
    var pager: PagerView? = nil
    var total: Int? = nil
    var otherTotal: Int? = nil

    static let templateTable = TemplateTable<Self>("collection", [
        .text("facet") { $0.facet },
        .text("facetLabel") { $0.facetLabel },
        .text("facetURL") { $0.facetURL },
        .text("id") { $0.id },
        .text("title") { $0.title },
        .text("label") { $0.title },
        .text("url") { $0.url },
        .text("content") { $0.content },
        .list("documents", DocumentCardView.self) { $0.documents },
        .bool("hasDocuments") { ($0.total ?? $0.documents.count) > 0 },
        .number("count") { $0.total ?? $0.documents.count },
        .list("otherLanguages", DocumentCardView.self) { $0.otherLanguages },
        .bool("hasOtherLanguages") { ($0.otherTotal ?? $0.otherLanguages.count) > 0 },
        .number("otherCount") { $0.otherTotal ?? $0.otherLanguages.count },
        .bool("hasPageDocuments") { !$0.documents.isEmpty },
        .bool("hasPageOtherLanguages") { !$0.otherLanguages.isEmpty },
        .object("pager", PagerView.self) { $0.pager },
    ])
}

/// An entry of an index page: a theme or facet value with its document counts.
struct IndexEntryView: TemplateRecord, Sendable {
    let id: String
    let title: String
    let url: String
    /// Documents in this language.
    let count: Int
    /// Documents in all languages.
    let total: Int

    static let templateTable = TemplateTable<Self>("index entry", [
        .text("id") { $0.id },
        .text("title") { $0.title },
        .text("label") { $0.title },
        .text("url") { $0.url },
        .number("count") { $0.count },
        .number("total") { $0.total },
        .bool("hasOthers") { $0.total > $0.count },
    ])
}

/// The index of themes, or of one facet's values, in one language.
struct IndexView: TemplateRecord, Sendable {
    let facet: String
    let title: String
    let url: String
    let entries: [IndexEntryView]

    static let templateTable = TemplateTable<Self>("index", [
        .text("facet") { $0.facet },
        .text("title") { $0.title },
        .text("url") { $0.url },
        .list("entries", IndexEntryView.self) { $0.entries },
        .bool("hasEntries") { !$0.entries.isEmpty },
    ])
}

/// One language's part of the 404 page: its UI strings and home.
struct NotFoundView: TemplateRecord, Sendable {
    let code: String
    let name: String
    let url: String
    let t: TemplateDictionary

    static let templateTable = TemplateTable<Self>("not-found language", [
        .text("code") { $0.code },
        .text("name") { $0.name },
        .text("url") { $0.url },
        .uiStrings("t") { $0.t },
    ])
}
