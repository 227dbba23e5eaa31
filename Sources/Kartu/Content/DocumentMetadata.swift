import Foundation
import Yams

/// The front matter of a document, typed and checked.
public struct DocumentMetadata: Sendable, Hashable {
    /// A council decision. Its number may be unknown (a published draft gives only the draft's
    /// number, and the decision's own is blank there): the draft is then named as what it is.
    public struct Decision: Sendable, Hashable {
        public var number: String?
        public var date: DayDate
        public var draft: Draft?

        /// The draft decision put to the council: its own number and date.
        public struct Draft: Sendable, Hashable {
            public var number: String
            public var date: DayDate
        }
    }

    public struct Host: Sendable, Hashable {
        public var place: String
        public var country: String
    }

    public struct Period: Sendable, Hashable {
        public var start: DayDate
        public var end: DayDate
    }

    public var title = ""
    public var kind = DocumentKind.page
    public var date: DayDate?
    public var themes: [String] = []
    public var municipality: String?
    public var country: String?
    public var project: String?
    public var levels: [Level] = []
    public var authors: [String] = []
    public var summary: String?
    /// Where the text comes from: the original publication and where it appeared (plain text).
    public var source: String?
    public var translationKey: String?
    public var slug: String?
    public var draft = false
    /// `original: true`: the document its translation group is translated from (see `Translations`).
    public var original = false
    /// Where each top-level field's value is written, for diagnostics found after parsing.
    public var locations: [String: SourceLocation] = [:]
    public var weight: Int?
    public var decision: Decision?
    public var host: Host?
    public var period: Period?

    // A publication's own fields (`kind: publication`, see `PublicationCatalog`).
    public var subtitle: String?
    public var editors: [String] = []
    public var partners: [String] = []
    public var year: Int?
    public var isbn: String?
    public var license: String?
    /// The reading order as written in `chapters:`, each entry with its place in the file; nil when
    /// there is no list (chapters are then ordered by weight, then title).
    public var chapters: [ChapterEntry]?

    /// One entry of a publication's `chapters:` list.
    public struct ChapterEntry: Sendable, Hashable {
        /// As written: a path relative to the publication's folder, `.md` optional.
        public var path: String
        public var location: SourceLocation
    }
}

extension DocumentMetadata {
    static let commonKeys = [
        "title", "kind", "date", "themes", "municipality", "country", "project", "levels", "authors", "summary",
        "source", "translationKey", "slug", "draft", "weight", "original",
    ]
    static let kindKeys = ["decision", "host", "period"]
    /// Read only on `kind: publication`; elsewhere they are ignored with a warning.
    static let publicationKeys = ["subtitle", "editors", "partners", "year", "isbn", "license", "chapters"]

    /// What a list page or home page may omit: they take their kind from their role.
    enum Requirement {
        case document
        case listPage
        /// A theme description: even the title is optional (the theme's label is used).
        case description
    }

    /// Parses and checks front matter. Problems go to `diagnostics`; the result is nil only when the
    /// document cannot be built at all (no title, unknown kind).
    static func parse(
        _ root: Node?, source: YAMLSource, requirement: Requirement, themes: ThemeCatalog,
        diagnostics: inout Diagnostics
    ) -> DocumentMetadata? {
        let fileStart = SourceLocation(file: source.file, line: 1, column: 1)
        guard let root else {
            if requirement == .description { return DocumentMetadata() }
            diagnostics.error("front matter is empty", at: fileStart, hint: "add at least title: … and kind: … between the '---' lines")
            return nil
        }
        let fields = YAMLFields(source: source)
        guard case .mapping(let mapping) = root else {
            diagnostics.error("front matter must be a mapping of 'key: value' lines, not \(YAMLFields.describe(root))",
                              at: source.location(of: root), hint: "write title: …, kind: … each on its own line")
            return nil
        }
        var meta = DocumentMetadata()
        var sawTitle = false
        var kindNode: Node?
        var kindIsValid = true
        var present: [String: Node] = [:]
        // Keys whose meaning depends on the kind, which may come later in the mapping.
        var kindDependent: [(key: String, keyNode: Node, value: Node)] = []

        for (key, keyNode, value) in fields.entries(mapping, diagnostics: &diagnostics) {
            present[key] = keyNode
            meta.locations[key] = source.location(of: value)
            switch key {
            case "title":
                if let t = fields.string(value, field: key, diagnostics: &diagnostics) {
                    meta.title = t
                    sawTitle = t.unicodeScalars.contains { !$0.properties.isWhitespace }
                    if !sawTitle {
                        diagnostics.error("'title' is empty", at: source.location(of: value), hint: "give the document a title")
                    }
                }
            case "kind":
                kindNode = value
                guard let text = fields.string(value, field: key, diagnostics: &diagnostics) else { kindIsValid = false; continue }
                if let kind = DocumentKind(rawValue: text) {
                    meta.kind = kind
                } else {
                    kindIsValid = false
                    diagnostics.error("unknown kind '\(text)'", at: source.location(of: value),
                                      hint: nameHint(text, in: DocumentKind.allCases.map(\.rawValue), listing: "use one of"))
                }
            case "date": meta.date = fields.date(value, field: key, diagnostics: &diagnostics)
            case "themes":
                for (id, at) in fields.stringList(value, field: key, diagnostics: &diagnostics) ?? [] {
                    if themes.isBroken { continue }
                    if themes.theme(id) != nil {
                        if !meta.themes.contains(id) { meta.themes.append(id) }
                    } else {
                        diagnostics.error("unknown theme '\(id)'", at: at,
                                          hint: Suggestion.didYouMean(id, in: themes.ids)
                                             ?? (themes.ids.isEmpty ? "add '\(id)' to content/themes.yaml"
                                                 : "add '\(id)' to content/themes.yaml or use one of: \(themes.ids.prefix(12).joined(separator: ", "))"))
                    }
                }
            case "municipality": meta.municipality = fields.string(value, field: key, diagnostics: &diagnostics)
            case "country": meta.country = countryCode(value, field: key, example: "country: LT", fields: fields, diagnostics: &diagnostics)
            case "project": meta.project = fields.string(value, field: key, diagnostics: &diagnostics)
            case "levels":
                for (name, at) in fields.stringList(value, field: key, diagnostics: &diagnostics) ?? [] {
                    if let level = Level(rawValue: name) {
                        meta.levels.append(level)
                    } else {
                        diagnostics.error("unknown level '\(name)'", at: at,
                                          hint: nameHint(name, in: Level.allCases.map(\.rawValue), listing: "use any of"))
                    }
                }
            case "authors": meta.authors = names(value, field: key, fields: fields, diagnostics: &diagnostics)
            case "summary": meta.summary = fields.string(value, field: key, diagnostics: &diagnostics)
            case "source": meta.source = fields.string(value, field: key, diagnostics: &diagnostics)
            case "translationKey": meta.translationKey = fields.string(value, field: key, diagnostics: &diagnostics)
            case "slug":
                guard let slug = fields.string(value, field: key, diagnostics: &diagnostics) else { continue }
                if slug.contains("/") || slug.contains("\\") || slug.contains("..") {
                    diagnostics.error("slug '\(slug)' must be a single path segment", at: source.location(of: value),
                                      hint: "remove '/', '\\' and '..': a slug names the page's own folder, e.g. slug: \(Slug.make(slug).isEmpty ? "my-page" : Slug.make(slug))")
                } else if Slug.make(slug).isEmpty {
                    diagnostics.error("slug '\(slug)' has no letters or digits", at: source.location(of: value),
                                      hint: "use letters, digits and hyphens, e.g. slug: my-page")
                } else {
                    meta.slug = Slug.make(slug)
                }
            case "draft": meta.draft = fields.bool(value, field: key, diagnostics: &diagnostics) ?? false
            case "original": meta.original = fields.bool(value, field: key, diagnostics: &diagnostics) ?? false
            case "weight": meta.weight = fields.int(value, field: key, diagnostics: &diagnostics)
            case "decision":
                guard let map = fields.mapping(value, field: key, example: "decision:\n          number: T-123\n          date: 2019-01-31", diagnostics: &diagnostics) else { continue }
                var number: String?, date: DayDate?, draft: Decision.Draft?
                for (k, kn, v) in fields.entries(map, diagnostics: &diagnostics) {
                    switch k {
                    case "number": number = fields.string(v, field: "decision.number", diagnostics: &diagnostics)
                    case "date": date = fields.date(v, field: "decision.date", diagnostics: &diagnostics)
                    case "draft":
                        draft = twoParts(v, of: "decision.draft", example: "draft:\n            number: TŽ-477\n            date: 2018-12-31",
                                         ("number", { fields.string($0, field: "decision.draft.number", diagnostics: &$1) }),
                                         ("date", { fields.date($0, field: "decision.draft.date", diagnostics: &$1) }),
                                         source: source, fields: fields, diagnostics: &diagnostics).map(Decision.Draft.init)
                    default: unknownKey(k, at: source.location(of: kn), known: ["number", "date", "draft"], in: "decision", fields: fields, diagnostics: &diagnostics)
                    }
                }
                // The number may be unknown (only a draft's number published); the date may not.
                requireParts([("date", date != nil)], of: "decision", map: value, present: map, source: source, fields: fields, diagnostics: &diagnostics)
                if let date { meta.decision = Decision(number: number, date: date, draft: draft) }
            case "host":
                meta.host = twoParts(value, of: "host", example: "host:\n          place: Leeds\n          country: GB",
                                     ("place", { fields.string($0, field: "host.place", diagnostics: &$1) }),
                                     ("country", { countryCode($0, field: "host.country", example: "country: GB", fields: fields, diagnostics: &$1) }),
                                     source: source, fields: fields, diagnostics: &diagnostics).map(Host.init)
            case "period":
                if let (start, end) = twoParts(value, of: "period", example: "period:\n          start: 2017-01-29\n          end: 2017-02-03",
                                               ("start", { fields.date($0, field: "period.start", diagnostics: &$1) }),
                                               ("end", { fields.date($0, field: "period.end", diagnostics: &$1) }),
                                               source: source, fields: fields, diagnostics: &diagnostics) {
                    if end < start {
                        diagnostics.error("period ends (\(end)) before it starts (\(start))", at: source.location(of: value),
                                          hint: "swap start and end")
                    }
                    meta.period = Period(start: start, end: end)
                }
            default:
                kindDependent.append((key, keyNode, value))
            }
        }

        if !sawTitle && present["title"] == nil && requirement != .description {
            diagnostics.error("missing required field 'title'", at: fileStart, hint: "add title: \"…\" to the front matter")
        }
        if requirement == .document && kindNode == nil {
            let names = DocumentKind.allCases.map(\.rawValue).joined(separator: ", ")
            diagnostics.error("missing required field 'kind'", at: fileStart, hint: "add kind: … (one of \(names))")
            kindIsValid = false
        }
        let isPublication = kindIsValid && meta.kind == .publication
        for (key, keyNode, value) in kindDependent {
            if publicationKeys.contains(key) {
                if isPublication {
                    readPublicationField(key, value, into: &meta, fields: fields, diagnostics: &diagnostics)
                } else if kindIsValid {
                    // A wrong kind is reported already: no second message for its fields.
                    let onChapterOrPart = meta.kind == .chapter || requirement != .document
                    diagnostics.warning("'\(key)' applies only to a publication; it is ignored", at: source.location(of: keyNode),
                                        hint: onChapterOrPart ? "move it to the publication's index.md (kind: publication), or remove it"
                                                              : "set kind: publication if this is a publication's index.md, or remove it")
                }
            } else {
                unknownKey(key, at: source.location(of: keyNode), known: commonKeys + kindKeys + (isPublication ? publicationKeys : []),
                           in: nil, fields: fields, diagnostics: &diagnostics)
            }
        }
        if kindIsValid {
            let at = kindNode.map { source.location(of: $0) } ?? fileStart
            for (field, example) in requiredFields(for: meta.kind) where present[field] == nil {
                let article = "aeiou".contains(meta.kind.rawValue.first!) ? "an" : "a"
                diagnostics.error("\(article) \(meta.kind.rawValue) needs '\(field)'", at: at, hint: "add \(example)")
            }
        }
        guard sawTitle || (requirement == .description && present["title"] == nil), kindIsValid else { return nil }
        return meta
    }

    /// Fields each kind must carry, with an example line for the hint.
    static func requiredFields(for kind: DocumentKind) -> [(String, String)] {
        switch kind {
        case .changeProject:
            return [("municipality", "municipality: \"…\""), ("themes", "themes: [collaboration]")]
        case .collaborationModel:
            return [("municipality", "municipality: \"…\""), ("decision", "decision: {number: \"…\", date: YYYY-MM-DD}")]
        case .internshipReport:
            return [("host", "host: {place: \"…\", country: GB}"), ("period", "period: {start: YYYY-MM-DD, end: YYYY-MM-DD}")]
        default:
            return []
        }
    }

    /// A list of names; one name may be written as plain text (`authors: Ona`).
    static func names(_ value: Node, field: String, fields: YAMLFields, diagnostics: inout Diagnostics) -> [String] {
        if case .scalar = value, let one = fields.string(value, field: field, diagnostics: &diagnostics) { return [one] }
        return (fields.stringList(value, field: field, diagnostics: &diagnostics) ?? []).map(\.0)
    }

    /// A mapping of two required parts (`host: {place, country}`), each read by its function: both
    /// values, or nil with every problem said (an unknown key, a missing part, a wrong value).
    private static func twoParts<A, B>(_ value: Node, of field: String, example: String,
                                       _ first: (name: String, read: (Node, inout Diagnostics) -> A?),
                                       _ second: (name: String, read: (Node, inout Diagnostics) -> B?),
                                       source: YAMLSource, fields: YAMLFields, diagnostics: inout Diagnostics) -> (A, B)? {
        guard let map = fields.mapping(value, field: field, example: example, diagnostics: &diagnostics) else { return nil }
        var a: A?, b: B?
        for (key, keyNode, part) in fields.entries(map, diagnostics: &diagnostics) {
            switch key {
            case first.name: a = first.read(part, &diagnostics)
            case second.name: b = second.read(part, &diagnostics)
            default: unknownKey(key, at: source.location(of: keyNode), known: [first.name, second.name], in: field, fields: fields, diagnostics: &diagnostics)
            }
        }
        requireParts([(first.name, a != nil), (second.name, b != nil)], of: field, map: value, present: map, source: source, fields: fields,
                     diagnostics: &diagnostics)
        guard let a, let b else { return nil }
        return (a, b)
    }

    private static func unknownKey(_ key: String, at location: SourceLocation, known: [String], in parent: String?, fields: YAMLFields, diagnostics: inout Diagnostics) {
        let place = parent.map { " in '\($0)'" } ?? ""
        diagnostics.warning("unknown key '\(key)'\(place); it is ignored", at: location,
                            hint: Suggestion.didYouMean(key, in: known) ?? "known keys: \(known.joined(separator: ", "))")
    }

    private static func requireParts(_ parts: [(String, Bool)], of field: String, map: Node, present: Node.Mapping,
                                     source: YAMLSource, fields: YAMLFields, diagnostics: inout Diagnostics) {
        for (name, ok) in parts where !ok && present[name] == nil {
            diagnostics.error("'\(field)' needs '\(name)'", at: source.location(of: map), hint: "add \(name): … under \(field)")
        }
    }
}
