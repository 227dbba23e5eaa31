/// One content document of an EPUB: a chapter, the page of a part, a foreword.
public struct EPUBDocument: Sendable, Hashable {
    /// The structural role, written as the body's `epub:type`.
    public enum Kind: Sendable, Hashable {
        case chapter
        case part
        /// No `epub:type`.
        case other
    }

    /// File name inside the book, e.g. `chapter-01.xhtml`: letters, digits, `.`, `_`, `-`, no folder.
    public var fileName: String
    /// The document's `<title>` and, with `showsTitle`, its `<h1>`.
    public var title: String
    /// The content as kartu renders it (HTML from Markdown, links already rewritten for the book);
    /// the writer makes it XHTML with `XHTMLFragment`.
    public var body: String
    public var kind: Kind
    /// Puts `<h1>title</h1>` before the body; off when the body brings its own heading.
    public var showsTitle: Bool
    /// Language of this document when it differs from the book's (an untranslated chapter).
    public var language: String?

    /// A document; by default a chapter that shows its title as its heading, in the book's language.
    public init(fileName: String, title: String, body: String, kind: Kind = .chapter, showsTitle: Bool = true, language: String? = nil) {
        self.fileName = fileName
        self.title = title
        self.body = body
        self.kind = kind
        self.showsTitle = showsTitle
        self.language = language
    }
}
