import Foundation
import ThiqaKnowledge

/// The words of an answer's frame in each language form the assistant serves. The procedures' own texts come from
/// the knowledge base; these are only the sentences around them, written for Thiqa (Darija in both scripts with
/// the usual Arabizi digits; Amazigh in Standard Moroccan Amazigh, Tifinagh and Latin letters).
public struct Phrasebook: Sendable {
    public var greeting: String
    public var followUp: String
    public var quotedFrom: String
    public var steps: String
    public var documents: String
    public var fees: String
    public var delay: String
    public var place: String
    public var contact: String
    public var sources: String
    public var officialPrevails: String
    public var dontKnow: String
    public var whereToAsk: String
    /// The name of French and of Arabic in this form, for "quoted from the official text in …".
    public var french: String
    public var arabic: String
    public var unverified: String
    /// The national portal of administrative procedures, named in this form ("I don't know" points to it).
    public var portal: String

    /// Fills `{title}` in the greeting or follow-up line; the title is isolated so its own direction cannot spill over.
    public func greeting(title: String, direction: String) -> String { Self.fill(greeting, title: title, direction: direction) }
    public func followUp(title: String, direction: String) -> String { Self.fill(followUp, title: title, direction: direction) }

    public func quotedFrom(_ language: LanguageForm) -> String {
        quotedFrom.replacingOccurrences(of: "{language}", with: language == .arabic ? arabic : french)
    }

    static func fill(_ template: String, title: String, direction: String) -> String {
        template.replacingOccurrences(of: "{title}", with: "\u{2068}\(title)\u{2069}")
    }

    public static func of(_ form: LanguageForm) -> Phrasebook {
        switch form {
        case .french: french
        case .arabic: arabic
        case .darijaArabic: darijaArabic
        case .darijaLatin: darijaLatin
        case .amazighTifinagh: amazighTifinagh
        case .amazighLatin: amazighLatin
        case .english: english
        }
    }

    static let french = Phrasebook(
        greeting: "Bonjour ! Voici ce que dit la source officielle sur « {title} » :",
        followUp: "À propos de « {title} », la démarche dont nous parlions :",
        quotedFrom: "Les étapes ci-dessous sont citées telles quelles du texte officiel en {language}.",
        steps: "Étapes", documents: "Documents à fournir", fees: "Frais", delay: "Délai", place: "Où s’adresser",
        contact: "Pour se renseigner", sources: "Sources",
        officialPrevails: "Les informations officielles du site source prévalent.",
        dontKnow: "Je ne sais pas : je n’ai trouvé aucune démarche officielle qui réponde à cette question, et je préfère ne rien inventer.",
        whereToAsk: "Voici où demander :", french: "français", arabic: "arabe",
        unverified: "Ce texte n’a pas encore été revérifié sur le portail officiel : vérifiez-le avant de vous déplacer.",
        portal: "Idarati, portail national des démarches administratives"
    )

    static let arabic = Phrasebook(
        greeting: "مرحبا! إليك ما ينص عليه المصدر الرسمي بخصوص «{title}»:",
        followUp: "بخصوص «{title}»، المسطرة التي نتحدث عنها:",
        quotedFrom: "المراحل أدناه منقولة كما هي من النص الرسمي باللغة {language}.",
        steps: "المراحل", documents: "الوثائق المطلوبة", fees: "الرسوم", delay: "الآجال", place: "الجهة المختصة",
        contact: "للاستفسار", sources: "المصادر",
        officialPrevails: "المعلومات الرسمية المنشورة على الموقع المصدر هي المرجع.",
        dontKnow: "لا أعرف: لم أجد أي مسطرة رسمية تجيب عن هذا السؤال، ولا أريد أن أخترع جوابا.",
        whereToAsk: "إليك أين تسأل:", french: "الفرنسية", arabic: "العربية",
        unverified: "لم تتم بعد مراجعة هذا النص على البوابة الرسمية: تحقق منه قبل التنقل.",
        portal: "إدارتي، البوابة الوطنية للمساطر الإدارية"
    )

    static let darijaArabic = Phrasebook(
        greeting: "السلام! هادشي اللي كيقول المصدر الرسمي على «{title}»:",
        followUp: "على «{title}»، الإجراء اللي كنهضرو عليه:",
        quotedFrom: "الخطوات اللي تحت منقولين كيف ما هوما من النص الرسمي بـ{language}.",
        steps: "الخطوات", documents: "الوراق اللي خاصينك", fees: "شحال غادي تخلص", delay: "شحال كياخد ديال الوقت",
        place: "فين تمشي", contact: "فين تسول", sources: "المصادر",
        officialPrevails: "المعلومات الرسمية اللي فالموقع ديال المصدر هي اللي كتحكم.",
        dontKnow: "ما عرفتش: ما لقيت حتى إجراء رسمي كيجاوب على هاد السؤال، وما بغيتش نخترع شي جواب.",
        whereToAsk: "هاك فين تسول:", french: "الفرنسية", arabic: "العربية",
        unverified: "هاد النص باقي ما تراجعش فالبوابة الرسمية: تأكد منو قبل ما تمشي.",
        portal: "إدارتي، البوابة الوطنية ديال الإجراءات الإدارية"
    )

    static let darijaLatin = Phrasebook(
        greeting: "Salam! Hadchi li kayqol l-masdar r-rasmi 3la « {title} »:",
        followUp: "3la « {title} », l-ijra2 li kanhedro 3lih:",
        quotedFrom: "L-khatawat li ta7t mnqolin kif ma homa mn n-nass r-rasmi b {language}.",
        steps: "L-khatawat", documents: "L-wra9 li khasek", fees: "Bchhal ghadi tkhelles", delay: "Ch7al kayakhod dyal l-wa9t",
        place: "Fin tmchi", contact: "Fin tsowl", sources: "L-masadir",
        officialPrevails: "L-ma3lomat r-rasmiya li f site dyal l-masdar homa li kayt7ekmo.",
        dontKnow: "Ma 3reftch: ma l9it 7ta ijra2 rasmi kayjaweb 3la had so2al, w ma bghitch nkhtare3 chi jawab.",
        whereToAsk: "Hak fin tsowl:", french: "l-fransawiya", arabic: "l-3arabiya",
        unverified: "Had n-nass ba9i ma traje3ch f l-portail r-rasmi: t2akked mno 9bel ma tmchi.",
        portal: "Idarati, l-portail l-watani dyal l-ijra2at l-idariya"
    )

    static let amazighLatin = Phrasebook(
        greeting: "Azul! Ha ayn d-inna uɣbalu anṣib ɣef « {title} »:",
        followUp: "Ɣef « {title} », tikli ɣef nsawal:",
        quotedFrom: "Isurifen ddaw ttunqlen am nitni seg uḍris anṣib s {language}.",
        steps: "Isurifen", documents: "Tiwriqin ilaqen", fees: "Azal", delay: "Akud", place: "Mani ad tddud",
        contact: "Mani ad testeqsid", sources: "Iɣbula",
        officialPrevails: "Isallen inṣiben n usmel n uɣbalu ad yezwaren.",
        dontKnow: "Ur ssinɣ: ur ufiɣ yat tikli tanṣibt ad yerren ɣef usteqsi ad, ur riɣ ad snulfuɣ yan warraw.",
        whereToAsk: "Ha mani ad testeqsid:", french: "tefransist", arabic: "taɛrabt",
        unverified: "Aḍris ad ur t-id-nessefqed ɣef usmel anṣib: sefqed-t uqbel ad tddud.",
        portal: "Idarati, asmel aɣelnaw n tikliwin tinbaḍin"
    )

    static let amazighTifinagh = Phrasebook(
        greeting: "ⴰⵣⵓⵍ! ⵀⴰ ⴰⵢⵏ ⴷ-ⵉⵏⵏⴰ ⵓⵖⴱⴰⵍⵓ ⴰⵏⵚⵉⴱ ⵖⴼ « {title} »:",
        followUp: "ⵖⴼ « {title} », ⵜⵉⴽⵍⵉ ⵖⴼ ⵏⵙⴰⵡⴰⵍ:",
        quotedFrom: "ⵉⵙⵓⵔⵉⴼⵏ ⴷⴷⴰⵡ ⵜⵜⵓⵏⵇⵍⵏ ⴰⵎ ⵏⵉⵜⵏⵉ ⵙⴳ ⵓⴹⵔⵉⵙ ⴰⵏⵚⵉⴱ ⵙ {language}.",
        steps: "ⵉⵙⵓⵔⵉⴼⵏ", documents: "ⵜⵉⵡⵔⵉⵇⵉⵏ ⵉⵍⴰⵇⵏ", fees: "ⴰⵣⴰⵍ", delay: "ⴰⴽⵓⴷ", place: "ⵎⴰⵏⵉ ⴰⴷ ⵜⴷⴷⵓⴷ",
        contact: "ⵎⴰⵏⵉ ⴰⴷ ⵜⵙⵜⵇⵙⵉⴷ", sources: "ⵉⵖⴱⵓⵍⴰ",
        officialPrevails: "ⵉⵙⴰⵍⵍⵏ ⵉⵏⵚⵉⴱⵏ ⵏ ⵓⵙⵎⵍ ⵏ ⵓⵖⴱⴰⵍⵓ ⴰⴷ ⵢⵣⵡⴰⵔⵏ.",
        dontKnow: "ⵓⵔ ⵙⵙⵉⵏⵖ: ⵓⵔ ⵓⴼⵉⵖ ⵢⴰⵜ ⵜⵉⴽⵍⵉ ⵜⴰⵏⵚⵉⴱⵜ ⴰⴷ ⵢⵔⵔⵏ ⵖⴼ ⵓⵙⵜⵇⵙⵉ ⴰⴷ, ⵓⵔ ⵔⵉⵖ ⴰⴷ ⵙⵏⵓⵍⴼⵓⵖ ⵢⴰⵏ ⵡⴰⵔⵔⴰⵡ.",
        whereToAsk: "ⵀⴰ ⵎⴰⵏⵉ ⴰⴷ ⵜⵙⵜⵇⵙⵉⴷ:", french: "ⵜⴼⵔⴰⵏⵙⵉⵙⵜ", arabic: "ⵜⴰⵄⵔⴰⴱⵜ",
        unverified: "ⴰⴹⵔⵉⵙ ⴰⴷ ⵓⵔ ⵜ-ⵉⴷ-ⵏⵙⵙⴼⵇⴷ ⵖⴼ ⵓⵙⵎⵍ ⴰⵏⵚⵉⴱ: ⵙⴼⵇⴷ-ⵜ ⵓⵇⴱⵍ ⴰⴷ ⵜⴷⴷⵓⴷ.",
        portal: "ⵉⴷⴰⵔⴰⵜⵉ, ⴰⵙⵎⵍ ⴰⵖⵍⵏⴰⵡ ⵏ ⵜⵉⴽⵍⵉⵡⵉⵏ ⵜⵉⵏⴱⴰⴹⵉⵏ"
    )

    static let english = Phrasebook(
        greeting: "Hello! Here is what the official source says about “{title}”:",
        followUp: "About “{title}”, the procedure we were discussing:",
        quotedFrom: "The steps below are quoted as they are from the official text in {language}.",
        steps: "Steps", documents: "Documents to bring", fees: "Fees", delay: "Processing time", place: "Where to go",
        contact: "Where to ask", sources: "Sources",
        officialPrevails: "The information published on the official source site prevails.",
        dontKnow: "I don't know: I found no official procedure that answers this question, and I will not make an answer up.",
        whereToAsk: "Here is where to ask:", french: "French", arabic: "Arabic",
        unverified: "This text has not yet been re-checked against the official portal: check it before you travel.",
        portal: "Idarati, the national portal of administrative procedures"
    )
}
