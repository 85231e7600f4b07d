import Testing

@testable import ThiqaPrivacy

@Suite("Checksums")
struct ChecksumTests {
    static func d(_ s: String) -> [UInt32] { s.unicodeScalars.map(\.value) }

    @Test("RIB and ICE are 0 mod 97")
    func mod97() {
        #expect(Checksums.mod97(Self.d("011519000001205000534921")) == 0)
        #expect(Checksums.mod97(Self.d("011519000001205000534922")) != 0)
        #expect(Checksums.mod97(Self.d("001561191000066")) == 0)
        #expect(Checksums.mod97(Self.d("002136093000040")) == 0)
    }

    @Test("IBAN ISO 13616")
    func iban() {
        #expect(Checksums.ibanValid(Self.d("MA64011519000001205000534921")))
        #expect(Checksums.ibanValid(Self.d("GB82WEST12345698765432")))
        #expect(Checksums.ibanValid(Self.d("gb82west12345698765432")))
        #expect(!Checksums.ibanValid(Self.d("GB82WEST12345698765433")))
        #expect(!Checksums.ibanValid(Self.d("MA64")))
    }

    @Test("Luhn")
    func luhn() {
        #expect(Checksums.luhn(Self.d("4111111111111111")))
        #expect(Checksums.luhn(Self.d("79927398713")))
        #expect(!Checksums.luhn(Self.d("4111111111111112")))
    }
}
