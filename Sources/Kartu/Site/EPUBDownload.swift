/// An edition's EPUB file, as its landing page offers it for download. The EPUB step writes the
/// files before pages are planned and hands `PageAssembler` one of these per landing document
/// (`SiteModel.documents` index of the publication's `index.md`); an edition without one shows no
/// download link.
struct EPUBDownload: Sendable, Hashable {
    /// Output path relative to the site root, like `Document.urlPath` but of a file:
    /// `lt/publications/kartu/kartu-lt.epub`.
    let urlPath: String
    /// The file's size in bytes, shown on the landing page (`EPUB, 48 KB`).
    let byteCount: Int
}
