import FoundationEssentials
import Testing
import ThiqaCore
import ThiqaGovernance

/// Storage and the admin API will keep these values as JSON: they must come back equal.
@Suite("Coding")
struct CodingTests {
    @Test("declarations, assessments and risk results survive a JSON round trip")
    func roundTrip() throws {
        var declared = declaration(status: .declared, grace: Clock.later(days: 9))
        declared.transfers = [
            CrossBorderTransfer(country: try Jurisdiction("FR"), recipient: "Hébergeur", basis: .authorisation, authorisationNumber: "A-2")
        ]
        declared.hosting = HostingRequirement(allowedJurisdictions: [.sovereign, try Jurisdiction("FR")])
        let encoder = JSONEncoder()
        let decoder = JSONDecoder()
        #expect(try decoder.decode(Declaration.self, from: encoder.encode(declared)) == declared)
        let approved = assessment(Answer.benefits, approvedBy: Staff.reviewer)
        #expect(try decoder.decode(ImpactAssessment.self, from: encoder.encode(approved)) == approved)
        let result = RiskRules.assess(Answer.healthChat)
        #expect(try decoder.decode(RiskAssessment.self, from: encoder.encode(result)) == result)
        #expect(try decoder.decode(Questionnaire.self, from: encoder.encode(Questionnaire.current)) == Questionnaire.current)
    }

    @Test("controls have stable text codes that parse back; unknown codes do not")
    func controlCodes() throws {
        let all: [Control] = [
            .humanOversight, .aiDisclosure, .sovereignHosting, .contentRetention(.forbidden), .contentRetention(.atMostDays(90)),
            .evaluation(.quarterly), .evaluation(.monthly),
        ]
        for control in all { #expect(Control(code: control.description) == control) }
        #expect(Control(code: "content_retention:0d") == nil)
        #expect(Control(code: "evaluation:weekly") == nil)
        #expect(Control(code: "telepathy") == nil)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([Control].self, from: Data(#"["telepathy"]"#.utf8)) }
    }
}
