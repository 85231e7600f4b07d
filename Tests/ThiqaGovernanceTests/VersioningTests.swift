import Crypto
import FoundationEssentials
import Testing
import ThiqaCore
import ThiqaGovernance
import ThiqaLedger

@Suite("Versioning")
struct VersioningTests {
    @Test("the diff names each changed field with its old and new values, and nothing else")
    func diff() throws {
        let old = declaration()
        var new = old
        new.purpose = "Répondre aux citoyens sur l’état civil et les rendez-vous"
        new.allowedModels.append("atlas-chat-27b")
        new.dataCategories.insert(.location)
        let changes = DeclarationDiff.diff(old, new)
        #expect(changes.map(\.field) == ["allowed_models", "data_categories", "purpose"])
        #expect(changes[2].old == .string(old.purpose))
        #expect(changes[2].new == .string(new.purpose))
        #expect(changes[1].new == .array(["civil_status", "contact", "identification", "location"]))
        #expect(DeclarationDiff.diff(old, old).isEmpty)
        #expect(DeclarationChange(from: old, to: old, version: 2, principal: Staff.dpo.id, at: Clock.t0, reason: "none") == nil)
    }

    @Test("a creation lists every field with no old value")
    func creation() throws {
        let change = try #require(
            DeclarationChange(from: nil, to: declaration(), version: 1, principal: Staff.admin.id, at: Clock.t0, reason: "import")
        )
        #expect(change.changes.count == declaration().canonicalFields.count)
        #expect(change.changes.allSatisfy { $0.old == nil })
    }

    @Test("canonical bytes: sorted keys, no whitespace, stable across runs, and the declaration hash follows its content")
    func canonical() throws {
        var new = declaration()
        new.name = "Assistant « état civil »"
        let change = try #require(
            DeclarationChange(from: declaration(), to: new, version: 3, principal: Staff.dpo.id, at: Clock.t0, reason: "renommage")
        )
        let text = String(decoding: change.canonicalBytes, as: UTF8.self)
        #expect(
            text.hasPrefix(
                #"{"at":"2026-11-30T00:53:20Z","changes":[{"field":"name","new":"Assistant « état civil »","old":"Assistant état civil"}],"#
            )
        )
        #expect(text.contains(#""kind":"thiqa.registry.declaration_change""#))
        #expect(text.contains(#""version":3"#))
        #expect(!text.contains("\n") && !text.contains(": "))
        #expect(
            change.canonicalBytes
                == DeclarationChange(from: declaration(), to: new, version: 3, principal: Staff.dpo.id, at: Clock.t0, reason: "renommage")!
                .canonicalBytes
        )
        #expect(change.declarationSHA256 == new.canonicalSHA256)
        #expect(new.canonicalSHA256 != declaration().canonicalSHA256)
        #expect(new.canonicalSHA256.count == 64)
        // The bytes are RFC 8785 output: canonicalising them again changes nothing.
        let reparsed = try CanonicalJSON.parse(change.canonicalBytes)
        #expect(try CanonicalJSON.encode(reparsed) == change.canonicalBytes)
    }

    @Test("an auditor replays the diffs and reaches the recorded declaration hash")
    func replay() throws {
        let v1 = declaration()
        var v2 = v1
        v2.purpose = "Répondre aux citoyens sur l’état civil, les rendez-vous et les pièces"
        var v3 = v2
        v3.cndp = CNDPRegistration(status: .declared, number: "D-1")
        v3.lifecycle.declaredAt = Clock.later(days: 1)
        let history = [
            DeclarationChange(from: nil, to: v1, version: 1, principal: Staff.admin.id, at: Clock.t0, reason: "création")!,
            DeclarationChange(from: v1, to: v2, version: 2, principal: Staff.dpo.id, at: Clock.t0, reason: "précision")!,
            DeclarationChange(from: v2, to: v3, version: 3, principal: Staff.dpo.id, at: Clock.t0, reason: "récépissé")!,
        ]
        var fields: [String: CanonicalJSON.JSONValue] = [:]
        for change in history {
            for field in change.changes { fields[field.field] = field.new }
            let digest = SHA256Hex.of(try CanonicalJSON.encode(.object(fields)))
            #expect(digest == change.declarationSHA256)
        }
        #expect(history[2].changes.map(\.field) == ["cndp.number", "cndp.status", "lifecycle.declared_at"])
    }

    @Test("an assessment's canonical leaf carries its answers, tier, controls and approval")
    func assessmentLeaf() throws {
        let approved = assessment(Answer.benefits, approvedBy: Staff.reviewer)
        let text = String(decoding: approved.canonicalBytes, as: UTF8.self)
        #expect(text.contains(#""tier":"high""#))
        #expect(text.contains(#""approver":"stf_reviewer""#))
        #expect(text.contains(#""controls":["ai_disclosure","content_retention:90d","evaluation:quarterly","human_oversight","sovereign_hosting"]"#))
        #expect(text.contains(#""domains":["public_services"]"#))
    }
}

enum SHA256Hex {
    static func of(_ bytes: [UInt8]) -> String { SHA256.hash(data: bytes).hexString }
}
