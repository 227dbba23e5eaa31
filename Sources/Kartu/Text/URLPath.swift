import Foundation

/// Output paths as they appear in links: links in bodies, EPUB links to site files and download
/// links all write a file's path the same way, so the one function lives below all of them.
enum URLPath {
    /// `lt/projektai/utena 2/photo #1.jpg` → `lt/projektai/utena%202/photo%20%231.jpg`: `/` kept,
    /// `?` and `#` encoded so that a file name never reads as a query or a fragment.
    static func percentEncoded(_ path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#")
        return path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
    }
}
