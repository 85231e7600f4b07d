import FoundationEssentials
import ThiqaCore
import ThiqaGovernance
import ThiqaStorage

/// A registry action that cannot be done, with the status the admin API answers and a message naming the field
/// or step.
public struct RegistryActionError: Error, Sendable, CustomStringConvertible {
    public typealias Kind = ActionFailureKind
    public var kind: Kind
    public var message: String
    public var description: String { message }
    public var httpStatus: Int { kind.httpStatus }
}

/// Every change to the registry, by a staff principal, in the domain's rules (``DeclarationEdit``, ``Lifecycle``,
/// ``ImpactAssessment``): what the admin API and the `thiqa registry` commands both call. Each change is stored,
/// versioned and logged by the repository, then the in-memory snapshot is refreshed (`changed`).
public struct RegistryActions: Sendable {
    public let repository: SQLRegistryRepository
    let useCases: SQLUseCaseRepository
    let changed: @Sendable () async throws -> Void

    public init(database: ThiqaDatabase, changed: @escaping @Sendable () async throws -> Void = {}) {
        self.repository = SQLRegistryRepository(database: database)
        self.useCases = SQLUseCaseRepository(database: database)
        self.changed = changed
    }

    static func fail(_ kind: RegistryActionError.Kind, _ message: String) -> RegistryActionError { RegistryActionError(kind: kind, message: message) }

    func current(_ ref: UseCaseRef) async throws -> (declaration: Declaration, version: Int) {
        guard let current = try await repository.versioned(ref) else {
            throw Self.fail(.notFound, "use case \(ref) is not in the registry: declare it first (thiqa registry declare or apply)")
        }
        return current
    }

    // MARK: - Content

    /// Creates a use case's declaration (a draft) or edits its content.
    @discardableResult
    public func edit(_ proposed: Declaration, by principal: StaffPrincipal, reason: String, at now: Date = Date()) async throws -> Declaration {
        let current = try await repository.versioned(proposed.ref)
        let outcome: DeclarationEdit.Outcome
        do {
            outcome = try DeclarationEdit.apply(current: current, proposed: proposed, by: principal, reason: reason, at: now)
        } catch {
            throw Self.fail(Self.kind(of: error), error.description)
        }
        try await self.store(outcome.declaration, reason: reason, by: principal, at: now, expectedVersion: current?.version ?? 0)
        return outcome.declaration
    }

    public func saveController(_ controller: Controller, by principal: StaffPrincipal, at now: Date = Date()) async throws {
        do { try principal.require(.declare) } catch { throw Self.fail(.forbidden, error.description) }
        let problems = controller.validate()
        guard problems.isEmpty else { throw Self.fail(.invalid, problems.map(\.description).joined(separator: "; ")) }
        if try await repository.save(controller, by: principal.id, at: now) != nil { try await changed() }
    }

    // MARK: - Lifecycle

    /// Moves a use case to `target` (declare, authorise, suspend, reinstate, withdraw), checked by ``Lifecycle``.
    @discardableResult
    public func transition(
        _ ref: UseCaseRef, to target: DeclarationStatus, by principal: StaffPrincipal, cndpNumber: String? = nil, reason: String,
        at now: Date = Date()
    ) async throws -> Declaration {
        let current = try await self.current(ref)
        let assessment = try await repository.assessment(ref)
        let next: Declaration
        do {
            next = try Lifecycle.transition(
                current.declaration, to: target, by: principal, assessment: assessment, cndpNumber: cndpNumber, reason: reason, at: now
            )
        } catch {
            throw Self.fail(Self.kind(of: error), "\(ref): \(error.description)")
        }
        try await self.store(next, reason: reason, by: principal, at: now, expectedVersion: current.version)
        return next
    }

    /// Lifts a suspension, back to the status the use case had.
    @discardableResult
    public func reinstate(_ ref: UseCaseRef, by principal: StaffPrincipal, reason: String, at now: Date = Date()) async throws -> Declaration {
        let current = try await self.current(ref)
        guard current.declaration.status == .suspended, let previous = current.declaration.lifecycle.suspendedFrom else {
            throw Self.fail(.conflict, "use case \(ref) is \(current.declaration.status.rawValue), not suspended")
        }
        return try await self.transition(ref, to: previous, by: principal, reason: reason, at: now)
    }

    // MARK: - Impact assessment

    /// Submits the first assessment of a use case, or revises the current one (a material change sends it back to review).
    @discardableResult
    public func assess(_ ref: UseCaseRef, answers: Answers, by principal: StaffPrincipal, at now: Date = Date()) async throws -> ImpactAssessment {
        _ = try await self.current(ref)
        let existing = try await repository.assessment(ref)
        let next: ImpactAssessment
        do throws(AssessmentError) {
            if let existing {
                next = try existing.revised(answers: answers, by: principal, at: now).assessment
            } else {
                next = try ImpactAssessment.submit(for: ref, answers: answers, by: principal, at: now)
            }
        } catch {
            throw Self.fail(Self.kind(of: error), "\(ref): \(error.description)")
        }
        try await repository.save(next, by: principal.id, at: now)
        try await changed()
        return next
    }

    /// Approval by a principal other than the assessment's author (the two-person rule compares principals, so the
    /// author's second token is refused like the first).
    @discardableResult
    public func approve(_ ref: UseCaseRef, by principal: StaffPrincipal, note: String? = nil, at now: Date = Date()) async throws -> ImpactAssessment {
        guard let existing = try await repository.assessment(ref) else {
            throw Self.fail(.notFound, "use case \(ref) has no impact assessment to approve: submit one first (thiqa registry assess \(ref))")
        }
        let next: ImpactAssessment
        do { next = try existing.approved(by: principal, at: now, note: note) } catch {
            throw Self.fail(Self.kind(of: error), "\(ref): \(error.description)")
        }
        try await repository.save(next, by: principal.id, at: now)
        try await changed()
        return next
    }

    // MARK: - Declarations files

    public struct ApplyResult: Sendable {
        public var plan: ApplyPlan
        public var applied: Bool
    }

    /// Plans a declarations file against the registry and, unless `dryRun`, applies it: controllers, contents,
    /// assessments, then the status transitions the file asks for (through the lifecycle, never written directly).
    public func apply(
        _ text: String, fileName: String, by principal: StaffPrincipal, dryRun: Bool, at now: Date = Date()
    ) async throws -> ApplyResult {
        let file: DeclarationsFile
        do { file = try DeclarationsFile.parse(text, file: fileName, now: now) } catch { throw Self.fail(.invalid, error.description) }
        let contents = try await repository.load()
        let plan: ApplyPlan
        do {
            plan = try ApplyPlan.make(
                file: file, fileName: fileName, currentControllers: Array(contents.controllers.values), currentDeclarations: contents.declarations,
                currentAnswers: contents.assessments.mapValues(\.answers)
            )
        } catch {
            throw Self.fail(.invalid, error.description)
        }
        if dryRun || plan.isEmpty { return ApplyResult(plan: plan, applied: false) }
        for entry in plan.controllers where entry.action != .unchanged {
            try await self.saveController(entry.controller, by: principal, at: now)
        }
        let reason = "applied from \(fileName)"
        for entry in plan.useCases {
            if entry.action != .unchanged { try await self.edit(entry.declaration, by: principal, reason: reason, at: now) }
            if let answers = entry.assessment { try await self.assess(entry.ref, answers: answers, by: principal, at: now) }
            if let target = entry.transition {
                let number = entry.declaration.cndp.number
                if target == .suspended || target == .withdrawn {
                    try await self.transition(entry.ref, to: target, by: principal, reason: reason, at: now)
                } else {
                    try await self.transition(entry.ref, to: target, by: principal, cndpNumber: number, reason: reason, at: now)
                }
            }
        }
        return ApplyResult(plan: plan, applied: true)
    }

    // MARK: - Storage

    /// Stores a new version and keeps the operational use-case row (which keys point to) in step with it: its name,
    /// content retention and allowed jurisdictions come from the declaration.
    func store(_ declaration: Declaration, reason: String, by principal: StaffPrincipal, at now: Date, expectedVersion: Int) async throws {
        do {
            try await repository.save(declaration, reason: reason, by: principal.id, at: now, expectedVersion: expectedVersion)
        } catch let error as RegistryStoreError {
            throw Self.fail(.conflict, error.description)
        }
        var useCase = try await useCases.find(tenant: declaration.tenant, id: declaration.id) ?? UseCase(tenant: declaration.tenant, id: declaration.id)
        useCase.name = declaration.name
        useCase.contentRetentionSeconds = declaration.retention.contentSeconds
        useCase.allowedJurisdictions = declaration.hosting.allowedJurisdictions.sorted { $0.code < $1.code }
        try await useCases.upsert(useCase)
        try await changed()
    }

    static func kind(of error: any Error) -> RegistryActionError.Kind {
        switch error {
        case let error as DeclarationEditError:
            if case .unauthorized = error { return .forbidden }
            if case .withdrawn = error { return .conflict }
            return .invalid
        case let error as LifecycleError:
            if case .unauthorized = error { return .forbidden }
            if case .notAllowed = error { return .conflict }
            return .invalid
        case let error as AssessmentError:
            if case .unauthorized = error { return .forbidden }
            if case .notInReview = error { return .conflict }
            return .invalid
        default:
            return .invalid
        }
    }
}
