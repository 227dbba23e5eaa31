/// YAML that kartu writes for editors to read (hints, `kartu init` and `kartu new`).
enum YAMLText {
    /// `text` as a one-line YAML quoted scalar, in the quotes it does not contain (line breaks become spaces).
    static func quoted(_ text: String) -> String {
        let text = text.replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ")
        if !text.contains("\"") && !text.contains("\\") { return "\"\(text)\"" }
        return "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
    }
}
