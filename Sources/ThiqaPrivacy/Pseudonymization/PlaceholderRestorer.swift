/// Puts original values back in place of placeholders in a model's answer.
public struct PlaceholderRestorer: Sendable {
    public let mapping: PseudonymMapping

    public init(mapping: PseudonymMapping) {
        self.mapping = mapping
    }

    public func restore(_ text: String) -> String {
        if self.mapping.isEmpty || !text.utf8.contains(UInt8(ascii: "<")) { return text }
        var out = UTF8Builder(capacity: text.utf8.count)
        Self.restore(UTF8Builder.scalars(of: text)[...], mapping: self.mapping, into: &out)
        return out.string
    }

    @inline(__always)
    static func isPlaceholderBody(_ v: UInt32) -> Bool {
        (v >= 0x41 && v <= 0x5A) || (v >= 0x30 && v <= 0x39) || v == 0x5F
    }

    /// Replaces every `<BODY>` known to the mapping.
    static func restore(_ scalars: ArraySlice<Unicode.Scalar>, mapping: PseudonymMapping, into out: inout UTF8Builder) {
        var i = scalars.startIndex
        let end = scalars.endIndex
        while i < end {
            let c = scalars[i]
            if c == "<" {
                var j = i + 1
                while j < end, j - i <= PseudonymMapping.maximumPlaceholderLength, Self.isPlaceholderBody(scalars[j].value) { j += 1 }
                if j < end, scalars[j] == ">", j > i + 1 {
                    if let original = mapping.original(forPlaceholder: UTF8Builder.string(scalars[i...j])) {
                        out.append(original)
                        i = j + 1
                        continue
                    }
                }
            }
            out.append(c)
            i += 1
        }
    }

    struct Literal {
        var start: Int
        var end: Int
        var text: String
        /// The entity type named by the placeholder (`<PHONE_2>` -> PHONE), if it is one.
        var type: EntityType?
    }

    /// Placeholder-shaped strings (`<BODY>`) already present in a text.
    static func literalPlaceholders(in scalars: [Unicode.Scalar]) -> [Literal] {
        var found: [Literal] = []
        var i = 0
        while i < scalars.count {
            if scalars[i] == "<" {
                var j = i + 1
                while j < scalars.count, j - i <= PseudonymMapping.maximumPlaceholderLength, Self.isPlaceholderBody(scalars[j].value) { j += 1 }
                if j < scalars.count, scalars[j] == ">" {
                    let text = UTF8Builder.string(scalars[i...j])
                    var type: EntityType? = nil
                    if let underscore = text.lastIndex(of: "_") {
                        type = EntityType(rawValue: String(text[text.index(after: text.startIndex)..<underscore]))
                    }
                    found.append(Literal(start: i, end: j + 1, text: text, type: type))
                    i = j
                }
            }
            i += 1
        }
        return found
    }
}

/// Restores placeholders in a streamed answer. A tail that may be the start of a placeholder split across chunks
/// (`<PHO` … `NE_1>`) is held back until the next chunk; the held tail never exceeds the longest placeholder.
public struct StreamingPlaceholderRestorer: Sendable {
    public let mapping: PseudonymMapping
    private var pending: [Unicode.Scalar] = []

    public init(mapping: PseudonymMapping) {
        self.mapping = mapping
    }

    /// Number of scalars currently held back.
    public var bufferedCount: Int { self.pending.count }

    /// Feeds the next chunk; returns the text that can be shown now.
    public mutating func feed(_ chunk: String) -> String {
        self.pending.append(contentsOf: chunk.unicodeScalars)
        let cut = self.safeCut()
        var out = UTF8Builder(capacity: cut + 8)
        PlaceholderRestorer.restore(self.pending[0..<cut], mapping: self.mapping, into: &out)
        self.pending.removeFirst(cut)
        return out.string
    }

    /// Flushes what is held back at the end of the stream.
    public mutating func finish() -> String {
        var out = UTF8Builder(capacity: self.pending.count + 8)
        PlaceholderRestorer.restore(self.pending[...], mapping: self.mapping, into: &out)
        self.pending.removeAll()
        return out.string
    }

    /// Everything before the last '<' that could still open a placeholder.
    private func safeCut() -> Int {
        var k = self.pending.count - 1
        let limit = max(0, self.pending.count - PseudonymMapping.maximumPlaceholderLength - 1)
        while k >= limit {
            let c = self.pending[k]
            if c == "<" { return k }
            if !PlaceholderRestorer.isPlaceholderBody(c.value) { return self.pending.count }
            k -= 1
        }
        return self.pending.count
    }
}
