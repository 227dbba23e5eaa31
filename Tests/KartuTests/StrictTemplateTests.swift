import Foundation
import Testing
@testable import Kartu

/// Strict templates: a name no view model of the page can answer is an error at its line and
/// column, found when templates load, before any page renders.
@Suite("Strict templates")
struct StrictTemplateTests {
    func problems(_ files: [String: String], i18n: String? = nil) throws -> [String] {
        let site = try TestSite(TemplateSetTests.minimal.merging(files) { _, new in new })
        var diagnostics = Diagnostics()
        let keys = i18n.map { text in Set(text.split(separator: "\n").map { String($0.prefix { $0 != ":" }) }) }
        let set = TemplateSet.load(root: site.root, uiStringKeys: keys, diagnostics: &diagnostics)
        #expect((set == nil) == (diagnostics.errorCount > 0))
        // The names a hint lists grow with the view models: only its start is compared.
        return diagnostics.sorted.map(\.description).map { $0.components(separatedBy: "\n    hint: names here: ")[0] }
    }

    @Test("a misspelt name: error at its line and column, with the closest valid name")
    func misspelt() throws {
        let document = "<!doctype html>\n{{#document}}\n" + String(repeating: "<p>\n", count: 9) + "<h1>  {{titel}}</h1>\n{{/document}}\n"
        let found = try problems(["templates/document.mustache": document])
        #expect(found == [
            "templates/document.mustache:12:9: error: unknown name 'titel' (did you mean 'title'?)",
        ])
    }

    @Test("the hint lists the names that can be used there")
    func hintListsNames() throws {
        let site = try TestSite(TemplateSetTests.minimal.merging(["templates/home.mustache": "{{#site}}{{titel}}{{/site}}\n"]) { _, new in new })
        var diagnostics = Diagnostics()
        _ = TemplateSet.load(root: site.root, diagnostics: &diagnostics)
        let hint = try #require(diagnostics.sorted.first?.hint)
        #expect(hint.hasPrefix("names here: assetsURL, baseURL, collection, defaultLanguage, description, document"))
    }

    @Test("a name of another page type's context: unknown where it is used")
    func wrongContext() throws {
        // kindLabel is a card's: fine inside the section's list, unknown at the page level.
        let found = try problems(["templates/section.mustache": "{{#section}}{{#documents}}{{kindLabel}}{{/documents}}{{/section}}\n{{kindLabel}}\n"])
        #expect(found == [
            "templates/section.mustache:2:3: error: unknown name 'kindLabel'",
        ])
    }

    @Test("a dotted name: the field after the dot is checked in its own group")
    func dotted() throws {
        let found = try problems(["templates/home.mustache": "{{site.titel}} {{lang.code.x}}\n"])
        #expect(found == [
            "templates/home.mustache:1:3: error: 'site' has no field 'titel' (did you mean 'title'?)\n    hint: fields of 'site': assetsURL, baseURL, defaultLanguage, languages, rootURL, title",
            "templates/home.mustache:1:18: error: 'lang.code' is text: it has no field 'x'\n    hint: write {{lang.code}}",
        ])
    }

    @Test("a partial is checked where it is included, with that place's names")
    func partialInContext() throws {
        let problems = try problems([
            "templates/partials/card.mustache": "<a href=\"{{url}}\">{{title}}</a> {{kindLable}}\n",
            "templates/section.mustache": "{{#section}}{{#documents}}{{>partials/card}}{{/documents}}{{/section}}\n",
        ])
        #expect(problems == [
            "templates/partials/card.mustache:1:35: error: unknown name 'kindLable' (did you mean 'kindLabel'?)",
        ])
    }

    @Test("UI strings are checked against the keys of templates/i18n")
    func uiStrings() throws {
        let found = try problems(["templates/home.mustache": "{{t.field.themes}} {{t.feild.themes}}\n{{#t.field}}{{themes}}{{/t.field}}\n"],
                             i18n: "field.themes: Themes\nfield.levels: Levels")
        #expect(found == [
            "templates/home.mustache:1:22: error: unknown UI string 't.feild.themes' (did you mean 't.field.themes'?)\n    hint: add 'feild.themes' to templates/i18n/<language>.yaml, or use a key that is there",
        ])
    }

    @Test("transforms and list positions are checked too")
    func transforms() throws {
        let found = try problems(["templates/home.mustache": "{{^emtpy(sections)}}x{{/emtpy(sections)}}\n{{^last()}}, {{/last()}}\n{{#sections}}{{#url}}{{^last()}}, {{/last()}}{{/url}}{{^last()}};{{/last()}}{{/sections}}\n"])
        #expect(found == [
            "templates/home.mustache:1:4: error: unknown transform 'emtpy' (did you mean 'empty'?)\n    hint: transforms: capitalized, count, empty, equalzero, even, first, last, lowercased, minusone, odd, plusone, reversed, uppercased",
            "templates/home.mustache:2:4: error: 'last()' is outside a list here, so it is always missing\n    hint: use it directly inside {{#list}}…{{/list}}: a section, partial or block in between forgets the position",
            "templates/home.mustache:3:25: error: 'last()' is outside a list here, so it is always missing\n    hint: use it directly inside {{#list}}…{{/list}}: a section, partial or block in between forgets the position",
        ])
    }

    @Test("a list or group shown as text is an error: it would show nothing")
    func groupAsText() throws {
        let found = try problems(["templates/home.mustache": "{{sections}}\n"])
        #expect(found == [
            "templates/home.mustache:1:3: error: 'sections' is a list: {{sections}} shows nothing\n    hint: use {{#sections}}…{{/sections}} and show its fields inside",
        ])
    }

    @Test("the dot-anchored name inside a text section: always missing, so an error")
    func anchoredInText() throws {
        let found = try problems(["templates/document.mustache": "{{#document}}{{#authorList}}{{#.date}}x{{/.date}}{{/authorList}}{{/document}}\n"])
        #expect(found == [
            "templates/document.mustache:1:32: error: '.date' is looked up only in the enclosing section's own value, which has no fields, so it is always missing\n    hint: write {{date}} without the dot, to look it up in the contexts around",
        ])
    }

    @Test("a build stops before any page: exit 1, nothing written, the message names the template line")
    func buildStops() throws {
        let site = try TestSite.standard(repoTemplates: true)
        let text = try site.eject("document.mustache")
        try site.write("templates/document.mustache", text.replacingOccurrences(of: "{{>partials/doc-head}}", with: "{{kindLabl}}"))
        let report = try site.build(output: "out")
        #expect(report.exitStatus == 1)
        #expect(report.pagesWritten == 0)
        #expect(!FileManager.default.fileExists(atPath: site.url("out").path))
        #expect(report.printed.count >= 1)
        #expect(report.printed.allSatisfy { $0.hasPrefix("templates/document.mustache:") && $0.contains("error: unknown name 'kindLabl' (did you mean 'kindLabel'?)") })
    }

    @Test("the default theme and the bench theme are strict-clean")
    func shippedThemes() throws {
        for theme in ["default-theme", "bench/theme"] {
            let site = try TestSite(Fixture.content)
            try FileManager.default.copyItem(at: TestSite.repoRoot.appendingPathComponent(theme), to: site.url("templates"))
            var diagnostics = Diagnostics()
            let config = try #require(SiteConfig.load(text: Fixture.siteYAML, diagnostics: &diagnostics))
            let strings = UIStrings.load(root: site.root, config: config, diagnostics: &diagnostics)
            let keys = Set(strings.flat.values.flatMap(\.keys))
            _ = TemplateSet.load(root: site.root, uiStringKeys: keys.isEmpty ? nil : keys, diagnostics: &diagnostics)
            #expect(diagnostics.errorCount == 0, "\(theme): \(diagnostics.sorted)")
        }
    }
}
