import Yams

/// The theme taxonomy shared by all languages, from `content/themes.yaml`: id → label per language.
public struct ThemeCatalog: Sendable {
    public struct Theme: Sendable, Hashable {
        public let id: String
        public let labels: [String: String]
    }

    /// Themes in file order.
    public let themes: [Theme]
    private let byID: [String: Theme]
    /// True when themes.yaml could not be read: theme ids in documents are then not checked, so its
    /// one error is not followed by an "unknown theme" for every document.
    let isBroken: Bool

    public static let path = "content/themes.yaml"
    /// The folder under each language holding theme descriptions, and the URL segment of theme pages.
    public static let folder = "themes"

    init(themes: [Theme], isBroken: Bool = false) {
        self.themes = themes
        self.isBroken = isBroken
        byID = Dictionary(themes.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    }

    public func theme(_ id: String) -> Theme? { byID[id] }
    public var ids: [String] { themes.map(\.id) }

    /// The label in a language, falling back to the default language, then to the id.
    public func label(_ id: String, in language: String, defaultLanguage: String) -> String {
        guard let theme = byID[id] else { return id }
        return theme.labels[language] ?? theme.labels[defaultLanguage] ?? id
    }
}

extension ThemeCatalog {
    /// Reads `content/themes.yaml`. A missing file means no themes; labels missing for a site language are warnings.
    static func load(text: String?, config: SiteConfig, diagnostics: inout Diagnostics) -> ThemeCatalog {
        guard let text else { return ThemeCatalog(themes: []) }
        var source = YAMLSource(file: path)
        let errorsBefore = diagnostics.errorCount
        guard let root = source.parse(text, diagnostics: &diagnostics) else {
            return ThemeCatalog(themes: [], isBroken: diagnostics.errorCount > errorsBefore)
        }
        let fields = YAMLFields(source: source)
        guard let mapping = fields.mapping(root, field: "themes.yaml", example: "reflection:\n          lt: Refleksija\n          en: Reflection", diagnostics: &diagnostics) else {
            return ThemeCatalog(themes: [], isBroken: true)
        }
        let codes = config.languages.map(\.code)
        var themes: [Theme] = []
        for (id, keyNode, value) in fields.entries(mapping, diagnostics: &diagnostics) {
            let at = source.location(of: keyNode)
            guard isThemeID(id) else {
                diagnostics.error("theme id '\(id)' is not ASCII kebab-case", at: at,
                                  hint: "use lowercase letters, digits and hyphens, e.g. '\(Slug.make(id).isEmpty ? "my-theme" : Slug.make(id))'")
                continue
            }
            guard let labelMap = fields.mapping(value, field: id, example: "\(id):\n          lt: …\n          en: …", diagnostics: &diagnostics) else { continue }
            var labels: [String: String] = [:]
            for (code, codeNode, label) in fields.entries(labelMap, diagnostics: &diagnostics) {
                if !codes.contains(code) {
                    diagnostics.warning("theme '\(id)' has a label for '\(code)', which is not a site language",
                                        at: source.location(of: codeNode),
                                        hint: Suggestion.didYouMean(code, in: codes) ?? "site languages: \(codes.joined(separator: ", "))")
                }
                if let text = fields.string(label, field: "\(id).\(code)", diagnostics: &diagnostics) { labels[code] = text }
            }
            let missing = codes.filter { labels[$0] == nil }
            if !missing.isEmpty {
                diagnostics.warning("theme '\(id)' has no label for \(missing.joined(separator: ", "))", at: at,
                                    hint: "add \(missing[0]): \"…\" under \(id) (the \(config.defaultLanguage) label is used meanwhile)")
            }
            themes.append(Theme(id: id, labels: labels))
        }
        return ThemeCatalog(themes: themes)
    }

    static func isThemeID(_ id: String) -> Bool {
        !id.isEmpty && !id.hasPrefix("-") && !id.hasSuffix("-") && !id.contains("--")
            && id.unicodeScalars.allSatisfy { ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") || $0 == "-" }
    }
}
