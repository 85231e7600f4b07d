import Foundation
import Logging
import NIOCore
import Synchronization
import Testing
import ThiqaCore
import ThiqaPipeline
import ThiqaPrivacy

/// The govern and limit-purpose steps: the registry's verdict refuses (recorded, 403, no model called) or applies
/// its controls; purpose limitation sees the data types Protect found.
@Suite struct GovernStepTests {
    typealias T = PipelineTests

    @Test func aRefusalIsA403RecordedOnceAndNoModelIsCalled() async throws {
        let recorder = T.MemoryRecorder()
        let caller = T.EchoCaller()
        let governance = T.ScriptedGovernance { _ in .refuse(code: "use_case_suspended", message: "use case t/u is suspended", param: nil) }
        let pipeline = T.pipeline(recorder: recorder, caller: caller, governance: governance)
        let call = AICall(identity: try T.identity(), endpoint: .chatCompletions, body: T.chat("salam"))
        do throws(GatewayError) {
            _ = try await pipeline.run(call, logger: Logger(label: "test"))
            Issue.record("expected a refusal")
        } catch {
            #expect(error == .refused(code: "use_case_suspended", message: "use case t/u is suspended", param: nil))
            #expect(error.httpStatus == 403)
        }
        let records = recorder.records.withLock { $0 }
        #expect(records.count == 1)
        #expect(records.first?.httpStatus == 403)
        #expect(records.first?.errorType == "use_case_suspended")
        #expect(records.first?.outcome == .rejected)
        #expect(caller.sent.withLock { $0.isEmpty }, "no model saw a refused call")
    }

    @Test func controlsNarrowJurisdictionsAndTurnContentRetentionOff() async throws {
        let recorder = T.MemoryRecorder()
        let governance = T.ScriptedGovernance { _ in
            .allow(GovernedControls(allowedJurisdictions: [.sovereign], contentRetentionSeconds: nil, disclosureRequired: true, warnings: ["legacy"], registryVersion: 9))
        }
        var identity = try T.identity()
        identity.useCase.contentRetentionSeconds = 86_400
        identity.useCase.allowedJurisdictions = [.sovereign, try Jurisdiction("FR")]
        let pipeline = T.pipeline(recorder: recorder, governance: governance)
        let answer = try await pipeline.run(AICall(identity: identity, endpoint: .chatCompletions, body: T.chat("salam")), logger: Logger(label: "test"))
        guard case .complete(_, let body, let disclosure) = answer else {
            Issue.record("expected a complete answer")
            return
        }
        let record = try #require(recorder.records.withLock { $0.first })
        #expect(record.decisions.contains("govern:jurisdictions:MA"))
        #expect(record.decisions.contains("govern:content-retention:off"))
        #expect(record.decisions.contains("govern:allowed:registry-v9"))
        #expect(disclosure.warnings == ["legacy"])
        #expect(disclosure.ai?.text == "Vous échangez avec une IA (salam)", "the language hint is the last user message")
        let json = try JSONValue.parse(body.readableBytesView)
        #expect(json["thiqa"]?["disclosure"]?["registry_url"]?.stringValue == "https://r/t/u")
        #expect(json["choices"] != nil, "the answer itself is kept")
    }

    @Test func purposeLimitationSeesWhatProtectFound() async throws {
        let recorder = T.MemoryRecorder()
        let caller = T.EchoCaller()
        let governance = T.ScriptedGovernance { types in
            if types.contains(.EMAIL) {
                return .refuse(code: "data_category_not_declared", message: "the request carries EMAIL", param: "messages")
            }
            return .allow(GovernedControls(allowedJurisdictions: [.sovereign], contentRetentionSeconds: nil, disclosureRequired: false, warnings: [], registryVersion: 1))
        }
        let pipeline = T.pipeline(recorder: recorder, caller: caller, governance: governance)
        _ = try await pipeline.run(AICall(identity: try T.identity(), endpoint: .chatCompletions, body: T.chat("salam")), logger: Logger(label: "test"))
        await #expect(throws: GatewayError.refused(code: "data_category_not_declared", message: "the request carries EMAIL", param: "messages")) {
            _ = try await pipeline.run(
                AICall(identity: try T.identity(), endpoint: .chatCompletions, body: T.chat("ecrivez a amina.benali@example.ma")), logger: Logger(label: "test")
            )
        }
        #expect(governance.asked.withLock { $0 }.contains([.EMAIL]))
        #expect(caller.sent.withLock { $0.count } == 1, "only the first call reached the model")
        #expect(recorder.records.withLock { $0.last?.httpStatus } == 403)
    }

    @Test func aStreamsFinalChunkCarriesTheDisclosure() async throws {
        let recorder = T.MemoryRecorder()
        let governance = T.ScriptedGovernance { _ in
            .allow(GovernedControls(allowedJurisdictions: [.sovereign], contentRetentionSeconds: nil, disclosureRequired: true, warnings: [], registryVersion: 2))
        }
        let answer = try await T.pipeline(recorder: recorder, governance: governance).run(
            AICall(identity: try T.identity(), endpoint: .chatCompletions, body: T.chat("salam", stream: true)), logger: Logger(label: "test")
        )
        guard case .stream(let stream, let disclosure) = answer else {
            Issue.record("not a stream")
            return
        }
        #expect(disclosure.ai?.registryURL == "https://r/t/u", "the headers get it too")
        let sent = Mutex<[String]>([])
        try await stream.write { buffer in sent.withLock { $0.append(String(buffer: buffer)) } }
        let events = sent.withLock { $0.joined() }.components(separatedBy: "\n\n").filter { $0.hasPrefix("data: {") }
        let final = try JSONValue.parse(Array(try #require(events.last).dropFirst("data: ".count).utf8))
        #expect(final["thiqa"]?["disclosure"]?["text"]?.stringValue == "Vous échangez avec une IA (salam)")
        #expect(final["thiqa"]?["disclosure"]?["language"]?.stringValue == "fr")
    }
}

