/// Where content is published: the one place folder URLs are made, for documents, files beside
/// them and list pages alike (list pages without an `_index.md` use it too, from the site stage).
enum ContentURL {
    /// Output folder of a content folder: each segment slugged, a bundle's `slug` replacing its own.
    static func folder(_ folder: String, language: String, bundleSlugs: [String: String]) -> String {
        var url = language + "/"
        var path = ""
        for segment in folder.split(separator: "/") {
            path = path.isEmpty ? String(segment) : path + "/" + segment
            let slug = bundleSlugs[path] ?? Slug.make(String(segment))
            url += (slug.isEmpty ? "-" : slug) + "/"
        }
        return url
    }
}
