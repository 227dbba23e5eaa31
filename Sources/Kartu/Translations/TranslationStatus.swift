import Foundation

/// `kartu status`: per language, how many documents are originals, translations up to date,
/// outdated or not judged, and which originals have no translation, as text for a terminal, JSON
/// for a dashboard (a stable schema, `version` 1) or a Markdown table for a CI job's summary.
public struct TranslationStatus: Sendable {
    /// One side of an entry: a document (or where one would go), its title and last change.
    public struct Side: Sendable, Hashable {
        public let path: String
        public let language: String
        public let title: String?
        public let changed: DayDate?
    }

    /// An outdated translation (both sides) or a missing one (`translation` names where it would go).
    public struct Entry: Sendable, Hashable {
        public let original: Side
        public let translation: Side
    }

    public struct LanguageStatus: Sendable {
        public let code: String
        public let name: String
        public let originals: Int
        public let upToDate: Int
        public let outdated: [Entry]
        public let unknown: Int
        public let missing: [Entry]
    }

    public let languages: [LanguageStatus]
    /// Why outdated translations are not judged, with what to do; nil with a git history.
    public let unavailable: (reason: String, hint: String)?

    public enum Format: String, Sendable, CaseIterable {
        case text, json, markdown
    }

    init(documents: [Document], translations: Translations, languages: [Language]) {
        self.languages = languages.map { language in
            let mine = documents.indices.filter { documents[$0].language == language.code && documents[$0].role == .page }
            var originals = 0, upToDate = 0, unknown = 0
            var outdated: [Entry] = []
            for i in mine {
                switch translations.states[i] {
                case .original?: originals += 1
                case .upToDate?: upToDate += 1
                case .unknown?, nil: unknown += 1
                case .outdated(let source, let translation)?:
                    let o = documents[translations.originals[i]!]
                    outdated.append(Entry(original: Side(path: o.sourcePath, language: o.language, title: o.metadata.title, changed: source.date),
                                          translation: Side(path: documents[i].sourcePath, language: language.code,
                                                            title: documents[i].metadata.title, changed: translation.date)))
                }
            }
            let missing = translations.missing(in: language.code, documents: documents).map { i in
                let o = documents[i]
                return Entry(original: Side(path: o.sourcePath, language: o.language, title: o.metadata.title, changed: nil),
                             translation: Side(path: "content/\(language.code)/\(o.languagePath)", language: language.code, title: nil, changed: nil))
            }
            return LanguageStatus(code: language.code, name: language.name, originals: originals, upToDate: upToDate,
                                  outdated: outdated.sorted { $0.translation.path < $1.translation.path }, unknown: unknown, missing: missing)
        }
        unavailable = translations.unavailable
    }

    /// The same status for one language only; a usage error when the site has no such language.
    public func only(_ code: String) throws(Diagnostic) -> TranslationStatus {
        let codes = languages.map(\.code)
        guard codes.contains(code) else {
            throw Diagnostic(.error, "'\(code)' is not a language of the site",
                             hint: Suggestion.didYouMean(code, in: codes) ?? "use one of: \(codes.joined(separator: ", "))")
        }
        return TranslationStatus(languages: languages.filter { $0.code == code }, unavailable: unavailable)
    }

    private init(languages: [LanguageStatus], unavailable: (reason: String, hint: String)?) {
        self.languages = languages
        self.unavailable = unavailable
    }

    public func formatted(_ format: Format) -> String {
        switch format {
        case .text: text
        case .json: json
        case .markdown: markdown
        }
    }

    /// For a terminal: one line per language, then its outdated and missing documents.
    var text: String {
        var lines: [String] = []
        if let unavailable {
            lines.append("kartu: outdated translations are not judged: \(unavailable.reason)")
            lines.append("    hint: \(unavailable.hint)")
        }
        for language in languages {
            var counts = ["\(language.originals) original\(language.originals == 1 ? "" : "s")", "\(language.upToDate) up to date",
                          "\(language.outdated.count) outdated"]
            if language.unknown > 0 { counts.append("\(language.unknown) not judged") }
            counts.append("\(language.missing.count) missing")
            lines.append("\(language.code) \(language.name): " + counts.joined(separator: ", "))
            for entry in language.outdated {
                lines.append("  outdated: \(entry.translation.path) (\(entry.translation.changed.map(\.description) ?? "-"))"
                             + " — original \(entry.original.path) “\(entry.original.title ?? "")” changed \(entry.original.changed.map(\.description) ?? "-")")
            }
            for entry in language.missing {
                lines.append("  missing: \(entry.original.path) “\(entry.original.title ?? "")” → \(entry.translation.path)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A table and lists for `$GITHUB_STEP_SUMMARY`.
    var markdown: String {
        func cell(_ text: String) -> String { text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ") }
        var lines = ["## Translation status", ""]
        if let unavailable {
            lines += ["> Outdated translations are not judged: \(cell(unavailable.reason)). \(cell(unavailable.hint)).", ""]
        }
        lines += ["| Language | Originals | Up to date | Outdated | Not judged | Missing |", "|---|---:|---:|---:|---:|---:|"]
        for language in languages {
            lines.append("| \(cell(language.name)) (`\(language.code)`) | \(language.originals) | \(language.upToDate) | \(language.outdated.count) | \(language.unknown) | \(language.missing.count) |")
        }
        for language in languages where !language.outdated.isEmpty || !language.missing.isEmpty {
            lines += ["", "### \(cell(language.name)) (`\(language.code)`)", ""]
            for entry in language.outdated {
                lines.append("- outdated: `\(entry.translation.path)` (\(entry.translation.changed.map(\.description) ?? "–")); original `\(entry.original.path)` changed \(entry.original.changed.map(\.description) ?? "–")")
            }
            for entry in language.missing {
                lines.append("- missing: `\(entry.translation.path)`, a translation of `\(entry.original.path)` “\(cell(entry.original.title ?? ""))”")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The documented schema (README, "kartu status"): keys sorted, version 1.
    var json: String {
        func side(_ side: Side) -> String {
            var fields = ["\"language\":" + JSONText.string(side.language), "\"path\":" + JSONText.string(side.path)]
            if let title = side.title { fields.append("\"title\":" + JSONText.string(title)) }
            if let changed = side.changed { fields.append("\"changed\":" + JSONText.string(changed.description)) }
            return "{" + fields.sorted().joined(separator: ",") + "}"
        }
        func entry(_ entry: Entry) -> String { "{\"original\":\(side(entry.original)),\"translation\":\(side(entry.translation))}" }
        let history = unavailable.map { "{\"available\":false,\"hint\":\(JSONText.string($0.hint)),\"reason\":\(JSONText.string($0.reason))}" }
            ?? "{\"available\":true}"
        let languages = self.languages.map { language in
            "{\"code\":\(JSONText.string(language.code)),\"counts\":{\"missing\":\(language.missing.count),\"originals\":\(language.originals),"
                + "\"outdated\":\(language.outdated.count),\"unknown\":\(language.unknown),\"upToDate\":\(language.upToDate)},"
                + "\"missing\":[\(language.missing.map(entry).joined(separator: ","))],\"name\":\(JSONText.string(language.name)),"
                + "\"outdated\":[\(language.outdated.map(entry).joined(separator: ","))]}"
        }
        return "{\"history\":\(history),\"languages\":[\(languages.joined(separator: ","))],\"version\":1}\n"
    }
}
