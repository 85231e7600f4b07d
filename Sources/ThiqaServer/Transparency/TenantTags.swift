import Crypto
import NIOConcurrencyHelpers
import ThiqaCore
import ThiqaLedger

/// The keys of the per-tenant tags of public leaves. One secret, derived from the log's signing key (so a
/// deployment keeps one key file for its log), gives each tenant its own key, which the operator hands to that
/// tenant's auditor (`thiqa log tenant-key`): with it the auditor recognises the tenant's leaves, without it a
/// tag is 16 random-looking bytes.
public struct TenantTags: Sendable {
    let secret: SymmetricKey
    /// Derived keys by tenant: one HKDF per tenant, not per leaf.
    private let keys = NIOLockedValueBox<[String: SymmetricKey]>([:])

    public init(signerSecretKey: String) {
        self.secret = HKDF<SHA256>.deriveKey(
            inputKeyMaterial: SymmetricKey(data: Array(signerSecretKey.utf8)), salt: Array("thiqa/log-tag-secret/v1".utf8),
            info: [], outputByteCount: 32
        )
    }

    public func key(for tenant: TenantID) -> SymmetricKey {
        if let known = keys.withLockedValue({ $0[tenant.rawValue] }) { return known }
        let key = PublicLeaf.tenantKey(secret: secret, tenant: tenant.rawValue)
        keys.withLockedValue { $0[tenant.rawValue] = key }
        return key
    }
}
