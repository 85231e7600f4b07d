/// Placeholder <-> original value pairs of one conversation, e.g. `<CIN_1>` <-> `BE123456`.
///
/// The same value of the same type always gets the same placeholder; numbering is per type and starts at 1.
public struct PseudonymMapping: Sendable, Codable, Equatable {
    public struct Entry: Sendable, Codable, Equatable, Hashable {
        public var placeholder: String
        public var type: EntityType
        public var original: String

        public init(placeholder: String, type: EntityType, original: String) {
            self.placeholder = placeholder
            self.type = type
            self.original = original
        }
    }

    private struct ValueKey: Hashable, Sendable {
        var type: EntityType
        var original: String
    }

    public private(set) var entries: [Entry] = []
    private var byPlaceholder: [String: Int] = [:]
    private var byValue: [ValueKey: Int] = [:]
    private var nextNumber: [EntityType: Int] = [:]

    public init() {}

    public init(entries: [Entry]) {
        for entry in entries { self.insert(entry) }
    }

    public var isEmpty: Bool { self.entries.isEmpty }
    public var count: Int { self.entries.count }

    /// The original value behind a placeholder such as `<PHONE_2>`.
    public func original(forPlaceholder placeholder: String) -> String? {
        self.byPlaceholder[placeholder].map { self.entries[$0].original }
    }

    /// The placeholder already given to this value, if any.
    public func placeholder(for type: EntityType, original: String) -> String? {
        self.byValue[ValueKey(type: type, original: original)].map { self.entries[$0].placeholder }
    }

    /// Returns the placeholder of `original`, creating `<TYPE_n>` with the next free number if needed.
    /// `isTaken` lets the caller skip placeholders that already occur literally in the text.
    public mutating func assign(_ type: EntityType, original: String, isTaken: (String) -> Bool = { _ in false }) -> String {
        if let existing = self.placeholder(for: type, original: original) { return existing }
        var n = self.nextNumber[type] ?? 1
        var placeholder = Self.placeholder(type, n)
        while self.byPlaceholder[placeholder] != nil || isTaken(placeholder) {
            n += 1
            placeholder = Self.placeholder(type, n)
        }
        self.insert(Entry(placeholder: placeholder, type: type, original: original))
        return placeholder
    }

    static func placeholder(_ type: EntityType, _ n: Int) -> String { "<\(type.rawValue)_\(n)>" }

    /// Longest placeholder the restorers need to recognise.
    static let maximumPlaceholderLength = 40

    private mutating func insert(_ entry: Entry) {
        guard self.byPlaceholder[entry.placeholder] == nil else { return }
        self.byPlaceholder[entry.placeholder] = self.entries.count
        self.byValue[ValueKey(type: entry.type, original: entry.original)] = self.entries.count
        self.entries.append(entry)
        let prefix = "<\(entry.type.rawValue)_"
        if entry.placeholder.hasPrefix(prefix), let n = Int(entry.placeholder.dropFirst(prefix.count).dropLast()) {
            self.nextNumber[entry.type] = max(self.nextNumber[entry.type] ?? 1, n + 1)
        }
    }

    private enum CodingKeys: String, CodingKey { case entries }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(entries: try container.decode([Entry].self, forKey: .entries))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(self.entries, forKey: .entries)
    }

    public static func == (lhs: PseudonymMapping, rhs: PseudonymMapping) -> Bool { lhs.entries == rhs.entries }
}
