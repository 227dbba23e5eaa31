import Foundation
import Testing
import ZIPFoundation
@testable import Kartu

/// A realistic publication as the EPUB writer gets it (two parts, four chapters rendered from
/// Markdown by kartu, links rewritten as a publication build would), and ways to look into EPUBs.
enum EPUBFixtures {
    /// Site URL of each chapter → its file in the book.
    static let chapterFiles = [
        "/lt/publications/guide/context/": "part-1.xhtml",
        "/lt/publications/guide/intro/": "chapter-01.xhtml",
        "/lt/publications/guide/methods/": "chapter-02.xhtml",
        "/lt/publications/guide/kazlu-ruda/": "chapter-03.xhtml",
        "/lt/publications/guide/lodz/": "chapter-04.xhtml",
    ]

    /// Renders Markdown as kartu does and rewrites its links for the EPUB, the way a caller would.
    static func chapter(_ markdown: String, unsafeHTML: Bool = false) -> String {
        let html = MarkdownDocument(Substring(markdown), lineOffset: 0, unsafeHTML: unsafeHTML)
            .renderHTML(labels: MarkdownDocument.Labels(footnoteBack: "Atgal į tekstą"))
        return HTMLFragmentRewriter.rewriteLinks(html) { link in
            if let file = chapterFiles[String(link.path)] { return file + (link.fragment.map { "#" + $0 } ?? "") }
            if link.attribute == .src, link.path.hasPrefix("/lt/publications/guide/") {
                return "images/" + (link.path.split(separator: "/").last ?? "")
            }
            if link.url.hasPrefix("/") { return "https://example.org" + link.url }
            return nil
        }
    }

    static let part1 = """
        Kontekstas: kodėl mokyklos ir savivaldybės dirba **kartu**.
        """

    static let intro = """
        Šis leidinys apibendrina patirtį iš Kazlų Rūdos ir Łódź.

        ## Tikslai

        - Stiprinti bendradarbiavimą[^1].
        - Pasidalinti [metodais](/lt/publications/guide/methods/#stebejimas) ir [Kazlų Rūdos patirtimi](/lt/publications/guide/kazlu-ruda/#2020-metai).

        Daugiau apie projektą – [Utenos projekto puslapyje](/lt/projects/utena/) ir <https://example.org/en/>.

        [^1]: Žr. [Erasmus+ programą](https://erasmus-plus.ec.europa.eu/).
        """

    static let methods = """
        ## Stebėjimas

        | Metodas | Dalyviai | Trukmė |
        |:--------|:--------:|-------:|
        | Kolegų stebėjimas | 12 | 3 mėn. |
        | ~~Apklausa~~ Interviu | 8 | 1 mėn. |

        ![Kazlų Rūdos žemėlapis](/lt/publications/guide/methods/map.svg "Žemėlapis")

        ## Kontrolinis sąrašas

        - [x] Susitarti dėl tikslų
        - [ ] Aptarti rezultatus

        ```swift
        let miestai = ["Kazlų Rūda", "Łódź"] // <kartu> & "draugai"
        ```

        Žr. www.example.org ir [įvadą](/lt/publications/guide/intro/).
        """

    static let kazluRuda = """
        Kazlų Rūda – miestas Marijampolės apskrityje.

        ## 2020 metai

        Mokyklos pradėjo bendrą projektą[^metai].

        <svg xmlns="http://www.w3.org/2000/svg" width="40" height="40" viewBox="0 0 40 40" role="img" aria-label="Kazlų Rūda"><circle cx="20" cy="20" r="18" fill="#693" /></svg>

        Grįžti prie [tikslų](/lt/publications/guide/intro/#tikslai).

        [^metai]: Pirmieji susitikimai vyko *rudenį*.
        """

    static let lodz = """
        Zażółć gęślą jaźń: szkoły w Łodzi współpracują od lat[^1].

        ## Wnioski

        Zobacz też [metody](/lt/publications/guide/methods/) i [cel](/lt/publications/guide/intro/#tikslai).

        [^1]: Dane z roku 2021.
        """

    static let mapSVG = """
        <?xml version="1.0" encoding="UTF-8"?>
        <svg xmlns="http://www.w3.org/2000/svg" width="100" height="60" viewBox="0 0 100 60">
        <title>Kazlų Rūda</title>
        <rect x="0" y="0" width="100" height="60" fill="#cde" />
        <circle cx="50" cy="30" r="20" fill="#369" />
        </svg>

        """

    static let coverSVG = """
        <?xml version="1.0" encoding="UTF-8"?>
        <svg xmlns="http://www.w3.org/2000/svg" width="600" height="800" viewBox="0 0 600 800">
        <rect x="0" y="0" width="600" height="800" fill="#036" />
        <text x="300" y="400" font-size="48" text-anchor="middle" fill="#fff">Kartu</text>
        </svg>

        """

    static func realisticBook() -> EPUBBook {
        EPUBBook(
            identifier: EPUBIdentifier.derived(translationKey: "guide", language: "lt", namespace: "https://example.org/"),
            title: "Bendradarbiavimo vadovas",
            subtitle: "Patirtis iš Kazlų Rūdos ir Łódź",
            language: "lt",
            creators: [.editor("Rūta Žemaitytė"), .editor("Paweł Łukaszewicz")],
            contributors: [EPUBContributor("Kazlų Rūdos savivaldybė", role: "ctb"), EPUBContributor("Uniwersytet Łódzki")],
            publisher: "Kazlų Rūdos švietimo skyrius",
            rights: "CC BY 4.0",
            description: "Gerosios patirties leidinys <mokykloms> & savivaldybėms.",
            isbn: "978-3-16-148410-0",
            published: DayDate(iso: "2024-05-01"),
            modified: DayDate(iso: "2024-05-17")!,
            documents: [
                EPUBDocument(fileName: "part-1.xhtml", title: "Pirma dalis: kontekstas", body: chapter(part1), kind: .part),
                EPUBDocument(fileName: "chapter-01.xhtml", title: "Įvadas", body: chapter(intro)),
                EPUBDocument(fileName: "chapter-02.xhtml", title: "Metodai", body: chapter(methods)),
                EPUBDocument(fileName: "chapter-03.xhtml", title: "Kazlų Rūda", body: chapter(kazluRuda, unsafeHTML: true)),
                EPUBDocument(fileName: "chapter-04.xhtml", title: "Łódź", body: chapter(lodz), language: "pl"),
            ],
            navigation: [
                EPUBNavigationEntry(title: "Pirma dalis: kontekstas", href: "part-1.xhtml", children: [
                    EPUBNavigationEntry(title: "Įvadas", href: "chapter-01.xhtml"),
                    EPUBNavigationEntry(title: "Metodai", href: "chapter-02.xhtml", children: [
                        EPUBNavigationEntry(title: "Stebėjimas", href: "chapter-02.xhtml#stebejimas"),
                    ]),
                ]),
                EPUBNavigationEntry(title: "Antra dalis: patirtis", href: nil, children: [
                    EPUBNavigationEntry(title: "Kazlų Rūda", href: "chapter-03.xhtml"),
                    EPUBNavigationEntry(title: "Łódź", href: "chapter-04.xhtml"),
                ]),
            ],
            resources: [
                EPUBResource(path: "images/map.svg", data: Data(mapSVG.utf8))!,
                EPUBResource(path: "images/cover.svg", data: Data(coverSVG.utf8))!,
            ],
            stylesheet: "body { font-family: serif; }\n.table-scroll { overflow-x: auto; }\n",
            coverImage: "images/cover.svg",
            titlePage: true,
            labels: EPUBLabels(contents: "Turinys", landmarks: "Orientyrai", cover: "Viršelis",
                               titlePage: "Antraštinis puslapis", start: "Pradžia")
        )
    }

    /// The entries of a ZIP file in order, with their contents.
    static func entries(of epub: Data) throws -> [(path: String, data: Data, compressed: Bool)] {
        let archive = try Archive(data: epub, accessMode: .read)
        return try archive.map { entry in
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            return (entry.path, data, entry.isCompressed)
        }
    }
}
