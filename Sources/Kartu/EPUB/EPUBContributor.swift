/// A person or organisation named in an EPUB's metadata.
public struct EPUBContributor: Sendable, Hashable {
    public var name: String
    /// A MARC relator code: `edt` editor, `aut` author, `ctb` contributor, `trl` translator, ….
    public var role: String?

    /// `role` is a MARC relator code, or nil to leave the role unsaid.
    public init(_ name: String, role: String? = nil) {
        self.name = name
        self.role = role
    }

    /// An editor (`edt`).
    public static func editor(_ name: String) -> EPUBContributor { EPUBContributor(name, role: "edt") }
}
