import Logging
import ThiqaCore
import ThiqaLedger
import ThiqaRights
import ThiqaStorage

extension RightsService {
    /// The rights service over an open main database, for `thiqa cases` and `thiqa subjects`: opens the key store
    /// (migrated), and tags log leaves with the same tenant keys the gateway uses.
    public static func with<T: Sendable>(
        _ configuration: ThiqaConfiguration, database: ThiqaDatabase, logger: Logger, _ body: (RightsService) async throws -> T
    ) async throws -> T {
        let master = try configuration.rights.loadMasterKey()
        if configuration.rights.keyStore == configuration.storage {
            throw RightsError(kind: .invalid, message: "rights.keyStore: the key store must be a database of its own, not the main database")
        }
        let signer = try LogSigningKey.loadOrCreate(configuration.transparency)
        let tags = TenantTags(signerSecretKey: signer.secretKey)
        let pseudonymiser = SubjectPseudonymiser(deploymentKey: try configuration.rights.loadSubjectKey())
        return try await ThiqaDatabase.with(configuration.rights.keyStore, logger: logger) { keyDatabase in
            let keys = SubjectKeyStore(database: keyDatabase, master: master)
            try await keys.migrate()
            let service = RightsService(
                repository: SQLRightsRepository(database: database, keys: keys, tenantKey: { tags.key(for: TenantID(unchecked: $0)) }),
                interactions: SQLInteractionRepository(database: database, keys: keys), pseudonymiser: pseudonymiser,
                configuration: configuration.rights
            )
            return try await body(service)
        }
    }
}

/// The data half of migration 7 (`thiqa migrate` and start-up): seals content kept in clear and mappings sealed
/// under derived keys, in the key store.
public func migrateRightsData(_ configuration: ThiqaConfiguration, database: ThiqaDatabase, logger: Logger) async throws -> RightsDataMigration.Report {
    let master = try configuration.rights.loadMasterKey()
    let vaultKey = try ConversationVault.loadMasterKey(path: configuration.privacy.vaultKeyPath)
    return try await ThiqaDatabase.with(configuration.rights.keyStore, logger: logger) { keyDatabase in
        let keys = SubjectKeyStore(database: keyDatabase, master: master)
        try await keys.migrate()
        return try await RightsDataMigration.run(database: database, keys: keys, vaultMasterKey: vaultKey, logger: logger)
    }
}
