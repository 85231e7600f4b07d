import FoundationEssentials
import ThiqaCore

/// What the public registry shows of a use case: what a person or the CNDP may know about a processing, and nothing
/// about staff (history says when and why, not who).
public struct PublicRegistryEntry: Sendable, Codable, Equatable {
    public struct HistoryItem: Sendable, Codable, Equatable {
        public var version: Int
        public var at: String
        public var fields: [String]
        public var reason: String
    }

    public var tenant: String
    public var useCase: String
    public var name: String
    public var controller: String
    public var dpoEmail: String
    public var purpose: String
    public var legalBasis: String?
    public var tier: String?
    public var status: String
    public var cndpNumber: String?
    public var dataCategories: [String]
    public var sensitiveDataCategories: [String]
    public var dataSubjects: [String]
    public var recipients: [String]
    public var transfers: [String]
    public var hosting: [String]
    public var valueChain: ValueChain
    public var declaredAt: String?
    public var authorisedAt: String?
    public var url: String
    public var history: [HistoryItem]

    enum CodingKeys: String, CodingKey {
        case tenant, name, controller, purpose, tier, status, recipients, transfers, hosting, url, history
        case useCase = "use_case"
        case dpoEmail = "dpo_email"
        case legalBasis = "legal_basis"
        case cndpNumber = "cndp_number"
        case dataCategories = "data_categories"
        case sensitiveDataCategories = "sensitive_data_categories"
        case dataSubjects = "data_subjects"
        case valueChain = "value_chain"
        case declaredAt = "declared_at"
        case authorisedAt = "authorised_at"
    }

    public init(_ governed: GovernedUseCase, history: [DeclarationChange], in snapshot: GovernanceSnapshot) {
        let declaration = governed.declaration
        self.tenant = declaration.tenant.rawValue
        self.useCase = declaration.id.rawValue
        self.name = declaration.name
        self.controller = governed.controller.legalName
        self.dpoEmail = governed.controller.dpo.email
        self.purpose = declaration.purpose
        self.legalBasis = declaration.legalBasis?.rawValue
        self.tier = governed.risk?.tier.rawValue
        self.status = declaration.status.rawValue
        self.cndpNumber = declaration.cndp.number
        self.dataCategories = declaration.dataCategories.filter { !$0.isSensitive }.map(\.rawValue).sorted()
        self.sensitiveDataCategories = declaration.dataCategories.filter(\.isSensitive).map(\.rawValue).sorted()
        self.dataSubjects = declaration.dataSubjects.map(\.rawValue).sorted()
        self.recipients = declaration.recipients.map { "\($0.name) (\($0.kind.rawValue))" }
        self.transfers = declaration.transfers.map { "\($0.country.code): \($0.recipient) (\($0.basis.rawValue))" }
        self.hosting = declaration.hosting.allowedJurisdictions.map(\.code).sorted()
        self.valueChain = declaration.valueChain
        self.declaredAt = declaration.lifecycle.declaredAt.map(Timestamp.format)
        self.authorisedAt = declaration.lifecycle.authorisedAt.map(Timestamp.format)
        self.url = snapshot.registryURL(for: declaration.ref)
        self.history = history.sorted { $0.version < $1.version }.map {
            HistoryItem(version: $0.version, at: Timestamp.format($0.at), fields: $0.changes.map(\.field), reason: $0.reason)
        }
    }
}

/// Search of the public registry by controller, purpose, name or CNDP number: case-, accent- and
/// Arabic-diacritic-insensitive, every word of the query must match.
public enum PublicRegistrySearch {
    public static func search(_ entries: [PublicRegistryEntry], query: String) -> [PublicRegistryEntry] {
        let words = Self.fold(query).split(separator: " ")
        guard !words.isEmpty else { return entries }
        return entries.filter { entry in
            let haystack = Self.fold([entry.controller, entry.purpose, entry.name, entry.cndpNumber ?? "", entry.useCase].joined(separator: " "))
            return words.allSatisfy { haystack.contains($0) }
        }
    }

    /// Lower case; Latin accents dropped; Arabic harakat and tatweel dropped, alef forms and final ya folded.
    static func fold(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.lowercased().unicodeScalars {
            switch scalar.value {
            case 0x064B...0x0652, 0x0670, 0x0640: continue
            case 0x0622, 0x0623, 0x0625, 0x0671: out.append("\u{0627}")
            case 0x0649: out.append("\u{064A}")
            default:
                if let plain = Self.latin[scalar] { out.append(contentsOf: plain.unicodeScalars) } else { out.append(scalar) }
            }
        }
        return String(out)
    }

    private static let latin: [Unicode.Scalar: String] = {
        var table: [Unicode.Scalar: String] = [:]
        for (plain, accented) in [("a", "àâäáã"), ("e", "éèêë"), ("i", "îïíì"), ("o", "ôöóò"), ("u", "ùûüú"), ("c", "ç"), ("n", "ñ"), ("y", "ÿ")] {
            for scalar in accented.unicodeScalars { table[scalar] = plain }
        }
        table["œ"] = "oe"
        table["æ"] = "ae"
        table["’"] = "'"
        return table
    }()
}
