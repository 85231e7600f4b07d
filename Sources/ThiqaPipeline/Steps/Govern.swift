import ThiqaCore

/// Applies the registry's decision and the use case's own rules to the call, before anything else reads it: the
/// use case must be live (declared or authorised, its assessment approved when high-risk), the model one it
/// declares; the tier's controls narrow the backends' jurisdictions and the content kept. Then the use case's
/// `max_tokens` cap, which is also the default for a request that asks for none, so no call makes a model write
/// until the backend's own limit. Purpose limitation needs what Protect finds: ``LimitPurpose`` runs it after.
public struct Govern: PipelineStep {
    public let name = "govern"
    let governance: any GovernanceSource

    public init(governance: any GovernanceSource) {
        self.governance = governance
    }

    public func run(_ state: inout CallState) async throws {
        if let request = state.request {
            switch governance.decide(state.call.identity, model: request.model, dataTypes: [], sensitiveCategories: []) {
            case .refuse(let code, let message, let param):
                state.record.decisions.append("govern:refused:\(code)")
                throw GatewayError.refused(code: code, message: message, param: param)
            case .allow(let controls):
                Self.apply(controls, to: &state)
            case .hold(let code):
                state.record.decisions.append("govern:held:\(code)")
                state.holdForHuman(.beforeModel(reason: code))
            }
        }
        guard case .chat = state.request, case .object(var object) = state.json else { return }
        let cap = state.call.identity.useCase.maxTokens
        var asked: Int64?
        for key in ["max_tokens", "max_completion_tokens"] {
            guard let value = object[key]?.intValue else { continue }
            asked = max(asked ?? 0, value)
            if value > Int64(cap) {
                throw GatewayError.invalidRequest(
                    message: "Invalid value for '\(key)': \(value). This use case allows at most \(cap) tokens per answer.", param: key,
                    code: "invalid_value"
                )
            }
        }
        if asked == nil {
            object["max_tokens"] = .int(Int64(cap))
            state.json = .object(object)
            state.bodyChanged = true
            state.record.decisions.append("limit:max_tokens:\(cap)")
        }
    }

    /// Controls only tighten what the use case allows.
    static func apply(_ controls: GovernedControls, to state: inout CallState) {
        state.governed = controls
        state.record.decisions.append("govern:allowed:registry-v\(controls.registryVersion)")
        let narrowed = state.allowedJurisdictions.intersection(controls.allowedJurisdictions)
        if narrowed != state.allowedJurisdictions {
            state.allowedJurisdictions = narrowed
            state.record.decisions.append("govern:jurisdictions:\(narrowed.map(\.code).sorted().joined(separator: ","))")
        }
        let retention: Int? = switch (state.contentRetentionSeconds, controls.contentRetentionSeconds) {
        case (let asked?, let allowed?): min(asked, allowed)
        default: nil
        }
        if retention != state.contentRetentionSeconds {
            state.contentRetentionSeconds = retention
            state.record.decisions.append(retention == nil ? "govern:content-retention:off" : "govern:content-retention:\(retention!)s")
        }
        if !controls.warnings.isEmpty { state.record.decisions.append("govern:warning:legacy-draft") }
        if controls.humanOversightRequired { state.holdForHuman(.afterModel(reason: "human_oversight")) }
    }
}

/// Purpose limitation: a call carrying personal-data types or sensitive categories its declaration does not cover
/// is refused, or held for a human before any model reads it, as the declaration says (the registry decides, from
/// its snapshot, with what Protect found).
public struct LimitPurpose: PipelineStep {
    public let name = "limit-purpose"
    let governance: any GovernanceSource

    public init(governance: any GovernanceSource) {
        self.governance = governance
    }

    public func run(_ state: inout CallState) async throws {
        guard let request = state.request, !state.personalDataTypes.isEmpty || !state.sensitiveCategories.isEmpty else { return }
        let verdict = governance.decide(
            state.call.identity, model: request.model, dataTypes: state.personalDataTypes, sensitiveCategories: state.sensitiveCategories
        )
        switch verdict {
        case .refuse(let code, let message, let param):
            state.record.decisions.append("govern:refused:\(code)")
            throw GatewayError.refused(code: code, message: message, param: param)
        case .hold(let code):
            state.record.decisions.append("govern:held:\(code)")
            state.holdForHuman(.beforeModel(reason: code))
        case .allow:
            break
        }
    }
}
