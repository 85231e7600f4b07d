import SQLKit

/// Appends leaves to the transparency log inside the caller's transaction, so an interaction record and its
/// leaf become durable together (one commit) and neither exists without the other.
public protocol TransparencyLogAppender: Sendable {
    /// Returns the index assigned to each leaf, in order.
    func append(leaves: [[UInt8]], on db: any SQLDatabase) async throws -> [UInt64]
}
