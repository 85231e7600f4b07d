extension Migrations {
    /// Version 3: the pseudonym vault, one sealed mapping per conversation.
    static var privacy: [Migration] {
        [
            Migration(version: 3, name: "pseudonym vault") { _ in
                [
                    """
                    CREATE TABLE privacy_vault (
                        tenant TEXT NOT NULL,
                        use_case TEXT NOT NULL,
                        conversation_id TEXT NOT NULL,
                        sealed TEXT NOT NULL,
                        expires_at_ms BIGINT NOT NULL,
                        PRIMARY KEY (tenant, use_case, conversation_id)
                    )
                    """,
                    "CREATE INDEX privacy_vault_expiry ON privacy_vault (expires_at_ms)",
                ]
            }
        ]
    }
}
