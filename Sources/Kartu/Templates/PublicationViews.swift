import Mustache

// View models of publications: the landing page, chapter and part pages, the print edition and the
// "cited in" lines of documents that chapters link to. As in ViewModels.swift, each answers
// `child(named:)` with a switch. Optional fields answer nil, and Mustache then looks the name up in
// the enclosing contexts: templates read them with a leading dot (`{{#.summary}}`).

/// One edition of a publication as its pages show it (`publication` on the landing, chapter, part
/// and print pages). The page-specific fields (`breadcrumb`, `previous`, `next`, `part`, `foreword`)
/// are set for the page at hand; `contents` marks the page's own entry with `isCurrent`.
struct PublicationView: MustacheParent, Sendable {
    enum Page: Sendable { case landing, chapter, part, print }

    let title: String
    let subtitle: String?
    /// The landing page.
    let url: String
    let summary: String?
    let editors: [String]
    let partners: [String]
    let year: Int?
    let license: String?
    let isbn: String?
    /// The other languages' editions: `code`, `name` (the language), `url` (their landing page), `title`.
    let editions: [TranslationView]
    /// The table of contents: chapters and parts, with the chapters this edition lacks in their place.
    var contents: [BookEntryView]
    /// The print edition; nil when the theme has no `print` template.
    let printURL: String?
    let epub: DownloadView?
    /// The first chapter in reading order.
    let first: BookLinkView?
    let chapterCount: Int
    var page: Page = .landing
    /// The landing page: its body with every heading one level down, to sit under "Foreword".
    var foreword: String? = nil
    /// Chapter and part pages: the language home, the publication, the part, the page itself.
    var breadcrumb: [LinkView] = []
    var previous: BookLinkView? = nil
    var next: BookLinkView? = nil
    /// A part page: the part with its chapters; a chapter page: the part it is in.
    var part: BookEntryView? = nil
    /// A chapter page: its place in the reading order, from 1.
    var number: Int? = nil

    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "subtitle": subtitle
        case "url": url
        case "summary": summary
        case "editors": editors.isEmpty ? nil : editors
        case "editorList": editors.isEmpty ? nil : editors.joined(separator: ", ")
        case "partners": partners.isEmpty ? nil : partners
        case "hasPartners": !partners.isEmpty
        case "year": year
        case "license": license
        case "isbn": isbn
        case "editions": editions
        case "hasEditions": !editions.isEmpty
        case "contents": contents
        case "hasUntranslated": contents.contains { $0.isUntranslated || $0.chapters.contains(where: \.isUntranslated) }
        case "printURL": printURL
        case "epub": epub
        case "first": first
        case "chapterCount": chapterCount
        case "foreword": foreword
        case "breadcrumb": breadcrumb
        case "previous": previous
        case "next": next
        case "hasPager": previous != nil || next != nil
        case "part": part
        case "number": number
        case "isLanding": page == .landing
        case "isChapter": page == .chapter
        case "isPart": page == .part
        case "isPrint": page == .print
        default: nil
        }
    }
}

/// An entry of a publication's table of contents: a chapter, a part with its chapters, or a
/// chapter that other editions have and this one does not yet ("untranslated").
struct BookEntryView: MustacheParent, Sendable {
    enum Kind: Sendable { case chapter, part, untranslated }

    let kind: Kind
    /// The chapter's or part page's document; nil for an untranslated chapter and a part without `_index.md`.
    let document: Int?
    let title: String
    /// The page; nil for a part without `_index.md` and an untranslated chapter.
    let url: String?
    let summary: String?
    /// A chapter's place in the reading order, from 1.
    let number: Int?
    /// The print page's id for it: `c3` for the third chapter, `p1` for the first part.
    let anchor: String?
    /// An untranslated chapter: the language its `title` and `summary` are written in, and the
    /// chapter in every language that has it (`code`, `name`, `url`, `title`).
    var language: String? = nil
    var languages: [TranslationView] = []
    /// A part: its chapters, untranslated ones included.
    var chapters: [BookEntryView] = []
    var isCurrent = false

    var isUntranslated: Bool { kind == .untranslated }

    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "url": url
        case "summary": summary
        case "number": number
        case "anchor": anchor
        case "language": language
        case "languages": languages
        case "chapters": chapters
        case "hasChapters": !chapters.isEmpty
        case "isChapter": kind == .chapter
        case "isPart": kind == .part
        case "isUntranslated": kind == .untranslated
        case "isCurrent": isCurrent
        // A part holding the current chapter (a compact contents can open it).
        case "containsCurrent": chapters.contains(where: \.isCurrent)
        default: nil
        }
    }
}

/// A link to a page of a publication: previous and next, the first chapter.
struct BookLinkView: MustacheParent, Sendable {
    let title: String
    let url: String
    /// The publication's landing page (previous of the first chapter).
    let isLanding: Bool

    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "url": url
        case "isLanding": isLanding
        default: nil
        }
    }
}

/// A file to download: its URL, size in bytes and the size as the language writes it (`48 KB`).
struct DownloadView: MustacheParent, Sendable {
    let url: String
    let bytes: Int
    let size: String
    let mediaType: String

    func child(named name: String) -> Any? {
        switch name {
        case "url": url
        case "bytes": bytes
        case "size": size
        case "type": mediaType
        default: nil
        }
    }
}

/// "Cited in": an edition of a publication whose chapters (or foreword) link to the document.
struct CitationView: MustacheParent, Sendable {
    /// The publication's title and landing page.
    let title: String
    let url: String
    let language: String
    let languageName: String
    let isOtherLanguage: Bool
    /// The chapters that link to the document, in reading order; empty when only the landing page does.
    let chapters: [LinkView]

    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "url": url
        case "language": language
        case "languageName": languageName
        case "isOtherLanguage": isOtherLanguage
        case "chapters": chapters
        case "hasChapters": !chapters.isEmpty
        default: nil
        }
    }
}

/// The print edition: the foreword, then every part heading and chapter in reading order.
struct PrintView: MustacheParent, Sendable {
    let foreword: PrintSectionView?
    let sections: [PrintSectionView]

    func child(named name: String) -> Any? {
        switch name {
        case "foreword": foreword
        case "sections": sections
        default: nil
        }
    }
}

/// A chapter, a part heading or the foreword on the print page. `content` has its headings one
/// level down, its ids prefixed with `id` and `--`, and its links into the publication made in-page.
struct PrintSectionView: MustacheParent, Sendable {
    enum Kind: Sendable { case foreword, part, chapter }

    let kind: Kind
    /// `foreword`, `p1`, `c3`.
    let id: String
    let title: String
    let content: String?
    let summary: String?
    let number: Int?
    /// The section's own web page.
    let url: String?

    func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "title": title
        case "content": content
        case "summary": summary
        case "number": number
        case "url": url
        case "isForeword": kind == .foreword
        case "isPart": kind == .part
        case "isChapter": kind == .chapter
        default: nil
        }
    }
}
