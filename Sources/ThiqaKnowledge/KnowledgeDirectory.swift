import Foundation

/// The file-system edge of the knowledge base: reads the `.md` files of a directory for `KnowledgeBase.load`.
/// The only I/O of this target; parsing and validation stay pure.
public enum KnowledgeDirectory {
    public enum ReadError: Error, CustomStringConvertible {
        case notADirectory(String)
        case unreadable(file: String, reason: String)

        public var description: String {
            switch self {
            case .notADirectory(let path): "\(path): not a directory"
            case .unreadable(let file, let reason): "\(file):1: file: \(reason)"
            }
        }
    }

    /// The `.md` files directly in `path` (README.md excluded: it documents provenance), names relative to `path`.
    public static func files(in path: String) throws -> [KnowledgeBase.File] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ReadError.notADirectory(path)
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: path)
            .filter { $0.hasSuffix(".md") && $0.lowercased() != "readme.md" && !$0.hasPrefix(".") }
            .sorted()
        return try names.map { name in
            let url = URL(fileURLWithPath: path).appendingPathComponent(name)
            let data: Data
            do { data = try Data(contentsOf: url) } catch {
                throw ReadError.unreadable(file: name, reason: "cannot be read: \(error.localizedDescription)")
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw ReadError.unreadable(file: name, reason: "is not valid UTF-8")
            }
            return KnowledgeBase.File(name: name, text: text)
        }
    }

    /// Reads and validates a directory in one call.
    public static func load(_ path: String) throws -> Result<KnowledgeBase, KnowledgeLoadError> {
        KnowledgeBase.load(files: try files(in: path))
    }
}
