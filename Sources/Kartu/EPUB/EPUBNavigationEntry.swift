/// An entry of an EPUB's table of contents: a link, or a heading over the entries below it (a part
/// without a page of its own).
public struct EPUBNavigationEntry: Sendable, Hashable {
    public var title: String
    /// A document of the book, with or without a fragment: `chapter-02.xhtml#goals`; nil for a
    /// heading, which then needs children.
    public var href: String?
    public var children: [EPUBNavigationEntry]

    /// A link (`href`) or a heading (`href` nil, `children` not empty).
    public init(title: String, href: String?, children: [EPUBNavigationEntry] = []) {
        self.title = title
        self.href = href
        self.children = children
    }
}
