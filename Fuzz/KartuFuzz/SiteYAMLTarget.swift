#if DEBUG || FUZZING
import Foundation
@testable import Kartu

/// The site's own YAML files, which an editor edits too: `content/site.yaml` (inputs of even
/// length) and `content/themes.yaml` (odd). The same invariants as for front matter: every
/// diagnostic in that file at a line it has and a column within that line, with a message; a
/// site.yaml that cannot be used says why.
enum SiteYAMLTarget {
    static func run(_ bytes: [UInt8]) throws(BrokenInvariant) {
        let path = bytes.count % 2 == 0 ? SiteConfig.path : ThemeCatalog.path
        var diagnostics = Diagnostics()
        if let text = SourceText.text(of: Data(bytes), file: path, diagnostics: &diagnostics) {
            if path == SiteConfig.path {
                let config = SiteConfig.load(text: text, diagnostics: &diagnostics)
                try require(config != nil || diagnostics.hasErrors, "site.yaml refused without an error")
            } else {
                _ = ThemeCatalog.load(text: text, config: FrontMatterTarget.loader.config, diagnostics: &diagnostics)
            }
        }
        let lines = lineLengths(bytes)
        for diagnostic in diagnostics.items { try requireLocated(diagnostic, in: [path: lines], path) }
    }
}
#endif
