import Foundation
import Logging
import NIOCore
import Synchronization
import Testing
import ThiqaCore
import ThiqaPipeline
import ThiqaPrivacy

/// The pipeline without a socket: what it records and refuses, step by step. The adapters here are in memory;
/// the gateway tests run the same pipeline over HTTP, SQL and real or scripted model servers.
@Suite struct PipelineTests {
    final class MemoryRecorder: OutcomeRecorder {
        let records = Mutex<[InteractionRecord]>([])
        let completions = Mutex<[InteractionRecord]>([])
        let failWrites: Bool
        init(failWrites: Bool = false) { self.failWrites = failWrites }

        func ensureWritable() async throws(GatewayError) {}
        func record(_ record: InteractionRecord, content: InteractionContent?) async throws -> InteractionRecord {
            if failWrites { throw GatewayError.unavailable(reason: "the interaction record could not be stored") }
            var stored = record
            stored.logIndex = UInt64(records.withLock { $0.count })
            records.withLock { $0.append(stored) }
            return stored
        }
        func complete(_ record: InteractionRecord, content: InteractionContent?) async throws -> InteractionRecord {
            var stored = record
            stored.completionLogIndex = 1000
            completions.withLock { $0.append(stored) }
            return stored
        }
    }

    struct OnePlanner: BackendPlanner {
        let backend = BackendDescriptor(id: "local", baseURL: "http://127.0.0.1:1/v1", models: ["m"], jurisdiction: .sovereign, servesEmbeddings: true)
        func plan(model: String, allowed: Set<Jurisdiction>, requireEmbeddings: Bool) -> BackendSelection.Verdict {
            BackendSelection.plan(model: model, allowed: allowed, candidates: [.init(backend: backend, healthy: true)], ticket: 0)
        }
    }

    /// Answers with the last user message, as chunks when asked to stream; counts how much of the body was read.
    final class EchoCaller: ModelCaller {
        let sent = Mutex<[String]>([])
        let chunksRead = Mutex(0)

        struct Chunks: AsyncSequence, Sendable {
            let chunks: [String]
            let read: @Sendable () -> Void
            struct Iterator: AsyncIteratorProtocol {
                var remaining: [String]
                let read: @Sendable () -> Void
                mutating func next() async throws -> ByteBuffer? {
                    guard !remaining.isEmpty else { return nil }
                    read()
                    return ByteBuffer(string: remaining.removeFirst())
                }
            }
            func makeAsyncIterator() -> Iterator { Iterator(remaining: chunks, read: read) }
        }

        func streamBroke(backend: String) {}

        func send(path: String, body: ByteBuffer, to plan: [BackendDescriptor], logger: Logger) async throws(GatewayError) -> ModelAnswer {
            let text = String(buffer: body)
            sent.withLock { $0.append(text) }
            let json = try! JSONValue.parse(Array(text.utf8))
            let content = json["messages"]?.arrayValue?.last?["content"]?.stringValue ?? ""
            let quoted = String(decoding: try! JSONValue.string(content).encoded(), as: UTF8.self)
            let chunks: [String]
            if json["stream"] == .bool(true) {
                chunks = [
                    #"data: {"id":"c","created":1,"model":"m","choices":[{"index":0,"delta":{"content":\#(quoted)}}]}"# + "\n\n", "data: [DONE]\n\n",
                ]
            } else {
                chunks = [#"{"id":"c","choices":[{"index":0,"message":{"role":"assistant","content":\#(quoted)}}],"usage":{"prompt_tokens":1,"completion_tokens":2,"total_tokens":3}}"#]
            }
            return ModelAnswer(
                backend: plan[0], status: 200, contentType: json["stream"] == .bool(true) ? "text/event-stream" : "application/json", body: Chunks(chunks: chunks, read: { self.chunksRead.withLock { $0 += 1 } }),
                timeToHeadMs: 1, failedOver: []
            )
        }
    }

    struct Conversations: ConversationStore {
        let failing: Bool
        struct Broken: Error {}
        func load(identity: CallerIdentity, conversation: String) async throws -> (mapping: PseudonymMapping, version: Int64)? {
            if failing { throw Broken() }
            return nil
        }
        func save(_ mapping: PseudonymMapping, identity: CallerIdentity, conversation: String, expectedVersion: Int64?) async throws -> Bool { true }
    }

    static func identity() throws -> CallerIdentity {
        let issued = APIKeyFormat.issue(tenant: try TenantID("t"), useCase: try UseCaseID("u"))
        return CallerIdentity(key: issued.record, useCase: UseCase(tenant: try TenantID("t"), id: try UseCaseID("u")))
    }

    /// A registry that answers one scripted verdict (and one disclosure), and remembers what it was asked.
    final class ScriptedGovernance: GovernanceSource {
        let verdict: @Sendable (Set<EntityType>) -> GovernanceVerdict
        let asked = Mutex<[Set<EntityType>]>([])
        init(_ verdict: @escaping @Sendable (Set<EntityType>) -> GovernanceVerdict) { self.verdict = verdict }

        static let allowAll = ScriptedGovernance { _ in
            .allow(GovernedControls(allowedJurisdictions: [.sovereign], contentRetentionSeconds: 3600, disclosureRequired: false, warnings: [], registryVersion: 1))
        }

        func decide(_ identity: CallerIdentity, model: String, dataTypes: Set<EntityType>, sensitiveCategories: Set<SensitiveCategory>) -> GovernanceVerdict {
            asked.withLock { $0.append(dataTypes) }
            return verdict(dataTypes)
        }
        func disclosure(_ identity: CallerIdentity, text: String?, acceptLanguage: String?) -> AIDisclosure? {
            AIDisclosure(language: "fr", text: "Vous échangez avec une IA (\(text ?? "-"))", registryURL: "https://r/t/u", direction: "ltr", headerFields: [])
        }
    }

    static func pipeline(
        recorder: MemoryRecorder, caller: EchoCaller = EchoCaller(), failingConversations: Bool = false,
        governance: any GovernanceSource = ScriptedGovernance.allowAll, oversight: any OversightDesk = MemoryDesk()
    ) -> Pipeline {
        Pipeline.standard(
            limits: RequestLimits(), planner: OnePlanner(), caller: caller, conversations: Conversations(failing: failingConversations), recorder: recorder,
            governance: governance, oversight: oversight
        )
    }

    static func chat(_ text: String, stream: Bool = false) -> ByteBuffer {
        ByteBuffer(string: #"{"model":"m","messages":[{"role":"user","content":"\#(text)"}],"stream":\#(stream)}"#)
    }

    @Test func theStepsAreTheNamedStagesOfAnAICallInOrder() {
        let names = Self.pipeline(recorder: MemoryRecorder()).steps.map(\.name)
        #expect(names == ["validate", "govern", "protect", "limit-purpose", "assist", "route", "call", "hold", "record", "restore", "disclose"])
    }

    @Test func aRefusedCallIsRecordedOnceWithItsError() async throws {
        let recorder = MemoryRecorder()
        let pipeline = Self.pipeline(recorder: recorder)
        let call = AICall(identity: try Self.identity(), endpoint: .chatCompletions, body: ByteBuffer(string: #"{"model":"m","messages":[]}"#))
        await #expect(throws: GatewayError.self) { _ = try await pipeline.run(call, logger: Logger(label: "test")) }
        let records = recorder.records.withLock { $0 }
        #expect(records.count == 1)
        #expect(records.first?.outcome == .rejected)
        #expect(records.first?.httpStatus == 400)
        #expect(records.first?.errorType == "invalid_request")
    }

    @Test func anUnexpectedErrorBecomesAnInternalErrorRecordNamingNothingOfIt() async throws {
        let recorder = MemoryRecorder()
        let caller = EchoCaller()
        let pipeline = Self.pipeline(recorder: recorder, caller: caller, failingConversations: true)
        let call = AICall(identity: try Self.identity(), endpoint: .chatCompletions, body: Self.chat("salam"), conversationID: "c")
        do {
            _ = try await pipeline.run(call, logger: Logger(label: "test"))
            Issue.record("the call should have failed")
        } catch {
            guard case .internalError(let reference) = error else { Issue.record("got \(error)"); return }
            #expect(reference == recorder.records.withLock { $0.first?.id })
        }
        #expect(recorder.records.withLock { $0.first?.errorType } == "internal_error")
        #expect(caller.sent.withLock { $0.isEmpty }, "no model was called")
    }

    @Test func personalDataIsMaskedAndRestoredWithoutTheModelSeeingIt() async throws {
        let recorder = MemoryRecorder()
        let caller = EchoCaller()
        let answer = try await Self.pipeline(recorder: recorder, caller: caller).run(
            AICall(identity: try Self.identity(), endpoint: .chatCompletions, body: Self.chat("CIN BJ204581")), logger: Logger(label: "test")
        )
        #expect(!(caller.sent.withLock { $0.joined() }.contains("BJ204581")))
        guard case .complete(200, let body, let disclosure) = answer else { Issue.record("not a complete answer"); return }
        #expect(String(buffer: body).contains("BJ204581"))
        #expect(Receipt(token: disclosure.receipt)?.hash == recorder.records.withLock { $0.first?.receiptHash })
        #expect(recorder.records.withLock { $0.first?.decisions.contains("privacy:CIN:mask") } == true)
    }

    @Test func aStreamIsNotHandedOutWhenItsDecisionCannotBeRecorded() async throws {
        let caller = EchoCaller()
        let pipeline = Self.pipeline(recorder: MemoryRecorder(failWrites: true), caller: caller)
        let call = AICall(identity: try Self.identity(), endpoint: .chatCompletions, body: Self.chat("salam", stream: true))
        await #expect(throws: GatewayError.self) { _ = try await pipeline.run(call, logger: Logger(label: "test")) }
        #expect(caller.chunksRead.withLock { $0 } == 0, "not one chunk of the model's stream was read, let alone sent")
    }

    @Test func aStreamSendsItsFinalChunkOnlyAfterItsCompletionIsRecorded() async throws {
        let recorder = MemoryRecorder()
        let answer = try await Self.pipeline(recorder: recorder).run(
            AICall(identity: try Self.identity(), endpoint: .chatCompletions, body: Self.chat("salam", stream: true)), logger: Logger(label: "test")
        )
        guard case .stream(let stream, _) = answer else { Issue.record("not a stream"); return }
        #expect(recorder.records.withLock { $0.first?.outcome } == .streaming, "the decision is durable before the first byte")
        let sent = Mutex<[String]>([])
        try await stream.write { buffer in
            let completed = recorder.completions.withLock { !$0.isEmpty }
            let text = String(buffer: buffer)
            if text.contains("[DONE]") { #expect(completed, "the final chunk follows the durable completion") }
            sent.withLock { $0.append(text) }
        }
        #expect(recorder.completions.withLock { $0.first?.outcome } == .completed)
        #expect(sent.withLock { $0.joined() }.hasSuffix("data: [DONE]\n\n"))
    }
}
