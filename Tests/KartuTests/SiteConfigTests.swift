import Testing
@testable import Kartu

@Suite("content/site.yaml")
struct SiteConfigTests {
    func load(_ text: String?) -> (config: SiteConfig?, diagnostics: [String]) {
        var diagnostics = Diagnostics()
        let config = SiteConfig.load(text: text, diagnostics: &diagnostics)
        return (config, diagnostics.sorted.map(\.description))
    }

    static let languages = """
        languages:
          - code: lt
            name: Lietuvių
            locale: lt-LT
          - code: en
            name: English
            locale: en-GB
        """

    @Test("an error at the end of a file without a final line break is on its last line, not the line after")
    func errorAtEndWithoutLineBreak() {
        // libyaml counts a line after the last; found by the site-yaml fuzz target.
        let (config, diagnostics) = load("title: {lt: Svetainė}\ndefaultLanguage: lt\nlanguages: [{code: lt")
        #expect(config == nil)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.hasPrefix("content/site.yaml:3:") == true, "\(diagnostics)")
    }

    @Test("reads titles, default language, languages, baseURL")
    func valid() throws {
        let (config, diagnostics) = load("""
            title:
              lt: "Svetainė"
              en: "Site"
            defaultLanguage: en
            \(Self.languages)
            baseURL: https://example.org/guide/
            """)
        #expect(diagnostics == [])
        let site = try #require(config)
        #expect(site.titles == ["lt": "Svetainė", "en": "Site"])
        #expect(site.defaultLanguage == "en")
        #expect(site.languages.map(\.code) == ["lt", "en"])
        #expect(site.languages.map(\.name) == ["Lietuvių", "English"])
        #expect(site.languages.map(\.locale) == ["lt-LT", "en-GB"])
        #expect(site.baseURL == "https://example.org/guide/")
        #expect(site.unsafeHTML == false)
        #expect(site.title(in: "lt") == "Svetainė")
        #expect(site.language("en")?.locale == "en-GB")
        #expect(site.language("pl") == nil)
    }

    @Test("unsafeHTML: true is read")
    func unsafeHTML() throws {
        let (config, diagnostics) = load("title: Site\ndefaultLanguage: lt\n\(Self.languages)\nunsafeHTML: true\n")
        #expect(diagnostics == [])
        #expect(config?.unsafeHTML == true)
    }

    @Test("unsafeHTML: false is read")
    func unsafeHTMLFalse() throws {
        let (config, diagnostics) = load("title: Site\ndefaultLanguage: lt\n\(Self.languages)\nunsafeHTML: false\n")
        #expect(diagnostics == [])
        #expect(config?.unsafeHTML == false)
    }

    @Test("unsafeHTML that is not a boolean is an error at its value")
    func unsafeHTMLWrongType() {
        let (_, diagnostics) = load("title: Site\ndefaultLanguage: lt\nunsafeHTML: sometimes\n\(Self.languages)\n")
        #expect(diagnostics == [
            "content/site.yaml:3:13: error: 'unsafeHTML' must be true or false, not 'sometimes'\n    hint: write unsafeHTML: true or unsafeHTML: false",
        ])
    }

    @Test("paginate: documents per list page, 30 when not given, 0 for one page")
    func paginate() throws {
        #expect(load("title: Site\ndefaultLanguage: lt\n\(Self.languages)\n").config?.paginate == 30)
        for value in [0, 1, 12] {
            let (config, diagnostics) = load("title: Site\ndefaultLanguage: lt\n\(Self.languages)\npaginate: \(value)\n")
            #expect(diagnostics == [])
            #expect(config?.paginate == value)
        }
    }

    @Test("a plain title applies to every language")
    func plainTitle() throws {
        let (config, diagnostics) = load("title: Kartu\ndefaultLanguage: lt\n\(Self.languages)\n")
        #expect(diagnostics == [])
        #expect(config?.titles == ["lt": "Kartu", "en": "Kartu"])
    }

    @Test("without defaultLanguage the first language is used, with a warning")
    func noDefaultLanguage() throws {
        let (config, diagnostics) = load("title: Kartu\n\(Self.languages)\n")
        #expect(config?.defaultLanguage == "lt")
        #expect(diagnostics == [
            "content/site.yaml:1:1: warning: site configuration has no 'defaultLanguage'; using 'lt'\n    hint: add defaultLanguage: lt",
        ])
    }

    @Test("a missing file is an error at the file")
    func missingFile() {
        let (config, diagnostics) = load(nil)
        #expect(config == nil)
        #expect(diagnostics == [
            "content/site.yaml: error: site configuration not found\n    hint: create content/site.yaml with title, defaultLanguage and languages (see README)",
        ])
    }

    @Test("an empty file is an error")
    func emptyFile() {
        let (config, diagnostics) = load("")
        #expect(config == nil)
        #expect(diagnostics == [
            "content/site.yaml:1:1: error: site configuration is empty\n    hint: add title, defaultLanguage and languages (see README)",
        ])
    }

    @Test("a YAML syntax error is reported at its line and column")
    func syntaxError() {
        let (config, diagnostics) = load("title: Site\ndefaultLanguage: lt: en\n\(Self.languages)\n")
        #expect(config == nil)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.hasPrefix("content/site.yaml:2:20: error: the value of 'defaultLanguage' contains ': ' and must be in quotes\n    hint: ") == true)
    }

    @Test("a default language that is not listed is an error at its value, with a suggestion")
    func unknownDefaultLanguage() {
        let (config, diagnostics) = load("title: Site\ndefaultLanguage: lit\n\(Self.languages)\n")
        #expect(config == nil)
        #expect(diagnostics == [
            "content/site.yaml:2:18: error: defaultLanguage 'lit' is not one of the languages\n    hint: did you mean 'lt'?",
        ])
    }

    @Test("an unknown key is a warning at the key, with a suggestion")
    func unknownKey() throws {
        let (config, diagnostics) = load("title: Site\ndefaultLanguage: lt\nbaseUrl: https://example.org/\n\(Self.languages)\n")
        #expect(config != nil)
        #expect(diagnostics == [
            "content/site.yaml:3:1: warning: unknown key 'baseUrl' in site configuration\n    hint: did you mean 'baseURL'?",
        ])
    }

    @Test("a baseURL without scheme is an error at its value")
    func relativeBaseURL() throws {
        let (config, diagnostics) = load("title: Site\ndefaultLanguage: lt\n\(Self.languages)\nbaseURL: example.org/guide\n")
        #expect(config?.baseURL == nil)
        #expect(diagnostics == [
            "content/site.yaml:10:10: error: baseURL 'example.org/guide' is not an absolute URL\n    hint: write it with its scheme, e.g. https://example.org/, or as a path, e.g. /guide/",
        ])
    }

    @Test("no languages at all")
    func noLanguages() {
        let (config, diagnostics) = load("title: Site\ndefaultLanguage: lt\n")
        #expect(config == nil)
        #expect(diagnostics == [
            "content/site.yaml:1:1: error: site configuration has no 'languages'\n    hint: add languages:\n        - code: lt\n          name: Lietuvių\n          locale: lt-LT",
        ])
    }

    @Test("languages must be a list")
    func languagesNotAList() {
        let (config, diagnostics) = load("title: Site\nlanguages: lt\n")
        #expect(config == nil)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.hasPrefix("content/site.yaml:2:12: error: 'languages' must be a list, not 'lt'\n    hint: ") == true)
    }

    @Test("bad and repeated language entries are each reported at their entry")
    func badLanguageEntries() {
        let (_, diagnostics) = load("""
            title: Site
            defaultLanguage: lt
            languages:
              - code: lt
              - code: LT
              - code: lt
              - name: Nameless
            """)
        #expect(diagnostics == [
            "content/site.yaml:5:5: error: language code 'LT' is not a lowercase language code\n    hint: use a code like lt, en or pt-br; it becomes the folder name under content/",
            "content/site.yaml:6:5: error: language 'lt' is listed twice\n    hint: remove one of the entries",
            "content/site.yaml:7:5: error: language entry has no 'code'\n    hint: add code: lt",
        ])
    }

    @Test("a title without the default language is an error at the title")
    func titleWithoutDefaultLanguage() {
        let (_, diagnostics) = load("title:\n  en: Site\ndefaultLanguage: lt\n\(Self.languages)\n")
        #expect(diagnostics == [
            "content/site.yaml:2:3: error: site title has no text for the default language 'lt'\n    hint: add lt: \"…\" under title",
        ])
    }

    @Test("every problem is reported, not only the first")
    func everyProblem() {
        let (_, diagnostics) = load("""
            title: Site
            defaultLanguage: lt
            colour: blue
            baseURL: nowhere
            \(Self.languages)
            """)
        #expect(diagnostics.count == 2)
        #expect(diagnostics[0].hasPrefix("content/site.yaml:3:1: warning: unknown key 'colour' in site configuration"))
        #expect(diagnostics[1].hasPrefix("content/site.yaml:4:10: error: baseURL 'nowhere' is not an absolute URL"))
    }

    @Test("language codes", arguments: [("lt", true), ("pt-br", true), ("zh-hant", true), ("ast", true), ("LT", false),
                                        ("l", false), ("english", false), ("pt_br", false), ("pt-", false), ("", false)])
    func languageCodes(_ code: String, _ valid: Bool) {
        #expect(SiteConfig.isLanguageCode(code) == valid)
    }
}
