import FoundationEssentials
import ThiqaCore
import ThiqaGovernance
import ThiqaStorage

/// What the admin API and `thiqa registry list|show|export` print, read from the store (so the CLI needs no server).
extension RegistryActions {
    func governed() async throws -> [GovernedUseCase] {
        let contents = try await repository.load()
        return contents.declarations.map { declaration in
            GovernedUseCase(
                declaration: declaration,
                controller: contents.controllers[declaration.tenant] ?? RegistryService.placeholderController(declaration.tenant),
                assessment: contents.assessments[declaration.ref]
            )
        }
    }

    /// One line per use case: status, tier, whether it is live, and the grace-period warning of a legacy draft.
    public func listing() async throws -> [JSONValue] {
        let now = Date()
        return try await self.governed().map { Self.summary($0, now: now) }
    }

    public func show(_ ref: UseCaseRef) async throws -> JSONValue {
        guard let governed = try await self.governed().first(where: { $0.declaration.ref == ref }) else {
            throw RegistryActionError(kind: .notFound, message: "use case \(ref) is not in the registry")
        }
        let history = try await repository.history(ref)
        guard case .object(var out) = Self.summary(governed, now: Date()) else { return .null }
        out["declaration"] = try JSONValue.parse(governed.declaration.canonicalBytes)
        out["assessment"] = try governed.assessment.map { try JSONValue.parse($0.canonicalBytes) } ?? .null
        out["history"] = .array(try history.map { version in
            guard case .object(var item) = try JSONValue.parse(version.leaf) else { return .null }
            item["log_index"] = .int(Int64(version.logIndex))
            return .object(item)
        })
        return .object(out)
    }

    public static func summary(_ governed: GovernedUseCase, now: Date) -> JSONValue {
        let declaration = governed.declaration
        var live = "live"
        var warning: JSONValue = .null
        switch Liveness.of(declaration, assessment: governed.assessment, at: now) {
        case .live: break
        case .liveInGracePeriod(let ends):
            live = "grace_period"
            warning = .string(GovernanceWarning.draftGracePeriod(ends: ends).text)
        case .notLive(let reason): live = "not_live: \(reason)"
        }
        return [
            "tenant": .string(declaration.tenant.rawValue), "use_case": .string(declaration.id.rawValue), "name": .string(declaration.name),
            "status": .string(declaration.status.rawValue), "cndp_number": declaration.cndp.number.map(JSONValue.string) ?? .null,
            "tier": governed.risk.map { .string($0.tier.rawValue) } ?? .null,
            "assessment": governed.assessment.map { .string("revision \($0.revision), \($0.status.rawValue)") } ?? .null,
            "live": .string(live), "warning": warning,
        ]
    }

    public func export() async throws -> JSONValue {
        let contents = try await self.repository.load()
        var useCases: [JSONValue] = []
        for declaration in contents.declarations {
            let history = try await self.repository.history(declaration.ref)
            useCases.append([
                "declaration": try JSONValue.parse(declaration.canonicalBytes),
                "assessment": try contents.assessments[declaration.ref].map { try JSONValue.parse($0.canonicalBytes) } ?? .null,
                "history": .array(try history.map { try JSONValue.parse($0.leaf) }),
            ])
        }
        let controllers: [JSONValue] = contents.controllers.values.sorted { $0.id.rawValue < $1.id.rawValue }.map { controller in
            [
                "id": .string(controller.id.rawValue), "legal_name": .string(controller.legalName),
                "dpo": ["name": .string(controller.dpo.name), "email": .string(controller.dpo.email), "phone": controller.dpo.phone.map(JSONValue.string) ?? .null],
            ]
        }
        return ["registry_version": .int(Int64(contents.version)), "controllers": .array(controllers), "use_cases": .array(useCases)]
    }

}
