import ThiqaCore

/// The data controller (responsable du traitement): the tenant that decides why and how personal data is processed,
/// and answers for it before the CNDP.
public struct Controller: Sendable, Codable, Equatable {
    public var id: TenantID
    /// The legal name as it appears on the CNDP declaration, shown in disclosures and the public registry.
    public var legalName: String
    public var dpo: DPOContact

    public init(id: TenantID, legalName: String, dpo: DPOContact) {
        self.id = id
        self.legalName = legalName
        self.dpo = dpo
    }

    /// Every problem at once, each naming its field.
    public func validate() -> [ValidationError] {
        var problems: [ValidationError] = []
        if self.legalName.trimmed.isEmpty {
            problems.append(ValidationError(field: "controller.legal_name", reason: "must not be empty"))
        }
        if self.dpo.name.trimmed.isEmpty {
            problems.append(ValidationError(field: "controller.dpo.name", reason: "must not be empty"))
        }
        if !EmailAddress.looksValid(self.dpo.email) {
            problems.append(
                ValidationError(field: "controller.dpo.email", reason: "expected an e-mail address such as dpo@example.ma, got '\(self.dpo.email)'")
            )
        }
        return problems
    }
}

/// Who people write to about their data (law 09-08 gives them rights of access, rectification and opposition).
public struct DPOContact: Sendable, Codable, Equatable {
    public var name: String
    public var email: String
    public var phone: String?

    public init(name: String, email: String, phone: String? = nil) {
        self.name = name
        self.email = email
        self.phone = phone
    }
}

enum EmailAddress {
    /// A shape check, not deliverability: one `@`, something on each side, a dot in the domain, no spaces.
    static func looksValid(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix(".") else { return false }
        return !text.contains(where: { $0.isWhitespace })
    }
}

extension String {
    var trimmed: Substring {
        var slice = Substring(self)
        while let first = slice.first, first.isWhitespace { slice.removeFirst() }
        while let last = slice.last, last.isWhitespace { slice.removeLast() }
        return slice
    }
}
