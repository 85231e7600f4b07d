import Crypto
import Foundation
import Testing
import ThiqaCore
import ThiqaRights

@Suite struct SubjectTests {
    let pseudonymiser = SubjectPseudonymiser(deploymentKey: SymmetricKey(data: Array(repeating: UInt8(7), count: 32)))

    @Test(arguments: ["BE123456", "be123456", "BE 123 456", "BE-123456", "BE١٢٣٤٥٦", "\u{200F}BE123456"])
    func spellingsOfOneCINNameOnePerson(_ written: String) throws {
        let claim = try #require(try SubjectClaim.parse(cinHeader: written, genericHeader: nil))
        #expect(claim.kind == .cin)
        #expect(claim.normalised == "BE123456")
        let reference = try SubjectClaim(kind: .cin, value: "BE123456")
        #expect(pseudonymiser.subjectID(claim, tenant: "dgsn") == pseudonymiser.subjectID(reference, tenant: "dgsn"))
    }

    @Test func theSameCINAtTwoTenantsGivesUnrelatedIDsThatHideIt() throws {
        let claim = try SubjectClaim(kind: .cin, value: "A26186")
        let one = pseudonymiser.subjectID(claim, tenant: "ministere-interieur")
        let two = pseudonymiser.subjectID(claim, tenant: "cnss")
        #expect(one != two)
        #expect(SubjectID(one.rawValue) == one, "sub_ + 32 hex")
        #expect(!one.rawValue.uppercased().contains("A26186"))
        let other = SubjectPseudonymiser(deploymentKey: SymmetricKey(size: .bits256))
        #expect(other.subjectID(claim, tenant: "cnss") != two, "another deployment key, another id")
        #expect(pseudonymiser.subjectID(try SubjectClaim(kind: .id, value: "A26186"), tenant: "cnss") != two, "the type is hashed too")
    }

    @Test(arguments: [
        ("123456", "starts with 1 to 2 Latin letter(s); this one has 0"),
        ("ABC12345", "starts with 1 to 2 Latin letter(s); this one has 3"),
        ("BE12", "has 3 to 6 digits after its letters; this one has 2"),
        ("BE1234567", "has 3 to 6 digits after its letters; this one has 7"),
        ("BE12345X", "letters followed by digits only"),
        ("   ", "is empty"),
    ])
    func aBadCINSaysWhatIsWrongWithoutRepeatingIt(_ value: String, _ reason: String) {
        #expect {
            _ = try SubjectClaim.parse(cinHeader: value, genericHeader: nil)
        } throws: { error in
            guard let error = error as? ValidationError else { return false }
            return error.field == "Thiqa-Subject-CIN" && error.reason.contains(reason)
                && (value.trimmingCharacters(in: .whitespaces).isEmpty || !error.description.contains(value))
        }
    }

    @Test func theGenericHeaderNamesItsType() throws {
        #expect(try SubjectClaim.parse(cinHeader: nil, genericHeader: "passport:ab1234567")?.normalised == "AB1234567")
        #expect(try SubjectClaim.parse(cinHeader: nil, genericHeader: "massar:D130245678")?.kind == .massar)
        #expect(try SubjectClaim.parse(cinHeader: nil, genericHeader: "id:dossier-2026/00042")?.normalised == "dossier-2026/00042")
        #expect(try SubjectClaim.parse(cinHeader: nil, genericHeader: nil) == nil)
        #expect(throws: ValidationError.self) { try SubjectClaim.parse(cinHeader: nil, genericHeader: "BE123456") }
        #expect(throws: ValidationError.self) { try SubjectClaim.parse(cinHeader: nil, genericHeader: "iban:MA64…") }
        #expect(throws: ValidationError.self) { try SubjectClaim.parse(cinHeader: "BE123456", genericHeader: "cin:BE123456") }
        #expect(throws: ValidationError.self) { try SubjectClaim.parse(cinHeader: nil, genericHeader: "massar:D1302456") }
    }
}

@Suite struct SealingTests {
    @Test func aSealedValueOpensOnlyWithItsKeyAndItsRow() throws {
        let key = Sealing.makeKey()
        let ad = Sealing.associatedData(table: "kept_contents", rowID: "int_1", purpose: "content")
        let sealed = try Sealing.seal(Array("Salam, CIN <CIN_1>".utf8), key: key, associatedData: ad)
        #expect(try Sealing.open(sealed, key: key, associatedData: ad) == Array("Salam, CIN <CIN_1>".utf8))
        #expect(throws: SealingError.cannotOpen) {
            try Sealing.open(sealed, key: key, associatedData: Sealing.associatedData(table: "kept_contents", rowID: "int_2", purpose: "content"))
        }
        #expect(throws: SealingError.cannotOpen) { try Sealing.open(sealed, key: Sealing.makeKey(), associatedData: ad) }
        var altered = sealed
        altered[20] ^= 1
        #expect(throws: SealingError.cannotOpen) { try Sealing.open(altered, key: key, associatedData: ad) }
        #expect(throws: SealingError.format) { try Sealing.open([1] + sealed.dropFirst(), key: key, associatedData: ad) }
    }

    @Test func aWrappedKeyUnwrapsOnlyUnderItsIDAndMaster() throws {
        let master = Sealing.makeKey()
        let key = Sealing.makeKey()
        let wrapped = try Sealing.wrap(key, keyID: "key_a", master: master)
        let unwrapped = try Sealing.unwrap(wrapped, keyID: "key_a", master: master)
        #expect(unwrapped.withUnsafeBytes { Array($0) } == key.withUnsafeBytes { Array($0) })
        #expect(throws: SealingError.cannotOpen) { try Sealing.unwrap(wrapped, keyID: "key_b", master: master) }
        #expect(throws: SealingError.cannotOpen) { try Sealing.unwrap(wrapped, keyID: "key_a", master: Sealing.makeKey()) }
    }

    @Test func tokensAreWellFormedAndDistinct() {
        let one = RightsToken.make(prefix: "case_")
        let two = RightsToken.make(prefix: "case_")
        #expect(one != two)
        #expect(RightsToken.isWellFormed(one, prefix: "case_"))
        #expect(!RightsToken.isWellFormed(one + "x", prefix: "case_"))
        #expect(!RightsToken.isWellFormed("acc_" + one.dropFirst(5), prefix: "case_"))
        #expect(RightsToken.hash(one).count == 64)
    }
}

@Suite struct ContestationTests {
    static let opened = ContestationCase(
        id: "cas_1", tenant: "t", useCase: "u", subjectID: nil, interactionID: "int_1", language: "ar", openedAt: Date(timeIntervalSince1970: 0),
        deadline: Date(timeIntervalSince1970: 30 * 86_400)
    )

    @Test func aCaseIsAssignedThenOverturnedWithItsReplacementThenClosed() throws {
        let now = Date(timeIntervalSince1970: 100)
        let review = try Self.opened.applying(.assign(to: "stf_reviewer"), at: now)
        #expect(review.state == .underReview)
        #expect(review.assignedTo == "stf_reviewer")
        let overturned = try review.applying(.overturn(explanation: "Le dossier était complet.", replacement: "int_2"), at: now)
        #expect(overturned.state == .overturned)
        #expect(overturned.replacement == "int_2")
        #expect(try overturned.applying(.close, at: now).state == .closed)
    }

    @Test func stepsOutOfOrderAreRefusedWithTheStateTheyNeed() throws {
        let now = Date(timeIntervalSince1970: 100)
        #expect(throws: ValidationError(field: "state", reason: "cannot uphold a case that is received; it must be under_review (assign it first)")) {
            try Self.opened.applying(.uphold(explanation: "Rien à redire au calcul."), at: now)
        }
        #expect(throws: ValidationError.self) { try Self.opened.applying(.close, at: now) }
        let review = try Self.opened.applying(.assign(to: "stf_r"), at: now)
        #expect(throws: ValidationError.self) { try review.applying(.overturn(explanation: "Le dossier était complet.", replacement: " "), at: now) }
        #expect(throws: ValidationError.self) { try review.applying(.uphold(explanation: "non"), at: now) }
        let closed = try review.applying(.withdraw, at: now)
        #expect(closed.state == .closed)
        #expect(throws: ValidationError.self) { try closed.applying(.withdraw, at: now) }
        #expect(throws: ValidationError.self) { try closed.applying(.assign(to: "stf_r"), at: now) }
    }

    @Test func overdueOnlyWhileUndecided() throws {
        let late = Date(timeIntervalSince1970: 31 * 86_400)
        #expect(Self.opened.isOverdue(at: late))
        let review = try Self.opened.applying(.assign(to: "stf_r"), at: late)
        #expect(review.isOverdue(at: late))
        #expect(!(try review.applying(.uphold(explanation: "Le calcul est conforme."), at: late)).isOverdue(at: late))
    }

    @Test func aRightsEventCommitsToNoSubjectAndNoText() throws {
        let event = RightsEvent(
            kind: .objection, tenant: "t", subjectID: "sub_0123456789abcdef0123456789abcdef", target: "obj_1", actor: "person",
            detail: ["scope": "standing"], at: Date(timeIntervalSince1970: 1)
        )
        let text = String(decoding: event.committedRecord, as: UTF8.self)
        #expect(!text.contains("sub_"))
        #expect(text.contains(#""kind":"thiqa.rights.objection""#))
        #expect(text.hasPrefix("{\"actor\":\"person\""), "RFC 8785: members sorted")
    }
}
