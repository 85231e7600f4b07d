#if canImport(Glibc)
import Glibc
#endif
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
import ThiqaCore
import ThiqaServer
import ThiqaTesting

/// Slow clients are cut: one that never finishes its headers, one that drips a byte just inside the idle timeout,
/// one that announces a body it never sends; a long legitimate stream is not.
@Suite(.serialized) struct ConnectionLimitTests {
    static let limits = ConnectionLimits(idleTimeoutMs: 800, headTimeoutMs: 600, bodyTimeoutMs: 600, maxConnections: 64)

    /// A raw TCP client, to send exactly the bytes a slow client would.
    final class RawClient {
        let fd: Int32

        init(port: Int) throws {
            fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = in_port_t(UInt16(port).bigEndian)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            guard connected == 0 else { throw POSIXError(.ECONNREFUSED) }
            var timeout = timeval(tv_sec: 0, tv_usec: 50_000)
            setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        }

        deinit { close(fd) }

        func send(_ text: String) {
            _ = Array(text.utf8).withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        }

        /// True once the server closed the connection (a read returns 0 or fails with a reset).
        func isClosed() -> Bool {
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                let count = recv(fd, &buffer, buffer.count, 0)
                if count == 0 { return true }
                if count < 0 { return errno == ECONNRESET || errno == EPIPE }
            }
        }
    }

    static func withGateway(_ body: @Sendable (Int, GatewayFixture) async throws -> Void) async throws {
        let upstream = ScriptedUpstream(.slowStream(chunks: 12, interval: .milliseconds(150)))
        try await upstream.run { url in
            try await Gateway.run(
                backends: [try ScriptedUpstream.backend(url, id: "local")], configure: { $0.connections = Self.limits }
            ) { client, fixture in
                try await body(try #require(client.port), fixture)
            }
        }
    }

    /// Waits up to `limit` for the server to close the connection; returns how long it took.
    static func closed(_ client: RawClient, within limit: Duration, dripping drip: String? = nil) async throws -> Duration? {
        let start = ContinuousClock.now
        while ContinuousClock.now - start < limit {
            if let drip { client.send(drip) }
            if client.isClosed() { return ContinuousClock.now - start }
            try await Task.sleep(for: .milliseconds(100))
        }
        return nil
    }

    @Test func aClientThatNeverFinishesItsHeadersIsCut() async throws {
        try await Self.withGateway { port, _ in
            let client = try RawClient(port: port)
            client.send("POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\n")
            #expect(try await Self.closed(client, within: .seconds(5)) != nil)
        }
    }

    @Test func aClientDrippingHeadersInsideTheIdleTimeoutIsCutAtTheHeadDeadline() async throws {
        try await Self.withGateway { port, _ in
            let client = try RawClient(port: port)
            client.send("GET /healthz HTTP/1.1\r\n")
            // A byte every 100 ms keeps the connection from ever being idle for 800 ms.
            let took = try await Self.closed(client, within: .seconds(5), dripping: "X")
            let elapsed = try #require(took, "the dripping client was never cut")
            #expect(elapsed < .seconds(3))
        }
    }

    @Test func aBodyShorterThanItsContentLengthIsCut() async throws {
        try await Self.withGateway { port, fixture in
            let client = try RawClient(port: port)
            client.send("POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \(fixture.key)\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{\"model\":")
            let took = try await Self.closed(client, within: .seconds(5), dripping: " ")
            #expect(took != nil, "a client announcing 500 bytes and dripping them is cut")
        }
    }

    @Test func aLongLegitimateStreamIsNotCut() async throws {
        try await Self.withGateway { port, fixture in
            // 12 chunks 150 ms apart: 1.8 s, longer than the idle, head and body timeouts.
            let response = try await fixture.streamedCall(port: port)
            #expect(response.hasSuffix("data: [DONE]\n\n"))
            #expect(response.contains("t11 "))
        }
    }
}

extension GatewayFixture {
    /// A streamed chat call over a real connection, read to its end.
    func streamedCall(port: Int) async throws -> String {
        let client = try ConnectionLimitTests.RawClient(port: port)
        let body = String(buffer: Gateway.chatBody(model: "scripted", stream: true))
        client.send("POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \(key)\r\nContent-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n\(body)")
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        let start = ContinuousClock.now
        while ContinuousClock.now - start < .seconds(20) {
            let count = recv(client.fd, &buffer, buffer.count, 0)
            if count == 0 { break }
            if count > 0 { received.append(contentsOf: buffer[0..<count]) } else { try await Task.sleep(for: .milliseconds(20)) }
        }
        // Chunked transfer encoding, on bytes (String would fold "\r\n" into one character): drop the size lines.
        let crlf: [UInt8] = [13, 10]
        func find(_ needle: [UInt8], from: Int) -> Int? {
            guard received.count >= needle.count, from <= received.count - needle.count else { return nil }
            return (from...(received.count - needle.count)).first { Array(received[$0..<$0 + needle.count]) == needle }
        }
        guard let headEnd = find(crlf + crlf, from: 0) else { return String(decoding: received, as: UTF8.self) }
        var events: [UInt8] = []
        var position = headEnd + 4
        while let lineEnd = find(crlf, from: position),
            let size = Int(String(decoding: received[position..<lineEnd], as: UTF8.self), radix: 16), size > 0,
            lineEnd + 2 + size <= received.count
        {
            events += received[(lineEnd + 2)..<(lineEnd + 2 + size)]
            position = lineEnd + 2 + size + 2
        }
        let text = String(decoding: events, as: UTF8.self)
        return text
    }
}
