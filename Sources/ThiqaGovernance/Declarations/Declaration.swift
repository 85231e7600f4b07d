import FoundationEssentials
import ThiqaCore
import ThiqaPrivacy

/// A use case as declared to (or authorised by) the CNDP: what it is for, on which legal basis, which data about whom,
/// who receives it, where it is hosted, which models may run it, and where it stands with the regulator.
///
/// A declaration is a value; every change to it is recorded as a ``DeclarationChange``. It is what the gateway's
/// `govern` step enforces through a ``GovernanceSnapshot``.
public struct Declaration: Sendable, Codable, Equatable {
    public var tenant: TenantID
    public var id: UseCaseID
    /// The name people see in the AI disclosure and the public registry.
    public var name: String
    /// Finalité: what the processing is for, specific enough to limit it (law 09-08, art. 3).
    public var purpose: String
    /// `nil` only in a draft still being written (a migrated legacy use case); required to go live.
    public var legalBasis: LegalBasis?
    public var dataCategories: Set<DataCategory>
    public var dataSubjects: Set<DataSubjectCategory>
    /// The personal-data types a call may carry (as ThiqaPrivacy recognises them). A call carrying any other type is
    /// outside the declared purpose and is handled as ``purposeLimitation`` says.
    public var personalDataTypes: Set<EntityType>
    public var recipients: [Recipient]
    public var transfers: [CrossBorderTransfer]
    public var retention: Retention
    public var hosting: HostingRequirement
    /// Model names, or prefixes ending in `*` (`atlas-*`). Never empty: a declaration says which models it uses.
    public var allowedModels: [String]
    public var valueChain: ValueChain
    public var cndp: CNDPRegistration
    public var lifecycle: LifecycleDates
    /// For use cases that existed before the registry: a draft keeps working until this instant, with a warning.
    /// `nil` for use cases declared through the registry, whose drafts never run.
    public var gracePeriodEnds: Date?
    public var purposeLimitation: PurposeLimitation
    /// The disclosure's language when the conversation gives no usable hint.
    public var disclosureLanguage: DisclosureLanguage
    /// The use case's answers are decisions about a person (an eligibility outcome, the assessment of a claim): each
    /// one is recorded as a determination the person can have explained. nil (absent) means no.
    public var makesDecisions: Bool?

    public init(
        tenant: TenantID,
        id: UseCaseID,
        name: String,
        purpose: String,
        legalBasis: LegalBasis?,
        dataCategories: Set<DataCategory> = [],
        dataSubjects: Set<DataSubjectCategory> = [],
        personalDataTypes: Set<EntityType> = [],
        recipients: [Recipient] = [],
        transfers: [CrossBorderTransfer] = [],
        retention: Retention = Retention(),
        hosting: HostingRequirement = .sovereignOnly,
        allowedModels: [String],
        valueChain: ValueChain,
        cndp: CNDPRegistration = CNDPRegistration(),
        lifecycle: LifecycleDates,
        gracePeriodEnds: Date? = nil,
        purposeLimitation: PurposeLimitation = .refuse,
        disclosureLanguage: DisclosureLanguage = .fr,
        makesDecisions: Bool? = nil
    ) {
        self.tenant = tenant
        self.id = id
        self.name = name
        self.purpose = purpose
        self.legalBasis = legalBasis
        self.dataCategories = dataCategories
        self.dataSubjects = dataSubjects
        self.personalDataTypes = personalDataTypes
        self.recipients = recipients
        self.transfers = transfers
        self.retention = retention
        self.hosting = hosting
        self.allowedModels = allowedModels
        self.valueChain = valueChain
        self.cndp = cndp
        self.lifecycle = lifecycle
        self.gracePeriodEnds = gracePeriodEnds
        self.purposeLimitation = purposeLimitation
        self.disclosureLanguage = disclosureLanguage
        self.makesDecisions = makesDecisions
    }

    public var ref: UseCaseRef { UseCaseRef(tenant: self.tenant, useCase: self.id) }
    public var status: DeclarationStatus { self.cndp.status }

    /// The special categories this declaration covers (the sensitive flag of its data categories).
    public var sensitiveCategories: Set<SensitiveCategory> { Set(self.dataCategories.compactMap(\.sensitive)) }

    /// Law 09-08 requires prior authorisation, not a mere declaration, for sensitive data, offences and convictions,
    /// and processing that includes the national identity card number (art. 12 and 21).
    public var requiresAuthorisationByData: Bool {
        !self.sensitiveCategories.isEmpty || self.personalDataTypes.contains(.CIN)
    }

    /// Whether `model` is one this declaration allows (exact name, or a prefix pattern ending in `*`).
    public func allows(model: String) -> Bool {
        self.allowedModels.contains { pattern in
            if pattern.hasSuffix("*") { return model.hasPrefix(pattern.dropLast()) }
            return pattern == model
        }
    }
}

/// A use case's key: use-case ids are unique within a tenant.
public struct UseCaseRef: Sendable, Hashable, Codable, CustomStringConvertible {
    public var tenant: TenantID
    public var useCase: UseCaseID
    public init(tenant: TenantID, useCase: UseCaseID) {
        self.tenant = tenant
        self.useCase = useCase
    }
    public var description: String { "\(self.tenant)/\(self.useCase)" }
}

/// Lawful bases of law 09-08, art. 4: consent, or one of the cases where processing is necessary without it.
public enum LegalBasis: String, Sendable, Codable, CaseIterable, Hashable {
    case consent
    case contract
    case legalObligation = "legal_obligation"
    case vitalInterest = "vital_interest"
    case publicInterest = "public_interest"
    case legitimateInterest = "legitimate_interest"
}

/// Categories of personal data as a CNDP declaration lists them; the special categories carry their sensitive flag.
public enum DataCategory: String, Sendable, Codable, CaseIterable, Hashable {
    case identification
    case contact
    case civilStatus = "civil_status"
    case financial
    case professional
    case education
    case location
    case onlineIdentifiers = "online_identifiers"
    case communicationContent = "communication_content"
    case health
    case genetic
    case religion
    case politicalOpinions = "political_opinions"
    case tradeUnionMembership = "trade_union_membership"
    case ethnicOrigin = "ethnic_origin"
    case sexLife = "sex_life"
    case biometric
    case criminalRecords = "criminal_records"

    /// The special category this is, for the ones law 09-08 (art. 1, 3°) and Thiqa treat as sensitive.
    public var sensitive: SensitiveCategory? {
        switch self {
        case .health: .health
        case .genetic: .genetic
        case .religion: .religion
        case .politicalOpinions: .politicalOpinion
        case .tradeUnionMembership: .tradeUnion
        case .ethnicOrigin: .ethnicOrigin
        case .sexLife: .sexLife
        case .biometric: .biometric
        case .criminalRecords: .criminalRecord
        default: nil
        }
    }

    public var isSensitive: Bool { self.sensitive != nil }

    public init(_ category: SensitiveCategory) {
        switch category {
        case .health: self = .health
        case .genetic: self = .genetic
        case .religion: self = .religion
        case .politicalOpinion: self = .politicalOpinions
        case .tradeUnion: self = .tradeUnionMembership
        case .ethnicOrigin: self = .ethnicOrigin
        case .sexLife: self = .sexLife
        case .biometric: self = .biometric
        case .criminalRecord: self = .criminalRecords
        }
    }
}

/// Whose data it is. Minors, patients and detainees are flagged vulnerable: the impact assessment weighs them.
public enum DataSubjectCategory: String, Sendable, Codable, CaseIterable, Hashable {
    case citizens
    case applicants
    case beneficiaries
    case customers
    case employees
    case students
    case patients
    case minors
    case detainees
    case foreignNationals = "foreign_nationals"

    public var isVulnerable: Bool { self == .minors || self == .patients || self == .detainees }
}

/// Who receives the data (destinataires).
public struct Recipient: Sendable, Codable, Hashable {
    public enum Kind: String, Sendable, Codable, CaseIterable, Hashable {
        /// A service of the controller itself.
        case `internal`
        /// A processor acting on the controller's instructions (sous-traitant), such as the model host.
        case processor
        case publicAuthority = "public_authority"
        case thirdParty = "third_party"
    }
    public var name: String
    public var kind: Kind
    public init(name: String, kind: Kind) {
        self.name = name
        self.kind = kind
    }
}

/// A transfer of personal data outside Morocco and what allows it (law 09-08, art. 43 and 44).
public struct CrossBorderTransfer: Sendable, Codable, Hashable {
    public enum Basis: String, Sendable, Codable, CaseIterable, Hashable {
        /// The destination is on the CNDP's list of countries with an adequate level of protection (art. 43).
        case adequacy
        /// The CNDP authorised this transfer (art. 44, last paragraph): the authorisation number is required.
        case authorisation
        /// One of art. 44's derogations (explicit consent, contract, vital or public interest, legal claims).
        case derogation
    }
    public var country: Jurisdiction
    public var recipient: String
    public var basis: Basis
    public var authorisationNumber: String?
    public init(country: Jurisdiction, recipient: String, basis: Basis, authorisationNumber: String? = nil) {
        self.country = country
        self.recipient = recipient
        self.basis = basis
        self.authorisationNumber = authorisationNumber
    }
}

/// How long things are kept (law 09-08, art. 3, 1° e: no longer than the purpose needs).
public struct Retention: Sendable, Codable, Hashable {
    /// Message content kept by the gateway; `nil` keeps none (the default, data minimisation).
    public var contentSeconds: Int?
    /// Interaction records (metadata without content), kept for accountability.
    public var recordsDays: Int
    public init(contentSeconds: Int? = nil, recordsDays: Int = 365) {
        self.contentSeconds = contentSeconds
        self.recordsDays = recordsDays
    }
}

/// Where the model that serves a call may be hosted.
public struct HostingRequirement: Sendable, Codable, Hashable {
    /// ISO 3166-1 alpha-2 codes; `[MA]` is sovereign-only.
    public var allowedJurisdictions: Set<Jurisdiction>
    public init(allowedJurisdictions: Set<Jurisdiction>) { self.allowedJurisdictions = allowedJurisdictions }
    public static let sovereignOnly = HostingRequirement(allowedJurisdictions: [.sovereign])
    public var isSovereignOnly: Bool { self.allowedJurisdictions == [.sovereign] }
}

/// The roles along the AI value chain: who built the model or system, who assembled it, who runs it for people.
public struct ValueChain: Sendable, Codable, Hashable {
    public var developer: String
    public var integrator: String?
    public var deployer: String
    public init(developer: String, integrator: String? = nil, deployer: String) {
        self.developer = developer
        self.integrator = integrator
        self.deployer = deployer
    }
}

/// Where a processing stands with the CNDP.
public enum DeclarationStatus: String, Sendable, Codable, CaseIterable, Hashable {
    /// Being written; not live (except a legacy use case inside its grace period).
    case draft
    /// Declared to the CNDP (récépissé de déclaration): enough for minimal and limited tiers without sensitive data.
    case declared
    /// Authorised by the CNDP (autorisation préalable): required for the high tier and for sensitive data.
    case authorised
    /// Stopped for now by the controller or the DPO; may be reinstated.
    case suspended
    /// Ended for good; kept in the registry and the log for history.
    case withdrawn
}

/// The CNDP number and the status it stands for.
public struct CNDPRegistration: Sendable, Codable, Hashable {
    public var status: DeclarationStatus
    /// The récépissé or authorisation number the CNDP issued. Required once declared or authorised.
    public var number: String?
    public init(status: DeclarationStatus = .draft, number: String? = nil) {
        self.status = status
        self.number = number
    }
}

/// When a declaration passed each step. Set by ``Lifecycle``; the last suspension and the withdrawal stay on record.
public struct LifecycleDates: Sendable, Codable, Hashable {
    public var createdAt: Date
    public var declaredAt: Date?
    public var authorisedAt: Date?
    public var suspendedAt: Date?
    public var withdrawnAt: Date?
    /// The status a suspension interrupted, so a reinstatement returns to it.
    public var suspendedFrom: DeclarationStatus?
    public init(
        createdAt: Date,
        declaredAt: Date? = nil,
        authorisedAt: Date? = nil,
        suspendedAt: Date? = nil,
        withdrawnAt: Date? = nil,
        suspendedFrom: DeclarationStatus? = nil
    ) {
        self.createdAt = createdAt
        self.declaredAt = declaredAt
        self.authorisedAt = authorisedAt
        self.suspendedAt = suspendedAt
        self.withdrawnAt = withdrawnAt
        self.suspendedFrom = suspendedFrom
    }
}

/// What happens to a call that carries personal-data types or sensitive categories the declaration does not cover.
public enum PurposeLimitation: String, Sendable, Codable, CaseIterable, Hashable {
    /// Refuse it (403 `data_category_not_declared`).
    case refuse
    /// Do not send it to a model; keep it for a reviewer to release or reject.
    case holdForReview = "hold_for_review"
}
