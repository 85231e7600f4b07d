import Foundation

/// Character-level folding applied identically to documents and questions before anything is compared:
/// the Arabic normalisation of the project's reference notes (Lucene's ArabicNormalizer, CAMeL Tools), Latin case
/// and accents, Arabic-Indic digits, invisible bidi marks. Every output is a key for matching, never shown to people.
public enum TextFolding {
    /// Folds `text`: NFKC first (presentation forms from PDF copy-paste, full-width digits), then per scalar.
    public static func fold(_ text: String) -> String {
        var output = String.UnicodeScalarView()
        // NFKC only changes what folding would not already handle for compatibility characters (presentation
        // forms, full-width forms, ligatures, superscripts); skipping it otherwise saves most of the folding time.
        let source = text.unicodeScalars.contains(where: needsCompatibilityMapping) ? text.precomposedStringWithCompatibilityMapping : text
        for scalar in source.unicodeScalars {
            appendFolded(scalar, to: &output)
        }
        return String(output)
    }

    static func needsCompatibilityMapping(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00A0, 0x00AA, 0x00B2, 0x00B3, 0x00B9, 0x00BA, 0x00BC...0x00BE, 0x2070...0x218F, 0x2460...0x24FF, 0x3000...0x33FF,
            0xFB00...0xFDFF, 0xFE30...0xFEFF, 0xFF00...0xFFEF:
            true
        default: false
        }
    }

    /// Base letters of the Latin-1 Supplement and Latin Extended-A/B (U+00C0–U+024F) and Latin Extended Additional
    /// (U+1E00–U+1EFF), lower-cased, computed once.
    static let latinBases: [UInt32: [Unicode.Scalar]] = {
        var table: [UInt32: [Unicode.Scalar]] = [:]
        for value in Array(0x00C0...0x024F) + Array(0x1E00...0x1EFF) {
            guard let scalar = Unicode.Scalar(UInt32(value)) else { continue }
            let base = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars.first ?? scalar
            table[UInt32(value)] = Array(base.properties.lowercaseMapping.unicodeScalars)
        }
        return table
    }()

    static func appendFolded(_ scalar: Unicode.Scalar, to output: inout String.UnicodeScalarView) {
        let value = scalar.value
        switch value {
        // Invisible marks: LRM, RLM, ALM, embeddings and isolates, ZWNJ/ZWJ, BOM, Tifinagh consonant joiner.
        case 0x200B...0x200F, 0x061C, 0x202A...0x202E, 0x2066...0x2069, 0xFEFF, 0x2D7F:
            return
        // Harakat, superscript alef, Quranic marks, tatweel, combining hamza/madda.
        case 0x064B...0x065F, 0x0670, 0x06D6...0x06ED, 0x0640:
            return
        case 0x0623, 0x0625, 0x0622, 0x0671: output.append("\u{0627}")  // أ إ آ ٱ → ا
        case 0x0649, 0x06CC: output.append("\u{064A}")  // ى ی → ي
        case 0x0629: output.append("\u{0647}")  // ة → ه
        case 0x0624: output.append("\u{0648}")  // ؤ → و
        case 0x0626: output.append("\u{064A}")  // ئ → ي
        case 0x06A9: output.append("\u{0643}")  // ک → ك
        case 0x06AF: output.append("\u{06AD}")  // گ → ڭ (both write /g/ in Darija)
        case 0x06A4: output.append("\u{0641}")  // ڤ → ف
        case 0x0660...0x0669: output.append(Unicode.Scalar(value - 0x0660 + 0x30)!)
        case 0x06F0...0x06F9: output.append(Unicode.Scalar(value - 0x06F0 + 0x30)!)
        case 0x066B, 0x066C: output.append(".")
        case 0x2D6F: return  // ⵯ labialisation mark: ⴳⵯ matches ⴳ
        case 0x0041...0x005A: output.append(Unicode.Scalar(value + 0x20)!)
        case 0x0000...0x007F: output.append(scalar)
        // Latin letters used by French and Latin-script Amazigh.
        case 0x00DF: output.append(contentsOf: "ss".unicodeScalars)
        case 0x0153, 0x0152: output.append(contentsOf: "oe".unicodeScalars)
        case 0x00E6, 0x00C6: output.append(contentsOf: "ae".unicodeScalars)
        case 0x025B, 0x0190: output.append("3")  // ɛ Ɛ: Amazigh ayn, as Arabizi writes it
        case 0x0263, 0x0194: output.append(contentsOf: "gh".unicodeScalars)  // ɣ Ɣ
        case 0x2019, 0x2018, 0x02BC, 0x0060, 0x00B4: output.append("'")
        case 0x00C0...0x024F, 0x1E00...0x1EFF:
            // Accents and dots below (é, ç, ḍ, ṛ, ṣ): keep the base letter.
            output.append(contentsOf: latinBases[value] ?? [scalar])
        default:
            if scalar.properties.generalCategory == .nonspacingMark { return }
            if scalar.properties.changesWhenLowercased {
                output.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            } else {
                output.append(scalar)
            }
        }
    }
}
