import Crypto
import Testing

@testable import ThiqaPrivacy

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

@Suite("Pseudonymisation, restoration and the vault")
struct PseudonymizationTests {
    let pseudonymizer = Pseudonymizer()

    @Test("Typed placeholders, consistent within a conversation")
    func consistentPlaceholders() throws {
        let first = try self.pseudonymizer.pseudonymize("CIN BE123456, tel 0612345678, autre tel 0522334455")
        #expect(first.text == "CIN <CIN_1>, tel <PHONE_1>, autre tel <PHONE_2>")
        #expect(first.actions == [.CIN: .mask, .PHONE: .mask])
        let second = try self.pseudonymizer.pseudonymize("rappel: 0522334455 et BE123456, nouveau 0700000000", mapping: first.mapping)
        #expect(second.text == "rappel: <PHONE_2> et <CIN_1>, nouveau <PHONE_3>")
        #expect(second.mapping.count == 4)
        #expect(PlaceholderRestorer(mapping: second.mapping).restore("Appelez <PHONE_3> ou <PHONE_1>; <CIN_9> inconnu")
            == "Appelez 0700000000 ou 0612345678; <CIN_9> inconnu")
    }

    @Test("Placeholders already in the text are not reused")
    func literalPlaceholders() throws {
        let text = "j'ai écrit <PHONE_1> puis 0612345678"
        let result = try self.pseudonymizer.pseudonymize(text)
        #expect(result.text == "j'ai écrit <PHONE_1> puis <PHONE_2>")
        #expect(PlaceholderRestorer(mapping: result.mapping).restore(result.text) == text)
    }

    @Test("Block names the type, never the value; allow leaves the value")
    func policies() throws {
        let blocking = Pseudonymizer(policy: PrivacyPolicy(defaultAction: .mask, actions: [.CARD: .block]))
        #expect(throws: PrivacyError.blocked(.CARD)) { try blocking.pseudonymize("carte 4111 1111 1111 1111") }
        do {
            _ = try blocking.pseudonymize("carte 4111 1111 1111 1111")
        } catch {
            #expect(error.description.contains("CARD"))
            #expect(!error.description.contains("4111"))
        }
        let allowing = Pseudonymizer(policy: PrivacyPolicy(defaultAction: .mask, actions: [.EMAIL: .allow]))
        let result = try allowing.pseudonymize("a@b.ma 0612345678")
        #expect(result.text == "a@b.ma <PHONE_1>")
        #expect(result.actions == [.EMAIL: .allow, .PHONE: .mask])
        #expect(result.typesFound == [.PHONE, .EMAIL])
    }

    @Test("Policy and mapping encode as JSON objects")
    func codable() throws {
        let policy = PrivacyPolicy(defaultAction: .mask, actions: [.CIN: .block])
        let data = try JSONEncoder().encode(policy)
        #expect(String(decoding: data, as: UTF8.self).contains("\"CIN\":\"block\""))
        #expect(try JSONDecoder().decode(PrivacyPolicy.self, from: data) == policy)
        var mapping = PseudonymMapping()
        _ = mapping.assign(.PHONE, original: "0612345678")
        let decoded = try JSONDecoder().decode(PseudonymMapping.self, from: JSONEncoder().encode(mapping))
        #expect(decoded == mapping)
        var copy = decoded
        #expect(copy.assign(.PHONE, original: "0700000000") == "<PHONE_2>")
    }

    @Test("Vault: seal/open round trip; tamper, wrong key and wrong conversation fail")
    func vault() throws {
        var mapping = PseudonymMapping()
        _ = mapping.assign(.CIN, original: "BE123456")
        _ = mapping.assign(.PERSON, original: "سميتي محمد 👋")
        let key = PseudonymVault.makeKey()
        let sealed = try PseudonymVault.seal(mapping, key: key, conversationID: "conv-1")
        #expect(try PseudonymVault.open(sealed, key: key, conversationID: "conv-1") == mapping)
        #expect(!String(decoding: sealed, as: UTF8.self).contains("BE123456"))
        #expect(throws: PrivacyError.vaultOpenFailed) { try PseudonymVault.open(sealed, key: key, conversationID: "conv-2") }
        #expect(throws: PrivacyError.vaultOpenFailed) { try PseudonymVault.open(sealed, key: PseudonymVault.makeKey(), conversationID: "conv-1") }
        for index in [1, 5, 13, sealed.count / 2, sealed.count - 1] {
            var tampered = sealed
            tampered[tampered.startIndex + index] ^= 0x01
            #expect(throws: PrivacyError.vaultOpenFailed) { try PseudonymVault.open(tampered, key: key, conversationID: "conv-1") }
        }
        #expect(throws: PrivacyError.vaultFormat) { try PseudonymVault.open(Data([2]) + sealed.dropFirst(), key: key, conversationID: "conv-1") }
        #expect(throws: PrivacyError.vaultFormat) { try PseudonymVault.open(Data([1, 2, 3]), key: key, conversationID: "conv-1") }
        let master = SymmetricKey(size: .bits256)
        let derived = PseudonymVault.conversationKey(master: master, conversationID: "conv-1")
        #expect(derived == PseudonymVault.conversationKey(master: master, conversationID: "conv-1"))
        #expect(derived != PseudonymVault.conversationKey(master: master, conversationID: "conv-2"))
    }

    @Test("Streaming restore: a placeholder split at every position")
    func streamingSplit() {
        var mapping = PseudonymMapping()
        _ = mapping.assign(.DATE_OF_BIRTH, original: "12/03/1987")
        _ = mapping.assign(.PHONE, original: "0612345678")
        let answer = "Né le <DATE_OF_BIRTH_1>, tél <PHONE_1>.<PHONE_1><<PHONE_1>> <PHONE_9> <phone_1> 👋"
        let expected = PlaceholderRestorer(mapping: mapping).restore(answer)
        #expect(expected == "Né le 12/03/1987, tél 0612345678.0612345678<0612345678> <PHONE_9> <phone_1> 👋")
        let scalars = Array(answer.unicodeScalars)
        for i in 0...scalars.count {
            for j in i...scalars.count {
                var restorer = StreamingPlaceholderRestorer(mapping: mapping)
                var out = restorer.feed(String(String.UnicodeScalarView(scalars[0..<i])))
                out += restorer.feed(String(String.UnicodeScalarView(scalars[i..<j])))
                out += restorer.feed(String(String.UnicodeScalarView(scalars[j...])))
                out += restorer.finish()
                #expect(out == expected, "split at \(i), \(j)")
            }
        }
    }

    @Test("Streaming restore keeps a bounded buffer")
    func streamingBounded() {
        var mapping = PseudonymMapping()
        _ = mapping.assign(.CIN, original: "BE123456")
        var restorer = StreamingPlaceholderRestorer(mapping: mapping)
        var out = restorer.feed("<")
        for _ in 0..<1000 {
            out += restorer.feed("A")
            #expect(restorer.bufferedCount <= 41)
        }
        out += restorer.finish()
        #expect(out == "<" + String(repeating: "A", count: 1000))
    }
}
