import Testing
@testable import Kartu

/// A publication's own front-matter fields, in `content/lt/projects/x.md` (YAML line 1 is file line 2).
@Suite("Publications: front matter")
struct PublicationMetadataTests {
    func parse(_ yaml: String, requirement: DocumentMetadata.Requirement = .document) -> (metadata: DocumentMetadata?, diagnostics: [String]) {
        DocumentMetadataTests().parse(yaml, requirement: requirement)
    }

    @Test("every publication field is read and typed; chapters: entries keep their own line and column")
    func allFields() throws {
        let (metadata, diagnostics) = parse("""
            title: Kartu
            subtitle: "Gerosios patirties rinkinys"
            kind: publication
            editors: [Ona, Jonas]
            partners:
              - Kazlų Rūdos savivaldybė
              - Leeds City Council
            year: 2019
            isbn: 978-9955-00-000-0
            license: CC BY 4.0
            chapters:
              - ivadas
              - praktikos/kazlu-ruda.md
            """)
        #expect(diagnostics == [])
        let meta = try #require(metadata)
        #expect(meta.subtitle == "Gerosios patirties rinkinys")
        #expect(meta.editors == ["Ona", "Jonas"])
        #expect(meta.partners == ["Kazlų Rūdos savivaldybė", "Leeds City Council"])
        #expect(meta.year == 2019)
        #expect(meta.isbn == "978-9955-00-000-0")
        #expect(meta.license == "CC BY 4.0")
        #expect(meta.chapters == [
            .init(path: "ivadas", location: SourceLocation(file: DocumentMetadataTests.file, line: 13, column: 5)),
            .init(path: "praktikos/kazlu-ruda.md", location: SourceLocation(file: DocumentMetadataTests.file, line: 14, column: 5)),
        ])
        #expect(meta.locations["chapters"] == SourceLocation(file: DocumentMetadataTests.file, line: 13, column: 3))
        #expect(meta.locations["isbn"]?.line == 10)
    }

    @Test("one editor as text; a flow list of chapters; the fields may come before kind; no chapters: is nil")
    func shortForms() throws {
        let (metadata, diagnostics) = parse("editors: Ona\nchapters: [a, b/c]\ntitle: K\nkind: publication\n")
        #expect(diagnostics == [])
        #expect(metadata?.editors == ["Ona"])
        #expect(metadata?.chapters?.map(\.path) == ["a", "b/c"])
        #expect(metadata?.chapters?.map(\.location.column) == [12, 15])
        #expect(parse("title: K\nkind: publication\n").metadata?.chapters == nil)
    }

    @Test("wrong types are errors at the value")
    func wrongTypes() {
        let (_, diagnostics) = parse("""
            title: K
            kind: publication
            year: "twenty"
            partners: Leeds
            chapters: intro
            editors: {name: Ona}
            isbn: [1]
            """)
        #expect(diagnostics == [
            "content/lt/projects/x.md:4:7: error: 'year' must be a four-digit year, not 'twenty'\n    hint: write e.g. year: 2019",
            "content/lt/projects/x.md:5:11: error: 'partners' must be a list, not 'Leeds'\n    hint: write it as a list: partners: [Leeds]",
            "content/lt/projects/x.md:6:11: error: 'chapters' must be a list, not 'intro'\n    hint: write it as a list: chapters: [intro]",
            "content/lt/projects/x.md:7:10: error: 'editors' must be a list, not a mapping\n    hint: write it as a list: editors: [a, b]",
            "content/lt/projects/x.md:8:7: error: 'isbn' must be text, not a list\n    hint: write it on one line: isbn: \"…\"",
        ])
        #expect(parse("title: K\nkind: publication\nyear: 19\n").diagnostics == [
            "content/lt/projects/x.md:4:7: error: 'year' must be a four-digit year, not '19'\n    hint: write e.g. year: 2019",
        ])
        #expect(parse("title: K\nkind: publication\nchapters:\n  - a\n  - {b: c}\n").diagnostics == [
            "content/lt/projects/x.md:6:5: error: each entry of 'chapters' must be text, not a mapping",
        ])
    }

    @Test("a publication field elsewhere is ignored with a warning at its key; the hint depends on where it is")
    func elsewhere() {
        let chapter = parse("title: K\nisbn: 978\nkind: chapter\n")
        #expect(chapter.metadata?.isbn == nil)
        #expect(chapter.diagnostics == [
            "content/lt/projects/x.md:3:1: warning: 'isbn' applies only to a publication; it is ignored\n    hint: move it to the publication's index.md (kind: publication), or remove it",
        ])
        #expect(parse("title: Praktikos\nsubtitle: S\n", requirement: .listPage).diagnostics == [
            "content/lt/projects/x.md:3:1: warning: 'subtitle' applies only to a publication; it is ignored\n    hint: move it to the publication's index.md (kind: publication), or remove it",
        ])
        #expect(parse("title: K\nkind: project\nchapters: [a]\n").diagnostics == [
            "content/lt/projects/x.md:4:1: warning: 'chapters' applies only to a publication; it is ignored\n    hint: set kind: publication if this is a publication's index.md, or remove it",
        ])
        // A wrong kind is reported once, without a word on the fields it would have allowed.
        #expect(parse("title: K\nkind: publikation\nyear: 2019\n").diagnostics == [
            "content/lt/projects/x.md:3:7: error: unknown kind 'publikation'\n    hint: did you mean 'publication'?",
        ])
    }

    @Test("unknown keys: as before on a chapter; on a publication its own fields are suggested too")
    func unknownKeys() {
        let known = (DocumentMetadata.commonKeys + DocumentMetadata.kindKeys).joined(separator: ", ")
        #expect(parse("title: K\nkind: chapter\ncolour: blue\n").diagnostics == [
            "content/lt/projects/x.md:4:1: warning: unknown key 'colour'; it is ignored\n    hint: known keys: \(known)",
        ])
        #expect(parse("title: K\nkind: chapter\nauthor: Ona\n").diagnostics == [
            "content/lt/projects/x.md:4:1: warning: unknown key 'author'; it is ignored\n    hint: did you mean 'authors'?",
        ])
        #expect(parse("title: K\nkind: publication\nedtors: [Ona]\n").diagnostics == [
            "content/lt/projects/x.md:4:1: warning: unknown key 'edtors'; it is ignored\n    hint: did you mean 'editors'?",
        ])
    }
}
