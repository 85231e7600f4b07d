import ThiqaRetrieval

/// The part of a procedure a question asks about ("w bchhal?" asks the fees, "fin n7et dossier?" the place). A
/// question with none of them gets the whole procedure, step by step.
public enum QuestionAspect: String, Sendable, Hashable, CaseIterable, Comparable {
    case steps, documents, fees, delay, place

    public static func < (lhs: QuestionAspect, rhs: QuestionAspect) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// The aspects a question asks about, and which of its words said so (to tell a follow-up from a new topic).
    public static func detect(_ text: String) -> (aspects: Set<QuestionAspect>, cueWords: Set<String>) {
        var cueWords: Set<String> = []
        let words = Self.words(text)
        var found: Set<QuestionAspect> = []
        // "où" keeps its accent only before folding ("ou" is also "or").
        if text.lowercased().contains("où") {
            found.insert(.place)
            cueWords.insert("ou")
        }
        var weakFee = false
        for (aspect, cues) in Self.cues {
            for cue in cues where Self.contains(words, cue) {
                found.insert(aspect)
                cueWords.formUnion(cue)
            }
        }
        for cue in Self.weakFeeCues where Self.contains(words, cue) {
            weakFee = true
            cueWords.formUnion(cue)
        }
        // "ch7al", "combien", "how much" ask a price unless they ask a time or a number of papers.
        if weakFee, found.isDisjoint(with: [.delay, .documents]) { found.insert(.fees) }
        return (found, cueWords)
    }

    /// Folded words, the conjunction glued to an Arabic-script word split off ("وبشحال" → "و", "بشحال").
    static func words(_ text: String) -> [String] {
        Tokenizer.words(TextFolding.fold(text)).flatMap { word -> [String] in
            if word.script == .arabic, word.text.hasPrefix("و"), word.text.count >= 4 { return ["و", String(word.text.dropFirst())] }
            return [word.text]
        }
    }

    static func contains(_ words: [String], _ cue: [String]) -> Bool {
        guard !cue.isEmpty, words.count >= cue.count else { return false }
        for start in 0...(words.count - cue.count) where Array(words[start..<(start + cue.count)]) == cue { return true }
        return false
    }

    static func folded(_ phrases: [String]) -> [[String]] {
        phrases.map { Tokenizer.words(TextFolding.fold($0)).map(\.text) }.filter { !$0.isEmpty }
    }

    static let cues: [(QuestionAspect, [[String]])] = [
        (.fees, folded([
            // fr
            "coûte", "coute", "coûtent", "coût", "cout", "prix", "frais", "tarif", "payer", "payant", "gratuit", "montant",
            // ar
            "تكلفة", "التكلفة", "يكلف", "تكلف", "الرسوم", "رسوم", "ثمن", "الثمن", "سعر", "مبلغ", "مجاني", "مجانا", "الأداء",
            // ary-Arab
            "بشحال", "كيسوا", "كتسوا", "نخلص", "الفلوس", "التمن", "فابور",
            // ary-Latn
            "bchhal", "bch7al", "bchal", "flous", "lflous", "nkhlles", "nkhles", "nkhelles", "khlas", "taman", "ttaman",
            "kayswa", "kaysswa", "katswa", "fabor", "blach",
            // en
            "cost", "costs", "fee", "fees", "price", "pay", "free",
            // ber-Latn, zgh-Tfng
            "azal", "ⴰⵣⴰⵍ",
        ])),
        (.delay, folded([
            "combien de temps", "délai", "delai", "délais", "durée", "duree", "quand", "attendre",
            "كم من الوقت", "كم يستغرق", "المدة", "مدة", "الأجل", "الآجال", "أجل", "متى",
            "شحال ديال الوقت", "شحال كياخد", "الوقت", "إمتى", "امتى", "فوقاش",
            "ch7al dyal lwa9t", "ch7al kayakhod", "chhal kayakhod", "lwa9t", "l wa9t", "wa9t", "lw9t", "imta", "fo9ach", "fou9ach",
            "how long", "delay", "time", "when",
            "akud", "wakud", "melmi", "ⴰⴽⵓⴷ", "ⵡⴰⴽⵓⴷ", "ⵎⵍⵎⵉ",
        ])),
        (.documents, folded([
            "documents", "document", "pièces", "pieces", "papiers", "dossier", "fournir",
            "الوثائق", "وثائق", "الملف", "المستندات", "الأوراق",
            "الوراق", "وراق", "لوراق", "الكواغط", "خاصني",
            "wra9", "lwra9", "lwra9i", "kwaghet", "lkwaghet", "khasni", "wata2i9", "lwata2i9", "dossie",
            "papers", "paperwork", "bring", "need",
            "tiwriqin", "lwraq", "ⵜⵉⵡⵔⵉⵇⵉⵏ",
        ])),
        (.place, folded([
            "où aller", "où déposer", "où faire", "où s'adresser", "où s’adresser", "quel bureau", "adresse", "lieu", "guichet",
            "أين", "مكان", "الجهة",
            "فين", "فاين", "منين",
            "fin", "fine", "fayn", "fain", "mnin",
            "where",
            "mani", "manis", "ⵎⴰⵏⵉ",
        ])),
        (.steps, folded([
            "étapes", "etapes", "comment faire", "procédure",
            "المراحل", "الخطوات", "كيف", "الإجراءات",
            "كيفاش", "شنو ندير",
            "kifach", "kifash", "chno ndir", "achno ndir", "khatawat",
            "how do i", "how to", "steps",
            "mamk", "ⵎⴰⵎⴽ",
        ])),
    ]

    /// Words that ask "how much" of anything: a price unless the question asks a time or papers.
    static let weakFeeCues = folded(["combien", "شحال", "كم", "ch7al", "chhal", "ch7l", "how much", "mnck", "mennaw", "ⵎⵏⵛⴽ"])
}
