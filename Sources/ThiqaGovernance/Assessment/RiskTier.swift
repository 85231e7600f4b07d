/// Text in the three languages the registry's forms and reasons are written in.
public struct LocalizedText: Sendable, Codable, Hashable {
    public var fr: String
    public var ar: String
    public var en: String
    public init(fr: String, ar: String, en: String) {
        self.fr = fr
        self.ar = ar
        self.en = en
    }
}

/// How much a use case can harm people, and so what it must do before and while it runs.
public enum RiskTier: String, Sendable, Codable, CaseIterable, Hashable, Comparable {
    /// May not run at all.
    case prohibited
    /// Needs an approved assessment, CNDP authorisation, human oversight, sovereign hosting, quarterly evaluation.
    case high
    /// People must be told they deal with an AI system.
    case limited
    case minimal

    /// Higher is more severe.
    public var severity: Int {
        switch self {
        case .minimal: 0
        case .limited: 1
        case .high: 2
        case .prohibited: 3
        }
    }

    public static func < (lhs: RiskTier, rhs: RiskTier) -> Bool { lhs.severity < rhs.severity }
}

/// How long a use case's message content may be kept.
public enum ContentRetentionLimit: Sendable, Hashable {
    case forbidden
    case atMostDays(Int)

    public var maximumSeconds: Int? {
        switch self {
        case .forbidden: nil
        case .atMostDays(let days): days * 86_400
        }
    }
}

/// How often a use case's outputs are evaluated again (accuracy, bias, drift).
public enum EvaluationCadence: String, Sendable, Codable, CaseIterable, Hashable {
    case monthly, quarterly, yearly

    var months: Int {
        switch self {
        case .monthly: 1
        case .quarterly: 3
        case .yearly: 12
        }
    }
}

/// An obligation a risk tier puts on a use case.
public enum Control: Sendable, Hashable, CustomStringConvertible, Codable {
    /// A person reviews outputs before they affect someone and can overrule them.
    case humanOversight
    /// People are told they are dealing with an AI system (the disclosure texts).
    case aiDisclosure
    case contentRetention(ContentRetentionLimit)
    case evaluation(EvaluationCadence)
    /// Only backends under Moroccan jurisdiction may serve calls.
    case sovereignHosting

    /// Stable text form (`human_oversight`, `content_retention:90d`, `evaluation:quarterly`), used in JSON and logs.
    public var description: String {
        switch self {
        case .humanOversight: "human_oversight"
        case .aiDisclosure: "ai_disclosure"
        case .contentRetention(.forbidden): "content_retention:forbidden"
        case .contentRetention(.atMostDays(let days)): "content_retention:\(days)d"
        case .evaluation(let cadence): "evaluation:\(cadence.rawValue)"
        case .sovereignHosting: "sovereign_hosting"
        }
    }

    public init?(code: String) {
        switch code {
        case "human_oversight": self = .humanOversight
        case "ai_disclosure": self = .aiDisclosure
        case "sovereign_hosting": self = .sovereignHosting
        case "content_retention:forbidden": self = .contentRetention(.forbidden)
        default:
            if code.hasPrefix("content_retention:"), code.hasSuffix("d"), let days = Int(code.dropFirst("content_retention:".count).dropLast()),
                days > 0
            {
                self = .contentRetention(.atMostDays(days))
            } else if code.hasPrefix("evaluation:"), let cadence = EvaluationCadence(rawValue: String(code.dropFirst("evaluation:".count))) {
                self = .evaluation(cadence)
            } else {
                return nil
            }
        }
    }

    public init(from decoder: any Decoder) throws {
        let code = try decoder.singleValueContainer().decode(String.self)
        guard let control = Control(code: code) else {
            throw DecodingError.dataCorrupted(DecodingError.Context(codingPath: decoder.codingPath, debugDescription: "unknown control '\(code)'"))
        }
        self = control
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(self.description)
    }
}

extension Set where Element == Control {
    /// One retention limit (the strictest) and one cadence (the most frequent), whatever rules contributed.
    func normalised() -> Set<Control> {
        var out = Set<Control>()
        var retention: ContentRetentionLimit?
        var cadence: EvaluationCadence?
        for control in self {
            switch control {
            case .contentRetention(let limit):
                switch (retention, limit) {
                case (nil, _), (.atMostDays, .forbidden): retention = limit
                case (.atMostDays(let current), .atMostDays(let new)) where new < current: retention = limit
                default: break
                }
            case .evaluation(let new):
                if cadence.map({ new.months < $0.months }) ?? true { cadence = new }
            default: out.insert(control)
            }
        }
        if let retention { out.insert(.contentRetention(retention)) }
        if let cadence { out.insert(.evaluation(cadence)) }
        return out
    }

    /// The content-retention limit among these controls, if any.
    public var contentRetentionLimit: ContentRetentionLimit? {
        for case .contentRetention(let limit) in self { return limit }
        return nil
    }

    public var evaluationCadence: EvaluationCadence? {
        for case .evaluation(let cadence) in self { return cadence }
        return nil
    }

    /// Stable, sorted text forms: the order canonical documents and tests rely on.
    public var codes: [String] { self.map(\.description).sorted() }
}
