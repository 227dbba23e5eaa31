import Foundation

/// Which file of a written site a request path names, for `kartu serve`: the one place that decides
/// whether a path may be looked up at all. Here in the library, apart from the server, so that the
/// request-path fuzz target (Fuzz/KartuFuzz) tries the same function without building Hummingbird.
public enum RequestPath {
    /// The path under the site folder that `rawPath` (as sent, percent-encoded) names, decoded once
    /// as Hummingbird's `FileMiddleware` decodes it: `/lt/a%20b/` → `lt/a b/`. Nil for a path that
    /// could name something outside the site, or that no file of a written site has: `..` or `.` as a
    /// segment in any spelling, a backslash, NUL or another control character, percent-encoding that
    /// is not UTF-8 (overlong forms such as `%C0%AE` included), or no leading `/`. Decoding once
    /// means `%252e%252e` names a file called `%2e%2e`, as it does on a static host.
    public static func relative(_ rawPath: String) -> String? {
        guard rawPath.hasPrefix("/"), let path = rawPath.removingPercentEncoding else { return nil }
        if path.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || $0 == "\\" }) { return nil }
        // Segments by bytes, as the file system reads them: split by Character, `/` and a combining
        // mark after it are one character, and `/../\u{301}x` would have no `..` segment.
        let segments = path.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
        if segments.contains(where: { $0.elementsEqual("..".utf8) || $0.elementsEqual(".".utf8) }) { return nil }
        return String(path.dropFirst())
    }
}
