import Testing
@testable import Kartu

/// Front matter of `content/lt/projects/x.md`: the YAML starts on line 2 of the file, so a key on
/// YAML line 1 is reported at line 2.
@Suite("Front-matter fields")
struct DocumentMetadataTests {
    static let file = "content/lt/projects/x.md"

    func parse(_ yaml: String, requirement: DocumentMetadata.Requirement = .document)
        -> (metadata: DocumentMetadata?, diagnostics: [String])
    {
        var diagnostics = Diagnostics()
        var source = YAMLSource(file: Self.file, lineOffset: 1)
        let node = source.parse(yaml, diagnostics: &diagnostics)
        // As the content loader does: a document whose YAML does not parse is not checked further.
        if diagnostics.hasErrors { return (nil, diagnostics.sorted.map(\.description)) }
        let metadata = DocumentMetadata.parse(node, source: source, requirement: requirement, themes: Sample.themes,
                                              diagnostics: &diagnostics)
        return (metadata, diagnostics.sorted.map(\.description))
    }

    @Test("every field is read and typed")
    func allFields() throws {
        let (metadata, diagnostics) = parse("""
            title: "Kazlų Rūdos projektas"
            kind: change-project
            date: 2019-01-31
            themes: [reflection, collaboration, reflection]
            municipality: Kazlų Rūda
            country: lt
            project: "Lyderių laikas 3"
            levels: [municipality, school]
            authors: ["Ona", "Jonas"]
            summary: "Trumpai."
            translationKey: kazlu-ruda
            slug: "Kazlų Rūda"
            """)
        #expect(diagnostics == [])
        let meta = try #require(metadata)
        #expect(meta.title == "Kazlų Rūdos projektas")
        #expect(meta.kind == .changeProject)
        #expect(meta.date == DayDate(iso: "2019-01-31"))
        #expect(meta.themes == ["reflection", "collaboration"])
        #expect(meta.municipality == "Kazlų Rūda")
        #expect(meta.country == "LT")
        #expect(meta.project == "Lyderių laikas 3")
        #expect(meta.levels == [.municipality, .school])
        #expect(meta.authors == ["Ona", "Jonas"])
        #expect(meta.summary == "Trumpai.")
        #expect(meta.translationKey == "kazlu-ruda")
        #expect(meta.slug == "kazlu-ruda")
        #expect(meta.draft == false)
        #expect(meta.weight == nil)
    }

    @Test("draft: true is read")
    func draftTrue() throws {
        let (metadata, diagnostics) = parse("title: A\nkind: page\ndraft: true\n")
        #expect(diagnostics == [])
        #expect(metadata?.draft == true)
    }

    @Test("weight: 3 is read")
    func weight() throws {
        let (metadata, diagnostics) = parse("title: A\nkind: page\nweight: 3\n")
        #expect(diagnostics == [])
        #expect(metadata?.weight == 3)
    }

    @Test("draft and weight of the wrong type are errors at their values")
    func draftAndWeightWrongType() {
        let (_, diagnostics) = parse("title: A\nkind: page\ndraft: maybe\nweight: heavy\n")
        #expect(diagnostics == [
            "content/lt/projects/x.md:4:8: error: 'draft' must be true or false, not 'maybe'\n    hint: write draft: true or draft: false",
            "content/lt/projects/x.md:5:9: error: 'weight' must be a whole number, not 'heavy'\n    hint: write e.g. weight: 10",
        ])
    }

    @Test("a single author may be written as text")
    func singleAuthor() {
        #expect(parse("title: A\nkind: page\nauthors: Ona\n").metadata?.authors == ["Ona"])
    }

    // MARK: Required fields

    @Test("title is required")
    func titleRequired() {
        let (metadata, diagnostics) = parse("kind: page\n")
        #expect(metadata == nil)
        #expect(diagnostics == ["content/lt/projects/x.md:1:1: error: missing required field 'title'\n    hint: add title: \"…\" to the front matter"])
    }

    @Test("an empty quoted title is reported, not silently dropped")
    func emptyQuotedTitle() {
        let (metadata, diagnostics) = parse("title: \"\"\nkind: page\n")
        #expect(metadata == nil)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.hasPrefix("content/lt/projects/x.md:2:") == true)
        #expect(diagnostics.first?.contains(": error: ") == true)
    }

    @Test("an empty title value is an error at the value")
    func emptyTitle() {
        let (metadata, diagnostics) = parse("title:\nkind: page\n")
        #expect(metadata == nil)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.hasPrefix("content/lt/projects/x.md:2:") == true)
        #expect(diagnostics.first?.hasSuffix(": error: 'title' is empty\n    hint: give 'title' a value or remove the line") == true)
    }

    @Test("kind is required for documents but not for _index.md and index.md")
    func kindRequired() {
        let (metadata, diagnostics) = parse("title: A\n")
        #expect(metadata == nil)
        #expect(diagnostics == [
            "content/lt/projects/x.md:1:1: error: missing required field 'kind'\n    hint: add kind: … (one of change-project, collaboration-model, internship-report, good-practice, project, publication, chapter, page)",
        ])
        let list = parse("title: Projektai\n", requirement: .listPage)
        #expect(list.diagnostics == [])
        #expect(list.metadata?.title == "Projektai")
    }

    @Test("a change-project needs municipality and themes, reported at its kind")
    func changeProjectRequirements() {
        let (_, diagnostics) = parse("title: A\nkind: change-project\n")
        #expect(diagnostics == [
            "content/lt/projects/x.md:3:7: error: a change-project needs 'municipality'\n    hint: add municipality: \"…\"",
            "content/lt/projects/x.md:3:7: error: a change-project needs 'themes'\n    hint: add themes: [collaboration]",
        ])
    }

    @Test("a collaboration-model needs municipality and decision (number, date)")
    func collaborationModel() throws {
        let missing = parse("title: A\nkind: collaboration-model\n").diagnostics
        #expect(missing == [
            "content/lt/projects/x.md:3:7: error: a collaboration-model needs 'decision'\n    hint: add decision: {number: \"…\", date: YYYY-MM-DD}",
            "content/lt/projects/x.md:3:7: error: a collaboration-model needs 'municipality'\n    hint: add municipality: \"…\"",
        ])
        let partial = parse("title: A\nkind: collaboration-model\nmunicipality: Alytus\ndecision:\n  number: \"T-123\"\n").diagnostics
        #expect(partial == ["content/lt/projects/x.md:6:3: error: 'decision' needs 'date'\n    hint: add date: … under decision"])
        let (metadata, diagnostics) = parse("""
            title: A
            kind: collaboration-model
            municipality: Alytus
            decision:
              number: "T-123"
              date: 2019-01-31
            """)
        #expect(diagnostics == [])
        let decision = try #require(metadata?.decision)
        #expect(decision.number == "T-123")
        #expect(decision.date == DayDate(iso: "2019-01-31"))
    }

    @Test("a decision whose number is unknown: only its date, and the draft put to the council as what it is")
    func decisionDraft() throws {
        let (metadata, diagnostics) = parse("""
            title: A
            kind: collaboration-model
            municipality: Alytus
            source: "Alytus city municipality, document search"
            decision:
              date: 2019-01-31
              draft:
                number: "TŽ-477"
                date: 2018-12-31
            """)
        #expect(diagnostics == [])
        let decision = try #require(metadata?.decision)
        #expect(decision.number == nil)
        #expect(decision.draft == .init(number: "TŽ-477", date: DayDate(iso: "2018-12-31")!))
        #expect(metadata?.source == "Alytus city municipality, document search")
        let halfDraft = parse("title: A\nkind: collaboration-model\nmunicipality: Alytus\ndecision:\n  date: 2019-01-31\n  draft:\n    number: \"TŽ-477\"\n    nr: 2\n").diagnostics
        #expect(halfDraft == [
            "content/lt/projects/x.md:8:5: error: 'decision.draft' needs 'date'\n    hint: add date: … under decision.draft",
            "content/lt/projects/x.md:9:5: warning: unknown key 'nr' in 'decision.draft'; it is ignored\n    hint: known keys: number, date",
        ])
    }

    @Test("an internship-report needs host (place, country) and period (start, end)")
    func internshipReport() throws {
        let missing = parse("title: A\nkind: internship-report\n").diagnostics
        #expect(missing.count == 2)
        #expect(missing.first?.hasPrefix("content/lt/projects/x.md:3:7: error: ") == true)
        #expect(missing.first?.hasSuffix(" internship-report needs 'host'\n    hint: add host: {place: \"…\", country: GB}") == true)
        #expect(missing.last?.hasPrefix("content/lt/projects/x.md:3:7: error: ") == true)
        #expect(missing.last?.hasSuffix(" internship-report needs 'period'\n    hint: add period: {start: YYYY-MM-DD, end: YYYY-MM-DD}") == true)
        let parts = parse("title: A\nkind: internship-report\nhost: {place: Leeds}\nperiod: {end: 2017-02-03}\n").diagnostics
        #expect(parts == [
            "content/lt/projects/x.md:4:7: error: 'host' needs 'country'\n    hint: add country: … under host",
            "content/lt/projects/x.md:5:9: error: 'period' needs 'start'\n    hint: add start: … under period",
        ])
        let (metadata, diagnostics) = parse("""
            title: A
            kind: internship-report
            host:
              place: Leeds
              country: gb
            period:
              start: 2017-01-29
              end: 2017-02-03
            """)
        #expect(diagnostics == [])
        let meta = try #require(metadata)
        #expect(meta.host == DocumentMetadata.Host(place: "Leeds", country: "GB"))
        #expect(meta.period?.start == DayDate(iso: "2017-01-29"))
        #expect(meta.period?.end == DayDate(iso: "2017-02-03"))
    }

    @Test("the message about a missing field uses the right article: 'an internship-report'")
    func article() {
        let missing = parse("title: A\nkind: internship-report\nperiod: {start: 2017-01-29, end: 2017-02-03}\n").diagnostics
        #expect(missing == ["content/lt/projects/x.md:3:7: error: an internship-report needs 'host'\n    hint: add host: {place: \"…\", country: GB}"])
    }

    @Test("a period that ends before it starts")
    func periodBackwards() {
        let (_, diagnostics) = parse("title: A\nkind: internship-report\nhost: {place: Leeds, country: GB}\nperiod:\n  start: 2017-02-03\n  end: 2017-01-29\n")
        #expect(diagnostics == ["content/lt/projects/x.md:6:3: error: period ends (2017-01-29) before it starts (2017-02-03)\n    hint: swap start and end"])
    }

    @Test("a kind that needs nothing more")
    func plainKinds() {
        for kind in ["good-practice", "project", "publication", "chapter", "page"] {
            let (metadata, diagnostics) = parse("title: A\nkind: \(kind)\n")
            #expect(diagnostics == [], "kind \(kind)")
            #expect(metadata?.kind.rawValue == kind)
        }
    }

    // MARK: Wrong values

    @Test("themes written as text instead of a list")
    func themesNotAList() {
        let (_, diagnostics) = parse("title: A\nkind: project\nthemes: reflection\n")
        #expect(diagnostics == ["content/lt/projects/x.md:4:9: error: 'themes' must be a list, not 'reflection'\n    hint: write it as a list: themes: [reflection]"])
    }

    @Test("an unknown theme is an error at the entry, with a suggestion")
    func unknownTheme() {
        let (_, diagnostics) = parse("title: A\nkind: project\nthemes:\n  - collaboration\n  - refelction\n")
        #expect(diagnostics == ["content/lt/projects/x.md:6:5: error: unknown theme 'refelction'\n    hint: did you mean 'reflection'?"])
        let far = parse("title: A\nkind: project\nthemes: [geography]\n").diagnostics
        #expect(far == ["content/lt/projects/x.md:4:10: error: unknown theme 'geography'\n    hint: add 'geography' to content/themes.yaml or use one of: reflection, collaboration"])
    }

    @Test("invalid dates, rewritten as YYYY-MM-DD in the hint when the form tells the day", arguments: [
        ("2019-02-30", "write the date as YYYY-MM-DD, e.g. 2019-01-31"),
        ("31.01.2019", "did you mean 2019-01-31? Dates are written YYYY-MM-DD"),
        ("2019-1-5", "did you mean 2019-01-05? Dates are written YYYY-MM-DD"),
    ])
    func invalidDate(_ text: String, _ hint: String) {
        let (_, diagnostics) = parse("title: A\nkind: project\ndate: \(text)\n")
        #expect(diagnostics == ["content/lt/projects/x.md:4:7: error: invalid date '\(text)' in 'date'\n    hint: \(hint)"])
    }

    @Test("a date that is not text")
    func dateList() {
        let (_, diagnostics) = parse("title: A\nkind: project\ndate: [2019]\n")
        #expect(diagnostics == ["content/lt/projects/x.md:4:7: error: 'date' must be a date (YYYY-MM-DD), not a list\n    hint: write it as date: 2019-01-31"])
    }

    @Test("an unknown kind is an error with a suggestion, and the document is dropped")
    func unknownKind() {
        let (metadata, diagnostics) = parse("title: A\nkind: change-projet\n")
        #expect(metadata == nil)
        #expect(diagnostics == ["content/lt/projects/x.md:3:7: error: unknown kind 'change-projet'\n    hint: did you mean 'change-project'?"])
        let far = parse("title: A\nkind: blog\n").diagnostics
        #expect(far == ["content/lt/projects/x.md:3:7: error: unknown kind 'blog'\n    hint: use one of: change-project, collaboration-model, internship-report, good-practice, project, publication, chapter, page"])
    }

    @Test("an unknown key is a warning naming it at its line and column")
    func unknownKey() throws {
        let (metadata, diagnostics) = parse("title: A\nkind: project\nmunicipalty: Utena\n  # comment\ncolour: blue\n")
        #expect(metadata != nil)
        #expect(diagnostics == [
            "content/lt/projects/x.md:4:1: warning: unknown key 'municipalty'; it is ignored\n    hint: did you mean 'municipality'?",
            "content/lt/projects/x.md:6:1: warning: unknown key 'colour'; it is ignored\n    hint: known keys: title, kind, date, themes, municipality, country, project, levels, authors, summary, source, translationKey, slug, draft, weight, original, decision, host, period",
        ])
    }

    @Test("an unknown key inside decision names its parent")
    func unknownNestedKey() {
        let (_, diagnostics) = parse("title: A\nkind: collaboration-model\nmunicipality: Alytus\ndecision:\n  number: \"1\"\n  date: 2019-01-31\n  numbr: \"2\"\n")
        #expect(diagnostics == ["content/lt/projects/x.md:8:3: warning: unknown key 'numbr' in 'decision'; it is ignored\n    hint: did you mean 'number'?"])
    }

    @Test("country must be a two-letter code; a name gets its code as hint")
    func country() {
        let (_, diagnostics) = parse("title: A\nkind: project\ncountry: Lithuania\n")
        #expect(diagnostics == ["content/lt/projects/x.md:4:10: error: country 'Lithuania' is not a two-letter ISO 3166-1 code\n    hint: did you mean 'LT' (Lithuania)?"])
        let unknown = parse("title: A\nkind: project\ncountry: Atlantis\n").diagnostics
        #expect(unknown == ["content/lt/projects/x.md:4:10: error: country 'Atlantis' is not a two-letter ISO 3166-1 code\n    hint: write e.g. country: LT"])
    }

    @Test("an unknown level is an error with a suggestion")
    func unknownLevel() {
        let (_, diagnostics) = parse("title: A\nkind: project\nlevels: [school, teachr]\n")
        #expect(diagnostics == ["content/lt/projects/x.md:4:18: error: unknown level 'teachr'\n    hint: did you mean 'teacher'?"])
    }

    @Test("slugs are transliterated; a slug with a path is an error")
    func slugs() {
        #expect(parse("title: A\nkind: page\nslug: Łódź\n").metadata?.slug == "lodz")
        #expect(parse("title: A\nkind: page\nslug: Straße\n").metadata?.slug == "strasse")
        let (_, diagnostics) = parse("title: A\nkind: page\nslug: a/b\n")
        #expect(diagnostics == ["content/lt/projects/x.md:4:7: error: slug 'a/b' must be a single path segment\n    hint: remove '/', '\\' and '..': a slug names the page's own folder, e.g. slug: a-b"])
        let empty = parse("title: A\nkind: page\nslug: \"!!!\"\n").diagnostics
        #expect(empty == ["content/lt/projects/x.md:4:7: error: slug '!!!' has no letters or digits\n    hint: use letters, digits and hyphens, e.g. slug: my-page"])
    }

    @Test("front matter that is empty or not a mapping")
    func notAMapping() {
        let (metadata, diagnostics) = parse("")
        #expect(metadata == nil)
        #expect(diagnostics == ["content/lt/projects/x.md:1:1: error: front matter is empty\n    hint: add at least title: … and kind: … between the '---' lines"])
        let list = parse("- title\n- kind\n").diagnostics
        #expect(list == ["content/lt/projects/x.md:2:1: error: front matter must be a mapping of 'key: value' lines, not a list\n    hint: write title: …, kind: … each on its own line"])
    }

    @Test("every problem of one front matter is reported")
    func everyProblem() {
        let (_, diagnostics) = parse("""
            title: A
            kind: change-project
            themes: reflection
            date: 2019-13-01
            country: Lietuva
            authr: Ona
            """)
        #expect(diagnostics.map { String($0.prefix(while: { $0 != "\n" })) } == [
            "content/lt/projects/x.md:3:7: error: a change-project needs 'municipality'",
            "content/lt/projects/x.md:4:9: error: 'themes' must be a list, not 'reflection'",
            "content/lt/projects/x.md:5:7: error: invalid date '2019-13-01' in 'date'",
            "content/lt/projects/x.md:6:10: error: country 'Lietuva' is not a two-letter ISO 3166-1 code",
            "content/lt/projects/x.md:7:1: warning: unknown key 'authr'; it is ignored",
        ])
    }

    @Test("a YAML syntax error in front matter is reported at its line in the .md file")
    func yamlSyntaxError() {
        let (metadata, diagnostics) = parse("kind: project\ntitle: Vilnius: miestas\n")
        #expect(metadata == nil)
        #expect(diagnostics == ["content/lt/projects/x.md:3:15: error: the value of 'title' contains ': ' and must be in quotes\n    hint: write title: \"Vilnius: miestas\""])
    }

    @Test("a duplicated key is reported at its second line, naming the first")
    func duplicateKey() {
        let (_, diagnostics) = parse("title: A\nkind: page\ntitle: B\n")
        #expect(diagnostics == ["content/lt/projects/x.md:4:1: error: duplicate key 'title': it is already set on line 2\n    hint: remove this line or line 2, whichever is wrong"])
    }
}
