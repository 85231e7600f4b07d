import ThiqaRights

/// What the person reads about their case, in the case's language: French, Arabic, Darija in both scripts, Amazigh
/// in Tifinagh, English. Staff messages are shown as written; these sentences say where the case stands.
enum RightsNotices {
    static func caseState(_ state: CaseState, language: String) -> String {
        let texts: [CaseState: [String: String]] = [
            .received: [
                "fr": "Votre contestation a été reçue. Une personne l'examinera avant la date limite indiquée.",
                "ar": "تم استلام اعتراضكم. سيدرسه موظف قبل الأجل المحدد.",
                "ary-Arab": "توصلنا بالاعتراض ديالك. غادي يشوفو شي واحد من الموظفين قبل الأجل لي مكتوب.",
                "ary-Latn": "Twsselna b l3tirad dyalek. Ghadi ychoufou chi wa7ed mn lmouwaddafin 9bel l2ajal li mktoub.",
                "zgh-Tfng": "ⵏⵓⵎⵥ ⴰⵙⵏⵎⴳⵔ ⵏⵏⴽ. ⴰⴷ ⵜ ⵉⵙⴼⵔⵓ ⵢⴰⵏ ⵓⵎⵙⵡⵓⴷⴷⵓ ⵇⴱⵍ ⴰⵣⵎⵣ ⵉⵜⵜⵓⵙⵎⵍⵏ.",
                "en": "Your contestation has been received. A person will examine it before the deadline shown.",
            ],
            .underReview: [
                "fr": "Votre contestation est en cours d'examen par un agent.",
                "ar": "اعتراضكم قيد الدراسة من طرف موظف.",
                "ary-Arab": "الاعتراض ديالك كيتشاف دابا عند موظف.",
                "ary-Latn": "L3tirad dyalek kaytchaf daba 3end mouwaddaf.",
                "zgh-Tfng": "ⴰⵙⵏⵎⴳⵔ ⵏⵏⴽ ⵉⵜⵜⵓⵙⴼⵔⵓ ⵖⵔ ⵢⴰⵏ ⵓⵎⵙⵡⵓⴷⴷⵓ.",
                "en": "Your contestation is being examined by a member of staff.",
            ],
            .upheld: [
                "fr": "Après examen, la décision contestée est maintenue. L'explication figure dans les messages.",
                "ar": "بعد الدراسة، تقرر الإبقاء على القرار المعترض عليه. التوضيح موجود في الرسائل.",
                "ary-Arab": "من بعد ما تشاف، القرار بقى كيف ما كان. الشرح كاين فالرسائل.",
                "ary-Latn": "Mn b3d ma tchaf, l9arar b9a kif ma kan. Ch-charh kayn f rrasa2il.",
                "zgh-Tfng": "ⴷⴼⴼⵉⵔ ⵜⵙⴼⵔⵓⵜ, ⵜⴰⴳⵣⵣⵓⵎⵜ ⵜⵇⵇⵉⵎ ⴰⵎⵎ ⵜⵍⵍⴰ. ⴰⵙⵎⴽⵜⵉ ⵉⵍⵍⴰ ⴳ ⵜⵓⵣⵉⵏⵉⵏ.",
                "en": "After examination, the contested decision stands. The explanation is in the messages.",
            ],
            .overturned: [
                "fr": "Après examen, la décision contestée est annulée et remplacée. L'explication figure dans les messages.",
                "ar": "بعد الدراسة، تم إلغاء القرار المعترض عليه وتعويضه. التوضيح موجود في الرسائل.",
                "ary-Arab": "من بعد ما تشاف، القرار تلغى وتبدل. الشرح كاين فالرسائل.",
                "ary-Latn": "Mn b3d ma tchaf, l9arar tlgha w tbeddel. Ch-charh kayn f rrasa2il.",
                "zgh-Tfng": "ⴷⴼⴼⵉⵔ ⵜⵙⴼⵔⵓⵜ, ⵜⴰⴳⵣⵣⵓⵎⵜ ⵜⵜⵓⵙⵔⴷ ⴷ ⵜⵜⵓⵙⵏⴼⵍ. ⴰⵙⵎⴽⵜⵉ ⵉⵍⵍⴰ ⴳ ⵜⵓⵣⵉⵏⵉⵏ.",
                "en": "After examination, the contested decision has been overturned and replaced. The explanation is in the messages.",
            ],
            .closed: [
                "fr": "Ce dossier est clos.",
                "ar": "تم إغلاق هذا الملف.",
                "ary-Arab": "هاد الملف تسد.",
                "ary-Latn": "Had lmalaf tsedd.",
                "zgh-Tfng": "ⴰⴼⴰⵢⵍⵓ ⴰⴷ ⵉⵜⵜⵓⵔⴳⵍ.",
                "en": "This case is closed.",
            ],
        ]
        let byLanguage = texts[state] ?? [:]
        return byLanguage[language] ?? byLanguage["fr"] ?? state.rawValue
    }

    static func direction(_ language: String) -> String { language == "ar" || language == "ary-Arab" ? "rtl" : "ltr" }
}
