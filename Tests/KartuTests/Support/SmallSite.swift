import Foundation
@testable import Kartu

/// Small purpose-built sites for the cross-linking tests: the three languages of the standard
/// site, a home text per language (so no language folder is missing), the tiny plain-text theme,
/// and only the documents a test lists, so counts and orders are fully under its control.
enum SmallSite {
    /// Four themes whose labels sort differently per language: in Lithuanian *Ypatingi poreikiai* and
    /// *Įtrauktis* sort among the i's (y and į are i letters there), in English *Special needs* is last.
    static let themesYAML = Fixture.themesYAML + """
        special-needs:
          lt: Ypatingi poreikiai
          en: Special needs
          pl: Specjalne potrzeby
        inclusion:
          lt: Įtrauktis
          en: Inclusion
          pl: Włączanie

        """

    static let homes: [String: String] = [
        "content/lt/index.md": Fixture.page(["title: Pradžia"]),
        "content/en/index.md": Fixture.page(["title: Home"]),
        "content/pl/index.md": Fixture.page(["title: Start"]),
    ]

    /// A document page: title, kind (project unless given), then the other front-matter lines.
    static func doc(_ title: String, _ fields: [String] = [], kind: String = "project", body: String = "Text.\n") -> String {
        Fixture.page(["title: \"\(title)\"", "kind: \(kind)"] + fields, body: body)
    }

    /// Complete UI strings (no fallback warnings) with facet, level and theme labels, per language.
    static let i18n: [String: String] = [
        "templates/i18n/lt.yaml": """
            welcome: "Sveiki"
            themes: "Temos"
            kind:
              project: "Projektas"
              change-project: "Pokyčio projektas"
              good-practice: "Geroji patirtis"
            section:
              change-projects: "Pokyčio projektai"
            facet:
              municipality: "Savivaldybės"
              country: "Šalys"
              project: "Projektai"
              kind: "Rūšys"
              level: "Lygmenys"
            level:
              school: "Mokykla"
              municipality: "Savivaldybė"
              national: "Nacionalinis"

            """,
        "templates/i18n/en.yaml": """
            welcome: "Welcome"
            themes: "Themes"
            kind:
              project: "Project"
              change-project: "Change project"
              good-practice: "Good practice"
            section:
              change-projects: "Change projects"
            facet:
              municipality: "Municipalities"
              country: "Countries"
              project: "Projects"
              kind: "Kinds"
              level: "Levels"
            level:
              school: "School"
              municipality: "Municipality"
              national: "National"

            """,
        "templates/i18n/pl.yaml": """
            welcome: "Witamy"
            themes: "Tematy"
            kind:
              project: "Projekt"
              change-project: "Projekt zmiany"
              good-practice: "Dobra praktyka"
            section:
              change-projects: "Projekty zmiany"
            facet:
              municipality: "Gminy"
              country: "Kraje"
              project: "Projekty"
              kind: "Rodzaje"
              level: "Poziomy"
            level:
              school: "Szkoła"
              municipality: "Gmina"
              national: "Krajowy"

            """,
    ]
}

extension TestSite {
    /// A small three-language site with the tiny theme and only `content` (paths under the root)
    /// besides site.yaml, themes.yaml and the three home texts.
    static func small(_ content: [String: String], themes: String = SmallSite.themesYAML,
                      i18n: Bool = false) throws -> TestSite {
        var files = Fixture.theme
        if i18n { files.merge(SmallSite.i18n) { _, new in new } }
        files["content/site.yaml"] = Fixture.siteYAML
        files["content/themes.yaml"] = themes
        files.merge(SmallSite.homes) { _, new in new }
        files.merge(content) { _, new in new }
        return try TestSite(files)
    }

    /// Lines of an output file that start with one of `prefixes`, in file order.
    func lines(_ path: String, prefixed prefixes: String...) -> [String] {
        lines(path).filter { line in prefixes.contains { line.hasPrefix($0) } }
    }

    /// The one line of an output file that starts with `prefix` (nil when there is none or several).
    func line(_ path: String, _ prefix: String) -> String? {
        let found = lines(path).filter { $0.hasPrefix(prefix) }
        return found.count == 1 ? found[0] : nil
    }
}
