import Testing
@testable import Kartu

@Suite("Diagnostics")
struct DiagnosticTests {
    @Test("gcc-style text with an indented hint line")
    func description() {
        let located = Diagnostic.error("unknown theme 'refelction'", at: SourceLocation(file: "content/lt/x.md", line: 4, column: 9),
                                       hint: "did you mean 'reflection'?")
        #expect(located.description == "content/lt/x.md:4:9: error: unknown theme 'refelction'\n    hint: did you mean 'reflection'?")
        let warning = Diagnostic.warning("unknown key 'colour'; it is ignored", at: SourceLocation(file: "content/lt/x.md", line: 5, column: 1))
        #expect(warning.description == "content/lt/x.md:5:1: warning: unknown key 'colour'; it is ignored")
        #expect(Diagnostic(.error, "cannot write", hint: "check the disk").description == "error: cannot write\n    hint: check the disk")
        #expect(Diagnostic(.warning, "m", file: "a.md").description == "a.md: warning: m")
        #expect(Diagnostic(.warning, "m", file: "a.md", line: 3).description == "a.md:3: warning: m")
    }

    @Test("sorted by file, line, column; errors before warnings at one place; repeats removed")
    func sorting() {
        var diagnostics = Diagnostics()
        diagnostics.warning("w", at: SourceLocation(file: "b.md", line: 2, column: 1))
        diagnostics.error("e2", at: SourceLocation(file: "b.md", line: 10, column: 1))
        diagnostics.error("e1", at: SourceLocation(file: "b.md", line: 2, column: 1))
        diagnostics.error("late column", at: SourceLocation(file: "a.md", line: 1, column: 12))
        diagnostics.error("early column", at: SourceLocation(file: "a.md", line: 1, column: 3))
        diagnostics.error("e1", at: SourceLocation(file: "b.md", line: 2, column: 1))
        diagnostics.append(Diagnostic(.error, "no file"))
        #expect(diagnostics.sorted.map(\.message) == ["no file", "early column", "late column", "e1", "w", "e2"])
        #expect(diagnostics.errorCount == 6)
        #expect(diagnostics.warningCount == 1)
        #expect(diagnostics.hasErrors)
    }

    @Test("line 10 sorts after line 9 (numbers, not text)")
    func numericOrder() {
        var diagnostics = Diagnostics()
        diagnostics.error("ten", at: SourceLocation(file: "a.md", line: 10, column: 1))
        diagnostics.error("nine", at: SourceLocation(file: "a.md", line: 9, column: 1))
        #expect(diagnostics.sorted.map(\.message) == ["nine", "ten"])
    }

    @Test("exit status and summary of a report")
    func report() {
        let warning = Diagnostic.warning("w", at: SourceLocation(file: "a.md"))
        let error = Diagnostic.error("e", at: SourceLocation(file: "a.md"))
        let counts: [(language: String, count: Int)] = [("lt", 6), ("en", 7), ("pl", 1)]
        let clean = BuildReport(diagnostics: [], documentsPerLanguage: counts, pagesWritten: 29, elapsed: 0.0912, strict: false)
        #expect(clean.exitStatus == 0)
        #expect(clean.summary == "kartu: documents: lt 6, en 7, pl 1; 29 pages written; 0 warnings; 0.09 s")
        let warned = BuildReport(diagnostics: [warning], documentsPerLanguage: counts, pagesWritten: 29, elapsed: 1.5, strict: false)
        #expect(warned.exitStatus == 0)
        #expect(warned.summary == "kartu: documents: lt 6, en 7, pl 1; 29 pages written; 1 warning; 1.50 s")
        let strict = BuildReport(diagnostics: [warning], documentsPerLanguage: counts, pagesWritten: 29, elapsed: 1.5, strict: true)
        #expect(strict.exitStatus == 1)
        let failed = BuildReport(diagnostics: [error, warning], documentsPerLanguage: [], pagesWritten: 0, elapsed: 0, strict: false)
        #expect(failed.exitStatus == 1)
        #expect(failed.summary == "kartu: documents: none; 0 pages written; 1 warning; 1 error; 0.00 s")
    }
}
