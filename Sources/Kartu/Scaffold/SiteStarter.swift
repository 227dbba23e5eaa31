import Foundation

/// `kartu init`: a new site that builds with `--strict` at once — site.yaml, a starter set of
/// education themes labelled in every chosen language, each language's home text, a section with a
/// sample document, `.gitignore` and the CI recipes (GitHub Actions, GitLab CI) — from `starter/`,
/// compiled into kartu.
public struct SiteStarter: Sendable {
    public let languages: [Language]
    public let defaultLanguage: String
    /// One title for every language; nil: each language's starter title.
    public let title: String?
    public let baseURL: String?

    /// The languages kartu can start a site in: those its built-in theme speaks (its UI strings).
    /// Another language is added later, with its `templates/i18n/<code>.yaml`.
    public static let knownLanguages = [
        Language(code: "lt", name: "Lietuvių", locale: "lt-LT"),
        Language(code: "en", name: "English", locale: "en-GB"),
        Language(code: "lv", name: "Latviešu", locale: "lv-LV"),
        Language(code: "et", name: "Eesti", locale: "et-EE"),
        Language(code: "pl", name: "Polski", locale: "pl-PL"),
    ]

    /// Checks the choices as the command line gives them (codes in order, the default one among them).
    public init(languages codes: [String], defaultLanguage: String?, title: String?, baseURL: String?) throws(Diagnostic) {
        let known = Self.knownLanguages.map(\.code)
        guard !codes.isEmpty else {
            throw Diagnostic(.error, "no language given", hint: "pass --languages with one or more of \(known.joined(separator: ","))")
        }
        var languages: [Language] = []
        for code in codes {
            guard let language = Self.knownLanguages.first(where: { $0.code == code }) else {
                throw Diagnostic(.error, "kartu cannot start a site in '\(code)': its built-in theme has no UI strings for it",
                                 hint: Suggestion.didYouMean(code, in: known)
                                    ?? "start with some of \(known.joined(separator: ",")), then add '\(code)' to site.yaml with templates/i18n/\(code).yaml")
            }
            guard !languages.contains(language) else {
                throw Diagnostic(.error, "language '\(code)' is given twice", hint: "name each language once in --languages")
            }
            languages.append(language)
        }
        let chosen = defaultLanguage ?? languages[0].code
        guard codes.contains(chosen) else {
            throw Diagnostic(.error, "the default language '\(chosen)' is not one of the languages (\(codes.joined(separator: ",")))",
                             hint: "add it to --languages, or choose one of them with --default")
        }
        if let baseURL, !Configuration.isBaseURL(baseURL) {
            throw Diagnostic(.error, "base URL '\(baseURL)' is not an absolute URL",
                             hint: "write it with its scheme, e.g. https://example.org/, or as a path, e.g. /guide/")
        }
        if let title, title.allSatisfy(\.isWhitespace) {
            throw Diagnostic(.error, "the title is empty", hint: "pass --title \"…\", or leave it out for each language's starter title")
        }
        self.languages = languages
        self.defaultLanguage = chosen
        self.title = title
        self.baseURL = baseURL
    }

    /// Every file of the new site: its path in the site folder and its bytes, sorted by path.
    public var files: [(path: String, data: Data)] {
        var files: [String: Data] = [
            SiteConfig.path: Data(siteYAML.utf8),
            ThemeCatalog.path: Data(themesYAML.utf8),
        ]
        for (path, data) in StarterSite.files {
            if let target = Self.renamed[path] {
                files[target] = data
            } else if let code = path.split(separator: "/").first, languages.contains(where: { $0.code == code }) {
                files["content/" + path] = data
            }
        }
        return files.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// Starter files written under another name (hidden names are not embedded).
    static let renamed = [
        "gitignore": ".gitignore",
        "ci/github-pages.yml": ".github/workflows/pages.yml",
        "ci/gitlab-ci.yml": ".gitlab-ci.yml",
    ]

    var siteYAML: String {
        var yaml = "# The site's settings: see \"Content conventions\" in kartu's README.\n"
        if let title {
            yaml += "title: \(YAMLText.quoted(title))\n"
        } else {
            yaml += "title:\n" + languages.map { "  \($0.code): \(YAMLText.quoted(starterTitle($0.code)))\n" }.joined()
        }
        yaml += "# The address the site is published at: canonical links, the sitemap and the feeds use it.\n"
        if let baseURL {
            yaml += "baseURL: \(YAMLText.quoted(baseURL))\n"
        } else {
            yaml += "# Set it before deploying (or pass --base-url to kartu build, as the CI recipes do):\n# baseURL: https://example.org/\n"
        }
        yaml += "defaultLanguage: \(defaultLanguage)\nlanguages:\n"
        for language in languages {
            yaml += "  - code: \(language.code)\n    name: \(YAMLText.quoted(language.name))\n    locale: \(language.locale)\n"
        }
        return yaml
    }

    /// The starter themes with the chosen languages' labels only.
    var themesYAML: String {
        let text = String(decoding: StarterSite.files["themes.yaml"] ?? Data(), as: UTF8.self)
        let codes = Set(languages.map(\.code))
        return text.split(separator: "\n", omittingEmptySubsequences: false).filter { line in
            // "  lt: …" is a label; keep those of the chosen languages, and every other line.
            guard line.hasPrefix("  "), let colon = line.firstIndex(of: ":") else { return true }
            return codes.contains(line.dropFirst(2)[..<colon].trimmingCharacters(in: .whitespaces))
        }.joined(separator: "\n")
    }

    /// The title of the language's starter home page.
    func starterTitle(_ code: String) -> String {
        let text = String(decoding: StarterSite.files["\(code)/index.md"] ?? Data(), as: UTF8.self)
        guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("title: ") }) else { return "Kartu" }
        return String(line.dropFirst("title: ".count)).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
    }

    /// What writing did to one file.
    public enum Outcome: Sendable, Equatable {
        case written
        /// There already (with `force`): left as it was.
        case kept
    }

    /// Writes the site into `folder` (made if missing). A folder with anything in it is refused unless
    /// `force`; no file is ever overwritten. Throws a usage problem (exit 2).
    public func write(to folder: URL, force: Bool) throws(Diagnostic) -> [(path: String, outcome: Outcome)] {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: folder.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw Diagnostic(.error, "'\(folder.path)' is a file", hint: "give the path of a new or empty folder")
            }
            let entries = ((try? fm.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
            if !entries.isEmpty && !force {
                let shown = entries.prefix(5).joined(separator: ", ") + (entries.count > 5 ? ", … (\(entries.count) in all)" : "")
                throw Diagnostic(.error, "folder '\(folder.path)' is not empty: \(shown)",
                                 hint: "choose a new or empty folder, or pass --force to add the starter files beside what is there (no file is overwritten)")
            }
        }
        return try files.map { (path, data) throws(Diagnostic) in
            (path, try NewFile.write(data, to: path, in: folder) ? .written : .kept)
        }
    }
}
