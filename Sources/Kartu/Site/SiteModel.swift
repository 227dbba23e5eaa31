import Foundation

/// Everything known about the site once content is loaded, links resolved and Markdown rendered.
/// It is immutable: pages are rendered from it concurrently, each page depending only on it.
struct SiteModel: Sendable {
    let config: SiteConfig
    let themes: ThemeCatalog
    let strings: UIStrings
    let documents: [Document]
    /// The publications in every language: tables of contents, reading orders, untranslated chapters.
    let publications: PublicationCatalog
    /// Translation groups, their originals, and which translations are outdated.
    let translations: Translations
    /// Where originals are shown in the languages without them: the plan the links were resolved with.
    let fallbackPages: FallbackPages
    /// Per document: its body as HTML and its headings.
    let bodies: [String]
    let headings: [[MarkdownDocument.Heading]]
    /// Per document: related documents, best first (see `RelatedDocuments`).
    let related: [[Int]]
    /// Per document: the documents whose text links to it, in document order.
    let backlinks: [[Int]]
    /// `/` or the path of the base URL (`/guide/`), prefixed to every URL the site writes.
    let basePath: String
    /// Absolute base (`https://example.org/guide/`) when one is configured, else the base path.
    let absoluteBase: String

    /// True when a base URL with scheme and host is known: sitemaps, robots.txt and feeds need one.
    var hasAbsoluteBase: Bool { absoluteBase.contains("://") }

    func url(_ urlPath: String) -> String { basePath + urlPath }

    /// True when document `i`'s body renders to more than whitespace (a foreword, a part's text).
    func hasBody(_ i: Int) -> Bool { !bodies[i].allSatisfy(\.isWhitespace) }
    func permalink(_ urlPath: String) -> String { absoluteBase + urlPath }
}

extension SiteModel {
    /// The model of a build, from the steps before it.
    init(configuration: Configuration, strings: UIStrings, content: ContentLoader.Content, publications: PublicationCatalog,
         translations: Translations, fallbackPages: FallbackPages, bodies: RenderedBodies, related: [[Int]]) {
        config = configuration.site
        themes = configuration.themes
        self.strings = strings
        documents = content.documents
        self.publications = publications
        self.translations = translations
        self.fallbackPages = fallbackPages
        self.bodies = bodies.html
        headings = bodies.headings
        self.related = related
        backlinks = bodies.backlinks
        basePath = configuration.basePath
        absoluteBase = configuration.absoluteBase
    }
}

extension SiteModel {
    /// This model with some documents' text edited (`kartu serve`): the same documents in the same
    /// places, with new bodies, headings and backlinks.
    func replacing(documents: [Document], bodies: RenderedBodies) -> SiteModel {
        SiteModel(config: config, themes: themes, strings: strings, documents: documents, publications: publications,
                  translations: translations, fallbackPages: fallbackPages, bodies: bodies.html, headings: bodies.headings, related: related, backlinks: bodies.backlinks,
                  basePath: basePath, absoluteBase: absoluteBase)
    }
}
