/// What raw HTML keeps when `unsafeHTML` is off (the default): the elements, attributes and URL
/// schemes of GitHub's sanitizer, less what kartu's pages or EPUBs cannot show (no `class`, so a
/// page cannot take the theme's look; no `style`, so it cannot cover the page; no `target`; none of
/// HTML 4's presentational attributes, which HTML5 pages and EPUBs may not carry, but a cell's `align`,
/// which cmark writes too).
/// README "Raw HTML" lists the same; `HTMLAllowListTests` holds the two together.
enum HTMLAllowList {
    /// Elements kept, with the attributes each may carry besides `globalAttributes`.
    static let elements: [String: Set<String>] = [
        "a": ["href", "name", "hreflang"],
        "abbr": [], "b": [], "bdi": [], "bdo": [], "blockquote": ["cite"], "br": [],
        "caption": [], "cite": [], "code": [], "col": ["span"], "colgroup": ["span"],
        "dd": [], "del": ["cite", "datetime"], "details": ["open"], "dfn": [], "div": [], "dl": [], "dt": [],
        "em": [], "figcaption": [], "figure": [],
        "h1": [], "h2": [], "h3": [], "h4": [], "h5": [], "h6": [], "hr": [],
        "i": [], "img": ["src", "alt", "width", "height"], "ins": ["cite", "datetime"],
        "kbd": [], "li": ["value"], "mark": [], "ol": ["start", "type", "reversed"], "p": [], "pre": [],
        "q": ["cite"], "rp": [], "rt": [], "ruby": [], "s": [], "samp": [], "small": [], "span": [],
        "strike": [], "strong": [], "sub": [], "summary": [], "sup": [],
        "table": [], "tbody": [], "tfoot": [], "thead": [],
        "td": ["colspan", "rowspan", "headers", "align"],
        "th": ["colspan", "rowspan", "headers", "scope", "abbr", "align"],
        "time": ["datetime"], "tr": [], "tt": [], "u": [], "ul": [], "var": [], "wbr": [],
    ]

    /// Attributes any kept element may carry (`id` checked, see `HTMLSanitizer`).
    static let globalAttributes: Set<String> = [
        "id", "title", "lang", "dir", "aria-label", "aria-hidden", "aria-describedby",
    ]

    /// Elements removed with everything in them: their content is code, styling or a form's, not text
    /// (`<script>`, `<style>`), or markup that would not be parsed as markup (`<textarea>`, `<xmp>`).
    static let droppedWithContent: Set<String> = [
        "script", "style", "template", "iframe", "object", "embed", "noscript", "noembed", "noframes",
        "textarea", "title", "xmp", "plaintext",
    ]

    /// Of `droppedWithContent`, those whose content a browser reads as text, not tags, up to their end tag.
    static let rawText: Set<String> = [
        "script", "style", "iframe", "noscript", "noembed", "noframes", "textarea", "title", "xmp",
    ]

    /// URL attributes and the schemes each may use; a URL without a scheme (relative, `#fragment`) is always kept.
    static let urlSchemes: [String: Set<String>] = [
        "href": ["http", "https", "mailto", "tel"],
        "src": ["http", "https"],
        "cite": ["http", "https"],
    ]

    /// `data:` images an `img` may show inline (raster only: an SVG can hold scripts).
    static let dataImageTypes = ["image/png", "image/gif", "image/jpeg", "image/webp"]

    /// Elements kept under the name HTML5 gives them, so that pages and EPUBs stay valid.
    static let renamed = ["strike": "s", "tt": "code"]

    /// Kept elements with no end tag.
    static let voidElements = HTMLStartTag.voidElements.filter { elements[$0] != nil }
}
