/// What a document is; decides its required fields and its template (`templates/<kind>.mustache`).
public enum DocumentKind: String, Sendable, CaseIterable {
    case changeProject = "change-project"
    case collaborationModel = "collaboration-model"
    case internshipReport = "internship-report"
    case goodPractice = "good-practice"
    case project
    case publication
    case chapter
    case page
}

/// The level at which an action or practice takes place.
public enum Level: String, Sendable, CaseIterable {
    case national, municipality, school, teacher, international
}
