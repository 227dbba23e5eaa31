extension EPUBWriter {
    /// Rejects what would make an invalid EPUB and can be told before writing: empty metadata, file
    /// names EPUB readers may mishandle, clashing names, links in the contents to nothing.
    static func validate(_ book: EPUBBook) throws {
        for (field, value) in [("identifier", book.identifier), ("title", book.title), ("language", book.language)]
        where value.allSatisfy(\.isWhitespace) {
            throw Error.missingMetadata(field)
        }
        guard !book.documents.isEmpty else { throw Error.noDocuments }
        var taken: Set<String> = [EPUBNavigationDocument.fileName, EPUBPage.stylesheet, EPUBPackageDocument.fileName]
        if book.coverImage != nil { taken.insert(coverPage) }
        if book.titlePage { taken.insert(titlePage) }
        func claim(_ path: String) throws {
            guard taken.insert(path.lowercased()).inserted else { throw Error.duplicatePath(path) }
        }
        for document in book.documents {
            guard isSafe(document.fileName), !document.fileName.contains("/"), document.fileName.hasSuffix(".xhtml") else {
                throw Error.invalidPath(document.fileName)
            }
            try claim(document.fileName)
        }
        for resource in book.resources {
            guard isSafe(resource.path), !resource.mediaType.isEmpty else { throw Error.invalidPath(resource.path) }
            try claim(resource.path)
        }
        if let cover = book.coverImage,
            book.resources.first(where: { $0.path == cover })?.mediaType.hasPrefix("image/") != true {
            throw Error.unknownCoverImage(cover)
        }
        try validate(book.navigation, documents: Set(book.documents.map(\.fileName)))
    }

    private static func validate(_ entries: [EPUBNavigationEntry], documents: Set<String>) throws {
        for entry in entries {
            guard !entry.title.allSatisfy(\.isWhitespace) else { throw Error.invalidNavigation("an entry has no title") }
            if let href = entry.href {
                let file = String(href.prefix { $0 != "#" })
                guard documents.contains(file) else {
                    throw Error.invalidNavigation("'\(entry.title)' links to '\(href)', which is not a document of the book")
                }
            } else if entry.children.isEmpty {
                throw Error.invalidNavigation("'\(entry.title)' has neither a link nor entries under it")
            }
            try validate(entry.children, documents: documents)
        }
    }

    /// Folders and names of letters, digits, `.`, `_` and `-`, none starting with `.`: names that
    /// every ZIP tool and reading system handles and that need no escaping in a URL.
    private static func isSafe(_ path: String) -> Bool {
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        return segments.allSatisfy { segment in
            guard let first = segment.first, first != "." else { return false }
            return segment.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "_" || $0 == "-") }
        }
    }
}
