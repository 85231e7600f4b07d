extension Migrations {
    /// Version 4: what the request pipeline records (issue 7).
    ///
    /// - `interactions.commitment_salt`: the salt of the record's public leaf commitment (private, like the record).
    /// - `interactions.receipt_hash`: SHA-256 of the receipt handed to the caller (the receipt itself is never stored),
    ///   found through `receipt_key`, its first 8 bytes as an integer.
    /// - `interactions.completion_log_index`: a streamed call's second leaf, its completion.
    /// - `use_cases.max_tokens`: the per-use-case `max_tokens` cap and default.
    /// - `conversation_vaults` replaces `privacy_vault`: a conversation's mapping belongs to the API key that
    ///   created it (`owner`), and `version` makes updates compare-and-swap. The old rows cannot be attributed
    ///   to a key, and serving them to any key of the use case was the leak this fixes, so they are not carried
    ///   over: they held only sealed placeholder mappings that expire within the conversation TTL anyway.
    static var pipeline: [Migration] {
        [
            Migration(version: 4, name: "receipts, commitments, stream completions, owned conversation vaults") { _ in
                [
                    "ALTER TABLE interactions ADD COLUMN commitment_salt TEXT",
                    "ALTER TABLE interactions ADD COLUMN receipt_hash TEXT",
                    "ALTER TABLE interactions ADD COLUMN receipt_key BIGINT",
                    "ALTER TABLE interactions ADD COLUMN completion_log_index BIGINT",
                    // An 8-byte integer key indexes the receipt: an index on 64 random hex characters costs every
                    // insert a wide random B-tree write (seen in the gateway benchmark's profile).
                    "CREATE INDEX interactions_receipt ON interactions (receipt_key)",
                    "ALTER TABLE use_cases ADD COLUMN max_tokens BIGINT NOT NULL DEFAULT 1024",
                    """
                    CREATE TABLE conversation_vaults (
                        tenant TEXT NOT NULL,
                        use_case TEXT NOT NULL,
                        owner TEXT NOT NULL,
                        conversation_id TEXT NOT NULL,
                        version BIGINT NOT NULL,
                        sealed TEXT NOT NULL,
                        expires_at_ms BIGINT NOT NULL,
                        PRIMARY KEY (tenant, use_case, owner, conversation_id)
                    )
                    """,
                    "CREATE INDEX conversation_vaults_expiry ON conversation_vaults (expires_at_ms)",
                    "DROP TABLE privacy_vault",
                ]
            }
        ]
    }
}
