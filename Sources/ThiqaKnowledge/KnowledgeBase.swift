/// The procedures Thiqa knows, by id: an immutable value, rebuilt whole from the files on each ingest so that a
/// server can swap it (and the retrieval index built from it) atomically.
public struct KnowledgeBase: Sendable, Hashable {
    /// One knowledge file as read from disk: its name (relative path) and its UTF-8 text.
    public struct File: Sendable, Hashable {
        public var name: String
        public var text: String

        public init(name: String, text: String) {
            self.name = name
            self.text = text
        }
    }

    public let procedures: [String: Procedure]

    public init(procedures: [Procedure]) {
        self.procedures = Dictionary(procedures.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Procedures in a stable order (by id), for listings and index building.
    public var sorted: [Procedure] { procedures.values.sorted { $0.id < $1.id } }

    public var count: Int { procedures.count }

    public subscript(id: String) -> Procedure? { procedures[id] }

    /// Parses and validates every file; fails with every problem of every file (sorted by file and line), or
    /// returns the whole base. Files that are not `.md` are ignored by the caller, not here.
    public static func load(files: [File]) -> Result<KnowledgeBase, KnowledgeLoadError> {
        var problems: [KnowledgeProblem] = []
        var procedures: [Procedure] = []
        var fileOfID: [String: String] = [:]
        for file in files.sorted(by: { $0.name < $1.name }) {
            switch ProcedureParser.parse(fileName: file.name, text: file.text) {
            case .success(let procedure):
                if let other = fileOfID[procedure.id] {
                    problems.append(KnowledgeProblem(file: file.name, line: 1, field: "id", reason: "'\(procedure.id)' is already the id of \(other)"))
                } else {
                    fileOfID[procedure.id] = file.name
                    procedures.append(procedure)
                }
            case .failure(let error):
                problems += error.problems
            }
        }
        if !problems.isEmpty {
            return .failure(KnowledgeLoadError(problems: problems.sorted { ($0.file, $0.line) < ($1.file, $1.line) }))
        }
        return .success(KnowledgeBase(procedures: procedures))
    }
}
