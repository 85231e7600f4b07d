import FoundationEssentials
import ThiqaCore

/// Creating and editing a declaration's content (everything but its status and dates, which only ``Lifecycle``
/// moves), with the permission check and the versioned change that goes to the log.
public enum DeclarationEdit {
    public struct Outcome: Sendable {
        public var declaration: Declaration
        /// nil when the edit changed nothing: no new version.
        public var change: DeclarationChange?
    }

    /// - Parameters:
    ///   - current: the stored declaration and its version, or nil to create one (always as a draft).
    ///   - proposed: the new content; its status and lifecycle dates are ignored.
    public static func apply(
        current: (declaration: Declaration, version: Int)?,
        proposed: Declaration,
        by principal: StaffPrincipal,
        reason: String,
        at now: Date
    ) throws(DeclarationEditError) -> Outcome {
        do { try principal.require(.declare) } catch { throw .unauthorized(error) }
        var next = proposed
        guard let current else {
            next.cndp.status = .draft
            next.lifecycle = LifecycleDates(createdAt: now)
            let change = DeclarationChange(from: nil, to: next, version: 1, principal: principal.id, at: now, reason: reason)
            return Outcome(declaration: next, change: change)
        }
        let stored = current.declaration
        guard stored.ref == proposed.ref else { throw .differentUseCase(stored.ref) }
        guard stored.status != .withdrawn else { throw .withdrawn }
        next.cndp.status = stored.cndp.status
        next.lifecycle = stored.lifecycle
        // A declaration the CNDP has seen must stay complete; a draft may be saved half-written.
        if stored.status != .draft {
            let problems = next.validate()
            guard problems.isEmpty else { throw .invalid(problems) }
        }
        let change = DeclarationChange(from: stored, to: next, version: current.version + 1, principal: principal.id, at: now, reason: reason)
        return Outcome(declaration: next, change: change)
    }
}

public enum DeclarationEditError: Error, Sendable, Equatable, CustomStringConvertible {
    case unauthorized(AuthorizationError)
    case invalid([ValidationError])
    case differentUseCase(UseCaseRef)
    case withdrawn

    public var description: String {
        switch self {
        case .unauthorized(let error): error.description
        case .invalid(let problems): problems.map(\.description).joined(separator: "\n")
        case .differentUseCase(let ref): "the edit is of another use case than \(ref)"
        case .withdrawn: "a withdrawn use case is final: declare a new one"
        }
    }
}
