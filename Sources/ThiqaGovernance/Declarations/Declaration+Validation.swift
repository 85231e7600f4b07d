import ThiqaCore

extension Declaration {
    /// The shortest purpose accepted: "chatbot" says nothing a person or the CNDP could hold the processing to.
    public static let minimumPurposeLength = 20

    /// Every problem at once, each naming its field (`purpose: must not be empty`). Empty means valid.
    public func validate() -> [ValidationError] {
        var problems: [ValidationError] = []
        func problem(_ field: String, _ reason: String) { problems.append(ValidationError(field: field, reason: reason)) }

        do { _ = try TenantID(self.tenant.rawValue) } catch { problems.append(error) }
        do { _ = try UseCaseID(self.id.rawValue) } catch { problems.append(ValidationError(field: "id", reason: error.reason)) }
        if self.name.trimmed.isEmpty { problem("name", "must not be empty") }

        let purpose = self.purpose.trimmed
        if purpose.isEmpty {
            problem("purpose", "must not be empty")
        } else if purpose.count < Self.minimumPurposeLength {
            problem("purpose", "too vague: say what the processing is for in at least \(Self.minimumPurposeLength) characters")
        }

        if self.legalBasis == nil {
            problem("legal_basis", "required: one of \(LegalBasis.allCases.map(\.rawValue).joined(separator: ", "))")
        } else if !self.sensitiveCategories.isEmpty && self.legalBasis == .legitimateInterest {
            problem(
                "legal_basis",
                "legitimate interest cannot justify sensitive data (law 09-08, art. 21): use consent, a legal obligation, a vital or public interest"
            )
        }
        if !self.personalDataTypes.isEmpty && self.dataCategories.isEmpty {
            problem("data_categories", "must list the categories of the personal-data types the use case carries")
        }
        if !self.dataCategories.isEmpty && self.dataSubjects.isEmpty {
            problem("data_subjects", "must list whose data is processed")
        }

        for (index, recipient) in self.recipients.enumerated() where recipient.name.trimmed.isEmpty {
            problem("recipients[\(index)].name", "must not be empty")
        }

        for (index, transfer) in self.transfers.enumerated() {
            if transfer.country.isSovereign { problem("transfers[\(index)].country", "MA is not a transfer abroad; remove this entry") }
            if transfer.recipient.trimmed.isEmpty { problem("transfers[\(index)].recipient", "must not be empty") }
            if transfer.basis == .authorisation && (transfer.authorisationNumber?.trimmed.isEmpty ?? true) {
                problem("transfers[\(index)].authorisation_number", "required when basis is authorisation")
            }
        }

        if let seconds = self.retention.contentSeconds, seconds <= 0 { problem("retention.content", "must be a positive duration") }
        if self.retention.recordsDays <= 0 { problem("retention.records_days", "must be a positive number of days") }

        if self.hosting.allowedJurisdictions.isEmpty {
            problem("hosting.allowed_jurisdictions", "must list at least one jurisdiction (MA for sovereign-only)")
        }
        let foreign = self.hosting.allowedJurisdictions.filter { !$0.isSovereign }
        if !foreign.isEmpty && !self.sensitiveCategories.isEmpty {
            problem("hosting.allowed_jurisdictions", "sensitive data must stay under Moroccan jurisdiction (decree 2-24-921): allow MA only")
        }
        let transferred = Set(self.transfers.map(\.country))
        for country in foreign.sorted(by: { $0.code < $1.code }) where !transferred.contains(country) {
            problem("hosting.allowed_jurisdictions", "\(country) is allowed for hosting but transfers declares no transfer to \(country)")
        }

        if self.allowedModels.isEmpty { problem("allowed_models", "must list at least one model") }
        for (index, model) in self.allowedModels.enumerated() {
            if model.trimmed.isEmpty {
                problem("allowed_models[\(index)]", "must not be empty")
            } else if model == "*" {
                problem("allowed_models[\(index)]", "'*' would allow every model: name the models or a prefix such as atlas-*")
            }
        }

        if self.valueChain.developer.trimmed.isEmpty { problem("value_chain.developer", "must not be empty") }
        if self.valueChain.deployer.trimmed.isEmpty { problem("value_chain.deployer", "must not be empty") }
        if let integrator = self.valueChain.integrator, integrator.trimmed.isEmpty {
            problem("value_chain.integrator", "must not be empty when given (leave it out instead)")
        }

        let status = self.cndp.status
        let registered = status != .draft && !(status == .withdrawn && self.lifecycle.declaredAt == nil && self.lifecycle.authorisedAt == nil)
        if registered && (self.cndp.number?.trimmed.isEmpty ?? true) {
            problem("cndp.number", "required when status is \(status.rawValue)")
        }
        if let number = self.cndp.number, number.utf8.count > 64 || number.contains(where: { $0.isNewline }) {
            problem("cndp.number", "must be one line of at most 64 bytes")
        }

        let dates = self.lifecycle
        switch status {
        case .draft: break
        case .declared: if dates.declaredAt == nil { problem("lifecycle.declared_at", "required when status is declared") }
        case .authorised: if dates.authorisedAt == nil { problem("lifecycle.authorised_at", "required when status is authorised") }
        case .suspended:
            if dates.suspendedAt == nil { problem("lifecycle.suspended_at", "required when status is suspended") }
            if dates.suspendedFrom == nil { problem("lifecycle.suspended_from", "required when status is suspended") }
        case .withdrawn: if dates.withdrawnAt == nil { problem("lifecycle.withdrawn_at", "required when status is withdrawn") }
        }
        for (field, date) in [
            ("lifecycle.declared_at", dates.declaredAt), ("lifecycle.authorised_at", dates.authorisedAt),
            ("lifecycle.suspended_at", dates.suspendedAt), ("lifecycle.withdrawn_at", dates.withdrawnAt),
        ] {
            if let date, date < dates.createdAt { problem(field, "must not be before lifecycle.created_at") }
        }
        return problems
    }
}
