import Foundation
// The readers under test are internal: the harness needs a build with testing enabled (a debug
// build, or Fuzz/run.sh's). A plain release build compiles this target empty.
#if DEBUG || FUZZING
@testable import Kartu

// libFuzzer entry point over what reads editors' raw bytes: the UTF-8 check and line-ending
// normalisation, the front-matter splitter, and the libcmark-gfm wrapper (parse, heading ids,
// link positions, raw-HTML removal, table boxes, rendering). Built by Fuzz/run.sh.
#if FUZZING
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzEntry(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt { fuzzContent(data, size) }
#endif

public func fuzzContent(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = [UInt8](UnsafeBufferPointer(start: data, count: size))
    // Differential check: our validator must agree with the standard library's.
    let valid = String(validating: bytes, as: UTF8.self) != nil
    let withoutBOM = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
    precondition((SourceText.firstInvalidUTF8(withoutBOM) == nil) == (String(validating: withoutBOM, as: UTF8.self) != nil))
    switch SourceText.decode(Data(bytes)) {
    case .failure(.invalidUTF8(let line, let column)):
        precondition(!valid || bytes.starts(with: [0xEF, 0xBB, 0xBF]), "valid UTF-8 reported invalid")
        precondition(line >= 1 && column >= 1)
    case .success(let source):
        precondition(!source.text.contains("\r"), "a carriage return survived normalisation")
        let lineCount = source.text.reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
        switch FrontMatter.split(source.text) {
        case .success(let frontMatter):
            precondition(frontMatter.bodyLineOffset >= 2 && frontMatter.bodyLineOffset <= lineCount)
            check(frontMatter.body, lineOffset: frontMatter.bodyLineOffset, lineCount: lineCount, unsafe: size % 2 == 0)
        case .failure:
            check(Substring(source.text), lineOffset: 0, lineCount: lineCount, unsafe: size % 2 == 1)
        }
    }
    return 0
}

private func check(_ markdown: Substring, lineOffset: Int, lineCount: Int, unsafe: Bool) {
    let document = MarkdownDocument(markdown, lineOffset: lineOffset, unsafeHTML: unsafe)
    var ids = Set<String>()
    for heading in document.headings {
        precondition(!heading.id.isEmpty && ids.insert(heading.id).inserted, "heading ids must be unique and non-empty")
        precondition(heading.id.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D })
    }
    for link in document.links {
        precondition(link.line > lineOffset && link.line <= lineCount + 1 && link.column >= 1, "link position outside the file")
    }
    let html = document.renderHTML(labels: MarkdownDocument.Labels(footnoteBack: "Atgal \"į\" tekstą", table: "Lentelė"))
    if !unsafe { precondition(!html.contains("<script"), "raw HTML must be dropped") }
}
#endif
