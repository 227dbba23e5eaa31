/// A person or organisation named in an EPUB's metadata.
public struct EPUBContributor: Sendable, Hashable {
    public var name: String
    /// A MARC relator code: `edt` editor, `aut` author, `ctb` contributor, `trl` translator, ….
    public var role: String?

    public init(_ name: String, role: String? = nil) {
        self.name = name
        self.role = role
    }

    public static func editor(_ name: String) -> EPUBContributor { EPUBContributor(name, role: "edt") }
}
