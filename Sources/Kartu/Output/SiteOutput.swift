import Foundation

/// The output step: every page rendered straight into the new site on all cores (no page is held
/// in memory after it is written), with the generated files, the content's own files and the
/// theme's assets, then the new site swapped in whole. `check` renders every page without writing,
/// so that what fails in a template fails there, not at deploy.
struct SiteOutput {
    var site: SitePages
    let templates: TemplateSet
    let resources: [Resource]
    /// Files of the theme's `assets/`, relative to it.
    let assets: [String]
    /// Where they come from: the site's `templates/assets/` or the built-in theme.
    let theme: ThemeFiles?
    let root: URL
    let workers: Workers

    /// Writes the site to `folder`; the number of pages written (0 when writing failed, reported).
    func write(to folder: URL, diagnostics: inout Diagnostics) -> Int {
        let errors = diagnostics.errorCount
        OutputWriter(output: folder, workers: workers).write(items, diagnostics: &diagnostics)
        return diagnostics.errorCount == errors ? site.pages.count : 0
    }

    /// Renders every page and writes nothing; the number of pages rendered.
    func check(diagnostics: inout Diagnostics) -> Int {
        let templates = self.templates
        let problems = workers.map(site.pages) { page -> Diagnostic? in
            if case .failure(let problem) = templates.renderData(page.view, with: page.template, page: page.outputPath) { return problem }
            return nil
        }
        // One report per template: every page of a kind fails the same way.
        var seen = Set<String>()
        for case let problem? in problems where seen.insert(problem.file ?? problem.message).inserted { diagnostics.append(problem) }
        return site.pages.count
    }

    /// Everything the site holds, each with where its bytes come from.
    private var items: [OutputWriter.Item] {
        let templates = self.templates
        var items = site.pages.map { page in
            OutputWriter.Item(path: page.outputPath, content: .render { templates.renderData(page.view, with: page.template, page: page.outputPath) })
        }
        items += site.files.map { OutputWriter.Item(path: $0.path, content: .bytes($0.data)) }
        items += resources.map { OutputWriter.Item(path: $0.outputPath, content: .copy($0.absolutePath, shownAs: $0.sourcePath)) }
        items += assets.map { asset in
            let path = TemplateFolder.assetsPrefix + asset
            if case .builtIn(let data) = theme?.sources[path] { return OutputWriter.Item(path: "assets/" + asset, content: .bytes(data)) }
            return OutputWriter.Item(path: "assets/" + asset, content: .copy(root.appendingPathComponent(ThemeFiles.folder + "/" + path).path,
                                                                             shownAs: ThemeFiles.folder + "/" + path))
        }
        return items
    }
}
