import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOConcurrencyHelpers
import NIOCore
import Testing
import ThiqaCore
import ThiqaPrivacy
import ThiqaServer
import ThiqaStorage
import ThiqaTesting

/// Sensitive data stays in Morocco: every sensitive message of the detector's dev set — every category, in every
/// language form it covers — sent through the gateway to a use case that may also use a foreign backend (planned
/// first), reaches only the Moroccan one; harmless messages still may go abroad. A use case can block instead.
@Suite(.serialized) struct SensitiveRoutingTests {
    struct Message: Decodable {
        var id: String
        var lang: String
        var text: String
        var categories: [String]
    }

    static func devSet() throws -> [Message] {
        let url = TestStores.repositoryRoot.appendingPathComponent("eval/privacy/sensitive/dev.jsonl")
        return try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map { try JSONDecoder().decode(Message.self, from: Data($0.utf8)) }
    }

    static func chat(_ text: String) -> ByteBuffer {
        let encoded = String(decoding: try! JSONValue.string(text).encoded(), as: UTF8.self)
        return ByteBuffer(string: #"{"model":"scripted","messages":[{"role":"user","content":\#(encoded)}],"max_tokens":8}"#)
    }

    @Test func everySensitiveCategoryInEveryLanguageReachesOnlyTheMoroccanBackend() async throws {
        let messages = try Self.devSet()
        let sensitive = messages.filter { !$0.categories.isEmpty }
        // The set really covers what the law lists, in the languages people write.
        let pairs = Set(sensitive.flatMap { message in message.categories.map { "\($0)/\(message.lang)" } })
        for category in SensitiveCategory.allCases {
            #expect(pairs.filter { $0.hasPrefix("\(category.rawValue)/") }.count >= 5, "\(category) in too few languages")
        }
        for lang in ["fr", "ar", "ary-Arab", "ary-Latn", "zgh-Tfng", "ber-Latn", "en"] {
            #expect(pairs.filter { $0.hasSuffix("/\(lang)") }.count >= 8, "too few categories in \(lang)")
        }
        let abroad = ScriptedUpstream(.answer)
        let home = ScriptedUpstream(.answer)
        try await abroad.run { abroadURL in
            try await home.run { homeURL in
                let backends = [
                    try ScriptedUpstream.backend(abroadURL, id: "abroad", jurisdiction: "FR", weight: 1_000_000),
                    try ScriptedUpstream.backend(homeURL, id: "home", jurisdiction: "MA"),
                ]
                // Every sensitive dev message (over 700 now) in one minute: above the default rate limit, which is not tested here.
                let useCase: @Sendable (inout UseCase) -> Void = { useCase in
                    useCase.allowedJurisdictions = [.sovereign, try! Jurisdiction("FR")]
                    useCase.rateLimitPerMinute = 100_000
                }
                try await Gateway.run(backends: backends, useCase: useCase) { client, fixture in
                    var wentAbroad: [String] = []
                    for message in sensitive {
                        let before = abroad.requests.withLockedValue { $0 }
                        let response = try await client.execute(uri: "/v1/chat/completions", method: .post, headers: fixture.auth(), body: Self.chat(message.text))
                        #expect(response.status == .ok, "\(message.id)")
                        if abroad.requests.withLockedValue({ $0 }) != before || response.headers[HTTPField.Name("X-Thiqa-Jurisdiction")!] != "MA" {
                            wentAbroad.append(message.id)
                        }
                    }
                    #expect(wentAbroad.isEmpty, "sensitive messages sent abroad: \(wentAbroad)")
                    // The record keeps the verdict, the categories and their scores, never the words.
                    let record = try #require(try await fixture.interactions.recent(limit: 1).first)
                    #expect(record.decisions.contains("route:sovereign-only"))
                    #expect(record.decisions.contains { $0.hasPrefix("sensitivity:") })
                    let last = try #require(sensitive.last)
                    let words = last.text.split(separator: " ").filter { $0.count > 4 }
                    for word in words { #expect(!record.decisions.joined(separator: " ").contains(word), "the record holds '\(word)'") }
                    // A harmless question may still use the foreign backend.
                    let harmless = try await client.execute(
                        uri: "/v1/chat/completions", method: .post, headers: fixture.auth(), body: Self.chat("Quels sont les horaires d'ouverture de la mairie ?")
                    )
                    #expect(harmless.headers[HTTPField.Name("X-Thiqa-Jurisdiction")!] == "FR")
                }
            }
        }
    }

    @Test func aUseCaseCanBlockSensitiveDataInstead() async throws {
        let upstream = ScriptedUpstream(.answer)
        try await upstream.run { url in
            try await Gateway.run(
                backends: [try ScriptedUpstream.backend(url, id: "home")],
                useCase: { $0.privacyPolicy.sensitivity = SensitivityPolicy(onSensitive: .block, onUncertain: .routeSovereign) }
            ) { client, fixture in
                let response = try await client.execute(
                    uri: "/v1/chat/completions", method: .post, headers: fixture.auth(),
                    body: Self.chat("Mon fils est séropositif et suit un traitement antirétroviral, a-t-il droit à l'AMO ?")
                )
                #expect(response.status == .badRequest)
                let error = try OpenAIError.decode(response)
                #expect(error.code == "sensitive_data_blocked")
                #expect(error.message.contains("health"))
                #expect(!error.message.contains("séropositif"))
                #expect(upstream.requests.withLockedValue { $0 } == 0)
                let record = try #require(try await fixture.interactions.recent(limit: 1).first)
                #expect(record.outcome == .rejected && record.errorType == "invalid_request")
            }
        }
    }

    @Test func aUseCaseThatRequiresReviewOfSensitiveDataHoldsTheAnswerForAHuman() async throws {
        let upstream = ScriptedUpstream(.answer)
        try await upstream.run { url in
            try await Gateway.run(
                backends: [try ScriptedUpstream.backend(url, id: "home")],
                useCase: { $0.privacyPolicy.sensitivity = SensitivityPolicy(onSensitive: .requireReview, onUncertain: .routeSovereign) }
            ) { client, fixture in
                let response = try await client.execute(
                    uri: "/v1/chat/completions", method: .post, headers: fixture.auth(),
                    body: Self.chat("Mon fils est séropositif et suit un traitement antirétroviral, a-t-il droit à l'AMO ?")
                )
                #expect(response.status == .ok)
                let body = String(buffer: response.body)
                #expect(body.contains(#""pending""#) && !body.contains("scripted answer"), "the model's answer waits for a reviewer")
                #expect(response.headers[HTTPField.Name("X-Thiqa-Jurisdiction")!] == "MA")
                let record = try #require(try await fixture.interactions.recent(limit: 1).first)
                #expect(record.decisions.contains("oversight:held:sensitive_data_review"))
            }
        }
    }
}
