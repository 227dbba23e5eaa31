import Dispatch
import Synchronization
import Testing
@testable import Kartu

/// libcmark-gfm keeps the characters its inline extensions react to (`:` and `w` for autolinks, `~`
/// for strikethrough) in one table for the whole process, set when a parser starts its inlines and
/// cleared when it ends them: documents parsed at once on several threads lost their autolinks and
/// strikethrough at random (6 different pages in 12 builds of the GFM spec's autolink example).
@Suite struct MarkdownConcurrencyTests {
    @Test("documents parsed on many threads at once keep every autolink and strikethrough")
    func extensionsUnderConcurrency() {
        let source: Substring = "Visit www.example.org, https://example.lt/a and ~~old~~ **new** text.\n"
        let expected = "<p>Visit <a href=\"http://www.example.org\">www.example.org</a>, <a href=\"https://example.lt/a\">https://example.lt/a</a> and <del>old</del> <strong>new</strong> text.</p>\n"
        let runs = 20000
        let wrong = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: runs) { _ in
            let html = MarkdownDocument(source, lineOffset: 0, unsafeHTML: false).renderHTML()
            if html != expected { wrong.add(1, ordering: .relaxed) }
        }
        let count = wrong.load(ordering: .relaxed)
        #expect(count == 0, "\(count) of \(runs) pages lost an extension's inline")
    }
}

