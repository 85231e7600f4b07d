import Foundation
import ThiqaCore
import ThiqaGovernance

/// The id of a determination: `det_` and 24 base62 characters. Random, so it reveals nothing about the person.
public struct DeterminationID: Sendable, Hashable, Codable, CustomStringConvertible {
    public let rawValue: String

    public init?(_ rawValue: String) {
        guard rawValue.hasPrefix("det_"), rawValue.utf8.count == 4 + 24,
            rawValue.utf8.dropFirst(4).allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) })
        else { return nil }
        self.rawValue = rawValue
    }

    public static func issue() -> DeterminationID {
        DeterminationID("det_" + RandomToken.base62(count: 24))!
    }

    public var description: String { self.rawValue }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let id = DeterminationID(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a determination id: \(text)"))
        }
        self = id
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(self.rawValue)
    }
}

/// Where a determination stands. `released` and the three verdicts are final; nothing changes a final one.
public enum DeterminationStatus: String, Sendable, Codable, CaseIterable, Hashable {
    /// No human oversight was required: the answer went to the person at once, and is recorded as a determination.
    case released
    /// Waiting for a reviewer; nothing the model said has reached the person.
    case held
    /// A first reviewer proposed a verdict; a second, different staff principal must confirm or reject it.
    case awaitingSecondReview = "awaiting_second_review"
    case approved
    case amended
    case rejected

    public var isFinal: Bool {
        switch self {
        case .released, .approved, .amended, .rejected: true
        case .held, .awaitingSecondReview: false
        }
    }
}

/// What the reviewers decided about the held answer.
public enum Verdict: String, Sendable, Codable, CaseIterable, Hashable {
    /// The model's answer goes out as it is.
    case approve
    /// A reviewer's text goes out instead of the model's.
    case amend
    /// Nothing the model said goes out; the person is told the request was refused, and why.
    case reject

    var finalStatus: DeterminationStatus {
        switch self {
        case .approve: .approved
        case .amend: .amended
        case .reject: .rejected
        }
    }
}

/// Whether the model ran before the hold (its answer is the reviewer's draft) or not at all (the reviewer writes it).
public enum HoldKind: String, Sendable, Codable, Hashable {
    case afterModel = "after_model"
    case beforeModel = "before_model"
}

/// A first reviewer's verdict, waiting for the second pair of eyes.
public struct Proposal: Sendable, Codable, Equatable {
    public var verdict: Verdict
    public var by: PrincipalID
    public var at: Date
    public var reason: String?
    /// SHA-256 of an amended text (the text itself is sealed with the held content, never in this record).
    public var textSHA256: String?
}

/// The final word: the verdict, who gave it (one reviewer, or the proposer then the confirmer), when and why.
public struct FinalOutcome: Sendable, Codable, Equatable {
    public var verdict: Verdict
    public var reviewers: [PrincipalID]
    public var decidedAt: Date
    public var reason: String?
    public var textSHA256: String?
}

/// One answer of a use case whose answers are decisions about a person (an eligibility outcome, an assessment of a
/// claim), or any answer held for a human. Reached by the person through the answer's receipt, by staff by id.
///
/// Holds no content: the held model output and any amended text are sealed elsewhere, keyed by this id.
public struct Determination: Sendable, Codable, Equatable {
    public var id: DeterminationID
    public var tenant: TenantID
    public var useCase: UseCaseID
    public var interactionID: String
    /// SHA-256 of the answer's receipt: the person's key to this determination.
    public var receiptHash: String
    /// The pseudonymous subject the deployer named (a keyed hash), when it named one.
    public var subjectID: String?
    public var status: DeterminationStatus
    /// nil for a determination released at once.
    public var hold: HoldKind?
    /// Why it is held: `human_oversight`, `stop_switch`, `sensitive_data_review`, `data_category_not_declared`, ….
    public var holdReason: String?
    public var createdAt: Date
    /// When a reviewer should have decided; past it, the determination is escalated to the use case's DPO.
    public var dueAt: Date?
    public var escalatedAt: Date?
    /// The DPO contact it was escalated to (an e-mail address from the registry's controller).
    public var escalatedTo: String?
    public var assignee: PrincipalID?
    /// Four eyes: a second, different staff principal must confirm the first reviewer's verdict.
    public var requiresSecondReview: Bool
    public var proposal: Proposal?
    public var outcome: FinalOutcome?
    public var facts: ExplanationFacts
    /// The language of the person's conversation: the explanation's summary is written in it.
    public var language: DisclosureLanguage

    public init(
        id: DeterminationID = .issue(), tenant: TenantID, useCase: UseCaseID, interactionID: String, receiptHash: String, subjectID: String?,
        hold: HoldKind?, holdReason: String?, createdAt: Date, reviewDeadline: Duration?, requiresSecondReview: Bool, facts: ExplanationFacts,
        language: DisclosureLanguage
    ) {
        self.id = id
        self.tenant = tenant
        self.useCase = useCase
        self.interactionID = interactionID
        self.receiptHash = receiptHash
        self.subjectID = subjectID
        self.hold = hold
        self.holdReason = hold == nil ? nil : holdReason
        self.status = hold == nil ? .released : .held
        self.createdAt = createdAt
        if hold != nil, let reviewDeadline {
            self.dueAt = createdAt.addingTimeInterval(Double(reviewDeadline.components.seconds))
        }
        self.requiresSecondReview = hold != nil && requiresSecondReview
        self.facts = facts
        self.language = language
    }

    public var ref: UseCaseRef { UseCaseRef(tenant: self.tenant, useCase: self.useCase) }
    /// Who has reviewed so far, in order.
    public var reviewers: [PrincipalID] { self.outcome?.reviewers ?? self.proposal.map { [$0.by] } ?? [] }
}

/// Random base62 text for ids (about 5.95 bits a character), from the system's generator.
public enum RandomToken {
    static let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".utf8)

    public static func base62(count: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        var out = [UInt8]()
        out.reserveCapacity(count)
        while out.count < count {
            // Rejection sampling keeps every character equally likely: 248 = 4 × 62.
            let byte = UInt8.random(in: 0...255, using: &generator)
            if byte < 248 { out.append(Self.alphabet[Int(byte % 62)]) }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
