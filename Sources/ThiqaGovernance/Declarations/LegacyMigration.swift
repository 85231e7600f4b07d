import FoundationEssentials
import ThiqaCore

/// Use cases created before the registry (by `thiqa keys create`, with defaults) become drafts that keep working
/// until an operator-set instant. The draft keeps what the old use case said (name, content retention, hosting) and
/// leaves empty what nobody declared, so `validate()` lists exactly what the DPO must still write; it allows every
/// model, as the old use case did, which validation also flags.
public enum LegacyMigration {
    public static func draft(
        tenant: TenantID,
        id: UseCaseID,
        name: String,
        contentRetentionSeconds: Int?,
        allowedJurisdictions: Set<Jurisdiction>,
        createdAt: Date,
        gracePeriodEnds: Date
    ) -> Declaration {
        Declaration(
            tenant: tenant,
            id: id,
            name: name,
            purpose: "",
            legalBasis: nil,
            retention: Retention(contentSeconds: contentRetentionSeconds),
            hosting: HostingRequirement(allowedJurisdictions: allowedJurisdictions),
            allowedModels: ["*"],
            valueChain: ValueChain(developer: "", deployer: ""),
            cndp: CNDPRegistration(status: .draft),
            lifecycle: LifecycleDates(createdAt: createdAt),
            gracePeriodEnds: gracePeriodEnds
        )
    }
}
