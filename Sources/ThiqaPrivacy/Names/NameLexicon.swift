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
    static let table: WordTable<NameKind> = {
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
        return WordTable(kinds.map { ($0.key, $0.value) })
    }()

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
    /// Size of the name lexicon: distinct folded words, and bytes of its hashed table (benchmarks report it).
    public static var nameLexiconSize: (words: Int, bytes: Int) { (NameLexicon.wordCount, NameLexicon.footprintBytes) }
}
