import FoundationEssentials

/// Storage of API keys. Implementations: SQL (SQLite, PostgreSQL) in ThiqaStorage.
public protocol APIKeyRepository: Sendable {
    func create(_ key: APIKeyRecord) async throws
    func find(id: String) async throws -> APIKeyRecord?
    func list(tenant: TenantID?) async throws -> [APIKeyRecord]
    /// Returns false when no such key exists; revoking twice keeps the first time.
    func revoke(id: String, at date: Date) async throws -> Bool
}

public protocol UseCaseRepository: Sendable {
    func upsert(_ useCase: UseCase) async throws
    func find(tenant: TenantID, id: UseCaseID) async throws -> UseCase?
    func list(tenant: TenantID?) async throws -> [UseCase]
}

public protocol InteractionRepository: Sendable {
    /// Stores the record and, when given, its content, in one transaction.
    func record(_ interaction: InteractionRecord, content: InteractionContent?) async throws
    func find(id: String) async throws -> InteractionRecord?
    func recent(limit: Int) async throws -> [InteractionRecord]
    func content(interactionID: String) async throws -> InteractionContent?
    /// Deletes content whose retention has passed; returns how many were deleted.
    func purgeExpiredContent(now: Date) async throws -> Int
}

/// Storage errors the HTTP layer maps to statuses.
public enum StorageError: Error, Sendable, CustomStringConvertible {
    case unavailable(String)
    case conflict(String)
    case notFound(String)

    public var description: String {
        switch self {
        case .unavailable(let reason): return "storage unavailable: \(reason)"
        case .conflict(let reason): return "conflict: \(reason)"
        case .notFound(let what): return "not found: \(what)"
        }
    }
}
