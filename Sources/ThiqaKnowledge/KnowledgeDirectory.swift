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

    /// The names of the `.md` files directly in `path`, sorted; README.md (it documents provenance) and hidden files
    /// excluded. What `files(in:)` reads and `fingerprint(of:)` watches.
    static func markdownNames(in path: String) throws -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ReadError.notADirectory(path)
        }
        return try FileManager.default.contentsOfDirectory(atPath: path)
            .filter { $0.hasSuffix(".md") && $0.lowercased() != "readme.md" && !$0.hasPrefix(".") }
            .sorted()
    }

    /// The `.md` files directly in `path` (README.md excluded: it documents provenance), names relative to `path`.
    public static func files(in path: String) throws -> [KnowledgeBase.File] {
        let names = try markdownNames(in: path)
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

    /// What a poll compares to see whether a directory's knowledge files changed without reading them: each
    /// file's name, size and modification time. Cheap (one `stat` per file) but blind to an edit that keeps the
    /// size within the file system's timestamp granularity; callers that must not miss one reload on demand.
    public struct Fingerprint: Sendable, Hashable {
        public struct Entry: Sendable, Hashable {
            public var name: String
            public var size: Int
            /// Seconds since 1970, with the file system's sub-second precision.
            public var modified: Double

            public init(name: String, size: Int, modified: Double) {
                self.name = name
                self.size = size
                self.modified = modified
            }
        }

        public var entries: [Entry]

        public init(entries: [Entry]) { self.entries = entries }
    }

    /// The fingerprint of the files `files(in:)` would read.
    public static func fingerprint(of path: String) throws -> Fingerprint {
        let names = try markdownNames(in: path)
        return Fingerprint(entries: names.compactMap { name in
            // A file deleted between the listing and its stat is simply absent, as it will be on the next listing.
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: (path as NSString).appendingPathComponent(name))
            else { return nil }
            return Fingerprint.Entry(
                name: name, size: (attributes[.size] as? NSNumber)?.intValue ?? -1,
                modified: (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0)
        })
    }
}
