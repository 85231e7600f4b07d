import Testing
@testable import ThiqaCore

@Suite struct APIKeyFormatTests {
    @Test func issuedKeyParsesAndMatchesItsHash() throws {
        let issued = APIKeyFormat.issue(tenant: try TenantID("ministry"), useCase: try UseCaseID("assistant"))
        let parsed = try #require(APIKeyFormat.parse(Substring(issued.key)))
        #expect(String(parsed.id) == issued.record.id)
        #expect(APIKeyFormat.matches(secret: parsed.secret, hash: issued.record.secretHash))
        #expect(!APIKeyFormat.matches(secret: parsed.secret.dropLast() + "x", hash: issued.record.secretHash))
        #expect(!issued.record.secretHash.contains(String(parsed.secret)))
    }

    @Test(arguments: ["", "thq_", "sk-abc", "thq_short_secret", "thq_AAAAAAAAAAAA-BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB", "thq_AAAAAAAAAAAA_BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB!"])
    func malformedKeysAreRejected(_ key: String) {
        #expect(APIKeyFormat.parse(Substring(key)) == nil)
    }

    @Test func twoKeysDiffer() throws {
        let a = APIKeyFormat.issue(tenant: try TenantID("t"), useCase: try UseCaseID("u"))
        let b = APIKeyFormat.issue(tenant: try TenantID("t"), useCase: try UseCaseID("u"))
        #expect(a.key != b.key)
    }

    @Test func identifiersNameTheFieldWhenInvalid() throws {
        #expect(throws: ValidationError(field: "tenant", reason: "may contain only lower-case letters, digits, '-', '_' and '.' (got 'Bad Tenant')")) {
            try TenantID("Bad Tenant")
        }
        #expect(throws: ValidationError.self) { try UseCaseID("") }
        #expect(throws: ValidationError.self) { try Jurisdiction("Morocco") }
        #expect(try Jurisdiction("ma") == .sovereign)
    }

    @Test func durations() throws {
        #expect(try DurationText.parseSeconds("7d", field: "x") == 7 * 86400)
        #expect(try DurationText.parseSeconds("90s", field: "x") == 90)
        #expect(throws: ValidationError.self) { try DurationText.parseSeconds("7 days", field: "x") }
        #expect(DurationText.format(seconds: 7200) == "2h")
    }
}

@Suite struct DurationTextTests {
    @Test func surroundingSpacesAreAccepted() throws {
        #expect(try DurationText.parseSeconds(" 12h ", field: "x") == 12 * 3600)
        #expect(throws: ValidationError.self) { try DurationText.parseSeconds("", field: "x") }
        #expect(throws: ValidationError.self) { try DurationText.parseSeconds("-3d", field: "x") }
    }
}
