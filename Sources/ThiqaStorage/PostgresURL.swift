import Foundation
import NIOSSL
import PostgresNIO

/// `storage.postgres.url`: `postgres://user:password@host:port/database?sslmode=…&sslrootcert=…`.
///
/// `sslmode` means what it means to libpq (and so to `psql` with the same URL):
/// - `disable`: never TLS;
/// - `prefer` (the default, as in libpq): TLS when the server offers it, without checking its certificate;
/// - `require`: TLS or no connection, certificate not checked;
/// - `verify-ca`: TLS, and the certificate must chain to a trusted root;
/// - `verify-full`: as `verify-ca`, and the certificate must name the host (DNS name or IP address) in the URL.
///
/// `sslrootcert` is a PEM file of trusted roots, or `system` for the system's store (the default for the
/// `verify-*` modes). When it is given the chain is always checked, also with `prefer` and `require` (libpq does
/// the same for `require`). `libpq`'s `allow` is refused: it would try a connection without TLS first.
struct PostgresURL: Sendable, Equatable {
    enum SSLMode: String, Sendable, CaseIterable {
        case disable, prefer, require
        case verifyCA = "verify-ca"
        case verifyFull = "verify-full"
    }

    var host: String
    var port: Int
    var username: String
    var password: String?
    var database: String?
    var sslMode: SSLMode = .prefer
    var sslRootCertificate: String?

    static let key = "storage.postgres.url"

    static func parse(_ text: String) throws -> PostgresURL {
        func fail(_ reason: String) -> StorageOpenError {
            StorageOpenError(message: "\(key): \(reason); expected postgres://user:password@host:port/database[?sslmode=…]")
        }
        var rest: Substring
        if text.hasPrefix("postgres://") {
            rest = text.dropFirst("postgres://".count)
        } else if text.hasPrefix("postgresql://") {
            rest = text.dropFirst("postgresql://".count)
        } else {
            throw fail("unsupported scheme")
        }
        var query: Substring?
        if let mark = rest.firstIndex(of: "?") {
            query = rest[rest.index(after: mark)...]
            rest = rest[..<mark]
        }
        var database: String?
        if let slash = rest.firstIndex(of: "/") {
            let name = String(rest[rest.index(after: slash)...]).removingPercentEncoding ?? ""
            database = name.isEmpty ? nil : name
            rest = rest[..<slash]
        }
        guard let at = rest.lastIndex(of: "@") else { throw fail("missing user") }
        let credentials = rest[..<at]
        let hostPort = rest[rest.index(after: at)...]
        let userParts = credentials.split(separator: ":", maxSplits: 1)
        guard let user = userParts.first, !user.isEmpty else { throw fail("missing user") }
        let password = userParts.count > 1 ? String(userParts[1]).removingPercentEncoding : nil
        let hostParts = hostPort.split(separator: ":")
        guard let host = hostParts.first, !host.isEmpty else { throw fail("missing host") }
        var port = 5432
        if hostParts.count > 1 {
            guard let parsed = Int(hostParts[1]), (1...65535).contains(parsed) else { throw fail("bad port '\(hostParts[1])'") }
            port = parsed
        }
        var url = PostgresURL(
            host: String(host), port: port, username: String(user).removingPercentEncoding ?? String(user), password: password,
            database: database
        )
        try url.readParameters(query ?? "")
        return url
    }

    /// Every parameter is understood or refused: an ignored `sslmode` is how connections went unencrypted before.
    private mutating func readParameters(_ query: Substring) throws {
        var seen: Set<String> = []
        for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(parts[0]).removingPercentEncoding ?? String(parts[0])
            let value = parts.count > 1 ? (String(parts[1]).removingPercentEncoding ?? String(parts[1])) : ""
            guard seen.insert(name).inserted else { throw StorageOpenError(message: "\(Self.key): parameter '\(name)' is given twice") }
            switch name {
            case "sslmode":
                if value == "allow" {
                    throw StorageOpenError(
                        message: "\(Self.key): sslmode 'allow' is not supported (it tries without TLS first); "
                            + "use prefer, require, verify-ca or verify-full"
                    )
                }
                guard let mode = SSLMode(rawValue: value) else {
                    throw StorageOpenError(
                        message: "\(Self.key): sslmode '\(value)' is not one of \(SSLMode.allCases.map(\.rawValue).joined(separator: ", "))"
                    )
                }
                self.sslMode = mode
            case "sslrootcert":
                guard !value.isEmpty else { throw StorageOpenError(message: "\(Self.key): sslrootcert is empty; give a PEM file or 'system'") }
                self.sslRootCertificate = value
            default:
                throw StorageOpenError(message: "\(Self.key): unsupported parameter '\(name)'; supported: sslmode, sslrootcert")
            }
        }
        if self.sslMode == .disable, self.sslRootCertificate != nil {
            throw StorageOpenError(message: "\(Self.key): sslrootcert has no effect with sslmode=disable; remove one of them")
        }
    }

    /// The NIOSSL client configuration for `sslMode`, or nil for `disable`. Root certificates are read here, so that a
    /// missing or unreadable file is reported when the store is opened, not at the first connection.
    func tlsConfiguration() throws -> TLSConfiguration? {
        if self.sslMode == .disable { return nil }
        var tls = TLSConfiguration.makeClientConfiguration()
        var roots: NIOSSLTrustRoots = .default
        if let path = self.sslRootCertificate, path != "system" {
            let certificates: [NIOSSLCertificate]
            do {
                certificates = try NIOSSLCertificate.fromPEMBytes(Array(try Data(contentsOf: URL(fileURLWithPath: path))))
            } catch {
                throw StorageOpenError(message: "\(Self.key): sslrootcert '\(path)' cannot be read as PEM certificates: \(error)")
            }
            guard !certificates.isEmpty else {
                throw StorageOpenError(message: "\(Self.key): sslrootcert '\(path)' holds no PEM certificate")
            }
            roots = .certificates(certificates)
        }
        tls.trustRoots = roots
        switch self.sslMode {
        case .disable, .prefer, .require:
            tls.certificateVerification = self.sslRootCertificate == nil ? .none : .noHostnameVerification
        case .verifyCA:
            tls.certificateVerification = .noHostnameVerification
        case .verifyFull:
            tls.certificateVerification = .fullVerification
        }
        return tls
    }

    func clientTLS() throws -> PostgresClient.Configuration.TLS {
        guard let tls = try self.tlsConfiguration() else { return .disable }
        return self.sslMode == .prefer ? .prefer(tls) : .require(tls)
    }

    func connectionTLS() throws -> PostgresConnection.Configuration.TLS {
        guard let tls = try self.tlsConfiguration() else { return .disable }
        let context: NIOSSLContext
        do {
            context = try NIOSSLContext(configuration: tls)
        } catch {
            throw StorageOpenError(message: "\(Self.key): cannot set up TLS (sslmode=\(self.sslMode.rawValue)): \(error)")
        }
        return self.sslMode == .prefer ? .prefer(context) : .require(context)
    }

    /// Where and how, for messages; never the password.
    var endpointDescription: String {
        "\(self.host):\(self.port) (sslmode=\(self.sslMode.rawValue))"
    }
}
