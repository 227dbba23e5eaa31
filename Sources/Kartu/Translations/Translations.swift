import Foundation

/// The translation groups of the site's document pages (one `translationKey`, or one path in every
/// language folder): which document is the original, which translations are outdated, and which
/// languages lack a document of a group.
///
/// The original of a group is the document marked `original: true`; else the one in the default
/// language; else the first in `site.yaml`'s language order. A translation is outdated when its
/// original's last change that counts (see `GitHistory`) is newer than its own; without a history
/// to judge by, it is never called up to date.
public struct Translations: Sendable {
    public enum State: Sendable, Hashable {
        case original
        case upToDate
        /// The original's last change and the translation's (nil: the translation was never committed).
        case outdated(original: GitHistory.Change, translation: GitHistory.Change)
        /// Not judged: no history (no git, a shallow clone), or an original that was never committed.
        case unknown
    }

    /// Translation identity → its page documents, in site language order.
    public let groups: [String: [Int]]
    /// Page document → the original of its group (itself for an original).
    public let originals: [Int: Int]
    /// Page document → its state.
    public let states: [Int: State]
    /// Why outdated translations cannot be judged, with what to do; nil with a history.
    public let unavailable: (reason: String, hint: String)?

    /// The groups of `documents`, their originals and states. Two documents marked `original: true`
    /// in one group is an error at the second (in language order).
    static func build(_ documents: [Document], languages: [Language], defaultLanguage: String, history: GitHistory.Reading,
                      diagnostics: inout Diagnostics) -> Translations {
        let rank = Dictionary(uniqueKeysWithValues: languages.enumerated().map { ($1.code, $0) })
        var groups: [String: [Int]] = [:]
        for i in documents.indices where documents[i].role == .page {
            groups[documents[i].translationIdentity, default: []].append(i)
        }
        var originals: [Int: Int] = [:]
        var states: [Int: State] = [:]
        let changes: [String: GitHistory.Change]?
        let unavailable: (reason: String, hint: String)?
        switch history {
        case .history(let history): (changes, unavailable) = (history.changes, nil)
        case .unavailable(let reason, let hint): (changes, unavailable) = (nil, (reason, hint))
        }
        for key in groups.keys {
            let members = groups[key]!.sorted {
                (rank[documents[$0].language] ?? Int.max, documents[$0].sourcePath) < (rank[documents[$1].language] ?? Int.max, documents[$1].sourcePath)
            }
            groups[key] = members
            let marked = members.filter { documents[$0].metadata.original }
            for extra in marked.dropFirst() {
                diagnostics.error("'original: true' is also set on '\(documents[marked[0]].sourcePath)', in the same translation group",
                                  at: documents[extra].metadata.locations["original"] ?? SourceLocation(file: documents[extra].sourcePath),
                                  hint: "a translation group has one original: remove 'original: true' here or there")
            }
            let original = marked.first ?? members.first { documents[$0].language == defaultLanguage } ?? members[0]
            for i in members {
                originals[i] = original
                guard i != original else {
                    states[i] = .original
                    continue
                }
                guard let changes, let source = changes[documents[original].sourcePath] else {
                    states[i] = .unknown
                    continue
                }
                // A translation never committed is newer than any commit: being written now.
                guard let translation = changes[documents[i].sourcePath] else {
                    states[i] = .upToDate
                    continue
                }
                states[i] = source.order < translation.order ? .outdated(original: source, translation: translation) : .upToDate
            }
        }
        return Translations(groups: groups, originals: originals, states: states, unavailable: unavailable)
    }

    /// The originals with no document in `language`, in source path order.
    public func missing(in language: String, documents: [Document]) -> [Int] {
        groups.values.compactMap { members -> Int? in
            members.contains { documents[$0].language == language } ? nil : originals[members[0]]
        }.sorted { documents[$0].sourcePath < documents[$1].sourcePath }
    }
}
