/// The language forms AI disclosures are written in, as BCP 47 tags.
public enum DisclosureLanguage: String, Sendable, Codable, CaseIterable, Hashable {
    case fr
    case ar
    /// Moroccan Darija in Arabic script.
    case aryArab = "ary-Arab"
    /// Moroccan Darija in Latin script (Arabizi).
    case aryLatn = "ary-Latn"
    /// Standard Moroccan Amazigh in IRCAM Tifinagh.
    case zghTfng = "zgh-Tfng"
    /// Amazigh in Latin script (IRCAM transcription).
    case berLatn = "ber-Latn"
    case en

    public var isRightToLeft: Bool { self == .ar || self == .aryArab }
    /// The HTML `dir` value.
    public var direction: String { self.isRightToLeft ? "rtl" : "ltr" }

    /// The supported form a language tag (as in `Accept-Language`) stands for, or nil.
    /// `ar-MA` → ar, `ary` → Darija in Arabic script, `zgh`, `ber`, `tzm`, `shi`, `rif` → Tifinagh unless `-Latn`.
    public init?(tag: some StringProtocol) {
        let subtags = tag.lowercased().split(separator: "-").map(String.init)
        guard let primary = subtags.first else { return nil }
        let latin = subtags.dropFirst().contains("latn")
        let arabic = subtags.dropFirst().contains("arab")
        switch primary {
        case "fr": self = .fr
        case "en": self = .en
        case "ar": self = latin ? .aryLatn : .ar
        case "ary": self = latin ? .aryLatn : .aryArab
        case "zgh", "ber", "tzm", "shi", "rif":
            if arabic { return nil }
            self = latin ? .berLatn : .zghTfng
        default: return nil
        }
    }
}

/// `Accept-Language` (RFC 9110, section 12.5.4) with q-values, matched to the disclosure languages. Pure.
public enum AcceptLanguage {
    public struct Range: Sendable, Equatable {
        public var tag: String
        public var quality: Double
    }

    /// Ranges in preference order (quality descending, then as written). Malformed entries are skipped.
    public static func parse(_ header: String) -> [Range] {
        var ranges: [(offset: Int, range: Range)] = []
        for (offset, part) in header.split(separator: ",").enumerated() {
            let pieces = part.split(separator: ";").map { String($0).trimmed }
            guard let tag = pieces.first, !tag.isEmpty, tag.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "*") })
            else { continue }
            var quality = 1.0
            var valid = true
            for parameter in pieces.dropFirst() {
                let pair = parameter.split(separator: "=", maxSplits: 1).map { String($0).trimmed }
                guard pair.count == 2, pair[0].lowercased() == "q" else { continue }
                guard let q = Self.quality(String(pair[1])) else {
                    valid = false
                    break
                }
                quality = q
            }
            if valid { ranges.append((offset, Range(tag: String(tag), quality: quality))) }
        }
        return ranges.sorted { $0.range.quality != $1.range.quality ? $0.range.quality > $1.range.quality : $0.offset < $1.offset }.map(\.range)
    }

    /// `qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] )`
    static func quality(_ text: String) -> Double? {
        let bytes = Array(text.utf8)
        guard let first = bytes.first, first == 0x30 || first == 0x31 else { return nil }
        if bytes.count == 1 { return first == 0x31 ? 1 : 0 }
        guard bytes[1] == 0x2E, bytes.count <= 5, bytes.dropFirst(2).allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        if first == 0x31 { return bytes.dropFirst(2).allSatisfy { $0 == 0x30 } ? 1 : nil }
        return Double(text)
    }

    /// The most preferred supported language, or `fallback` (the use case's default) when the header names none we
    /// have, or only `*`. A range with q=0 refuses that language, even as the fallback for `*`.
    public static func choose(_ header: String?, fallback: DisclosureLanguage) -> DisclosureLanguage {
        guard let header else { return fallback }
        let ranges = Self.parse(header)
        let refused = Set(ranges.filter { $0.quality == 0 }.compactMap { DisclosureLanguage(tag: $0.tag) })
        for range in ranges where range.quality > 0 {
            if range.tag == "*" {
                if !refused.contains(fallback) { return fallback }
                if let other = DisclosureLanguage.allCases.first(where: { !refused.contains($0) }) { return other }
                continue
            }
            if let language = DisclosureLanguage(tag: range.tag), !refused.contains(language) { return language }
        }
        return fallback
    }
}
