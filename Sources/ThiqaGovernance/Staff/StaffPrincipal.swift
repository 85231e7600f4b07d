import FoundationEssentials

/// A staff member's stable identity. Approvals and changes are attributed to it, and two-person rules compare it:
/// never a token, since one person may hold several.
public struct PrincipalID: Sendable, Hashable, Codable, CustomStringConvertible, Comparable {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public var description: String { self.rawValue }
    public static func < (lhs: PrincipalID, rhs: PrincipalID) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws { self.rawValue = try decoder.singleValueContainer().decode(String.self) }
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(self.rawValue)
    }
}

/// What a staff member is trusted with.
public enum Role: String, Sendable, Codable, CaseIterable, Hashable {
    /// Runs the platform: staff, declarations, emergency suspension. Does not judge risk.
    case administrator
    /// The data protection officer: answers to the CNDP, records its decisions, approves assessments.
    case dpo
    /// Judges impact assessments and calls held for review.
    case reviewer
    /// Reads everything, changes nothing.
    case auditor

    public var permissions: Set<Permission> {
        switch self {
        case .administrator: [.declare, .suspend, .withdraw, .audit, .manageStaff]
        case .dpo: [.declare, .authorise, .assess, .approve, .suspend, .reinstate, .withdraw, .review, .audit]
        case .reviewer: [.assess, .approve, .review, .audit]
        case .auditor: [.audit]
        }
    }
}

/// One thing a staff member may do in the registry.
public enum Permission: String, Sendable, Codable, CaseIterable, Hashable {
    /// Create and edit declarations; record a CNDP récépissé (draft → declared).
    case declare
    /// Record a CNDP authorisation (→ authorised).
    case authorise
    /// Write or revise an impact assessment.
    case assess
    /// Approve someone else's impact assessment.
    case approve
    case suspend
    /// Lift a suspension.
    case reinstate
    case withdraw
    /// Return an assessment for changes; release or reject calls held for review.
    case review
    /// Read histories and exports.
    case audit
    /// Create and revoke staff principals and their credentials.
    case manageStaff = "manage_staff"

    /// Who to ask, for messages that say which step is missing and who can take it.
    public var holders: [Role] { Role.allCases.filter { $0.permissions.contains(self) } }
}

/// A named staff member with roles. Credentials (``StaffCredential``) point to it; it outlives them.
public struct StaffPrincipal: Sendable, Codable, Hashable {
    public var id: PrincipalID
    public var name: String
    public var roles: Set<Role>
    public var createdAt: Date
    public var disabledAt: Date?

    public init(id: PrincipalID, name: String, roles: Set<Role>, createdAt: Date, disabledAt: Date? = nil) {
        self.id = id
        self.name = name
        self.roles = roles
        self.createdAt = createdAt
        self.disabledAt = disabledAt
    }

    public var isActive: Bool { self.disabledAt == nil }
    public var permissions: Set<Permission> { self.isActive ? self.roles.reduce(into: []) { $0.formUnion($1.permissions) } : [] }
    public func may(_ permission: Permission) -> Bool { self.permissions.contains(permission) }

    /// Refuses with a message naming the permission and the roles that hold it.
    public func require(_ permission: Permission) throws(AuthorizationError) {
        guard self.isActive else { throw .deactivated(self.id) }
        guard self.may(permission) else { throw .notPermitted(self.id, permission) }
    }
}

public enum AuthorizationError: Error, Sendable, Equatable, CustomStringConvertible {
    case notPermitted(PrincipalID, Permission)
    case deactivated(PrincipalID)
    /// The two-person rule: the approver is the author (whatever credential each step used).
    case sameAuthorAndApprover(PrincipalID)

    public var description: String {
        switch self {
        case .notPermitted(let id, let permission):
            "\(id) may not \(permission.rawValue): ask a staff member with the role \(permission.holders.map(\.rawValue).joined(separator: " or "))"
        case .deactivated(let id): "\(id) is deactivated"
        case .sameAuthorAndApprover(let id):
            "\(id) wrote this assessment and cannot approve it: another DPO or reviewer must (two-person rule)"
        }
    }
}

/// Four eyes on every approval: compares principals, so a second credential of the author changes nothing.
public enum TwoPersonRule {
    public static func check(author: PrincipalID, approver: StaffPrincipal) throws(AuthorizationError) {
        try approver.require(.approve)
        if approver.id == author { throw .sameAuthorAndApprover(approver.id) }
    }
}
