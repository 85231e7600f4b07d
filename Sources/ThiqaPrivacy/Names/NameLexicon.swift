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
    static let table: NameTable = {
        var kinds: [WordKey: NameKind] = [:]
        func add(_ list: String, _ kind: NameKind) {
            for word in list.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
                for key in Lexicon.keys(of: String(word)) { kinds[key, default: []].formUnion(kind) }
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
        add("sidi moulay سيدي مولاي", .innerHonorific)
        return NameTable(kinds)
    }()

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
    /// "ⴰⵢⵜ ⵄⵍⵉ", and "عبد" / "Abdel" before a divine name.
    static let particles = """
        el al ben bin ait aït ayt ou ould bou abou abu bent bel u ibn ibnou bnou abd abdel abdal abdul abdoul abde \
        بن ابن بنت ولد ايت اولاد ابو بو عبد \
        ⴰⵢⵜ ⵓ ⵓⵍⴷ ⴱⵓ ⴱⵏ
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
        var capacity = 8
        var bits: UInt64 = 3
        while capacity < entries.count * 2 {
            capacity <<= 1
            bits += 1
        }
        var slots = [UInt64](repeating: 0, count: capacity)
        let shift = 64 - bits
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
