import Foundation
import Logging
import NIOCore
import Synchronization
import Testing
import ThiqaAssistant
import ThiqaCore
import ThiqaJSON
import ThiqaKnowledge
import ThiqaPipeline

/// What an objection means for the assistant (README, "Your rights"): no model writes to the person. A question the
/// knowledge base answers gets the procedure as written, never rephrased; one it cannot answer goes to a human.
@Suite struct AssistantObjectionTests {
    static let knowledgePath = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("knowledge/procedures").path

    static func pipeline(caller: PipelineTests.EchoCaller, desk: MemoryDesk, objections: RightsStepsTests.Objections) throws -> Pipeline {
        let knowledge = try KnowledgeDirectory.load(Self.knowledgePath).get()
        return Pipeline.standard(
            limits: RequestLimits(), planner: PipelineTests.OnePlanner(), caller: caller, conversations: PipelineTests.Conversations(failing: false),
            recorder: PipelineTests.MemoryRecorder(), governance: PipelineTests.ScriptedGovernance.allowAll, oversight: desk,
            rights: RightsSteps(pseudonymiser: RightsStepsTests.pseudonymiser, objections: objections),
            // With a rephrasing model configured: without the objection, the model would be asked.
            assistant: AssistantSetup(assistant: Assistant(knowledge: knowledge), rephraseModel: "m")
        )
    }

    static func call(_ text: String, cin: String) throws -> AICall {
        let body: JSONValue = ["model": "thiqa-assistant", "messages": [["role": "user", "content": .string(text)]]]
        var call = AICall(identity: try PipelineTests.identity(), endpoint: .chatCompletions, body: ByteBuffer(bytes: try body.encoded()))
        call.subjectHeaders = AICall.SubjectHeaders(cin: cin, generic: nil)
        return call
    }

    @Test func anObjectingPersonGetsTheProcedureAsWrittenOrAHumanNeverAModel() async throws {
        let objections = RightsStepsTests.Objections(["t/u/\(try RightsStepsTests.subject("J123456"))"])
        let caller = PipelineTests.EchoCaller()
        let desk = MemoryDesk()
        let pipeline = try Self.pipeline(caller: caller, desk: desk, objections: objections)

        let answered = try await pipeline.run(try Self.call("kifach n9ad passport?", cin: "J123456"), logger: Logger(label: "t"))
        guard case .complete(200, let body, _) = answered else { Issue.record("not a complete answer"); return }
        let json = try JSONValue.parse(body.readableBytesView)
        #expect(json["thiqa"]?["sources"]?.arrayValue?.first?["procedure_id"] == "passport")
        #expect(json["thiqa"]?["pending"] == nil, "answered from the knowledge base, not held")
        #expect(caller.sent.withLock { $0.count } == 0, "no rephrasing model for a person who objected")
        #expect(desk.opened.withLock { $0.count } == 0)

        _ = try await pipeline.run(try Self.call("chkoun rbe7 lmatch lbare7?", cin: "J123456"), logger: Logger(label: "t"))
        let held = try #require(desk.opened.withLock { $0.first }, "nothing matches: handed over to a human")
        #expect(held.demand == .beforeModel(reason: "objection"))
        #expect(caller.sent.withLock { $0.count } == 0)

        // Someone who did not object gets the rephrasing model as configured.
        _ = try await pipeline.run(try Self.call("kifach n9ad passport?", cin: "J654321"), logger: Logger(label: "t"))
        #expect(caller.sent.withLock { $0.count } == 1)
    }
}
