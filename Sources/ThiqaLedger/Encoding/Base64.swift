#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Standard padded base64 (RFC 4648 section 4), as Go's `base64.StdEncoding` writes it in notes and keys: Foundation's.
enum Base64 {
    static func encode(_ bytes: some Collection<UInt8>) -> String {
        Data(bytes).base64EncodedString()
    }

    /// Foundation's decoder, held to the one spelling `encode` gives for the bytes: it also reads some text that is
    /// not base64 (`====` as one zero byte), and a signature or key has exactly one spelling.
    static func decode(_ text: some StringProtocol) -> [UInt8]? {
        guard let data = Data(base64Encoded: String(text)), data.base64EncodedString() == text else { return nil }
        return Array(data)
    }
}
