import Crypto
import Foundation
import Logging
import NIOCore
import ThiqaBackends
import ThiqaCore
import ThiqaPipeline
import ThiqaPrivacy
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

/// Conversation mappings in SQL, sealed with AES-GCM under a key derived from the master key and bound to the
/// owner: the API key that created the conversation. The owner is part of both the row's key and the AEAD's
/// associated data, so a second key of the same use case neither finds the row nor could open it.
struct SQLConversationStore: ConversationStore {
    let vault: SQLPseudonymVaultRepository
    let keys: ConversationVault

    static func scopedID(identity: CallerIdentity, conversation: String) -> String {
        "\(identity.key.tenant.rawValue)/\(identity.key.useCase.rawValue)/\(identity.key.id)/\(conversation)"
    }

    func load(identity: CallerIdentity, conversation: String) async throws -> (mapping: PseudonymMapping, version: Int64)? {
        guard let stored = try await vault.load(
            tenant: identity.key.tenant, useCase: identity.key.useCase, owner: identity.key.id, conversationID: conversation, now: Date()
        ) else { return nil }
        let scoped = Self.scopedID(identity: identity, conversation: conversation)
        do {
            let mapping = try PseudonymVault.open(
                stored.sealed, key: PseudonymVault.conversationKey(master: keys.masterKey, conversationID: scoped), conversationID: scoped
            )
            return (mapping, stored.version)
        } catch {
            throw GatewayError.unavailable(reason: "the conversation's pseudonym vault cannot be opened (was the vault key replaced?)")
        }
    }

    func save(_ mapping: PseudonymMapping, identity: CallerIdentity, conversation: String, expectedVersion: Int64?) async throws -> Bool {
        let scoped = Self.scopedID(identity: identity, conversation: conversation)
        let sealed = try PseudonymVault.seal(mapping, key: PseudonymVault.conversationKey(master: keys.masterKey, conversationID: scoped), conversationID: scoped)
        return try await vault.save(
            tenant: identity.key.tenant, useCase: identity.key.useCase, owner: identity.key.id, conversationID: conversation, sealed: sealed,
            expectedVersion: expectedVersion, expiresAt: Date().addingTimeInterval(keys.ttl)
        )
    }
}
