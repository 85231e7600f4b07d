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
