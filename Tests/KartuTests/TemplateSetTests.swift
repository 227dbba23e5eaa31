import Foundation
import Testing
@testable import Kartu

@Suite("Templates")
struct TemplateSetTests {
    static let minimal: [String: String] = [
        "templates/document.mustache": "DOC {{title}}\n{{>partials/header}}\n",
        "templates/section.mustache": "SECTION\n",
        "templates/home.mustache": "HOME\n",
        "templates/index.mustache": "INDEX\n",
        "templates/partials/header.mustache": "HEADER\n",
        "templates/theme.mustache": "THEME\n",
        "templates/themes.mustache": "THEMES\n",
        "templates/facet.mustache": "FACET\n",
        "templates/facets.mustache": "FACETS\n",
        "templates/search.mustache": "SEARCH\n",
        "templates/404.mustache": "NOT FOUND\n",
    ]

    func load(_ files: [String: String], removing: [String] = []) throws -> (set: TemplateSet?, diagnostics: [String]) {
        let site = try TestSite(Self.minimal.merging(files) { _, new in new })
        for path in removing { try site.remove(path) }
        var diagnostics = Diagnostics()
        let set = TemplateSet.load(root: site.root, diagnostics: &diagnostics)
        return (set, diagnostics.sorted.map(\.description))
    }

    @Test("a complete set loads; per-kind templates are optional")
    func complete() throws {
        let (set, diagnostics) = try load(["templates/change-project.mustache": "CP\n"])
        #expect(diagnostics == [])
        let templates = try #require(set)
        #expect(templates.names == ["document", "section", "home", "index", "partials/header", "change-project", "theme", "themes", "facet", "facets", "search", "404"])
        #expect(templates.templateName(for: .changeProject) == "change-project")
        #expect(templates.templateName(for: .project) == "document")
        #expect(templates.templateName(for: .internshipReport) == "document")
    }

    @Test("templates under assets/ are not templates")
    func assetsIgnored() throws {
        let (set, diagnostics) = try load(["templates/assets/broken.mustache": "{{#a}}\n"])
        #expect(diagnostics == [])
        #expect(set?.names.contains("assets/broken") == false)
    }

    @Test("a syntax error is reported at the template's path and line")
    func syntaxError() throws {
        let (set, diagnostics) = try load(["templates/section.mustache": "SECTION {{title}}\n{{#section}}\n{{#documents}}ITEM\n{{/section}}\n"])
        #expect(set == nil)
        try #require(diagnostics.count == 1)
        #expect(diagnostics[0].hasPrefix("templates/section.mustache:4:"))
        #expect(diagnostics[0].contains(": error: template syntax error: {{/section}} does not close the open section {{#documents}} (line 3)\n    hint: close {{#documents}} with {{/documents}} first: sections close innermost first"))
    }

    @Test("a section that is never closed")
    func unclosedSection() throws {
        let (set, diagnostics) = try load(["templates/home.mustache": "HOME\n{{#items}}\nx\n"])
        #expect(set == nil)
        try #require(diagnostics.count == 1)
        #expect(diagnostics[0] == "templates/home.mustache:2:1: error: template syntax error: section {{#items}} is not closed\n    hint: close it with {{/items}}")
    }

    @Test("a missing partial is an error at the tag, with a suggestion when close")
    func missingPartial() throws {
        let (set, diagnostics) = try load(["templates/document.mustache": "DOC\n  {{> partials/heade}}\n{{>partials/nav}}\n"])
        #expect(set == nil)
        #expect(diagnostics == [
            "templates/document.mustache:2:3: error: partial 'partials/heade' not found\n    hint: did you mean 'partials/header'?",
            "templates/document.mustache:3:1: error: partial 'partials/nav' not found\n    hint: create templates/partials/nav.mustache",
        ])
    }

    @Test("a missing parent template is an error at the tag")
    func missingParent() throws {
        let (set, diagnostics) = try load(["templates/home.mustache": "{{<base}}\n{{$main}}HOME{{/main}}\n{{/base}}\n"])
        #expect(set == nil)
        #expect(diagnostics == ["templates/home.mustache:1:1: error: parent template 'base' not found\n    hint: create templates/base.mustache"])
    }

    @Test("each missing required template is an error")
    func missingRequired() throws {
        let (set, diagnostics) = try load([:], removing: ["templates/section.mustache", "templates/index.mustache"])
        #expect(set == nil)
        #expect(diagnostics == [
            "templates/index.mustache: error: required template 'index' not found\n    hint: create templates/index.mustache (see README for what it receives)",
            "templates/section.mustache: error: required template 'section' not found\n    hint: create templates/section.mustache (see README for what it receives)",
        ])
    }

    @Test("no templates folder, and no built-in theme under it (builtInTheme: false)")
    func noFolder() throws {
        let site = try TestSite([:])
        var diagnostics = Diagnostics()
        #expect(TemplateSet.load(root: site.root, diagnostics: &diagnostics) == nil)
        #expect(diagnostics.sorted.map(\.description) == [
            "templates: error: templates folder not found\n    hint: create templates/ with document.mustache, section.mustache, home.mustache, index.mustache, theme.mustache, themes.mustache, facet.mustache, facets.mustache, search.mustache, 404.mustache, or remove builtInTheme: false from content/site.yaml to build with the built-in theme",
        ])
    }

    @Test("every template problem is reported in one run")
    func everyProblem() throws {
        let (_, diagnostics) = try load([
            "templates/document.mustache": "{{>partials/nav}}\n",
            "templates/section.mustache": "{{#a}}\n{{/b}}\n",
        ], removing: ["templates/home.mustache"])
        #expect(diagnostics.map { String($0.prefix(while: { $0 != "\n" })) }.map { $0.replacingOccurrences(of: #":\d+: error"#, with: ": error", options: .regularExpression) } == [
            "templates/document.mustache:1: error: partial 'partials/nav' not found",
            "templates/home.mustache: error: required template 'home' not found",
            "templates/section.mustache:2: error: template syntax error: {{/b}} does not close the open section {{#a}} (line 1)",
        ])
    }

    @Test("partial references are found with their positions")
    func references() {
        let references = TemplateSet.partialReferences(in: "a {{> one}}\n  {{<two}}{{/two}} {{>  three  }}\n{{! > not}} {{name}}")
        #expect(references.map(\.name) == ["one", "two", "three"])
        #expect(references.map(\.isParent) == [false, true, false])
        #expect(references.map { "\($0.line):\($0.column)" } == ["1:3", "2:3", "2:20"])
    }
}
