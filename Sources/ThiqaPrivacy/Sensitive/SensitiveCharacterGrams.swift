/// Character 3- to 5-grams of a message's words, hashed into `SensitiveGramWeights.bucketCount` buckets, and the
/// per-category logits of a linear model over them. The lexicons only see words someone listed; the grams also
/// see pieces of words nobody listed ("أضربنا" shares "ضرب" with the strike words, "mdareb" shares "dar"/"reb"),
/// which is what recall on unseen wording needs. The lexicon model weighs these logits beside its own features.
enum SensitiveCharacterGrams {
    /// Marks the start and the end of a word, so that "<ضر" (a word that starts with ضر) differs from "ضر" inside one.
    static let wordStart: UInt32 = 0x02
    static let wordEnd: UInt32 = 0x03
    static let smallest = 3
    static let largest = 5

    /// Calls `body` with the bucket of every gram of every word, in text order (a gram seen twice counts twice).
    /// Words are the reader's tokens with letters, folded as for the lexicons (lower case, accents off, Arabic
    /// letter variants unified); Latin and Tifinagh words in their canonical spelling (`SensitiveSpelling`: Tifinagh
    /// in Latin letters, Arabizi digits as letters, `ع` written 3 and ɛ alike, doubled letters single).
    @inline(__always)
    static func forEachBucket(norm: NormalizedText, tokens: [Token], _ body: (Int) -> Void) {
        let mask = UInt32(SensitiveGramWeights.bucketCount - 1)
        var word: [UInt32] = []
        word.reserveCapacity(32)
        var folded: [UInt32] = []
        folded.reserveCapacity(32)
        for token in tokens {
            word.removeAll(keepingCapacity: true)
            word.append(Self.wordStart)
            if token.script == .latin || token.script == .tifinagh {
                // The canonical spelling: Tifinagh and Latin Amazigh, `7` and `h`, `ss` and `s` share their grams.
                folded.removeAll(keepingCapacity: true)
                for k in token.start..<token.end {
                    let f = NormalizedText.fold(norm.scalars[k])
                    if f != 0 { folded.append(f) }
                }
                SensitiveSpelling.appendCanonical(folded, to: &word)
            } else {
                for k in token.start..<token.end {
                    let f = NormalizedText.fold(norm.scalars[k])
                    if f != 0 { word.append(f) }
                }
            }
            word.append(Self.wordEnd)
            let n = word.count
            guard n >= Self.smallest else { continue }
            for i in 0...(n - Self.smallest) {
                var h: UInt32 = 2_166_136_261
                let last = min(n, i + Self.largest)
                for j in i..<last {
                    h = (h ^ word[j]) &* 16_777_619
                    if j - i + 1 >= Self.smallest { body(Int((h ^ (h >> 16)) & mask)) }
                }
            }
        }
    }

    /// The buckets of a message, for the training script (`privacy-bench --sensitive-features`).
    static func buckets(norm: NormalizedText, tokens: [Token]) -> [Int] {
        var out: [Int] = []
        Self.forEachBucket(norm: norm, tokens: tokens) { out.append($0) }
        return out
    }

    /// Per-category logit: bias + scale · Σ weight[bucket] / √(number of grams). Without grams, the bias alone.
    static func logits(norm: NormalizedText, tokens: [Token]) -> [Double] {
        let weights = SensitiveGramWeights.shared.weights
        // The first eight categories' weights of a bucket in one 8-byte load, widened and added as one vector, the
        // ninth apart; sums in locals, not in an array the compiler must reload and store around every weight (it
        // cannot tell the weights and the sums apart). The gram loop was 29 % of the sensitive-data assessment of a
        // 2 KB message (601 of 2,069 samples in `perf record` of privacy-bench) with a loop over nine array slots.
        var sums = SIMD8<Int32>()
        var ninth: Int32 = 0
        var count = 0
        weights.withUnsafeBufferPointer { w in
            guard let base = w.baseAddress else { return }
            let raw = UnsafeRawPointer(base)
            Self.forEachBucket(norm: norm, tokens: tokens) { bucket in
                let offset = bucket &* 9
                sums &+= SIMD8<Int32>(truncatingIfNeeded: raw.loadUnaligned(fromByteOffset: offset, as: SIMD8<Int8>.self))
                ninth &+= Int32(base[offset &+ 8])
                count &+= 1
            }
        }
        let factor = count == 0 ? 0 : SensitiveGramWeights.scale / Double(count).squareRoot()
        var out = SensitiveGramWeights.bias
        for c in 0..<8 { out[c] += factor * Double(sums[c]) }
        out[8] += factor * Double(ninth)
        return out
    }
}

/// The gram model's weights, decoded once from the generated `SensitiveGramWeights.encoded` (base64 of one signed
/// byte per bucket and category, bucket-major; the category order is `SensitiveModel`'s).
struct SensitiveGramWeights: Sendable {
    let weights: [Int8]

    static let shared = SensitiveGramWeights(base64: SensitiveGramWeights.encoded)

    init(base64: String) {
        let decoded = Self.decodeBase64(base64)
        precondition(decoded.count == Self.bucketCount * 9, "SensitiveGramWeights.encoded holds \(decoded.count) bytes, expected \(Self.bucketCount * 9): regenerate it with eval/privacy/sensitive/train.sh")
        self.weights = decoded.map { Int8(bitPattern: $0) }
    }

    /// Standard base64 (RFC 4648, `+` and `/`, `=` padding); characters outside the alphabet (line breaks) are skipped.
    static func decodeBase64(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count * 3 / 4)
        var buffer: UInt32 = 0
        var bits = 0
        for byte in text.utf8 {
            let value: UInt32
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): value = UInt32(byte - UInt8(ascii: "A"))
            case UInt8(ascii: "a")...UInt8(ascii: "z"): value = UInt32(byte - UInt8(ascii: "a")) + 26
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = UInt32(byte - UInt8(ascii: "0")) + 52
            case UInt8(ascii: "+"): value = 62
            case UInt8(ascii: "/"): value = 63
            default: continue
            }
            buffer = (buffer << 6) | value
            bits += 6
            if bits >= 8 {
                bits -= 8
                out.append(UInt8((buffer >> UInt32(bits)) & 0xFF))
            }
        }
        return out
    }
}
