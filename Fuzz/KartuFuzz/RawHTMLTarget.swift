#if DEBUG || FUZZING
import Foundation
@testable import Kartu

/// Raw HTML an editor wrote, through the allow-list sanitizer, as one piece and cut in two pieces
/// at the input's first NUL (an inline `<style>` closed by a later piece of the paragraph). Read
/// again, the output holds only the list's elements and attributes and no script-capable URL, by
/// the tokenizer and by a plain byte scan that knows nothing of its states; every element it opens
/// closes, in order; sanitized again it is unchanged, with nothing to remove.
enum RawHTMLTarget {
    static func run(_ bytes: [UInt8]) throws(BrokenInvariant) {
        let pieces = bytes.split(separator: 0, maxSplits: 1, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        var sanitizer = HTMLSanitizer(takenIDs: ["main", "goals"])
        var output = ""
        // The first piece a block, the second an inline piece of a paragraph closed after it.
        for (n, piece) in pieces.enumerated() {
            let (html, removals) = sanitizer.sanitize(piece, scope: n)
            for removal in removals {
                try require(removal.offset >= 0 && removal.offset <= piece.utf8.count, "removal at \(removal.offset) of \(piece.utf8.count) bytes")
            }
            output += html
            if n > 0 { output += sanitizer.close(scope: n) }
        }
        output += sanitizer.finish()
        try checkAllowed(output)
        try checkBalanced(output)
        var again = HTMLSanitizer(takenIDs: ["main", "goals"])
        let (twice, removals) = again.sanitize(output)
        try require(removals.isEmpty, "sanitizing the output again removes \(removals): \(output.debugDescription)")
        try require(twice == output, "not idempotent: \(output.debugDescription) became \(twice.debugDescription)")
    }

    /// Every element closes, in order: nothing the raw HTML opens reaches the page around it.
    static func checkBalanced(_ html: String) throws(BrokenInvariant) {
        var tokenizer = HTMLTokenizer(html)
        var open: [String] = []
        while let token = tokenizer.next() {
            switch token {
            case let .startTag(name, _, _) where !HTMLAllowList.voidElements.contains(name): open.append(name)
            case .endTag(let name) where name != "br":
                try require(open.last == name, "</\(name)> closes \(open.last.map { "<\($0)>" } ?? "nothing"): \(html.debugDescription)")
                open.removeLast()
            default: break
            }
        }
        try require(open.isEmpty, "left open: \(open): \(html.debugDescription)")
    }

    static func checkAllowed(_ html: String) throws(BrokenInvariant) {
        var tokenizer = HTMLTokenizer(html)
        while let token = tokenizer.next() {
            switch token {
            case .text(let text):
                try require(!text.contains("<"), "a < in text: \(html.debugDescription)")
            case .markup:
                throw BrokenInvariant(description: "a comment or declaration in the output: \(html.debugDescription)")
            case let .startTag(name, attributes, _):
                guard let allowed = HTMLAllowList.elements[name] else {
                    throw BrokenInvariant(description: "element <\(name)> is not on the list: \(html.debugDescription)")
                }
                for attribute in attributes {
                    try require(allowed.contains(attribute.name) || HTMLAllowList.globalAttributes.contains(attribute.name),
                                "attribute \(attribute.name) of <\(name)> is not on the list: \(html.debugDescription)")
                    if let schemes = HTMLAllowList.urlSchemes[attribute.name] {
                        try require(HTMLSanitizer.isAllowedURL(attribute.value, schemes: schemes, dataImage: name == "img" && attribute.name == "src"),
                                    "URL \(attribute.value.debugDescription) kept: \(html.debugDescription)")
                    }
                }
            case .endTag(let name):
                try require(HTMLAllowList.elements[name] != nil, "end tag </\(name)> is not on the list: \(html.debugDescription)")
            }
        }
        // The same without the tokenizer: every `<` opens `<name` or `</name` of the list, written as
        // the sanitizer writes it, and every attribute value is double-quoted with no `"` inside.
        let utf8 = Array(html.utf8)
        var i = 0
        while i < utf8.count {
            defer { i += 1 }
            guard utf8[i] == UInt8(ascii: "<") else { continue }
            var j = i + 1
            if j < utf8.count && utf8[j] == UInt8(ascii: "/") { j += 1 }
            let nameStart = j
            while j < utf8.count && ((utf8[j] >= 0x61 && utf8[j] <= 0x7A) || (utf8[j] >= 0x30 && utf8[j] <= 0x39)) { j += 1 }
            let name = String(decoding: utf8[nameStart..<j], as: UTF8.self)
            try require(HTMLAllowList.elements[name] != nil, "a < that opens no listed tag at byte \(i): \(html.debugDescription)")
            try require(j < utf8.count && (utf8[j] == UInt8(ascii: " ") || utf8[j] == UInt8(ascii: ">")), "tag <\(name) written oddly: \(html.debugDescription)")
            // Attributes: ` name="value"`, then ` />` or `>`.
            while j < utf8.count && utf8[j] == UInt8(ascii: " ") {
                j += 1
                if j < utf8.count && utf8[j] == UInt8(ascii: "/") { break }
                while j < utf8.count && utf8[j] != UInt8(ascii: "=") && utf8[j] != UInt8(ascii: ">") && utf8[j] != UInt8(ascii: " ") { j += 1 }
                try require(j + 1 < utf8.count && utf8[j] == UInt8(ascii: "=") && utf8[j + 1] == UInt8(ascii: "\""), "an attribute not written name=\"…\": \(html.debugDescription)")
                j += 2
                while j < utf8.count && utf8[j] != UInt8(ascii: "\"") {
                    try require(utf8[j] != UInt8(ascii: "<") && utf8[j] != UInt8(ascii: ">"), "< or > inside a value: \(html.debugDescription)")
                    j += 1
                }
                j += 1
            }
            i = j - 1
        }
    }
}
#endif
