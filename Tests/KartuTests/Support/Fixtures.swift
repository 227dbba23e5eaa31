/// Files of the small sites the end-to-end tests build: a three-language site (lt, en, pl) and a
/// tiny theme whose output is plain lines, so tests can assert on exact text.
enum Fixture {
    static let siteYAML = """
        title:
          lt: "Bandomoji svetainė"
          en: "Test site"
          pl: "Strona testowa"
        defaultLanguage: lt
        languages:
          - code: lt
            name: "Lietuvių"
            locale: lt-LT
          - code: en
            name: "English"
            locale: en-GB
          - code: pl
            name: "Polski"
            locale: pl-PL

        """

    static let themesYAML = """
        reflection:
          lt: Refleksija
          en: Reflection
          pl: Refleksja
        collaboration:
          lt: Bendradarbiavimas
          en: Collaboration
          pl: Współpraca

        """

    /// A tiny PNG (the 8-byte signature and an IHDR chunk are enough for a byte-for-byte copy check).
    static let photo: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
                                 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4, 0x89, 0xFF, 0x00]

    /// A page in a section, with the given front matter lines and body.
    static func page(_ fields: [String], body: String = "Text.\n") -> String {
        "---\n" + fields.map { $0 + "\n" }.joined() + "---\n" + body
    }

    /// The content of the standard three-language site.
    static let content: [String: String] = [
        "content/site.yaml": siteYAML,
        "content/themes.yaml": themesYAML,

        // Lithuanian
        "content/lt/index.md": page(["title: Pradžia"], body: "Sveiki atvykę į **bandomąją** svetainę.\n"),
        "content/lt/projects/_index.md": page(["title: Projektai"], body: "Visi projektai.\n"),
        // Line numbers matter: the body starts on line 10.
        "content/lt/projects/ignalina.md": """
            ---
            title: Ignalina
            kind: project
            date: 2019-01-31
            themes: [reflection]
            translationKey: ignalina
            summary: "Ignalinos projektas"
            municipality: Ignalina
            ---
            Ignalinos aprašymas.

            ## Istorija

            Žr. [Jonava](jonava.md), [Utena](/lt/projects/utena/index.md),
            [aplankas](utena/), [nuotrauka](utena/photo.png),
            [Kazlų Rūda](../change-projects/Kazlų%20Rūda.md#tikslai), [sąrašas](_index.md),
            [English](/en/projects/ignalina-en.md) ir [išorinė](https://example.org/x).

            """,
        "content/lt/projects/ylakiai.md": page(["title: Ylakiai", "kind: project", "date: 2019-01-31"]),
        "content/lt/projects/jonava.md": page(["title: Jonava", "kind: project", "date: 2019-01-31"], body: "## Istorija\n\nJonavos istorija.\n"),
        "content/lt/projects/skuodas.md": page(["title: Skuodas", "kind: project", "date: 2018-05-01"]),
        "content/lt/projects/siauliai.md": page(["title: Šiauliai", "kind: project", "date: 2018-05-01"]),
        "content/lt/projects/taurage.md": page(["title: Tauragė", "kind: project", "date: 2018-05-01"]),
        "content/lt/projects/naujausias.md": page(["title: Naujausias", "kind: project", "date: 2020-03-01"]),
        "content/lt/projects/utena/index.md": page(["title: Utena", "kind: project", "date: 2017-06-01"],
                                                  body: "![Nuotrauka](photo.png)\n"),
        "content/lt/change-projects/Kazlų Rūda.md": page(
            ["title: Kazlų Rūdos pokyčio projektas", "kind: change-project", "municipality: Kazlų Rūda",
             "themes: [collaboration, reflection]", "date: 2019-01-31"],
            body: "Įvadas.\n\n## Tikslai\n\nTikslų sąrašas.\n"),

        // English
        "content/en/index.md": page(["title: Home"], body: "Welcome to the *test* site.\n"),
        "content/en/projects/ignalina-en.md": page(["title: Ignalina", "kind: project", "date: 2019-01-31", "themes: [reflection]",
                                                    "translationKey: ignalina"]),
        "content/en/projects/jonava.md": page(["title: Jonava", "kind: project"]),
        "content/en/projects/Straße.md": page(["title: Street", "kind: page"]),
        "content/en/projects/utena/index.md": page(["title: Utena visit", "kind: project", "slug: utena-visit"],
                                                  body: "![Photo](photo.png)\n"),

        // Polish
        "content/pl/index.md": page(["title: Strona główna"], body: "Witamy.\n"),
        "content/pl/projects/miasto.md": page(["title: Miasto", "kind: project", "date: 2019-01-31", "slug: Łódź"]),
    ]

    /// Binary files of the standard site (bundle resources).
    static let binaries: [String: [UInt8]] = [
        "content/lt/projects/utena/photo.png": photo,
        "content/en/projects/utena/photo.png": photo,
    ]

    /// A small theme whose pages are plain lines that tests can match exactly.
    static let theme: [String: String] = [
        "templates/document.mustache": """
            DOCUMENT {{lang.code}} | {{title}}
            {{>partials/languages}}
            {{#document}}
            kind: {{kindLabel}}
            date: {{date}}
            themes: {{#themes}}{{title}};{{/themes}}
            translations: {{#translations}}{{code}}={{url}};{{/translations}}
            theme-links: {{#themes}}{{id}}={{url}};{{/themes}}
            facet-links: {{municipalityURL}} | {{countryURL}} | {{projectURL}} | {{kindURL}} | {{#levels}}{{title}}={{url}};{{/levels}}
            related: {{#related}}{{language}}:{{title}}{{#isOtherLanguage}}*{{/isOtherLanguage}};{{/related}}
            backlinks: {{#backlinks}}{{language}}:{{title}};{{/backlinks}}
            BODY
            {{{content}}}
            {{/document}}
            END

            """,
        "templates/change-project.mustache": """
            CHANGE-PROJECT {{lang.code}} | {{title}}
            {{>partials/languages}}
            {{#document}}
            municipality: {{municipality}}
            themes: {{#themes}}{{title}};{{/themes}}
            related: {{#related}}{{language}}:{{title}}{{#isOtherLanguage}}*{{/isOtherLanguage}};{{/related}}
            backlinks: {{#backlinks}}{{language}}:{{title}};{{/backlinks}}
            BODY
            {{{content}}}
            {{/document}}
            END

            """,
        "templates/section.mustache": """
            SECTION {{lang.code}} | {{section.title}}
            {{>partials/languages}}
            {{#section}}
            {{{content}}}
            {{#documents}}
            ITEM {{title}} | {{url}} | {{date}}
            {{/documents}}
            {{/section}}
            END

            """,
        "templates/home.mustache": """
            HOME {{lang.code}} | {{home.title}} | {{t.welcome}}
            {{>partials/languages}}
            {{#home}}
            {{{content}}}
            {{/home}}
            {{#homeSections}}
            SECTION-LINK {{title}} | {{url}} | {{count}}
            {{/homeSections}}
            END

            """,
        "templates/index.mustache": """
            <!DOCTYPE html>
            <html lang="{{site.defaultLanguage}}">
            <title>{{site.title}}</title>
            {{#site.languages}}
            <a href="{{url}}" hreflang="{{code}}" lang="{{code}}">{{name}}</a>
            {{/site.languages}}
            </html>

            """,
        "templates/theme.mustache": """
            THEME {{lang.code}} | {{title}}
            {{>partials/languages}}
            {{#collection}}
            {{{content}}}
            {{#documents}}
            ITEM {{title}} | {{url}}{{#isOtherLanguage}} | other{{/isOtherLanguage}}
            {{/documents}}
            {{#otherLanguages}}
            OTHER {{language}} {{languageName}} | {{title}} | {{url}}{{#isOtherLanguage}} | other{{/isOtherLanguage}}
            {{/otherLanguages}}
            {{/collection}}
            END

            """,
        "templates/facet.mustache": """
            FACET {{lang.code}} | {{collection.facet}} | {{title}}
            {{>partials/languages}}
            {{#collection}}
            LABEL {{facetLabel}} | {{facetURL}} | {{id}} | {{url}}
            {{#documents}}
            ITEM {{title}} | {{url}}{{#isOtherLanguage}} | other{{/isOtherLanguage}}
            {{/documents}}
            {{#otherLanguages}}
            OTHER {{language}} {{languageName}} | {{title}} | {{url}}{{#isOtherLanguage}} | other{{/isOtherLanguage}}
            {{/otherLanguages}}
            {{/collection}}
            END

            """,
        "templates/themes.mustache": """
            THEMES {{lang.code}}
            {{>partials/languages}}
            {{#index.entries}}
            ENTRY {{id}} | {{title}} | {{url}} | {{count}} | {{total}}
            {{/index.entries}}
            END

            """,
        "templates/facets.mustache": """
            FACETS {{lang.code}} | {{index.facet}}
            {{>partials/languages}}
            {{#index.entries}}
            ENTRY {{id}} | {{title}} | {{url}} | {{count}} | {{total}}
            {{/index.entries}}
            END

            """,
        "templates/search.mustache": """
            SEARCH {{lang.code}} | {{lang.searchIndexURL}}
            END

            """,
        "templates/404.mustache": """
            NOT-FOUND
            {{#notFound}}
            {{code}} | {{url}}
            {{/notFound}}
            END

            """,
        // A publication's print edition: its sections in order, with their ids and texts.
        "templates/print.mustache": """
            PRINT {{lang.code}} | {{title}}
            {{>partials/languages}}
            {{#print}}
            {{#.foreword}}
            SECTION {{id}} | {{title}}
            {{{content}}}
            {{/.foreword}}
            {{#sections}}
            SECTION {{id}} | {{title}}
            {{{content}}}
            {{/sections}}
            {{/print}}
            END

            """,
        "templates/partials/languages.mustache": """
            {{#languages}}
            LANG {{code}} {{url}}{{#isTranslation}} translation{{/isTranslation}}{{#isCurrent}} current{{/isCurrent}}
            {{/languages}}

            """,
        "templates/assets/style.css": "body { color: #222; }\n",
        "templates/assets/img/logo.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n",
        "templates/i18n/lt.yaml": """
            welcome: "Sveiki"
            kind:
              project: "Projektas"
              change-project: "Pokyčio projektas"
            section:
              change-projects: "Pokyčio projektai"

            """,
        "templates/i18n/en.yaml": """
            welcome: "Welcome"
            kind:
              project: "Project"
              change-project: "Change project"
            section:
              change-projects: "Change projects"

            """,
        "templates/i18n/pl.yaml": """
            welcome: "Witamy"
            kind:
              project: "Projekt"
              change-project: "Projekt zmiany"
            section:
              change-projects: "Projekty zmiany"

            """,
    ]

    /// The standard site with the small theme.
    static var standard: [String: String] { content.merging(theme) { _, new in new } }

    /// The standard site's output files (relative to site/), drafts excluded.
    /// Documents, sections, homes, then the generated theme and facet pages (facet pages exist in every
    /// language: they gather documents across languages).
    static let standardOutput = [
        ".kartu-output",
        "404.html",
        "assets/img/logo.svg",
        "assets/style.css",
        "en/change-projects/kazlu-ruda/index.html",
        "en/country/index.html",
        "en/index.html",
        "en/kind/change-project/index.html",
        "en/kind/index.html",
        "en/kind/page/index.html",
        "en/kind/project/index.html",
        "en/level/index.html",
        "en/municipality/ignalina/index.html",
        "en/municipality/index.html",
        "en/municipality/kazlu-ruda/index.html",
        "en/project/index.html",
        "en/projects/ignalina-en/index.html",
        "en/projects/index.html",
        "en/projects/jonava/index.html",
        "en/projects/lodz/index.html",
        "en/projects/naujausias/index.html",
        "en/projects/siauliai/index.html",
        "en/projects/skuodas/index.html",
        "en/projects/strasse/index.html",
        "en/projects/taurage/index.html",
        "en/projects/utena-visit/index.html",
        "en/projects/utena-visit/photo.png",
        "en/projects/ylakiai/index.html",
        "en/search/c-0.json",
        "en/search/d-0-0.json",
        "en/search/d-1-0.json",
        "en/search/d-2-0.json",
        "en/search/index.html",
        "en/search/meta.json",
        "en/search/t-ig.json",
        "en/search/t-jo.json",
        "en/search/t-re.json",
        "en/search/t-st.json",
        "en/search/t-te.json",
        "en/search/t-ut.json",
        "en/search/t-vi.json",
        "en/themes/collaboration/index.html",
        "en/themes/index.html",
        "en/themes/reflection/index.html",
        "index.html",
        "lt/change-projects/index.html",
        "lt/change-projects/kazlu-ruda/index.html",
        "lt/country/index.html",
        "lt/index.html",
        "lt/kind/change-project/index.html",
        "lt/kind/index.html",
        "lt/kind/page/index.html",
        "lt/kind/project/index.html",
        "lt/level/index.html",
        "lt/municipality/ignalina/index.html",
        "lt/municipality/index.html",
        "lt/municipality/kazlu-ruda/index.html",
        "lt/project/index.html",
        "lt/projects/ignalina/index.html",
        "lt/projects/index.html",
        "lt/projects/jonava/index.html",
        "lt/projects/lodz/index.html",
        "lt/projects/naujausias/index.html",
        "lt/projects/siauliai/index.html",
        "lt/projects/skuodas/index.html",
        "lt/projects/strasse/index.html",
        "lt/projects/taurage/index.html",
        "lt/projects/utena/index.html",
        "lt/projects/utena/photo.png",
        "lt/projects/ylakiai/index.html",
        "lt/search/c-0.json",
        "lt/search/d-0-0.json",
        "lt/search/d-1-0.json",
        "lt/search/d-2-0.json",
        "lt/search/d-3-0.json",
        "lt/search/d-4-0.json",
        "lt/search/d-5-0.json",
        "lt/search/d-6-0.json",
        "lt/search/d-7-0.json",
        "lt/search/index.html",
        "lt/search/meta.json",
        "lt/search/t-ap.json",
        "lt/search/t-be.json",
        "lt/search/t-en.json",
        "lt/search/t-ig.json",
        "lt/search/t-ir.json",
        "lt/search/t-is.json",
        "lt/search/t-iv.json",
        "lt/search/t-jo.json",
        "lt/search/t-ka.json",
        "lt/search/t-na.json",
        "lt/search/t-nu.json",
        "lt/search/t-po.json",
        "lt/search/t-pr.json",
        "lt/search/t-re.json",
        "lt/search/t-ru.json",
        "lt/search/t-sa.json",
        "lt/search/t-si.json",
        "lt/search/t-sk.json",
        "lt/search/t-ta.json",
        "lt/search/t-te.json",
        "lt/search/t-ti.json",
        "lt/search/t-ut.json",
        "lt/search/t-yl.json",
        "lt/search/t-zr.json",
        "lt/themes/collaboration/index.html",
        "lt/themes/index.html",
        "lt/themes/reflection/index.html",
        "pl/change-projects/kazlu-ruda/index.html",
        "pl/country/index.html",
        "pl/index.html",
        "pl/kind/change-project/index.html",
        "pl/kind/index.html",
        "pl/kind/page/index.html",
        "pl/kind/project/index.html",
        "pl/level/index.html",
        "pl/municipality/ignalina/index.html",
        "pl/municipality/index.html",
        "pl/municipality/kazlu-ruda/index.html",
        "pl/project/index.html",
        "pl/projects/ignalina/index.html",
        "pl/projects/index.html",
        "pl/projects/jonava/index.html",
        "pl/projects/lodz/index.html",
        "pl/projects/naujausias/index.html",
        "pl/projects/siauliai/index.html",
        "pl/projects/skuodas/index.html",
        "pl/projects/strasse/index.html",
        "pl/projects/taurage/index.html",
        "pl/projects/utena/index.html",
        "pl/projects/ylakiai/index.html",
        "pl/search/c-0.json",
        "pl/search/d-0-0.json",
        "pl/search/index.html",
        "pl/search/meta.json",
        "pl/search/t-mi.json",
        "pl/search/t-te.json",
        "pl/themes/collaboration/index.html",
        "pl/themes/index.html",
        "pl/themes/reflection/index.html",
    ]
}

extension TestSite {
    /// The standard three-language site with the small theme (or the repository's theme).
    static func standard(repoTemplates: Bool = false, extra: [String: String] = [:]) throws -> TestSite {
        let files = repoTemplates ? Fixture.content : Fixture.standard
        let site = try TestSite(files.merging(extra) { _, new in new }, repoTemplates: repoTemplates)
        for (path, bytes) in Fixture.binaries { try site.write(path, data: Data(bytes)) }
        return site
    }
}

import Foundation
