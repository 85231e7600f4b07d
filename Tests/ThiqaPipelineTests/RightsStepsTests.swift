import Crypto
import Foundation
import Logging
import NIOCore
import Synchronization
import Testing
import ThiqaCore
import ThiqaPipeline
import ThiqaRights

/// The rights steps inside the pipeline: who a call is about, and whether they objected.
@Suite struct RightsStepsTests {
    /// Objections in memory: the standing ones by tenant/use case/subject.
    final class Objections: ObjectionSource {
        let standing: Set<String>
        let asked = Mutex(0)
        init(_ standing: Set<String>) { self.standing = standing }
        func objects(tenant: TenantID, useCase: UseCaseID, subject: String) async throws -> Bool {
            asked.withLock { $0 += 1 }
            return standing.contains("\(tenant.rawValue)/\(useCase.rawValue)/\(subject)")
        }
    }

    static let pseudonymiser = SubjectPseudonymiser(deploymentKey: SymmetricKey(data: Array(repeating: UInt8(3), count: 32)))

    static func subject(_ cin: String) throws -> String {
        pseudonymiser.subjectID(try SubjectClaim(kind: .cin, value: cin), tenant: "t").rawValue
    }

    static func pipeline(
        recorder: PipelineTests.MemoryRecorder, objections: Objections, caller: PipelineTests.EchoCaller = PipelineTests.EchoCaller(),
        desk: MemoryDesk = MemoryDesk()
    ) -> Pipeline {
        Pipeline.standard(
            limits: RequestLimits(), planner: PipelineTests.OnePlanner(), caller: caller,
            conversations: PipelineTests.Conversations(failing: false), recorder: recorder, governance: PipelineTests.ScriptedGovernance.allowAll,
            oversight: desk, rights: RightsSteps(pseudonymiser: pseudonymiser, objections: objections)
        )
    }

    static func call(cin: String? = nil, generic: String? = nil) throws -> AICall {
        var call = AICall(identity: try PipelineTests.identity(), endpoint: .chatCompletions, body: PipelineTests.chat("Salam"))
        call.subjectHeaders = AICall.SubjectHeaders(cin: cin, generic: generic)
        return call
    }

    @Test func theRightsStepsRunWhereTheContractPutsThem() {
        let names = Self.pipeline(recorder: PipelineTests.MemoryRecorder(), objections: Objections([])).steps.map(\.name)
        #expect(names == ["validate", "identify-subject", "govern", "object", "protect", "limit-purpose", "assist", "route", "call", "hold", "record", "restore", "disclose"])
    }

    @Test func theSubjectIsRecordedAsAKeyedHashAndTheCINNowhere() async throws {
        let recorder = PipelineTests.MemoryRecorder()
        _ = try await Self.pipeline(recorder: recorder, objections: Objections([])).run(try Self.call(cin: "BE 123 456"), logger: Logger(label: "t"))
        let record = try #require(recorder.records.withLock { $0.first })
        #expect(record.subjectID == (try Self.subject("BE123456")))
        #expect(record.decisions.contains("subject:cin"))
        let written = String(decoding: try JSONEncoder().encode(record), as: UTF8.self)
        #expect(!written.contains("BE123456") && !written.contains("BE 123 456"))
    }

    @Test func aMalformedSubjectHeaderIsRefusedNamingTheHeaderAndRecorded() async throws {
        let recorder = PipelineTests.MemoryRecorder()
        await #expect {
            _ = try await Self.pipeline(recorder: recorder, objections: Objections([])).run(try Self.call(cin: "BE12"), logger: Logger(label: "t"))
        } throws: { error in
            guard case GatewayError.invalidRequest(let message, let param, let code) = error else { return false }
            return param == "Thiqa-Subject-CIN" && code == "invalid_subject" && message.contains("digits") && !message.contains("BE12")
        }
        let record = try #require(recorder.records.withLock { $0.first })
        #expect(record.outcome == .rejected)
        #expect(record.subjectID == nil)
    }

    /// The step itself, on a state as the pipeline hands it over: what the oversight's Hold step will act on.
    @Test func theObjectStepDemandsAHumanBeforeAnyModelForASubjectWhoObjected() async throws {
        let subject = try Self.subject("J123456")
        let objections = Objections(["t/u/\(subject)"])
        var state = CallState(call: try Self.call(cin: "J123456"), logger: Logger(label: "t"))
        try await IdentifySubject(pseudonymiser: Self.pseudonymiser).run(&state)
        #expect(state.subjectID == subject)
        try await Object(objections: objections).run(&state)
        #expect(state.review == .beforeModel(reason: "objection"))
        #expect(state.record.decisions.contains("objection:human-review"))

        // A weaker demand set earlier gives way; a strong one stays as it is.
        var held = CallState(call: try Self.call(cin: "J123456"), logger: Logger(label: "t"))
        held.subjectID = subject
        held.review = .afterModel(reason: "tier:high")
        try await Object(objections: objections).run(&held)
        #expect(held.review == .beforeModel(reason: "objection"))
        held.review = .beforeModel(reason: "sensitivity")
        try await Object(objections: objections).run(&held)
        #expect(held.review == .beforeModel(reason: "sensitivity"))
    }

    @Test func anotherSubjectOrNoSubjectIsNotHeld() async throws {
        let objections = Objections(["t/u/\(try Self.subject("J123456"))"])
        var other = CallState(call: try Self.call(cin: "J654321"), logger: Logger(label: "t"))
        try await IdentifySubject(pseudonymiser: Self.pseudonymiser).run(&other)
        try await Object(objections: objections).run(&other)
        #expect(other.review == nil)
        var anonymous = CallState(call: try Self.call(), logger: Logger(label: "t"))
        try await IdentifySubject(pseudonymiser: Self.pseudonymiser).run(&anonymous)
        try await Object(objections: objections).run(&anonymous)
        #expect(anonymous.subjectID == nil)
        #expect(anonymous.review == nil)
        #expect(objections.asked.withLock { $0 } == 1, "no lookup for a call without a subject")
    }

    /// The whole pipeline: a subject who objected is answered by a human only. No model is called, the call is held
    /// before any model with an empty draft, and another subject's call reaches the model as usual.
    @Test func anObjectionSendsTheCallToAHumanAndNeverToAModel() async throws {
        let objections = Objections(["t/u/\(try Self.subject("J123456"))"])
        let caller = PipelineTests.EchoCaller()
        let desk = MemoryDesk()
        let recorder = PipelineTests.MemoryRecorder()
        let pipeline = Self.pipeline(recorder: recorder, objections: objections, caller: caller, desk: desk)
        let answer = try await pipeline.run(try Self.call(cin: "J123456"), logger: Logger(label: "t"))
        guard case .complete(200, let body, _) = answer else { Issue.record("not a complete answer"); return }
        #expect(try JSONValue.parse(body.readableBytesView)["thiqa"]?["pending"]?["determination_id"] == "det_1")
        #expect(caller.sent.withLock { $0.count } == 0, "no model read the request")
        let held = try #require(desk.opened.withLock { $0.first })
        #expect(held.demand == .beforeModel(reason: "objection"))
        #expect(held.draft == nil)
        #expect(held.subjectID == (try Self.subject("J123456")))

        _ = try await pipeline.run(try Self.call(cin: "J654321"), logger: Logger(label: "t"))
        #expect(caller.sent.withLock { $0.count } == 1, "a subject who did not object is answered by the model")
        #expect(desk.opened.withLock { $0.count } == 1)
    }
}
