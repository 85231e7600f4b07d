import Foundation
import Testing

@testable import ThiqaLedger

/// C2SP signed-note, tlog-checkpoint and tlog-cosignature vectors from Vectors/shared/signed-notes.json,
/// and round trips of our own checkpoints.
@Suite("Signed notes and checkpoints")
struct SignedNoteTests {
    struct File: Decodable {
        struct PrivateKey: Decodable {
            var skey: String
        }
        struct VerifierKey: Decodable {
            var vkey: String
            var name: String
            var keyIdHex: String
            var publicKeyHex: String
            var keyIdRecomputed: String
        }
        struct Note: Decodable {
            var id: String
            var verifierKeys: [String]
            var note: String?
            var noteHex: String?
            var want: String
            var wantText: String?
            var wantVerified: [String]?
            var wantUnverified: [String]?
            var wantError: String?
        }
        struct CheckpointVector: Decodable {
            struct Parse: Decodable {
                struct SignatureLine: Decodable {
                    var name: String
                    var keyIdHex: String?
                    var cosignatureTimestamp: UInt64?
                    var ed25519SignatureLen: Int?
                }
                var origin: String
                var treeSize: UInt64
                var rootHashB64: String?
                var extensionLines: [String]?
                var signatureLines: [SignatureLine]
            }
            var id: String
            var note: String
            var wantParse: Parse
        }
        var privateTestKey: PrivateKey
        var verifierKeys: [VerifierKey]
        var notes: [Note]
        var checkpoints: [CheckpointVector]
    }

    static func load() throws -> File {
        try TestVectors.decode(File.self, from: TestVectors.shared("signed-notes.json"))
    }

    @Test func verifierKeys() throws {
        let file = try Self.load()
        #expect(file.verifierKeys.count == 3)
        for key in file.verifierKeys {
            let verifier = try NoteVerifier(verifierKey: key.vkey)
            #expect(verifier.name == key.name)
            #expect(NoteSignature.keyIDHex(verifier.keyID) == key.keyIdHex)
            #expect(key.keyIdHex == key.keyIdRecomputed)
            #expect(Hex.encode(verifier.publicKeyBytes) == key.publicKeyHex)
            #expect(verifier.verifierKey == key.vkey)
        }
    }

    @Test func malformedVerifierKeys() throws {
        let good = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"
        for bad in [
            "PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",  // wrong key ID
            "PeterNeuman+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",  // name does not match key ID
            "PeterNeumann+c74f20a3+AhpcmQcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",  // unknown type 2
            "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10",  // short key
            "PeterNeumann+c74f20a+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",  // 7-digit key ID
            "Peter Neumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",  // space in name
            "PeterNeumann+c74f20a3",
            "",
        ] {
            #expect(throws: NoteError.self, "\(bad)") { try NoteVerifier(verifierKey: bad) }
        }
        #expect(throws: Never.self) { try NoteVerifier(verifierKey: good) }
        // Base64 may hold '+': only the first two separate fields. Round-trip keys whose base64 has one.
        var withPlus = 0
        for _ in 0..<64 {
            let signer = try NoteSigner.generate(name: "thiqa.example/log")
            #expect(try NoteVerifier(verifierKey: signer.verifierKey).verifierKey == signer.verifierKey)
            #expect(try NoteSigner(secretKey: signer.secretKey).verifierKey == signer.verifierKey)
            if signer.verifierKey.split(separator: "+").count > 3 || signer.secretKey.split(separator: "+").count > 5 { withPlus += 1 }
        }
        #expect(withPlus > 0)
    }

    @Test func openNotes() throws {
        let file = try Self.load()
        #expect(file.notes.count == 13)
        for vector in file.notes {
            let verifiers = try vector.verifierKeys.map { try NoteVerifier(verifierKey: $0) }
            let bytes: [UInt8]
            if let hex = vector.noteHex {
                bytes = try TestVectors.bytes(hex)
            } else {
                bytes = Array(try #require(vector.note).utf8)
            }
            let result = Result { () throws(NoteError) in try SignedNote.open(bytes, verifiers: verifiers) }
            switch (vector.want, result) {
            case ("ok", .success(let opened)):
                #expect(opened.text == vector.wantText, "\(vector.id)")
                #expect(opened.verified.map(\.name) == (vector.wantVerified ?? []), "\(vector.id)")
                #expect(opened.unverified.map(\.name) == (vector.wantUnverified ?? []), "\(vector.id)")
            case ("error", .failure(let error)):
                let want = try #require(vector.wantError)
                // "malformed note (Go limit: …)" and "malformed note" are both errMalformedNote.
                #expect(want.hasPrefix(error.description), "\(vector.id): got \(error.description), want \(want)")
            default:
                Issue.record("\(vector.id): want \(vector.want), got \(result)")
            }
        }
    }

    @Test func signingWithThePublishedTestKeyReproducesTheSignature() throws {
        let file = try Self.load()
        let signer = try NoteSigner(secretKey: file.privateTestKey.skey)
        #expect(signer.name == "PeterNeumann")
        #expect(NoteSignature.keyIDHex(signer.keyID) == "c74f20a3")
        #expect(signer.verifierKey == "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW")
        #expect(signer.secretKey == file.privateTestKey.skey)
        let published = try #require(file.notes.first { $0.id == "go-one-of-two-verified" })
        let text = try #require(published.wantText)
        let signed = try signer.sign(text)
        // Ed25519 (RFC 8032) is deterministic: the whole note is the published text and PeterNeumann line. swift-crypto
        // signs with BoringSSL on Linux, which follows RFC 8032; Apple's CryptoKit adds randomness, so there the
        // signature can only be checked by verifying it.
        let publishedNote = try #require(published.note)
        let peterLine = try #require(publishedNote.split(separator: "\n").first { $0.hasPrefix("\u{2014} PeterNeumann ") })
        #if os(Linux)
        #expect(signed == text + "\n" + peterLine + "\n")
        #endif
        #expect(signed.hasPrefix(text + "\n\u{2014} PeterNeumann x08go"))
        let opened = try SignedNote.open(signed, verifiers: [signer.verifier])
        #expect(opened.text == text)
        #expect(throws: NoteError.malformedText) { try signer.sign("no final newline") }
        #expect(throws: NoteError.malformedText) { try signer.sign("tab\there\n") }
        #expect(throws: NoteError.invalidName("bad name")) { try NoteSigner.generate(name: "bad name") }
        #expect(throws: NoteError.self) {
            try NoteSigner(secretKey: "PRIVATE+KEY+PeterNeumann+c74f20a4+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz")
        }
    }

    @Test func checkpointParseVectors() throws {
        let file = try Self.load()
        #expect(file.checkpoints.count == 2)
        for vector in file.checkpoints {
            let note = try SignedNote.parse(Array(vector.note.utf8))
            let checkpoint = try Checkpoint.parse(note.text)
            #expect(checkpoint.origin == vector.wantParse.origin, "\(vector.id)")
            #expect(checkpoint.size == vector.wantParse.treeSize, "\(vector.id)")
            if let root = vector.wantParse.rootHashB64 {
                #expect(Base64.encode(checkpoint.rootHash.bytes) == root)
            }
            #expect(checkpoint.extensionLines == (vector.wantParse.extensionLines ?? []))
            #expect(checkpoint.body() == note.text, "body round trip \(vector.id)")
            #expect(note.signatures.map(\.name) == vector.wantParse.signatureLines.map(\.name))
            for (signature, want) in zip(note.signatures, vector.wantParse.signatureLines) {
                if let keyID = want.keyIdHex { #expect(NoteSignature.keyIDHex(signature.keyID) == keyID) }
                if let timestamp = want.cosignatureTimestamp { #expect(signature.cosignatureTimestamp == timestamp) }
                if let length = want.ed25519SignatureLen { #expect(signature.signature.count - 8 == length) }
                #expect(
                    signature.line + "\n" == String(
                        vector.note.split(separator: "\n", omittingEmptySubsequences: false).first { $0.contains(signature.base64) } ?? ""
                    ) + "\n"
                )
            }
            // No key is published for these, so opening reports no verifiable signature.
            #expect(throws: NoteError.self) { try SignedNote.open(vector.note, verifiers: []) }
        }
    }

    @Test func ourCheckpointsRoundTrip() throws {
        let signer = try NoteSigner.generate(name: "thiqa.example/log")
        let verifier = try NoteVerifier(verifierKey: signer.verifierKey)
        for size: UInt64 in [0, 1, 7, 10_000_000, UInt64.max] {
            let root = size == 0 ? RFC6962.emptyRoot : TestVectors.syntheticLeaf(size)
            for extensions in [[], ["ext one", "— not a signature"]] {
                let checkpoint = Checkpoint(origin: "thiqa.example/log", size: size, rootHash: root, extensionLines: extensions)
                let note = try signer.sign(checkpoint.body())
                let (opened, signed) = try Checkpoint.open(Array(note.utf8), log: verifier)
                #expect(opened == checkpoint)
                #expect(signed.verified.map(\.keyID) == [signer.keyID])
                // Any change to the body breaks the signature.
                let altered = note.replacingOccurrences(of: "\n\(size)\n", with: "\n\(size == 0 ? 1 : size - 1)\n")
                #expect(throws: NoteError.invalidSignature(name: signer.name, keyID: signer.keyID)) {
                    try Checkpoint.open(Array(altered.utf8), log: verifier)
                }
            }
        }
        // A different log key does not count.
        let other = try NoteSigner.generate(name: "thiqa.example/log")
        let note = try other.sign(Checkpoint(origin: "thiqa.example/log", size: 1, rootHash: RFC6962.emptyRoot).body())
        #expect(throws: NoteError.self) { try Checkpoint.open(Array(note.utf8), log: verifier) }
    }

    @Test func malformedCheckpoints() {
        let root = Base64.encode(RFC6962.emptyRoot.bytes)
        for (body, why) in [
            ("o\n1\n\(root)", "no final newline"),
            ("\n1\n\(root)\n", "empty origin"),
            ("o\n01\n\(root)\n", "leading zero"),
            ("o\n-1\n\(root)\n", "negative"),
            ("o\n+1\n\(root)\n", "plus sign"),
            ("o\n18446744073709551616\n\(root)\n", "too large"),
            ("o\n1\n\(Base64.encode([UInt8](repeating: 1, count: 31)))\n", "short root"),
            ("o\n1\nnot base64!\n", "bad base64"),
            ("o\n1\n\(root)\n\n", "empty extension line"),
            ("o\n1\n", "no root line"),
        ] {
            #expect(throws: NoteError.self, "\(why)") { try Checkpoint.parse(body) }
        }
        #expect((try? Checkpoint.parse("o\n0\n\(root)\n"))?.size == 0)
    }
}
