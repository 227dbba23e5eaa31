/// Everything an EPUB 3 of one publication in one language holds, as plain values; `EPUBWriter`
/// turns it into the file. Nothing here reads the clock: the same book gives the same bytes.
public struct EPUBBook: Sendable, Hashable {
    /// The book's stable unique identifier (`dc:identifier`, the package's `unique-identifier`), kept
    /// across editions; see `EPUBIdentifier.derived(translationKey:language:namespace:)`.
    public var identifier: String
    public var title: String
    public var subtitle: String?
    /// BCP 47 language tag of the book, e.g. `lt` or `pl`.
    public var language: String
    /// Who made the book, e.g. its editors (`dc:creator`).
    public var creators: [EPUBContributor]
    /// Who else contributed, e.g. the project's partners (`dc:contributor`).
    public var contributors: [EPUBContributor]
    public var publisher: String?
    /// The licence or copyright statement (`dc:rights`).
    public var rights: String?
    public var description: String?
    /// Written as a second identifier, `urn:isbn:…`; the unique identifier stays `identifier`.
    public var isbn: String?
    /// Publication date (`dc:date`).
    public var published: DayDate?
    /// The day the content last changed (`dcterms:modified`, written as `YYYY-MM-DDT00:00:00Z`); take
    /// it from the content, not the clock, so that rebuilding gives the same file.
    public var modified: DayDate
    /// Content documents in reading order.
    public var documents: [EPUBDocument]
    /// The table of contents; empty means one entry per document, in order.
    public var navigation: [EPUBNavigationEntry]
    /// Images and other files the documents refer to.
    public var resources: [EPUBResource]
    /// CSS linked from every document.
    public var stylesheet: String
    /// Path of the resource that is the cover image; it also gets a cover page before the rest.
    public var coverImage: String?
    /// Adds a title page (title, subtitle, creators, contributors, publisher, rights) after the cover.
    public var titlePage: Bool
    /// Puts the table of contents in the reading order as a page, after the title page, as in a
    /// printed book; off leaves it to the reading system's menu.
    public var contentsPage: Bool
    public var labels: EPUBLabels

    /// A book; everything but identifier, title, language, modified day and documents is optional.
    public init(
        identifier: String, title: String, subtitle: String? = nil, language: String,
        creators: [EPUBContributor] = [], contributors: [EPUBContributor] = [],
        publisher: String? = nil, rights: String? = nil, description: String? = nil, isbn: String? = nil,
        published: DayDate? = nil, modified: DayDate,
        documents: [EPUBDocument], navigation: [EPUBNavigationEntry] = [], resources: [EPUBResource] = [],
        stylesheet: String = "", coverImage: String? = nil, titlePage: Bool = false, contentsPage: Bool = true, labels: EPUBLabels = EPUBLabels()
    ) {
        self.identifier = identifier
        self.title = title
        self.subtitle = subtitle
        self.language = language
        self.creators = creators
        self.contributors = contributors
        self.publisher = publisher
        self.rights = rights
        self.description = description
        self.isbn = isbn
        self.published = published
        self.modified = modified
        self.documents = documents
        self.navigation = navigation
        self.resources = resources
        self.stylesheet = stylesheet
        self.coverImage = coverImage
        self.titlePage = titlePage
        self.contentsPage = contentsPage
        self.labels = labels
    }
}
