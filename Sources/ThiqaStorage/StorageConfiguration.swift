/// Where Thiqa keeps its records.
public enum StorageConfiguration: Sendable, Equatable {
    /// Embedded default: one file, WAL journal, `synchronous=FULL`.
    case sqlite(path: String)
    /// Production: a PostgreSQL server, `postgres://user:password@host:port/database`.
    case postgres(url: String)

    public var driverName: String {
        switch self {
        case .sqlite: return "sqlite"
        case .postgres: return "postgres"
        }
    }
}
