import Foundation
import ThiqaCore
import ThiqaGovernance
import ThiqaLanguage
import ThiqaPipeline
import ThiqaRights
import ThiqaStorage

/// Why a right cannot be exercised as asked, with the HTTP status the API answers and a message naming the field.
public struct RightsError: Error, Sendable, CustomStringConvertible {
    public typealias Kind = ActionFailureKind
    public var kind: Kind
    public var message: String
    public var field: String?
    public var description: String { message }
    public var httpStatus: Int { kind.httpStatus }

    static func from(_ failure: SQLRightsRepository.Failure) -> RightsError {
        let kind: Kind = switch failure.kind {
        case .notFound: .notFound
        case .forbidden: .forbidden
        case .invalid: .invalid
        case .conflict: .conflict
        }
        return RightsError(kind: kind, message: failure.message, field: failure.message.split(separator: ":").first.map(String.init))
    }
}

/// The rights of law 09-08 as both sides exercise them: the person with what they hold (a receipt, a case
/// reference, an access token), staff with their principal and its roles. What the HTTP API and `thiqa cases` /
/// `thiqa subjects` both call.
public struct RightsService: Sendable {
    public let repository: SQLRightsRepository
    let interactions: SQLInteractionRepository
    let pseudonymiser: SubjectPseudonymiser
    let configuration: RightsConfiguration
    let identifier = LanguageIdentifier()

    public init(
        repository: SQLRightsRepository, interactions: SQLInteractionRepository, pseudonymiser: SubjectPseudonymiser, configuration: RightsConfiguration
    ) {
        self.repository = repository
        self.interactions = interactions
        self.pseudonymiser = pseudonymiser
        self.configuration = configuration
    }

    func run<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let failure as SQLRightsRepository.Failure {
            throw RightsError.from(failure)
        }
    }

    // MARK: - Subjects

    /// The subject id of an identifier at a tenant (`cin:BE123456`, or a bare CIN), computed, never stored.
    public func subjectID(tenant: String, identifier: String, field: String = "subject") throws -> String {
        let claim: SubjectClaim?
        do {
            claim = identifier.contains(":")
                ? try SubjectClaim.parse(cinHeader: nil, genericHeader: identifier)
                : try SubjectClaim(kind: .cin, value: identifier, field: field)
        } catch {
            throw RightsError(kind: .invalid, message: "\(field): \(error.reason)", field: field)
        }
        guard let claim else { throw RightsError(kind: .invalid, message: "\(field): give an identifier", field: field) }
        return pseudonymiser.subjectID(claim, tenant: tenant).rawValue
    }

    /// The interaction a receipt was given for.
    func interaction(receipt text: String) async throws -> InteractionRecord {
        guard let receipt = Receipt(token: text) else {
            throw RightsError(kind: .invalid, message: "receipt: not a receipt (rcp_ followed by 32 letters or digits)", field: "receipt")
        }
        guard let record = try await interactions.find(receiptHash: receipt.hash) else {
            throw RightsError(kind: .notFound, message: "receipt: no answer was given with this receipt", field: "receipt")
        }
        return record
    }

    // MARK: - Objection (the person)

    /// Objects to automated processing, from a receipt of the use case: `standing` for every later request of the
    /// person in it, `decision` for the one answer the receipt was given with.
    public func object(receipt: String, scope: String) async throws -> Objection {
        let record = try await interaction(receipt: receipt)
        guard let subject = record.subjectID else {
            throw RightsError(
                kind: .invalid,
                message: "receipt: this answer was given without naming you (no Thiqa-Subject header): ask the service to name you, or contest it instead",
                field: "receipt"
            )
        }
        let parsed: Objection.Scope
        switch scope {
        case "standing": parsed = .standing
        case "decision": parsed = .decision(record.id)
        default: throw RightsError(kind: .invalid, message: "scope: expected standing or decision", field: "scope")
        }
        return try await run {
            try await repository.object(tenant: record.tenant.rawValue, useCase: record.useCase.rawValue, subject: subject, scope: parsed, actor: "person")
        }
    }

    public func withdrawObjection(receipt: String, objectionID: String) async throws {
        let record = try await interaction(receipt: receipt)
        guard let subject = record.subjectID,
            try await repository.withdrawObjection(id: objectionID, subject: subject, actor: "person")
        else {
            throw RightsError(kind: .notFound, message: "objection_id: no active objection of yours with this id", field: "objection_id")
        }
    }

    // MARK: - Contestation (the person)

    /// Opens a case on the answer of a receipt, with the person's reason in any language.
    public func contest(receipt: String, reason: String, language: String?) async throws -> (ContestationCase, reference: String) {
        let record = try await interaction(receipt: receipt)
        let tag = language.flatMap(LanguageTag.init(rawValue:)) ?? identifier.identify(reason).language
        return try await run {
            try await repository.openCase(
                interaction: record, reason: reason, language: tag == .undetermined ? "fr" : tag.rawValue,
                deadlineDays: configuration.contestationDeadlineDays
            )
        }
    }

    public func follow(reference: String) async throws -> (ContestationCase, [CaseMessage]) {
        guard let found = try await repository.findCase(reference: reference) else {
            throw RightsError(kind: .notFound, message: "reference: no case has this reference", field: "reference")
        }
        return (found, try await repository.messages(caseID: found.id))
    }

    public func withdrawCase(reference: String) async throws -> ContestationCase {
        let (found, _) = try await follow(reference: reference)
        return try await run { try await repository.apply(.withdraw, caseID: found.id, actor: "person", message: nil) }
    }

    // MARK: - Contestation (staff)

    func requireReviewer(_ principal: StaffPrincipal) throws {
        do { try principal.require(.review) } catch { throw RightsError(kind: .forbidden, message: error.description) }
    }

    func requireDPO(_ principal: StaffPrincipal, to what: String) throws {
        guard principal.isActive, principal.roles.contains(.dpo) else {
            throw RightsError(kind: .forbidden, message: "only a DPO may \(what) (\(principal.id) is \(principal.roles.map(\.rawValue).sorted().joined(separator: ", ")))")
        }
    }

    public func cases(state: CaseState?, by principal: StaffPrincipal) async throws -> [ContestationCase] {
        do { try principal.require(.audit) } catch { throw RightsError(kind: .forbidden, message: error.description) }
        return try await repository.cases(state: state)
    }

    public func caseDetail(id: String, by principal: StaffPrincipal) async throws -> (ContestationCase, [CaseMessage]) {
        try requireReviewer(principal)
        guard let found = try await repository.findCase(id: id) else { throw RightsError(kind: .notFound, message: "case \(id): no such case") }
        return (found, try await repository.messages(caseID: id))
    }

    @discardableResult
    public func act(_ action: CaseAction, caseID: String, message: String?, by principal: StaffPrincipal) async throws -> ContestationCase {
        try requireReviewer(principal)
        if case .withdraw = action { throw RightsError(kind: .invalid, message: "action: only the person withdraws a case", field: "action") }
        return try await run { try await repository.apply(action, caseID: caseID, actor: principal.id.rawValue, message: message) }
    }

    public func message(caseID: String, text: String, by principal: StaffPrincipal) async throws {
        try requireReviewer(principal)
        try await run { try await repository.addMessage(caseID: caseID, text: text, by: principal.id.rawValue) }
    }

    // MARK: - Access, rectification, erasure

    /// The person asks for their file by identifier; the token lets them fetch it once released.
    public func requestAccess(tenant: String, identifier: String) async throws -> (SQLRightsRepository.AccessRequest, token: String) {
        let subject = try subjectID(tenant: tenant, identifier: identifier)
        return try await repository.requestAccess(tenant: tenant, subject: subject)
    }

    /// The request, and the file once a DPO released it.
    public func accessStatus(token: String) async throws -> (SQLRightsRepository.AccessRequest, export: [UInt8]?) {
        guard let request = try await repository.accessRequest(token: token) else {
            throw RightsError(kind: .notFound, message: "token: no access request has this token", field: "token")
        }
        guard request.status == "released", let subject = request.subjectID else { return (request, nil) }
        return (request, try await repository.export(subject: subject))
    }

    public func accessRequests(by principal: StaffPrincipal) async throws -> [SQLRightsRepository.AccessRequest] {
        try requireDPO(principal, to: "see access requests")
        return try await repository.accessRequests()
    }

    /// A DPO releases a requested file after checking the person's identity with `proof`.
    public func release(requestID: String, proof: String, by principal: StaffPrincipal) async throws -> SQLRightsRepository.AccessRequest {
        try requireDPO(principal, to: "release a subject's file")
        let checked = try self.proof(proof)
        return try await run { try await repository.release(requestID: requestID, checkedBy: principal.id.rawValue, proof: checked) }
    }

    /// A DPO at the counter: the person's identity checked with `proof`, their file produced at once. Recorded as
    /// a request released in the same breath, so that every export has its request, its checker and its proof.
    public func exportAtCounter(tenant: String, subject: String, proof: String, by principal: StaffPrincipal) async throws -> [UInt8] {
        try requireDPO(principal, to: "export a subject's file")
        let checked = try self.proof(proof)
        let (request, _) = try await repository.requestAccess(tenant: tenant, subject: try Self.subject(subject))
        _ = try await run { try await repository.release(requestID: request.id, checkedBy: principal.id.rawValue, proof: checked) }
        return try await repository.export(subject: subject)
    }

    public func rectify(
        tenant: String, subject: String, table: String, rowID: String, correction: String, by principal: StaffPrincipal
    ) async throws -> String {
        try requireDPO(principal, to: "record a rectification")
        return try await run {
            try await repository.rectify(
                tenant: tenant, subject: try Self.subject(subject), table: table, rowID: rowID, correction: correction, by: principal.id.rawValue
            )
        }
    }

    public func erase(tenant: String, subject: String, by principal: StaffPrincipal) async throws -> SQLRightsRepository.ErasureReport {
        try requireDPO(principal, to: "erase a subject")
        return try await repository.erase(tenant: tenant, subject: try Self.subject(subject), by: principal.id.rawValue)
    }

    static func subject(_ text: String) throws -> String {
        guard let id = SubjectID(text) else {
            throw RightsError(kind: .invalid, message: "subject: not a subject id (sub_ and 32 hex characters; thiqa subjects id gives it)", field: "subject")
        }
        return id.rawValue
    }

    /// A proof of identity this deployment accepts (`rights.identityProofs`).
    func proof(_ text: String) throws -> IdentityProof {
        let accepted = configuration.identityProofs
        guard let proof = IdentityProof(rawValue: text), accepted.contains(proof) else {
            throw RightsError(
                kind: .invalid,
                message: "identity_proof: this deployment accepts \(accepted.map(\.rawValue).joined(separator: ", ")) (a receipt proves one call, not who the person is)",
                field: "identity_proof"
            )
        }
        return proof
    }
}

/// The objection step reads the standing objections from the rights tables.
struct SQLObjectionSource: ObjectionSource {
    let repository: SQLRightsRepository
    func objects(tenant: TenantID, useCase: UseCaseID, subject: String) async throws -> Bool {
        try await repository.standingObjection(tenant: tenant.rawValue, useCase: useCase.rawValue, subject: subject) != nil
    }
}
