import Foundation
import Testing
@testable import Kartu

/// YAML mistakes reported where the editor must edit, not where libyaml noticed them: each case
/// builds a tiny site and asserts the exact printed report (line, column, message, hint) and the
/// exit status. Negative controls show that valid YAML is never blamed.
@Suite("YAML mistakes")
struct YAMLMistakeTests {
    static let page = "content/lt/projects/riga.md"

    private func expect(_ report: BuildReport, _ expected: [String], exit: Int32,
                        sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(report.printed == expected, sourceLocation: sourceLocation)
        #expect(report.exitStatus == exit, sourceLocation: sourceLocation)
    }

    /// The standard site with one more page whose front matter is `fields`, one per line from line 2.
    private func build(_ fields: [String]) throws -> BuildReport {
        try TestSite.standard(extra: [Self.page: Fixture.page(fields)]).build()
    }

    // MARK: Syntax

    @Test("an unclosed quote: at the opening quote, though libyaml stops at the end of the front matter")
    func unclosedQuote() throws {
        expect(try build(["title: \"Rīga", "kind: project", "date: 2019-01-31"]), [
            "\(Self.page):2:8: error: this quoted value is not closed\n    hint: end the value with \" on the same line: title: \"Rīga\"",
        ], exit: 1)
    }

    @Test("an unclosed quote that the next quoted value seems to close: at the first quote")
    func unclosedQuoteClosedLater() throws {
        expect(try build(["title: 'Rīga", "kind: project", "summary: 'Apie Rygą'"]), [
            "\(Self.page):2:8: error: this quoted value is not closed\n    hint: end the value with ' on the same line: title: 'Rīga'",
        ], exit: 1)
    }

    @Test("a duplicate key: at the second occurrence, naming the line of the first")
    func duplicateKey() throws {
        expect(try build(["title: Rīga", "kind: project", "date: 2019-01-31", "title: Ryga"]), [
            "\(Self.page):5:1: error: duplicate key 'title': it is already set on line 2\n    hint: remove this line or line 2, whichever is wrong",
        ], exit: 1)
    }

    @Test("a duplicate key inside a mapping: at its own column, not the mapping's")
    func duplicateNestedKey() throws {
        expect(try build(["title: Leeds", "kind: internship-report", "host:", "  place: Leeds", "  place: York", "  country: GB",
                          "period: {start: 2017-01-29, end: 2017-02-03}"]), [
            "\(Self.page):6:3: error: duplicate key 'place': it is already set on line 5\n    hint: remove this line or line 5, whichever is wrong",
        ], exit: 1)
    }

    @Test("a tab that indents a line: at the tab", arguments: [
        (["title: Rīga", "\tkind: project"], 3),
        (["title: Leeds", "kind: internship-report", "host:", "\tplace: Leeds", "\tcountry: GB"], 5),
    ])
    func tab(_ fields: [String], line: Int) throws {
        expect(try build(fields), [
            "\(Self.page):\(line):1: error: a tab indents this line\n    hint: YAML indents with spaces: replace the tab with spaces",
        ], exit: 1)
    }

    @Test("a key without ':': at that key's line, not the next one where libyaml stops")
    func missingColon() throws {
        expect(try build(["title Rīga", "kind: project"]), [
            "\(Self.page):2:6: error: missing ':' after 'title'\n    hint: write title: Rīga",
        ], exit: 1)
    }

    @Test("a key without ':' after a plain value: the hint also offers the continued value")
    func missingColonAfterValue() throws {
        expect(try build(["title: Rīga", "kind project", "date: 2019-01-31"]), [
            "\(Self.page):3:5: error: missing ':' after 'kind'\n    hint: write kind: project, or indent the line if it continues the value of 'title'",
        ], exit: 1)
    }

    @Test("a ':' without the space after it")
    func missingSpace() throws {
        expect(try build(["title:Rīga", "kind: project"]), [
            "\(Self.page):2:7: error: missing space after ':'\n    hint: write title: Rīga",
        ], exit: 1)
    }

    @Test("a value with ': ' inside: at that ':', the hint quotes the value (without its comment, in quotes it lacks)", arguments: [
        ("summary: Projektas: pradžia # pastaba", 19, "summary", "summary: \"Projektas: pradžia\""),
        ("title: Filmas \"Kartu\": premjera", 22, "title", "title: 'Filmas \"Kartu\": premjera'"),
    ])
    func valueWithColon(_ line: String, column: Int, key: String, fixed: String) throws {
        let fields = key == "title" ? [line, "kind: project"] : ["title: Rīga", "kind: project", line]
        expect(try build(fields), [
            "\(Self.page):\(key == "title" ? 2 : 4):\(column): error: the value of '\(key)' contains ': ' and must be in quotes\n    hint: write \(fixed)",
        ], exit: 1)
    }

    @Test("columns count characters, also a letter saved as two code points (libyaml counts code points)")
    func decomposedLetter() throws {
        let decomposed = "Z\u{30C}algiris"
        #expect(decomposed.unicodeScalars.count == 9)
        expect(try build(["title: Rīga", "kind: project", "summary: \(decomposed): pergalė"]), [
            "\(Self.page):4:18: error: the value of 'summary' contains ': ' and must be in quotes\n    hint: write summary: \"\(decomposed): pergalė\"",
        ], exit: 1)
    }

    @Test("a key indented under a value: at the key")
    func indentedKey() throws {
        expect(try build(["title: Rīga", "  kind: project"]), [
            "\(Self.page):3:3: error: 'kind' is indented more than 'title' above it\n    hint: start 'kind' in the same column as 'title'",
        ], exit: 1)
    }

    @Test("quotes inside a quoted value, or meant as text: the hint puts the value in the other quotes")
    func quotesInsideQuotes() throws {
        expect(try build(["title: \"Filmas \"Kartu\"\"", "kind: project"]), [
            "\(Self.page):2:16: error: a quote inside the value ends it early\n    hint: write title: 'Filmas \"Kartu\"'",
        ], exit: 1)
        expect(try build(["title: \"Kartu\" projektas", "kind: project"]), [
            "\(Self.page):2:8: error: text after the closing quote\n    hint: to keep the quotes as text, put the whole value in quotes: title: '\"Kartu\" projektas'",
        ], exit: 1)
    }

    @Test("a list without ']': at the '[', not the next line")
    func unclosedList() throws {
        expect(try build(["title: Rīga", "kind: project", "themes: [reflection", "date: 2019-01-31"]), [
            "\(Self.page):4:9: error: this list is not closed\n    hint: end it with ] on the same line: themes: [reflection]",
        ], exit: 1)
    }

    @Test("what is not classified keeps libyaml's place and the generic hint")
    func unclassified() throws {
        expect(try build(["title: Rīga", "kind: project", "levels:", "  - school", " - teacher"]), [
            "\(Self.page):6:2: error: YAML syntax error: did not find expected key (while parsing a block mapping at line 2)\n    hint: \(BadInputCatalogueTests.hintYAML)",
        ], exit: 1)
    }

    // MARK: Negative controls

    @Test("valid YAML is never blamed: comments, quoted ': ', multi-line quotes, lists and text, tabs inside values")
    func validYAML() throws {
        let site = try TestSite.standard(extra: [Self.page: Fixture.page([
            "title: \"Rīga:",
            "  sostinė\"",
            "kind: project  # a comment: with a colon",
            "date: 2019-01-31",
            "summary: |",
            "  Eilutė: su dvitaškiu",
            "  \tir tabas \"be pabaigos",
            "municipality: 'Kazlų Rūda: centras'",
            "project:\tErasmus+\tKartu",
            "authors: [Ona,",
            "  \"Jonas: vyresnysis\"]",
            "levels:",
            "  - school  # mokykla",
        ])])
        expect(try site.build(), [], exit: 0)
        #expect(site.read("site/lt/projects/riga/index.html")?.hasPrefix("DOCUMENT lt | Rīga: sostinė\n") == true)
    }

    @Test("a valid multi-line quoted value before a later mistake: the mistake is reported, not the quote")
    func laterMistakeAfterValidQuote() throws {
        expect(try build(["title: \"Rīga", "  sostinė\"", "kind: project", "date 2019-01-31"]), [
            "\(Self.page):5:5: error: missing ':' after 'date'\n    hint: write date: 2019-01-31, or indent the line if it continues the value of 'kind'",
        ], exit: 1)
    }

    // MARK: Values

    @Test("a date in another common form: the hint rewrites it as YYYY-MM-DD when the form tells the day", arguments: [
        ("01.02.2018", "did you mean 2018-02-01? Dates are written YYYY-MM-DD"),
        ("2018.02.01", "did you mean 2018-02-01? Dates are written YYYY-MM-DD"),
        ("2018/2/1", "did you mean 2018-02-01? Dates are written YYYY-MM-DD"),
        ("13/2/2018", "did you mean 2018-02-13? Dates are written YYYY-MM-DD"),
        ("2/13/2018", "did you mean 2018-02-13? Dates are written YYYY-MM-DD"),
        ("1/1/2018", "did you mean 2018-01-01? Dates are written YYYY-MM-DD"),
        ("1/2/2018", "'1/2/2018' is 2018-02-01 with the day first or 2018-01-02 with the month first: write the one you mean as YYYY-MM-DD"),
        ("31.02.2018", "write the date as YYYY-MM-DD, e.g. 2019-01-31"),
        ("1.2.18", "write the date as YYYY-MM-DD, e.g. 2019-01-31"),
    ])
    func dateForms(_ date: String, hint: String) throws {
        expect(try build(["title: Rīga", "kind: project", "date: \(date)"]), [
            "\(Self.page):4:7: error: invalid date '\(date)' in 'date'\n    hint: \(hint)",
        ], exit: 1)
    }

    @Test("a date in another form inside a mapping: at the value")
    func nestedDateForm() throws {
        expect(try build(["title: Leeds", "kind: internship-report", "host: {place: Leeds, country: GB}",
                          "period:", "  start: 29.01.2017", "  end: 2017-02-03"]), [
            "\(Self.page):6:10: error: invalid date '29.01.2017' in 'period.start'\n    hint: did you mean 2017-01-29? Dates are written YYYY-MM-DD",
        ], exit: 1)
    }

    @Test("a country name instead of its code, in English or the country's own language, or misspelt", arguments: [
        ("Latvia", "LV", "Latvia"), ("Latvija", "LV", "Latvia"), ("Lietuva", "LT", "Lithuania"), ("Lithuana", "LT", "Lithuania"),
        ("Eesti", "EE", "Estonia"), ("Polska", "PL", "Poland"), ("Great Britain", "GB", "United Kingdom"),
        ("england", "GB", "United Kingdom"), ("Deutschland", "DE", "Germany"),
    ])
    func countryName(_ name: String, code: String, english: String) throws {
        expect(try build(["title: Rīga", "kind: project", "country: \(name)"]), [
            "\(Self.page):4:10: error: country '\(name)' is not a two-letter ISO 3166-1 code\n    hint: did you mean '\(code)' (\(english))?",
        ], exit: 1)
    }

    @Test("UK looks like a code and is none: GB is meant")
    func countryUK() throws {
        expect(try build(["title: Rīga", "kind: project", "country: UK"]), [
            "\(Self.page):4:10: error: country 'UK' is not an ISO 3166-1 code\n    hint: did you mean 'GB' (United Kingdom)?",
        ], exit: 1)
    }

    @Test("host.country is checked like country")
    func hostCountry() throws {
        expect(try build(["title: Leeds", "kind: internship-report", "host:", "  place: Leeds", "  country: England",
                          "period: {start: 2017-01-29, end: 2017-02-03}"]), [
            "\(Self.page):6:12: error: country 'England' is not a two-letter ISO 3166-1 code\n    hint: did you mean 'GB' (United Kingdom)?",
        ], exit: 1)
    }

    @Test("a plural, another case or a spelling without the hyphen of a level", arguments: [
        ("schools", "school"), ("Teachers", "teacher"), ("municipalities", "municipality"),
    ])
    func levelSpelling(_ written: String, meant: String) throws {
        expect(try build(["title: Rīga", "kind: project", "levels: [\(written)]"]), [
            "\(Self.page):4:10: error: unknown level '\(written)'\n    hint: did you mean '\(meant)'?",
        ], exit: 1)
    }

    @Test("a plural or a spelling without the hyphen of a kind", arguments: [
        "changeproject", "change_project", "Change Project", "change-projects", "ChangeProjects",
    ])
    func kindSpelling(_ written: String) throws {
        expect(try build(["title: Rīga", "kind: \(written)"]), [
            "\(Self.page):3:7: error: unknown kind '\(written)'\n    hint: did you mean 'change-project'?",
        ], exit: 1)
    }

    // MARK: Other YAML files

    @Test("site.yaml: an unclosed quote, a tab, a duplicate key, each at its own line")
    func siteYAML() throws {
        let cases = [
            (Fixture.siteYAML.replacingOccurrences(of: "lt: \"Bandomoji svetainė\"", with: "lt: \"Bandomoji svetainė"),
             "content/site.yaml:2:7: error: this quoted value is not closed\n    hint: end the value with \" on the same line: lt: \"Bandomoji svetainė\""),
            (Fixture.siteYAML.replacingOccurrences(of: "    name: \"Lietuvių\"", with: "\t  name: \"Lietuvių\""),
             "content/site.yaml:8:1: error: a tab indents this line\n    hint: YAML indents with spaces: replace the tab with spaces"),
            (Fixture.siteYAML + "defaultLanguage: en\n",
             "content/site.yaml:16:1: error: duplicate key 'defaultLanguage': it is already set on line 5\n    hint: remove this line or line 5, whichever is wrong"),
        ]
        for (text, expected) in cases {
            let site = try TestSite.standard(extra: ["content/site.yaml": text])
            expect(try site.build(), [expected], exit: 1)
            #expect(!site.exists("site"))
        }
    }

    @Test("themes.yaml: a key without ':'")
    func themesYAML() throws {
        let site = try TestSite.small([:], themes: "reflection:\n  lt Refleksija\n  en: Reflection\n  pl: Refleksja\n")
        expect(try site.build(), [
            "content/themes.yaml:2:5: error: missing ':' after 'lt'\n    hint: write lt: Refleksija",
        ], exit: 1)
    }

    @Test("UI strings: an unclosed quote")
    func uiStrings() throws {
        let site = try TestSite.standard(extra: ["templates/i18n/en.yaml": "welcome: \"Welcome\nkind:\n  project: \"Project\"\n"])
        let report = try site.build()
        #expect(report.printed.contains("templates/i18n/en.yaml:1:10: error: this quoted value is not closed\n    hint: end the value with \" on the same line: welcome: \"Welcome\""))
        #expect(report.exitStatus == 1)
    }
}
