import Foundation
import Testing
import ThiqaAssistant
import ThiqaKnowledge

@Suite struct Grounding {
    let assistant = StarterBase.assistant

    func check(_ question: String, rephrase: (AssistantAnswer) -> String) async throws -> GroundingCheck.Rejection? {
        let answer = try await assistant.answer(.init(text: question))
        let sources = answer.sources.compactMap { $0.procedureID }.compactMap { StarterBase.knowledge[$0] }
        return GroundingCheck(sources: sources, extractive: answer, question: question).check(rephrase(answer))
    }

    @Test func theExtractiveAnswerItselfIsGrounded() async throws {
        for question in ["kifach n9ad passport?", "Comment obtenir un extrait du casier judiciaire ?", "بغيت نخرج الباسبور كيفاش ندير؟"] {
            #expect(try await check(question) { $0.body } == nil, "\(question)")
        }
    }

    @Test func aFaithfulRewordingIsAccepted() async throws {
        let rejection = try await check("kifach n9ad passport?") { _ in
            """
            Salam! Bach tkhrej lpassport: dir l-pré-demande f passeport.ma, chri timbre dyal 500 DH (l-e-timbre fih 16 chiffres), \
            jme3 l-wra9 w t-tsawer, w 7et dossier f l'annexe administrative wla l-caïdat. Lpassport sala7 5 snin.
            """
        }
        #expect(rejection == nil)
    }

    @Test(arguments: [
        ("Le timbre coûte 600 DH.", GroundingCheck.Finding.fee),
        ("Le passeport est délivré en 15 jours.", .delay),
        ("Apportez aussi un certificat de résidence.", .document),
        ("Déposez le dossier au tribunal de première instance.", .place),
        ("Le dépôt est gratuit pour tous.", .fee),
        ("Présentez-vous à Casablanca.", .place),
        ("Il faut compter trois semaines.", .delay),
    ])
    func anInventedFactIsCaught(added: String, expected: GroundingCheck.Finding) async throws {
        let rejection = try await check("Comment obtenir un passeport ?") { $0.body + "\n" + added }
        #expect(rejection?.finding == expected, "\(added): \(String(describing: rejection))")
    }

    @Test func aDroppedOrChangedFigureIsCaught() async throws {
        let rejection = try await check("Comment obtenir un passeport ?") { $0.body.replacingOccurrences(of: "500", with: "") }
        #expect(rejection?.finding == .omission)
    }

    @Test func arabicIndicDigitsAndArabizeDigitsAreReadRight() async throws {
        // ٥٠٠ is 500 (in the source); n9ad and 7et are Darija words, not numbers.
        #expect(try await check("kifach n9ad passport?") { $0.body + "\nKhlles ٥٠٠ dh w 7et dossier, n9ad ndir kolchi." } == nil)
        #expect(try await check("kifach n9ad passport?") { $0.body + "\nKhlles ٧٠٠ dh." }?.finding == .fee)
    }

    @Test func anInventedDocumentInTifinaghIsCaught() async throws {
        let rejection = try await check("ⵎⴰⵎⴽ ⴰⴷ ⴰⵎⵥⵖ ⴰⴱⴰⵙⴱⵓⵔ") { $0.body + "\nⴰⵡⵉ-ⴷ ⵜⴰⴼⴰⴽⵜⵓⵔⵜ." }
        #expect(rejection?.finding == .document)
    }
}
