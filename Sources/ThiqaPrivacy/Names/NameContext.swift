/// Context words around personal names, in French, Arabic, Darija (both scripts), Amazigh (Tifinagh and Latin)
/// and English. Their cue bits sit high in `Cue` so that they never collide with the identifier cues.
extension Cue {
    /// A kinship or neighbourhood term: "ma mère", "wldi", "ابني", "ⵢⵉⵍⵍⵉ", "my husband".
    static let kinship = Cue(rawValue: 1 << 24)
    /// A self-introduction that also introduces things other than names: "je suis", "I am", "أنا", "nekk d".
    static let weakIntro = Cue(rawValue: 1 << 25)
    /// A closing formula before a signature: "Cordialement", "شكرا", "tanmmirt", "Best regards".
    static let signOff = Cue(rawValue: 1 << 26)
    /// A building, street or institution named after a person: "Lycée", "Boulevard", "مستشفى", "ⵜⴰⵙⴷⴰⵡⵉⵜ".
    static let namedPlace = Cue(rawValue: 1 << 27)
    /// A place or organisation word that follows the name in English order: "Mohammed V Airport", "Amal Association".
    static let namedPlaceAfter = Cue(rawValue: 1 << 28)
    /// A product or shop word before a brand that is also a name: "confiture Aïcha", "ماء سيدي علي", "chrit".
    static let product = Cue(rawValue: 1 << 29)
    /// An honorific that stays outside the name: "Si", "Lalla", "الحاج", "Hajj"; "Sidi" and "Moulay" are kept inside.
    static let honorific = Cue(rawValue: 1 << 30)
}

enum NameContext {
    static let cuePhrases: [(String, Cue)] =
        Self.words(.kinship, """
            ma mere|mon pere|mon fils|ma fille|mon mari|ma femme|mon epouse|mon epoux|son epouse|son epoux|son mari|sa femme|\
            mon frere|ma soeur|ma sœur|mon oncle|ma tante|mon grand-pere|ma grand-mere|mon grand pere|ma grand mere|mon cousin|\
            ma cousine|mon neveu|ma niece|mon beau-pere|ma belle-mere|ma belle-soeur|ma belle-sœur|mon beau-frere|mon voisin|\
            ma voisine|notre voisin|notre voisine|mon ami|mon amie|mon collegue|ma collegue|ma maman|mon papa|mon petit-fils|\
            ma petite-fille|mon petit frere|ma petite soeur|ma petite sœur|mon grand frere|ma grande soeur|ma grande sœur|\
            mon frere aine|ma soeur ainee|mon fils aine|ma fille ainee|son fils|sa fille|sa mere|son pere|la mere de|le pere de|la soeur de|la sœur de|le frere de|le fils de|\
            la fille de|l'epouse de|le mari de|la femme de|notre fils|notre fille|mon defunt pere|ma defunte mere|\
            my mother|my father|my son|my daughter|my husband|my wife|my brother|my sister|my uncle|my aunt|my grandfather|\
            my grandmother|my grandson|my granddaughter|my cousin|my neighbour|my neighbor|our neighbour|our neighbor|my friend|\
            my colleague|my mom|my mum|my dad|my nephew|my niece|her son|her daughter|his son|his daughter|his wife|her husband|\
            our son|our daughter|my late father|my late mother|my little brother|my little sister|my big brother|\
            my big sister|my older brother|my older sister|my younger brother|my younger sister|my elder brother|\
            my elder sister|my eldest son|my eldest daughter|my youngest son|my youngest daughter|\
            mama|mamma|mma|mmi|mimti|baba|bba|wldi|weldi|wlidi|bnti|benti|khoya|khouya|khay|khti|khetti|rajli|mrati|3ammi|3emmi|\
            3amti|3emti|khali|khalti|jddi|jedi|jaddi|jadda|jddti|jedda|sa7bi|sahbi|sa7bti|sahbti|jari|jarti|jaratna|jarna|\
            lwalida|lwalda|lwalid|lwalid dyali|lwalida dyali|\
            والدتي|والدي|أمي|امي|أبي|ابي|ابني|بنتي|ابنتي|زوجي|زوجتي|أخي|اخي|أختي|اختي|عمي|عمتي|خالي|خالتي|جدي|جدتي|حفيدي|حفيدتي|\
            جاري|جارتي|جارنا|جارتنا|صديقي|صديقتي|ابنه|ابنها|زوجته|زوجها|ابنته|ابنتها|والدته|والده|\
            مي|ماما|بابا|ولدي|خويا|ختي|راجلي|مرتي|صاحبي|صاحبتي|الواليد|الوالدة|الوالد|\
            ⵢⵉⵎⵎⴰ|ⵉⵎⵎⵉ|ⵉⵎⵎⴰ|ⴱⴰⴱⴰ|ⴱⴰⴱⴰ ⵉⵏⵓ|ⵢⵉⵍⵍⵉ|ⵉⵍⵍⵉ|ⵉⵡⵉ|ⴳⵯⵎⴰ|ⴳⵎⴰ|ⵓⵍⵜⵎⴰ|ⴰⵔⴳⴰⵣ ⵉⵏⵓ|ⵜⴰⵎⵖⴰⵔⵜ ⵉⵏⵓ|ⴷⴰⴷⴰ|\
            yimma|immi|imma|yelli|yilli|illi|iwi|gma|gʷma|ultma|argaz inu|tamɣart inu|tamghart inu|dada|baba inu|\
            ⵢⵉⵡⵉ|ⵉⵡⵉⵙ|ⵢⵉⵍⵍⵉⵙ|ⵉⵍⵍⵉⵙ|ⴰⵎⴷⴷⴰⴽⴽⵯⵍ|ⴰⵎⴷⴷⴰⴽⴽⵍ|ⵜⴰⵎⴷⴷⴰⴽⴽⵯⵍⵜ|ⵜⴰⴷⴳⴳⵯⴰⵍⵜ|ⴰⴷⵓⴳⴳⵯⴰⵍ|ⵓⵍⵜⵎⴰⵙ|ⴳⵯⵎⴰⵙ|ⵉⵎⵎⴰⵙ|ⴱⴰⴱⴰⵙ|ⵄⵎⵎⵉ|ⵅⴰⵍⵉ|\
            ⵜⴰⵔⵡⴰ ⵉⵏⵓ|ⴰⵔⵔⴰⵡ ⵉⵏⵓ|ⵜⴰⵡⵊⵊⴰ ⵉⵏⵓ|\
            ⵢⵎⵎⴰ|ⵎⵎⵉ|ⵢⴻⵎⵎⴰ|ⴰⵢⵜⵎⴰ|ⵉⵙⵜⵎⴰ|ⴰⵢⵜⵎⴰⵙ|ⵜⴰⵎⴷⴷⴰⴽⴽⵍⵜ|ⵜⴰⵎⴷⴰⴽⴽⵯⵍⵜ|yemma|yma|aytma|istma|\
            tamddakkult|tamddakkwlt|tamdakkwlt|tamdakult|\
            الولد ديالي|البنت ديالي|الراجل ديالي|المرا ديالي|الدراري ديالي|lweld dyali|lbent dyali|rajel dyali|lmra dyali|\
            مراتي|وليدي|وليدتي|الوليدة|الواليدة|راجلها|مرتو|مراتو|ولدو|بنتو|خوها|ختو|rajelha|mrato|weldo|bento|khoha|\
            yiwi|iwis|yillis|illis|amddakkʷl|amddakkwl|amddakkul|tamddakkʷlt|tadggʷalt|tadggwalt|aduggʷal|adggʷal|ultmas|gʷmas|\
            immas|babas|ɛmmi|3mmi|ɛemmi|Ɛemmi|Ɛmmi|tarwa inu|arraw inu|\
            الجار|الجاره|جيراننا|ولادي|اولادي|أولادي|ابنائي|أبنائي|بناتي|wladi|wlidati|drari dyali|\
            mes enfants|mes fils|mes filles|nos enfants|my children|my kids|my sons|my daughters|\
            mes petits-enfants|mes petits enfants|nos petits-enfants|mes neveux|mes nieces|mes freres|mes soeurs|mes sœurs|\
            my grandchildren|my brothers|my sisters|احفادي|أحفادي|اخوتي|إخوتي|اخواتي|أخواتي|خوتي|خواتاتي|\
            الام|الاب|الزوج|الزوجه|الولي
            """)
        // "The person concerned", which forms introduce a name with: "المعني بالأمر: عبد الواحد المودن".
        + Self.words(.personIntro, "المعني بالامر|المعنيه بالامر|المعني بالأمر|المعنية بالأمر|l'interesse|l'interessee|l interesse|l interessee")
        + Self.words(.weakIntro, "je suis|c'est|c est|i am|i'm|this is|it's|أنا|انا|ana hiya|ana howa|ⵏⴽⴽⵉ ⴷ|nekki d|nkki d|nekkin d")
        // On the phone: "معاكم نوفل من مكناس", "m3ak Salma" ("with you is …").
        + Self.words(.weakIntro, "معاك|معاكم|معاكي|m3ak|m3akom|m3akoum|m3aki")
        + Self.words(.signOff, """
            cordialement|bien cordialement|bien a vous|salutations|sinceres salutations|merci|merci beaucoup|merci d'avance|\
            merci bzaf|je vous remercie|regards|best regards|kind regards|best|sincerely|thanks|thank you|cheers|\
            chokran|choukran|shukran|chokrane|شكرا|شكرا جزيلا|شكرا بزاف|مع التحية|مع خالص التحية|مع خالص الشكر|تحياتي|والسلام|\
            tanmmirt|tanemmirt|ⵜⴰⵏⵎⵎⵉⵔⵜ|veuillez agreer|salutations distinguees|respectueusement|bien respectueusement|\
            dans l'attente|en vous remerciant|yours faithfully|yours sincerely|sincerely yours|best wishes|warm regards|\
            with thanks|bslama|b slama|beslama|مع السلامة|بالتوفيق|مع فائق الاحترام|مع فائق التقدير|\
            مع فائق التقدير والاحترام|تقبلوا فائق الاحترام|فائق الاحترام|مع التقدير|مع خالص التقدير|ar timlilt|ⴰⵔ ⵜⵉⵎⵍⵉⵍⵜ|\
            الله يحفظك|الله يحفظكم|الله يخليك|الله يخليكم|الله يجازيك بخير|جزاك الله خيرا|بارك الله فيك|\
            lah y7fdek|lah ykhlik|allah y7fdek|allah ykhlik|lah yjazik bkhir|barak allah fik|ayyuz|ⴰⵢⵢⵓⵣ|\
            ⵜⵏⵎⵎⵉⵔⵜ|tnmmirt|tenmirt|tanmirt|tnemmirt|tanemmirt
            """)
        + Self.words(.namedPlace, """
            boulevard|bd|blvd|avenue|av|rue|zankat|zanqa|zenqa|znqa|zan9a|zan9at|derb|place|lycee|college|ecole|hopital|chu|\
            clinique|aeroport|universite|faculte|fac|mosquee|stade|complexe|institut|fondation|prix|gare|hay|quartier|cite|\
            residence|lotissement|jardin|parc|bibliotheque|salle|musee|centre|theatre|pont|port|tour|bab|douar|hotel|\
            association|riad|dar|ksar|kasbah|jnane|jnan|souk|fondouk|zaouia|jamaa|moussem|lquartier|lhay|l7ay|\
            lboulevard|lmadrasa|lmostachfa|patisserie|boulangerie|librairie|epicerie|magasin|boutique|snack|cafe|restaurant|salon|hammam|\
            pharmacie|pressing|garage|lac|barrage|oued|vallee|plage|village|commune|province|region|\
            roi|prince|princesse|king|prophet|prophete|majeste|sbitar|jami3a|tasdawit|aɣaras|agharas|azniq|asbitar|usbitar|tinml|\
            شارع|زنقة|درب|حي|ساحة|ثانوية|إعدادية|اعدادية|مدرسة|مستشفى|سبيطار|مصحة|مطار|جامعة|كلية|مسجد|ملعب|مركب|معهد|مؤسسة|\
            جائزة|محطة|مكتبة|سوق|السوق|سد|بحيرة|وادي|قرية|مدينة|قاعة|متحف|مركز|حديقة|ضريح|زاوية|باب|عمالة|إقامة|تجزئة|جمعية|الملك|الامير|الاميرة|سيدنا|النبي|الرسول|\
            ⴰⵖⴰⵔⴰⵙ|ⵜⴰⵙⴷⴰⵡⵉⵜ|ⴰⵙⴱⵉⵟⴰⵔ|ⵓⵙⴱⵉⵟⴰⵔ|ⴰⵣⵏⵉⵇ|ⴰⵖⵔⴱⴰⵣ|ⵓⵖⵔⴱⴰⵣ|ⵜⵉⵏⵎⵍ|ⵜⵉⵏⵎⵍⵜ|ⴰⵙⵏⵓⴱⴳ|ⵓⵙⵏⵓⴱⴳ|\
            المدرسه|الفندق|فندق|الحمام|حمام|للحمام|الضريح|المقهى|مقهى|darih|ldarih|\
            صيدليه|الصيدليه|لصيدليه|فصيدليه|فارماسي|الفارماسي|لفارماسي|محل|المحل|حانوت|الحانوت|مخبزه|المخبزه|مطعم|المطعم|\
            شركه|الشركه|لمقهى|فمقهى|لسبيطار|فسبيطار|لمدرسه|فمدرسه|لمستشفى|فمستشفى|سوره|السوره|\
            ⵉⵖⵔⵎ|ⵉⵖⵔⵎⴰⵏ|ⵜⵉⵖⵔⵎⵜ|ighrem|ighrm|iɣrem|iɣrm|ⴰⵙⵓⵇ|ⵓⵙⵓⵇ|asuq|usuq|ⵜⴰⵎⴷⵉⵏⵜ|ⵜⵎⴷⵉⵏⵜ|tamdint|tmdint|ⵜⴰⵎⵣⴳⵉⴷⴰ|tamzgida|\
            ⴰⴱⵔⵉⴷ|ⵓⴱⵔⵉⴷ|abrid|ubrid|ⵜⴰⵇⴱⵉⵍⵜ|ⵜⵇⴱⵉⵍⵜ|taqbilt|tqbilt|ⵉⵖⵣⵔ|ⵓⵖⵣⵔ|iɣzr|ighzr
            """)
        + Self.words(.namedPlaceAfter, """
            boulevard|avenue|street|road|airport|university|hospital|mosque|stadium|school|foundation|district|square|bridge|\
            station|library|college|institute|association|assurance|assurances|bank|banque|group|groupe|hotel|market|club|\
            travaux|transport|pharmacie|jam|water|company|center|centre|high school|tower|kasbah|palace|garden|park|gate|\
            museum|beach|cafe|restaurant|shop|store|clinic|pharmacy|mall|hall|cinema|madrasa|medersa|lake|dam|valley|gorges|oasis
            """)
        + Self.words(.product, """
            confiture|conserves|eau|lait|marque|produits|produit|rayon|promo|promotion|water|brand|chrit|achete|acheté|bought|ماء|حليب|شريت|اشتريت|ماركة
            """)
        + Self.words(.honorific, "si|ssi|السي|lalla|lhaj|lhajj|l7aj|hajj|hadj|haj|hajja|hajja|سي|الحاج|الحاجة|الحاجه|لالة|ⵍⴰⵍⵍⴰ|ⵍⵍⴰ|ⴷⴷⴰ|lla|dda")
        // Jobs written before a name like a title ("المعلمة سميرة", "lmudir Hassan"): only a known given name may
        // follow, so "المدير الجهوي" stays a job.
        + Self.words(.honorific, """
            المعلم|المعلمه|الاستاذه|الممرض|الممرضه|الطبيب|الطبيبه|الدكتوره|المدير|المديره|القايد|المقدم|المقدمه|\
            الموظف|الموظفه|للموظف|للموظفه|المحامي|المحاميه|القاضي|القاضيه|الضابط|الشاهد|الشاهده|المهندس|المهندسه|\
            السائق|الحارس|الموثق|العون|الطفل|الطفله|للاستاذ|للاستاذه|للطبيب|للطبيبه|\
            للمعلم|للمعلمه|للمدير|للمديره|للمحامي|lostad|l'ostad|ostad|lmoudir|lmodir|lmoudira|chef|lchef|\
            aselmad|taselmadt|\
            lmou3allim|lmou3alima|lmo3alima|lostada|ostada|lmudir|lmudira|lmdir|lqayd|l9ayd|lmqqdem|lmo9adem|\
            ⴰⵙⵍⵎⴰⴷ|ⵜⴰⵙⵍⵎⴰⴷⵜ|aslmad|taslmadt
            """)

    private static func words(_ cue: Cue, _ list: String) -> [(String, Cue)] {
        list.split(separator: "|").map { (String($0).trimmingSpaces, cue) }
    }

    /// Second words that make "Sidi …", "Moulay …", "Ait …", "Lalla …" a town, a district, a tribe or a brand rather
    /// than a person: Sidi Ali (water), Sidi Moumen, Moulay Idriss, Ait Melloul, Lalla Takerkoust.
    static let placeSecondWords = WordSet(
        """
        ali harazem moumen maarouf bernoussi kacem slimane ifni bennour yahya othmane rahal bouzid allal bibi belyout \
        bouknadel taibi abed idriss yacoub yaacoub bousselham rachid abdellah ismail melloul ourir baamrane benhaddou atta \
        iaaza amira takerkoust mimouna meryem baha attab ishaq bouguemez faska yadine sedrate ouallal hani yacout yaqout \
        علي حرازم مومن معروف البرنوصي قاسم سليمان افني بنور يحيى عثمان رحال بوزيد علال ادريس يعقوب بوسلهام رشيد عبد ملول اورير \
        باعمران بنحدو باها اعزى اعميرة عتاب اسحاق بوكماز تكركوست ميمونة ياقوت \
        ⵎⵍⵍⵓⵍ ⴱⴰⵄⵎⵔⴰⵏ ⵓⵔⵉⵔ ⴱⵏⵃⴷⴷⵓ ⵄⵟⵟⴰ ⴱⴰⵀⴰ
        """.split(whereSeparator: { $0 == " " || $0 == "\n" }).flatMap { Lexicon.keys(of: String($0)) }
    )

    /// Second words that make "Ben …" (or "Ait Ben …") a town, a district or a monument rather than a family name:
    /// Ben Slimane, Ben Guerir, Ben M'sik, Ait Ben Haddou. Only when "Ben" opens the phrase: "Karim Ben Slimane" is a person.
    static let benPlaceWords = WordSet(
        """
        slimane sliman guerir gurir msik karrich smim taieb haddou ahmed \
        سليمان جرير امسيك مسيك كريش الطيب حدو احمد \
        ⵙⵍⵉⵎⴰⵏ ⴳⵔⵉⵔ ⵃⴷⴷⵓ
        """.split(whereSeparator: { $0 == " " || $0 == "\n" }).flatMap { Lexicon.keys(of: String($0)) }
    )

    /// Particles that open a "Ben …" place: ben, bni, بن, بني, ⴱⵏ.
    static let benWords: WordSet = ["ben", "bni", "بن", "بني", "ⴱⵏ"]

    /// Adjectives between a kinship word and the name: "ولدي الصغير يوسف", "khoya sghir Amine", "ختي الكبيرة نادية".
    static let kinshipAdjectives = WordSet(
        """
        sghir sghira kbir kbira sghar kbar zghir zghira lkbir lkbira sseghir \
        الصغير الصغيره الكبير الكبيره الاصغر الاكبر الصغرى الكبرى البكر العزيز العزيزه \
        ⴰⵎⵥⵥⵢⴰⵏ ⵜⴰⵎⵥⵥⵢⴰⵏⵜ ⵜⴰⵎⵣⵣⵢⴰⵏⵜ ⵜⴰⵎⵥⵢⴰⵏⵜ ⵜⴰⵎⵣⵢⴰⵏⵜ ⴰⵎⵥⵢⴰⵏ ⵜⴰⵎⵇⵔⴰⵏⵜ ⴰⵎⵇⵔⴰⵏ tamẓẓyant tamzzyant tamqrant
        """.split(whereSeparator: { $0 == " " || $0 == "\n" }).flatMap { Lexicon.keys(of: String($0)) }
    )

    /// Words that open "Sidi …", "Moulay …", "Ait …", "Lalla …" phrases.
    static let placeFirstWords: WordSet = [
        "sidi", "moulay", "ait", "lalla", "سيدي", "مولاي", "ايت", "لالة", "للا", "ⴰⵢⵜ", "ⵍⴰⵍⵍⴰ", "ⵍⵍⴰ", "ⵙⵉⴷⵉ", "ⵎⵓⵍⴰⵢ",
        // Glued to a Darija preposition: "مشينا لسيدي عبد الرحمان", "فمولاي يعقوب".
        "لسيدي", "فسيدي", "بسيدي", "لمولاي", "فمولاي", "بمولاي",
    ]

    /// "Sidi" and "Moulay", also glued to a preposition: before a given name and no family name, a saint or his shrine.
    static let saintWords: WordSet = [
        "sidi", "moulay", "سيدي", "مولاي", "ⵙⵉⴷⵉ", "ⵎⵓⵍⴰⵢ", "لسيدي", "فسيدي", "بسيدي", "لمولاي", "فمولاي", "بمولاي",
    ]

    /// Given names of kings (a regnal number after them, even written in digits, names a king or a street).
    static let royalNames: WordSet = [
        "mohammed", "mohamed", "hassan", "youssef", "ismail", "abdellah", "rachid", "محمد", "الحسن", "حسن", "يوسف", "ⵎⵓⵃⵎⵎⴷ",
    ]

    /// Possessives that may sit between a kinship word and the name ("jadda dyali Yamna", "ⴱⴰⴱⴰ ⵉⵏⵓ").
    static let possessives: WordSet = ["dyali", "diali", "dyalna", "ديالي", "ديالنا", "inu", "nnu", "ⵉⵏⵓ", "ⵏⵏⵓ", "nnek", "nnes", "ⵏⵏⵙ"]
}

extension String {
    fileprivate var trimmingSpaces: String {
        var s = Substring(self)
        while s.first == " " || s.first == "\n" { s.removeFirst() }
        while s.last == " " || s.last == "\n" { s.removeLast() }
        return String(s)
    }
}
