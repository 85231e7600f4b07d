/// A cross-script key for a word: its consonants in one shared alphabet, whatever script wrote it. Darija in
/// Latin letters (`lbasbor`, `passport`, `9raya`), in Arabic script (`الباسبور`, `القراية`) and Amazigh in Latin or
/// Tifinagh (`tasnat`, `ⵜⴰⵙⵏⴰⵜ`) meet on the same skeleton, because short vowels are rarely written in Arabic
/// and Tifinagh and freely spelled in Arabizi. Arabizi digits follow the project's table (3=ع, 7=ح, 9=ق, 2=ء,
/// 5=خ, 8=غ, 6=ط). Classes are deliberately coarse (ق and ك, ت and ط, س and ص) because people merge them when
/// they type.
public enum Skeleton {
    /// Skeleton of one folded word; empty when nothing consonantal is left.
    public static func of(_ word: Word) -> String {
        let raw: [Character]
        switch word.script {
        case .latin: raw = latin(Array(word.text))
        case .arabic: raw = arabicFinal(word.text).compactMap { arabic[$0] ?? nil }
        case .tifinagh: raw = word.text.compactMap { tifinagh[$0] ?? nil }
        case .digits, .other: raw = []
        }
        var result = ""
        var previous: Character?
        for character in raw where character != previous {
            result.append(character)
            previous = character
        }
        return result
    }

    /// Arabic word-final ه is a folded ta marbuta (a vowel), dropped as Latin final `a` is.
    static func arabicFinal(_ text: String) -> String {
        text.hasSuffix("ه") && text.count > 2 ? String(text.dropLast()) : text
    }

    private static func latin(_ characters: [Character]) -> [Character] {
        var output: [Character] = []
        var index = 0
        while index < characters.count {
            let character = characters[index]
            let next: Character? = index + 1 < characters.count ? characters[index + 1] : nil
            let pair: Character? =
                switch (character, next) {
                case ("c", "h"), ("s", "h"): "c"
                case ("k", "h"): "x"
                case ("g", "h"): "G"
                case ("t", "h"): "t"
                case ("d", "h"): "d"
                case ("p", "h"): "f"
                case ("d", "j"): "j"
                case ("q", "u"): "k"
                default: nil
                }
            if let pair {
                output.append(pair)
                index += 2
                continue
            }
            switch character {
            case "a", "e", "i", "o", "u", "y", "w", "3", "2", "0", "1", "4", "'": break
            case "c": output.append(next == "e" || next == "i" || next == "y" ? "s" : "k")
            case "q", "9": output.append("k")
            case "7": output.append("h")
            case "5", "x": output.append("x")
            case "8": output.append("G")
            case "6": output.append("t")
            case "p": output.append("b")
            case "v": output.append("f")
            default: output.append(character)
            }
            index += 1
        }
        return output
    }

    private static let arabic: [Character: Character?] = [
        "ب": "b", "پ": "b", "ت": "t", "ث": "t", "ط": "t", "ج": "j", "ح": "h", "ه": "h", "خ": "x", "د": "d",
        "ذ": "d", "ض": "d", "ر": "r", "ز": "z", "ظ": "z", "س": "s", "ص": "s", "ش": "c", "غ": "G", "ف": "f",
        "ق": "k", "ك": "k", "ڭ": "g", "ل": "l", "م": "m", "ن": "n",
        "ا": nil, "و": nil, "ي": nil, "ع": nil, "ء": nil,
    ]

    private static let tifinagh: [Character: Character?] = [
        "ⴰ": nil, "ⴱ": "b", "ⴳ": "g", "ⴷ": "d", "ⴹ": "d", "ⴻ": nil, "ⴼ": "f", "ⴽ": "k", "ⵀ": "h", "ⵃ": "h",
        "ⵄ": nil, "ⵅ": "x", "ⵇ": "k", "ⵉ": nil, "ⵊ": "j", "ⵍ": "l", "ⵎ": "m", "ⵏ": "n", "ⵓ": nil, "ⵔ": "r",
        "ⵕ": "r", "ⵖ": "G", "ⵙ": "s", "ⵚ": "s", "ⵛ": "c", "ⵜ": "t", "ⵟ": "t", "ⵡ": nil, "ⵢ": nil, "ⵣ": "z",
        "ⵥ": "z",
    ]
}
