import Foundation
import Testing
import ThiqaOversight

@Suite struct WebhookTests {
    let secret = Array("whsec-test-secret-of-32-bytes!!!".utf8)
    let body = Array(#"{"determination_id":"det_x","status":"approved"}"#.utf8)

    @Test func aSignatureVerifiesOverTheExactBytes() throws {
        let header = WebhookSignature.sign(body: body, secret: secret, timestamp: 1_800_000_000)
        #expect(header.hasPrefix("t=1800000000,v1="))
        #expect(header.count == "t=1800000000,v1=".count + 64)
        try WebhookSignature.verify(header: header, body: body, secret: secret, now: 1_800_000_100)
        var changed = body
        changed[changed.count - 3] ^= 1
        #expect(throws: WebhookSignature.Failure.mismatch) {
            try WebhookSignature.verify(header: header, body: changed, secret: secret, now: 1_800_000_100)
        }
        #expect(throws: WebhookSignature.Failure.mismatch) {
            try WebhookSignature.verify(header: header, body: body, secret: Array("another".utf8), now: 1_800_000_100)
        }
        #expect(throws: WebhookSignature.Failure.tooOld) {
            try WebhookSignature.verify(header: header, body: body, secret: secret, now: 1_800_000_301)
        }
        #expect(throws: WebhookSignature.Failure.malformedHeader) {
            try WebhookSignature.verify(header: "v1=zz", body: body, secret: secret, now: 1_800_000_000)
        }
        // A replay under another timestamp does not verify: the timestamp is signed.
        let forged = header.replacingOccurrences(of: "t=1800000000", with: "t=1800000200")
        #expect(throws: WebhookSignature.Failure.mismatch) {
            try WebhookSignature.verify(header: forged, body: body, secret: secret, now: 1_800_000_200)
        }
    }

    @Test func aKnownVector() {
        // HMAC-SHA256(key "key", "0.") computed independently: printf '0.' | openssl dgst -sha256 -hmac key
        let header = WebhookSignature.sign(body: [], secret: Array("key".utf8), timestamp: 0)
        #expect(header == "t=0,v1=85841b4efc3cd7776c3c8f9b7cca9e281c550e5d19889d78e9e669c6337f000d")
    }

    @Test func retriesBackOffExponentiallyUpToTheCapAndStop() {
        let schedule = RetrySchedule(base: .seconds(10), factor: 2, cap: .seconds(60), maxAttempts: 6)
        #expect((1...5).map { schedule.delay(afterAttempt: $0) } == [.seconds(10), .seconds(20), .seconds(40), .seconds(60), .seconds(60)])
        #expect(schedule.delay(afterAttempt: 6) == nil)
        #expect(schedule.delay(afterAttempt: 0) == nil)
        let failedAt = Date(timeIntervalSince1970: 1000)
        #expect(schedule.nextAttempt(afterAttempt: 2, failedAt: failedAt) == Date(timeIntervalSince1970: 1020))
    }
}
