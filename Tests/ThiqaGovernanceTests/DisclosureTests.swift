import Testing
import ThiqaGovernance

@Suite("AI disclosure")
struct DisclosureTests {
    static func scalars(_ text: String, in range: ClosedRange<UInt32>) -> Int { text.unicodeScalars.filter { range.contains($0.value) }.count }

    @Test("every language form has its text, with the name, controller and link", arguments: DisclosureLanguage.allCases)
    func everyLanguage(language: DisclosureLanguage) {
        let disclosure = DisclosureText.render(
            language: language,
            useCaseName: "Assistant état civil",
            controller: "Commune de Rabat",
            registryURL: "https://thiqa.example.ma/registry/r/a"
        )
        #expect(disclosure.text.contains("Assistant état civil"))
        #expect(disclosure.text.contains("Commune de Rabat"))
        #expect(disclosure.text.contains("https://thiqa.example.ma/registry/r/a"))
        #expect(!disclosure.text.contains("{"))
        #expect(disclosure.direction == (language == .ar || language == .aryArab ? "rtl" : "ltr"))
    }

    @Test("scripts: Arabic and Darija in Arabic letters, Amazigh in Tifinagh, French with its accents, Latin Amazigh with its letters")
    func scripts() {
        let arabic = 0x0600...0x06FF as ClosedRange<UInt32>
        let tifinagh = 0x2D30...0x2D7F as ClosedRange<UInt32>
        #expect(Self.scalars(DisclosureText.template(.ar), in: arabic) > 30)
        #expect(Self.scalars(DisclosureText.template(.aryArab), in: arabic) > 30)
        #expect(DisclosureText.template(.ar) != DisclosureText.template(.aryArab))
        #expect(Self.scalars(DisclosureText.template(.zghTfng), in: tifinagh) > 30)
        // IRCAM Tifinagh only, no Arabic or Latin letters mixed in (placeholders aside).
        let amazigh = DisclosureText.template(.zghTfng).replacing("{name}", with: "").replacing("{controller}", with: "").replacing("{url}", with: "")
        #expect(amazigh.unicodeScalars.allSatisfy { tifinagh.contains($0.value) || $0.value < 0x80 && !$0.properties.isAlphabetic })
        #expect(DisclosureText.template(.fr).contains("système d’intelligence artificielle"))
        #expect(DisclosureText.template(.fr).contains("\u{00A0}:"))
        #expect(DisclosureText.template(.berLatn).contains("ɣ"))
        #expect(DisclosureText.template(.en).utf8.allSatisfy { $0 < 0x80 })
        #expect(Set(DisclosureLanguage.allCases.map(DisclosureText.template)).count == DisclosureLanguage.allCases.count)
    }

    @Test("in right-to-left text, Latin names and the link are isolated so they do not reorder the sentence")
    func isolates() {
        let disclosure = DisclosureText.render(language: .ar, useCaseName: "Assistant", controller: "Commune de Rabat", registryURL: "https://x.ma/r")
        #expect(disclosure.text.contains("\u{2068}Commune de Rabat\u{2069}"))
        #expect(disclosure.text.contains("\u{2068}https://x.ma/r\u{2069}"))
        #expect(!DisclosureText.render(language: .fr, useCaseName: "A", controller: "B", registryURL: "u").text.contains("\u{2068}"))
    }

    @Test("RFC 8187: the RFC's own example, attr-chars kept, everything else percent-encoded, and back")
    func rfc8187() throws {
        #expect(RFC8187.encode("€ rates") == "UTF-8''%E2%82%AC%20rates")
        #expect(RFC8187.decode("UTF-8''%e2%82%ac%20rates")?.text == "€ rates")
        #expect(RFC8187.encode("a-b.c_d~e!#$&+^`|", language: "fr") == "UTF-8'fr'a-b.c_d~e!#$&+^`|")
        #expect(RFC8187.encode("é'\"%;,") == "UTF-8''%C3%A9%27%22%25%3B%2C")
        for language in DisclosureLanguage.allCases {
            let text = DisclosureText.render(
                language: language,
                useCaseName: "Assistant état civil",
                controller: "Commune",
                registryURL: "https://x.ma/r"
            ).text
            let encoded = RFC8187.encode(text, language: language.rawValue)
            #expect(encoded.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F }, "header values stay visible ASCII")
            let decoded = try #require(RFC8187.decode(encoded))
            #expect(decoded.text == text)
            #expect(decoded.language == language.rawValue)
        }
        #expect(RFC8187.decode("UTF-8''%C3") == nil)
        #expect(RFC8187.decode("ISO-8859-1''abc") == nil)
        #expect(RFC8187.decode("UTF-8''a b") == nil)
    }

    @Test("header fields are ASCII: the encoded text, the language, the link")
    func headers() {
        let disclosure = DisclosureText.render(language: .zghTfng, useCaseName: "A", controller: "B", registryURL: "https://x.ma/r")
        let fields = Dictionary(uniqueKeysWithValues: disclosure.headerFields.map { ($0.name, $0.value) })
        #expect(fields["X-Thiqa-AI-Disclosure-Language"] == "zgh-Tfng")
        #expect(fields["X-Thiqa-Registry-Entry"] == "https://x.ma/r")
        #expect(fields["X-Thiqa-AI-Disclosure"]?.hasPrefix("UTF-8'zgh-Tfng'%E2%B5") == true)
        #expect(fields.values.allSatisfy { $0.utf8.allSatisfy { $0 < 0x80 } })
    }

    @Test(
        "Accept-Language: q-values order the choice; unknown languages and malformed entries are skipped",
        arguments: [
            ("ar-MA,fr;q=0.8", DisclosureLanguage.ar),
            ("fr-FR, en;q=0.9", .fr),
            ("en;q=0.5, fr;q=0.9", .fr),
            ("de-DE, es;q=0.8", .en),
            ("ary", .aryArab),
            ("ary-Latn, fr;q=0.5", .aryLatn),
            ("zgh", .zghTfng),
            ("tzm-Latn-MA", .berLatn),
            ("shi-Tfng", .zghTfng),
            ("fr;q=abc, ar;q=0.3", .ar),
            ("fr;q=1.5, en;q=0.2", .en),
            ("*", .en),
            ("en;q=0, *", .fr),
            ("", .en),
            ("ar;q=0", .en),
        ]
    )
    func acceptLanguage(header: String, expected: DisclosureLanguage) {
        #expect(AcceptLanguage.choose(header, fallback: .en) == expected)
    }

    @Test("no header: the use case's default")
    func noHeader() {
        #expect(AcceptLanguage.choose(nil, fallback: .aryArab) == .aryArab)
        #expect(AcceptLanguage.parse("fr;q=0.2, ar, en;q=0.7").map(\.tag) == ["ar", "en", "fr"])
        #expect(AcceptLanguage.parse("fr;q=0.2, ar, en;q=0.7").map(\.quality) == [1, 0.7, 0.2])
    }

    @Test("rendered for a governed use case: controller's legal name, registry link, language from the hint or the default")
    func forUseCase() {
        let snapshot = GovernanceSnapshot(
            version: 1,
            useCases: [GovernedUseCase(declaration: declaration(), controller: controller, assessment: nil)],
            registryBaseURL: "https://thiqa.example.ma/registry"
        )
        let governed = snapshot.useCases[ref()]!
        let french = DisclosureText.render(for: governed, in: snapshot, acceptLanguage: nil)
        #expect(french.language == .fr)
        #expect(
            french.text == "Vous échangez avec un système d’intelligence artificielle, Assistant état civil, exploité par Commune de Rabat. "
                + "Fiche au registre public\u{00A0}: https://thiqa.example.ma/registry/commune-rabat/civil-status-assistant"
        )
        #expect(DisclosureText.render(for: governed, in: snapshot, acceptLanguage: "ar-MA").direction == "rtl")
    }
}
