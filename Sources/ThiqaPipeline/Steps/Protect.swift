import Metrics
import NIOCore
import NIOPosix
import ThiqaCore
import ThiqaPrivacy

/// Privacy before anything leaves: personal data in what the model would read is masked with placeholders that
/// stay consistent across the caller's conversation (or the call is blocked, per the use case's policy), and
/// sensitive data of law 09-08 narrows the call to sovereign backends.
public struct Protect: PipelineStep {
    public let name = "protect"
    let conversations: any ConversationStore
    let guardian = PrivacyGuard()
    /// Concurrent turns of one conversation retry on a lost compare-and-swap; more than this many losses in a
    /// row means something is wrong, not busy.
    static let maxSaveAttempts = 8
    /// Bodies from this size are scanned on NIO's blocking-work pool instead of the cooperative pool: the scanner
    /// reads ~25 MB/s on one core (BENCHMARKS.md, Privacy), so 32 KiB holds a thread for over a millisecond, and
    /// the cooperative pool has one thread per core (two here) for every other call's steps.
    static let offPoolBodyBytes = 32 * 1024

    public init(conversations: any ConversationStore) {
        self.conversations = conversations
    }

    public func run(_ state: inout CallState) async throws {
        let policy = state.call.identity.useCase.privacyPolicy
        var attempt = 0
        while true {
            attempt += 1
            var start = PseudonymMapping()
            var version: Int64?
            if let conversation = state.call.conversationID,
                let stored = try await conversations.load(identity: state.call.identity, conversation: conversation)
            {
                start = stored.mapping
                version = stored.version
            }
            let outcome: PrivacyGuard.Outcome
            if state.upstreamBody.readableBytes >= Self.offPoolBodyBytes {
                let (json, endpoint, guardian) = (state.json, state.call.endpoint, self.guardian)
                outcome = try await NIOThreadPool.singleton.runIfActive { [start] in
                    try guardian.protect(json, endpoint: endpoint, policy: policy, mapping: start)
                }
            } else {
                outcome = try guardian.protect(state.json, endpoint: state.call.endpoint, policy: policy, mapping: start)
            }
            // A refused request leaves nothing behind, not even its placeholders.
            try Self.refuseIfBlocked(outcome)
            if let conversation = state.call.conversationID, outcome.mapping != start {
                let saved = try await conversations.save(
                    outcome.mapping, identity: state.call.identity, conversation: conversation, subject: state.subjectID, expectedVersion: version
                )
                if !saved {
                    guard attempt < Self.maxSaveAttempts else {
                        throw GatewayError.unavailable(reason: "the conversation's pseudonym vault is being updated by too many requests at once")
                    }
                    continue
                }
            }
            apply(outcome, to: &state)
            return
        }
    }

    static func refuseIfBlocked(_ outcome: PrivacyGuard.Outcome) throws(GatewayError) {
        switch outcome.sensitivity.action {
        case .block?:
            // The error names the categories, never the words that revealed them.
            let categories = outcome.sensitiveCategories.map(\.rawValue).sorted().joined(separator: ", ")
            throw .invalidRequest(
                message: "This request appears to reveal sensitive data (\(categories.isEmpty ? "uncertain" : categories)), which this use case does not accept. Remove it and try again.",
                param: "messages", code: "sensitive_data_blocked"
            )
        case .routeSovereign?, .requireReview?, nil:
            return
        }
    }

    func apply(_ outcome: PrivacyGuard.Outcome, to state: inout CallState) {
        if outcome.changed {
            state.json = outcome.body
            state.bodyChanged = true
        }
        state.mapping = outcome.mapping
        state.sensitiveCategories = outcome.sensitiveCategories
        state.personalDataTypes = Set(outcome.typesFound.keys)
        state.record.decisions += outcome.decisions
        for (type, action) in outcome.typesFound {
            Counter(label: "thiqa_privacy_findings_total", dimensions: [("type", type.rawValue), ("action", action.rawValue)]).increment()
        }
        for category in outcome.sensitiveCategories {
            Counter(label: "thiqa_sensitive_requests_total", dimensions: [("category", category.rawValue)]).increment()
        }
        if outcome.sensitivity.action == .requireReview {
            // The use case wants a human to see what the model answers to sensitive or uncertain requests.
            state.holdForHuman(.afterModel(reason: "sensitive_data_review"))
        }
        if outcome.sensitivity.action == .routeSovereign || outcome.sensitivity.action == .requireReview || outcome.unscannedInput {
            // Sensitive data (law 09-08), data the detector cannot rule out, or input Thiqa cannot read (token ids)
            // stays under Moroccan jurisdiction, whatever the use case allows.
            state.allowedJurisdictions.formIntersection([.sovereign])
            state.record.decisions.append("route:sovereign-only")
        }
    }
}
