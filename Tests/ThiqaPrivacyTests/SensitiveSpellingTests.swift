import Testing

@testable import ThiqaPrivacy

/// The canonical spelling of Arabizi and Amazigh words, and the cues for animals, lawyers and time clocks (session
/// `sensitive6`). Examples written for these tests; none comes from the evaluation sets.
@Suite("Sensitive data: one spelling for Arabizi and Amazigh, animals, lawyers, time clocks")
struct SensitiveSpellingTests {
    static func canonical(_ word: String) -> [UInt32] {
        SensitiveSpelling.canonical(SensitiveMatcher.foldedScalars(word))
    }

    static func text(_ scalars: [UInt32]) -> String {
        String(String.UnicodeScalarView(scalars.compactMap(Unicode.Scalar.init)))
    }

    @Test("Gemination, o/ou/u, Tifinagh letters and Arabizi digits reach one spelling")
    func canonicalForms() {
        let sugar = Self.canonical("sukar")
        #expect(Self.text(sugar) == "sukar")
        for form in ["ssukkar", "sokar", "Sokkar", "ⵙⵙⵓⴽⴽⴰⵔ", "soukar"] {
            #expect(Self.canonical(form) == sugar, "\(form) -> \(Self.text(Self.canonical(form)))")
        }
        #expect(Self.canonical("l7bs") == Self.canonical("lhbs"))
        #expect(Self.canonical("kharj") == Self.canonical("xarj"))
        #expect(Self.canonical("3ndi") == Self.canonical("ɛndi"))
        #expect(Self.canonical("ttzallagh") == Self.canonical("ⵜⵜⵥⴰⵍⵍⴰⵖ"))
        #expect(Self.canonical("chra") == Self.canonical("ⵛⵔⴰ"))
        #expect(Self.canonical("gʷma") == Self.canonical("ⴳⵯⵎⴰ"))
        #expect(Self.canonical("su2al") == Self.canonical("sual"))
        // Letters that differ stay apart: the canonical form is not a consonant skeleton.
        #expect(Self.canonical("avec") != Self.canonical("avc"))
        #expect(Self.canonical("mard") != Self.canonical("mrid"))
    }

    @Test("The Amazigh stem: feminine t…t, person prefixes, first-person -ɣ")
    func amazighCore() {
        #expect(SensitiveSpelling.amazighCore(Self.canonical("tamuḍint")).map(Self.text) == "amudin")
        #expect(SensitiveSpelling.amazighCore(Self.canonical("kcmɣ")).map(Self.text) == "kcm")
        #expect(SensitiveSpelling.amazighCore(Self.canonical("ikcm")).map(Self.text) == nil)  // 4 letters: no prefix stripped
        #expect(SensitiveSpelling.amazighCore(Self.canonical("ittamẓn")).map(Self.text) == "amzn")
        #expect(SensitiveSpelling.amazighCore(Self.canonical("ittuḥbas")) == SensitiveSpelling.amazighCore(Self.canonical("ttuḥbasɣ")))
        #expect(SensitiveSpelling.amazighCore(Self.canonical("nkk")) == nil)
        #expect(SensitiveSpelling.amazighCore(Self.canonical("amudin")) == nil)
    }

    @Test("A word listed once in Latin letters is found in Tifinagh and in other Latin spellings")
    func lexiconUnderCanonicalSpelling() {
        // The animal cues are listed in Latin letters only.
        #expect(SensitiveReader("ⴰⵎⵓⵛⵛ ⵉⵏⵓ").marks[0].contains(.animal))
        #expect(SensitiveReader("lkalb dyali").marks[0].contains(.animal))
        #expect(!SensitiveReader("ⴰⵎⵓⵙⵙ ⵉⵏⵓ").marks[0].contains(.animal))
        // "sokkar" is listed; "ssokkar" and "soukkar" are not, and reach it through the canonical spelling.
        let health = SensitiveMarks.fact(.health)
        for form in ["ssokkar", "soukkar", "ⵙⵓⴽⴽⴰⵔ"] {
            #expect(SensitiveReader("3ndi \(form)").marks[1].contains(health), "\(form)")
        }
        #expect(!SensitiveReader("3ndi sikkin").marks[1].contains(health))
    }

    @Test("An Amazigh verb in another person finds the listed form through its stem")
    func amazighVerbPersons() {
        // "ittuḥbas" (he was imprisoned) is listed; "ttuḥbasɣ" (I was imprisoned) and "ttuḥbasn" (they were) are not.
        let criminal = SensitiveMarks.fact(.criminalRecord)
        #expect(SensitiveReader("ittuḥbas").marks[0].contains(criminal))
        #expect(SensitiveReader("ttuḥbasɣ").marks[0].contains(criminal))
        #expect(SensitiveReader("ⵜⵜⵓⵃⴱⴰⵙⵖ").marks[0].contains(criminal))
        #expect(!SensitiveReader("ttuḥsabɣ").marks[0].contains(criminal))
    }

    @Test("An animal's illness is not a person's: the possessive goes with the animal")
    func animals() {
        let health = SensitiveCategory.health.index
        let own = SensitiveReader("Mon père est malade depuis lundi.").features().values[health]
        let pet = SensitiveReader("Mon chat est malade depuis lundi.").features().values[health]
        #expect(own[0] == 1)  // fact_person
        #expect(pet[0] == 0 && pet[1] == 1)  // fact_alone
        let darija = SensitiveReader("lkelb dyali mrid bzaf").features().values[health]
        #expect(darija[0] == 0)
        // Far from the animal, in another sentence, the person's illness stays a person's.
        let both = SensitiveReader("Le chat va bien. Mon père est malade depuis lundi.").features().values[health]
        #expect(both[0] == 1)
    }

    @Test("A lawyer's court and file are work; the same words about the sender stay personal")
    func counsel() {
        let criminal = SensitiveCategory.criminalRecord.index
        let lawyer = SensitiveReader("Je suis avocate et je dois voir le dossier de mon client au tribunal.").features().values[criminal]
        let own = SensitiveReader("Je dois passer au tribunal pour mon dossier.").features().values[criminal]
        #expect(lawyer[2] == 0)  // topic_person
        #expect(own[2] == 1)
        // A conviction stays a fact even in a lawyer's sentence.
        let convicted = SensitiveReader("Mon client a été condamné à deux ans, je suis son avocat.").features().values[criminal]
        #expect(convicted[0] == 1 || convicted[1] == 1)
    }

    @Test("A lawyer writing about a client's prison visit is work; the sender's own lawyer is not")
    func counselMessageWide() {
        let criminal = SensitiveCategory.criminalRecord.index
        let lawyer = SensitiveReader("ana mo7ami w bghit nzour client dyali f l7abs, fo9ach?").features().values[criminal]
        #expect(lawyer[0] == 0 && lawyer[2] == 0 && lawyer[11] == 0)
        let ownLawyer = SensitiveReader("Mon avocat dit que mon frère restera en prison jusqu'au procès.").features().values[criminal]
        #expect(ownLawyer[0] == 1 || ownLawyer[2] == 1)
        let ownDarija = SensitiveReader("lmo7ami dyali gal khoya ghadi yb9a f l7bs").features().values[criminal]
        #expect(ownDarija[0] == 1 || ownDarija[2] == 1)
    }

    @Test("Darija person prefixes reach a listed stem; an Amazigh locative makes a prison a fact")
    func prefixesAndLocatives() {
        #expect(SensitiveReader("wlad 3mmi tcondamnaw").marks[2].contains(.fact(.criminalRecord)))
        #expect(SensitiveReader("bghina n3aljouh").marks[1].contains(.fact(.health)))
        #expect(!SensitiveReader("bghina nsaljouh").marks[1].contains(.fact(.health)))
        let criminal = SensitiveCategory.criminalRecord.index
        #expect(SensitiveReader("ⴳⵯⵎⴰ ⵉⵍⵍⴰ ⵖ ⵍⵃⴱⵙ").features().values[criminal][11] == 1)
        #expect(SensitiveReader("Gma illa gh lhbs").features().values[criminal][11] == 1)
        #expect(SensitiveReader("ⵍⵃⴱⵙ ⵏ ⵜⵉⵣⵏⵉⵜ").features().values[criminal][11] == 0)
    }

    @Test("A company's time clock is a requirement to declare, not someone's fingerprints")
    func timeClocks() {
        let biometric = SensitiveCategory.biometric.index
        let company = SensitiveReader("Notre entreprise veut installer une pointeuse à empreintes, faut-il une déclaration à la CNDP ?")
            .features().values[biometric]
        #expect(company.allSatisfy { $0 == 0 })
        let mine = SensitiveReader("La pointeuse ne lit plus mes empreintes depuis ma brûlure, que faire ?").features().values[biometric]
        #expect(mine.contains { $0 > 0 })
    }
}
