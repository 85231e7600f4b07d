import ThiqaCore
import ThiqaRights

/// Names the person a call is about, when the deployer says: reads `Thiqa-Subject-CIN` (or `Thiqa-Subject:
/// TYPE:VALUE`), validates it, and keeps only its keyed hash (``SubjectPseudonymiser``), per tenant. The raw
/// identifier goes nowhere: not into the record, the log, the kept content nor any error message. The subject
/// links the person's records, kept data, objections and cases, which their rights then reach.
public struct IdentifySubject: PipelineStep {
    public let name = "identify-subject"
    let pseudonymiser: SubjectPseudonymiser

    public init(pseudonymiser: SubjectPseudonymiser) {
        self.pseudonymiser = pseudonymiser
    }

    public func run(_ state: inout CallState) async throws {
        let headers = state.call.subjectHeaders
        let claim: SubjectClaim?
        do {
            claim = try SubjectClaim.parse(cinHeader: headers.cin, genericHeader: headers.generic)
        } catch {
            state.record.decisions.append("subject:invalid")
            throw GatewayError.invalidRequest(message: "\(error.description).", param: error.field, code: "invalid_subject")
        }
        guard let claim else { return }
        let subject = pseudonymiser.subjectID(claim, tenant: state.call.identity.key.tenant.rawValue)
        state.subjectID = subject.rawValue
        state.record.subjectID = subject.rawValue
        state.record.decisions.append("subject:\(claim.kind.rawValue)")
    }
}

/// Where the objection step learns whether a subject objected to automated processing in a use case.
public protocol ObjectionSource: Sendable {
    /// True when the subject has an active standing objection in this use case.
    func objects(tenant: TenantID, useCase: UseCaseID, subject: String) async throws -> Bool
}

/// A person who objected to automated processing in this use case is not answered by a model: the call waits for
/// a human (``ReviewDemand/beforeModel(reason:)``), which the oversight steps act on. A demand already set is
/// kept when it is as strong (`beforeModel` wins over `afterModel`).
public struct Object: PipelineStep {
    public let name = "object"
    let objections: any ObjectionSource

    public init(objections: any ObjectionSource) {
        self.objections = objections
    }

    public func run(_ state: inout CallState) async throws {
        guard let subject = state.subjectID else { return }
        let identity = state.call.identity
        guard try await objections.objects(tenant: identity.key.tenant, useCase: identity.key.useCase, subject: subject) else { return }
        state.record.decisions.append("objection:human-review")
        state.holdForHuman(.beforeModel(reason: "objection"))
    }
}
