import Foundation
import Logging
import NIOCore
import Synchronization
import Testing
import ThiqaCore
import ThiqaPipeline
import ThiqaPrivacy

/// An oversight desk in memory: remembers what it was asked to hold, with a stop switch the test flips.
final class MemoryDesk: OversightDesk {
    let opened = Mutex<[HeldAnswer]>([])
    let stopped: Bool
    init(stopped: Bool = false) { self.stopped = stopped }

    func isStopped(_ identity: CallerIdentity) -> Bool { stopped }
    func open(_ answer: HeldAnswer) async throws -> OpenedDetermination {
        let count = opened.withLock { held in
            held.append(answer)
            return held.count
        }
        let status = answer.demand == nil ? "released" : "held"
        return OpenedDetermination(
            id: "det_\(count)", status: status, statusURL: "/v1/determinations/det_\(count)", explanationURL: "/oversight/v1/lookup",
            message: "Une personne va examiner votre demande.", language: "fr", logIndex: 7
        )
    }
}

@Suite struct HoldTests {
    typealias Fixture = PipelineTests

    static func governance(oversight: Bool = false, decides: Bool = false) -> PipelineTests.ScriptedGovernance {
        PipelineTests.ScriptedGovernance { _ in
            .allow(GovernedControls(
                allowedJurisdictions: [.sovereign], contentRetentionSeconds: nil, disclosureRequired: false, warnings: [], registryVersion: 3,
                humanOversightRequired: oversight, makesDecisions: decides, tier: oversight ? "high" : "limited"
            ))
        }
    }

    @Test func anAnswerRequiringOversightIsHeldAndNothingTheModelSaidReachesTheClient() async throws {
        let recorder = PipelineTests.MemoryRecorder()
        let desk = MemoryDesk()
        let caller = PipelineTests.EchoCaller()
        let pipeline = Fixture.pipeline(recorder: recorder, caller: caller, governance: Self.governance(oversight: true), oversight: desk)
        let answer = try await pipeline.run(
            AICall(identity: try Fixture.identity(), endpoint: .chatCompletions, body: Fixture.chat("CIN BJ204581, ai-je droit à l’aide ?")),
            logger: Logger(label: "test")
        )
        guard case .complete(200, let body, _) = answer else { Issue.record("not a complete answer"); return }
        let json = try JSONValue.parse(body.readableBytesView)
        #expect(json["thiqa"]?["pending"]?["determination_id"] == "det_1")
        #expect(json["choices"]?.arrayValue?.first?["message"]?["content"] == "Une personne va examiner votre demande.")
        #expect(!String(buffer: body).contains("BJ204581") && !String(buffer: body).contains("droit"), "not a word of the model's echo")
        let held = try #require(desk.opened.withLock { $0.first })
        #expect(held.demand == .afterModel(reason: "human_oversight"))
        #expect(held.draft?.contains("droit") == true && held.draft?.contains("BJ204581") == false, "the draft is pseudonymised")
        #expect(!held.mapping.isEmpty, "the mapping travels with the draft, for the release")
        let record = try #require(recorder.records.withLock { $0.first })
        #expect(record.decisions.contains("oversight:held:human_oversight"))
        #expect(record.decisions.contains("oversight:determination:det_1"))
        #expect(caller.sent.withLock { $0.count } == 1)
    }

    @Test func aHeldStreamSendsOneChunkThatSaysSoAndDone() async throws {
        let recorder = PipelineTests.MemoryRecorder()
        let pipeline = Fixture.pipeline(recorder: recorder, governance: Self.governance(), oversight: MemoryDesk(stopped: true))
        let answer = try await pipeline.run(
            AICall(identity: try Fixture.identity(), endpoint: .chatCompletions, body: Fixture.chat("salam", stream: true)), logger: Logger(label: "test")
        )
        guard case .stream(let stream, _) = answer else { Issue.record("not a stream"); return }
        let sent = Mutex<String>("")
        try await stream.write { buffer in sent.withLock { $0 += String(buffer: buffer) } }
        let text = sent.withLock { $0 }
        #expect(text.contains(#""pending""#) && text.contains("det_1"))
        #expect(!text.contains("salam"), "the model's streamed echo is held")
        #expect(text.hasSuffix("data: [DONE]\n\n"))
        #expect(recorder.records.withLock { $0.first?.decisions.contains("oversight:held:stop_switch") } == true)
    }

    @Test func aDemandBeforeTheModelCallsNoModel() async throws {
        let caller = PipelineTests.EchoCaller()
        let desk = MemoryDesk()
        let governance = PipelineTests.ScriptedGovernance { types in
            types.isEmpty
                ? .allow(GovernedControls(allowedJurisdictions: [.sovereign], contentRetentionSeconds: nil, disclosureRequired: false, warnings: [], registryVersion: 1))
                : .hold(code: "data_category_not_declared")
        }
        let recorder = PipelineTests.MemoryRecorder()
        let answer = try await Fixture.pipeline(recorder: recorder, caller: caller, governance: governance, oversight: desk).run(
            AICall(identity: try Fixture.identity(), endpoint: .chatCompletions, body: Fixture.chat("mon CIN BJ204581")), logger: Logger(label: "test")
        )
        guard case .complete(200, let body, _) = answer else { Issue.record("not a complete answer"); return }
        #expect(String(buffer: body).contains("det_1"))
        #expect(caller.sent.withLock { $0.isEmpty }, "no model read it")
        let held = try #require(desk.opened.withLock { $0.first })
        #expect(held.demand == .beforeModel(reason: "data_category_not_declared") && held.draft == nil)
        #expect(recorder.records.withLock { $0.first?.backend } == nil)
    }

    @Test func aUseCaseThatMakesDecisionsReleasesADeterminationWithEveryAnswer() async throws {
        let desk = MemoryDesk()
        let answer = try await Fixture.pipeline(recorder: PipelineTests.MemoryRecorder(), governance: Self.governance(decides: true), oversight: desk).run(
            AICall(identity: try Fixture.identity(), endpoint: .chatCompletions, body: Fixture.chat("éligible ?")), logger: Logger(label: "test")
        )
        guard case .complete(200, let body, _) = answer else { Issue.record("not a complete answer"); return }
        let json = try JSONValue.parse(body.readableBytesView)
        #expect(json["thiqa"]?["determination"]?["status"] == "released")
        #expect(json["choices"]?.arrayValue?.first?["message"]?["content"]?.stringValue?.contains("éligible") == true, "released: the answer itself")
        #expect(desk.opened.withLock { $0.first?.demand } == nil)
    }

    @Test func nothingIsHeldOrCreatedOtherwise() async throws {
        let desk = MemoryDesk()
        _ = try await Fixture.pipeline(recorder: PipelineTests.MemoryRecorder(), governance: Self.governance(), oversight: desk).run(
            AICall(identity: try Fixture.identity(), endpoint: .chatCompletions, body: Fixture.chat("salam")), logger: Logger(label: "test")
        )
        #expect(desk.opened.withLock { $0.isEmpty })
    }

    @Test func theStrongerDemandWins() throws {
        var state = CallState(
            call: AICall(identity: try Fixture.identity(), endpoint: .chatCompletions, body: ByteBuffer()), logger: Logger(label: "test")
        )
        state.holdForHuman(.afterModel(reason: "a"))
        state.holdForHuman(.beforeModel(reason: "b"))
        state.holdForHuman(.afterModel(reason: "c"))
        #expect(state.review == .beforeModel(reason: "b"))
    }
}
