import Testing
@testable import Kartu

@Suite("content/themes.yaml")
struct ThemeCatalogTests {
    func load(_ text: String?) -> (catalog: ThemeCatalog, diagnostics: [String]) {
        var diagnostics = Diagnostics()
        let catalog = ThemeCatalog.load(text: text, config: Sample.config, diagnostics: &diagnostics)
        return (catalog, diagnostics.sorted.map(\.description))
    }

    @Test("themes in file order with a label per language")
    func valid() {
        let (catalog, diagnostics) = load(Fixture.themesYAML)
        #expect(diagnostics == [])
        #expect(catalog.ids == ["reflection", "collaboration"])
        #expect(catalog.theme("reflection")?.labels["pl"] == "Refleksja")
        #expect(catalog.label("collaboration", in: "en", defaultLanguage: "lt") == "Collaboration")
        #expect(catalog.theme("leadership") == nil)
        #expect(catalog.label("leadership", in: "en", defaultLanguage: "lt") == "leadership")
    }

    @Test("an empty document '---' without a final line break is reported on line 1, the file's only line")
    func emptyDocumentWithoutLineBreak() {
        // libyaml placed the empty value on line 2; found by the site-yaml fuzz target.
        let (_, diagnostics) = load("---\t\t")
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.hasPrefix("content/themes.yaml:1:6: error: 'themes.yaml' must be a mapping") == true, "\(diagnostics)")
    }

    @Test("a missing label is a warning at the theme and falls back to the default language")
    func missingLabel() {
        let (catalog, diagnostics) = load("reflection:\n  lt: Refleksija\n  en: Reflection\n")
        #expect(diagnostics == [
            "content/themes.yaml:1:1: warning: theme 'reflection' has no label for pl\n    hint: add pl: \"…\" under reflection (the lt label is used meanwhile)",
        ])
        #expect(catalog.label("reflection", in: "pl", defaultLanguage: "lt") == "Refleksija")
    }

    @Test("a theme id that is not kebab-case is an error with a slug suggestion", arguments: [
        ("Reflection", "reflection"), ("Tėvų įtraukimas", "tevu-itraukimas"), ("data_driven", "data-driven"),
    ])
    func badID(_ id: String, _ suggestion: String) {
        let (catalog, diagnostics) = load("\(id):\n  lt: A\n  en: B\n  pl: C\n")
        #expect(catalog.ids == [])
        #expect(diagnostics == [
            "content/themes.yaml:1:1: error: theme id '\(id)' is not ASCII kebab-case\n    hint: use lowercase letters, digits and hyphens, e.g. '\(suggestion)'",
        ])
    }

    @Test("a label for a language the site does not have is a warning at that key")
    func foreignLabel() {
        let (_, diagnostics) = load("reflection:\n  lt: Refleksija\n  en: Reflection\n  pl: Refleksja\n  pol: Refleksja\n")
        #expect(diagnostics == [
            "content/themes.yaml:5:3: warning: theme 'reflection' has a label for 'pol', which is not a site language\n    hint: did you mean 'pl'?",
        ])
    }

    @Test("a theme whose value is not a mapping is an error at the value")
    func notAMapping() {
        let (catalog, diagnostics) = load("reflection: Refleksija\n")
        #expect(catalog.ids == [])
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.hasPrefix("content/themes.yaml:1:13: error: 'reflection' must be a mapping, not 'Refleksija'") == true)
    }

    @Test("no file means no themes and no problem")
    func noFile() {
        let (catalog, diagnostics) = load(nil)
        #expect(catalog.ids == [])
        #expect(diagnostics == [])
    }

    @Test("kebab-case ids", arguments: [("reflection", true), ("data-driven-management", true), ("level2", true),
                                        ("-x", false), ("x-", false), ("a--b", false), ("", false), ("Ab", false), ("ą", false)])
    func kebab(_ id: String, _ valid: Bool) {
        #expect(ThemeCatalog.isThemeID(id) == valid)
    }
}
