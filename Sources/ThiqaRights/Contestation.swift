import Foundation
import ThiqaCore

/// A person's contestation of an answer or decision, followed by its reference (law 09-08 gives the person a
/// simple procedure to contest a decision about them; the EU AI Act, art. 86, an explanation and a human review).
public enum CaseState: String, Sendable, Codable, CaseIterable {
    case received
    case underReview = "under_review"
    /// The decision stands.
    case upheld
    /// The decision is replaced (``ContestationCase/replacement`` names what replaced it).
    case overturned
    case closed

    public var isOpen: Bool { self != .closed }
}

/// One step of a case: who may take it from which state, checked in one place.
public enum CaseAction: Sendable, Equatable {
    /// A staff member takes the case (received → under review), or it is reassigned while under review.
    case assign(to: String)
    case uphold(explanation: String)
    /// `replacement`: the id of the interaction or determination that replaces the contested one.
    case overturn(explanation: String, replacement: String)
    case close
    /// The person withdraws their contestation (any open state → closed).
    case withdraw

    public var name: String {
        switch self {
        case .assign: "assign"
        case .uphold: "uphold"
        case .overturn: "overturn"
        case .close: "close"
        case .withdraw: "withdraw"
        }
    }
}

/// A contestation case, without its messages (those are sealed under the subject's key, kept apart).
public struct ContestationCase: Sendable, Equatable, Codable {
    public var id: String
    public var tenant: String
    public var useCase: String
    public var subjectID: String?
    /// The contested interaction (found from the answer's receipt).
    public var interactionID: String
    public var state: CaseState
    public var language: String
    public var openedAt: Date
    /// When the deployment promises an outcome (opened + `rights.contestationDeadlineDays`).
    public var deadline: Date
    public var assignedTo: String?
    /// The id of the answer or determination that replaced the contested one, when overturned.
    public var replacement: String?
    public var updatedAt: Date

    public init(
        id: String, tenant: String, useCase: String, subjectID: String?, interactionID: String, state: CaseState = .received, language: String,
        openedAt: Date, deadline: Date, assignedTo: String? = nil, replacement: String? = nil, updatedAt: Date? = nil
    ) {
        self.id = id
        self.tenant = tenant
        self.useCase = useCase
        self.subjectID = subjectID
        self.interactionID = interactionID
        self.state = state
        self.language = language
        self.openedAt = openedAt
        self.deadline = deadline
        self.assignedTo = assignedTo
        self.replacement = replacement
        self.updatedAt = updatedAt ?? openedAt
    }

    public func isOverdue(at now: Date) -> Bool { state == .received || state == .underReview ? now > deadline : false }

    /// The case after `action`, or why it cannot be taken now.
    public func applying(_ action: CaseAction, at now: Date) throws(ValidationError) -> ContestationCase {
        var next = self
        next.updatedAt = now
        switch (action, state) {
        case (.assign(let principal), .received), (.assign(let principal), .underReview):
            guard !principal.isEmpty else { throw ValidationError(field: "assigned_to", reason: "name the staff principal who takes the case") }
            next.assignedTo = principal
            next.state = .underReview
        case (.uphold(let explanation), .underReview):
            try Self.requireExplanation(explanation)
            next.state = .upheld
        case (.overturn(let explanation, let replacement), .underReview):
            try Self.requireExplanation(explanation)
            guard !replacement.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw ValidationError(field: "replacement", reason: "an overturned decision is linked to the answer or determination that replaces it")
            }
            next.state = .overturned
            next.replacement = replacement
        case (.close, .upheld), (.close, .overturned):
            next.state = .closed
        case (.withdraw, let current) where current.isOpen:
            next.state = .closed
        default:
            let allowed: String = switch action {
            case .assign: "received or under_review"
            case .uphold, .overturn: "under_review (assign it first)"
            case .close: "upheld or overturned (decide it first)"
            case .withdraw: "any state but closed"
            }
            throw ValidationError(field: "state", reason: "cannot \(action.name) a case that is \(state.rawValue); it must be \(allowed)")
        }
        return next
    }

    static func requireExplanation(_ text: String) throws(ValidationError) {
        guard text.trimmingCharacters(in: .whitespacesAndNewlines).count >= 10 else {
            throw ValidationError(field: "explanation", reason: "explain the outcome to the person in at least 10 characters")
        }
    }

    /// The reference the person follows the case with: shown once, only its hash is stored.
    public static let referencePrefix = "case_"
    public static func issueReference() -> String { RightsToken.make(prefix: referencePrefix) }
}

/// A message on a case: to the person (an acknowledgement, a request, the outcome) or from them.
public struct CaseMessage: Sendable, Equatable, Codable {
    public enum Author: String, Sendable, Codable { case person, staff }
    public var author: Author
    /// The staff principal for staff messages.
    public var principal: String?
    public var text: String
    public var at: Date
    public var state: CaseState

    public init(author: Author, principal: String?, text: String, at: Date, state: CaseState) {
        self.author = author
        self.principal = principal
        self.text = text
        self.at = at
        self.state = state
    }
}

/// A person's objection to automated processing (law 09-08, art. 9: the right to object; no decision with legal
/// effect on the sole basis of automated processing).
public struct Objection: Sendable, Equatable, Codable {
    public enum Scope: Sendable, Equatable, Codable {
        /// Every later request of this subject in this use case goes to a human, never to a model.
        case standing
        /// One decision (an interaction or determination id) is to be taken again by a human.
        case decision(String)

        public var label: String {
            switch self {
            case .standing: "standing"
            case .decision: "decision"
            }
        }

        public var decisionRef: String? {
            if case .decision(let ref) = self { return ref }
            return nil
        }
    }

    public var id: String
    public var tenant: String
    public var useCase: String
    public var subjectID: String
    public var scope: Scope
    public var createdAt: Date
    public var withdrawnAt: Date?

    public init(id: String, tenant: String, useCase: String, subjectID: String, scope: Scope, createdAt: Date, withdrawnAt: Date? = nil) {
        self.id = id
        self.tenant = tenant
        self.useCase = useCase
        self.subjectID = subjectID
        self.scope = scope
        self.createdAt = createdAt
        self.withdrawnAt = withdrawnAt
    }

    public var isActive: Bool { withdrawnAt == nil }
}

/// The identity check a DPO made before releasing a subject's file (law 09-08 asks for proof of identity: a
/// receipt proves one call, not who the person is, so it is not a kind of proof here).
public enum IdentityProof: String, Sendable, Codable, CaseIterable {
    /// The CNIE shown in person at a counter.
    case cnieInPerson = "cnie_in_person"
    /// The CNIE's electronic identity (chip read, or the national e-ID service).
    case cnieElectronic = "cnie_electronic"
    case passportInPerson = "passport_in_person"
    /// A request signed with a legalised signature (signature légalisée).
    case legalisedSignature = "legalised_signature"
    /// A representative with a power of attorney and their own identity document.
    case representative = "representative"

    public static var accepted: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
