import Foundation

// View models of publications: the landing page, chapter and part pages, the print edition and the
// "cited in" lines of documents that chapters link to, declared as in ViewModels.swift. Optional
// fields answer nothing when nil, and Mustache then looks the name up in the enclosing contexts:
// templates read them with a leading dot (`{{#.summary}}`).

/// One edition of a publication as its pages show it (`publication` on the landing, chapter, part
/// and print pages). The page-specific fields (`breadcrumb`, `previous`, `next`, `part`, `foreword`)
/// are set for the page at hand; `contents` marks the page's own entry with `isCurrent`.
struct PublicationView: TemplateRecord, Sendable {
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

    static let templateTable = TemplateTable<Self>("publication", [
        .text("title") { $0.title },
        .text("subtitle") { $0.subtitle },
        .text("url") { $0.url },
        .text("summary") { $0.summary },
        .texts("editors") { $0.editors.isEmpty ? nil : $0.editors },
        .text("editorList") { $0.editors.isEmpty ? nil : $0.editors.joined(separator: ", ") },
        .texts("partners") { $0.partners.isEmpty ? nil : $0.partners },
        .bool("hasPartners") { !$0.partners.isEmpty },
        .number("year") { $0.year },
        .text("license") { $0.license },
        .text("isbn") { $0.isbn },
        .list("editions", TranslationView.self) { $0.editions },
        .bool("hasEditions") { !$0.editions.isEmpty },
        .list("contents", BookEntryView.self) { $0.contents },
        .bool("hasUntranslated") { $0.contents.contains { $0.isUntranslated || $0.chapters.contains(where: \.isUntranslated) } },
        .text("printURL") { $0.printURL },
        .object("epub", DownloadView.self) { $0.epub },
        .object("first", BookLinkView.self) { $0.first },
        .number("chapterCount") { $0.chapterCount },
        .text("foreword") { $0.foreword },
        .list("breadcrumb", LinkView.self) { $0.breadcrumb },
        .object("previous", BookLinkView.self) { $0.previous },
        .object("next", BookLinkView.self) { $0.next },
        .bool("hasPager") { $0.previous != nil || $0.next != nil },
        .object("part", BookEntryView.self) { $0.part },
        .number("number") { $0.number },
        .bool("isLanding") { $0.page == .landing },
        .bool("isChapter") { $0.page == .chapter },
        .bool("isPart") { $0.page == .part },
        .bool("isPrint") { $0.page == .print },
    ])
}

/// An entry of a publication's table of contents: a chapter, a part with its chapters, or a
/// chapter that other editions have and this one does not yet ("untranslated").
struct BookEntryView: TemplateRecord, Sendable {
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

    static let templateTable = TemplateTable<Self>("contents entry", [
        .text("title") { $0.title },
        .text("url") { $0.url },
        .text("summary") { $0.summary },
        .number("number") { $0.number },
        .text("anchor") { $0.anchor },
        .text("language") { $0.language },
        .list("languages", TranslationView.self) { $0.languages },
        .list("chapters", BookEntryView.self) { $0.chapters },
        .bool("hasChapters") { !$0.chapters.isEmpty },
        .bool("isChapter") { $0.kind == .chapter },
        .bool("isPart") { $0.kind == .part },
        .bool("isUntranslated") { $0.kind == .untranslated },
        .bool("isCurrent") { $0.isCurrent },
        // A part holding the current chapter (a compact contents can open it).
        .bool("containsCurrent") { $0.chapters.contains(where: \.isCurrent) },
    ])
}

/// A link to a page of a publication: previous and next, the first chapter.
struct BookLinkView: TemplateRecord, Sendable {
    let title: String
    let url: String
    /// The publication's landing page (previous of the first chapter).
    let isLanding: Bool

    static let templateTable = TemplateTable<Self>("book link", [
        .text("title") { $0.title },
        .text("url") { $0.url },
        .bool("isLanding") { $0.isLanding },
    ])
}

/// A file to download: its URL, size in bytes and the size as the language writes it (`48 KB`).
struct DownloadView: TemplateRecord, Sendable {
    let url: String
    let bytes: Int
    let size: String
    let mediaType: String

    static let templateTable = TemplateTable<Self>("download", [
        .text("url") { $0.url },
        .number("bytes") { $0.bytes },
        .text("size") { $0.size },
        .text("type") { $0.mediaType },
    ])
}

/// "Cited in": an edition of a publication whose chapters (or foreword) link to the document.
struct CitationView: TemplateRecord, Sendable {
    /// The publication's title and landing page.
    let title: String
    let url: String
    let language: String
    let languageName: String
    let isOtherLanguage: Bool
    /// The chapters that link to the document, in reading order; empty when only the landing page does.
    let chapters: [LinkView]

    static let templateTable = TemplateTable<Self>("citation", [
        .text("title") { $0.title },
        .text("url") { $0.url },
        .text("language") { $0.language },
        .text("languageName") { $0.languageName },
        .bool("isOtherLanguage") { $0.isOtherLanguage },
        .list("chapters", LinkView.self) { $0.chapters },
        .bool("hasChapters") { !$0.chapters.isEmpty },
    ])
}

/// The print edition: the foreword, then every part heading and chapter in reading order.
struct PrintView: TemplateRecord, Sendable {
    let foreword: PrintSectionView?
    let sections: [PrintSectionView]

    static let templateTable = TemplateTable<Self>("print edition", [
        .object("foreword", PrintSectionView.self) { $0.foreword },
        .list("sections", PrintSectionView.self) { $0.sections },
    ])
}

/// A chapter, a part heading or the foreword on the print page. `content` has its headings one
/// level down, its ids prefixed with `id` and `--`, and its links into the publication made in-page.
struct PrintSectionView: TemplateRecord, Sendable {
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
    /// Where a chapter's text comes from (its front matter `source`).
    var source: String? = nil

    static let templateTable = TemplateTable<Self>("print section", [
        .text("id") { $0.id },
        .text("title") { $0.title },
        .text("content") { $0.content },
        .text("summary") { $0.summary },
        .number("number") { $0.number },
        .text("url") { $0.url },
        .text("source") { $0.source },
        .bool("isForeword") { $0.kind == .foreword },
        .bool("isPart") { $0.kind == .part },
        .bool("isChapter") { $0.kind == .chapter },
    ])
}
