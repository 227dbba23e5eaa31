import Foundation
import Yams

/// UI strings of the theme, from `i18n/<lang>.yaml`: the built-in theme's, with the site's
/// `templates/i18n/<lang>.yaml` over them key by key (a site changes one label without copying the
/// rest). Nested keys are allowed (`kind: {change-project: …}` is read as `t.kind.change-project` in
/// templates). A key missing in a language falls back to the default language, with one warning per
/// language listing what is missing.
struct UIStrings: Sendable {
    /// Per language: the nested tree templates see as `t`, built once.
    let trees: [String: TemplateDictionary]
    /// Per language: flattened `a.b` keys.
    let flat: [String: [String: String]]

    func tree(_ language: String) -> TemplateDictionary { trees[language] ?? .empty }

    func lookup(_ key: String, in language: String) -> String? { flat[language]?[key] }

    /// The strings of the site at `root`: its `templates/i18n/` alone, or over the built-in ones with
    /// `builtIn`. For tests; a build reads them with the theme's other files, in `TemplateFolder`.
    static func load(root: URL, config: SiteConfig, builtIn: Bool = false, diagnostics: inout Diagnostics) -> UIStrings {
        load(files: ThemeFiles.load(root: root, builtIn: builtIn, diagnostics: &diagnostics), root: root, config: config, diagnostics: &diagnostics)
    }

    static func load(files: ThemeFiles?, root: URL, config: SiteConfig, diagnostics: inout Diagnostics) -> UIStrings {
        var flat: [String: [String: String]] = [:]
        for language in config.languages {
            let path = "i18n/\(language.code).yaml"
            var texts: [(file: String, text: String)] = []
            if files?.builtIn ?? config.builtInTheme, let data = BuiltInTheme.files[path],
               let text = SourceText.text(of: data, file: BuiltInTheme.shown(path), diagnostics: &diagnostics) {
                texts.append((BuiltInTheme.shown(path), text))
            }
            if let text = files?.siteText(path, in: root, what: "file", diagnostics: &diagnostics) {
                texts.append((ThemeFiles.folder + "/" + path, text))
            }
            for (file, text) in texts where !text.isEmpty {
                var source = YAMLSource(file: file)
                guard let node = source.parse(text, diagnostics: &diagnostics) else { continue }
                var strings = flat[language.code] ?? [:]
                flatten(node, prefix: "", into: &strings, fields: YAMLFields(source: source), diagnostics: &diagnostics)
                flat[language.code] = strings
            }
        }
        let base = flat[config.defaultLanguage] ?? [:]
        if flat[config.defaultLanguage] == nil {
            diagnostics.append(Diagnostic(.warning, "no UI strings for the default language '\(config.defaultLanguage)'",
                                          file: "templates/i18n/\(config.defaultLanguage).yaml",
                                          hint: "create templates/i18n/\(config.defaultLanguage).yaml with the theme's UI strings"))
        }
        var trees: [String: TemplateDictionary] = [:]
        for language in config.languages {
            var strings = flat[language.code] ?? [:]
            let missing = base.keys.filter { strings[$0] == nil }.sorted()
            if language.code != config.defaultLanguage, !missing.isEmpty {
                let shown = missing.prefix(10).joined(separator: ", ") + (missing.count > 10 ? ", … (\(missing.count) in all)" : "")
                diagnostics.warning("UI strings for '\(language.code)' miss \(missing.count) key(s): \(shown)",
                                    at: SourceLocation(file: "templates/i18n/\(language.code).yaml"),
                                    hint: "translate them in templates/i18n/\(language.code).yaml; the \(config.defaultLanguage) text is used meanwhile")
                for key in missing { strings[key] = base[key] }
            }
            flat[language.code] = strings
            trees[language.code] = TemplateDictionary.nesting(strings)
        }
        return UIStrings(trees: trees, flat: flat)
    }

    private static func flatten(_ node: Node, prefix: String, into strings: inout [String: String], fields: YAMLFields, diagnostics: inout Diagnostics) {
        switch node {
        case .mapping(let mapping):
            for (key, _, value) in fields.entries(mapping, diagnostics: &diagnostics) {
                flatten(value, prefix: prefix.isEmpty ? key : prefix + "." + key, into: &strings, fields: fields, diagnostics: &diagnostics)
            }
        case .scalar(let scalar):
            strings[prefix] = scalar.string
        default:
            diagnostics.error("UI string '\(prefix)' must be text or a mapping, not \(YAMLFields.describe(node))",
                              at: fields.source.location(of: node), hint: "write \(prefix.split(separator: ".").last ?? ""): \"…\"")
        }
    }
}
