/// The XHTML around the content of every document of an EPUB: XML declaration, HTML5 doctype, the
/// XHTML and EPUB namespaces, `lang` and `xml:lang` (which must agree), the title and the stylesheet.
enum EPUBPage {
    /// File name of the stylesheet, beside the documents.
    static let stylesheet = "style.css"

    /// A complete document; `body` is XHTML already, `epubType` its body's structural role.
    static func xhtml(title: String, language: String, epubType: String? = nil, body: String) -> String {
        let lang = XMLText.escape(language)
        let type = epubType.map { " epub:type=\"\(XMLText.escape($0))\"" } ?? ""
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE html>
            <html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="\(lang)" xml:lang="\(lang)">
            <head>
            <meta charset="UTF-8" />
            <title>\(XMLText.escape(title))</title>
            <link rel="stylesheet" type="text/css" href="\(stylesheet)" />
            </head>
            <body\(type)>
            \(body)
            </body>
            </html>

            """
    }
}
