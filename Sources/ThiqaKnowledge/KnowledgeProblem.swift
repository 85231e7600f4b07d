/// One thing wrong in a knowledge file, printed as `file:line: field: reason` so an editor can jump to it.
public struct KnowledgeProblem: Error, Sendable, Hashable, CustomStringConvertible {
    public var file: String
    /// 1-based line in the file (front-matter lines included).
    public var line: Int
    /// Dotted path of the field (`title.ary-Latn`, `steps.fr[2]`), or `front-matter`, `body`, `id`.
    public var field: String
    public var reason: String

    public init(file: String, line: Int, field: String, reason: String) {
        self.file = file
        self.line = line
        self.field = field
        self.reason = reason
    }

    public var description: String { "\(file):\(line): \(field): \(reason)" }
}

/// Every problem found while loading a set of files: all of them at once, not only the first.
public struct KnowledgeLoadError: Error, Sendable, CustomStringConvertible {
    public var problems: [KnowledgeProblem]

    public init(problems: [KnowledgeProblem]) { self.problems = problems }

    public var description: String { problems.map(\.description).joined(separator: "\n") }
}
