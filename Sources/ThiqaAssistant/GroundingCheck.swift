import Foundation
import ThiqaKnowledge
import ThiqaRetrieval

/// Checks a model's rephrasing of an extractive answer against the sources it came from. The model may change the
/// wording, never the facts: a number, fee, delay, document or place that the sources do not contain (or a number
/// of the extractive answer that the rephrasing dropped) rejects the rephrasing, and the extractive answer is sent
/// instead. Typed lexicons give the reason (what was invented); numbers are checked whatever their script or
/// spelling (digits, Arabic-Indic digits, number words).
public struct GroundingCheck: Sendable {
    public enum Finding: String, Sendable, Hashable, CaseIterable {
        case fee, delay, document, place, number
        /// A number of the extractive answer is missing from the rephrasing (a fact dropped or changed).
        case omission
    }

    public struct Rejection: Sendable, Hashable, CustomStringConvertible {
        public var finding: Finding
        /// The word or number that is not in the sources.
        public var detail: String
        public var description: String { "\(finding.rawValue): \(detail)" }
    }

    let sourceWords: Set<String>
    /// Documents and places the sources name, by concept (whatever the language they name them in).
    let sourceConcepts: Set<String>
    let sourceNumbers: Set<String>
    let requiredNumbers: Set<String>

    /// `sources`: the procedures the answer cites; `extractive`: the answer the model was asked to rephrase;
    /// `question`: what the person wrote (a model may repeat it).
    public init(sources: [Procedure], extractive: AssistantAnswer, question: String) {
        var texts = sources.flatMap(Self.texts(of:))
        texts.append(extractive.text)
        texts.append(question)
        let words = Phrasebook.of(extractive.language.frame)
        texts += [words.steps, words.documents, words.fees, words.delay, words.place, words.contact, words.sources, words.portal]
        let joined = texts.joined(separator: "\n")
        self.sourceWords = Set(Self.words(joined))
        self.sourceConcepts = Set(sourceWords.flatMap { [Self.documentConcepts[$0], Self.placeConcepts[$0]].compactMap { $0 } })
        self.sourceNumbers = Set(Self.numbers(joined).map(\.value))
        self.requiredNumbers = Set(Self.numbers(extractive.body).map(\.value))
    }

    /// Every text of a procedure, in every language form it has.
    static func texts(of procedure: Procedure) -> [String] {
        var texts: [String] = Array(procedure.title.values) + procedure.keywords.values.flatMap { $0 } + Array(procedure.summary.values)
        texts += procedure.steps.values.flatMap { $0 } + procedure.documents.values.flatMap { $0 }
        texts += Array(procedure.fees.values) + Array(procedure.delay.values) + Array(procedure.place.values) + Array(procedure.contact.values)
        texts += procedure.sections.map(\.markdown)
        texts += [procedure.sourceURL, procedure.sourceName ?? ""]
        return texts
    }

    /// The first reason to reject `rephrasing`, or nil when it is grounded.
    public func check(_ rephrasing: String) -> Rejection? {
        guard rephrasing.contains(where: { $0.isLetter }) else { return Rejection(finding: .omission, detail: "empty") }
        let found = Self.numbers(rephrasing)
        for number in found where !sourceNumbers.contains(number.value) {
            let finding: Finding = number.unit.map { Self.currencies.contains($0) ? .fee : .delay } ?? .number
            return Rejection(finding: finding, detail: number.written)
        }
        let words = Self.words(rephrasing)
        for word in words {
            if Self.feeWords.contains(word) || Self.currencies.contains(word), !sourceWords.contains(word) {
                return Rejection(finding: .fee, detail: word)
            }
            if Self.durationWords.contains(word), !sourceWords.contains(word) {
                return Rejection(finding: .delay, detail: word)
            }
            if let concept = Self.placeConcepts[word], !sourceConcepts.contains(concept) {
                return Rejection(finding: .place, detail: word)
            }
            if let concept = Self.documentConcepts[word], !sourceConcepts.contains(concept) {
                return Rejection(finding: .document, detail: word)
            }
        }
        // A known document with another qualifier ("acte de *mariage*", "شهادة *السكنى*") is another document.
        for (head, qualifier) in Self.qualifiedDocuments(rephrasing) where !sourceWords.contains(qualifier) {
            return Rejection(finding: .document, detail: "\(head) \(qualifier)")
        }
        let kept = Set(found.map(\.value))
        if let dropped = requiredNumbers.subtracting(kept).sorted().first {
            return Rejection(finding: .omission, detail: dropped)
        }
        return nil
    }

    // MARK: Words and numbers

    /// Document words followed by what says which document it is: in Latin letters, the noun after "de", "d'", "du",
    /// "des", "of", "dyal", "n"; in Arabic script, the next word (the construct state needs no preposition).
    static func qualifiedDocuments(_ text: String) -> [(head: String, qualifier: String)] {
        let readable = Transliteration.hasTifinagh(text) ? Transliteration.tifinaghToLatin(text) : text
        let raw = Tokenizer.words(TextFolding.fold(readable))
        var pairs: [(String, String)] = []
        for (index, token) in raw.enumerated() {
            guard let head = Analyzer.terms(token.text).first?.text, documentConcepts[head] != nil else { continue }
            var next = index + 1
            if token.script == .latin, next < raw.count, qualifierLinks.contains(raw[next].text) {
                next += 1
                // "de la", "des": an article between the link and the noun.
                while next < raw.count, articles.contains(raw[next].text) { next += 1 }
            } else if token.script == .latin {
                // Without a link, only an adjective qualifies the document ("certificat *médical*"); another word
                // after it is the sentence going on ("timbre *fih* 16 chiffres").
                guard next < raw.count, raw[next].text.count >= 5, adjectiveEndings.contains(where: { raw[next].text.hasSuffix($0) }) else { continue }
            }
            // In Arabic script, the next word: the construct state needs no link ("شهادة *طبية*").
            guard next < raw.count, raw[next].script == token.script, let qualifier = Analyzer.terms(raw[next].text).first?.text,
                qualifier.count >= 3
            else { continue }
            pairs.append((head, qualifier))
        }
        return pairs
    }

    /// French and English adjective endings, folded (médical, bancaire, administratif, judiciaire, medical).
    static let adjectiveEndings = ["al", "ale", "aux", "ique", "if", "ive", "el", "elle", "aire", "ee", "ical", "ary", "ic"]
    static let qualifierLinks: Set<String> = ["de", "d", "du", "des", "of", "dyal", "dial", "n"]
    static let articles: Set<String> = ["la", "le", "l", "les", "the", "a", "an", "un", "une", "votre", "your", "ton", "ta"]

    /// Folded, stemmed words; Tifinagh read in Latin letters so that one lexicon serves both Amazigh scripts.
    static func words(_ text: String) -> [String] {
        let readable = Transliteration.hasTifinagh(text) ? Transliteration.tifinaghToLatin(text) : text
        return Analyzer.terms(readable).filter { $0.script != .digits }.map(\.text)
    }

    struct FoundNumber: Hashable {
        /// Canonical value (digits without leading zeros).
        var value: String
        var written: String
        /// The currency or time unit right next to it, folded and stemmed.
        var unit: String?
    }

    /// Numbers of a text, as digits or number words, with the unit next to them; list markers ("2.") at the start of
    /// a line and citation markers ("[1]") are not facts and are skipped, nor are Arabizi digits inside words (`n9ad`).
    static func numbers(_ text: String) -> [FoundNumber] {
        let readable = Transliteration.hasTifinagh(text) ? Transliteration.tifinaghToLatin(text) : text
        var found: [FoundNumber] = []
        for line in TextFolding.fold(readable).split(separator: "\n", omittingEmptySubsequences: false) {
            let scalars = Array(String(line).unicodeScalars)
            let lineWords = Analyzer.terms(String(line)).map(\.text)
            var index = 0
            var firstContent = scalars.firstIndex { !$0.properties.isWhitespace } ?? 0
            if firstContent < scalars.count, scalars[firstContent] == "-" || scalars[firstContent] == "*" { firstContent += 1 }
            while index < scalars.count {
                guard Self.isDigit(scalars[index]) else { index += 1; continue }
                let start = index
                while index < scalars.count, Self.isDigit(scalars[index]) { index += 1 }
                let digits = String(String.UnicodeScalarView(scalars[start..<index]))
                let before = start > 0 ? scalars[start - 1] : nil
                let after = index < scalars.count ? scalars[index] : nil
                var glued = ""
                var cursor = index
                while cursor < scalars.count, scalars[cursor].properties.isAlphabetic { glued.unicodeScalars.append(scalars[cursor]); cursor += 1 }
                if let before, before.properties.isAlphabetic { continue }
                if digits.count == 1, !glued.isEmpty, "2356789".contains(digits), glued.unicodeScalars.allSatisfy({ $0.value < 0x250 }) {
                    continue  // Arabizi: 3afak, 7et, 9ra
                }
                if start == firstContent, after == "." || after == ")" { continue }
                if before == "[", after == "]" { continue }
                let value = String(digits.drop { $0 == "0" }).isEmpty ? "0" : String(digits.drop { $0 == "0" })
                let unit = glued.isEmpty ? Self.unit(near: digits, in: lineWords) : Self.unitWord(Analyzer.terms(glued).first?.text ?? glued)
                found.append(FoundNumber(value: value, written: digits + glued, unit: unit))
            }
            for (position, word) in lineWords.enumerated() {
                guard let value = Self.numberWords[word] else { continue }
                let around = lineWords[max(0, position - 2)..<min(lineWords.count, position + 3)]
                found.append(FoundNumber(value: value, written: word, unit: around.lazy.compactMap(Self.unitWord).first))
            }
        }
        return found
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 0x30 && scalar.value <= 0x39 }

    static func unit(near digits: String, in words: [String]) -> String? {
        guard let position = words.firstIndex(of: digits) else { return nil }
        let around = words[max(0, position - 2)..<min(words.count, position + 3)]
        return around.lazy.compactMap(Self.unitWord).first
    }

    static func unitWord(_ word: String) -> String? {
        currencies.contains(word) || timeUnits.contains(word) ? word : nil
    }

    static func lexicon(_ text: String) -> Set<String> { Set(words(text)) }

    static let currencies = lexicon("""
        dh dhs mad dirham dirhams درهم درهما دراهم دراهيم ريال ryal riyal drahm drahem dirhm derham dollars euros euro dollar أورو اورو
        """)
    static let timeUnits = Set(["h", "j"]).union(lexicon("""
        jour jours j semaine semaines mois an ans année années heure heures h minute minutes min day days week weeks month months
        year years hour hours يوم أيام ايام يوما أسبوع أسابيع اسبوع شهر أشهر شهور سنة سنوات سنين ساعة ساعات دقيقة دقائق
        nhar iyam ayam ayyam simana simanat chhar chhor chhour 3am snin sa3a swaye3 d9i9a ass ussan wass ayyur ayyuren aseggas
        isggasn iseggasen usggas tasragt tisragin tsragin wussan wayyur
        """))
    /// Delays without a number ("le jour même", "immédiatement").
    static let durationWords = lexicon("""
        immédiatement immediatement instantanément immediately instantly فورا حالا daba fl7in dghya
        """)
    static let feeWords = lexicon("""
        gratuit gratuite gratuitement free مجاني مجانا مجانية فابور fabor batel baṭel blech
        """)
    /// Documents by concept, each with its words in the served languages: a rephrasing may say "tsawer" where the
    /// source says "photographies" (the same concept), never name a document whose concept the sources lack.
    static let documentConcepts = concepts("""
        certificate: certificat certificats attestation attestations certificate certificates شهادة شواهد سرتيفيكا لاطيسطاسيون chahada tasatmt
        act: acte actes رسم عقد 3a9d lɛqd
        extract: extrait extract مستخرج نسخة موجزة
        copy: copie copies photocopie photocopies copy نسخة كوبي kopi
        photo: photo photos photographie photographies photograph photographs صورة صور تصويرة تصاور tswira tsawer tugna tugniwin ssura
        form: formulaire formulaires form استمارة مطبوع نموذج
        receipt: reçu récépissé quittance receipt وصل توصيل lwasl
        bill: facture bill invoice فاتورة فاكتورة fatora fatura tafakturt tafaktort
        contract: contrat bail contract lease عقد الكراء كونطرا kontra
        card: carte card بطاقة كارط لاكارط lacarte takarda
        passport: passeport passport جواز باسبور paspor abasbur
        licence: permis licence license رخصة
        diploma: diplôme diploma شهادة دبلوم
        record: casier registre record سجل
        judgment: jugement judgment حكم
        statement: relevé statement كشف بيان
        declaration: déclaration declaration تصريح
        stamp: timbre stamp تنبر طابع تمبر tenber
        envelope: enveloppe envelope ظرف
        proxy: procuration وكالة
        booklet: livret كناش
        paper: papier papiers paper papers ورقة وراق wer9a wr9a war9a lwer9a tawriqt tiwriqin lkaghit
        """)
    static let placeConcepts = concepts("""
        office: bureau office مكتب بيرو lbiro biro lbureau lbiru
        commune: commune mairie جماعة بلدية كومون lcommune baladiya lbaladiya
        prefecture: préfecture prefecture province عمالة إقليم l3imala 3imala lɛamala
        region: wilaya région ولاية جهة lwilaya
        court: tribunal court محكمة lmahkama mahkama lmḥkama lmhkama
        caidat: caïdat caidat قيادة l9iyada 9iyada lqiyada
        annex: annexe annex ملحقة مقاطعة arrondissement lmo9ata3a mo9ata3a mqata3a
        consulate: consulat consulate قنصلية lconsulat
        embassy: ambassade embassy سفارة
        agency: agence agency وكالة
        centre: centre center مركز
        post: poste post بريد بوسطة lbosta bosta lbusta
        bank: banque bank بنك بنكة lbanka banka
        ministry: ministère ministry وزارة
        directorate: direction directorate مديرية
        delegation: délégation delegation مندوبية
        hospital: hôpital hospital مستشفى سبيطار sbitar
        police: commissariat police gendarmerie كوميسارية شرطة درك lkomisariya komisariya
        pachalik: pachalik باشوية
        desk: guichet desk شباك
        town: tamdint
        rabat: rabat rbat الرباط
        casablanca: casablanca casa البيضاء
        marrakech: marrakech مراكش
        fes: fes فاس
        tangier: tanger tanja طنجة
        agadir: agadir أكادير اكادير
        oujda: oujda wjda وجدة
        meknes: meknes مكناس
        tetouan: tetouan تطوان
        laayoune: laayoune العيون
        kenitra: kenitra القنيطرة
        eljadida: jadida الجديدة
        safi: safi آسفي
        nador: nador الناظور
        """)

    static func concepts(_ table: String) -> [String: String] {
        var map: [String: String] = [:]
        for line in table.split(separator: "\n") {
            let parts = line.split(separator: ":", maxSplits: 1)
            guard parts.count == 2 else { continue }
            let concept = parts[0].trimmingCharacters(in: .whitespaces)
            for word in words(String(parts[1])) where map[word] == nil { map[word] = concept }
        }
        return map
    }

    /// Number words of the served languages (one is left out: "un", "wahed", "one" are articles as often as numbers).
    static let numberWords: [String: String] = {
        let table: [(String, String)] = [
            ("deux jouj zouj two اثنين اثنان إثنين زوج جوج", "2"), ("trois tlata three ثلاثة تلاتة kraḍ krad ⴽⵕⴰⴹ", "3"),
            ("quatre rb3a reb3a four أربعة اربعة ربعة kkuẓ kkuz ⴽⴽⵓⵥ", "4"), ("cinq khmsa khamsa five خمسة خمسه semmus ⵙⵎⵎⵓⵙ", "5"),
            ("six stta setta ستة sḍis sdis ⵚⴹⵉⵚ", "6"), ("sept sb3a seb3a seven سبعة", "7"),
            ("huit tmnya tmenya eight ثمانية تمنية", "8"), ("ts3oud tes3a nine تسعة تسعود tẓa tza ⵜⵥⴰ", "9"),
            ("dix 3achra ten عشرة عشرا mraw ⵎⵔⴰⵡ", "10"), ("quinze khmstach fifteen خمسة عشر خمستاش", "15"),
            ("vingt 3echrin twenty عشرين عشرون", "20"), ("trente tlatin thirty ثلاثين ثلاثون", "30"),
            ("cent mya hundred مائة مئة مية", "100"), ("mille alf thousand ألف الف", "1000"),
        ]
        var map: [String: String] = [:]
        for (words, value) in table {
            for word in GroundingCheck.words(words) { map[word] = value }
        }
        return map
    }()
}
