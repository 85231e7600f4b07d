/// The impact-assessment questionnaire, kept as versioned data: forms, the CLI and the public registry render it,
/// ``Answers`` reads what it asks, and an assessment records the version it was answered against.
public struct Questionnaire: Sendable, Hashable, Codable {
    public var version: String
    public var questions: [Question]

    /// The option meaning "none of these" in multiple-choice questions.
    public static let noneOption = "none"
    public static let current = Questionnaire.v1

    public func question(_ id: QuestionID) -> Question? { self.questions.first { $0.id == id } }
}

public enum QuestionID: String, Sendable, Codable, CaseIterable, Hashable {
    case practices, domains, automation, effect, data, scale, interaction
}

public struct Question: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable {
        case single, multiple
    }
    public var id: QuestionID
    public var kind: Kind
    public var text: LocalizedText
    public var options: [Option]
}

public struct Option: Sendable, Hashable, Codable {
    public var id: String
    public var text: LocalizedText
}

extension Questionnaire {
    private static func option(_ id: String, fr: String, ar: String, en: String) -> Option {
        Option(id: id, text: LocalizedText(fr: fr, ar: ar, en: en))
    }

    /// Version 1 (2026-12). Option ids are the raw values of the ``Answers`` enums; a test keeps them in step.
    public static let v1 = Questionnaire(
        version: "1",
        questions: [
            Question(
                id: .practices,
                kind: .multiple,
                text: LocalizedText(
                    fr: "Le système fait-il l’une des choses suivantes ?",
                    ar: "هل يقوم النظام بأيٍّ مما يلي؟",
                    en: "Does the system do any of the following?"
                ),
                options: [
                    option(
                        "social_scoring",
                        fr: "Noter ou classer des personnes selon leur comportement social ou leur personnalité (notation sociale)",
                        ar: "تنقيط الأشخاص أو تصنيفهم حسب سلوكهم الاجتماعي أو سماتهم الشخصية (التنقيط الاجتماعي)",
                        en: "Score or rank people on their social behaviour or personality (social scoring)"
                    ),
                    option(
                        "realtime_remote_biometric_public",
                        fr: "Identifier des personnes à distance et en temps réel par leurs traits biométriques dans des lieux publics",
                        ar: "التعرّف على الأشخاص عن بُعد وفي الوقت الحقيقي من خلال سماتهم البيومترية في الفضاءات العمومية",
                        en: "Identify people remotely and in real time from biometric traits in public spaces"
                    ),
                    option(
                        "manipulation",
                        fr: "Influencer le comportement de personnes par des techniques subliminales ou manipulatrices",
                        ar: "التأثير في سلوك الأشخاص بتقنيات لا شعورية أو تلاعبية",
                        en: "Influence people’s behaviour through subliminal or manipulative techniques"
                    ),
                    option(
                        "exploits_vulnerabilities",
                        fr: "Exploiter la vulnérabilité de personnes due à leur âge, à un handicap ou à leur situation sociale ou économique",
                        ar: "استغلال هشاشة الأشخاص بسبب سنّهم أو إعاقتهم أو وضعهم الاجتماعي أو الاقتصادي",
                        en: "Exploit people’s vulnerability due to their age, a disability or their social or economic situation"
                    ),
                    option(
                        "emotion_recognition_work_education",
                        fr: "Déduire les émotions de personnes sur le lieu de travail ou dans un établissement d’enseignement",
                        ar: "استنتاج مشاعر الأشخاص في مكان العمل أو في مؤسسة تعليمية",
                        en: "Infer people’s emotions at work or in an educational institution"
                    ),
                    option(noneOption, fr: "Aucune de ces pratiques", ar: "لا شيء من هذه الممارسات", en: "None of these"),
                ]
            ),
            Question(
                id: .domains,
                kind: .multiple,
                text: LocalizedText(
                    fr: "Dans quels domaines le système est-il utilisé ?",
                    ar: "في أيّ مجالات يُستعمل النظام؟",
                    en: "In which domains is the system used?"
                ),
                options: [
                    option("justice", fr: "Justice", ar: "العدالة", en: "Justice"),
                    option("health", fr: "Santé", ar: "الصحة", en: "Health"),
                    option(
                        "employment",
                        fr: "Emploi et gestion des travailleurs",
                        ar: "التشغيل وتدبير العاملين",
                        en: "Employment and management of workers"
                    ),
                    option("credit", fr: "Crédit et solvabilité", ar: "القروض والملاءة المالية", en: "Credit and creditworthiness"),
                    option("education", fr: "Éducation et formation", ar: "التعليم والتكوين", en: "Education and training"),
                    option(
                        "public_services",
                        fr: "Accès aux services publics et aux prestations sociales",
                        ar: "الولوج إلى الخدمات العمومية والإعانات الاجتماعية",
                        en: "Access to public services and benefits"
                    ),
                    option(
                        "biometric_identification",
                        fr: "Identification biométrique",
                        ar: "تحديد الهوية بالمعطيات البيومترية",
                        en: "Biometric identification"
                    ),
                    option(
                        "law_enforcement",
                        fr: "Maintien de l’ordre et enquêtes pénales",
                        ar: "إنفاذ القانون والأبحاث الجنائية",
                        en: "Law enforcement"
                    ),
                    option(
                        "migration",
                        fr: "Migration, asile et contrôle aux frontières",
                        ar: "الهجرة واللجوء ومراقبة الحدود",
                        en: "Migration, asylum and border control"
                    ),
                    option(noneOption, fr: "Aucun de ces domaines", ar: "لا شيء من هذه المجالات", en: "None of these"),
                ]
            ),
            Question(
                id: .automation,
                kind: .single,
                text: LocalizedText(fr: "Quel est le degré d’automatisation ?", ar: "ما درجة الأتمتة؟", en: "What is the degree of automation?"),
                options: [
                    option(
                        "information_only",
                        fr: "Informe seulement, sans rien décider",
                        ar: "يقدّم معلومات فقط دون اتخاذ أي قرار",
                        en: "Gives information only, decides nothing"
                    ),
                    option(
                        "assists_human",
                        fr: "Aide une personne qui décide",
                        ar: "يساعد شخصاً هو من يتخذ القرار",
                        en: "Assists a person who decides"
                    ),
                    option(
                        "decides_with_review",
                        fr: "Décide, et une personne revoit chaque décision",
                        ar: "يتخذ القرار ويراجع شخصٌ كلَّ قرار",
                        en: "Decides, and a person reviews each decision"
                    ),
                    option("decides_alone", fr: "Décide seul", ar: "يتخذ القرار وحده", en: "Decides alone"),
                ]
            ),
            Question(
                id: .effect,
                kind: .single,
                text: LocalizedText(
                    fr: "Quel effet le résultat a-t-il sur les personnes ?",
                    ar: "ما أثر النتيجة على الأشخاص؟",
                    en: "What effect does the outcome have on people?"
                ),
                options: [
                    option("none", fr: "Aucun", ar: "لا أثر", en: "None"),
                    option("minor", fr: "Mineur (confort, orientation)", ar: "أثر طفيف (تيسير، توجيه)", en: "Minor (convenience, guidance)"),
                    option(
                        "significant",
                        fr: "Important ou juridique (droits, prestations, emploi, crédit, liberté)",
                        ar: "أثر كبير أو قانوني (الحقوق، الإعانات، الشغل، القروض، الحرية)",
                        en: "Significant or legal (rights, benefits, employment, credit, liberty)"
                    ),
                ]
            ),
            Question(
                id: .data,
                kind: .single,
                text: LocalizedText(
                    fr: "Quelles données le système traite-t-il ?",
                    ar: "ما المعطيات التي يعالجها النظام؟",
                    en: "Which data does the system process?"
                ),
                options: [
                    option("no_personal", fr: "Aucune donnée à caractère personnel", ar: "لا يعالج أي معطيات ذات طابع شخصي", en: "No personal data"),
                    option("personal", fr: "Des données à caractère personnel", ar: "معطيات ذات طابع شخصي", en: "Personal data"),
                    option(
                        "sensitive",
                        fr:
                            "Des données sensibles (santé, génétique, religion, opinions politiques, appartenance syndicale, origine ethnique, vie sexuelle, biométrie, casier judiciaire)",
                        ar:
                            "معطيات حساسة (الصحة، المعطيات الجينية، الدين، الآراء السياسية، الانتماء النقابي، الأصل العرقي، الحياة الجنسية، المعطيات البيومترية، السجل العدلي)",
                        en:
                            "Sensitive data (health, genetic, religion, political opinions, trade-union membership, ethnic origin, sex life, biometric, criminal records)"
                    ),
                ]
            ),
            Question(
                id: .scale,
                kind: .single,
                text: LocalizedText(
                    fr: "Combien de personnes sont concernées par an ?",
                    ar: "كم عدد الأشخاص المعنيين في السنة؟",
                    en: "How many people are affected per year?"
                ),
                options: [
                    option("under_1k", fr: "Moins de 1 000", ar: "أقل من 1000", en: "Fewer than 1,000"),
                    option("1k_to_100k", fr: "De 1 000 à 100 000", ar: "من 1000 إلى 100000", en: "1,000 to 100,000"),
                    option("100k_to_1m", fr: "De 100 000 à 1 million", ar: "من 100000 إلى مليون", en: "100,000 to 1 million"),
                    option("over_1m", fr: "Plus d’un million", ar: "أكثر من مليون", en: "More than 1 million"),
                ]
            ),
            Question(
                id: .interaction,
                kind: .multiple,
                text: LocalizedText(
                    fr: "Comment les résultats du système parviennent-ils aux personnes ?",
                    ar: "كيف تصل مخرجات النظام إلى الأشخاص؟",
                    en: "How do the system’s outputs reach people?"
                ),
                options: [
                    option(
                        "converses_with_people",
                        fr: "Il dialogue avec des personnes (agent conversationnel)",
                        ar: "يتحاور مع الأشخاص (وكيل محادثة)",
                        en: "It converses with people (chatbot)"
                    ),
                    option(
                        "generates_content_for_people",
                        fr: "Il rédige des textes ou des documents destinés à des personnes",
                        ar: "يُحرّر نصوصاً أو وثائق موجّهة إلى الأشخاص",
                        en: "It writes text or documents meant for people"
                    ),
                    option(
                        "synthetic_media",
                        fr: "Il produit des images, des sons ou des vidéos de synthèse",
                        ar: "يُنتج صوراً أو أصواتاً أو مقاطع فيديو اصطناعية",
                        en: "It produces synthetic images, audio or video"
                    ),
                    option(
                        noneOption,
                        fr: "Usage interne : personne ne lit directement ses résultats",
                        ar: "استعمال داخلي: لا يطّلع أحد على مخرجاته مباشرة",
                        en: "Internal use: no one reads its outputs directly"
                    ),
                ]
            ),
        ]
    )
}
