/// `nav.xhtml`: the table of contents reading systems show (`epub:type="toc"`), and hidden
/// landmarks (cover, title page, contents, start of content) they use to jump.
enum EPUBNavigationDocument {
    static let fileName = "nav.xhtml"

    struct Landmark {
        let type: String
        let href: String
        let label: String
    }

    static func xhtml(book: EPUBBook, entries: [EPUBNavigationEntry], landmarks: [Landmark]) -> String {
        var body = "<nav epub:type=\"toc\" id=\"toc\">\n<h1>\(XMLText.escape(book.labels.contents))</h1>\n"
        list(entries, into: &body)
        body += "</nav>\n"
        if !landmarks.isEmpty {
            body += "<nav epub:type=\"landmarks\" id=\"landmarks\" hidden=\"hidden\">\n<h2>\(XMLText.escape(book.labels.landmarks))</h2>\n<ol>\n"
            for landmark in landmarks {
                body += "<li><a epub:type=\"\(landmark.type)\" href=\"\(XMLText.escape(landmark.href))\">\(XMLText.escape(landmark.label))</a></li>\n"
            }
            body += "</ol>\n</nav>"
        }
        return EPUBPage.xhtml(title: book.labels.contents, language: book.language, body: body)
    }

    /// An `ol` of links; a heading without a link is a `span`, which EPUB allows only over a nested list.
    private static func list(_ entries: [EPUBNavigationEntry], into body: inout String) {
        body += "<ol>\n"
        for entry in entries {
            let title = XMLText.escape(entry.title)
            body += entry.href.map { "<li><a href=\"\(XMLText.escape($0))\">\(title)</a>" } ?? "<li><span>\(title)</span>"
            if entry.children.isEmpty {
                body += "</li>\n"
            } else {
                body += "\n"
                list(entry.children, into: &body)
                body += "</li>\n"
            }
        }
        body += "</ol>\n"
    }
}
