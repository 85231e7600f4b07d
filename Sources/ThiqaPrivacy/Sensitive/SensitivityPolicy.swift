/// What the request path does with a message the detector finds sensitive or cannot rule out.
public enum SensitiveDataAction: String, Sendable, Codable, CaseIterable, Hashable {
    /// Send it only to sovereign (Moroccan) backends, whatever the use case otherwise allows. The default.
    case routeSovereign = "route_sovereign"
    /// Refuse the request; nothing is sent to any backend.
    case block
    /// Hold the request for a human reviewer before any backend sees it. Applied once the oversight issue has
    /// landed (review queue and reviewers); until then the request path must treat it as `block`, so that nothing
    /// a use-case owner wanted reviewed is answered unreviewed.
    case requireReview = "require_review"
}

/// The per-use-case rule for sensitive data (law 09-08). Pure: it maps an assessment to a decision; the gateway
/// applies the decision. When the detector is uncertain, or the language is not one it reads, the `onUncertain`
/// action applies, sovereign by default: a missed sensitive message sent abroad breaks the law, a false alarm
/// only costs routing.
public struct SensitivityPolicy: Sendable, Codable, Equatable, Hashable {
    public var onSensitive: SensitiveDataAction
    public var onUncertain: SensitiveDataAction
    public var thresholds: SensitivityThresholds

    public static let `default` = SensitivityPolicy()

    public init(
        onSensitive: SensitiveDataAction = .routeSovereign, onUncertain: SensitiveDataAction = .routeSovereign,
        thresholds: SensitivityThresholds = .standard
    ) {
        self.onSensitive = onSensitive
        self.onUncertain = onUncertain
        self.thresholds = thresholds
    }

    public enum Decision: Sendable, Equatable, Hashable {
        /// Not sensitive: the use case's own jurisdictions apply.
        case unrestricted
        case apply(SensitiveDataAction, because: SensitivityAssessment.Verdict)

        /// The action to take, or nil when the message is unrestricted.
        public var action: SensitiveDataAction? {
            if case .apply(let action, _) = self { return action }
            return nil
        }
    }

    /// The decision for one assessed message. The policy's thresholds replace the assessment's own.
    public func decision(for assessment: SensitivityAssessment) -> Decision {
        var assessment = assessment
        assessment.thresholds = self.thresholds
        let verdict = assessment.verdict
        switch verdict {
        case .sensitive: return .apply(self.onSensitive, because: verdict)
        case .uncertain: return .apply(self.onUncertain, because: verdict)
        case .notSensitive: return .unrestricted
        }
    }

    /// The strictest decision over several messages of one request (block over review over sovereign routing).
    public func decision(for assessments: [SensitivityAssessment]) -> Decision {
        var best = Decision.unrestricted
        for assessment in assessments {
            let decision = self.decision(for: assessment)
            if Self.rank(decision) > Self.rank(best) { best = decision }
        }
        return best
    }

    private static func rank(_ decision: Decision) -> Int {
        switch decision.action {
        case nil: 0
        case .routeSovereign?: 1
        case .requireReview?: 2
        case .block?: 3
        }
    }
}
