import Testing
@testable import Kartu

@Suite("UI strings (templates/i18n)")
struct UIStringsTests {
    func load(_ files: [String: String]) throws -> (strings: UIStrings, diagnostics: [String]) {
        let site = try TestSite(files)
        var diagnostics = Diagnostics()
        let strings = UIStrings.load(root: site.root, config: Sample.config, diagnostics: &diagnostics)
        return (strings, diagnostics.sorted.map(\.description))
    }

    @Test("one warning per language listing its missing keys; the default language's text fills in")
    func fallback() throws {
        let (strings, diagnostics) = try load([
            "templates/i18n/lt.yaml": "welcome: Sveiki\nfield:\n  date: Data\n  country: Šalis\nempty: Nėra\n",
            "templates/i18n/en.yaml": "welcome: Welcome\n",
            "templates/i18n/pl.yaml": "welcome: Witamy\nfield:\n  date: Data\n  country: Kraj\n",
        ])
        #expect(diagnostics == [
            "templates/i18n/en.yaml:1:1: warning: UI strings for 'en' miss 3 key(s): empty, field.country, field.date\n    hint: translate them in templates/i18n/en.yaml; the lt text is used meanwhile",
            "templates/i18n/pl.yaml:1:1: warning: UI strings for 'pl' miss 1 key(s): empty\n    hint: translate them in templates/i18n/pl.yaml; the lt text is used meanwhile",
        ])
        #expect(strings.lookup("welcome", in: "en") == "Welcome")
        #expect(strings.lookup("field.date", in: "en") == "Data")
        #expect(strings.lookup("field.country", in: "pl") == "Kraj")
        #expect(strings.lookup("empty", in: "pl") == "Nėra")
        #expect(strings.tree("en").groups["field"]?.texts["country"] == "Šalis")
    }

    @Test("complete translations give no warning")
    func complete() throws {
        let (strings, diagnostics) = try load([
            "templates/i18n/lt.yaml": "kind:\n  project: Projektas\n",
            "templates/i18n/en.yaml": "kind:\n  project: Project\n",
            "templates/i18n/pl.yaml": "kind:\n  project: Projekt\n  extra: Dodatkowy\n",
        ])
        #expect(diagnostics == [])
        #expect(strings.lookup("kind.project", in: "pl") == "Projekt")
    }

    @Test("a language without a file gets every key from the default language, with one warning")
    func missingFile() throws {
        let (strings, diagnostics) = try load([
            "templates/i18n/lt.yaml": "a: A\nb: B\n",
            "templates/i18n/en.yaml": "a: A\nb: B\n",
        ])
        #expect(diagnostics == [
            "templates/i18n/pl.yaml:1:1: warning: UI strings for 'pl' miss 2 key(s): a, b\n    hint: translate them in templates/i18n/pl.yaml; the lt text is used meanwhile",
        ])
        #expect(strings.lookup("b", in: "pl") == "B")
    }

    @Test("more than ten missing keys are summarised in the one warning")
    func manyMissing() throws {
        let keys = (1...12).map { String(format: "k%02d", $0) }
        let (_, diagnostics) = try load([
            "templates/i18n/lt.yaml": keys.map { "\($0): x\n" }.joined(),
            "templates/i18n/en.yaml": keys.map { "\($0): x\n" }.joined(),
            "templates/i18n/pl.yaml": "k01: x\n",
        ])
        #expect(diagnostics == [
            "templates/i18n/pl.yaml:1:1: warning: UI strings for 'pl' miss 11 key(s): k02, k03, k04, k05, k06, k07, k08, k09, k10, k11, … (11 in all)\n    hint: translate them in templates/i18n/pl.yaml; the lt text is used meanwhile",
        ])
    }

    @Test("a YAML error in a strings file is reported at its place")
    func syntaxError() throws {
        let (_, diagnostics) = try load([
            "templates/i18n/lt.yaml": "a: A\n",
            "templates/i18n/en.yaml": "a: A: B\n",
            "templates/i18n/pl.yaml": "a: A\n",
        ])
        #expect(diagnostics.contains { $0.hasPrefix("templates/i18n/en.yaml:1:5: error: the value of 'a' contains ': ' and must be in quotes") })
    }
}
