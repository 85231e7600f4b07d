extension Migrations {
    /// Version 3: the pseudonym vault (issue 3), one sealed mapping per conversation.
    static var privacy: [Migration] { [] }
}
