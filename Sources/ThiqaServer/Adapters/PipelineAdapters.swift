import Crypto
import Foundation
import Logging
import NIOCore
import ThiqaBackends
import ThiqaCore
import ThiqaPipeline
import ThiqaPrivacy
import ThiqaRights
import ThiqaStorage

/// The backend pool plans routes for the pipeline's `route` step.
extension BackendPool: BackendPlanner {}

/// The upstream HTTP client is the pipeline's `call` step's way to a model.
struct UpstreamModelCaller: ModelCaller {
    let client: UpstreamClient

    func send(path: String, body: ByteBuffer, to plan: [BackendDescriptor], logger: Logger) async throws(GatewayError) -> ModelAnswer {
        let answer = try await client.send(path: path, body: body, to: plan, logger: logger)
        return ModelAnswer(
            backend: answer.backend, status: answer.status, contentType: answer.contentType, body: answer.body, timeToHeadMs: answer.timeToHeadMs,
            failedOver: answer.failedOver.map { ModelAnswer.FailedAttempt(backend: $0.backend, reason: $0.reason) }
        )
    }

    func streamBroke(backend: String) {
        client.streamBroke(backend: backend)
    }
}

/// Conversation mappings in SQL, sealed with AES-GCM under a key of the key store — the subject's when the call
/// named one (the subject's erasure makes the mapping unreadable), else a key of the conversation's own that
/// expires with it — and bound to the owner: the API key that created the conversation. The owner is part of both
/// the row's key and the AEAD's associated data, so a second key of the same use case neither finds the row nor
/// could open it. Mappings sealed before migration 7 (a key derived from the vault master key) are still read
/// until the start-up migration has sealed them again.
struct SQLConversationStore: ConversationStore {
    let vault: SQLPseudonymVaultRepository
    let legacy: ConversationVault
    let keys: SubjectKeyStore

    static func scopedID(identity: CallerIdentity, conversation: String) -> String {
        SQLPseudonymVaultRepository.scopedID(
            tenant: identity.key.tenant.rawValue, useCase: identity.key.useCase.rawValue, owner: identity.key.id, conversation: conversation
        )
    }

    func load(identity: CallerIdentity, conversation: String) async throws -> (mapping: PseudonymMapping, version: Int64)? {
        guard let stored = try await vault.load(
            tenant: identity.key.tenant, useCase: identity.key.useCase, owner: identity.key.id, conversationID: conversation, now: Date()
        ) else { return nil }
        let scoped = Self.scopedID(identity: identity, conversation: conversation)
        do {
            guard let keyID = stored.keyID else {
                let key = PseudonymVault.conversationKey(master: legacy.masterKey, conversationID: scoped)
                return (try PseudonymVault.open(stored.sealed, key: key, conversationID: scoped), stored.version)
            }
            let plaintext = try await keys.open(Array(stored.sealed), keyID: keyID, associatedData: SQLPseudonymVaultRepository.associatedData(scopedID: scoped))
            return (try JSONDecoder().decode(PseudonymMapping.self, from: Data(plaintext)), stored.version)
        } catch SealingError.keyDestroyed {
            // Erased with its subject, or expired: the conversation starts again with fresh placeholders.
            return nil
        } catch {
            throw GatewayError.unavailable(reason: "the conversation's pseudonym vault cannot be opened (was the key store or its master key replaced?)")
        }
    }

    func save(_ mapping: PseudonymMapping, identity: CallerIdentity, conversation: String, expectedVersion: Int64?) async throws -> Bool {
        try await save(mapping, identity: identity, conversation: conversation, subject: nil, expectedVersion: expectedVersion)
    }

    func save(
        _ mapping: PseudonymMapping, identity: CallerIdentity, conversation: String, subject: String?, expectedVersion: Int64?
    ) async throws -> Bool {
        let scoped = Self.scopedID(identity: identity, conversation: conversation)
        let expiresAt = Date().addingTimeInterval(legacy.ttl)
        let key: SubjectKeyStore.Key
        if let subject {
            key = try await keys.subjectKey(subject)
        } else if let existing = try await vault.load(
            tenant: identity.key.tenant, useCase: identity.key.useCase, owner: identity.key.id, conversationID: conversation, now: Date()
        )?.keyID, let found = try await keys.key(id: existing) {
            try await keys.extend(keyID: existing, expiresAt: expiresAt)
            key = SubjectKeyStore.Key(id: existing, key: found)
        } else {
            key = try await keys.createKey(expiresAt: expiresAt)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let sealed = try Sealing.seal(
            Array(try encoder.encode(mapping)), key: key.key, associatedData: SQLPseudonymVaultRepository.associatedData(scopedID: scoped)
        )
        return try await vault.save(
            tenant: identity.key.tenant, useCase: identity.key.useCase, owner: identity.key.id, conversationID: conversation, sealed: Data(sealed),
            expectedVersion: expectedVersion, expiresAt: expiresAt, keyID: key.id, subjectID: subject
        )
    }
}
