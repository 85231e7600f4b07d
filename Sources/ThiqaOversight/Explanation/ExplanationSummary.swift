import ThiqaGovernance

/// The plain-language summary of a determination, built by templates from its recorded facts, in the person's
/// language. Short sentences, one fact each; Darija and Amazigh are to be reviewed by native speakers before
/// publication, like the AI disclosure (GOVERNANCE.md).
public enum ExplanationSummary {
    public struct Rendered: Sendable, Equatable, Codable {
        public var language: DisclosureLanguage
        public var text: String
        public var direction: String
    }

    /// The sentences of one language.
    struct Sentences {
        var intro: String
        var model: String
        var noModel: String
        var masked: String
        var sovereign: String
        var stopped: String
        var held: String
        var awaitingSecond: String
        var approved: (String, String)
        var amended: (String, String)
        var rejected: (String, String)
        var released: String
        var reason: String
        var rules: String
        var rulesWithoutTier: String
        var sources: String
        var inMorocco: String
        var abroad: String
        var tiers: [RiskTier: String]
    }

    public static func render(_ determination: Determination, language: DisclosureLanguage? = nil) -> Rendered {
        let language = language ?? determination.language
        let sentences = Self.sentences(language)
        let facts = determination.facts
        func insert(_ value: String) -> String { language.isRightToLeft ? "\u{2068}\(value)\u{2069}" : value }
        var out: [String] = []
        out.append(sentences.intro.replacing("{name}", with: insert(facts.useCaseName)).replacing("{controller}", with: insert(facts.controller)))
        if let model = facts.model, determination.hold != .beforeModel {
            let where_: String
            if let code = facts.jurisdiction {
                where_ = code == "MA" ? sentences.inMorocco : sentences.abroad.replacing("{code}", with: code)
            } else {
                where_ = sentences.inMorocco
            }
            out.append(sentences.model.replacing("{model}", with: insert(facts.modelVersion ?? model)).replacing("{where}", with: where_))
        } else {
            out.append(sentences.noModel)
        }
        if !facts.maskedTypes.isEmpty { out.append(sentences.masked) }
        if facts.keptSovereign { out.append(sentences.sovereign) }
        if determination.holdReason == "stop_switch" { out.append(sentences.stopped) }
        let two = determination.reviewers.count >= 2
        switch determination.status {
        case .held: out.append(sentences.held)
        case .awaitingSecondReview: out.append(sentences.awaitingSecond)
        case .approved: out.append(two ? sentences.approved.1 : sentences.approved.0)
        case .amended: out.append(two ? sentences.amended.1 : sentences.amended.0)
        case .rejected: out.append(two ? sentences.rejected.1 : sentences.rejected.0)
        case .released: out.append(sentences.released)
        }
        if let reason = determination.outcome?.reason, determination.status == .rejected || determination.status == .amended {
            out.append(sentences.reason.replacing("{reason}", with: insert(reason)))
        }
        if let version = facts.registryVersion {
            if let tier = facts.tier, let name = sentences.tiers[tier] {
                out.append(sentences.rules.replacing("{version}", with: String(version)).replacing("{tier}", with: name))
            } else {
                out.append(sentences.rulesWithoutTier.replacing("{version}", with: String(version)))
            }
        }
        if !facts.sources.isEmpty {
            out.append(sentences.sources.replacing("{sources}", with: insert(facts.sources.joined(separator: ", "))))
        }
        return Rendered(language: language, text: out.joined(separator: " "), direction: language.direction)
    }

    static func sentences(_ language: DisclosureLanguage) -> Sentences {
        switch language {
        case .fr:
            Sentences(
                intro: "Cette décision vient du service «\u{00A0}{name}\u{00A0}» de {controller}.",
                model: "Un système d’intelligence artificielle (modèle {model}) a préparé la réponse, sur un serveur {where}.",
                noModel: "Aucun système d’intelligence artificielle n’a préparé la réponse\u{00A0}: une personne l’écrit.",
                masked: "Vos données personnelles ont été masquées avant d’être envoyées au modèle.",
                sovereign: "La demande est restée au Maroc, sur un serveur souverain.",
                stopped: "Le service a suspendu les réponses automatiques\u{00A0}: une personne décide de chaque demande.",
                held: "Une personne doit encore l’examiner. Rien n’est décidé pour l’instant.",
                awaitingSecond: "Une première personne l’a examinée. Une deuxième personne doit la confirmer.",
                approved: ("Une personne l’a examinée et l’a approuvée.", "Deux personnes l’ont examinée et l’ont approuvée."),
                amended: ("Une personne l’a examinée et a corrigé la réponse.", "Deux personnes l’ont examinée et ont corrigé la réponse."),
                rejected: ("Une personne l’a examinée et a refusé la réponse.", "Deux personnes l’ont examinée et ont refusé la réponse."),
                released: "Aucune personne ne l’a examinée\u{00A0}: ce service ne le demande pas.",
                reason: "Motif donné\u{00A0}: {reason}",
                rules: "Règles appliquées\u{00A0}: registre public, version {version}. Niveau de risque\u{00A0}: {tier}.",
                rulesWithoutTier: "Règles appliquées\u{00A0}: registre public, version {version}.",
                sources: "Sources\u{00A0}: {sources}.",
                inMorocco: "au Maroc", abroad: "hors du Maroc ({code})",
                tiers: [.high: "élevé", .limited: "limité", .minimal: "minimal", .prohibited: "interdit"]
            )
        case .ar:
            Sentences(
                intro: "يصدر هذا القرار عن خدمة «{name}» التابعة لـ{controller}.",
                model: "أعدّ نظامُ ذكاءٍ اصطناعي الجوابَ (النموذج {model})، على خادم {where}.",
                noModel: "لم يُعِدّ أيُّ نظام ذكاء اصطناعي هذا الجواب: يكتبه شخص.",
                masked: "حُجبت معطياتك الشخصية قبل إرسالها إلى النموذج.",
                sovereign: "بقي الطلب في المغرب، على خادم سيادي.",
                stopped: "أوقفت الخدمة الأجوبة الآلية: يقرّر شخصٌ في كل طلب.",
                held: "ما يزال على شخصٍ أن يدرسه. لم يُتَّخذ أيُّ قرار بعد.",
                awaitingSecond: "درسه شخصٌ أول. ويجب على شخصٍ ثانٍ أن يؤكّده.",
                approved: ("درسه شخصٌ ووافق عليه.", "درسه شخصان ووافقا عليه."),
                amended: ("درسه شخصٌ وصحّح الجواب.", "درسه شخصان وصحّحا الجواب."),
                rejected: ("درسه شخصٌ ورفض الجواب.", "درسه شخصان ورفضا الجواب."),
                released: "لم يدرسه أيُّ شخص: هذه الخدمة لا تتطلّب ذلك.",
                reason: "السبب المقدَّم: {reason}",
                rules: "القواعد المطبَّقة: السجل العمومي، الإصدار {version}. مستوى المخاطر: {tier}.",
                rulesWithoutTier: "القواعد المطبَّقة: السجل العمومي، الإصدار {version}.",
                sources: "المصادر: {sources}.",
                inMorocco: "في المغرب", abroad: "خارج المغرب ({code})",
                tiers: [.high: "مرتفع", .limited: "محدود", .minimal: "أدنى", .prohibited: "محظور"]
            )
        case .aryArab:
            Sentences(
                intro: "هاد القرار جا من الخدمة «{name}» ديال {controller}.",
                model: "نظام ديال الذكاء الاصطناعي (النموذج {model}) وجّد الجواب، فسيرفور {where}.",
                noModel: "حتى نظام ديال الذكاء الاصطناعي ما وجّد هاد الجواب: بنادم هو اللي كيكتبو.",
                masked: "المعطيات الشخصية ديالك تخبّاو قبل ما يتصيفطو للنموذج.",
                sovereign: "الطلب بقى فالمغرب، فسيرفور مغربي.",
                stopped: "الخدمة وقّفات الأجوبة الأوتوماتيكية: بنادم كيقرّر فكل طلب.",
                held: "باقي خاص شي بنادم يشوفو. حتى حاجة ما تقرّرات دابا.",
                awaitingSecond: "شافو بنادم لول. خاص بنادم تاني يأكّدو.",
                approved: ("شافو بنادم ووافق عليه.", "شافوه جوج د الناس ووافقو عليه."),
                amended: ("شافو بنادم وصحّح الجواب.", "شافوه جوج د الناس وصحّحو الجواب."),
                rejected: ("شافو بنادم ورفض الجواب.", "شافوه جوج د الناس ورفضو الجواب."),
                released: "حتى واحد ما شافو: هاد الخدمة ما كتطلبش هادشي.",
                reason: "السبب: {reason}",
                rules: "القواعد اللي تطبّقات: السجل العمومي، النسخة {version}. مستوى الخطر: {tier}.",
                rulesWithoutTier: "القواعد اللي تطبّقات: السجل العمومي، النسخة {version}.",
                sources: "المصادر: {sources}.",
                inMorocco: "فالمغرب", abroad: "برّا المغرب ({code})",
                tiers: [.high: "عالي", .limited: "محدود", .minimal: "صغير", .prohibited: "ممنوع"]
            )
        case .aryLatn:
            Sentences(
                intro: "Had lqarar ja mn lkhidma «{name}» dyal {controller}.",
                model: "Nidam dyal dakaa istina3i (namodaj {model}) wjjed ljawab, f server {where}.",
                noModel: "7ta nidam dyal dakaa istina3i ma wjjed had ljawab: bnadem howa lli kayktbo.",
                masked: "Lme3loumat chakhsiya dyalk tkhbbaw qbel ma ytsiftou l namodaj.",
                sovereign: "Talab b9a f lmghrib, f server maghribi.",
                stopped: "Lkhidma wa99fat lajwiba l2otomatikiya: bnadem kay9errer f kol talab.",
                held: "Ba9i khass chi bnadem ychoufo. 7ta 7aja ma t9errat daba.",
                awaitingSecond: "Chafo bnadem lowel. Khass bnadem tani y2ekkdo.",
                approved: ("Chafo bnadem w wafe9 3lih.", "Chafouh jouj d nnas w wafe9ou 3lih."),
                amended: ("Chafo bnadem w sa77e7 ljawab.", "Chafouh jouj d nnas w sa77e7ou ljawab."),
                rejected: ("Chafo bnadem w rfed ljawab.", "Chafouh jouj d nnas w rfdou ljawab."),
                released: "7ta wa7ed ma chafo: had lkhidma ma katotlobch hadchi.",
                reason: "Sabab: {reason}",
                rules: "L9awa3id lli tteb9at: ssijil l3omomi, nnoskha {version}. Mostawa lkhatar: {tier}.",
                rulesWithoutTier: "L9awa3id lli tteb9at: ssijil l3omomi, nnoskha {version}.",
                sources: "Lmasader: {sources}.",
                inMorocco: "f lmghrib", abroad: "berra lmghrib ({code})",
                tiers: [.high: "3ali", .limited: "m7doud", .minimal: "sghir", .prohibited: "mamnou3"]
            )
        case .zghTfng:
            Sentences(
                intro: "ⵜⴰⵖⵜⴰⵙⵜ ⴰⴷ ⵜⵓⵛⴽⴰⴷ ⵙⴳ ⵜⵏⴰⴼⵓⵜ «{name}» ⵏ {controller}.",
                model: "ⵢⴰⵏ ⵓⵏⴰⴳⵔⴰⵡ ⵏ ⵜⵉⵖⵉⵙⵜ ⵜⴰⵔⴰⴳⵎⴰⵡⵉⵜ ⴰⵢ ⵉⵙⵡⵊⴷⵏ ⵜⵉⵔⵉⵔⵉⵜ (ⴰⵎⴷⵢⴰ {model}). ⵉⵅⴷⵎ {where}.",
                noModel: "ⵓⵔ ⵜⵙⵡⵊⴷ ⵜⵉⵖⵉⵙⵜ ⵜⴰⵔⴰⴳⵎⴰⵡⵉⵜ ⵜⵉⵔⵉⵔⵉⵜ ⴰ. ⵢⴰⵏ ⵓⴱⵏⴰⴷⵎ ⴰⵔ ⵜⵜ ⵉⵜⵜⴰⵔⵓ.",
                masked: "ⵜⵜⵓⴼⴼⵔⵏ ⵉⵙⴼⴽⴰ ⵏⵏⴽ ⵇⴱⵍ ⴰⴷ ⵜⵏ ⵢⴰⵡⵉ ⵓⵎⴷⵢⴰ.",
                sovereign: "ⵉⵇⵇⵉⵎ ⵓⵙⵓⵜⵔ ⴳ ⵍⵎⵖⵔⵉⴱ.",
                stopped: "ⵜⵙⴱⴷⴷ ⵜⵏⴰⴼⵓⵜ ⵜⵉⵔⵉⵔⵉⵏ ⵏ ⵜⵉⵖⵉⵙⵜ ⵜⴰⵔⴰⴳⵎⴰⵡⵉⵜ. ⵢⴰⵏ ⵓⴱⵏⴰⴷⵎ ⴰⵔ ⵉⵜⵜⵥⵕⴰ ⴽⵓ ⴰⵙⵓⵜⵔ.",
                held: "ⵢⴰⵏ ⵓⴱⵏⴰⴷⵎ ⴰⴷ ⵜⵜ ⵉⵥⵕ. ⵓⵔ ⵜⵜⵓⴳⴰ ⵜⵖⵜⴰⵙⵜ ⵖⵉⵍⴰ.",
                awaitingSecond: "ⵢⴰⵏ ⵓⴱⵏⴰⴷⵎ ⵉⵥⵕⴰ ⵜⵜ. ⵢⴰⵏ ⵢⴰⴹⵏ ⴰⴷ ⵜⵜ ⵉⵥⵕ ⴷⴰⵖ.",
                approved: ("ⵢⴰⵏ ⵓⴱⵏⴰⴷⵎ ⵉⵥⵕⴰ ⵜⵜ, ⵉⵇⴱⵍ ⵜⵜ.", "ⵙⵉⵏ ⵉⴱⵏⴰⴷⵎⵏ ⵥⵕⴰⵏ ⵜⵜ, ⵇⴱⵍⵏ ⵜⵜ."),
                amended: ("ⵢⴰⵏ ⵓⴱⵏⴰⴷⵎ ⵉⵥⵕⴰ ⵜⵜ, ⵉⵙⵏⴼⵍ ⵜⵉⵔⵉⵔⵉⵜ.", "ⵙⵉⵏ ⵉⴱⵏⴰⴷⵎⵏ ⵥⵕⴰⵏ ⵜⵜ, ⵙⵏⴼⵍⵏ ⵜⵉⵔⵉⵔⵉⵜ."),
                rejected: ("ⵢⴰⵏ ⵓⴱⵏⴰⴷⵎ ⵉⵥⵕⴰ ⵜⵜ, ⵢⵓⴳⵉ ⵜⵜ.", "ⵙⵉⵏ ⵉⴱⵏⴰⴷⵎⵏ ⵥⵕⴰⵏ ⵜⵜ, ⵓⴳⵉⵏ ⵜⵜ."),
                released: "ⵓⵔ ⵜⵜ ⵉⵥⵕⵉ ⵢⴰⵏ ⵓⴱⵏⴰⴷⵎ. ⵜⴰⵏⴰⴼⵓⵜ ⴰ ⵓⵔ ⵜⵔⴰ ⴰⵢⴰ.",
                reason: "ⵜⴰⵎⵏⵜⵉⵍⵜ: {reason}",
                rules: "ⵉⵍⵓⴳⴰⵏ: ⴰⵎⵓⵖ ⴰⵎⴰⵜⴰⵢ, ⵓⵟⵟⵓⵏ {version}. ⴰⵙⵡⵉⵔ: {tier}.",
                rulesWithoutTier: "ⵉⵍⵓⴳⴰⵏ: ⴰⵎⵓⵖ ⴰⵎⴰⵜⴰⵢ, ⵓⵟⵟⵓⵏ {version}.",
                sources: "ⵉⵖⴱⵓⵍⴰ: {sources}.",
                inMorocco: "ⴳ ⵍⵎⵖⵔⵉⴱ", abroad: "ⴱⵕⵕⴰ ⵉ ⵍⵎⵖⵔⵉⴱ ({code})",
                tiers: [.high: "ⴰⵎⵇⵇⵔⴰⵏ", .limited: "ⴰⵏⴰⵎⵎⴰⵙ", .minimal: "ⴰⵎⵥⵥⵢⴰⵏ", .prohibited: "ⵉⵜⵜⵓⴳⴷⵍ"]
            )
        case .berLatn:
            Sentences(
                intro: "Taɣtast ad tuckad sg tnafut «{name}» n {controller}.",
                model: "Yan unagraw n tiɣist taragmawit ay iswjdn tiririt (amdya {model}). Ixdm {where}.",
                noModel: "Ur tswjd tiɣist taragmawit tiririt a. Yan ubnadm ar tt ittaru.",
                masked: "Ttuffrn isfka nnk qbl ad tn yawi umdya.",
                sovereign: "Iqqim usutr g lmɣrib.",
                stopped: "Tsbdd tnafut tiririn n tiɣist taragmawit. Yan ubnadm ar ittẓṛa ku asutr.",
                held: "Yan ubnadm ad tt iẓṛ. Ur ttuga tɣtast ɣila.",
                awaitingSecond: "Yan ubnadm iẓṛa tt. Yan yaḍn ad tt iẓṛ daɣ.",
                approved: ("Yan ubnadm iẓṛa tt, iqbl tt.", "Sin ibnadmn ẓṛan tt, qbln tt."),
                amended: ("Yan ubnadm iẓṛa tt, isnfl tiririt.", "Sin ibnadmn ẓṛan tt, snfln tiririt."),
                rejected: ("Yan ubnadm iẓṛa tt, yugi tt.", "Sin ibnadmn ẓṛan tt, ugin tt."),
                released: "Ur tt iẓṛi yan ubnadm. Tanafut a ur tra aya.",
                reason: "Tamntilt: {reason}",
                rules: "Ilugan: amuɣ amatay, uṭṭun {version}. Aswir: {tier}.",
                rulesWithoutTier: "Ilugan: amuɣ amatay, uṭṭun {version}.",
                sources: "Iɣbula: {sources}.",
                inMorocco: "g lmɣrib", abroad: "bṛṛa i lmɣrib ({code})",
                tiers: [.high: "ameqqran", .limited: "anammas", .minimal: "amezzyan", .prohibited: "ittugdl"]
            )
        case .en:
            Sentences(
                intro: "This decision comes from the service “{name}” of {controller}.",
                model: "An AI system (model {model}) prepared the answer, on a server {where}.",
                noModel: "No AI system prepared this answer: a person writes it.",
                masked: "Your personal data was masked before it was sent to the model.",
                sovereign: "The request stayed in Morocco, on a sovereign server.",
                stopped: "The service has stopped automatic answers: a person decides every request.",
                held: "A person still has to review it. Nothing is decided yet.",
                awaitingSecond: "A first person reviewed it. A second person must confirm it.",
                approved: ("A person reviewed it and approved it.", "Two people reviewed it and approved it."),
                amended: ("A person reviewed it and corrected the answer.", "Two people reviewed it and corrected the answer."),
                rejected: ("A person reviewed it and refused the answer.", "Two people reviewed it and refused the answer."),
                released: "No person reviewed it: this service does not require it.",
                reason: "Reason given: {reason}",
                rules: "Rules applied: public registry, version {version}. Risk level: {tier}.",
                rulesWithoutTier: "Rules applied: public registry, version {version}.",
                sources: "Sources: {sources}.",
                inMorocco: "in Morocco", abroad: "outside Morocco ({code})",
                tiers: [.high: "high", .limited: "limited", .minimal: "minimal", .prohibited: "prohibited"]
            )
        }
    }

    /// What the person is told while a human decides, in their language: the `content` of a held answer.
    public static func pendingMessage(_ language: DisclosureLanguage) -> String {
        switch language {
        case .fr: "Votre demande a bien été reçue. Une personne va l’examiner et décider. Vous recevrez la réponse après cet examen."
        case .ar: "تم استلام طلبك. سيدرسه شخصٌ ويقرّر فيه. ستتوصّل بالجواب بعد هذه الدراسة."
        case .aryArab: "الطلب ديالك وصل. غادي يشوفو بنادم ويقرّر فيه. غادي يوصلك الجواب من بعد."
        case .aryLatn: "Talab dyalk wsel. Ghadi ychoufo bnadem w y9errer fih. Ghadi ywslek ljawab mn b3d."
        case .zghTfng: "ⵉⵍⴽⵎⴷ ⵓⵙⵓⵜⵔ ⵏⵏⴽ. ⵢⴰⵏ ⵓⴱⵏⴰⴷⵎ ⴰⴷ ⵜ ⵉⵥⵕ. ⴰⴷ ⴰⴽ ⵜⴰⵡⴹ ⵜⵉⵔⵉⵔⵉⵜ ⴷⴼⴼⵉⵔ ⵓⵢⴰ."
        case .berLatn: "Ilkmd usutr nnk. Yan ubnadm ad t iẓṛ. Ad ak tawḍ tiririt dffir uya."
        case .en: "Your request has been received. A person will review it and decide. You will get the answer after this review."
        }
    }

    /// What the person is told when a reviewer refused the answer (the reason follows).
    public static func refusedMessage(_ language: DisclosureLanguage, reason: String) -> String {
        let rendered = Self.sentences(language)
        func insert(_ value: String) -> String { language.isRightToLeft ? "\u{2068}\(value)\u{2069}" : value }
        return rendered.rejected.0 + " " + rendered.reason.replacing("{reason}", with: insert(reason))
    }
}
