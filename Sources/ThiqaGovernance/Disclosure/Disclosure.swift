/// The sentence that tells a person they are dealing with an AI system, in one language, with the registry link.
public struct Disclosure: Sendable, Codable, Equatable {
    public var language: DisclosureLanguage
    public var text: String
    public var registryURL: String
    /// `rtl` for Arabic and Darija in Arabic script, else `ltr`.
    public var direction: String

    enum CodingKeys: String, CodingKey {
        case language, text, direction
        case registryURL = "registry_url"
    }

    /// Header fields that stay ASCII: the language, the link, and the text as an RFC 8187 ext-value.
    public var headerFields: [(name: String, value: String)] {
        [
            ("X-Thiqa-AI-Disclosure", RFC8187.encode(self.text, language: self.language.rawValue)),
            ("X-Thiqa-AI-Disclosure-Language", self.language.rawValue),
            ("X-Thiqa-Registry-Entry", self.registryURL),
        ]
    }
}

public enum DisclosureText {
    /// Templates with `{name}`, `{controller}` and `{url}`. Darija and Amazigh texts are to be reviewed by native
    /// speakers before publication (see GOVERNANCE.md).
    public static func template(_ language: DisclosureLanguage) -> String {
        switch language {
        case .fr:
            "Vous échangez avec un système d’intelligence artificielle, {name}, exploité par {controller}. Fiche au registre public\u{00A0}: {url}"
        case .ar:
            "أنت تتحدث مع نظام ذكاء اصطناعي، {name}، يُشغَّل تحت مسؤولية {controller}. بطاقته في السجل العمومي: {url}"
        case .aryArab:
            "راك كتهضر مع نظام ديال الذكاء الاصطناعي، {name}، خدّام تحت المسؤولية ديال {controller}. الصفحة ديالو فالسجل العمومي: {url}"
        case .aryLatn:
            "Rak kathder m3a wahed nnidam dyal dakaa istina3i (IA), {name}, khddam taht mas2oulyat {controller}. Sfha dyalo f ssijil l3omomi: {url}"
        case .zghTfng:
            "ⵜⵙⵙⴰⵡⴰⵍⴷ ⴷ ⵢⴰⵏ ⵓⵏⴰⴳⵔⴰⵡ ⵏ ⵜⵉⵖⵉⵙⵜ ⵜⴰⵔⴰⴳⵎⴰⵡⵉⵜ, {name}, ⵏⵏⴰ ⵉⵙⵙⵎⵔⴰⵙ {controller}. ⵜⴰⵙⵏⴰ ⵏⵏⵙ ⴳ ⵓⵎⵓⵖ ⴰⵎⴰⵜⴰⵢ: {url}"
        case .berLatn:
            "Tssawald d yan unagraw n tiɣist taragmawit, {name}, nna issemras {controller}. Tasna nnes g umuɣ amatay: {url}"
        case .en:
            "You are talking to an AI system, {name}, operated by {controller}. Public registry entry: {url}"
        }
    }

    /// The disclosure in `language`. In right-to-left text, names and the link are wrapped in Unicode isolates
    /// (FSI … PDI) so a Latin name or URL does not reorder the Arabic sentence around it.
    public static func render(language: DisclosureLanguage, useCaseName: String, controller: String, registryURL: String) -> Disclosure {
        func insert(_ value: String) -> String { language.isRightToLeft ? "\u{2068}\(value)\u{2069}" : value }
        let text = Self.template(language)
            .replacing("{name}", with: insert(useCaseName))
            .replacing("{controller}", with: insert(controller))
            .replacing("{url}", with: insert(registryURL))
        return Disclosure(language: language, text: text, registryURL: registryURL, direction: language.direction)
    }

    /// The disclosure for a governed use case, in the language `acceptLanguage` prefers, else the declaration's default.
    public static func render(for governed: GovernedUseCase, in snapshot: GovernanceSnapshot, acceptLanguage: String?) -> Disclosure {
        let declaration = governed.declaration
        let language = AcceptLanguage.choose(acceptLanguage, fallback: declaration.disclosureLanguage)
        return Self.render(
            language: language,
            useCaseName: declaration.name,
            controller: governed.controller.legalName,
            registryURL: snapshot.registryURL(for: declaration.ref)
        )
    }
}

/// RFC 8187 ext-value (`UTF-8'fr'Vous%20%C3%A9changez…`): non-ASCII text in an ASCII header field.
public enum RFC8187 {
    public static func encode(_ text: String, language: String? = nil) -> String {
        var out = "UTF-8'" + (language ?? "") + "'"
        let hex: [Character] = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "A", "B", "C", "D", "E", "F"]
        for byte in text.utf8 {
            if Self.isAttrChar(byte) {
                out.append(Character(Unicode.Scalar(byte)))
            } else {
                out.append("%")
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0x0F)])
            }
        }
        return out
    }

    /// Decodes an ext-value, or nil when it is malformed or not UTF-8.
    public static func decode(_ value: String) -> (text: String, language: String?)? {
        let parts = value.split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].uppercased() == "UTF-8" else { return nil }
        var bytes: [UInt8] = []
        var iterator = Array(parts[2].utf8).makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "%") {
                guard let high = iterator.next().flatMap(Self.hexValue), let low = iterator.next().flatMap(Self.hexValue) else { return nil }
                bytes.append(high << 4 | low)
            } else {
                guard Self.isAttrChar(byte) else { return nil }
                bytes.append(byte)
            }
        }
        guard let text = String(validating: bytes, as: UTF8.self) else { return nil }
        return (text, parts[1].isEmpty ? nil : String(parts[1]))
    }

    /// `attr-char = ALPHA / DIGIT / "!" / "#" / "$" / "&" / "+" / "-" / "." / "^" / "_" / "`" / "|" / "~"`
    static func isAttrChar(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x41...0x5A, 0x61...0x7A, 0x30...0x39: true
        case UInt8(ascii: "!"), UInt8(ascii: "#"), UInt8(ascii: "$"), UInt8(ascii: "&"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."),
            UInt8(ascii: "^"), UInt8(ascii: "_"), UInt8(ascii: "`"), UInt8(ascii: "|"), UInt8(ascii: "~"):
            true
        default: false
        }
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: byte - 0x30
        case 0x41...0x46: byte - 0x41 + 10
        case 0x61...0x66: byte - 0x61 + 10
        default: nil
        }
    }
}
