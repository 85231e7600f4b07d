#if canImport(Glibc)
import Glibc
#endif
import Foundation
import NIOConcurrencyHelpers

/// A TCP server on loopback that misbehaves below HTTP, for the faults an HTTP framework cannot be made to show
/// exactly: a connection reset before any header, a body cut short of its `Content-Length`, and a chunked stream
/// that ends with an orderly close after its last chunk is in the kernel (an HTTP framework that throws from a body
/// writer closes on its own schedule: the suite once saw one chunk of three reach the gateway before the close).
final class RawUpstream: Sendable {
    enum Fault: Sendable {
        case resetBeforeHeaders
        case resetMidBody
        /// Answers the health probe, then streams this many SSE chunks of a chat completion 20 ms apart and closes
        /// the connection (FIN) without the chunked body's terminator.
        case cutStream(chunks: Int)
    }

    let fault: Fault
    let connections = NIOLockedValueBox(0)
    /// Chat completions asked (the probe's `GET /v1/models` not counted).
    let chatRequests = NIOLockedValueBox(0)
    private let listener: Int32
    let port: Int

    init(_ fault: Fault) throws {
        self.fault = fault
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        listener = fd
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        guard bound == 0, listen(fd, 16) == 0 else { throw POSIXError(.EADDRINUSE) }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
        port = Int(UInt16(bigEndian: address.sin_port))
        let fault = self.fault
        let connections = self.connections
        let chatRequests = self.chatRequests
        Thread.detachNewThread {
            while true {
                let client = accept(fd, nil, nil)
                if client < 0 { return }
                connections.withLockedValue { $0 += 1 }
                if case .cutStream(let chunks) = fault {
                    Thread.detachNewThread { Self.serveCutStream(client, chunks: chunks, chatRequests: chatRequests) }
                    continue
                }
                var buffer = [UInt8](repeating: 0, count: 65536)
                _ = recv(client, &buffer, buffer.count, 0)
                if case .resetMidBody = fault {
                    let head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 400\r\n\r\n{\"id\":\"chatcmpl-cut\",\"choices\":["
                    _ = Array(head.utf8).withUnsafeBytes { send(client, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                }
                // SO_LINGER 0: the close is a reset, not an orderly end.
                var linger = Glibc.linger(l_onoff: 1, l_linger: 0)
                setsockopt(client, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<Glibc.linger>.size))
                close(client)
            }
        }
    }

    /// Serves one connection of `.cutStream`: each request read whole (closing with unread bytes would be a reset,
    /// not the orderly end this fault is about), probes answered and kept alive, the chat call streamed and cut.
    private static func serveCutStream(_ client: Int32, chunks: Int, chatRequests: NIOLockedValueBox<Int>) {
        defer { close(client) }
        var pending: [UInt8] = []
        while let request = readRequest(client, &pending) {
            if request.hasPrefix("GET") {
                let body = #"{"object":"list","data":[{"id":"scripted","object":"model"}]}"#
                guard write(client, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)") else { return }
                continue
            }
            chatRequests.withLockedValue { $0 += 1 }
            guard write(client, "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n") else { return }
            for index in 0..<chunks {
                let event = #"data: {"id":"chatcmpl-cut","object":"chat.completion.chunk","created":1700000000,"model":"scripted","choices":[{"index":0,"delta":{"content":"c\#(index) "},"finish_reason":null}]}"# + "\n\n"
                guard write(client, String(event.utf8.count, radix: 16) + "\r\n" + event + "\r\n") else { return }
                usleep(20_000)
            }
            shutdown(client, Int32(SHUT_WR))
            return
        }
    }

    /// One request's head and its `Content-Length` body, as text; nil when the peer closed first.
    private static func readRequest(_ client: Int32, _ pending: inout [UInt8]) -> String? {
        let separator = Array("\r\n\r\n".utf8)
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            if let end = pending.indices.first(where: { pending[$0...].starts(with: separator) }) {
                let head = String(decoding: pending[..<end], as: UTF8.self)
                let length = head.split(separator: "\r\n").lazy.compactMap { line -> Int? in
                    let parts = line.split(separator: ":", maxSplits: 1)
                    guard parts.count == 2, parts[0].lowercased() == "content-length" else { return nil }
                    return Int(parts[1].trimmingCharacters(in: .whitespaces))
                }.first ?? 0
                let total = end + separator.count + length
                if pending.count >= total {
                    let request = String(decoding: pending[..<total], as: UTF8.self)
                    pending.removeFirst(total)
                    return request
                }
            }
            let count = recv(client, &buffer, buffer.count, 0)
            guard count > 0 else { return nil }
            pending.append(contentsOf: buffer[..<count])
        }
    }

    private static func write(_ client: Int32, _ text: String) -> Bool {
        let bytes = Array(text.utf8)
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { send(client, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard count > 0 else { return false }
            sent += count
        }
        return true
    }

    var baseURL: String { "http://127.0.0.1:\(port)/v1" }

    func stop() {
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }
}
