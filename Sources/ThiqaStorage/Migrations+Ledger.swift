extension Migrations {
    /// Version 2: the transparency log (issue 4).
    ///
    /// - `log_leaves`: every leaf, its RFC 6962 leaf hash (lowercase hex) and its data (canonical JSON text).
    ///   The leaf hashes are the level-0 nodes of the tree; they are not repeated in `log_nodes`. Lookups by hash
    ///   go through `leaf_key`, the hash's first 8 bytes as a signed integer: an index a fifth the size of one on
    ///   the hex text, which keeps random inserts into it cheap on a log of tens of millions of entries.
    /// - `log_nodes`: every perfect-subtree node of level 1 and above, written once when its last leaf is
    ///   appended, so any root or proof needs O(log n) rows.
    /// - `log_state`: one row (id 1): the tree size and its frontier (the hex hashes of the perfect subtrees
    ///   covering `[0, size)`, comma-separated). Writers lock it, so appends serialise across Thiqa instances.
    /// - `log_checkpoints`: the signed checkpoints published, one per size.
    static var ledger: [Migration] {
        [
            Migration(version: 2, name: "transparency log") { dialect in
                // SQLite: INTEGER PRIMARY KEY is the rowid (no second index); WITHOUT ROWID clusters the nodes on their key.
                let leafKey = dialect == .sqlite ? "idx INTEGER PRIMARY KEY" : "idx BIGINT PRIMARY KEY"
                let clustered = dialect == .sqlite ? " WITHOUT ROWID" : ""
                return [
                    "CREATE TABLE log_leaves (\(leafKey), leaf_key BIGINT NOT NULL, leaf_hash TEXT NOT NULL, data TEXT NOT NULL)",
                    // Not unique: the same data may be logged twice.
                    "CREATE INDEX log_leaves_key ON log_leaves (leaf_key)",
                    "CREATE TABLE log_nodes (level BIGINT NOT NULL, idx BIGINT NOT NULL, hash TEXT NOT NULL, PRIMARY KEY (level, idx))\(clustered)",
                    "CREATE TABLE log_state (id BIGINT PRIMARY KEY, size BIGINT NOT NULL, frontier TEXT NOT NULL)",
                    "INSERT INTO log_state (id, size, frontier) VALUES (1, 0, '')",
                    """
                    CREATE TABLE log_checkpoints (
                        size BIGINT PRIMARY KEY,
                        root TEXT NOT NULL,
                        note TEXT NOT NULL,
                        created_at_ms BIGINT NOT NULL
                    )
                    """,
                ]
            }
        ]
    }
}
