import Foundation

/// `sitemap.xml` (every page, with an `xhtml:link` alternate per translation and `x-default`) and
/// `robots.txt` pointing to it. Both need absolute URLs, so they are written only with a base URL.
enum Sitemap {
    struct Page: Sendable {
        let permalink: String
        let lastModified: DayDate?
        /// hreflang → absolute URL, the page itself included; empty when it has no translation.
        let alternates: [(hreflang: String, permalink: String)]
    }

    static func xml(_ pages: [Page], workers: Workers) -> Data {
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">

            """
        // Entries are independent of each other: written in chunks on all cores, joined in order.
        let chunkSize = 512
        let chunks = stride(from: 0, to: pages.count, by: chunkSize).map { pages[$0..<min($0 + chunkSize, pages.count)] }
        for part in workers.map(chunks, entries) { xml += part }
        xml += "</urlset>\n"
        return Data(xml.utf8)
    }

    private static func entries(_ pages: ArraySlice<Page>) -> String {
        var xml = ""
        for page in pages {
            xml += "  <url>\n    <loc>\(XMLText.escape(page.permalink))</loc>\n"
            if let date = page.lastModified { xml += "    <lastmod>\(date)</lastmod>\n" }
            for alternate in page.alternates {
                xml += "    <xhtml:link rel=\"alternate\" hreflang=\"\(XMLText.escape(alternate.hreflang))\" href=\"\(XMLText.escape(alternate.permalink))\"/>\n"
            }
            xml += "  </url>\n"
        }
        return xml
    }

    static func robots(sitemap: String) -> Data {
        Data("User-agent: *\nAllow: /\n\nSitemap: \(sitemap)\n".utf8)
    }
}
