import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Well-formedness, as an XML parser (libxml2 on Linux) sees it.
enum XMLCheck {
    /// nil when `data` is well-formed XML, else the parser's complaint.
    static func error(_ data: Data) -> String? {
        let parser = XMLParser(data: data)
        return parser.parse() ? nil : "\(parser.parserError.map { "\($0)" } ?? "unknown error") at line \(parser.lineNumber)"
    }

    static func error(_ text: String) -> String? {
        error(Data(text.utf8))
    }
}
