import Foundation
import Testing
@testable import Kartu

@Suite("Front matter and source text")
struct FrontMatterTests {
    func split(_ text: String) throws -> FrontMatter {
        try FrontMatter.split(text).get()
    }

    func problem(_ text: String) -> FrontMatter.Problem? {
        if case .failure(let problem) = FrontMatter.split(text) { return problem }
        return nil
    }

    @Test("splits YAML and body and knows the body's first line")
    func splits() throws {
        let matter = try split("---\ntitle: A\nkind: page\n---\nBody line.\n\nMore.\n")
        #expect(matter.yaml == "title: A\nkind: page\n")
        #expect(matter.yamlLineOffset == 1)
        #expect(matter.body == "Body line.\n\nMore.\n")
        #expect(matter.bodyLineOffset == 4)
    }

    @Test("a closing fence at the end of the file gives an empty body")
    func closingFenceAtEnd() throws {
        let matter = try split("---\ntitle: A\n---")
        #expect(matter.yaml == "title: A\n")
        #expect(matter.body == "")
        #expect(matter.bodyLineOffset == 3)
    }

    @Test("empty YAML between the fences is split (the metadata check reports it)")
    func emptyYAML() throws {
        let matter = try split("---\n---\nBody\n")
        #expect(matter.yaml == "")
        #expect(matter.body == "Body\n")
        #expect(matter.bodyLineOffset == 2)
    }

    @Test("fences may carry trailing spaces; '...' also closes")
    func fenceVariants() throws {
        let spaced = try split("--- \ntitle: A\n---\t\nBody\n")
        #expect(spaced.yaml == "title: A\n")
        #expect(spaced.body == "Body\n")
        let dots = try split("---\ntitle: A\n...\nBody\n")
        #expect(dots.yaml == "title: A\n")
        #expect(dots.body == "Body\n")
    }

    @Test("a '---' in the body is not the closing fence of a second block")
    func thematicBreakInBody() throws {
        let matter = try split("---\ntitle: A\n---\nOne\n\n---\n\nTwo\n")
        #expect(matter.yaml == "title: A\n")
        #expect(matter.body == "One\n\n---\n\nTwo\n")
    }

    @Test("missing front matter", arguments: ["title: A\n", "Just text\n", "----\ntitle: A\n----\n", " ---\ntitle: A\n---\n"])
    func missing(_ text: String) {
        #expect(problem(text) == .missing)
    }

    @Test("unclosed front matter", arguments: ["---\ntitle: A\n", "---", "---\n", "---\ntitle: A\n--\nBody\n"])
    func unclosed(_ text: String) {
        #expect(problem(text) == .unclosed)
    }

    @Test("empty file", arguments: ["", "\n", "  \n\t\n"])
    func empty(_ text: String) {
        #expect(problem(text) == .empty)
    }

    // MARK: SourceText

    func decode(_ bytes: [UInt8]) throws -> String {
        try SourceText.decode(Data(bytes)).get().text
    }

    @Test("a UTF-8 byte order mark is removed")
    func bom() throws {
        let text = try decode([0xEF, 0xBB, 0xBF] + Array("---\ntitle: A\n---\nBody\n".utf8))
        #expect(text == "---\ntitle: A\n---\nBody\n")
        let matter = try split(text)
        #expect(matter.yaml == "title: A\n")
    }

    @Test("CRLF and lone CR line endings become LF, so front matter splits the same")
    func lineEndings() throws {
        let crlf = try decode(Array("---\r\ntitle: A\r\n---\r\nBody\r\nMore\r\n".utf8))
        #expect(crlf == "---\ntitle: A\n---\nBody\nMore\n")
        let cr = try decode(Array("---\rtitle: A\r---\rBody\r".utf8))
        #expect(cr == "---\ntitle: A\n---\nBody\n")
        let matter = try split(crlf)
        #expect(matter.yaml == "title: A\n")
        #expect(matter.body == "Body\nMore\n")
        #expect(matter.bodyLineOffset == 3)
    }

    @Test("BOM and CRLF together")
    func bomAndCRLF() throws {
        let text = try decode([0xEF, 0xBB, 0xBF] + Array("---\r\ntitle: Šiauliai\r\n---\r\n".utf8))
        #expect(text == "---\ntitle: Šiauliai\n---\n")
    }

    @Test("invalid UTF-8 is located by line and character column")
    func invalidUTF8() {
        // "ab\nŽc" then a stray continuation byte: line 2, after two characters → column 3.
        let bytes: [UInt8] = Array("ab\nŽc".utf8) + [0x80] + Array("d".utf8)
        guard case .failure(.invalidUTF8(let line, let column)) = SourceText.decode(Data(bytes)) else {
            Issue.record("invalid UTF-8 was accepted")
            return
        }
        #expect(line == 2)
        #expect(column == 3)
    }

    @Test("truncated and overlong sequences are invalid", arguments: [
        [0x41, 0xC3] as [UInt8],  // truncated 2-byte
        [0xC0, 0xAF],  // overlong '/'
        [0xED, 0xA0, 0x80],  // surrogate
        [0xF5, 0x80, 0x80, 0x80],  // above U+10FFFF
    ])
    func invalidSequences(_ bytes: [UInt8]) {
        #expect(SourceText.firstInvalidUTF8(bytes) != nil)
    }

    @Test("valid multi-byte text passes")
    func validText() throws {
        #expect(SourceText.firstInvalidUTF8(Array("Kazlų Rūda – Łódź 🙂".utf8)) == nil)
        #expect(try decode(Array("Kazlų Rūda".utf8)) == "Kazlų Rūda")
    }
}
