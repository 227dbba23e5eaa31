/// Words an EPUB shows or reads out besides its content, in the book's language.
public struct EPUBLabels: Sendable, Hashable {
    /// Heading of the table of contents.
    public var contents: String
    /// Heading of the (hidden) list of landmarks.
    public var landmarks: String
    public var cover: String
    public var titlePage: String
    /// The landmark for where the main content starts.
    public var start: String

    /// Labels in English unless given.
    public init(contents: String = "Contents", landmarks: String = "Landmarks", cover: String = "Cover",
                titlePage: String = "Title page", start: String = "Start of content") {
        self.contents = contents
        self.landmarks = landmarks
        self.cover = cover
        self.titlePage = titlePage
        self.start = start
    }
}
