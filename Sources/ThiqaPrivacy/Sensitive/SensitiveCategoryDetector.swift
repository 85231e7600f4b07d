/// Special categories of personal data under law 09-08 (with biometric, sex life and criminal records added, stricter).
public enum SensitiveCategory: String, Sendable, Codable, CaseIterable, Hashable {
    case health, religion, politicalOpinion, tradeUnion, ethnicOrigin, sexLife, genetic, biometric, criminalRecord
}

/// A cue word that reveals a sensitive category.
public struct SensitiveCategoryFinding: Sendable, Codable, Equatable, Hashable {
    public var category: SensitiveCategory
    /// Original Unicode-scalar offsets of the cue, end exclusive.
    public var start: Int
    public var end: Int
    public var text: String
    public var score: Double

    public init(category: SensitiveCategory, start: Int, end: Int, text: String, score: Double) {
        self.category = category
        self.start = start
        self.end = end
        self.text = text
        self.score = score
    }
}

/// Lexicon-based detection of sensitive categories in French, Arabic, Darija, Amazigh and English.
/// A word ending in `*` matches by prefix (stems such as `diabet*`); Arabic words also match after a
/// leading article or conjunction (ال، و، ب، ل، ف).
public struct SensitiveCategoryDetector: Sendable {
    public init() {}

    public func detect(_ text: String) -> [SensitiveCategoryFinding] {
        if text.isEmpty { return [] }
        let norm = NormalizedText(text)
        let tokens = norm.tokenize()
        var out: [SensitiveCategoryFinding] = []
        var i = 0
        while i < tokens.count {
            let token = tokens[i]
            guard token.isWord else {
                i += 1
                continue
            }
            var match: (SensitiveCategory, Double, Int)? = nil
            let folded = norm.folded(token)
            var variants = [folded]
            if token.script == .arabic { variants += ScanState.cliticVariants(folded) }
            outer: for scalars in variants {
                if let entries = SensitiveLexicon.exact[WordKey(folded: scalars)] {
                    for entry in entries {
                        let last = i + entry.rest.count
                        guard last < tokens.count else { continue }
                        if entry.rest.enumerated().allSatisfy({ tokens[i + 1 + $0.offset].key == $0.element }) {
                            match = (entry.category, entry.score, last)
                            break outer
                        }
                    }
                }
                if scalars.count >= 4 {
                    // Prefix hashes, longest first.
                    var prefixes: [WordKey] = []
                    var h = WordKey.offsetBasis
                    for (k, v) in scalars.prefix(14).enumerated() {
                        h = WordKey.mix(h, v)
                        if k >= 3 { prefixes.append(WordKey(value: h)) }
                    }
                    for key in prefixes.reversed() {
                        if let hit = SensitiveLexicon.stems[key] {
                            match = (hit.category, hit.score, i)
                            break outer
                        }
                    }
                }
            }
            if let (category, score, last) = match {
                let range = norm.originalRange(token.start, tokens[last].end)
                out.append(SensitiveCategoryFinding(category: category, start: range.lowerBound, end: range.upperBound, text: norm.originalText(range), score: score))
                i = last + 1
            } else {
                i += 1
            }
        }
        return out
    }

    /// Categories present, strongest score each.
    public func categories(in text: String) -> Set<SensitiveCategory> {
        Set(self.detect(text).map(\.category))
    }
}

enum SensitiveLexicon {
    struct Exact: Sendable {
        var rest: [WordKey]
        var category: SensitiveCategory
        var score: Double
    }

    struct Stem: Sendable {
        var category: SensitiveCategory
        var score: Double
    }

    static let words: [(SensitiveCategory, Double, String)] = {
        var list: [(SensitiveCategory, Double, String)] = []
        func add(_ c: SensitiveCategory, _ score: Double, _ words: String) {
            for w in words.split(separator: "|") { list.append((c, score, String(w))) }
        }
        add(.health, 0.85, "diabet*|cancer*|tumeur*|chimio*|hiv|vih|sida|aids|hepatite*|hepatitis|dialys*|insuffisance renale|asthm*|epilep*|depression|depressif|depressive|schizophren*|bipolaire|bipolar|handicap*|disabilit*|enceinte|pregnan*|grossesse|maladie*|malade|disease|illness|hospitalis*|hospital*|hopital|chirurgi*|operation chirurgicale|traitement medical|medicament*|medication|ordonnance|prescription|psychiatr*|tuberculos*|covid|alzheimer|parkinson|autis*|allergi*|ramed|amo maladie|certificat medical|medical certificate|mrid|mrida|marid|sbitar|tbib|twalet|dwa|ldwa|sukkar|skkar|lmard")
        add(.health, 0.85, "السكري|السكر|مرض*|مريض*|سرطان|الكلي|مستشفى|سبيطار|طبيب|دواء|الدواء|علاج|حامل|الحمل|اعاقه|معاق|نفسي|اكتئاب|تصفيه الدم|ضغط الدم|الربو|كوفيد|راميد|شهاده طبيه|عمليه جراحيه|ⴰⵟⵟⴰⵏ|ⴰⵎⴰⴹⵓⵏ|ⴰⵙⴳⵏⴼ|attan|amadun|ⵜⴰⴷⵓⵙⵉ|tadusi|ⴰⵙⵙⴰⵍⵉⴼ")
        add(.religion, 0.8, "musulman*|muslim*|islam*|chretien*|christian*|juif|juive|jewish|judaism*|athee|atheist*|athe*sm*|agnosti*|bouddhis*|buddhis*|catholi*|protestant*|evangeli*|chiite|shia|sunnite|sunni|ahmadi*|bahai|conversion religieuse|converti|convertie|apostasie|apostat*|fete religieuse|mosquee|mosque|eglise|church|synagogue|priere|religio*|croyance*|imane|ftar ramadan|sayem|kansali|msalli|ملحد|مسيحي*|يهودي*|مسلم|المسلم|شيعي*|سني|ديانه|مسجد|الجامع|كنيسه|صلاه|كنصلي|الصلاه|صايم|اعتناق|ارتداد|ⴰⵎⵓⵙⵍⵎ|amuslm|ⴰⴷⵉⵏ|ⵜⴰⵥⴰⵍⵍⵉⵜ|taẓallit")
        add(.politicalOpinion, 0.8, "parti politique|political party|militant*|activist*|pjd|rni|usfp|istiqlal|pam|annahj|al adl wal ihsane|justice et spiritualite|manifestation*|manif|protest*|vote|voter|elections|election|opposition|opinion politique|political opinion|boycott*|hirak|حزب|الحزب|سياسي*|مناضل|ناشط|مظاهره|احتجاج|الانتخابات|انتخابات|صوتت|معارضه|الحراك|حراك|العدل والاحسان|ⴰⴽⴰⴱⴰⵔ|akabar|ⴰⵙⵔⴰⴳ")
        add(.tradeUnion, 0.85, "syndicat*|syndical*|syndique*|union marocaine du travail|umt|cdt|ugtm|fdt|odt|greve|grevist*|strike|trade union|union member|labor union|sendika|نقابه|النقابه|نقابي|نقابيه|اضراب|الاضراب|مضرب|ⵜⴰⵎⵓⵏⵜ ⵏ ⵉⵅⴷⴷⴰⵎⵏ")
        add(.ethnicOrigin, 0.75, "race|racial|ethni*|origine ethnique|ethnic origin|subsaharien*|sub-saharan|migrant*|refugie*|refugee*|sans papiers|clandestin*|amazigh|berbere|berber|sahraoui*|rifain*|soussi|juif marocain|couleur de peau|skin colour|skin color|عرق|عرقي|اصل عرقي|امازيغي*|اسود|كحل|كحلوش|صحراوي|ريفي|سوسي|مهاجر*|لاجئ*|عزي|3azzi|azzi|kahlouch|ⴰⵎⴰⵣⵉⵖ|ⴰⵎⵣⵡⴰⵔⵓ")
        add(.sexLife, 0.85, "homosexu*|gay|lesbien*|lesbian|bisexu*|transgen*|trans|lgbt*|orientation sexuelle|sexual orientation|vie sexuelle|sex life|relation sexuelle|sexual relation|relations hors mariage|hors mariage|extramarital|ist|mst|std|avortement|abortion|virginite|virginity|مثلي*|المثليه|جنسي*|علاقه جنسيه|خارج الزواج|اجهاض|الاجهاض|العذريه|بكاره|zamel|m3a ssahbi|lwa7ch")
        add(.genetic, 0.85, "genetique*|genetic*|adn|dna|genome|genom*|sequencage|sequencing|hereditaire|hereditary|test de paternite|paternity test|mucoviscidose|trisomie|thalassemi*|drepanocyt*|جيني*|الحمض النووي|وراثي*|البصمه الوراثيه|اختبار الابوه")
        add(.biometric, 0.8, "empreinte*|fingerprint*|biometri*|reconnaissance faciale|facial recognition|face id|iris|retine|retina|scan du visage|face scan|voiceprint|empreinte vocale|بصمه|البصمه|بصمات|بيومتري*|التعرف على الوجه|قزحيه|ⵜⴰⵙⴳⵍⵓⵍⵜ")
        add(.criminalRecord, 0.85, "casier judiciaire|criminal record|condamn*|convicted|conviction|prison*|detenu*|incarcer*|garde a vue|police custody|arrete par|arrested|arrestation|inculpe*|proces penal|criminal trial|delit*|crime*|vol a main armee|drogue*|trafic de|liberte provisoire|habs|l7abs|tchd|tchedd|chedouh|سجن|السجن|سجين|محكوم|حكم عليه|السوابق|سوابق|السجل العدلي|السجل الجنائي|معتقل|اعتقال|الاعتقال|جريمه|جنحه|مخدرات|الحبس|حبس|شدوه|تشد|ⴰⵏⵙⵓⵍⴼ|ⵍⵃⴰⴱⵙ")
        return list
    }()

    static let exact: WordTable<[Exact]> = {
        var table: [WordKey: [Exact]] = [:]
        for (category, score, word) in Self.words where !word.hasSuffix("*") {
            let keys = Lexicon.keys(of: word)
            guard let first = keys.first else { continue }
            table[first, default: []].append(Exact(rest: Array(keys.dropFirst()), category: category, score: score))
        }
        for key in table.keys { table[key]?.sort { $0.rest.count > $1.rest.count } }
        return WordTable(table.map { ($0.key, $0.value) })
    }()

    static let stems: WordTable<Stem> = {
        var table: [WordKey: Stem] = [:]
        for (category, score, word) in Self.words where word.hasSuffix("*") {
            let keys = Lexicon.keys(of: String(word.dropLast()))
            guard keys.count == 1, let stem = keys.first, String(word.dropLast()).unicodeScalars.count >= 4 else { continue }
            table[stem] = Stem(category: category, score: score - 0.05)
        }
        return WordTable(table.map { ($0.key, $0.value) })
    }()
}
