import Foundation

/// The Atom feed of one language (`<lang>/feed.xml`): its newest documents. Every date comes from
/// the content, never from the clock, so the feed is the same on every build.
struct Feed {
    struct Entry {
        let title: String
        let permalink: String
        let date: DayDate?
        let summary: String?
        let authors: [String]
    }

    static let limit = 20

    static func xml(title: String, language: String, homePermalink: String, selfPermalink: String, entries: [Entry]) -> Data {
        let updated = entries.compactMap(\.date).max().map(timestamp) ?? "1970-01-01T00:00:00Z"
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(XMLText.escape(language))">
              <title>\(XMLText.escape(title))</title>
              <id>\(XMLText.escape(homePermalink))</id>
              <link rel="alternate" type="text/html" href="\(XMLText.escape(homePermalink))"/>
              <link rel="self" type="application/atom+xml" href="\(XMLText.escape(selfPermalink))"/>
              <updated>\(updated)</updated>
              <author><name>\(XMLText.escape(title))</name></author>

            """
        for entry in entries {
            let date = entry.date.map(timestamp) ?? updated
            xml += "  <entry>\n"
            xml += "    <title>\(XMLText.escape(entry.title))</title>\n"
            xml += "    <id>\(XMLText.escape(entry.permalink))</id>\n"
            xml += "    <link rel=\"alternate\" type=\"text/html\" href=\"\(XMLText.escape(entry.permalink))\"/>\n"
            xml += "    <updated>\(date)</updated>\n"
            if entry.date != nil { xml += "    <published>\(date)</published>\n" }
            for author in entry.authors { xml += "    <author><name>\(XMLText.escape(author))</name></author>\n" }
            if let summary = entry.summary, !summary.isEmpty { xml += "    <summary>\(XMLText.escape(summary))</summary>\n" }
            xml += "  </entry>\n"
        }
        xml += "</feed>\n"
        return Data(xml.utf8)
    }

    static func timestamp(_ date: DayDate) -> String { "\(date)T00:00:00Z" }
}
