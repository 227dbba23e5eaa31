import Foundation

/// Where each original is shown in the languages its group has no document in (`untranslated:
/// fallback`): at the original's path in that language. Known before any text is rendered, so a
/// link to a document's path in a language without it (an editor writing `../internships/leeds.md`
/// in the Latvian tree) leads to its page there, and the pages step makes those pages.
struct FallbackPages: Sendable {
    /// Language → original document → the URL path of its fallback page there. None for a document
    /// of a publication (its editions say what is untranslated) or where a document of that
    /// language is published at that path.
    let paths: [String: [Int: String]]

    init(documents: [Document], translations: Translations, publications: PublicationCatalog, config: SiteConfig) {
        var paths: [String: [Int: String]] = [:]
        if config.untranslated == .fallback {
            var taken = Set(documents.map(\.urlPath))
            // Originals in source order: where two groups' originals would fall back to one path, the first has it.
            for original in Set(translations.originals.values).sorted() where publications.publication(of: original) == nil {
                let document = documents[original]
                let members = translations.groups[document.translationIdentity] ?? []
                let rest = document.urlPath.dropFirst(document.language.count)
                for language in config.languages where !members.contains(where: { documents[$0].language == language.code }) {
                    let path = language.code + rest
                    if taken.insert(path).inserted { paths[language.code, default: [:]][original] = path }
                }
            }
        }
        self.paths = paths
    }

    /// The page in `language` that shows document `i`: its translation there, else its group's
    /// fallback page there; nil when there is neither.
    func page(of i: Int, in language: String, documents: [Document], translations: Translations) -> (urlPath: String, document: Int)? {
        let members = translations.groups[documents[i].translationIdentity] ?? [i]
        if let member = members.first(where: { documents[$0].language == language }) {
            return (documents[member].urlPath, member)
        }
        guard let original = translations.originals[i], let path = paths[language]?[original] else { return nil }
        return (path, original)
    }
}
