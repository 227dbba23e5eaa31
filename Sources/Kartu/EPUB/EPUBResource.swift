import Foundation

/// A file an EPUB's documents refer to: an image, a font.
public struct EPUBResource: Sendable, Hashable {
    /// Path inside the book, relative to the documents, e.g. `images/map.svg`: letters, digits, `.`,
    /// `_`, `-` and `/` between folders.
    public var path: String
    public var mediaType: String
    public var data: Data

    /// A resource of any media type; readers need support only EPUB 3's core media types.
    public init(path: String, mediaType: String, data: Data) {
        self.path = path
        self.mediaType = mediaType
        self.data = data
    }

    /// A resource whose media type follows from its extension; nil for a type EPUB readers need not
    /// support (EPUB 3's core media types).
    public init?(path: String, data: Data) {
        guard let mediaType = Self.mediaType(forPath: path) else { return nil }
        self.init(path: path, mediaType: mediaType, data: data)
    }

    /// The core media type for a path's extension, or nil.
    public static func mediaType(forPath path: String) -> String? {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
        return coreMediaTypes[path[path.index(after: dot)...].lowercased()]
    }

    private static let coreMediaTypes = [
        "svg": "image/svg+xml", "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg",
        "gif": "image/gif", "webp": "image/webp", "css": "text/css", "woff": "font/woff", "woff2": "font/woff2",
        "ttf": "font/ttf", "otf": "font/otf", "mp3": "audio/mpeg", "m4a": "audio/mp4",
    ]

    /// Formats that are compressed already, stored as they are rather than deflated again.
    var isCompressed: Bool {
        ["image/png", "image/jpeg", "image/gif", "image/webp", "font/woff", "font/woff2", "audio/mpeg", "audio/mp4"].contains(mediaType)
    }
}
