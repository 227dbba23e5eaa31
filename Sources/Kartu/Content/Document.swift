/// One Markdown file of the content tree, with its checked front matter and its place in the site.
public struct Document: Sendable {
    public enum Role: Sendable, Hashable {
        /// A document page: `<section>/<name>.md` or a bundle's `index.md`.
        case page
        /// The language home text: `content/<lang>/index.md`.
        case home
        /// A list page's title and text: `<folder>/_index.md`.
        case list
        /// A theme's description: `content/<lang>/themes/<id>.md`, shown on the theme page.
        case theme
    }

    /// Path relative to the site root, e.g. `content/lt/projects/utena.md`: what diagnostics name.
    public let sourcePath: String
    public let language: String
    public let role: Role
    /// Path inside the language folder, e.g. `projects/utena.md`.
    public let languagePath: String
    public let metadata: DocumentMetadata
    /// Markdown after the front matter.
    let body: Substring
    /// File lines before the body's first line.
    let bodyLineOffset: Int
    /// Output path relative to the site root, ending in `/`: `lt/projects/utena/`.
    public internal(set) var urlPath: String = ""

    /// The top folder inside the language folder, which names the section; nil for the home text
    /// and pages that sit directly in the language folder.
    public var section: String? {
        let parts = languagePath.utf8.split(separator: UInt8(ascii: "/"))
        // A bundle's own folder is the page; its section is the folder above it.
        return parts.count > (isBundle ? 2 : 1) ? String(Substring(parts[0])) : nil
    }

    /// The folder holding the file, inside the language folder (`projects` or `projects/utena` for a bundle).
    var folder: String {
        // A byte search: this is asked for every document by every list page.
        guard let slash = languagePath.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        return String(languagePath[..<slash])
    }

    /// True for `index.md` of a bundle folder, whose other files are published beside the page.
    var isBundle: Bool { role == .page && languagePath.hasSuffix("/index.md") }

    /// Key that identifies translations of one document across languages.
    var translationIdentity: String {
        metadata.translationKey.map { "key:" + $0 } ?? "path:" + languagePath
    }
}

/// A file that is not Markdown (image, PDF…) published at the same relative place as its folder's pages.
public struct Resource: Sendable, Hashable {
    /// Absolute path of the file to copy.
    let absolutePath: String
    /// Path relative to the site root, e.g. `content/lt/projects/utena/photo.jpg`.
    public let sourcePath: String
    /// Output path relative to the site root, e.g. `lt/projects/utena/photo.jpg`.
    public let outputPath: String
}
