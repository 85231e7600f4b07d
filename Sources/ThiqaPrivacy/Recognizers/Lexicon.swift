/// Context cues attached to tokens.
struct Cue: OptionSet, Sendable, Hashable {
    let rawValue: UInt32

    static let cin = Cue(rawValue: 1 << 0)
    static let passport = Cue(rawValue: 1 << 1)
    static let phone = Cue(rawValue: 1 << 2)
    static let cnss = Cue(rawValue: 1 << 3)
    static let ice = Cue(rawValue: 1 << 4)
    static let massar = Cue(rawValue: 1 << 5)
    static let rib = Cue(rawValue: 1 << 6)
    static let iban = Cue(rawValue: 1 << 7)
    static let card = Cue(rawValue: 1 << 8)
    /// Order, file, law, amount: lowers identifier scores.
    static let negative = Cue(rawValue: 1 << 9)
    static let birth = Cue(rawValue: 1 << 10)
    static let personTitle = Cue(rawValue: 1 << 11)
    static let personIntro = Cue(rawValue: 1 << 12)
    static let address = Cue(rawValue: 1 << 13)
    static let ip = Cue(rawValue: 1 << 14)
    static let email = Cue(rawValue: 1 << 15)
    /// A generic "number" word: raises every numeric identifier a little.
    static let number = Cue(rawValue: 1 << 16)

    /// A stop word or a month name (`Lexicon.stopWords`, `Lexicon.months`): not a cue of anything, a word that ends
    /// a name or an address; kept here so that the token needs no other field.
    static let stopWord = Cue(rawValue: 1 << 31)

    static let anyIdentifier: Cue = [.cin, .passport, .phone, .cnss, .ice, .massar, .rib, .iban, .card, .ip, .email, .number]
}

/// Word lists, in French, Arabic, Darija (both scripts), Amazigh (Tifinagh and Latin) and English.
/// Keys are folded (see `NormalizedText.fold`): lower case, no accents, Arabic alef/yeh/teh-marbuta unified.
enum Lexicon {
    struct Entry: Sendable {
        var rest: [WordKey]
        var cue: Cue
    }

    static let cuePhrases: [(String, Cue)] = [
        // CIN
        ("cin", .cin), ("cnie", .cin), ("c.i.n", .cin), ("carte nationale", .cin), ("carte d identite", .cin),
        ("carte d'identite", .cin), ("la carte", .cin), ("lacarte", .cin), ("lcarte", .cin), ("lakart", .cin),
        ("la cart", .cin), ("carte", .cin), ("cart", .cin), ("identite", .cin), ("national id", .cin), ("id card", .cin),
        ("identity card", .cin), ("البطاقه الوطنيه", .cin), ("البطاقه", .cin), ("بطاقه", .cin), ("بطاقتي", .cin),
        ("لاكارط", .cin), ("لاكارت", .cin), ("الكارط", .cin), ("ⵜⴰⴽⴰⵔⴹⴰ", .cin), ("ⵜⴰⴽⴰⵔⴹⴰ ⵜⴰⵏⴰⵎⵓⵔⵜ", .cin),
        ("takarda", .cin), ("tagharast", .cin), ("tanamurt", .cin), ("ⵜⴰⵏⴰⵎⵓⵔⵜ", .cin),
        // Passport
        ("passeport", .passport), ("passport", .passport), ("paspor", .passport), ("passpor", .passport),
        ("باسبور", .passport), ("باسبورط", .passport), ("جواز", .passport), ("جواز السفر", .passport), ("ⴰⴷⵔⵉⵙ ⵏ ⵓⵎⵓⴷⴷⵓ", .passport),
        ("ⴰⵙⵙⴰⵔⴰⴳ", .passport), ("paspur", .passport), ("ⵍⴱⴰⵙⴱⵓⵔ", .passport),
        // Phone
        ("tel", .phone), ("telephone", .phone), ("phone", .phone), ("portable", .phone), ("gsm", .phone), ("mobile", .phone),
        ("whatsapp", .phone), ("watsap", .phone), ("wtsp", .phone), ("appelez", .phone), ("appeler", .phone), ("call", .phone),
        ("joindre", .phone), ("contacter", .phone), ("هاتف", .phone), ("الهاتف", .phone), ("هاتفي", .phone), ("تيليفون", .phone),
        ("تلفون", .phone), ("التيليفون", .phone), ("بورطابل", .phone), ("واتساب", .phone), ("tilifun", .phone), ("tilifoun", .phone),
        ("tel dyali", .phone), ("telifon", .phone), ("ⵜⵉⵍⵉⴼⵓⵏ", .phone), ("ⴰⵜⵉⵍⵉⴼⵓⵏ", .phone), ("fix", .phone), ("fixe", .phone),
        // Generic number words
        ("numero", .number), ("num", .number), ("no", .number), ("n", .number), ("nmra", .number), ("nemra", .number),
        ("nmera", .number), ("nmrti", .number), ("nimero", .number), ("number", .number), ("رقم", .number), ("رقمي", .number),
        ("نمرة", .number), ("نمره", .number), ("النمره", .number), ("نمرتي", .number), ("ⵓⵟⵟⵓⵏ", .number), ("uttun", .number),
        ("uṭṭun", .number), ("ⴰⵎⴹⴰⵏ", .number), ("amdan", .number),
        // CNSS
        ("cnss", .cnss), ("securite sociale", .cnss), ("immatriculation", .cnss), ("affiliation", .cnss), ("amo", .cnss),
        ("الضمان الاجتماعي", .cnss), ("الضمان", .cnss), ("ضمان", .cnss), ("التسجيل", .cnss), ("لاسنس", .cnss), ("ⵜⴰⵖⵓⵍⵜ", .cnss),
        ("sécu", .cnss), ("secu", .cnss), ("social security", .cnss),
        // ICE
        ("ice", .ice), ("identifiant commun", .ice), ("identifiant commun de l'entreprise", .ice), ("التعريف الموحد", .ice),
        ("المعرف الموحد", .ice), ("l'ice", .ice), ("societe", .ice), ("entreprise", .ice), ("company", .ice), ("الشركه", .ice),
        // Massar
        ("massar", .massar), ("code massar", .massar), ("مسار", .massar), ("رمز مسار", .massar), ("ⵎⴰⵙⵙⴰⵔ", .massar),
        ("taalim", .massar), ("eleve", .massar), ("التلميذ", .massar), ("pupil", .massar), ("student", .massar),
        // RIB / IBAN / card
        ("rib", .rib), ("releve d'identite bancaire", .rib), ("compte", .rib), ("compte bancaire", .rib), ("account", .rib),
        ("bank account", .rib), ("الحساب", .rib), ("حساب", .rib), ("الحساب البنكي", .rib), ("حسابي", .rib), ("lcompte", .rib),
        ("kont", .rib), ("لكونط", .rib), ("ⴰⵎⵉⴹⴰⵏ", .rib), ("iban", .iban), ("ايبان", .iban), ("swift", .iban), ("virement", .rib),
        ("carte bancaire", .card), ("carte de credit", .card), ("credit card", .card), ("card", .card), ("visa", .card),
        ("mastercard", .card), ("cb", .card), ("بطاقه بنكيه", .card), ("البطاقه البنكيه", .card), ("كارط", .card), ("lakart bancaire", .card),
        // IP / email
        ("ip", .ip), ("adresse ip", .ip), ("address ip", .ip), ("ip address", .ip), ("serveur", .ip), ("server", .ip),
        ("email", .email), ("e-mail", .email), ("mail", .email), ("courriel", .email), ("الايميل", .email), ("البريد", .email),
        // Negative: orders, files, laws, amounts, postal codes
        ("commande", .negative), ("cmd", .negative), ("order", .negative), ("dossier", .negative), ("facture", .negative),
        ("invoice", .negative), ("ref", .negative), ("reference", .negative), ("recu", .negative), ("ticket", .negative),
        ("suivi", .negative), ("tracking", .negative), ("colis", .negative), ("loi", .negative), ("decret", .negative),
        ("dahir", .negative), ("article", .negative), ("arrete", .negative), ("circulaire", .negative), ("law", .negative),
        ("decree", .negative), ("القانون", .negative), ("قانون", .negative), ("المرسوم", .negative), ("مرسوم", .negative),
        ("ظهير", .negative), ("الظهير", .negative), ("الطلب", .negative), ("طلب", .negative), ("ملف", .negative), ("الملف", .negative),
        ("code postal", .negative), ("postal", .negative), ("dh", .negative), ("dhs", .negative), ("mad", .negative),
        ("dirham", .negative), ("dirhams", .negative), ("درهم", .negative), ("دراهم", .negative), ("montant", .negative),
        ("amount", .negative), ("e-timbre", .negative), ("timbre", .negative), ("etimbre", .negative), ("تنبر", .negative),
        ("الطابع", .negative), ("quittance", .negative), ("année", .negative), ("annee", .negative), ("year", .negative),
        ("version", .negative), ("v", .negative), ("ⴰⵙⵍⴰⵖ", .negative), ("ⴰⵣⵔⴼ", .negative), ("tracking number", .negative),
        ("ملف رقم", .negative), ("فاتوره", .negative), ("الفاتوره", .negative), ("kommand", .negative), ("lcommande", .negative),
        ("ldossier", .negative), ("lmilaf", .negative), ("lfacture", .negative), ("rc", .negative), ("if", .negative),
        ("patente", .negative), ("registre de commerce", .negative), ("identifiant fiscal", .negative), ("السجل التجاري", .negative),
        // Birth
        ("ne e", .birth), ("nee e", .birth), ("ne e le", .birth), ("ولد", .birth), ("ازداد", .birth), ("ازدادت", .birth),
        ("ne en", .birth), ("nee en", .birth), ("ne a", .birth), ("nee a", .birth), ("ne le", .birth), ("nee le", .birth), ("naissance", .birth), ("date de naissance", .birth),
        ("born", .birth), ("birth", .birth), ("date of birth", .birth), ("dob", .birth), ("birthday", .birth),
        ("مزداد", .birth), ("مزداده", .birth), ("الازدياد", .birth), ("تاريخ الازدياد", .birth), ("ازدياد", .birth),
        ("الميلاد", .birth), ("تاريخ الميلاد", .birth), ("ولدت", .birth), ("مولود", .birth), ("مولوده", .birth), ("تزاد", .birth),
        ("تزاديت", .birth), ("تزادت", .birth), ("tzad", .birth), ("tzadit", .birth), ("tzadt", .birth), ("mzyad", .birth),
        ("mzyada", .birth), ("mzyouda", .birth), ("mzyoud", .birth), ("mzayed", .birth), ("zyada", .birth), ("tlalit", .birth),
        ("ass n tlalit", .birth), ("ⵜⵍⴰⵍⵉⵜ", .birth), ("ⴰⵙⵙ ⵏ ⵜⵍⴰⵍⵉⵜ", .birth), ("ⵍⵓⵍⵖ", .birth), ("lulegh", .birth), ("luleɣ", .birth),
        ("ⵍⵓⵍⵓⵖ", .birth), ("lulugh", .birth),
        // Person
        ("m", .personTitle), ("mr", .personTitle), ("mme", .personTitle), ("mlle", .personTitle), ("monsieur", .personTitle),
        ("madame", .personTitle), ("mademoiselle", .personTitle), ("mrs", .personTitle), ("ms", .personTitle), ("miss", .personTitle),
        ("dr", .personTitle), ("docteur", .personTitle), ("pr", .personTitle), ("maitre", .personTitle),
        ("السيد", .personTitle), ("السيده", .personTitle), ("الانسه", .personTitle), ("الدكتور", .personTitle), ("الاستاذ", .personTitle),
        ("لالا", .personTitle), ("للا", .personTitle), ("ⴰⵎⵖⴰⵔ", .personTitle), ("ⵎⵙⵙ", .personTitle), ("mass", .personTitle),
        ("lalla", .personTitle), ("lsayed", .personTitle), ("sayed", .personTitle),
        ("je m'appelle", .personIntro), ("je m appelle", .personIntro), ("je suis", .personIntro), ("mon nom est", .personIntro),
        ("mon nom", .personIntro), ("my name is", .personIntro), ("name", .personIntro), ("nom", .personIntro), ("prenom", .personIntro),
        ("nom complet", .personIntro), ("full name", .personIntro), ("smiti", .personIntro), ("smiyti", .personIntro), ("ana smiti", .personIntro),
        ("smiya", .personIntro), ("smitou", .personIntro), ("smitha", .personIntro), ("سميتي", .personIntro), ("سميتو", .personIntro), ("سميتها", .personIntro),
        ("اسمي", .personIntro), ("الاسم", .personIntro), ("الاسم الكامل", .personIntro), ("الاسم العائلي", .personIntro), ("الاسم الشخصي", .personIntro),
        ("اسم", .personIntro), ("isem inu", .personIntro), ("isem", .personIntro), ("ism inu", .personIntro),
        ("ⵉⵙⵎ ⵉⵏⵓ", .personIntro), ("ⵉⵙⵎ", .personIntro), ("ⵉⵙⵎ ⵏⵏⵓ", .personIntro), ("isem nnu", .personIntro), ("ⵏⴽⴽ ⴷ", .personIntro),
        ("nekk d", .personIntro), ("nkk d", .personIntro), ("ana", .personIntro), ("soussigne", .personIntro),
        ("soussignee", .personIntro), ("الموقع اسفله", .personIntro), ("الموقعه اسفله", .personIntro), ("undersigned", .personIntro), ("signe", .personIntro), ("cordialement", .personIntro),
        ("regards", .personIntro), ("titulaire", .personIntro), ("au nom de", .personIntro), ("باسم", .personIntro), ("holder", .personIntro),
        // Address
        ("rue", .address), ("avenue", .address), ("av", .address), ("bd", .address), ("boulevard", .address), ("blvd", .address),
        ("hay", .address), ("derb", .address), ("lot", .address), ("lotissement", .address), ("residence", .address), ("res", .address),
        ("imm", .address), ("immeuble", .address), ("appt", .address), ("appartement", .address), ("quartier", .address), ("douar", .address),
        ("zanqa", .address), ("zenqa", .address), ("znqa", .address), ("zn9a", .address), ("street", .address), ("road", .address),
        ("st", .address), ("place", .address), ("angle", .address), ("cite", .address), ("secteur", .address), ("bloc", .address),
        ("زنقه", .address), ("حي", .address), ("شارع", .address), ("درب", .address), ("تجزئه", .address), ("اقامه", .address),
        ("عماره", .address), ("دوار", .address), ("زنقة", .address), ("الحي", .address), ("الشارع", .address), ("ساحه", .address),
        ("aɣaras", .address), ("agharas", .address), ("ⴰⵖⴰⵔⴰⵙ", .address), ("azniq", .address), ("aznik", .address), ("ⴰⵣⵏⵉⵇ", .address),
        ("ⴰⴷⵡⵡⴰⵔ", .address), ("adwwar", .address), ("ⵜⴰⵙⵓⵜⴰ", .address),
    ]

    /// What one lookup tells about a word: its cue phrases (a range of `WordIndex.entries`), what it can be in a
    /// name, and whether it is a stop word or a month. One table for all three, so that the scanner hashes and probes
    /// each word once (before, the cue table and the name table were probed separately).
    struct WordInfo: Sendable {
        var entryStart: UInt32 = 0
        var entryCount: UInt32 = 0
        var name: NameKind = []
        var isStopWord = false
    }

    /// A cue phrase starting with some word: the keys of its other words (`restStart..<restStart + restCount` in
    /// `WordIndex.restKeys`) and its cue. Flat storage: reading an entry retains nothing.
    struct FlatEntry: Sendable {
        var restStart: Int32
        var restCount: Int32
        var cue: Cue
    }

    struct WordIndex: Sendable {
        let words: PackedWordTable
        let entries: [FlatEntry]
        let restKeys: [WordKey]
    }

    /// The word table of `index`, packed for the cache: one 64-bit word per slot, at most half full, holding the upper
    /// 34 bits of the key and the `WordInfo` (14 bits of entry start, 7 of entry count, 8 of name kinds, 1 stop-word
    /// flag); an empty slot is zero, and every stored word has entries, a name kind or the flag. 8,192 slots take
    /// 64 KiB: a probe is one memory access, where three parallel arrays cost three.
    struct PackedWordTable: Sendable {
        private let slots: [UInt64]
        private let shift: UInt64
        private let mask: Int
        private static let payloadBits: UInt64 = 30

        init(_ entries: [WordKey: WordInfo]) {
            let (capacity, shift) = openAddressingSize(count: entries.count, loadFactor: 2)
            var slots = [UInt64](repeating: 0, count: capacity)
            for (key, info) in entries {
                precondition(info.entryStart < 1 << 14 && info.entryCount < 1 << 7, "Lexicon: too many cue phrases for PackedWordTable")
                let payload = UInt64(info.entryStart) | UInt64(info.entryCount) << 14 | UInt64(info.name.rawValue) << 21
                    | (info.isStopWord ? 1 << 29 : 0)
                guard payload != 0 else { continue }
                let tag = key.value & ~((1 << Self.payloadBits) - 1)
                var i = Int(truncatingIfNeeded: (key.value &* 0x9E37_79B9_7F4A_7C15) >> shift)
                while slots[i] != 0 { i = (i + 1) & (capacity - 1) }
                slots[i] = tag | payload
            }
            self.slots = slots
            self.shift = shift
            self.mask = capacity - 1
        }

        @inline(__always)
        subscript(key: WordKey) -> WordInfo? {
            let tag = key.value & ~((1 << Self.payloadBits) - 1)
            var i = Int(truncatingIfNeeded: (key.value &* 0x9E37_79B9_7F4A_7C15) >> self.shift)
            while true {
                let slot = self.slots[i]
                if slot == 0 { return nil }
                if slot & ~((1 << Self.payloadBits) - 1) == tag {
                    return WordInfo(
                        entryStart: UInt32(truncatingIfNeeded: slot & 0x3FFF),
                        entryCount: UInt32(truncatingIfNeeded: (slot >> 14) & 0x7F),
                        name: NameKind(rawValue: UInt8(truncatingIfNeeded: slot >> 21)),
                        isStopWord: (slot >> 29) & 1 == 1
                    )
                }
                i = (i + 1) & self.mask
            }
        }

        var footprintBytes: Int { self.slots.count * MemoryLayout<UInt64>.stride }
    }

    /// Word key -> cue phrases (longest first), name kinds, stop-word flag. Multi-word phrases are split on spaces,
    /// apostrophes and dots like the tokenizer does.
    static let index: WordIndex = {
        var phrases: [WordKey: [Entry]] = [:]
        for (phrase, cue) in Self.cuePhrases + NameContext.cuePhrases {
            let words = Self.keys(of: phrase)
            guard let first = words.first else { continue }
            phrases[first, default: []].append(Entry(rest: Array(words.dropFirst()), cue: cue))
        }
        var info: [WordKey: WordInfo] = [:]
        var entries: [FlatEntry] = []
        var restKeys: [WordKey] = []
        for (key, list) in phrases {
            let sorted = list.sorted { $0.rest.count > $1.rest.count }
            info[key] = WordInfo(entryStart: UInt32(entries.count), entryCount: UInt32(sorted.count))
            for entry in sorted {
                entries.append(FlatEntry(restStart: Int32(restKeys.count), restCount: Int32(entry.rest.count), cue: entry.cue))
                restKeys.append(contentsOf: entry.rest)
            }
        }
        for (key, kind) in NameLexicon.kinds { info[key, default: WordInfo()].name = kind }
        for key in Self.stopWordKeys { info[key, default: WordInfo()].isStopWord = true }
        for key in Self.monthKeys { info[key, default: WordInfo()].isStopWord = true }
        return WordIndex(words: PackedWordTable(info), entries: entries, restKeys: restKeys)
    }()

    /// Tokenises a lexicon phrase into folded keys, exactly as `NormalizedText.tokenize` would.
    static func keys(of phrase: String) -> [WordKey] {
        NormalizedText(phrase).tokenize().map(\.key)
    }

    /// Words that end a name or an address.
    static let stopWords = WordSet(Self.stopWordKeys)

    private static let stopWordKeys: [WordKey] = (
        """
        et je j suis de du des la le les l un une a au aux pour par avec sans sur dans en est sont mon ma mes ton ta son sa ses \
        votre vos notre nos merci svp stp bonjour salut cordialement qui que quoi ou car mais donc or ni ce cet cette ces il elle \
        nous vous ils elles on y habite habitant reside domicile demeurant tel telephone numero email mail ne nee age ans \
        and the of to in at on for with my your his her is am are was from by i we you he she they it this that please thanks \
        hello dear lives living live near \
        ana nta nti howa hiya w o f fi m3a dyal dyali dyalha dyalo dyalou wach bghit bghina kan kant kayn kayna 3afak afak \
        chokran shukran hna temma li lli men mn l dial diali smiti nmra ra rah raha had hadi hadak sakn saken sakna \
        kansken kanskon kanskn ghadi baghi safi daba lyoum ghda \
        و في من الى إلى على عن مع هو هي انا أنا ديال ديالي ديالو ديالها ساكن ساكنه كنسكن كانسكن السلام سلام شكرا عافاك \
        رقم هاتف بغيت واش لي اللي الحامل الحامله الحاملين القاطن القاطنه الساكن يطلب تطلب نطلب كنطلب اسكن يسكن تسكن نسكن اريد يريد تريد نريد بغا بغات ضاع ضاعت ضاعو ليه ليا ليها ليهم يبغي عافاك المرجو طلب هاد هادي هنا تما ب ل ف راه راني رانا ممكن عندي عندو عندها لا ما كان كانت المرجو \
        ⴷ ⴳ ⵏ ⵉ ⴰⵔ ⵓⵔ ⵏⴽⴽ ⵜⴰⵏⵎⵎⵉⵔⵜ ⴰⵣⵓⵍ d g n i ar ur nekk tanmmirt azul zedgh zdgh ⵣⴷⵖ ghri ⵖⵓⵔⵉ
        """.split(whereSeparator: { $0 == " " || $0 == "\n" }).flatMap { Self.keys(of: String($0)) }
    )

    /// Month names (French, English, Moroccan Arabic, Darija, Amazigh) to month number.
    static let months: WordTable<Int> = WordTable(Self.monthTable.map { ($0.key, $0.value) })

    private static var monthKeys: [WordKey] { Array(Self.monthTable.keys) }

    private static let monthTable: [WordKey: Int] = {
        var table: [WordKey: Int] = [:]
        let lists: [[String]] = [
            ["janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre", "octobre", "novembre", "decembre"],
            ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"],
            ["يناير", "فبراير", "مارس", "ابريل", "ماي", "يونيو", "يوليوز", "غشت", "شتنبر", "اكتوبر", "نونبر", "دجنبر"],
            ["janvie", "febrayer", "mars", "abril", "may", "yonyo", "youlyouz", "ghocht", "chtanbir", "oktobr", "nonbir", "djanbir"],
            ["ⵉⵏⵏⴰⵢⵔ", "ⴱⵕⴰⵢⵕ", "ⵎⴰⵕⵚ", "ⵉⴱⵔⵉⵔ", "ⵎⴰⵢⵢⵓ", "ⵢⵓⵏⵢⵓ", "ⵢⵓⵍⵢⵓⵣ", "ⵖⵓⵛⵜ", "ⵛⵓⵜⴰⵏⴱⵉⵔ", "ⴽⵜⵓⴱⵕ", "ⵏⵓⵡⴰⵏⴱⵉⵔ", "ⴷⵓⵊⴰⵏⴱⵉⵔ"],
            ["innayr", "brayr", "mars", "ibrir", "mayyu", "yunyu", "yulyuz", "ghuct", "cutanbir", "ktubr", "nuwanbir", "dujanbir"],
            ["jan", "fev", "feb", "mar", "avr", "apr", "mai", "jun", "jui", "jul", "aou", "aug"],
        ]
        for list in lists.dropLast() {
            for (index, name) in list.enumerated() {
                for key in Self.keys(of: name) { table[key] = index + 1 }
            }
        }
        let short: [(String, Int)] = [("janv", 1), ("fev", 2), ("feb", 2), ("avr", 4), ("apr", 4), ("juil", 7), ("aug", 8), ("sept", 9), ("sep", 9), ("oct", 10), ("nov", 11), ("dec", 12)]
        for (name, month) in short { table[WordKey(stringLiteral: name)] = month }
        return table
    }()

    /// Moroccan cities: raise address confidence and close an address span.
    static let cities = WordSet(
        """
        rabat casablanca casa fes fez marrakech marrakesh tanger tangier agadir oujda kenitra tetouan meknes sale temara \
        mohammedia safi eljadida el jadida nador beni mellal khouribga taza settat larache ksar errachidia ouarzazate tiznit \
        essaouira guelmim laayoune dakhla ifrane azrou khemisset berrechid inezgane chefchaouen al hoceima midelt taroudant \
        الرباط الدار البيضاء البيضاء فاس مراكش طنجه اكادير وجده القنيطره تطوان مكناس سلا تماره المحمديه اسفي الجديده الناظور \
        بني ملال خريبكه تازه سطات العرائش الراشيديه ورزازات تزنيت الصويره كلميم العيون الداخله افران \
        ⵔⴱⴰⵟ ⴰⴳⴰⴷⵉⵔ ⵜⵉⵣⵏⵉⵜ ⵜⴰⵔⵓⴷⴰⵏⵜ ⵎⵕⵕⴰⴽⵛ ⴰⵏⴼⴰ ⴼⴰⵙ ⵡⴰⵔⵣⴰⵣⴰⵜ ⴰⵍⵃⵓⵙⵉⵎⴰ ⵜⵉⵟⵟⴰⵡⵉⵏ ⵎⴽⵏⴰⵙ
        """.split(whereSeparator: { $0 == " " || $0 == "\n" }).flatMap { Self.keys(of: String($0)) }
    )
}
