@testable import Kartu

/// Small in-memory values for the unit tests.
enum Sample {
    static let config = SiteConfig(
        titles: ["lt": "Svetainė", "en": "Site", "pl": "Strona"], defaultLanguage: "lt",
        languages: [Language(code: "lt", name: "Lietuvių", locale: "lt-LT"),
                    Language(code: "en", name: "English", locale: "en-GB"),
                    Language(code: "pl", name: "Polski", locale: "pl-PL")],
        baseURL: nil, unsafeHTML: false)

    static let themes = ThemeCatalog(themes: [
        .init(id: "reflection", labels: ["lt": "Refleksija", "en": "Reflection", "pl": "Refleksja"]),
        .init(id: "collaboration", labels: ["lt": "Bendradarbiavimas", "en": "Collaboration", "pl": "Współpraca"]),
    ])
}
