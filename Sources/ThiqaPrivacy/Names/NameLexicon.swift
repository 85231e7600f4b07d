/// What a word can be in a personal name. One word may be several things ("Said" is a given name and a
/// family name; "Amal" is a given name and the word for hope).
struct NameKind: OptionSet, Sendable, Hashable {
    let rawValue: UInt8

    /// A given name, or one word of a compound given name (Fatima Zahra, Mohamed Amine).
    static let given = NameKind(rawValue: 1 << 0)
    /// A family name (Bennani, Alaoui, العلوي, ⴰⵎⵣⵣⵢⴰⵏ), without its particle.
    static let family = NameKind(rawValue: 1 << 1)
    /// Also an everyday word, a brand or a place (Amal "hope", Karim "generous", علي and على, Marjane):
    /// a name only with context (a cue, or a family name beside it).
    static let common = NameKind(rawValue: 1 << 2)
    /// Only the second half of a compound (Eddine, الدين, الله, Zahra after Fatima): never starts a name.
    static let tail = NameKind(rawValue: 1 << 3)
    /// A particle inside a name (El, Ben, Ait, Ould, بن, آيت, ⴰⵢⵜ, عبد): never a name alone, never ends one.
    static let particle = NameKind(rawValue: 1 << 4)
    /// A regnal number or ordinal after a king's name (V, II, الخامس): the phrase names a king, a street or a
    /// building (Boulevard Mohammed V, مطار محمد الخامس), not a citizen.
    static let regnal = NameKind(rawValue: 1 << 5)

    /// "Sidi", "Moulay": an honorific that is part of the name it opens ("Moulay Hafid", "Sidi Mohammed").
    static let innerHonorific = NameKind(rawValue: 1 << 7)

    static let person: NameKind = [.given, .family]
}

/// Moroccan given and family names in Latin, Arabic and Tifinagh script, as one hashed table built once.
///
/// Keys are folded like every lexicon word (`WordKey`): case, accents, Arabic alef/yeh/teh-marbuta variants and
/// harakat do not matter, so "Aït", "Ait" and "AIT", or "فاطمة" and "فاطمه", are one key. Spelling variants
/// that folding cannot join (Youssef / Youcef / Yusuf, Mohammed / Mohamed / Mhamed) are listed. The word
/// lists and where they come from are described in Names/README.md.
enum NameLexicon {
    /// The name lexicon as folded word -> kinds. The scanner reads it only through `Lexicon.index` (one table for cue
    /// phrases, name kinds and stop words); `table` is built only when its size is asked for (`nameLexiconSize`).
    static let kinds: [WordKey: NameKind] = {
        var kinds: [WordKey: NameKind] = [:]
        func add(_ list: String, _ kind: NameKind) {
            for word in list.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
                for key in Lexicon.keys(of: String(word)) { kinds[key, default: []].formUnion(kind) }
                // The Tifinagh variant the scanner also looks up (emphatics as plain letters, no schwa), so that both
                // spellings meet.
                let variant = String(String.UnicodeScalarView(word.unicodeScalars.compactMap { c -> Unicode.Scalar? in
                    if c.value == Self.tifinaghSchwa { return nil }
                    return Self.tifinaghPlain(c.value).flatMap(Unicode.Scalar.init) ?? c
                }))
                if variant != word {
                    for key in Lexicon.keys(of: variant) { kinds[key, default: []].formUnion(kind) }
                }
            }
        }
        add(GivenNames.latin, .given)
        add(GivenNames.arabic, .given)
        add(GivenNames.tifinagh, .given)
        add(GivenNames.tails, [.given, .tail])
        add(FamilyNames.latin, .family)
        add(FamilyNames.arabic, .family)
        add(FamilyNames.tifinagh, .family)
        add(GivenNames.common, .common)
        add(particles, .particle)
        add(regnal, .regnal)
        add("sidi moulay سيدي مولاي ⵙⵉⴷⵉ ⵎⵓⵍⴰⵢ", .innerHonorific)
        return kinds
    }()

    /// The schwa ⴻ, which name lookups leave out.
    static let tifinaghSchwa: UInt32 = 0x2D3B

    /// The plain letter name lookups read a Tifinagh emphatic as, or nil for any other scalar: users write emphatics by
    /// ear (ⵥⵉⵔⵉ for ⵣⵉⵔⵉ, ⵉⵟⵟⵓ for ⵉⵜⵜⵓ, ⴼⴰⴹⵎⴰ for ⴼⴰⴷⵎⴰ, ⵎⵓⵚⵟⴰⴼⴰ for ⵎⵓⵙⵜⴰⴼⴰ).
    @inline(__always)
    static func tifinaghPlain(_ c: UInt32) -> UInt32? {
        switch c {
        case 0x2D65: return 0x2D63  // ⵥ ⵣ
        case 0x2D5F: return 0x2D5C  // ⵟ ⵜ
        case 0x2D39: return 0x2D37  // ⴹ ⴷ
        case 0x2D5A: return 0x2D59  // ⵚ ⵙ
        case 0x2D55: return 0x2D54  // ⵕ ⵔ
        default: return nil
        }
    }

    static let table = NameTable(Self.kinds)

    /// Latin-script names by spelling skeleton (see `skeleton(of:)`), for spellings the lists do not carry
    /// (Sokaina for Soukaina, Yousef for Youssef, Zakariyae for Zakaria). Consulted only for capitalised words and
    /// words right after a person cue that the main table does not know.
    static let latinSkeletons: NameTable = {
        var kinds: [WordKey: NameKind] = [:]
        func add(_ list: String, _ kind: NameKind) {
            for word in list.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
                let folded = String(word).unicodeScalars.map { NormalizedText.fold(NormalizedText.normalize($0.value)) }.filter { $0 != 0 }
                let key = folded.withUnsafeBufferPointer { Self.skeleton(of: $0, 0, $0.count, folding: false) }
                if let key { kinds[key, default: []].formUnion(kind) }
            }
        }
        add(GivenNames.latin, .given)
        add(FamilyNames.latin, .family)
        add(GivenNames.common, .common)
        return NameTable(kinds)
    }()

    /// Arabic-script and Tifinagh names by consonant skeleton (see `consonantSkeleton`), so that a Tifinagh spelling
    /// the lists lack meets the Arabic-script spelling they carry: ⵍⴰⵀⵙⵏ and لحسن, ⴱⵓⵛⵄⵉⴱ and بوشعيب, ⵄⴰⵍⵉ and علي.
    /// Consulted only for Tifinagh words beside a name or right after a person cue, like the Latin skeletons.
    static let tifinaghSkeletons: NameTable = {
        var kinds: [WordKey: NameKind] = [:]
        func add(_ list: String, _ kind: NameKind) {
            for word in list.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
                let folded = String(word).unicodeScalars.map { NormalizedText.fold(NormalizedText.normalize($0.value)) }.filter { $0 != 0 }
                folded.withUnsafeBufferPointer { buffer in
                    if let key = Self.consonantSkeleton(of: buffer, 0, buffer.count, folding: false) { kinds[key, default: []].formUnion(kind) }
                    // "الحسين" is also written without its article in Tifinagh (ⵃⵓⵙⵉⵏ) as well as with it (ⵍⵃⵓⵙⵉⵏ).
                    if buffer.count > 4, buffer[0] == 0x0627, buffer[1] == 0x0644,
                        let key = Self.consonantSkeleton(of: buffer, 2, buffer.count, folding: false)
                    {
                        kinds[key, default: []].formUnion(kind)
                    }
                }
            }
        }
        add(GivenNames.arabic, .given)
        add(GivenNames.tifinagh, .given)
        add(FamilyNames.arabic, .family)
        add(FamilyNames.tifinagh, .family)
        add(GivenNames.common, .common)
        return NameTable(kinds)
    }()

    /// Consonant class of an Arabic or Tifinagh letter, as a Tifinagh scalar, or 0 for a vowel, a glide or a letter
    /// of another script. Emphatics meet their plain letter (ⵟ ط and ⵜ ت, ⵚ ص and ⵙ س), ⵃ ح and ⵀ ه are one class:
    /// users spell names by ear.
    @inline(__always)
    private static func consonantClass(_ c: UInt32) -> UInt32 {
        switch c {
        case 0x0628, 0x2D31: return 0x2D31  // b
        case 0x062A, 0x062B, 0x0637, 0x2D5C, 0x2D5F: return 0x2D5C  // t ṭ
        case 0x062C, 0x2D4A: return 0x2D4A  // j
        case 0x062D, 0x0647, 0x2D43, 0x2D40: return 0x2D40  // ḥ h
        case 0x062E, 0x2D45: return 0x2D45  // x
        case 0x062F, 0x0630, 0x0636, 0x0638, 0x2D37, 0x2D39: return 0x2D37  // d ḍ
        case 0x0631, 0x2D54, 0x2D55: return 0x2D54  // r ṛ
        case 0x0632, 0x2D63, 0x2D65: return 0x2D63  // z ẓ
        case 0x0633, 0x0635, 0x2D59, 0x2D5A: return 0x2D59  // s ṣ
        case 0x0634, 0x2D5B: return 0x2D5B  // c (sh)
        case 0x0639, 0x2D44: return 0x2D44  // ɛ
        case 0x063A, 0x2D56: return 0x2D56  // ɣ
        case 0x0641, 0x2D3C: return 0x2D3C  // f
        case 0x0642, 0x2D47: return 0x2D47  // q
        case 0x0643, 0x2D3D: return 0x2D3D  // k
        case 0x2D33: return 0x2D33  // g
        case 0x0644, 0x2D4D: return 0x2D4D  // l
        case 0x0645, 0x2D4E: return 0x2D4E  // m
        case 0x0646, 0x2D4F: return 0x2D4F  // n
        default: return 0
        }
    }

    /// The consonant skeleton of an Arabic-script or Tifinagh word (scalars `start..<end`, folded first when
    /// `folding`): consonant classes in order, vowels, glides and a final Arabic ه (a folded ة) dropped, doubled
    /// consonants single; nil below three consonants. ⵍⴰⵀⵙⵏ and لحسن meet as l-h-s-n, ⴱⵓⵛⵄⵉⴱ and بوشعيب as b-c-ɛ-b.
    static func consonantSkeleton(of s: UnsafeBufferPointer<UInt32>, _ start: Int, _ end: Int, folding: Bool) -> WordKey? {
        guard end - start >= 3, end - start <= 24 else { return nil }
        var h = WordKey.offsetBasis
        var previous: UInt32 = 0
        var produced = 0
        var k = start
        while k < end {
            let raw = folding ? NormalizedText.fold(s[k]) : s[k]
            k += 1
            if raw == 0x0647 && k == end && end - start >= 3 { break }  // a final ة
            let c = Self.consonantClass(raw)
            guard c != 0 else {
                // Letters of another script make no skeleton; vowels and glides are skipped (and end a geminate).
                if raw < 0x0600 || (raw > 0x06FF && raw < 0x2D30) || raw > 0x2D7F { return nil }
                previous = 0
                continue
            }
            // A geminate (ⵍⵍ, or an Arabic shadda dropped by folding) is one consonant.
            if c == previous { continue }
            previous = c
            produced += 1
            h = WordKey.mix(h, c)
        }
        // Two consonants are too few: ⵜⵍⵍⴰ (is) would meet طلال, ⵍⵍⴰⵏ (are) لينا. Short names are in the lists.
        return produced >= 3 ? WordKey(value: h) : nil
    }

    /// A spelling skeleton of a Latin word (scalars `start..<end` of `s`, folded first when `folding`), or nil when it has other letters than a–z or is too short:
    /// ou/o/w → u, y → i, q/ck/hard c → k, soft c → s, ch/sh → one letter, kh and gh → one letter each, th → t,
    /// dh → d, e dropped (an initial e is i), doubled letters single. Youssef, Yousef and Youcef meet as "iusf";
    /// Soukaina, Sokaina and Soukayna as "sukaina"; Mohammed and Mohamed as "muhamd".
    static func skeleton(of s: UnsafeBufferPointer<UInt32>, _ start: Int, _ end: Int, folding: Bool) -> WordKey? {
        guard end - start >= 3, end - start <= 24 else { return nil }
        var h = WordKey.offsetBasis
        var previous: UInt32 = 0
        var produced = 0
        @inline(__always) func emit(_ c: UInt32) {
            if c == previous { return }
            previous = c
            produced += 1
            h = WordKey.mix(h, c)
        }
        @inline(__always) func at(_ k: Int) -> UInt32 {
            guard k < end else { return 0 }
            return folding ? NormalizedText.fold(s[k]) : s[k]
        }
        var i = start
        while i < end {
            let c = at(i)
            guard c >= 0x61 && c <= 0x7A else { return nil }
            let next = at(i + 1)
            var step = 1
            switch c {
            case 0x6F:  // o, ou
                emit(0x75)
                if next == 0x75 { step = 2 }
            case 0x77: emit(0x75)  // w
            case 0x79: emit(0x69)  // y
            case 0x71: emit(0x6B)  // q
            case 0x65: if i == start { emit(0x69) }  // e: dropped, initial e is i
            case 0x63:  // c, ch, ck
                if next == 0x68 {
                    emit(0x2A)
                    step = 2
                } else if next == 0x6B {
                    emit(0x6B)
                    step = 2
                } else {
                    emit(next == 0x65 || next == 0x69 || next == 0x79 ? 0x73 : 0x6B)
                }
            case 0x73:  // s, sh
                if next == 0x68 {
                    emit(0x2A)
                    step = 2
                } else {
                    emit(0x73)
                }
            case 0x6B, 0x67, 0x74, 0x64:  // kh, gh, th, dh
                if next == 0x68 {
                    emit(c == 0x6B ? 0x2B : c == 0x67 ? 0x2D : c)
                    step = 2
                } else {
                    emit(c)
                }
            default: emit(c)
            }
            i += step
        }
        return produced >= 3 ? WordKey(value: h) : nil
    }

    /// Words between the parts of a name: "Ait Ali", "Ben Salah", "El Fassi", "Ould Ali", "بن عمر", "آيت علي",
    /// "ⴰⵢⵜ ⵄⵍⵉ", "Id Brahim", "ⵉⴷ ⴱⵍⵇⴰⵙⵎ" (the plural of Ou), and "عبد" / "Abdel" before a divine name.
    static let particles = """
        el al ben bin ait aït ayt ou ould bou abou abu bent bel u ibn ibnou bnou abd abdel abdal abdul abdoul abde id \
        بن ابن بنت ولد ايت اولاد ابو بو عبد اد \
        ⴰⵢⵜ ⵓ ⵓⵍⴷ ⴱⵓ ⴱⵏ ⵉⴷ
        """

    /// Regnal numbers and ordinals: Mohammed V, Hassan II, محمد الخامس, ⵎⵓⵃⵎⵎⴷ ⵡⵉⵙⵙ ⵙⵎⵎⵓⵙ.
    static let regnal = """
        i ii iii iv v vi vii 1er premier 2 3 4 5 6 \
        الاول الثاني الثالث الرابع الخامس السادس السابع \
        ⵡⵉⵙⵙ
        """

    /// Bytes held by the table (keys, values and occupancy flags of every slot).
    static var footprintBytes: Int { Self.table.footprintBytes }

    /// Number of distinct folded words in the table.
    static var wordCount: Int { Self.table.count }
}

extension PrivacyScanner {
    /// Bytes of the one word table the scanner probes per word (cue phrases, name kinds, stop words), and the
    /// number of consonant skeletons and bytes of the Tifinagh skeleton table.
    public static var wordTablesSize: (wordIndexBytes: Int, tifinaghSkeletons: Int, tifinaghSkeletonBytes: Int) {
        (Lexicon.index.words.footprintBytes, NameLexicon.tifinaghSkeletons.count, NameLexicon.tifinaghSkeletons.footprintBytes)
    }

    /// Size of the name lexicon: distinct folded words and bytes of its hashed table, then the same for the table of
    /// Latin spelling skeletons (benchmarks report them).
    public static var nameLexiconSize: (words: Int, bytes: Int, skeletons: Int, skeletonBytes: Int) {
        (NameLexicon.wordCount, NameLexicon.footprintBytes, NameLexicon.latinSkeletons.count, NameLexicon.latinSkeletons.footprintBytes)
    }
}

/// A read-only open-addressing table from folded words to name kinds, at most half full. Each slot is one 64-bit
/// word: the key's upper 56 bits and the kind in the low byte (zero for an empty slot, since every stored word has
/// at least one kind), so a probe is one memory access. Two words collide only if 56 bits of their hashes agree.
struct NameTable: Sendable {
    private let slots: [UInt64]
    private let shift: UInt64
    private let mask: Int

    init(_ entries: [WordKey: NameKind]) {
        let (capacity, shift) = openAddressingSize(count: entries.count, loadFactor: 2)
        var slots = [UInt64](repeating: 0, count: capacity)
        for (key, kind) in entries where kind.rawValue != 0 {
            let tag = key.value & ~0xFF
            var i = Int(truncatingIfNeeded: (key.value &* 0x9E37_79B9_7F4A_7C15) >> shift)
            while slots[i] != 0 && slots[i] & ~0xFF != tag { i = (i + 1) & (capacity - 1) }
            slots[i] = tag | UInt64(slots[i] & 0xFF) | UInt64(kind.rawValue)
        }
        self.slots = slots
        self.shift = shift
        self.mask = capacity - 1
    }

    @inline(__always)
    subscript(key: WordKey) -> NameKind? {
        let tag = key.value & ~0xFF
        var i = Int(truncatingIfNeeded: (key.value &* 0x9E37_79B9_7F4A_7C15) >> self.shift)
        while true {
            let slot = self.slots[i]
            if slot == 0 { return nil }
            if slot & ~0xFF == tag { return NameKind(rawValue: UInt8(truncatingIfNeeded: slot)) }
            i = (i + 1) & self.mask
        }
    }

    var count: Int { self.slots.reduce(0) { $0 + ($1 == 0 ? 0 : 1) } }

    /// Bytes of the slot array (array header aside).
    var footprintBytes: Int { self.slots.count * MemoryLayout<UInt64>.stride }
}
