/// One spelling for the many ways Darija in Latin letters (Arabizi) and Amazigh are typed, so that a lexicon entry
/// or a training line written one way also counts for the others.
///
/// The same word reaches the detector as `ssukkar`, `sokar`, `sukar` and `ⵙⵙⵓⴽⴽⴰⵔ`; as `l7bs` and `lhbs`; as `kharj`
/// and `xarj`; as `ttẓallaɣ`, `ttzallagh` and `ⵜⵜⵥⴰⵍⵍⴰⵖ`. Nobody lists every form, and on fresh text the misses were
/// mostly such unlisted spellings. `canonical` maps Tifinagh letters to their Latin transcription, the Arabizi digit
/// letters and the digraphs to one letter each (`3`→ɛ, `7`→h, `9`→q, `5`/`kh`→x, `8`/`gh`→ɣ, `ch`/`sh`→c, `2`
/// dropped), `o` and `ou` to `u`, and drops doubled letters (gemination, which users write or not). Both the
/// lexicon entries and the words of a message are looked up under this form, and the character grams are taken
/// from it, so Tifinagh and Latin Amazigh share what the model learned.
///
/// `amazighCore` strips what Amazigh inflection adds around a stem, as one more lookup key: the feminine `t…t`
/// (`tamuḍint` → `amuḍin`), person prefixes with the imperfective or passive `tt` (`i-`, `y-`, `t-`, `n-`: `ittuḥbas`
/// and `ttuḥbasɣ` → `uḥbas`) and the first-person suffix `-ɣ` (`kcmɣ`, `ffɣɣ`). It is a key of both sides too (lexicon and message), and is never used for the grams.
enum SensitiveSpelling {
    static let gamma: UInt32 = 0x0263  // ɣ
    static let ain: UInt32 = 0x025B  // ɛ
    static let kha: UInt32 = 0x78  // x

    /// Latin letter of a Tifinagh letter (folded), 0 for a mark that vanishes (labialisation ⵯ), or the letter
    /// itself when it has no transcription.
    @inline(__always)
    static func latin(ofTifinagh v: UInt32) -> UInt32 {
        switch v {
        case 0x2D30: return 0x61  // ⴰ a
        case 0x2D31: return 0x62  // ⴱ b
        case 0x2D33, 0x2D34: return 0x67  // ⴳ ⴴ g
        case 0x2D37, 0x2D39: return 0x64  // ⴷ ⴹ d
        case 0x2D3B: return 0x65  // ⴻ e
        case 0x2D3C: return 0x66  // ⴼ f
        case 0x2D3D, 0x2D3E: return 0x6B  // ⴽ ⴾ k
        case 0x2D40, 0x2D43: return 0x68  // ⵀ ⵃ h
        case 0x2D44: return Self.ain  // ⵄ ɛ
        case 0x2D45: return Self.kha  // ⵅ x
        case 0x2D47: return 0x71  // ⵇ q
        case 0x2D49: return 0x69  // ⵉ i
        case 0x2D4A, 0x2D36: return 0x6A  // ⵊ ⴶ j
        case 0x2D4D: return 0x6C  // ⵍ l
        case 0x2D4E: return 0x6D  // ⵎ m
        case 0x2D4F: return 0x6E  // ⵏ n
        case 0x2D53: return 0x75  // ⵓ u
        case 0x2D54, 0x2D55: return 0x72  // ⵔ ⵕ r
        case 0x2D56: return Self.gamma  // ⵖ ɣ
        case 0x2D59, 0x2D5A: return 0x73  // ⵙ ⵚ s
        case 0x2D5B, 0x2D5E: return 0x63  // ⵛ ⵞ c
        case 0x2D5C, 0x2D5F, 0x2D5D: return 0x74  // ⵜ ⵟ ⵝ t
        case 0x2D61: return 0x77  // ⵡ w
        case 0x2D62: return 0x79  // ⵢ y
        case 0x2D63, 0x2D65: return 0x7A  // ⵣ ⵥ z
        case 0x2D52: return 0x70  // ⵒ p
        case 0x2D60: return 0x76  // ⵠ v
        case 0x2D6F: return 0  // ⵯ labialisation
        default: return v
        }
    }

    /// Appends the canonical spelling of the folded scalars of one Latin or Tifinagh word to `out`.
    @inline(__always)
    static func appendCanonical<C: RandomAccessCollection>(_ s: C, to out: inout [UInt32]) where C.Element == UInt32, C.Index == Int {
        var i = s.startIndex
        let end = s.endIndex
        let first = out.count
        while i < end {
            let v = s[i]
            let next: UInt32 = i + 1 < end ? s[i + 1] : 0
            var m: UInt32
            switch v {
            case 0x67 where next == 0x68: m = Self.gamma; i += 1  // gh
            case 0x6B where next == 0x68: m = Self.kha; i += 1  // kh
            case 0x63 where next == 0x68, 0x73 where next == 0x68: m = 0x63; i += 1  // ch, sh
            case 0x6F where next == 0x75: m = 0x75; i += 1  // ou
            case 0x6F: m = 0x75  // o
            case 0x38: m = Self.gamma  // 8
            case 0x35: m = Self.kha  // 5
            case 0x33: m = Self.ain  // 3
            case 0x37: m = 0x68  // 7
            case 0x39: m = 0x71  // 9
            case 0x32, 0x02B7: m = 0  // 2 (hamza), ʷ
            case 0x2D30...0x2D7F: m = Self.latin(ofTifinagh: v)
            default: m = v
            }
            i += 1
            if m == 0 { continue }
            if out.count > first && out[out.count - 1] == m { continue }  // gemination
            out.append(m)
        }
    }

    static func canonical(_ s: [UInt32]) -> [UInt32] {
        var out: [UInt32] = []
        out.reserveCapacity(s.count)
        Self.appendCanonical(s, to: &out)
        return out
    }

    /// The stem under Amazigh inflection, or nil when nothing is stripped or what remains is shorter than 3 letters.
    static func amazighCore(_ c: [UInt32]) -> [UInt32]? {
        guard c.count >= 4 else { return nil }
        var lo = 0
        var hi = c.count
        if c[hi - 1] == Self.gamma { hi -= 1 }  // -ɣ: first person singular
        if hi - lo >= 5, c[lo] == 0x74, c[hi - 1] == 0x74 {
            lo += 1  // t…t: feminine
            hi -= 1
        } else {
            // i- y- t- n-: person prefixes, and the `tt` of the imperfective or the passive after them (`ittuḥbas`,
            // `ttuḥbasɣ` both reach `uḥbas`); at most two letters, and at least four remain.
            var stripped = 0
            while stripped < 2, hi - lo >= 5, c[lo] == 0x69 || c[lo] == 0x79 || c[lo] == 0x74 || c[lo] == 0x6E {
                lo += 1
                stripped += 1
            }
        }
        guard lo > 0 || hi < c.count, hi - lo >= 3 else { return nil }
        return Array(c[lo..<hi])
    }
}
