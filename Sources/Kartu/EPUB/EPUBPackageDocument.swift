/// `package.opf`: the book's metadata, every file in it (the manifest) and the reading order (the spine).
enum EPUBPackageDocument {
    static let fileName = "package.opf"

    /// A file of the book as the manifest lists it.
    struct Item {
        let id: String
        /// Relative to the package document.
        let href: String
        let mediaType: String
        let properties: [String]
        let inSpine: Bool
    }

    static func xml(book: EPUBBook, items: [Item]) -> String {
        let language = XMLText.escape(book.language)
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="uid" xml:lang="\(language)">
            <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
            <dc:identifier id="uid">\(XMLText.escape(book.identifier))</dc:identifier>

            """
        if let isbn = book.isbn {
            let digits = isbn.filter { !$0.isWhitespace }
            xml += "<dc:identifier id=\"isbn\">urn:isbn:\(XMLText.escape(digits))</dc:identifier>\n"
            // ONIX code list 5, value 15: ISBN-13.
            xml += "<meta refines=\"#isbn\" property=\"identifier-type\" scheme=\"onix:codelist5\">15</meta>\n"
        }
        xml += "<dc:title>\(XMLText.escape(fullTitle(book)))</dc:title>\n"
        xml += "<dc:language>\(language)</dc:language>\n"
        for (element, people) in [("creator", book.creators), ("contributor", book.contributors)] {
            for (index, person) in people.enumerated() {
                let id = "\(element)-\(index + 1)"
                xml += "<dc:\(element) id=\"\(id)\">\(XMLText.escape(person.name))</dc:\(element)>\n"
                if let role = person.role {
                    xml += "<meta refines=\"#\(id)\" property=\"role\" scheme=\"marc:relators\">\(XMLText.escape(role))</meta>\n"
                }
            }
        }
        for (element, value) in [("publisher", book.publisher), ("rights", book.rights), ("description", book.description)] {
            if let value { xml += "<dc:\(element)>\(XMLText.escape(value))</dc:\(element)>\n" }
        }
        if let published = book.published { xml += "<dc:date>\(published)</dc:date>\n" }
        xml += "<meta property=\"dcterms:modified\">\(book.modified)T00:00:00Z</meta>\n"
        // EPUB 2 reading systems find the cover image only this way.
        if let cover = items.first(where: { $0.properties.contains("cover-image") }) {
            xml += "<meta name=\"cover\" content=\"\(cover.id)\" />\n"
        }
        xml += "</metadata>\n<manifest>\n"
        for item in items {
            let properties = item.properties.isEmpty ? "" : " properties=\"\(item.properties.joined(separator: " "))\""
            xml += "<item id=\"\(item.id)\" href=\"\(XMLText.escape(item.href))\" media-type=\"\(XMLText.escape(item.mediaType))\"\(properties) />\n"
        }
        xml += "</manifest>\n<spine>\n"
        for item in items where item.inSpine {
            xml += "<itemref idref=\"\(item.id)\" />\n"
        }
        xml += "</spine>\n</package>\n"
        return xml
    }

    /// Title and subtitle as one: EPUB 3.3 advises a single `dc:title`, because reading systems differ
    /// in which of several they show (epubcheck itself reports the last).
    static func fullTitle(_ book: EPUBBook) -> String {
        guard let subtitle = book.subtitle, !subtitle.isEmpty else { return book.title }
        let endsInPunctuation = book.title.last.map { ".:?!".contains($0) } ?? true
        return book.title + (endsInPunctuation ? " " : ": ") + subtitle
    }
}
