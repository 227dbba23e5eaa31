import Foundation
@testable import Kartu

/// A small site's documents read the way a build reads them, with the publication catalog built
/// from them, so tests can look at tables of contents by file name.
struct PublicationSite {
    let documents: [Document]
    let catalog: PublicationCatalog
    /// Content and catalog diagnostics, as printed.
    let printed: [String]

    init(_ content: [String: String]) throws {
        let site = try TestSite.small(content)
        var diagnostics = Diagnostics()
        let loaded = ContentLoader(root: site.root, config: Sample.config, themes: Sample.themes, workers: Workers())
            .load(diagnostics: &diagnostics)
        // As SiteBuilder does: the catalog over the documents, which come sorted by source path.
        documents = loaded.documents
        catalog = PublicationCatalog.build(documents, languages: Sample.config.languages, unpublished: loaded.unpublished,
                                           diagnostics: &diagnostics)
        printed = diagnostics.sorted.map(\.description)
    }

    /// The one edition in `language` (fails the test when there is not exactly one).
    func edition(_ language: String) throws -> Publication {
        let found = catalog.publications(in: language)
        guard found.count == 1 else { throw Unexpected(description: "\(found.count) publications in \(language)") }
        return found[0]
    }

    struct Unexpected: Error, CustomStringConvertible { let description: String }

    /// A document by its path in its publication's folder, without `.md`: `praktikos/jonava`.
    func name(_ i: Int, in publication: Publication) -> String {
        var path = documents[i].languagePath.dropFirst(publication.folder.count + 1).dropLast(3)
        if path.hasSuffix("/index") { path = path.dropLast(6) }
        return String(path)
    }

    /// The table of contents as text: `ivadas`, `praktikos/ (_index): praktikos/a, praktikos/b`.
    func outline(_ publication: Publication) -> [String] {
        publication.contents.map { entry in
            switch entry {
            case .chapter(let i): return name(i, in: publication)
            case .part(let part):
                let page = part.document.map { " (" + name($0, in: publication) + ")" } ?? ""
                return String(part.folder.dropFirst(publication.folder.count + 1)) + "/\(page) \(part.title): "
                    + part.chapters.map { name($0, in: publication) }.joined(separator: ", ")
            }
        }
    }

    func readingOrder(_ publication: Publication) -> [String] {
        publication.readingOrder.map { name($0, in: publication) }
    }
}

extension PublicationSite {
    /// A chapter: title, kind, then the other front-matter lines.
    static func chapter(_ title: String, _ fields: [String] = []) -> String {
        SmallSite.doc(title, fields, kind: "chapter")
    }
}
