import ThiqaCore
import ThiqaPrivacy

/// Where the `govern` step reads the registry's rules. Implemented outside the pipeline over an in-memory snapshot:
/// a decision must never wait for a database.
public protocol GovernanceSource: Sendable {
    /// The registry's decision on a call of this caller's use case, with the data Protect found (empty before it).
    func decide(
        _ identity: CallerIdentity, model: String, dataTypes: Set<EntityType>, sensitiveCategories: Set<SensitiveCategory>
    ) -> GovernanceVerdict
    /// The AI disclosure of this use case in the conversation's language: `text` is the last user message (language
    /// identification), `acceptLanguage` the request header; nil when the use case has none.
    func disclosure(_ identity: CallerIdentity, text: String?, acceptLanguage: String?) -> AIDisclosure?
}

public enum GovernanceVerdict: Sendable, Equatable {
    case allow(GovernedControls)
    /// 403 with a stable refusal code (GOVERNANCE.md, "Refusal codes").
    case refuse(code: String, message: String, param: String?)
    /// Purpose limitation set to hold: the call goes to no model and waits for a human, for the reason `code`.
    case hold(code: String)
}

/// What an allowed call must do, as the registry decided it.
public struct GovernedControls: Sendable, Equatable {
    /// Backends outside these may not take the call (sovereign hosting narrows it to MA).
    public var allowedJurisdictions: Set<Jurisdiction>
    /// Message content kept at most this long; nil: none, whatever the use case asked.
    public var contentRetentionSeconds: Int?
    public var disclosureRequired: Bool
    /// ASCII warnings for the answer's `X-Thiqa-Warning` header (a legacy draft's grace period).
    public var warnings: [String]
    /// The registry version the decision was read from, for the record.
    public var registryVersion: UInt64
    /// The tier's controls require a human to review every answer before it is released.
    public var humanOversightRequired: Bool
    /// The declaration marks this use case's answers as decisions about a person: each one is a determination.
    public var makesDecisions: Bool
    /// The risk tier in force (`high`, `limited`, …), nil for a legacy draft without assessment.
    public var tier: String?

    public init(
        allowedJurisdictions: Set<Jurisdiction>, contentRetentionSeconds: Int?, disclosureRequired: Bool, warnings: [String], registryVersion: UInt64,
        humanOversightRequired: Bool = false, makesDecisions: Bool = false, tier: String? = nil
    ) {
        self.allowedJurisdictions = allowedJurisdictions
        self.contentRetentionSeconds = contentRetentionSeconds
        self.disclosureRequired = disclosureRequired
        self.warnings = warnings
        self.registryVersion = registryVersion
        self.humanOversightRequired = humanOversightRequired
        self.makesDecisions = makesDecisions
        self.tier = tier
    }
}

/// The sentence that tells the person they are dealing with an AI system, in one language, with its registry link.
public struct AIDisclosure: Sendable, Equatable {
    /// A BCP 47 tag (`fr`, `ar`, `ary-Arab`, `ary-Latn`, `zgh-Tfng`, `ber-Latn`, `en`).
    public var language: String
    public var text: String
    public var registryURL: String
    /// `rtl` or `ltr`.
    public var direction: String
    /// ASCII header fields: the text as an RFC 8187 ext-value, the language, the link.
    public var headerFields: [(name: String, value: String)]

    public init(language: String, text: String, registryURL: String, direction: String, headerFields: [(name: String, value: String)]) {
        self.language = language
        self.text = text
        self.registryURL = registryURL
        self.direction = direction
        self.headerFields = headerFields
        self.encodedJSON = (try? Self.json(language: language, text: text, registryURL: registryURL, direction: direction).encoded()) ?? []
    }

    /// ``json`` encoded once, when the registry renders the disclosure (it caches one per use case, language and
    /// registry version): what every answer splices into its body instead of being parsed and encoded again.
    public let encodedJSON: [UInt8]

    public static func == (lhs: AIDisclosure, rhs: AIDisclosure) -> Bool {
        lhs.language == rhs.language && lhs.text == rhs.text && lhs.registryURL == rhs.registryURL && lhs.direction == rhs.direction
    }

    /// The `thiqa.disclosure` object of an answer's body and of a stream's final chunk.
    public var json: JSONValue {
        Self.json(language: language, text: text, registryURL: registryURL, direction: direction)
    }

    static func json(language: String, text: String, registryURL: String, direction: String) -> JSONValue {
        ["language": .string(language), "text": .string(text), "registry_url": .string(registryURL), "direction": .string(direction)]
    }
}
