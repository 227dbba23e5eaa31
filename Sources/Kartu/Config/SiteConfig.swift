import Foundation
import Yams

/// A language the site is published in, from `content/site.yaml`.
public struct Language: Sendable, Hashable {
    /// Folder name and URL prefix, e.g. `lt`.
    public let code: String
    /// Name in the language itself, e.g. `Lietuvių`.
    public let name: String
    /// Locale used for dates and sorting, e.g. `lt-LT`.
    public let locale: String
}

/// The site-wide settings of `content/site.yaml`.
public struct SiteConfig: Sendable {
    public var titles: [String: String]
    public var defaultLanguage: String
    public var languages: [Language]
    public var baseURL: String?
    public var unsafeHTML: Bool
    /// Documents per page of a list (sections, theme and facet pages); 0 lists them all on one page.
    public var paginate: Int = SiteConfig.defaultPaginate
    /// What a language without a translation of a document shows for it: the original inside the
    /// language's navigation (`fallback`, the default), or nothing (`home`: links lead to the home page).
    public var untranslated: Untranslated = .fallback
    /// Whether the theme built into kartu is under the site's `templates/` (the default): a file there
    /// replaces the built-in one of the same path. False: `templates/` is the whole theme.
    public var builtInTheme = true
    /// Where each language's entry is written in site.yaml, for problems about a language found later.
    var languageLocations: [String: SourceLocation] = [:]

    public enum Untranslated: String, Sendable, CaseIterable {
        case fallback, home
    }

    public static let path = "content/site.yaml"
    /// Keeps a theme page of a large site near 30 cards (a few dozen kB) instead of thousands.
    public static let defaultPaginate = 30

    public func language(_ code: String) -> Language? { languages.first { $0.code == code } }

    /// Site title in a language, falling back to the default language's.
    public func title(in code: String) -> String {
        titles[code] ?? titles[defaultLanguage] ?? titles.values.sorted().first ?? ""
    }
}

extension SiteConfig {
    static let knownKeys = ["title", "defaultLanguage", "languages", "baseURL", "unsafeHTML", "paginate", "untranslated", "builtInTheme"]

    /// Reads `content/site.yaml`; nil when it is missing or too broken to use (the reason is in `diagnostics`).
    static func load(text: String?, diagnostics: inout Diagnostics) -> SiteConfig? {
        var source = YAMLSource(file: path)
        let top = SourceLocation(file: path)
        guard let text else {
            diagnostics.append(Diagnostic(.error, "site configuration not found", file: path,
                                          hint: "create content/site.yaml with title, defaultLanguage and languages (see README)"))
            return nil
        }
        guard let root = source.parse(text, diagnostics: &diagnostics) else {
            if !diagnostics.hasErrors {
                diagnostics.error("site configuration is empty", at: top,
                                  hint: "add title, defaultLanguage and languages (see README)")
            }
            return nil
        }
        let fields = YAMLFields(source: source)
        guard let mapping = fields.mapping(root, field: "site.yaml", example: "title: …\ndefaultLanguage: lt\nlanguages: …", diagnostics: &diagnostics) else {
            return nil
        }
        var titles: [String: String] = [:]
        var titleNode: Node?
        var defaultLanguage: String?
        var defaultNode: Node?
        var languages: [Language] = []
        var baseURL: String?
        var unsafeHTML = false
        var untranslated = Untranslated.fallback
        var builtInTheme = true
        var paginate = defaultPaginate
        var languageLocations: [String: SourceLocation] = [:]
        var sawLanguages = false

        for (key, keyNode, value) in fields.entries(mapping, diagnostics: &diagnostics) {
            switch key {
            case "title":
                titleNode = value
                if case .scalar = value {
                    if let t = fields.string(value, field: "title", diagnostics: &diagnostics) { titles[""] = t }
                } else if let map = fields.mapping(value, field: "title", example: "title:\n          lt: \"…\"\n          en: \"…\"", diagnostics: &diagnostics) {
                    for (code, _, label) in fields.entries(map, diagnostics: &diagnostics) {
                        if let t = fields.string(label, field: "title.\(code)", diagnostics: &diagnostics) { titles[code] = t }
                    }
                }
            case "defaultLanguage":
                defaultNode = value
                defaultLanguage = fields.string(value, field: key, diagnostics: &diagnostics)
            case "languages":
                sawLanguages = true
                languages = readLanguages(value, fields: fields, locations: &languageLocations, diagnostics: &diagnostics)
            case "baseURL":
                baseURL = fields.string(value, field: key, diagnostics: &diagnostics)
                if let url = baseURL, !Configuration.isBaseURL(url) {
                    diagnostics.error("baseURL '\(url)' is not an absolute URL", at: source.location(of: value),
                                      hint: "write it with its scheme, e.g. https://example.org/, or as a path, e.g. /guide/")
                    baseURL = nil
                }
            case "unsafeHTML":
                unsafeHTML = fields.bool(value, field: key, diagnostics: &diagnostics) ?? false
            case "untranslated":
                let choices = Untranslated.allCases.map(\.rawValue)
                if let text = fields.string(value, field: key, diagnostics: &diagnostics) {
                    if let choice = Untranslated(rawValue: text) {
                        untranslated = choice
                    } else {
                        diagnostics.error("'untranslated' must be \(choices.joined(separator: " or ")), not '\(text)'", at: source.location(of: value),
                                          hint: Suggestion.didYouMean(text, in: choices)
                                            ?? "fallback shows the original inside the language's pages; home links to the language's home page")
                    }
                }
            case "builtInTheme":
                builtInTheme = fields.bool(value, field: key, diagnostics: &diagnostics) ?? true
            case "paginate":
                paginate = readPaginate(value, source: source, diagnostics: &diagnostics) ?? defaultPaginate
            default:
                let hint = Suggestion.didYouMean(key, in: knownKeys) ?? "known keys: \(knownKeys.joined(separator: ", "))"
                diagnostics.warning("unknown key '\(key)' in site configuration", at: source.location(of: keyNode), hint: hint)
            }
        }

        if !sawLanguages {
            diagnostics.error("site configuration has no 'languages'", at: source.location(of: root),
                              hint: "add languages:\n        - code: lt\n          name: Lietuvių\n          locale: lt-LT")
            return nil
        }
        guard !languages.isEmpty else { return nil }
        let codes = languages.map(\.code)
        let defaultCode: String
        if let defaultLanguage {
            if codes.contains(defaultLanguage) {
                defaultCode = defaultLanguage
            } else {
                diagnostics.error("defaultLanguage '\(defaultLanguage)' is not one of the languages", at: source.location(of: defaultNode!),
                                  hint: Suggestion.didYouMean(defaultLanguage, in: codes) ?? "use one of: \(codes.joined(separator: ", "))")
                return nil
            }
        } else {
            defaultCode = codes[0]
            diagnostics.warning("site configuration has no 'defaultLanguage'; using '\(defaultCode)'",
                                at: source.location(of: root), hint: "add defaultLanguage: \(defaultCode)")
        }
        if let plain = titles.removeValue(forKey: "") {
            for code in codes { titles[code] = plain }
        }
        if titles.isEmpty {
            diagnostics.error("site configuration has no 'title'", at: source.location(of: titleNode ?? root),
                              hint: "add title:\n          \(defaultCode): \"…\"")
        } else if titles[defaultCode] == nil {
            diagnostics.error("site title has no text for the default language '\(defaultCode)'",
                              at: source.location(of: titleNode ?? root), hint: "add \(defaultCode): \"…\" under title")
        }
        for code in titles.keys.sorted() where !codes.contains(code) {
            diagnostics.warning("site title given for '\(code)', which is not one of the languages",
                                at: source.location(of: titleNode ?? root),
                                hint: Suggestion.didYouMean(code, in: codes) ?? "remove it or add the language")
        }
        return SiteConfig(titles: titles, defaultLanguage: defaultCode, languages: languages, baseURL: baseURL,
                          unsafeHTML: unsafeHTML, paginate: paginate, untranslated: untranslated, builtInTheme: builtInTheme,
                          languageLocations: languageLocations)
    }

    /// `paginate`: a whole number, 0 or more. Its own messages rather than `YAMLFields.int`'s, so the
    /// hint can say what 0 means.
    private static func readPaginate(_ node: Node, source: YAMLSource, diagnostics: inout Diagnostics) -> Int? {
        let hint = "write the number of documents per list page, e.g. paginate: \(defaultPaginate), or paginate: 0 for one page per list"
        guard let typed = YAMLFields.typed(node), typed.tag == Tag(.int), let value = typed.int else {
            diagnostics.error("'paginate' must be a whole number, not \(YAMLFields.describe(node))", at: source.location(of: node), hint: hint)
            return nil
        }
        guard value >= 0 else {
            diagnostics.error("'paginate' must be 0 or more, not \(value)", at: source.location(of: node), hint: hint)
            return nil
        }
        return value
    }

    private static func readLanguages(_ node: Node, fields: YAMLFields, locations: inout [String: SourceLocation],
                                      diagnostics: inout Diagnostics) -> [Language] {
        let example = "languages:\n          - code: lt\n            name: Lietuvių\n            locale: lt-LT"
        guard case .sequence(let sequence) = node else {
            diagnostics.error("'languages' must be a list, not \(YAMLFields.describe(node))",
                              at: fields.source.location(of: node), hint: "write it as\n        \(example)")
            return []
        }
        var languages: [Language] = []
        for item in sequence {
            guard let map = fields.mapping(item, field: "languages entry", example: "- code: lt\n            name: Lietuvių\n            locale: lt-LT", diagnostics: &diagnostics) else { continue }
            var code: String?, name: String?, locale: String?
            for (key, keyNode, value) in fields.entries(map, diagnostics: &diagnostics) {
                switch key {
                case "code": code = fields.string(value, field: "code", diagnostics: &diagnostics)
                case "name": name = fields.string(value, field: "name", diagnostics: &diagnostics)
                case "locale": locale = fields.string(value, field: "locale", diagnostics: &diagnostics)
                default:
                    diagnostics.warning("unknown key '\(key)' in a language entry", at: fields.source.location(of: keyNode),
                                        hint: Suggestion.didYouMean(key, in: ["code", "name", "locale"]) ?? "known keys: code, name, locale")
                }
            }
            let here = fields.source.location(of: item)
            guard let code else {
                diagnostics.error("language entry has no 'code'", at: here, hint: "add code: lt")
                continue
            }
            guard isLanguageCode(code) else {
                diagnostics.error("language code '\(code)' is not a lowercase language code", at: here,
                                  hint: "use a code like lt, en or pt-br; it becomes the folder name under content/")
                continue
            }
            if languages.contains(where: { $0.code == code }) {
                diagnostics.error("language '\(code)' is listed twice", at: here, hint: "remove one of the entries")
                continue
            }
            languages.append(Language(code: code, name: name ?? code, locale: locale ?? code))
            locations[code] = here
        }
        return languages
    }

    static func isLanguageCode(_ code: String) -> Bool {
        let parts = code.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.count),
            first.allSatisfy({ $0.isASCII && $0.isLowercase })
        else { return false }
        return parts.dropFirst().allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber) } }
    }
}
