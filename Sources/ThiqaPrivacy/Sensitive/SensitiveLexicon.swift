/// Word lists of the sensitive-data detector, in French, Arabic, Darija (Arabic script and Arabizi), Amazigh
/// (Tifinagh and Latin) and English. Entries are separated by `|`; an entry with spaces is a phrase (consecutive
/// words); an entry ending in `*` matches every word that starts with it (at least 4 letters). Words are compared
/// folded (lower case, no accents, Arabic alef, yeh and teh marbuta unified); Arabic words also match after a
/// leading conjunction, preposition or article and before a possessive suffix, Darija Latin words after a glued
/// article (`l7bs`, `lmard`), Amazigh nouns in the annexed state (`uṭṭan` for `aṭṭan`).
///
/// A *fact* term by itself says something about a person's condition, practice or status (a diagnosis, a
/// treatment, a conversion, "convicted"); a *topic* term is vocabulary that procedural questions use as much as
/// personal ones (hospital, strike, prison, party, fingerprints). The model weighs both against the cues that tie
/// them to a person and those that make the message procedural.
enum SensitiveLexicon {
    static let facts: [SensitiveCategory: String] = [
        .health: """
        lhandikap|lhandicap|ⵍⵀⴰⵏⴷⵉⴽⴰⴱ|akursi n idarn|ⴰⴽⵓⵔⵙⵉ ⵏ ⵉⴹⴰⵔⵏ|dyaliz|ddyaliz|ⴷⵢⴰⵍⵉⵣ|lfacl lklawi|lklawi|ⵍⴽⵍⴰⵡⵉ|autiste|autistic|ⴽⵉⵎⵢⵓ|kimyu|ⵛⵉⵎⵢⵓ|ⵜⵓⴹⵏ|ⵉⵓⴹⵏ|ⵢⵓⴹⵏ|ⵓⴹⵏⵖ|tuḍn|iuḍn|yuḍn|uḍnɣ|ⵉⵎⵓⴹⴰⵏ|imuḍan|ⵜⴰⴷⵉⵙⵜ|tadist|\
        diabet*|diabetique|cancer*|tumeur*|leucemie|chimio*|radiotherapie|seropositi*|vih|sida|antiretrovira*|tritherapie|\
        hepatite*|dialys*|insuffisance renale|insuffisance cardiaque|asthm*|epilep*|depression|depressi*|burn out|burnout|\
        schizophren*|bipolaire|psychiatr*|psychotique|autis*|handicap*|invalidite|paralys*|hemipleg*|antidepresseur*|antidepressant*|fauteuil roulant|aveugle|\
        malvoyant*|sourd|sourde|malentendant*|enceinte|grossesse|accouch*|fausse couche|infarctus|avc|crise cardiaque|alzheimer|\
        dementi*|demence|parkinson|sclerose|scleros*|maladie|maladies|malade|malades|hospitalis*|opere|operee|chirurgie|chirurgical*|greffe|\
        insuline|traitement|medicament*|ordonnance|arret maladie|conge maladie|chronique|tuberculose|anorexi*|boulimi*|\
        addiction|toxicoman*|alcoolique|alcoolisme|mastectomie|brulure|brule|brulee|fracture|blesse|blessee|diagnostiqu*|souffre|\
        allergi*|migraine*|hypertension|cholesterol|thyroide|lupus|myopathie|ampute*|prothese|appareil auditif|cardiaque|\
        diabetes|tumour|tumor|leukaemia|leukemia|chemotherapy|radiotherapy|hiv|aids|antiretroviral*|arvs|hepatitis|dialysis|\
        kidney failure|heart failure|asthma|depressed|anxiety|schizophreni*|bipolar|psychiatric|psychiatrist|psychotic|\
        autistic|autism|disabilit*|disabled|wheelchair|blind|deaf|pregnant|pregnancy|miscarriage|gave birth|heart attack|stroke|\
        dementia|parkinson s|sclerosis|illness|sick|disease|hospitalised|hospitalized|surgery|transplant|insulin|treatment|\
        medication|prescription|sick leave|chronic|tuberculosis|anorexia|addicted|alcoholic|burns|skin condition|hearing aid*|\
        diagnosed|suffers|suffering|allerg*|hypertension|blood pressure|paralysed|paralyzed|amputee|oncology|psychosis|\
        مرض|مرضا|امراض|مريض|مريضه|مصاب|مصابه|اصيب|اصيبت|يعاني|تعاني|اعاني|السكري|سرطان|ورم|الاورام|الكيميائي|العلاج الكيميائي|\
        نقص المناعه|الايدز|السيدا|المضاد للفيروسات|التهاب الكبد|تصفيه الدم|الدياليز|القصور الكلوي|الكلوي|الربو|الصرع|اكتئاب|الاكتئاب|\
        الفصام|ثنائي القطب|نفسيا|النفسي|تصفيه الكلي|الكلي|التوحد|توحد|اعاقه|الاعاقه|معاق|معاقه|كرسي متحرك|كرسيا متحركا|كفيف|اصم|حامل|حاملا|\
        حامله|الحمل|الولاده|اجهاض|نوبه قلبيه|جلطه|الزهايمر|الخرف|باركنسون|التصلب|اللويحي|جراحيه|استئصال|زرع|الانسولين|انسولين|\
        علاج|علاجا|العلاج|دواء|ادويه|رخصه مرض|مزمن|مزمنه|السل|ادمان|مدمن|حروق|محروقه|محروق|كسر|الضغط|يتعالج|يتابع علاجا|\
        السكر|الكونسير|الكانسير|الشيميو|دوا|الدوا|كيتعالج|كتتعالج|كنتعالج|كيداوى|الضيقه|الدبريسيون|نفساني|الهاندي|حامله|ولدات|\
        كتنسى|كينسى|عمليه|العمليه|مكسوره|مكسور|مضروب|\
        mrid|mrida|mard|marad|sokar|sokkar|skkar|ssokar|sukkar|ssukkar|diabete|kansir|chimio|dwa|ldwa|dowa|kayt3alej|katt3alej|\
        kant3alej|t3alej|kayt3alj|insuline|dialyse|asthme|dii9a|di9a|epilepsie|psychiatre|nafsani|autisme|tawa7od|m3a9|m3a9a|\
        7amla|hamla|wldat|katnsa|kaynsa|operation|3amaliya|3amaliyya|m7arqa|m7ar9a|m7ro9|mhrou9|mkssra|mharsa|kaydawa|katdawa|\
        ⴰⵟⵟⴰⵏ|ⴰⵎⵓⴹⵉⵏ|ⵉⵎⵎⵓⴹⵏ|ⵜⴰⵎⵓⴹⵉⵏⵜ|ⴰⵙⴰⴼⴰⵔ|ⵙⵙⵓⴽⴽⴰⵔ|ⵙⵉⴷⴰ|ⴰⵍⵣⵀⴰⵢⵎⵔ|ⴰⵏⵙⵓⵍⵉⵏ|ⵜⴰⴷⵉⵙⵜ|ⵍⴽⴰⵏⵙⵉⵔ|ⴰⵔⵓⵔⵉ|\
        attan|amudin|immudn|tamudint|asafar|tadist|lkansir|alzheimer|insulin|bousfir|bosfir|glaucome|glaucoma|الغلوكوما|الماء الزرق|cataracte|cataract|perdu la vue|lost his sight|lost her sight|\
        went blind|فقد بصره|فقدت بصرها|بصره|عمى|عميت|3ma|3mat|3mya|ⴰⴷⵔⵖⵍ|adrgl|adrɣl|inhalateur|inhaler|بخاخ|البخاخ|bakhakh|asthmatique|\
        asthmatic|ⴰⵏⵣⵓⵖ|\
        oxygene|sous oxygene|trisomique|metastase*|lymphome|anemie|hemophil*|insulinodependant|cardiopathie|pacemaker|\
        stimulateur cardiaque|arthrose|rhumatisme*|polyarthrite|paraplegi*|tetraplegi*|handicape|handicapee|invalide|begaie*|\
        dyslexi*|hyperactif|hyperactive|tdah|psychose|anxiete|angoisses|phobie|suicid*|tentative de suicide|sevrage|methadone|\
        cirrhose|calculs renaux|kyste|fibrome|endometriose|sterilite|infertil*|cesarienne|premature|convalescen*|reeducation|\
        kinesitherapie|bequilles|platre|hernie|ulcere|epileptique|convulsion*|coma|cicatrice|brulures|oncologie|syndrome de down|\
        chemo|oxygen|on oxygen|cancerous|metastas*|lymphoma|anaemia|anemia|haemophilia|hemophilia|diabetic|heart condition|\
        arthritis|rheumatism|paraplegic|quadriplegic|amputated|handicapped|disorder|adhd|dyslexi*|ocd|suicidal|suicide attempt|\
        overdose|rehab|withdrawal|cirrhosis|kidney stones|infertility|ivf|caesarean|c section|premature|physiotherapy|crutches|\
        hernia|ulcer|epileptic|seizure*|scar|down syndrome|\
        الاكسجين|الاوكسجين|متلازمه داون|منغولي|ورم خبيث|سرطاني|فقر الدم|الهيموفيليا|قلبي|جهاز تنظيم ضربات القلب|الروماتيزم|\
        التهاب المفاصل|شلل|مشلول|مبتور|بتر|اضطراب|اضطرابات|فرط الحركه|الانتحار|انتحار|محاوله انتحار|الميثادون|تشمع الكبد|\
        حصى الكلي|العقم|عقيم|اطفال الانابيب|قيصريه|خديج|الترويض الطبي|عكاكيز|الجبس|فتق|قرحه|نوبات|غيبوبه|كوما|ضعيف البصر|\
        ضعف السمع|سماعه|سكته دماغيه|حساسيه|الحساسيه|ندبه|الطونسيو|الطانسيو|الكوليستيرول|الاعصاب|معوق|معوقه|التريزومي|مجنون|\
        oxygene|tension|tansio|cholesterol|chalal|chlal|l3sab|a3sab|mjnoun|mo3a9|sokkari|mrid b|marad|trisomie|jer7|jar7|\
        jalta|jelta|jlta|l7ml|7ml|l7aml|7aml|7mel|maladies mentales|mentale|mentales|\
        اجهض*|اجهضت|بوصفير|العقليه|الامراض العقليه|الحمل|طاح ليها الحمل|\
        l7asasiya|7asasiya|lhasasiya|hasasiya|l7sasiya|souffle au coeur|souffle cardiaque|heart murmur|murmur|ddwa|ⴷⴷⵡⴰ|\
        stutter*|stammer*|يتلعثم|التلعثم|تلعثم|كيتقطع فالهضره|kayt9tt3 f lhdra|bypass|pontage|قلب مفتوح|عمليه قلب|recovering from|\
        je me remets|اتعافى|كنتعافى|kant3afa|ⴰⵟⵟⴰⵏ ⵏ ⵡⵓⵍ|\
        covid|corona|korona|كورونا|كوفيد|ⴽⵓⵔⵓⵏⴰ|en reanimation|in intensive care|f reanimation|l reanimation|فالانعاش|للانعاش|g rianimasyun|ⴳ ⵔⵉⴰⵏⵉⵎⴰⵙⵢⵓⵏ|bedridden|alite|alitee|\
        طريح الفراش|ناعس فالفراش|na3s f lfrach|تصابيت|tsabit|tsabt|\
        antipsychotic*|neuroleptique*|مضادات الذهان|partially sighted|visually impaired|ma kanchofch mzyan|open heart|a cœur ouvert|\
        trẓa|ⵜⵕⵥⴰ|irẓa|ⵉⵕⵥⴰ|aɛma|ⴰⵄⵎⴰ|taɛmat|ⵜⴰⵄⵎⴰⵜ|\
        اتعالج|نتعالج|تتعالج|يتعالج|عولج|عولجت|اتعافى|تعافيت|تعافى|تعافت|تتعافى|يتعافى|نتعافى|تعافينا|خضعت لعمليه|خضع لعمليه|خضعت لعلاج|اخضع لعلاج|يخضع لعلاج|تخضع لعلاج|اتلقى العلاج|يتلقى العلاج|تتلقى العلاج|نتلقى العلاج|اجريت عمليه|اجرى عمليه|اجرت عمليه|\
        desintox*|cure de desintoxication|infection sexuellement transmissible|colon irritable|irritable bowel|القولون العصبي|القولون|sexually transmitted|الامراض المنقوله جنسيا|cataracte|cataract|الماء الابيض|\
        amɛḍur|amɛdur|am3dur|ⴰⵎⵄⴹⵓⵔ|imɛḍurn|imɛdurn|ⵉⵎⵄⴹⵓⵔⵏ|kaysker|sakran|skayri|kaychrab bzaf|kaychrb bzaf|3alj*|3alaj*|متعافي|العلاج من الادمان
        """,
        .genetic: """
        ⵉⵜⵜⵡⴰⵔⵜⵏ|ittwarten|ittwartn|ⵉⵔⵜⴰ|irta|\
        genetique*|adn|mutation|brca*|trisomie|hereditaire*|porteur|porteuse|drepanocytose|thalassemi*|mucoviscidose|paternite|\
        genome|caryotype|trisomique|syndrome de down|mongolien|متلازمه داون|الكروموسومات|كروموسوم*|صبغيا|خلل صبغي|chromosom*|maladie genetique|test genetique|genes|gene|\
        genetic*|dna|variant|carrier|carriers|sickle cell|thalassaemia|cystic fibrosis|down syndrome|trisomy|hereditary|inherited|\
        paternity|chromosom*|huntington*|embryo screening|\
        جيني|الجيني|جينيه|الجينيه|الجينات|جين|الجين|الحمض النووي|وراثي|الوراثي|وراثيه|الوراثيه|المنجلي|التلاسيميا|التثلث الصبغي|\
        تريزومي|التريزومي|اثبات النسب|البصمه الوراثيه|هنتنغتون|صبغي|مرض وراثي|\
        wirathi|wirati|thalassemie|ⵜⴰⵍⴰⵙⵉⵎⵢⴰ|ⵉⴽⴽⴰⵏ ⵙⴳ ⵉⵎⵣⵡⵓⵔⴰ|ⵉⴽⴽⴰⵏ ⵙⴳ|ikkan zg imzwura|ikkan sg imzwura|imzwura
        """,
        .religion: """
        ⵥⵥⴰⵍⵍ*|ⵥⴰⵍⵍ*|اداء الحج|حجيت|حجات|7jit|7ajjit|تمشي للحج|نمشي للحج|يمشي للحج|مشات للحج|مشى للحج|تمشي للعمره|tmchi l7ej|nmchi l7ej|mchat l7ej|ⵜⵉⵥⴰⵍⵍⵉⵏ|ⵜⵥⴰⵍⵍⵉⵜ|ⵥⵥⵓⵎ*|ⵓⵔ ⵥⵥⵓⵎⵖ|ⵜⴰⴷⵢⴰⵏⵜ|tadyant|ⵏⵙⵙⵔⵖ|ⵜⵏⵙⵙⵔⵖ|tnssrɣ|tnasr*|tnassr*|tnsrt|تنصر*|تشيعت|تشيع|tchayya3*|tchaya3*|tchi3t|bdlt din|bdelt dini|\
        converti|convertie|conversion|apostat*|athee|athees|atheisme|agnostique|chretien|chretienne|christianisme|catholique*|\
        protestant*|evangeli*|kippa|kipa|juif|juive|juifs|judaisme|confession|musulman|musulmane|chiite*|chiisme|sunnite|bahai*|bouddhis*|\
        prie|prier|priere|prieres|pratiquant*|voile|hijab|niqab|jeune|jeuner|messe|croyant*|foi|\
        converted|convert|apostate|atheist|agnostic|christian|catholic|protestant|evangelical|jewish|judaism|muslim|shia|shiite|\
        sunni|baha i|buddhist|pray|praying|prayers|practising|practicing|fasting|veil|mass|believer|faith|\
        اعتنقت|اعتنق|اعتناق|ارتد|ارتداد|ملحد|ملحده|الالحاد|مسيحي|مسيحيه|المسيحيه|يهودي|يهوديه|اليهوديه|مسلم|مسلمه|شيعي|الشيعه|\
        سني|بهائي|بهائيون|اصلي|يصلي|تصلي|صلاه|الصلاه|صلوات|اصوم|يصوم|تصوم|الصيام|الحجاب|محجبه|مؤمنه|مؤمن|الايمان|ديني|\
        كنصلي|نصلي|كيصلي|كتصلي|كنصوم|صايم|صايمه|فطرات|فطر|وكال رمضان|كتامن|كنامن|كيامن|كافر|\
        mesi7i|masi7i|msi7i|mesihi|yahoudi|kanssali|kansalli|kanssli|kansli|nsalli|kaysalli|katsalli|salat|salawat|kansoum|\
        sayem|sayma|ftrat|fter|katamen|kanamen|kayamen|mol7id|mul7id|\
        ⵜⴰⵥⴰⵍⵍⵉⵜ|ⵜⵥⴰⵍⵍⵉⵏ|ⵜⵜⵥⴰⵍⵍⴰⵖ|ⵥⴰⵍⵍⴰⵖ|ⵜⴰⵎⴰⵙⵉⵃⵉⵜ|ⵜⵎⴰⵙⵉⵃⵉⵜ|ⴰⵎⴰⵙⵉⵃⵉ|ⵓⴷⴰⵢ|ⵓⴷⴰⵢⵏ|ⴰⵎⵓⵙⵍⵎ|ⴰⴷⵉⵏ|ⴰⵥⵓⵎ|\
        tazallit|tzallit|tzallin|ttzallag|ttzallaɣ|zallag|zallaɣ|tamasihit|tmasihit|amasihi|uday|udayn|amuslm|uzum|azum|\
        mesi7iya|masi7iya|baha i|baha is|baha iyin|baha2iyin|bahaiyin|بهائيون|بهائيين|pelerinage|pilgrimage|pilgrim|hajj|7ej|7aj|omra|3omra|عمره|ⵍⵃⵉⵊ|lhij|\
        soufi*|zaouia|confrerie|tariqa|الزاويه|الطريقه|zawiya|voilee|محجبه|m7jba|mhajba|m7ajba|نقاب|nqab|irreligieux|non croyant|\
        non believer|nonbeliever|لاديني|la dini|mosslim|mouslim|mslm|kanssali*|kansali*|kanamen*|kanssli*|كنصلي*|كنامن*|كنصوم*|fasts|fasted|\
        ⵉⵥⵥⵓⵎ|ⵜⵥⵥⵓⵎ|ⵥⵥⵓⵎⵖ|izzum|tzzum|zzumg|zzumɣ|\
        keep ramadan|observe ramadan|observing ramadan|fais le ramadan|faire le ramadan|fait le ramadan|fais ramadan|\
        headscarf|foulard|7ijab|l7ijab|lhijab|lḥijab|ⵍⵃⵉⵊⴰⴱ|believe in god|crois en dieu|crois pas en dieu|اؤمن بالله|لا اؤمن|\
        go to church|goes to church|went to church|vais a l eglise|vais a la messe|الى الكنيسه|كنمشي للكنيسه|kanmchi l kanisa|\
        ttddu s lknisa|ⵜⵜⴷⴷⵓ ⵙ ⵍⴽⵏⵉⵙⴰ|go to the mosque|vais a la mosquee|كنمشي للجامع|kanmchi l jame3|jews|jew|\
        mange pas de porc|ne mange pas de porc|don t eat pork|do not eat pork|ما كناكلش الحلوف|ma kanakolch l7allouf|\
        tnssert|tnasart|tnassart|tnssrat|tnassrat|tnsser|tnasser|tnssrt|mtnsser|mtnassar|تنصرت|تنصر|تنصرات|متنصر|ni9ab|nni9ab|nniqab|tanqabt|ⵜⴰⵏⵇⴰⴱⵜ|ttamnɣ|ttamngh|ⵜⵜⴰⵎⵏⵖ|ur ttamnɣ|ur ttamngh|كنصوم|نصوم|صائم|صائمه
        """,
        .politicalOpinion: """
        militant*|milite|militer|militons|encarte|encartee|vote pour|voter pour|j ai vote|manifest*|manifs|manif|marches|hirak|boycott*|\
        opinions politiques|opinion politique|opposant*|partisan*|sympathisant*|separatiste*|anti gouvernement|independance|\
        activist*|campaigner|voted|protest*|demonstration*|demonstrated|dissident*|anti government|separatist|supporter|\
        مناضل|مناضله|ناشط|ناشطه|ينشط|تنشط|صوتت|صوت لصالح|لصالح|وقفه احتجاجيه|احتجاج|احتجاجي|احتجاجيه|الاحتجاجات|مظاهره|\
        مظاهرات|المظاهرات|الحراك|معارض|معارضه|المعارضه|كنناضل|نضال|النضال|كنصوت|القاعديين|انفصالي|\
        mnadil|mnadel|mnadla|mouvement du fevrier|february movement|حركه فبراير|7arakat fevrier|harakat fevrier|petition|prisonnier politique|detenu politique|معتقل سياسي|\
        islamiste*|gauchiste*|communiste*|socialiste|royaliste|nationaliste|الاسلاميين|اسلامي|يساري|يساريه|شيوعي|اشتراكي|\
        yasari|chi3i|islamist|leftist|communist|nidal|nedal|mo7taj|7tijaj|ihtijaj|l7irak|7irak|sawet|sawat|sawtt|kansawet|\
        ⴰⵎⵏⴰⴹⵍ|ⵍⴰⴼⴽⴰⵔ|amnadl|amnadel|lafkar|احتجاج*|الوقفه|وقفه|\
        sit in|de l opposition|dans l opposition|m3a l opposition|opposition councillor|opposition party|parti d opposition|in the opposition|انتخبت|ترشحت|ترشحي|trcha7t|tracha7t|trche7t|j ai ete elu|j ai ete elue|i was elected|i ran for|\
        marche de soutien|marche de protestation|marche pacifique|protest march|la marche dyal|masira dyal|f la marche|f lmasira|\
        مسيره احتجاجيه|مسيره تضامنيه|مسيره سلميه|فالمسيره|المسيره ديال|\
        المحتجين|المحتجون|محتجين|المتظاهرين|متظاهرين|mo7tajin|m7tajin|protesters|protestors|imsmutl|ⵉⵎⵙⵎⵓⵜⵍ|\
        card carrying|party member|membre du parti|me suis presente|sous l etiquette|stood as|ran as|trchht|trch7t|trsh7t|\
        campaigned|fait campagne|الحمله الانتخابيه لمرشح|درت الحمله|drt la campagne|skrɣ lḥmla|skrg lhmla|sympathiser|sympathizer|polisario|\
        coordinateur du mouvement|coordinator for the|منسقا جهويا|منسق جهوي|coordinateur jihawi|\
        youth organiser|youth organizer|jeunesse du parti|\
        vote blanc|vote nul|spoiled my ballot|spoilt my ballot|blank ballot|ورقه بيضاء|الورقه البيضاء|بالورقه البيضاء|ورقه بيضا|wr9a bida|wra9a bayda|\
        sbidɣ|sbidgh|ⵙⴱⵉⴷⵖ|sbidn|ⵙⴱⵉⴷⵏ|nsbid|ⵏⵙⴱⵉⴷ
        """,
        .tradeUnion: """
        syndique*|syndicaliste*|activite syndicale|activites syndicales|delegue du personnel|grevistes|delegue syndical|delegue|deleguee|representant du personnel|greviste*|fait greve|en greve|\
        adhesion syndicale|cotisation syndicale|section syndicale|union rep|union member|unionised|unionized|shop steward|\
        strikers|striking|went on strike|on strike|steward|\
        نقابي|نقابيه|التفرغ النقابي|العمل النقابي|مضرب|مضربين|مضربون|كاتب عام|مندوب|مندوب العمال|\
        syndicaliste|nqabi|naqabi|mdarbin|mdrbin|mdareb|dert la greve|dirt la greve|\
        ⴽⵛⵎⵖ ⵍⵉⴹⵔⴰⴱ|kcmg lgrev|kcmɣ lgrev|kcmɣ l greve|kcmg l greve|مضرب*|delegate|union delegate|mandat syndical|\
        walked out|walkout|stopped work|work stoppage|debraye|debrayage|arret de travail|توقفنا عن العمل|توقف عن العمل|\
        وقفنا الخدمه|w9fna lkhedma|wqfna lkhedma|nḥbs lxdmt|nhbs lxdmt|ⵏⵃⴱⵙ ⵍⵅⴷⵎⵜ|cdt representative|umt representative|\
        ugtm representative|union representative|workers representative|staff representative|representant syndical|\
        cotise a l umt|cotise a la cdt|cotise au syndicat|union dues|paid up member|واجب الانخراط|كنخلص الانخراط|kankhlles cotisation|\
        comite de greve|strike committee|لجنه الاضراب|فلجنه الاضراب|lajnat l idrab|lajna n lgrev|ⵍⴰⵊⵏⴰ ⵏ ⵍⵉⴹⵔⴰⴱ|\
        katib 3am|katib l3am|branch secretary|secretaire de section|secretaire general du syndicat|\
        اضربنا|اضربت|اضربتم|اضربنا عن العمل|اضربت عن العمل|اضربوا عن العمل|نضرب عن العمل|يضربون عن العمل|تضرب عن العمل|شاركنا في الاضراب|شاركت في الاضراب|شارك في الاضراب|شاركوا في الاضراب|درنا الاضراب|درت الاضراب|دارو الاضراب|joined the strike|took part in the strike|were on strike|was on strike|avons fait greve|\
        bureau syndical|secretaire du syndicat|secretaire general du syndicat|union branch secretary
        """,
        .ethnicOrigin: """
        origine|origines|peau noire|africains|metis|metisse|berberophone|algerien*|malien*|mauritanien*|nigerian*|camerounais*|\
        guineen*|congolais*|ivoirienne|senegalais*|ivoirien*|subsaharien*|africain*|noir|noire|noirs|noires|berbere|rifain*|soussi*|chleuh|\
        sahraoui*|hassani*|couleur de peau|racisme|raciste|racial*|ethni*|tribu|race|metis*|\
        descent|origin|sub saharan|black|african|berber|sahrawi|riffian|hassaniya|racism|racist|skin colour|skin color|tribe|\
        اصل|اصول|صحراوي|صحراويه|قبيله|القبيله|قبيلته|افريقيه|افريقي|جنوب الصحراء|يهودي مغربي|عنصريه|العنصريه|عنصري|ريفي|ريفيه|\
        سوسي|سوسيه|عرقي|البشره|سينغالي|سينغاليه|كحل|كحله|كحلوش|عزي|حساني|الحسانيه|\
        asli|asl|asslhom|aslhom|asslha|aslha|asloh|aslo|senegali|riffiya|rifi|rifia|k7al|k7la|kahl|3azzi|azzi|l3onsoriya|3onsoriya|racisme|sa7raoui*|sahraoui*|\
        7assaniya|hassaniya|ⴰⴱⵔⴽⴰⵏ|ⵜⴰⴱⵔⴽⴰⵏⵜ|ⴰⵄⵔⴰⴱ|ⴰⵙⴰⵃⵔⴰⵡⵉ|ⴰⵔⵉⴼⵉ|ⵍⵄⵓⵏⵚⵓⵔⵉⵢⴰ|abrkan|aberkan|tabrkant|l3unsuriya|aɛrab|\
        arifi|asahrawi|aṣaḥrawi|moroccan jews|juifs marocains|اليهود المغاربه|\
        haratin|hartani|7artani|الحراطين|حرطاني|ahrdan|aḥrḍan|ⴰⵃⵔⴹⴰⵏ|\
        شلوح|شلحه|chleuh|chlo7|chle7|chel7|drawa|draoui|drawi|idrawiyn|ⵉⴷⵔⴰⵡⵉⵢⵏ|iḥrḍaniyn|ihrdaniyn|ⵉⵃⵔⴹⴰⵏⵉⵢⵏ|aḥrḍani|ahrdani|ⴰⵃⵔⴹⴰⵏⵉ|7ratin|lharatin|haratin|lɛnṣuriya|lɛnsuriya|ⵍⵄⵏⵚⵓⵔⵉⵢⴰ|l3onsoriya|3onsoriya|lon dyali|lon dyalna|loun dyali|loun dyalna|اللون ديالي|لون بشرتي|لون بشرته
        """,
        .sexLife: """
        تحرش جنسي|تحرش*|للتحرش|harcelement|harcele|harcelee|harassment|harassed|t7arrach*|t7arroch|t7rrch*|ta7arroch|t7ress|\
        homosexu*|gay|gays|concubin*|liaison|trompe|trompee|cheated|cheating|khanetni|khanha|khantou|خانتني|خانني|خيانه|الزنا|zina|\
        amant|maitresse|عشيق*|viol|violee|raped|rape|sexual assault|agression sexuelle|harcelement sexuel|اغتصاب|اغتصبت|\
        مغتصبه|ghtasboha|queer|lesbienne*|bisexu*|transgenre*|lgbt*|orientation sexuelle|hors mariage|sans etre maries|concubinage|\
        avortement|avorte|avortee|avorter|ivg|relations sexuelles|relation sexuelle|virginite|adultere|infidelite|mere celibataire|\
        lesbian|bisexual|transgender|sexual orientation|out of wedlock|without being married|unmarried|living together|\
        cohabit*|abortion|sexual|virginity|adultery|affair|single mother|\
        مثلي|مثليه|المثليه|مثليي|متحول|متحوله|جنسي|جنسيه|الجنسيه|علاقه جنسيه|خارج اطار الزواج|خارج الزواج|بدون زواج|اجهاض|\
        اجهاضا|الاجهاض|العذريه|الخيانه الزوجيه|ام عازبه|زامل|بلا زواج|بلا عقد|ساكنين مع بعض|سقطات|\
        mithli|mitli|zamel|bla zwaj|bla 3a9d|saknin m3a ba3d|ijhad|l3odriya|fassad|rajel mzowej|mra mzowja|\
        ⴱⵍⴰ ⵜⴰⵎⵖⵔⴰ|bla tamgra|bla tamɣra|bla tamghra|\
        photos intimes|photo intime|intimes|intimate photos|intimate images|intimate pictures|nude photos|revenge porn|\
        sextorsion|sextortion|chantage sexuel|تصاور ديالي خاصين|تصاور خاصين|tsawer dyali khassin|tsawer khassin|صور حميميه|\
        ابتزاز جنسي|الابتزاز الجنسي|abused by|sexually abused|abused me|attouchements|attouchement|molested|molestation|\
        اعتداء جنسي|لاعتداء جنسي|اعتداء جنسيا|دون زواج|live together|vivons ensemble|vivent ensemble|نعيش معا|ساكنين مع بعضياتنا|\
        saknin m3a ba3diyatna|nzdɣ bla|nzdg bla|\
        pregnant by|enceinte de mon copain|tombee enceinte de|حملت من|حامل من|7amla mn|7amla men|wldt mn|ولدت من|ولدات من|tga tadist zg|\
        ⵜⴳⴰ ⵜⴰⴷⵉⵙⵜ ⵣⴳ|\
        jinsiya|jinsi|jinsia|\
        اغتصاب|اغتصبت|اغتصبني|اغتصبها|اغتصبوها|جنسيا|jinsiyan|jinsiya|jinsian|jensiyan|ljins|ⵍⵊⵉⵏⵙ|tajinsit|ⵜⴰⵊⵉⵏⵙⵉⵜ|t7rch*|t7arch*|t7rrch*|تحرش*
        """,
        .biometric: """
        biometric data|mes donnees biometriques|البيانات البيومتريه|معطياتي البيومتريه|\
        empreintes|empreinte digitale|empreintes digitales|selfie|verification faciale|reconnaissance faciale|iris|retine|\
        scan du visage|face id|fingerprint*|face verification|facial recognition|face scan|retina|voiceprint|\
        بصمه|بصمات|البصمات|البصمه|بصمه الاصابع|قزحيه|صوره وجهي|التعرف على الوجه|السيلفي|سيلفي|التحقق من الوجه|\
        lbasma|basma|l basma|ⵍⴱⴰⵚⵎⴰ|ⵜⴰⵡⵍⴰⴼⵜ ⵏ ⵓⴷⵎ|tawlaft n udm|lbasma|lbaṣma
        """,
        .criminalRecord: """
        ittwattaf|ittwaṭṭaf|ⵉⵜⵜⵡⴰⵟⵟⴰⴼ|ittuhkam|ittuḥkam|ⵉⵜⵜⵓⵃⴽⴰⵎ|ⵢⵓⵎⵥ ⵜ ⵓⴱⵓⵍⵉⵙ|ⵢⵓⵎⵥ ⵜⵜ ⵓⴱⵓⵍⵉⵙ|yumẓ t ubulis|ⵍⴰⴳⴰⵔⴷ ⴰⵎ|lagard am|ⵉⵃⴽⵎ ⵅⴰⵙ|iḥkm xas|ⵉⵃⴽⵎ ⴼⵍⵍⴰⵙ|iḥkm fllas|\
        cannabis|hachich|haschich|l7chich|7chich|الحشيش|بالحشيش|القنب الهندي|ⵍⵃⵛⵉⵛ|lhcic|lḥcic|possession|chedni|شدني|\
        stopped by the police|ⵟⵟⴼⵏ|ⵜⵟⵟⴼⵏ|ttfn|ṭṭfn|condamne*|condamnation|did time|antecedents judiciaires|prison ferme|bracelet electronique|sursis|detention|detenu*|incarcere*|garde a vue|arrete|arretee|arrestation|interpelle*|inculpe*|\
        poursuivi|poursuivie|affaire en cours|proces|delit|stupefiants|sans provision|etat d ivresse|anciens detenus|ancien detenu|\
        rehabilitation|liberte provisoire|sorti de prison|sortie de prison|sort de prison|out of prison|released from prison|\
        خرج من السجن|خرجت من السجن|خرج من الحبس|khrej mn l7bs|khrej mn l7abs|mandat de depot|accuse|accusee|coupable|\
        convicted|conviction|sentenced|suspended sentence|jail|detention|detained|pre trial|custody|arrested|charged|prosecuted|\
        on trial|offence|offense|theft|drunk driving|bounced cheque|bounced check|ex prisoner*|ex prisoners|ex convict|parole|\
        probation|accused|guilty|\
        صدر في حقي حكم|محكوم|بالسجن|معتقل|اعتقل|اعتقال|الحراسه النظريه|متابع|متابعه|بتهمه|تهمه|النصب|المخدرات|حيازه|\
        رد الاعتبار|السوابق|جنحه|جنايه|ضرب وجرح|سراح|سرقه|تحكم|تحكمت|حكمو|شدوه|شدوها|شدوني|شدوه البوليس|بلا رصيد|فالحبس|\
        فالسجن|السجناء|سجين|سجينه|\
        t7kem|t7kam|7kmo|chdouh|chdouha|chdouni|tchedd|tched|9adiya|qadiya|9adia|bla rasid|sursis|sokr|wakil lmalik|d3wa|\
        da3wa|sri9a|sar9a|drogue|f l7bs|f l7abs|\
        ⵜⵜⵓⵃⴽⴰⵎⵖ|ⵉⵜⵜⵓⵃⴽⴰⵎ|ⵉⵜⵜⵡⴰⵟⵟⴼ|ⵜⵜⵡⴰⵟⵟⴼⵖ|ⵢⵜⵜⵡⴰⵃⴱⴰⵙ|ttwahkamg|ttwahkamɣ|ttuhkam|ittwattf|ttwattfg|prison sentence|served time|peine de prison|\
        ans de prison|mois de prison|ans a la prison|mois a la prison|ans ferme|years in prison|months in prison|years in jail|fait de la prison|\
        توقيفي|تم توقيفي|اوقفوني|اوقفتني|اوقفني|اوقفوه|اوقفته|وقفوني|مذكره بحث|avis de recherche|تشدات|تشديت|tchdit|tchddit|t7bes|t7bsat|\
        تحبس|تحبسات|ⵢⵓⵎⵥ ⵉⵢⵉ ⵓⴱⵓⵍⵉⵙ|yumẓ iyi ubulis|yumz iyi ubulis|\
        locked up|behind bars|have a record for|has a record for|have a criminal record|has a criminal record|antecedent pour|antecedent judiciaire|مسجون|مسجونه|محبوس|محبوسه|m7bous|m7bousa|mahbous|\
        sabi9a|sabiqa|سابقه|shoplifting|vol a l etalage|ادنت|ادين|ادينت|ittuḥbas|ittuhbas|ⵉⵜⵜⵓⵃⴱⴰⵙ|\
        on remand|remand|out on bail|on bail|awaiting trial|en detention|liberte sous caution|sous caution|الاعتقال الاحتياطي|\
        فالاعتقال|رهن الاعتقال|حكم غيابي|7okm ghiyabi|7kam ghiyabi|lɛtiqal|ⵍⵄⵜⵉⵇⴰⵍ|letiqal|l3tiqal|\
        حكم علي|حكم عليا|حكمو عليا|\
        serving a sentence|serving time|purge une peine|purge sa peine|m7koum|m7kom|drug dealing|trafic de drogue|الاتجار في المخدرات|\
        lmxdrat|ⵍⵎⵅⴷⵔⴰⵜ|lmkhdrat|\
        حكم عليه|حكم عليها|حكم علينا|حكم عليهم|ادانته|ادانتني|ادانتها|اعتقلني|اعتقلوني|اعتقلته|اعتقلوه|اعتقلتها|افرج عني|افرج عنه|افرج عنها|سجنوه|سجنوني|مسجون|سجين|محكوم عليه|محكوم عليها|\
        t9bed|t9bdat|t9bdo|t9bdou|tqbed|chedouh|chddouh|chdouh|chdoh|tchedd|tchedit|tchdit|tcondamn*|mcondamn*|ttamzn|ttamẓn|ⵜⵜⴰⵎⵥⵏ
        """,
    ]

    static let topics: [SensitiveCategory: String] = [
        .health: """
        hopital|clinique|pharmacie|urgences|sante|vaccin*|mutuelle|amo|ramed|cnops|certificat medical|medical|medicale|\
        reanimation|intensive care|icu|الانعاش|rianimasyun|ⵔⵉⴰⵏⵉⵎⴰⵙⵢⵓⵏ|القلب|l9lb|coeur|heart|hospital|clinic|pharmacy|emergency|health|vaccine*|vaccination|medical certificate|\
        مستشفى|المستشفى|مستشفيات|عياده|العياده|صيدليه|الصحه|صحيه|التلقيح|لقاح|التغطيه الصحيه|التامين عن المرض|راميد|السبيطار|سبيطار|\
        الكلينيك|كلينيك|فرمسيان|\
        sbitar|sbital|clinique|pharmacie|ⵙⴱⵉⵟⴰⵔ|ⴰⵙⴳⵏⴼ|ⵜⴰⵙⴳⵏⴼⵜ|asgnf|tasgnft|ⴰⵙⵓⵏⴼⵓ|asunfu|\
        lkhmr|lkhmer|l5mr|lkhmar
        """,
        .genetic: """
        laboratoire|labo|test|analyse|analyses|lab|تحليل|التحليل|تحاليل|analyse|ⴰⵙⵙⴰⵢⵔ|assayr
        """,
        .religion: """
        الحج|mosquee|eglise|synagogue|ramadan|aid|moharram|religion|religieux|religieuse|mosque|church|synagogue|eid|christmas|\
        religion|religious|المسجد|مسجد|الكنيسه|كنيسه|kanisa|lkanisa|knisa|lknisa|ⵍⴽⵏⵉⵙⴰ|رمضان|العيد|المولد|الديانه|دين|الدين|الجامع|جامع|محرم|\
        jame3|jam3|jami3|ramdan|ramadan|diyana|dine|ⵜⵉⵎⵣⴳⵉⴷⴰ|ⵜⵎⵣⴳⵉⴷⴰ|ⵕⵎⴹⴰⵏ|ⵔⵎⴹⴰⵏ|timzgida|tmzgida|rmdan
        """,
        .politicalOpinion: """
        parti|partis|elu|elue|conseiller communal|conseillere communale|depute|deputee|برلماني|مستشار جماعي|mostachar|\
        bureau politique|political bureau|المكتب السياسي|siyasi|siyasiya|elections|election|electorales|electorale|candidat*|bureau de vote|communales|legislatives|pjd|rni|usfp|\
        pam|istiqlal|union socialiste|voie democratique|annahj|adl wal ihsane|justice et spiritualite|gauche|politique|vote|\
        party|elections|candidate*|polling|ballot|political|socialist union|democratic way|\
        حزب|الحزب|الانتخابات|انتخابات|المرشحين|الناخب|الانتخابيه|العدل والاحسان|فيدراليه اليسار|الاستقلال|الاحرار|البام|السياسي|\
        السياسيه|التصويت|\
        7izb|hizb|l7izb|intikhabat|a7rar|chabiba|shabiba|الشبيبه|شبيبه|ⴰⴽⴰⴱⴰⵔ|ⵜⵉⴼⵔⴰⵏⵉⵏ|ⵜⴼⵔⴰⵏⵉⵏ|akabar|tifranin|tfranin|\
        ⴰⵎⵓⵙⵙⵓ|amussu|umussu|ⵜⴰⵡⴰⴷⴰ|tawada|\
        lwa9fa|wa9fa|lwqfa|lwaqfa|الوقفه|وقفه احتجاجيه
        """,
        .tradeUnion: """
        ⵏⵏⵇⴰⴱⴰ|nnqaba|nnqabt|ⵏⵏⵇⴰⴱⵜ|\
        syndicat|syndicats|syndical|syndicale|greve|umt|cdt|ugtm|fdt|odt|union|unions|strike|trade union|\
        نقابه|النقابه|اضراب|الاضراب|الاتحاد المغربي للشغل|الكونفدراليه الديمقراطيه للشغل|الاتحاد العام للشغالين|الكدش|\
        nnaqaba|naqaba|syndicat|la greve|greve|idrab|lidrab|ⵙⵙⵏⴷⵉⴽⴰ|ⵜⴰⵎⵓⵏⵜ|ⵍⵉⴹⵔⴰⴱ|ⵍⴳⵔⵉⴱ|ssndika|sndika|ssandika|lgrev|\
        lgreve|lidrab|الجامعه الوطنيه للتعليم|fne|snesup|\
        lgriv|griv|lagriv|ⵍⴳⵔⵉⴼ|ⵍⴳⵔⵉⵠ
        """,
        .ethnicOrigin: """
        migrant*|refugie*|refugee*|asylum|demandeur d asile|sans papiers|مهاجر*|لاجئ*|طالب لجوء|accent|\
        amazigh|amazighe|amazighes|tamazight|tachelhit|tarifit|arabe|ethnic|amazigh|\
        امازيغي|الامازيغيه|امازيغيه|الشلحه|شلح|\
        chel7|chl7a|tamazight|amazigh|ⴰⵎⴰⵣⵉⵖ|ⵜⴰⵎⴰⵣⵉⵖⵜ|amazig|amaziɣ|tamazigt|tamaziɣt|acelḥi|acelhi|achelhi|ⴰⵛⵍⵃⵉ
        """,
        .sexLife: """
        sexe|sex|sexuel|sexuelle|mariage|marriage|زواج|الزواج|zwaj|ⵜⴰⵎⵖⵔⴰ|tamgra|tamɣra
        """,
        .biometric: """
        العين|عيني|l3in|eye|eyes|oeil|yeux|donnees biometriques|empreinte|visage|photo|face|photo|fingers|\
        الوجه|وجهي|الوجه ديالي|صوره|التصويره|\
        lwjeh|wjeh|wjhi|tswira|ⵓⴷⵎ|ⵉⴹⵓⴹⴰⵏ|udm|idudan
        """,
        .criminalRecord: """
        infraction|contravention|exces de vitesse|speeding ticket|commissariat|الكوميساريه|الكوميسارية|مخفر|lkomisariya|\
        lkumisarya|ⵍⴽⵓⵎⵉⵙⴰⵔⵢⴰ|prison|casier|casier judiciaire|fiche anthropometrique|tribunal|police|plainte|vol|drogue|chèque|crime|\
        prison|criminal record|police clearance|court|trial|police|judgment|crime|\
        السجن|سجن|الحبس|حبس|السجل العدلي|المحكمه|الحكم|حكم|قضيه|القضيه|البوليس|الشرطه|\
        l7bs|l7abs|7bs|habs|lhabs|casier judiciaire|lmahkama|mahkama|boulis|lboulis|\
        ⵍⵃⴱⵙ|ⴰⴽⵔⴰⴼ|ⵙⵙⴰⵡⴰⴱⵉⵇ|ⵍⵎⵃⴽⴰⵎⴰ|lhbs|akraf|ssawabiq|lmhkama|\
        ilbulisn|ibulisn|ⵉⵍⴱⵓⵍⵉⵙⵏ|ⵉⴱⵓⵍⵉⵙⵏ|lbolis|lbulis|ⵍⴱⵓⵍⵉⵙ
        """,
    ]

    /// Words that tie a term to a person: first person, possessives, family and other people one speaks of.
    static let person = """
    je|j|moi|mon|ma|mes|me|m|suis|parents|famille|nous|notre|nos|mari|femme|epouse|epoux|pere|mere|papa|maman|fils|fille|frere|soeur|\
    oncle|tante|cousin|cousine|grand pere|grand mere|enfant|bebe|voisin|voisine|collegue|compagnon|compagne|ami|amie|copain|\
    copine|il|elle|lui|son|sa|ses|leur|\
    i|me|my|mine|we|our|us|student|pupil|parents|family|husband|wife|spouse|partner|father|dad|mother|mum|mom|son|daughter|brother|sister|uncle|aunt|\
    cousin|grandfather|grandmother|grandma|grandpa|child|baby|neighbour|neighbor|colleague|girlfriend|boyfriend|friend|\
    he|she|his|her|him|\
    انا|عندي|لدي|انني|اني|زوجي|زوجتي|ابي|والدي|امي|والدتي|ابني|ابنتي|بنتي|اخي|اختي|عمي|خالي|جدي|جدتي|صديقي|صديقتي|\
    الواليده|الوالد|الواليدين|والداي|عائلتي|\
    تلميذي|تلميذتي|شدني|شدوني|حبسوني|طردوني|ضربني|زميلي|زميلتي|جاري|جارتي|طفلي|اصابعي|يدي|وجهي|رضيع|طفلنا|ابننا|حماتي|حماي|اتناول|اخضع|احتاج|اعيش|اتعرض|اتابع|قضيت|\
    7mati|7ma|belle mere|beau pere|mother in law|father in law|ولدي|حقي|اجرتي|نحن|عائلتي|\
    راني|راجلي|مراتي|بويا|بابا|مي|ماما|يما|خويا|ختي|صاحبي|صاحبتي|جارنا|ديالي|ليا|عليا|حنا|عندو|عندها|فيه|فيها|ديالو|ديالها|\
    ana|3ndi|3andi|andi|rani|rajli|mrati|bba|baba|mmi|mama|yemma|weldi|wldi|bnti|khouya|khoya|khti|3ammi|khali|jeddi|\
    lwalida|lwalid|walidi|walidti|lwalidin|dkhlt|drt|\
    tilmid|tilmida|3mmi|3emmi|3mmti|3ammti|khalti|wld|sa7bi|sa7bti|jarna|jari|jarti|sa7bi|dyali|liya|3liya|m3aya|7na|3ando|3ndo|3ndha|3andha|fih|fiha|dyalo|dyalha|bghit|bghina|kont|knt|kunt|\
    بغيت|بغينا|كنت|درت|\
    ⵏⴽⴽⵉ|ⵉⵏⵓ|ⴷⴰⵔⵉ|ⴷⴰⵔⵙ|ⴱⴰⴱⴰ|ⵉⵎⵎⵉ|ⵢⵎⵎⴰ|ⴰⵔⴳⴰⵣ|ⵜⴰⵎⵖⴰⵔⵜ|ⵉⵡⵉ|ⵉⵍⵍⵉ|ⴳⵯⵎⴰ|ⴳⵎⴰ|ⵓⵍⵜⵎⴰ|ⴰⵢⵉ|ⵉⵢⵉ|ⵢⵉ|\
    احافظ|نحافظ|كنحافظ|\
    ⵢⵉⵡⵉ|yiwi|ⵢⵉⵍⵍⵉ|yelli|ⵏⴽⴽ|nkk|ⴰⵎⴷⴷⴰⴽⴽⵯⵍ|amddakkʷl|amddakkwl|ⵜⴰⴷⴳⴳⵯⴰⵍⵜ|tadggʷalt|ⴱⴰⴱⴰⵙ|babas|ⵉⵎⵎⴰⵙ|immas|ⵉⵡⵉⵙ|iwis|ⵉⵍⵍⵉⵙ|illis|ⴳⵯⵎⴰⵙ|gʷmas|ⵓⵍⵜⵎⴰⵙ|ultmas|ⵜⴰⵔⵡⴰ|tarwa|ⴰⵔⵔⴰⵡ|arraw|ⵏⵜⵜⴰ|ntta|ⵏⵜⵜⴰⵜ|nttat|nnes|\
    fllai|fllay|ⴼⵍⵍⴰⵉ|ⴼⵍⵍⴰⵢ|3lia|lia|grandparents|grands parents|ancestors|ancetres|اجدادي|jdoudi|صبعي|صبعاني|صباعي|sob3i|sab3i|sob3ani|sbab3i|sba3i|wjhi|yi|nkkin|nkni|ⵏⴽⴽⵏⵉ|ⵏⴽⵏⵉ|aɣ|ⴰⵖ|\
    nkki|nekk|inu|nng|nnɣ|nngh|nns|ⵏⵏⵖ|ⵏⵏⵙ|dari|dars|immi|yemma|argaz|tamgart|tamɣart|thamghart|tamghart|iwi|illi|gma|gʷma|ultma|ayi|iyi
    """

    /// Pronouns that are generic right after a question word ("how can I", "comment je", "ⵎⴰⵏⵉⴽ ⴰⴷ ⴰⵡⵉⵖ"); verb
    /// forms in the first person count too (see `SensitiveReader.morphologyMarks`).
    static let pronoun = """
    i|je|j|we|nous|on|ana|انا|nkki|ⵏⴽⴽⵉ
    """

    /// Words that make a message procedural or general: how to, where, when, price, documents, statistics.
    static let procedural = """
    comment|combien|cout|coute|prix|tarif|frais|horaires|horaire|heures|ouverture|ouvert|ouverte|fermee|ferme|ou se trouve|\
    adresse|delai|documents|pieces|formulaire|procedure|demarche|obtenir|rendez vous|inscrire|inscription|autorisation*|\
    licence*|permis|conditions|exigences|ferie|liste|\
    obligatoire|obligatoires|faut il|faudra t il|doit on|est il obligatoire|required|mandatory|compulsory|necessaire|اجباري|الزامي|ضروري|واش خاص|wach khass|wach khas|\
    how|how much|how long|cost|price|fee|fees|opening hours|hours|open|close|closed|where|when|deadline|documents|paperwork|\
    how do i|how can i|where do i|where can i|can i|do i|do i need|should i|comment je|comment puis je|ou puis je|\
    form|procedure|requirements|apply|book|appointment|licence*|license*|permits|\
    كيف|كم|ثمن|سعر|مواعيد|اوقات|ساعات|مفتوح|مفتوحه|تفتح|تغلق|اين|متى|اجل|الوثائق|وثائق|الاستماره|استماره|اجراءات|شروط|الحصول|\
    الرخص|رخصه|التسجيل|موعد|\
    كيفاش|شحال|بشحال|فين|فوقاش|شنو|الوراق|الوثايق|حالة|كتحل|كيتحل|كيحل|\
    kifach|kifash|ch7al|b ch7al|chhal|fin|fou9ach|fo9ach|imta|chno|lwra9|lwraq|m7loula|kat7el|kay7el|kaysed|rdv|\
    ⵎⴰⵏⵉⴽ|ⵎⴰⵎⵏⴽ|ⵎⴰⵏⵉ|ⵎⵍⵎⵉ|ⵎⵏⵛⴽ|ⵎⴰⴷ|ⴰⵜⵉⴳ|ⵉⵔⵣⵎ|ⵜⵔⵣⵎ|ⵜⵡⵔⴰⵇ|ⵜⵓⵔⴰⴳⵉⵏ|ⴰⵎⵙⴰⵡⴰⴹ|\
    manik|mamnk|mani|mlmi|mnck|mad|atig|irzm|trzm|lwraq|turagin|amsawad|iqqan|ilaqn|ⵉⵇⵇⴰⵏ|ⵉⵍⴰⵇⵏ
    """

    /// Words that show the term is a subject of study, a cause of delay or someone else's job, not a fact about
    /// the person: a school project, statistics, a thesis, a campaign, "because of the strike", "a nurse".
    static let benign = """
    expose|statistiques|chiffres|memoire|these|article|journaliste|campagne|loi|cndp|deliberation*|recherche|association|\
    installer|install|time clock|attendance system|modele|type|touristes|visite|visiteurs|cause|malgre|transports|transport|bus|train|taxis|chauffeurs|tram|enseignants|\
    infirmiere|infirmier|enseignante|enseignant|scolaire|travaille|rh|ressources humaines|eleves|chirurgien|psychologue|juge|militaire|medecin|cardiologue|avocat|avocate|policier|docteur|pharmacien|\
    project|statistics|figures|thesis|article|journalist|campaign|law|research|ngo|sample|tourists|tour|visit|visitors|\
    because|despite|presentation|teacher|hr|paper|essay|writing|pupils|students|buses|drivers|controllers|teachers|flight|nurse|doctor|cardiologist|lawyer|officer|\
    بحث|بحثا|احصائيات|ارقام|مقال|صحفي|حمله|القانون|بسبب|رغم|الحافلات|الترامواي|سائقي|الاساتذه|ممرضه|ممرض|طبيب|محام|شرطي|\
    اللجنه|الزوار|عرضا|تعمل|يعمل|اخصائيه|الموارد البشريه|التلاميذ|استاذه|استاذ|خدامه|خدام|السياح|جمعيه|\
    عرض|الطوبيسات|الشيفورات|بوليسي|فرمليه|محاميه|نموذجي|غير باش|\
    expose|ar9am|khddama|khddam|tlamid|prof|psychologue|tobisat|chauffeurs|boulisi|infirmiere|tbib|avocate|modele|recherche|\
    ⴰⵎⵙⵍⴰⵢ|ⵜⵙⴽⵉⵡⵉⵏ|ⵜⴽⵓⵔⵉⵙⵉⵏ|ⵉⵙⵍⵎⴰⴷⵏ|ⴰⵎⵙⴳⵏⴼ|ⴰⴱⵓⵍⵉⵙ|ⴼⵔⵎⵍⵢⴰ|ⵉⵎⵔⵣⴰⵢⵏ|ⵜⴰⵎⵙⵎⵓⵏⵜ|\
    amsslay|tskiwin|tkurisin|iselmadn|amsgnf|abulis|fermlya|imrzayn|tamsmunt|khf|f lmadrasa|ⵅⴼ|xf
    """

    /// Words that turn a topic term into a fact when they come just before it: membership, participation,
    /// copula, affliction ("membre du syndicat", "est en grève", "souffre de", "شاركت في إضراب", "kcmɣ lgrev").
    static let link = """
    membre|adherent|adherente|participe|participer|participait|fait|fais|faisait|souffre|atteint|atteinte|sorti|sortie|sort|\
    member|joined|joins|took part|went|served|sits|got|\
    عضو|عضوه|منخرط|منخرطه|شارك|شاركت|يشارك|ينشط|خرج|خرجت|داخل|داخله|درت|كيدير|كيديرو|\
    3odw|dakhel|dakhla|dert|khrej|kharj|khrjat|dkhel|dkhlt|dkhlat|dkhal|entered|دخل|دخلت|\
    ⴽⵛⵎⵖ|ⵉⴽⵛⵎ|ⵉⴼⴼⵓⵖ|kcmg|kcmɣ|ikcm|iffug|iffuɣ|ⴰⴳⵎⴰⵎ|agmam|drt|\
    rejoint|adhere|انخرطت|انخرط|تنخرط|انضممت|انضم|انضمت|tkcm|ⵜⴽⵛⵎ|nkcm|ⵏⴽⵛⵎ|kcmn|ⴽⵛⵎⵏ|khrjt|marched|defile|ffɣɣ|ⴼⴼⵖⵖ|organiser|organizer|mnsse9|mnasse9|منسق|منسقه|\
    skrɣ|skrgh|nskr|nsskr|skrn|ⵙⴽⵔⵖ|ⵏⵙⴽⵔ|ⵏⵙⵙⴽⵔ|ⵙⴽⵔⵏ|mchit|mchina|ffghgh|ffghn|ⴼⴼⵖⵏ
    """

    /// Copulas: they make an identity term a fact ("ma femme est amazighe", "ⴳⵉⵖ ⴰⴱⵔⴽⴰⵏ") for ethnic origin,
    /// religion, sex life and political opinion only ("ma femme est juge au tribunal" is not a court case).
    static let copula = """
    suis|est|sont|etait|etais|sommes|is|am|are|was|were|i m|كان|كانت|انا|حنا|ana|7na|kan|kant|\
    ⴳⵉⵖ|ⵉⴳⴰ|ⵜⴳⴰ|ⵉⵍⵍⴰ|ⵜⵍⵍⴰ|gig|gigh|giɣ|ggiɣ|iga|tga|illa|tlla|ⵏⴽⴽ ⴷ|ⵏⴽⴽⵉ ⴷ|nekk d|nkki d|nekki d|nkk d
    """

    /// Identity documents, travel documents and the gates and kiosks that read them, time clocks, and the CNDP
    /// declarations they need: a biometric term next to one, in a procedural sentence, is a requirement of the
    /// procedure ("are fingerprints required for the visa?", "ⵉⵙ ⵉⵇⵇⴰⵏ ⴰⴷ ⴼⴽⵖ ⵜⵉⴹⵕⵉⵡⵉⵏ … ⵜⴰⴽⴰⵔⴹⴰ?", "our company wants
    /// a fingerprint time clock, what must we declare to the CNDP?"), not a fact about the person's body.
    static let document = """
    passeport|passeports|passport|passports|paspor|passpor|lpaspor|lpasspor|lpassport|lbasbor|باسبور|الباسبور|جواز|جواز السفر|\
    ⵍⴱⴰⵙⴱⵓⵔ|ⴰⵙⵙⴰⵔⴰⴳ|carte|cartes|card|cards|cnie|cin|lakart|lakarṭ|lkart|takarḍa|takarda|ⵜⴰⴽⴰⵔⴹⴰ|البطاقه|بطاقه|لاكارط|لاكارت|\
    visa|visas|فيزا|الفيزا|lvisa|titre de sejour|sejour|residence|permit|permis|gates|gate|portes|portique*|borne|kiosk|\
    renouvellement|renouveler|renew|renewal|renewing|تجديد|كنجدد|نجدد|tajdid|ⴰⵙⵏⴼⵍ|ⵙⵏⴼⵍⵖ|usnfl|asnfl|\
    pointeuse|pointeuses|badgeuse|time clock|time clocks|clocking|clock in|attendance|الحضور|حضور العمال|بوانتوز|\
    bwantuz|cndp|اللجنه الوطنيه|approval|declaration|التصريح|ترخيص|الترخيص|rrukhsa|lcndp
    """

    /// Practitioners: a benign cue as someone's job ("je suis médecin"), not when they speak to the person (then a
    /// `reporting` word is within three words: "le médecin m'a dit", "قال لي الطبيب", "tbib 3tani", "aṭbib inna yi").
    static let practitioner = """
    medecin|docteur|doctor|gp|tbib|tbiba|طبيب|طبيبه|الطبيب|الطبيبه|neurologue|neurologist|cardiologue|cardiologist|\
    gynecologue|gynecologist|gynaecologist|geneticien|geneticist|specialiste|specialist|pediatre|paediatrician|pediatrician|\
    dentiste|dentist|chirurgien|surgeon|sage femme|midwife|infirmiere|infirmier|nurse|ممرضه|ممرض|فرمليه|فرملي|\
    ⴰⵟⴱⵉⴱ|atbib|aṭbib|ṭbib|adbib|ⵜⴰⵟⴱⵉⴱⵜ|taṭbibt|ⴰⵎⵙⴳⵏⴼ|amsgnf
    """

    /// Benign cues that give a cause ("à cause de la grève", "because of", "بسبب"): they explain a topic away, not
    /// a condition ("perdu la vue à cause du glaucome").
    static let causal = """
    cause|malgre|because|despite|due to|بسبب|رغم|بسباب|b sbab|bsbab
    """

    /// Benign cues that make the terms a subject of study: a school report, statistics, a thesis.
    static let study = """
    expose|statistiques|chiffres|memoire|these|article|recherche|etude|project|statistics|figures|thesis|research|\
    presentation|paper|essay|report|dissertation|brochure*|depliant*|leaflet*|بحث|بحثا|احصائيات|ارقام|مقال|عرضا|عرض|\
    دراسه|مطويات|مطويه|ar9am|ⴰⵎⵙⵍⴰⵢ|amsslay|ⵉⵎⴹⴰⵏⵏ|imḍann|imdann|\
    annuaire|directory|دليل|دليلا|guide
    """

    /// Animals and vets: an illness next to them is the animal's ("mon chat est malade", "الحولي مريض", "lkelb dyali
    /// mrid", "ⴰⵢⴷⵉ ⵉⵏⵓ ⵉⵀⵍⴽ"). Amazigh words are listed once in Latin letters; the canonical spelling
    /// (`SensitiveSpelling`) finds them in Tifinagh too.
    static let animal = """
    chat|chatte|chats|chaton|chatons|chien|chienne|chiens|chiot|chiots|cheval|chevaux|jument|ane|anesse|mulet|mouton|\
    moutons|brebis|agneau|belier|vache|vaches|veau|chevre|chevres|chameau|chamelle|poule|poules|poulet|lapin|perroquet|\
    oiseau|canari|tortue|veterinaire|veterinaires|veto|animal|animaux|betail|troupeau|\
    cat|cats|kitten|dog|dogs|puppy|horse|horses|mare|donkey|mule|sheep|lamb|ram|cow|cows|calf|goat|goats|camel|hen|\
    chicken|chickens|rabbit|parrot|bird|canary|tortoise|vet|vets|veterinary|veterinarian|pet|pets|livestock|herd|\
    قط|قطه|قطط|كلب|كلبه|كلاب|جرو|حصان|فرس|خيل|حمار|بغل|خروف|كبش|نعجه|حولي|الحولي|بقره|عجل|ماعز|معزه|جمل|ناقه|\
    دجاج|دجاجه|ارنب|ببغاء|عصفور|سلحفاه|بيطري|البيطري|بيطريه|حيوان|الحيوان|حيوانات|الحيوانات|البهائم|بهائم|الماشيه|\
    المش|القطه|قطتي|القط|الكلب|الحصان|الخروف|البقره|الحمار|العجل|الجمل|الماعز|kelb|lkelb|klb|kalb|lkalb|9ett|9etta|l9ett|qett|lqett|lmech|lmch|3awd|l3awd|7mar|l7mar|\
    7awli|l7awli|kebch|kbch|lkebch|ba9ra|lba9ra|bagra|m3za|ma3za|lma3za|jmel|ljmel|naga|djaja|djaj|arnab|bitari|\
    lbitari|l7ayawan|7ayawan|l7ayawanat|7ayawanat|bhayem|lbhayem|lbhaym|bhaym|lmachiya|\
    amucc|amcic|tamucct|aydi|iydan|ikrri|akrraw|ulli|tixsi|tafunast|tafunasin|agmar|tagmart|iysan|ayyis|aɣyul|\
    taɣyult|alɣm|afullus|tayaziṭ|lbhim
    """

    /// Lawyers and notaries: a court, a file or a prison in their message is their work, unless a possessive makes
    /// the lawyer the sender's own ("mon avocat", "lmo7ami dyali").
    static let counsel = """
    avocat|avocate|avocats|lawyer|lawyers|attorney|solicitor|paralegal|barrister|notaire|notary|huissier|bailiff|\
    greffier|greffiere|juriste|محام|محامي|محاميه|المحامي|المحاميه|محامون|موثق|الموثق|مفوض قضائي|\
    lmo7ami|mo7ami|mo7amiya|m7ami|lm7ami|amhami|imhamin|tamhamit|avoka|lavoka
    """

    /// A lawyer's clients ("mon client", "ملف موكلي", "client dyali"): only a lawyer has one.
    static let client = """
    client|clients|cliente|clientes|موكل|موكلي|موكلتي|الموكل|موكله|mouwakil|lmowakil|mowakil|lmouwakil
    """

    /// What a practitioner does to a person: says, tells, gives, prescribes, confirms, finds.
    static let reporting = """
    dit|annonce|confirme|trouve|prescrit|explique|conseille|detecte|decouvert|\
    told|tells|said|says|found|gave|gives|prescribed|confirmed|advised|informed|detected|\
    قال|قالت|قالي|قالتلي|قالو|اخبرني|اخبرتني|اكد|اكدت|وصف|وصفت|عطاني|عطاتني|عطاه|عطاها|اعطاني|نصحني|نصحتني|\
    gal|galt|galia|galli|galt li|qal|qalt|qali|عند|chez|3nd|3end|3and|3tani|3tatni|3tah|3taha|3tana|nse7ni|\
    ⵉⵏⵏⴰ|ⵜⵏⵏⴰ|ⵉⴼⴽⴰ|ⵜⴼⴽⴰ|ⵢⵓⴼⴰ|inna|tnna|tenna|ifka|tfka|yufa
    """

    /// Locative words that make a prison or strike term a fact ("en prison", "in jail", "في السجن", "f l7bs",
    /// "ⴳ ⵍⵃⴱⵙ", "ⵖ ⵍⵃⴱⵙ", "gh lhbs", "deg lḥebs", "on strike", "en grève"); they do not upgrade other categories
    /// ("à l'hôpital" is also where nurses work).
    static let locative = """
    en|in|on|dans|في|فال|ف|f|fi|g|ⴳ|di|ɣ|ⵖ|gh|deg|dg|zg|zgh|zeg|ⵣⴳ|ⵣⵖ
    """
}
