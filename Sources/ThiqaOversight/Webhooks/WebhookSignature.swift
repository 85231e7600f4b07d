import Crypto
import Foundation
import ThiqaCore

/// Signs a webhook body so the receiver knows Thiqa sent it and that nobody changed or replayed it:
/// `Thiqa-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>." ‖ body)>` over the exact bytes sent.
/// The receiver recomputes it and refuses a timestamp older than its tolerance (five minutes by default).
public enum WebhookSignature {
    public static let headerName = "Thiqa-Signature"

    public static func sign(body: [UInt8], secret: [UInt8], timestamp: Int64) -> String {
        "t=\(timestamp),v1=\(Self.mac(body: body, secret: secret, timestamp: timestamp).hexString)"
    }

    static func mac(body: [UInt8], secret: [UInt8], timestamp: Int64) -> [UInt8] {
        var message = Array("\(timestamp).".utf8)
        message.append(contentsOf: body)
        return Array(HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: secret)))
    }

    public enum Failure: Error, Equatable, Sendable {
        case malformedHeader
        case tooOld
        case mismatch
    }

    /// Checks a header against the body, in constant time.
    public static func verify(header: String, body: [UInt8], secret: [UInt8], now: Int64, tolerance: Int64 = 300) throws(Failure) {
        var timestamp: Int64?
        var signature: [UInt8]?
        for part in header.split(separator: ",") {
            let pair = part.split(separator: "=", maxSplits: 1)
            guard pair.count == 2 else { throw .malformedHeader }
            if pair[0] == "t" { timestamp = Int64(pair[1]) }
            if pair[0] == "v1" { signature = Self.hex(pair[1]) }
        }
        guard let timestamp, let signature, signature.count == 32 else { throw .malformedHeader }
        guard abs(now - timestamp) <= tolerance else { throw .tooOld }
        let expected = Self.mac(body: body, secret: secret, timestamp: timestamp)
        var difference: UInt8 = 0
        for (a, b) in zip(expected, signature) { difference |= a ^ b }
        guard difference == 0 else { throw .mismatch }
    }

    static func hex(_ text: some StringProtocol) -> [UInt8]? {
        let bytes = Array(text.utf8)
        guard bytes.count % 2 == 0 else { return nil }
        var out: [UInt8] = []
        var index = 0
        while index < bytes.count {
            guard let high = Self.nibble(bytes[index]), let low = Self.nibble(bytes[index + 1]) else { return nil }
            out.append(high << 4 | low)
            index += 2
        }
        return out
    }

    static func nibble(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: byte - 0x30
        case 0x61...0x66: byte - 0x61 + 10
        case 0x41...0x46: byte - 0x41 + 10
        default: nil
        }
    }

    /// A fresh 32-byte secret, shown once to the integrator as `whsec_` and base64url.
    public static func makeSecret() -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
    }
}

/// When to try a webhook delivery again: exponential backoff from `base`, capped, for at most `maxAttempts`.
/// Pure: the delivering service passes the attempt count and the instant of the failure.
public struct RetrySchedule: Sendable, Equatable {
    public var base: Duration
    public var factor: Int
    public var cap: Duration
    public var maxAttempts: Int

    public init(base: Duration = .seconds(10), factor: Int = 2, cap: Duration = .seconds(3600), maxAttempts: Int = 8) {
        self.base = base
        self.factor = factor
        self.cap = cap
        self.maxAttempts = maxAttempts
    }

    /// The delay after the `attempt`-th failed attempt (1-based); nil when no attempt is left.
    public func delay(afterAttempt attempt: Int) -> Duration? {
        guard attempt >= 1, attempt < self.maxAttempts else { return nil }
        var delay = self.base
        for _ in 1..<attempt {
            delay = delay * self.factor
            if delay >= self.cap { return self.cap }
        }
        return min(delay, self.cap)
    }

    public func nextAttempt(afterAttempt attempt: Int, failedAt: Date) -> Date? {
        self.delay(afterAttempt: attempt).map { delay in
            let (seconds, attoseconds) = delay.components
            return failedAt.addingTimeInterval(Double(seconds) + Double(attoseconds) / 1e18)
        }
    }
}
