/// A folded word as a 64-bit FNV-1a hash of its folded scalars.
///
/// Lexicon lookups hash integers instead of comparing `String`s, which would apply Unicode canonical
/// equivalence on every Arabic or Tifinagh word. A collision (2^-64 per pair) could only add a context cue.
struct WordKey: Hashable, Sendable, ExpressibleByStringLiteral {
    let value: UInt64

    static let offsetBasis: UInt64 = 0xCBF2_9CE4_8422_2325
    static let prime: UInt64 = 0x0000_0100_0000_01B3

    init(value: UInt64) { self.value = value }

    /// Hash of already-folded scalars.
    init<S: Sequence>(folded: S) where S.Element == UInt32 {
        var h = Self.offsetBasis
        for v in folded { h = Self.mix(h, v) }
        self.value = h
    }

    /// Key of a single word written in a lexicon (normalised and folded like the scanner does).
    init(stringLiteral word: String) {
        var h = Self.offsetBasis
        for scalar in word.unicodeScalars {
            let n = NormalizedText.normalize(scalar.value)
            guard n != NormalizedText.dropped else { continue }
            let f = NormalizedText.fold(n)
            if f != 0 { h = Self.mix(h, f) }
        }
        self.value = h
    }

    @inline(__always)
    static func mix(_ h: UInt64, _ v: UInt32) -> UInt64 {
        (h ^ UInt64(v)) &* Self.prime
    }
}

/// The size of an open-addressing table over `WordKey`s with at least `count × loadFactor` slots: a power of two, and
/// the shift that takes a key's multiplied hash to a slot index (the tables here probe linearly from there).
func openAddressingSize(count: Int, loadFactor: Int) -> (capacity: Int, shift: UInt64) {
    var capacity = 8
    var bits: UInt64 = 3
    while capacity < count * loadFactor {
        capacity <<= 1
        bits += 1
    }
    return (capacity, 64 - bits)
}

/// A read-only open-addressing table keyed by `WordKey`, built once for the lexicons: lookups are a multiply,
/// a shift and a compare, without `Hasher`'s per-lookup seeding.
struct WordTable<Value: Sendable>: Sendable {
    private var keys: [UInt64]
    private var values: [Value?]
    private var occupied: [Bool]
    private let shift: UInt64
    private let mask: Int

    init<S: Sequence>(_ pairs: S) where S.Element == (WordKey, Value) {
        let list = Array(pairs)
        let (capacity, shift) = openAddressingSize(count: list.count, loadFactor: 3)
        self.keys = Array(repeating: 0, count: capacity)
        self.values = Array(repeating: nil, count: capacity)
        self.occupied = Array(repeating: false, count: capacity)
        self.shift = shift
        self.mask = capacity - 1
        for (key, value) in list {
            var i = self.slot(key.value)
            while self.occupied[i] && self.keys[i] != key.value { i = (i + 1) & self.mask }
            self.keys[i] = key.value
            self.values[i] = value
            self.occupied[i] = true
        }
    }

    @inline(__always)
    private func slot(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> self.shift)
    }

    @inline(__always)
    subscript(key: WordKey) -> Value? {
        var i = self.slot(key.value)
        while self.occupied[i] {
            if self.keys[i] == key.value { return self.values[i] }
            i = (i + 1) & self.mask
        }
        return nil
    }

    @inline(__always)
    func contains(_ key: WordKey) -> Bool { self[key] != nil }
}

/// A set of words with `WordTable` lookups; written as an array literal of words.
struct WordSet: Sendable, ExpressibleByArrayLiteral {
    private let table: WordTable<Bool>

    init<S: Sequence>(_ keys: S) where S.Element == WordKey {
        self.table = WordTable(keys.map { ($0, true) })
    }

    init(arrayLiteral elements: WordKey...) {
        self.init(elements)
    }

    @inline(__always)
    func contains(_ key: WordKey) -> Bool { self.table.contains(key) }
}
