/// Why an assessment reached its tier or control: one line per rule that matched, with its legal or framework basis.
public struct Reason: Sendable, Codable, Hashable {
    /// Stable rule id (`prohibited.social_scoring`), the row of the rule table in GOVERNANCE.md.
    public var rule: String
    public var tier: RiskTier
    public var text: LocalizedText
    /// Where the rule comes from (`Loi 09-08, art. 11`, `EU AI Act, art. 5(1)(c)`).
    public var basis: String
}

/// The outcome of the rules: a tier, every reason that contributed, and the controls the use case must apply.
public struct RiskAssessment: Sendable, Codable, Hashable {
    public var tier: RiskTier
    public var reasons: [Reason]
    public var controls: Set<Control>
    /// The answers say sensitive data is processed: CNDP authorisation, not a mere declaration, is needed.
    public var processesSensitiveData: Bool
}

/// Turns questionnaire answers into a risk tier, its reasons and its controls. Pure and total: every set of answers
/// gets a tier. The rule table (kept in step with GOVERNANCE.md, "Risk rules"):
///
/// | rule | when | tier | basis |
/// |---|---|---|---|
/// | prohibited.social_scoring | practices ∋ social_scoring | prohibited | EU AI Act art. 5(1)(c) |
/// | prohibited.realtime_remote_biometric_public | practices ∋ realtime_remote_biometric_public | prohibited | EU AI Act art. 5(1)(h); law 09-08 art. 12 |
/// | prohibited.manipulation | practices ∋ manipulation | prohibited | EU AI Act art. 5(1)(a) |
/// | prohibited.exploits_vulnerabilities | practices ∋ exploits_vulnerabilities | prohibited | EU AI Act art. 5(1)(b) |
/// | prohibited.emotion_recognition_work_education | practices ∋ emotion_recognition_work_education | prohibited | EU AI Act art. 5(1)(f) |
/// | prohibited.automated_judicial_decision | domains ∋ justice, automation = decides_alone | prohibited | law 09-08 art. 11 §1 |
/// | prohibited.automated_legal_effect | automation = decides_alone, effect = significant | prohibited | law 09-08 art. 11 §2 |
/// | high.biometric_identification | domains ∋ biometric_identification | high | EU AI Act annex III 1 |
/// | high.listed_domain | a listed domain, and effect = significant or automation = decides_alone | high | EU AI Act art. 6(2), annex III |
/// | high.sensitive_at_scale | data = sensitive, scale ≥ 100k | high | law 09-08 art. 21; CNDP risk-based framework |
/// | limited.conversation | interaction ∋ converses_with_people | limited | EU AI Act art. 50(1) |
/// | limited.generated_content | interaction ∋ generates_content_for_people or synthetic_media | limited | EU AI Act art. 50(2), 50(4) |
/// | minimal.default | nothing above | minimal | — |
/// | data.sensitive | data = sensitive (adds controls, no tier) | — | law 09-08 art. 21; decree 2-24-921 |
///
/// Controls per tier: high → human oversight, AI disclosure, content retention ≤ 90 days, quarterly evaluation,
/// sovereign hosting; limited → AI disclosure, content retention ≤ 30 days, yearly evaluation; minimal → content
/// retention ≤ 30 days; sensitive data → sovereign hosting and content retention forbidden; prohibited → none (it
/// never runs). When several apply, the strictest retention and the most frequent evaluation win.
public enum RiskRules {
    public static let highRetentionDays = 90
    public static let defaultRetentionDays = 30

    public static func assess(_ answers: Answers) -> RiskAssessment {
        var reasons: [Reason] = []
        var controls = Set<Control>()
        func add(_ rule: String, _ tier: RiskTier, _ basis: String, fr: String, ar: String, en: String) {
            reasons.append(Reason(rule: rule, tier: tier, text: LocalizedText(fr: fr, ar: ar, en: en), basis: basis))
        }

        // Prohibited practices.
        let practices = answers.practices
        if practices.contains(.socialScoring) {
            add(
                "prohibited.social_scoring",
                .prohibited,
                "EU AI Act, art. 5(1)(c)",
                fr: "La notation sociale des personnes est interdite.",
                ar: "التنقيط الاجتماعي للأشخاص ممنوع.",
                en: "Social scoring of people is prohibited."
            )
        }
        if practices.contains(.realtimeRemoteBiometricPublic) {
            add(
                "prohibited.realtime_remote_biometric_public",
                .prohibited,
                "EU AI Act, art. 5(1)(h); Loi 09-08, art. 12",
                fr: "L’identification biométrique à distance en temps réel dans l’espace public est interdite.",
                ar: "التعرّف البيومتري عن بُعد وفي الوقت الحقيقي في الفضاءات العمومية ممنوع.",
                en: "Real-time remote biometric identification in public spaces is prohibited."
            )
        }
        if practices.contains(.manipulation) {
            add(
                "prohibited.manipulation",
                .prohibited,
                "EU AI Act, art. 5(1)(a)",
                fr: "Les techniques subliminales ou manipulatrices qui altèrent le comportement des personnes sont interdites.",
                ar: "التقنيات اللاشعورية أو التلاعبية التي تُحرّف سلوك الأشخاص ممنوعة.",
                en: "Subliminal or manipulative techniques that distort people’s behaviour are prohibited."
            )
        }
        if practices.contains(.exploitsVulnerabilities) {
            add(
                "prohibited.exploits_vulnerabilities",
                .prohibited,
                "EU AI Act, art. 5(1)(b)",
                fr: "Exploiter la vulnérabilité de personnes (âge, handicap, situation sociale ou économique) est interdit.",
                ar: "استغلال هشاشة الأشخاص (السن، الإعاقة، الوضع الاجتماعي أو الاقتصادي) ممنوع.",
                en: "Exploiting people’s vulnerabilities (age, disability, social or economic situation) is prohibited."
            )
        }
        if practices.contains(.emotionRecognitionWorkEducation) {
            add(
                "prohibited.emotion_recognition_work_education",
                .prohibited,
                "EU AI Act, art. 5(1)(f)",
                fr: "La reconnaissance des émotions au travail ou à l’école est interdite.",
                ar: "التعرّف على المشاعر في مكان العمل أو في المؤسسات التعليمية ممنوع.",
                en: "Emotion recognition at work or in education is prohibited."
            )
        }
        if answers.domains.contains(.justice) && answers.automation == .decidesAlone {
            add(
                "prohibited.automated_judicial_decision",
                .prohibited,
                "Loi 09-08, art. 11, al. 1",
                fr: "Aucune décision de justice appréciant le comportement d’une personne ne peut reposer sur un traitement automatisé.",
                ar: "لا يمكن أن يستند أي قرار قضائي يتضمن تقييماً لسلوك شخص إلى معالجة آلية.",
                en: "No judicial decision assessing a person’s behaviour may rest on automated processing."
            )
        }
        if answers.automation == .decidesAlone && answers.effect == .significant {
            add(
                "prohibited.automated_legal_effect",
                .prohibited,
                "Loi 09-08, art. 11, al. 2",
                fr:
                    "Une décision produisant des effets juridiques ne peut être prise sur le seul fondement d’un traitement automatisé : une personne doit décider.",
                ar: "لا يمكن اتخاذ قرار يرتّب آثاراً قانونية بناءً على معالجة آلية وحدها: يجب أن يتخذ القرارَ شخصٌ.",
                en: "A decision with legal effects may not rest on automated processing alone: a person must decide."
            )
        }

        // High risk.
        if answers.domains.contains(.biometricIdentification) {
            add(
                "high.biometric_identification",
                .high,
                "EU AI Act, annexe III, 1",
                fr: "L’identification biométrique des personnes est à haut risque.",
                ar: "تحديد هوية الأشخاص بالمعطيات البيومترية عالي المخاطر.",
                en: "Biometric identification of people is high-risk."
            )
        }
        let listed = answers.domains.subtracting([.biometricIdentification])
        if !listed.isEmpty && (answers.effect == .significant || answers.automation == .decidesAlone) {
            let names = listed.map(\.rawValue).sorted().joined(separator: ", ")
            add(
                "high.listed_domain",
                .high,
                "EU AI Act, art. 6(2) et annexe III",
                fr: "Le système intervient dans un domaine sensible (\(names)) avec un effet important sur les personnes ou sans décision humaine.",
                ar: "يعمل النظام في مجال حساس (\(names)) بأثر كبير على الأشخاص أو دون قرار بشري.",
                en: "The system works in a listed domain (\(names)) with a significant effect on people or without a human decision."
            )
        }
        if answers.data == .sensitive && answers.scale >= .hundredThousandToMillion {
            add(
                "high.sensitive_at_scale",
                .high,
                "Loi 09-08, art. 21; cadre de la CNDP fondé sur les risques",
                fr: "Des données sensibles sont traitées à grande échelle (100 000 personnes ou plus par an).",
                ar: "تُعالَج معطيات حساسة على نطاق واسع (100000 شخص أو أكثر في السنة).",
                en: "Sensitive data is processed at large scale (100,000 people or more a year)."
            )
        }

        // Limited risk: transparency.
        if answers.interaction.contains(.conversesWithPeople) {
            add(
                "limited.conversation",
                .limited,
                "EU AI Act, art. 50(1)",
                fr: "Le système dialogue avec des personnes : elles doivent savoir qu’elles échangent avec une IA.",
                ar: "يتحاور النظام مع الأشخاص: يجب أن يعلموا أنهم يتواصلون مع نظام ذكاء اصطناعي.",
                en: "The system converses with people: they must know they are dealing with an AI."
            )
        }
        if !answers.interaction.isDisjoint(with: [.generatesContentForPeople, .syntheticMedia]) {
            add(
                "limited.generated_content",
                .limited,
                "EU AI Act, art. 50(2) et 50(4)",
                fr: "Le système produit des contenus destinés à des personnes : ils doivent être signalés comme générés par une IA.",
                ar: "يُنتج النظام محتويات موجّهة إلى الأشخاص: يجب الإشارة إلى أنها من إنتاج الذكاء الاصطناعي.",
                en: "The system produces content for people: it must be marked as AI-generated."
            )
        }

        let tier = reasons.map(\.tier).max() ?? .minimal
        if reasons.isEmpty {
            add(
                "minimal.default",
                .minimal,
                "—",
                fr: "Aucune règle de risque ne s’applique : risque minimal.",
                ar: "لا تنطبق أي قاعدة من قواعد المخاطر: مخاطر دنيا.",
                en: "No risk rule applies: minimal risk."
            )
        }

        switch tier {
        case .prohibited: break
        case .high:
            controls.formUnion([
                .humanOversight, .aiDisclosure, .contentRetention(.atMostDays(Self.highRetentionDays)), .evaluation(.quarterly), .sovereignHosting,
            ])
        case .limited:
            controls.formUnion([.aiDisclosure, .contentRetention(.atMostDays(Self.defaultRetentionDays)), .evaluation(.yearly)])
        case .minimal:
            controls.insert(.contentRetention(.atMostDays(Self.defaultRetentionDays)))
        }
        // A high-risk system that also talks to people is disclosed like a limited one; sensitive data adds its own
        // controls to any tier that may run.
        if tier != .prohibited && answers.data == .sensitive {
            controls.formUnion([.sovereignHosting, .contentRetention(.forbidden)])
            add(
                "data.sensitive",
                tier,
                "Loi 09-08, art. 21; décret 2-24-921",
                fr: "Des données sensibles sont traitées : autorisation préalable de la CNDP, hébergement au Maroc, aucun contenu conservé.",
                ar:
                    "تُعالَج معطيات حساسة: إذن مسبق من اللجنة الوطنية لمراقبة حماية المعطيات ذات الطابع الشخصي، واستضافة بالمغرب، وعدم الاحتفاظ بأي محتوى.",
                en: "Sensitive data is processed: prior CNDP authorisation, hosting in Morocco, no content kept."
            )
        }
        return RiskAssessment(tier: tier, reasons: reasons, controls: controls.normalised(), processesSensitiveData: answers.data == .sensitive)
    }

    /// The questions whose change sends an approved assessment back to review. Any change to what the system does,
    /// where, how autonomously, with what effect, on which data or how it reaches people is material; a change of
    /// scale alone is material only when it changes the tier or the controls.
    public static func materialChanges(from old: Answers, to new: Answers) -> [QuestionID] {
        var changed: [QuestionID] = []
        if old.practices != new.practices { changed.append(.practices) }
        if old.domains != new.domains { changed.append(.domains) }
        if old.automation != new.automation { changed.append(.automation) }
        if old.effect != new.effect { changed.append(.effect) }
        if old.data != new.data { changed.append(.data) }
        if old.scale != new.scale {
            var rescaled = old
            rescaled.scale = new.scale
            let before = Self.assess(old)
            let after = Self.assess(rescaled)
            if before.tier != after.tier || before.controls != after.controls { changed.append(.scale) }
        }
        if old.interaction != new.interaction { changed.append(.interaction) }
        return changed
    }
}
