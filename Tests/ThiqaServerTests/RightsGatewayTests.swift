import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import SQLKit
import Testing
import ThiqaCore
import ThiqaGovernance
import ThiqaLedger
import ThiqaRights
import ThiqaServer
import ThiqaStorage
import ThiqaTesting

/// The rights of law 09-08 over HTTP: a subject named by the deployer, a contestation followed to its outcome,
/// an objection, an access request released after an identity check, and an erasure shown both ways.
@Suite struct RightsGatewayTests {
    static let cinHeader = HTTPField.Name("Thiqa-Subject-CIN")!
    static let conversationHeader = HTTPField.Name("X-Thiqa-Conversation-Id")!

    struct Staff {
        var dpo: String
        var reviewer: String
        var auditor: String
        var reviewerID: String
    }

    static func staff(_ fixture: GatewayFixture) async throws -> Staff {
        let registry = SQLRegistryRepository(database: fixture.database)
        var tokens: [String] = []
        for (id, name, role) in [("stf_dpo", "Salma Berrada", Role.dpo), ("stf_rev", "Hamid Tazi", .reviewer), ("stf_aud", "Imane Fassi", .auditor)] {
            let principal = StaffPrincipal(id: PrincipalID(id), name: name, roles: [role], createdAt: Date())
            let issued = StaffToken.issue(for: principal.id, now: Date())
            try await registry.create(principal, credential: issued.credential)
            tokens.append(issued.token)
        }
        return Staff(dpo: tokens[0], reviewer: tokens[1], auditor: tokens[2], reviewerID: "stf_rev")
    }

    static func subjectID(_ cin: String, _ fixture: GatewayFixture) throws -> String {
        let pseudonymiser = SubjectPseudonymiser(deploymentKey: try fixture.configuration.rights.loadSubjectKey())
        return pseudonymiser.subjectID(try SubjectClaim(kind: .cin, value: cin), tenant: "test").rawValue
    }

    static func post(_ client: any TestClientProtocol, _ uri: String, _ body: JSONValue, token: String? = nil) async throws -> (HTTPResponse.Status, JSONValue) {
        var headers: HTTPFields = [.contentType: "application/json"]
        if let token { headers[.authorization] = "Bearer \(token)" }
        let response = try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(bytes: try body.encoded()))
        return (response.status, (try? JSONValue.parse(response.body.readableBytesView)) ?? .null)
    }

    /// A chat about the person with this CIN; returns its interaction id and receipt.
    static func chat(
        _ client: any TestClientProtocol, _ fixture: GatewayFixture, cin: String?, content: String = "Salam", conversation: String? = nil
    ) async throws -> (id: String, receipt: String) {
        var extra: HTTPFields = [:]
        if let cin { extra[Self.cinHeader] = cin }
        if let conversation { extra[Self.conversationHeader] = conversation }
        let response = try await client.execute(
            uri: "/v1/chat/completions", method: .post, headers: fixture.auth(extra), body: Gateway.chatBody(model: "scripted", content: content)
        )
        #expect(response.status == .ok, "\(String(buffer: response.body))")
        return (
            try #require(response.headers[HTTPField.Name("X-Thiqa-Interaction-Id")!]), try #require(response.headers[HTTPField.Name("X-Thiqa-Receipt")!])
        )
    }

    static func withGateway(
        storage: TestStores.Kind = .sqlite, keyStore: StorageConfiguration? = nil, proofs: [IdentityProof]? = nil,
        _ body: @Sendable (any TestClientProtocol, GatewayFixture) async throws -> Void
    ) async throws {
        let upstream = ScriptedUpstream(.echo)
        try await upstream.run { url in
            try await Gateway.run(
                backends: [try ScriptedUpstream.backend(url, id: "scripted")], storage: storage, useCase: { $0.contentRetentionSeconds = 3600 },
                configure: { configuration in
                    if let keyStore { configuration.rights.keyStore = keyStore }
                    if let proofs { configuration.rights.identityProofs = proofs }
                }, body
            )
        }
    }

    @Test func theDeployersSubjectHeaderIsKeptAsAKeyedHashOnly() async throws {
        try await Self.withGateway { client, fixture in
            let call = try await Self.chat(client, fixture, cin: "be 123 456", content: "rendez-vous CNIE")
            let record = try #require(try await Gateway.record(call.id, in: fixture.interactions))
            #expect(record.subjectID == (try Self.subjectID("BE123456", fixture)))
            let rows = try await fixture.database.read { db in
                try await db.raw("SELECT * FROM interactions WHERE id = \(bind: call.id)").all().count
            }
            #expect(rows == 1)
            let kept = try #require(try await fixture.interactions.content(interactionID: call.id))
            #expect(kept.request.contains("rendez-vous CNIE"))

            let bad = try await client.execute(
                uri: "/v1/chat/completions", method: .post, headers: fixture.auth([Self.cinHeader: "BE12"]), body: Gateway.chatBody(model: "scripted")
            )
            #expect(bad.status == .badRequest)
            let error = try OpenAIError.decode(bad)
            #expect(error.param == "Thiqa-Subject-CIN")
            #expect(error.code == "invalid_subject")
            #expect(!error.message.contains("BE12"))
        }
    }

    @Test func aContestationIsFollowedByItsReferenceToAnOverturnLinkedToItsReplacement() async throws {
        try await Self.withGateway { client, fixture in
            let staff = try await Self.staff(fixture)
            let contested = try await Self.chat(client, fixture, cin: "J123456", content: "wach l-ma3ach dyali t9bel?")
            let (status, opened) = try await Self.post(
                client, "/rights/v1/contestations",
                ["receipt": .string(contested.receipt), "reason": "هاد الجواب ماشي صحيح، عندي جميع الوثائق.", "language": "ary-Arab"]
            )
            #expect(status == .ok, "\(opened)")
            let reference = try #require(opened["reference"]?.stringValue)
            #expect(opened["state"] == "received")
            #expect(opened["language"] == "ary-Arab")
            #expect(opened["direction"] == "rtl")

            let (listed, cases) = try await client.execute(uri: "/admin/v1/cases", method: .get, headers: [.authorization: "Bearer \(staff.reviewer)"]).asJSON()
            #expect(listed == .ok)
            let caseID = try #require(cases.arrayValue?.first?["id"]?.stringValue)
            #expect(cases.arrayValue?.first?["interaction_id"]?.stringValue == contested.id)

            let (refused, _) = try await Self.post(client, "/admin/v1/cases/\(caseID)/actions", ["action": "assign", "to": "stf_aud"], token: staff.auditor)
            #expect(refused == .forbidden, "an auditor reads, does not decide")
            let (early, _) = try await Self.post(
                client, "/admin/v1/cases/\(caseID)/actions", ["action": "overturn", "explanation": "Votre dossier est complet.", "replacement": "int_x"],
                token: staff.reviewer
            )
            #expect(early == .conflict, "assign it first")
            let (assigned, _) = try await Self.post(
                client, "/admin/v1/cases/\(caseID)/actions", ["action": "assign", "to": .string(staff.reviewerID), "message": "Nous examinons votre dossier."],
                token: staff.reviewer
            )
            #expect(assigned == .ok)
            let replacement = try await Self.chat(client, fixture, cin: "J123456", content: "réponse revue par un agent")
            let (overturned, after) = try await Self.post(
                client, "/admin/v1/cases/\(caseID)/actions",
                ["action": "overturn", "explanation": "Votre dossier était complet : la demande est acceptée.", "replacement": .string(replacement.id)],
                token: staff.reviewer
            )
            #expect(overturned == .ok, "\(after)")

            let (_, followed) = try await Self.post(client, "/rights/v1/contestations/lookup", ["reference": .string(reference)])
            #expect(followed["state"] == "overturned")
            #expect(followed["replacement"]?.stringValue == replacement.id)
            #expect(followed["notice"]?.stringValue?.contains("تلغى") == true, "the notice is in the person's language")
            let messages = followed["messages"]?.arrayValue ?? []
            #expect(messages.map { $0["from"]?.stringValue } == ["person", "staff", "staff"])
            #expect(followed["assigned_to"] == nil, "the person does not see who handles it internally")
            let (unknown, _) = try await Self.post(client, "/rights/v1/contestations/lookup", ["reference": .string(ContestationCase.issueReference())])
            #expect(unknown == .notFound)
        }
    }

    @Test func anObjectionDemandsAHumanForTheSubjectsLaterCallsAndIsWithdrawn() async throws {
        try await Self.withGateway { client, fixture in
            let first = try await Self.chat(client, fixture, cin: "A26186")
            let (status, objection) = try await Self.post(client, "/rights/v1/objections", ["receipt": .string(first.receipt), "scope": "standing"])
            #expect(status == .ok, "\(objection)")
            let later = try await Self.chat(client, fixture, cin: "A26186")
            #expect(try await Gateway.record(later.id, in: fixture.interactions)?.decisions.contains("objection:human-review") == true)
            let other = try await Self.chat(client, fixture, cin: "A26187")
            #expect(try await Gateway.record(other.id, in: fixture.interactions)?.decisions.contains("objection:human-review") == false)
            let anonymous = try await Self.chat(client, fixture, cin: nil)
            let (refused, error) = try await Self.post(client, "/rights/v1/objections", ["receipt": .string(anonymous.receipt)])
            #expect(refused.code == 422, "a call that named nobody cannot carry a standing objection: \(error)")

            let (withdrawn, _) = try await Self.post(
                client, "/rights/v1/objections/withdraw", ["receipt": .string(later.receipt), "objection_id": try #require(objection["id"])]
            )
            #expect(withdrawn == .ok)
            let afterwards = try await Self.chat(client, fixture, cin: "A26186")
            #expect(try await Gateway.record(afterwards.id, in: fixture.interactions)?.decisions.contains("objection:human-review") == false)
        }
    }

    /// A subject who objected has a call held for a human (a determination, its sealed held content); erasing the
    /// subject deletes the held content and unlinks the determination and its review history, which stay for
    /// accountability without the reviewer's free-text reasons.
    @Test(arguments: TestStores.Kind.allCases)
    func erasureReachesHeldDecisionsAndKeepsTheirRecordUnlinked(_ kind: TestStores.Kind) async throws {
        let keyStore: StorageConfiguration? = kind == .postgres ? try await TestStores.configuration(.postgres) : nil
        try await Self.withGateway(storage: kind, keyStore: keyStore) { client, fixture in
            let staff = try await Self.staff(fixture)
            let first = try await Self.chat(client, fixture, cin: "HH333333")
            let (objected, _) = try await Self.post(client, "/rights/v1/objections", ["receipt": .string(first.receipt), "scope": "standing"])
            #expect(objected == .ok)
            let held = try await Self.chat(client, fixture, cin: "HH333333", content: "mon dossier de pension")
            let subject = try Self.subjectID("HH333333", fixture)
            let heldRows = try await fixture.database.read { db in
                try await db.raw("SELECT determination_id FROM held_contents WHERE subject_id = \(bind: subject)").all().count
            }
            #expect(heldRows == 1, "the objection held the call for a human, sealed under the subject's key")
            try await fixture.sql { db in
                try await db.raw("UPDATE determination_events SET reason = 'Monsieur H. a appelé' WHERE subject_id = \(bind: subject)").run()
            }

            let (status, report) = try await Self.post(client, "/admin/v1/subjects/\(subject)/erase", ["tenant": "test"], token: staff.dpo)
            #expect(status == .ok, "\(report)")
            #expect(report["deleted"]?["held_contents"] == .int(1))
            #expect(report["unlinked"]?["determinations"] == .int(1))
            let left = try await fixture.database.read { db in
                try await db.raw("SELECT d.subject_id AS s, e.reason AS r FROM determinations d JOIN determination_events e ON e.determination_id = d.id WHERE d.interaction_id = \(bind: held.id)")
                    .all().map { (try $0.decode(column: "s", as: String?.self), try $0.decode(column: "r", as: String?.self)) }
            }
            #expect(!left.isEmpty, "the determination and its events stay")
            #expect(left.allSatisfy { $0.0 == nil && $0.1 == nil }, "unlinked, and no reviewer's words about the person are left")
        }
    }

    @Test func accessIsReleasedByADPOAfterAnIdentityCheckNotByAReceipt() async throws {
        try await Self.withGateway { client, fixture in
            let staff = try await Self.staff(fixture)
            let call = try await Self.chat(client, fixture, cin: "BK445566", content: "attestation de résidence")
            let (_, requested) = try await Self.post(client, "/rights/v1/access", ["tenant": "test", "subject": "cin:BK445566"])
            let token = try #require(requested["token"]?.stringValue)
            let requestID = try #require(requested["request_id"]?.stringValue)
            let (_, pending) = try await Self.post(client, "/rights/v1/access/status", ["token": .string(token)])
            #expect(pending["status"] == "requested")
            #expect(pending["file"] == nil, "nothing before the identity check")

            let (receiptProof, _) = try await Self.post(
                client, "/admin/v1/subjects/requests/\(requestID)/release", ["identity_proof": "receipt"], token: staff.dpo
            )
            #expect(receiptProof.code == 422, "a receipt is not a proof of identity")
            let (byReviewer, _) = try await Self.post(
                client, "/admin/v1/subjects/requests/\(requestID)/release", ["identity_proof": "cnie_in_person"], token: staff.reviewer
            )
            #expect(byReviewer == .forbidden)
            let (released, view) = try await Self.post(
                client, "/admin/v1/subjects/requests/\(requestID)/release", ["identity_proof": "cnie_in_person"], token: staff.dpo
            )
            #expect(released == .ok)
            #expect(view["identity_checked_by"] == "stf_dpo")
            let (_, file) = try await Self.post(client, "/rights/v1/access/status", ["token": .string(token)])
            let interactions = file["file"]?["tables"]?["interactions"]?.arrayValue ?? []
            #expect(interactions.map { $0["id"]?.stringValue } == [call.id])
            #expect(file["file"]?["tables"]?["kept_contents"]?.arrayValue?.first?["opened"]?["request"]?.stringValue?.contains("attestation de résidence") == true)
        }
    }

    @Test func aDeploymentThatRequiresTheElectronicIDRefusesACounterCheck() async throws {
        try await Self.withGateway(proofs: [.cnieElectronic]) { client, fixture in
            let staff = try await Self.staff(fixture)
            let (_, requested) = try await Self.post(client, "/rights/v1/access", ["tenant": "test", "subject": "BK445566"])
            let requestID = try #require(requested["request_id"]?.stringValue)
            let (refused, error) = try await Self.post(
                client, "/admin/v1/subjects/requests/\(requestID)/release", ["identity_proof": "cnie_in_person"], token: staff.dpo
            )
            #expect(refused.code == 422)
            #expect(error["error"]?["message"]?.stringValue?.contains("accepts cnie_electronic") == true)
            let (released, _) = try await Self.post(
                client, "/admin/v1/subjects/requests/\(requestID)/release", ["identity_proof": "cnie_electronic"], token: staff.dpo
            )
            #expect(released == .ok)
        }
    }

    @Test(arguments: TestStores.Kind.allCases)
    func erasureShredsTheSubjectLiveAndInACopyWhileOthersAndTheLogStay(_ kind: TestStores.Kind) async throws {
        // PostgreSQL deployments keep the key store in a PostgreSQL database of its own.
        let keyStore: StorageConfiguration? = kind == .postgres ? try await TestStores.configuration(.postgres) : nil
        try await Self.withGateway(storage: kind, keyStore: keyStore) { client, fixture in
            let staff = try await Self.staff(fixture)
            let erased = try await Self.chat(client, fixture, cin: "EE111111", content: "ma CIN est EE111111, adresse 12 rue Oued Fes", conversation: "conv-1")
            let kept = try await Self.chat(client, fixture, cin: "KK222222", content: "dossier de bourse", conversation: "conv-2")
            let subject = try Self.subjectID("EE111111", fixture)
            for id in [erased.id, kept.id] { _ = try await Gateway.record(id, in: fixture.interactions) }

            // The copy taken before: the SQLite file itself, or PostgreSQL's sealed rows.
            func sealedRows(_ db: any SQLDatabase) async throws -> [(String, String, String)] {
                try await db.raw("SELECT interaction_id, key_id, sealed FROM kept_contents ORDER BY interaction_id").all().map {
                    (try $0.decode(column: "interaction_id", as: String.self), try $0.decode(column: "key_id", as: String.self), try $0.decode(column: "sealed", as: String.self))
                }
            }
            var copy: [(String, String, String)] = try await fixture.database.read { try await sealedRows($0) }
            var copyPath: String?
            if case .sqlite(let path) = fixture.configuration.storage {
                try await fixture.database.compactAfterErasure()
                copyPath = path + ".backup"
                try FileManager.default.copyItem(atPath: path, toPath: copyPath!)
            }
            #expect(copy.count == 2)
            let vaultsBefore = try await fixture.database.read { db in
                try await db.raw("SELECT subject_id FROM conversation_vaults WHERE subject_id = \(bind: subject)").all().count
            }
            #expect(vaultsBefore == 1, "the mapping of the subject's conversation is sealed under their key")

            let (refused, _) = try await Self.post(client, "/admin/v1/subjects/\(subject)/erase", ["tenant": "test"], token: staff.reviewer)
            #expect(refused == .forbidden, "only a DPO erases")
            let (status, report) = try await Self.post(client, "/admin/v1/subjects/\(subject)/erase", ["tenant": "test"], token: staff.dpo)
            #expect(status == .ok, "\(report)")
            #expect(report["key_destroyed"] == .bool(true))
            #expect(report["deleted"]?["kept_contents"] == .int(1))
            #expect(report["deleted"]?["conversation_vaults"] == .int(1))

            #expect(try await fixture.interactions.content(interactionID: erased.id) == nil)
            #expect(try await fixture.interactions.content(interactionID: kept.id)?.request.contains("dossier de bourse") == true)
            #expect(try await fixture.interactions.find(id: erased.id)?.subjectID == nil, "the record stays, unlinked")
            if let copyPath {
                try await ThiqaDatabase.with(.sqlite(path: copyPath), logger: Logger(label: "backup")) { backup in
                    copy = try await backup.read { try await sealedRows($0) }
                }
            }
            for (interaction, keyID, sealed) in copy {
                let ad = Sealing.associatedData(table: "kept_contents", rowID: interaction, purpose: "content")
                let opened = try? await fixture.keyStore.openText(sealed, keyID: keyID, associatedData: ad)
                #expect((opened != nil) == (interaction == kept.id), "\(interaction): only the other subject's content opens from the copy")
            }
            // The conversation starts again: the erased mapping is not found, a new turn works.
            _ = try await Self.chat(client, fixture, cin: "EE111111", content: "encore", conversation: "conv-1")

            // The log is still sound from outside, the erasure one of its leaves.
            let verifier = try #require(try LogSigningKey.load(fixture.configuration.transparency)).verifier
            let index = try #require(report["log_index"]?.intValue)
            for _ in 0..<200 {
                let checkpoint = try await client.execute(uri: "/log/v1/checkpoint", method: .get)
                if let size = try? Checkpoint.open(Array(checkpoint.body.readableBytesView), log: verifier).checkpoint.size, size > UInt64(index) { break }
                try await Task.sleep(for: .milliseconds(20))
            }
            let audit = try await LogAuditor(baseURL: "http://localhost:\(try #require(client.port))", verifier: verifier).audit(previous: nil, samples: 100)
            #expect(audit.isSound, "\(audit.problems)")
        }
    }
}

extension TestResponse {
    func asJSON() throws -> (HTTPResponse.Status, JSONValue) {
        (status, try JSONValue.parse(body.readableBytesView))
    }
}
