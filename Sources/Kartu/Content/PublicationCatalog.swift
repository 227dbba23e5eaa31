/// Every publication of the site, in every language: each edition's table of contents and reading
/// order, and the chapters other editions have that it lacks. Built once from the loaded documents;
/// the structural problems (misplaced chapters, a wrong `chapters:` list) are found on the way.
public struct PublicationCatalog: Sendable {
    /// Every edition, by language in site.yaml's order, then by folder.
    public let publications: [Publication]
    /// Document → index in `publications` of the publication it opens, titles a part of, or is a chapter of.
    private let owners: [Int: Int]

    init(publications: [Publication]) {
        self.publications = publications
        var owners: [Int: Int] = [:]
        for (p, publication) in publications.enumerated() {
            owners[publication.document] = p
            for chapter in publication.readingOrder { owners[chapter] = p }
            for case .part(let part) in publication.contents { if let doc = part.document { owners[doc] = p } }
        }
        self.owners = owners
    }

    public static let empty = PublicationCatalog(publications: [])

    /// The editions written in `language`, by folder.
    public func publications(in language: String) -> [Publication] {
        publications.filter { $0.language == language }
    }

    /// The publication that `document` opens, titles a part of, or is a chapter of.
    public func publication(of document: Int) -> Publication? {
        owners[document].map { publications[$0] }
    }

    /// The other languages' editions of `publication`, in site.yaml's language order.
    public func editions(of publication: Publication) -> [Publication] {
        publications.filter { $0.identity == publication.identity && $0.language != publication.language }
    }
}

extension PublicationCatalog {
    /// Builds the catalog from the site's documents (`unpublished`: source paths of Markdown files
    /// read but left out, drafts and broken files, which a `chapters:` entry may name without error).
    /// Linear in the number of documents; next to nothing when the site has no publication.
    static func build(_ documents: [Document], languages: [Language], unpublished: Set<String>,
                      diagnostics: inout Diagnostics) -> PublicationCatalog {
        var landings: [Int] = [], chapters: [Int] = [], lists: [Int] = []
        for (i, document) in documents.enumerated() {
            switch document.role {
            case .page where document.metadata.kind == .publication: landings.append(i)
            case .page where document.metadata.kind == .chapter: chapters.append(i)
            case .list: lists.append(i)
            default: break
            }
        }
        if landings.isEmpty && chapters.isEmpty { return .empty }
        var gathering = PublicationGathering(documents: documents, unpublished: unpublished)
        gathering.gather(landings: landings, chapters: chapters, lists: lists, diagnostics: &diagnostics)
        let order = Dictionary(languages.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { a, _ in a })
        let found = gathering.folders.sorted { a, b in
            let la = order[documents[a.document].language] ?? .max, lb = order[documents[b.document].language] ?? .max
            return la != lb ? la < lb : a.folder < b.folder
        }
        var collation: [String: LocaleFormatting] = [:]
        var publications = found.map { folder in
            let language = documents[folder.document].language
            let locale = languages.first { $0.code == language }?.locale ?? language
            if collation[language] == nil { collation[language] = LocaleFormatting(localeIdentifier: locale) }
            return gathering.order(folder, formatting: collation[language]!, diagnostics: &diagnostics)
        }
        PublicationCatalog.findUntranslated(&publications, documents: documents)
        return PublicationCatalog(publications: publications)
    }
}

/// One publication folder's documents, before they are ordered.
struct PublicationFolder {
    let document: Int
    /// Inside the language folder: `publications/kartu`.
    let folder: String
    var topChapters: [Int] = []
    /// Part folder name → its `_index.md` and chapters.
    var parts: [String: (document: Int?, chapters: [Int])] = [:]
    /// Each chapter by its path in the publication folder without `.md` (`practices/kazlu-ruda`).
    var chapterKeys: [String: Int] = [:]
    /// The other way round: chapter → key.
    var keys: [Int: String] = [:]
}

/// Finds which publication each chapter and part belongs to, reporting what sits where it may not.
struct PublicationGathering {
    let documents: [Document]
    let unpublished: Set<String>
    /// The valid publication folders (a nested one is reported and left out).
    var folders: [PublicationFolder] = []
    /// Language → publication folder → index in `folders`, or nil for a nested publication, whose
    /// chapters are then left alone (the publication itself is the error).
    private var byFolder: [String: [String: Int?]] = [:]
    /// Source path → document, made on the first `chapters:` entry that names no chapter.
    private var bySource: [String: Int]?

    init(documents: [Document], unpublished: Set<String>) {
        self.documents = documents
        self.unpublished = unpublished
    }

    mutating func gather(landings: [Int], chapters: [Int], lists: [Int], diagnostics: inout Diagnostics) {
        for i in landings {
            let document = documents[i]
            guard document.isBundle else {
                let name = String(document.languagePath.dropLast(3).split(separator: "/").last ?? "")
                let folder = document.folder.isEmpty ? name : document.folder + "/" + name
                diagnostics.error("a publication must be the index.md of its own folder", at: kindLocation(i),
                                  hint: "move it to content/\(document.language)/\(folder)/index.md and put its chapters beside it")
                continue
            }
            byFolder[document.language, default: [:]][document.folder] = folders.count
            folders.append(PublicationFolder(document: i, folder: document.folder))
        }
        var nested: Set<Int> = []
        for (p, publication) in folders.enumerated() {
            let language = documents[publication.document].language
            guard let outer = owner(of: parent(publication.folder), language: language) else { continue }
            diagnostics.error("a publication cannot sit inside another publication (\(folderPath(outer.folder, language)))",
                              at: kindLocation(publication.document),
                              hint: "move its folder out of \(folderPath(outer.folder, language)), or make it a part there: rename index.md to _index.md and remove 'kind'")
            nested.insert(p)
        }
        if !nested.isEmpty {
            folders = folders.enumerated().filter { !nested.contains($0.offset) }.map(\.element)
            for (language, mine) in byFolder { byFolder[language] = mine.mapValues { _ in Int?.none } }
            for (p, publication) in folders.enumerated() { byFolder[documents[publication.document].language]![publication.folder] = p }
        }

        for i in chapters { place(chapter: i, diagnostics: &diagnostics) }
        for i in lists { place(partPage: i, diagnostics: &diagnostics) }
    }

    private mutating func place(chapter i: Int, diagnostics: inout Diagnostics) {
        let document = documents[i]
        guard let owner = owner(of: document.folder, language: document.language) else {
            diagnostics.error("a chapter must sit in a publication's folder", at: kindLocation(i),
                              hint: "move it into the folder of a publication (beside an index.md with kind: publication), or change its kind")
            return
        }
        guard let p = owner.index else { return }
        // `practices/kazlu-ruda` for practices/kazlu-ruda.md and for practices/kazlu-ruda/index.md.
        var key = document.languagePath.dropFirst(owner.folder.count + 1).dropLast(3)
        if document.isBundle { key = key.dropLast("/index".count) }
        let parts = key.split(separator: "/")
        if parts.count > 2 {
            diagnostics.error("a chapter may sit at most one folder deep in its publication (\(folderPath(owner.folder, document.language)))",
                              at: kindLocation(i),
                              hint: "move it into a part (a folder directly in the publication's folder) or beside the publication's index.md: parts do not hold parts")
            return
        }
        folders[p].keys[i] = String(key)
        if folders[p].chapterKeys[String(key)] == nil { folders[p].chapterKeys[String(key)] = i }
        if parts.count == 2 {
            folders[p].parts[String(parts[0]), default: (nil, [])].chapters.append(i)
        } else {
            folders[p].topChapters.append(i)
        }
    }

    private mutating func place(partPage i: Int, diagnostics: inout Diagnostics) {
        let document = documents[i]
        guard let owner = owner(of: document.folder, language: document.language), let p = owner.index,
              owner.folder != document.folder else { return }
        let parts = document.folder.dropFirst(owner.folder.count + 1).split(separator: "/")
        guard parts.count == 1 else {
            diagnostics.error("a part cannot sit inside another part: \(folderPath(owner.folder, document.language)) has one level of parts",
                              at: SourceLocation(file: document.sourcePath),
                              hint: "move this folder directly into \(folderPath(owner.folder, document.language))")
            return
        }
        folders[p].parts[String(parts[0]), default: (nil, [])].document = i
    }

    /// The nearest publication folder holding `folder` (itself included): its index in `folders`
    /// (nil for a nested publication) and its path.
    private func owner(of folder: String, language: String) -> (index: Int?, folder: String)? {
        guard let mine = byFolder[language] else { return nil }
        var current = folder
        while !current.isEmpty {
            if let found = mine[current] { return (found, current) }
            current = parent(current)
        }
        return nil
    }

    private func parent(_ folder: String) -> String {
        folder.lastIndex(of: "/").map { String(folder[..<$0]) } ?? ""
    }

    /// `content/lt/publications/kartu/`: how messages name a folder.
    func folderPath(_ folder: String, _ language: String) -> String { "content/\(language)/\(folder)/" }

    /// Where `kind:` is written: what makes the file a chapter or a publication.
    func kindLocation(_ i: Int) -> SourceLocation {
        documents[i].metadata.locations["kind"] ?? SourceLocation(file: documents[i].sourcePath)
    }

    /// The document published from `sourcePath`, if any.
    mutating func document(at sourcePath: String) -> Int? {
        if bySource == nil {
            bySource = Dictionary(documents.enumerated().map { ($1.sourcePath, $0) }, uniquingKeysWith: { a, _ in a })
        }
        return bySource![sourcePath]
    }
}
