/// Moroccan given names, written from general knowledge of names in use in Morocco (see Names/README.md).
/// Whitespace-separated words; a compound name ("Fatima Zahra", "Mohamed Amine") is listed word by word, and
/// its glued spelling (Fatimazahra) on its own.
enum GivenNames {
    /// Latin script: French-style transcriptions first, then common variants (Youssef / Yousef / Youcef / Yusuf).
    static let latin = """
        mohammed mohamed mohamad mohammad muhammad muhammed mouhamed mhamed mhammed hamid hamida ahmed ahmad hmad hmed \
        youssef yousef youssouf yusuf youcef yousouf yossef youssf younes youness younesse yunes yunus yassine yacine yasin \
        yassin hamza omar omer othmane othman otmane osman ali aly hassan hasan hassane hassen hussein houssein houcine \
        hossein hocine lhoussaine lhoucine lahoucine houssaine lahcen lahsen lhassan lahssen lhoussain brahim ibrahim \
        ismail smail ismael driss idriss idris rachid rashid rchid karim kareem abdelkarim abdelkrim abdellah abdallah \
        abdelah abdellatif abdelatif abdelaziz abdelhak abdelhaq abdelhadi abdelilah abdelillah abdeljalil abdelkader \
        abdelkadir abdelmajid abdelmjid abdelmalek abdelmalik abdelmounaim abdelmounim abdelouahed abdelwahed abdelouahab \
        abdelwahab abdelrahim abderrahim abderahim abderrahmane abderrahman abderahmane abdessamad abdessamed abdeslam \
        abdessalam abdeslem abdelfattah abdelghani abdelhamid abdelhafid abdelhafidh abdennour abdennacer abdenbi abdelali \
        abdelaali abdelmoula abdelkbir abdelkebir abdelghafour abdelwahid abdelhakim abderrazak abderrazzak abdelmoumen \
        abdou mouloud mustapha mustafa moustapha mostafa mostapha said saïd saad saâd saadeddine khalid khaled mehdi mahdi anas anass \
        amine amin mohamedamine ayoub ayyoub ayub adil adel aziz bilal badr badreddine badr-eddine nabil nabile hicham \
        hisham hichame jamal jamaleddine kamal kamaleddine noureddine nourredine nourdine nourddine salaheddine salah \
        tarik tariq taha walid oualid zakaria zakariya zakariae zakarya zakariyae soufiane sofiane soufyane sufian ilyas \
        ilias ilyass iliass elias imad imade issam essam reda rida redouane redwane ridouane ridwan mourad mouad mouaad \
        mounir monir mouhcine mohcine mohsine mohsin mouhsine mouhssine mohssine marouane marwane merouane marwan nassim \
        nasser nacer naoufal naoufel nawfal noah adam rayan rayane ryan ayman aymane aimane aymen yahya yahia hakim hatim \
        hatem hamdi jawad jaouad jalal jalil jamil jaafar jaâfar fouad fuad faical faisal fayçal fayssal farid fahd hafid \
        houssam houssame hossam khalil lotfi lamine mamoun mahmoud mahjoub mbarek mbark mubarak moubarak miloud mokhtar \
        najib nejib oussama ossama osama rabie rabii rachad rafik rafiq rami ramzi saber sabri sadik sadek safouane safwane \
        salim saleh sami samir seddik simo slimane soulaimane soulaiman souleimane sulayman taoufik taoufiq tawfik toufik \
        yassir yasser yazid zouhair zouheir zouhir zoubir zaid zayd zine zineddine zinedine ziad ziyad wadie wadii wail \
        wael anouar anwar achraf ashraf amr amar ammar amjad adnane adnan abdelhay boubker boubakr boubaker bouchaib \
        bouchta bouazza chakib chafik chaouki chouaib ghali hachem hachim hamou hammou hmida jilali jillali kacem kassem \
        kaddour lahbib lhabib larbi laarbi labib maati mekki mimoun moha mohand moussa mousa najim nouh okacha rahal rahhal \
        salem seghir sellam taib tayeb thami touhami yacoub yaakoub yakoub abdeladim abdelmounaim aissa issa aissam \
        amjad anouar aymen azzedine azeddine ezzedine charaf charafeddine chems chemseddine fakhreddine hamid hamada \
        houssine ilias imrane imran kamil karam khalil marouan mouhssin nizar nordine omar ouadie oussam rachidi riad riyad \
        saif seif saifeddine sofian tahar tahir tijani wissam yasir younous zakariaa \
        idir yidir yder massinissa masinissa yuba juba anir amnay ziri aksil axil koceila kusayla yugurten jugurtha \
        jugurta ayyur izem amazigh aghilas ghilas ameqran amqran amayas mayas anzar arezki akli yanis yannis massin amar \
        fatima fatema fatna fadma fatiha fatim fatimazahra fatimzahra fatimaezzahra fatima-zahra zahra zohra zhor ezzahra \
        ezzohra zahrae zahraa khadija khadidja khaddouj khdija kadija aicha aïcha aisha aycha aïsha aiche meryem maryem \
        mariam maryam meriem meryam miriam malika naima naïma nadia nadya latifa hafida hafsa hanane hanan hanae hana \
        hasna hassna hasnaa houda hoda hind ilham imane iman imen ikram ibtissam ibtisam jamila jihane jihan karima kenza \
        khaoula khawla laila leila leïla layla lamia lina loubna lubna malak manal maroua marwa mouna mounia mina nawal \
        naoual nezha nisrine nissrine nora noura nour nouhaila nouhayla oumaima oumayma rachida rajae raja rajaa rania rim \
        salma samira sanae sanaa sana siham sihame soukaina soukayna souad sabah safae safaa safia sara sarah saida samia \
        touria thouria wafae wafaa wafa wiam yasmine yasmina yassmine yousra yosra zineb zaynab zainab zakia zoubida \
        zahira ghizlane ghizlan ghislane ghita rkia rqia rkiya itto ittou ijja tuda touda yamna yamina yezza mimouna hlima \
        halima hajar hajjar hiba heba asmae asmaa asma chaimae chaima chaimaa douae douaa doha dounia fadwa fadoua fairouz \
        firdaous fouzia habiba hadda hayat hakima hanaa houria inass inas insaf ines jalila kaoutar kawtar keltoum kaltoum \
        maha majda maria meryeme naoual nassima nihad rabia rabiaa rahma saadia sabrina sakina salima selma souhaila \
        soumaya soumia sofia sophia tahani warda widad wissal zahia amal amina aziza bahija bouchra btissam chadia charifa \
        dalal hennou tamou mbarka aouatif awatif bouthaina chaymae hafsa hasnae ilhame imene kenza lamyae \
        majdouline manar meriame nadira najat najia nourelhouda oumnia rim sanaa sawsane siham souhayla wijdane yamna \
        zohour zoulikha jamila hayat farah ahlam amani ihsane ikhlas fadila nadir amir malik dounia \
        nada lamya ouiam wiame rihab riham rokaya soumiya najwa nouha ranya reem sabrine sawsan maissa mayssae alae alaa \
        assia basma chorouk dina lamiae manar ayat hafssa salwa sarra najoua ouafae chaymaa fatine houyam israe israa \
        ghada hadil aimad ayad badre bachir bahae dris elmehdi hamdane haitam haytam ilyasse iyad lahssen marouan \
        mouhamed naim nouaman noamane sohaib souhail wassim yacine abdelhaq \
        tilelli tililli tiziri thiziri tafsut tafsout thafsut itri tanirt dihya kahina tudert tifawt tinhinan taziri \
        tala numidia noumidia tislit tazdayt titrit taous thanina sylia lyna lounja tamazight \
        silya siliya tanina tassadit tamount tamsna mammas toufout tufut tuftut amayas menad aderfi aghilas gaya mazigh \
        afulay aksel massin tizi tayri anaruz tafrara tafukt tiwizi aylal hemmou hmmou ouchen ijjou itto ittou \
        boujemaa boujmaa boujamaa hnia hniya haddou haddouch tahar taher mokhtar lmokhtar zoubir hachmi mansour salah \
        yassir ayach ayachi bouazza bouchta bouchaib laarbi larbi maati lmaati thami touhami jilali lhaj lhoucine \
        batoul lbatoul thouria tourya hadda rabha saadia daouia mennana aalia fatima fettouma zina ghalia zahia \
        chaibia tamou ajja taja talla tiriri rkia rqia kaltoum zahra touria jannat ritaj sondos israe raghad rahaf narjis yakout \
        youssra jana jouna menna bassou tilila ghnou
        """

    /// Arabic script.
    static let arabic = """
        محمد أحمد احمد امحمد محماد مولود يوسف يونس ياسين حمزة عمر عثمان علي حسن حسين الحسن الحسين لحسن لحسين ابراهيم إبراهيم براهيم \
        اسماعيل إسماعيل سماعيل إدريس ادريس رشيد كريم مصطفى سعيد سعد خالد المهدي مهدي أنس أمين أيوب عادل عزيز بلال بدر نبيل هشام \
        جمال كمال نور طارق طه وليد زكرياء زكريا سفيان إلياس الياس عماد عصام رضى رضا رضوان مراد معاد معاذ منير محسن مروان ناصر \
        نوفل آدم ريان أيمن يحيى حكيم حاتم حميد جواد جلال جليل جميل جعفر فؤاد فيصل فريد فهد حفيظ حسام خليل لطفي مأمون محمود محجوب \
        امبارك مبارك ميلود مختار نجيب أسامة رابح ربيع رفيق رامي رمزي صابر صبري صديق صفوان سليم صالح سامي سمير سليمان توفيق ياسر يزيد \
        زهير زبير زيد زين زياد وديع وائل أنور أشرف عمرو عمار أمجد عدنان بوشعيب بوعزة بوبكر شكيب شفيق شوقي شعيب الغالي غالي هاشم حمو \
        حميدة الجيلالي جيلالي قاسم قدور لحبيب العربي المعطي المكي ميمون موحى موحا موسى نجيم نوح عكاشة رحال سالم الطيب التهامي يعقوب \
        عيسى عزالدين نزار عمران إمران سيف أكرم هيثم إسحاق \
        فاطمة فاطنة فاضمة فطومة فتيحة الزهراء الزهرة زهرة خديجة عائشة عيشة مريم مليكة نعيمة نادية لطيفة حفيظة حفصة حنان هناء حسناء \
        هدى هند إلهام إيمان إكرام ابتسام جميلة جيهان كريمة كنزة خولة ليلى لمياء لينا لبنى ملاك منال مروة منى مونية مينة نوال نزهة \
        نسرين نورة نهيلة أميمة رشيدة رجاء رانية ريم سلمى سميرة سناء سهام سكينة سعاد صباح صفاء صفية سارة سعيدة سامية ثورية وفاء وئام \
        ياسمين ياسمينة يسرى زينب زكية زبيدة زهور غزلان غيثة رقية يامنة يمينة ميمونة حليمة هاجر هبة أسماء شيماء دعاء ضحى دنيا فدوى \
        فيروز فردوس فوزية حبيبة حياة حكيمة حورية إيناس إنصاف جليلة كوثر كلثوم مجدة ماريا نسيمة نهاد ربيعة رحمة سعدية سليمة سمية \
        صوفيا تهاني وداد وصال زاهية أمل أمينة عزيزة بهيجة بشرى شادية شريفة دلال إيطو ايتو يطو إيجة تودة مباركة نجاة نجية عواطف \
        بثينة مجدولين منار سوسن وجدان زليخة فرح أحلام أماني إحسان فضيلة ندى لمياء رحاب سمية نجوى نهى رانيا صابرين ميساء آلاء \
        آسية بسمة شروق دينا آية سلوى بشير بهاء هيثم إياد نعمان سهيل صهيب وسيم \
        يوبا ماسينيسا أنير أمناي إيدير يدير زيري أكسيل ايزم تيليلي تيزيري تافسوت إيتري تانيرت ديهيا الكاهنة تودرت نوميديا تيفاوت \
        لينة بهية عبلة البتول الباتول بتول ثريا حادة هنية رابحة السعدية الضاوية منانة فطيمة فطيما الشعيبية طامو عدي العياشي \
        بوجمعة الصديق الطاهر بلعيد حمادي علال بناصر الزبير المختار منصور صلاح جنات ريتاج إسراء رغد رهف حادة يطو تودة \
        امبارك لحسن الحسين المصطفى العباس عباس الهاشمي الحبيب الجيلالي المعطي عبو حدو موحند ايشو عيشة رقية تاجة زهيرة \
        تيزيري سيليا سيلية تانينا ماماس تامسنا أماياس مناد أغيلاس أناروز تايري أمازيغ تودة إيجة عدجو بديعة ريحانة نبيلة الزوهرة زوهرة \
        جنى ماسين باسو تيليلا
        """

    /// Tifinagh (IRCAM orthography: ⵃ for ḥ, ⵄ for ɛ, ⵖ for ɣ, ⵟ for ṭ, ⴹ for ḍ; no schwa, but ⴻ spellings listed too).
    static let tifinagh = """
        ⵎⵓⵃⵎⵎⴷ ⵎⵓⵃⴰⵎⵎⴷ ⵎⵃⵎⴷ ⵎⵓⵃⴰⵎⴰⴷ ⴰⵃⵎⴷ ⴰⵃⵎⴰⴷ ⵃⵎⴰⴷ ⵃⵎⵎⴰⴷ ⵢⵓⵙⴼ ⵢⵓⵙⵓⴼ ⵢⵓⵏⵙ ⵄⵍⵉ ⵄⵓⵎⴰⵔ ⵄⵓⵎⵔ ⵃⴰⵙⴰⵏ ⵃⵙⵏ ⵍⵃⵙⵏ ⵍⵃⴰⵙⵏ \
        ⵍⵃⵓⵙⵉⵏ ⵃⵓⵙⵉⵏ ⵍⵃⵓⵙⴰⵢⵏ ⴱⵔⴰⵀⵉⵎ ⵉⴱⵔⴰⵀⵉⵎ ⵉⴷⵔⵉⵙ ⴷⵔⵉⵙ ⵔⴰⵛⵉⴷ ⴽⴰⵔⵉⵎ ⵄⴱⴷⵍⵍⴰⵀ ⵄⴰⴱⴷⵍⵍⴰⵀ ⵎⴱⴰⵔⴽ ⵎⴱⴰⵔⴻⴽ ⵎⵉⵎⵓⵏ ⵎⵓⵃⴰ ⵎⵓⵀⴰ ⵃⴰⵎⵎⵓ ⵃⵎⵎⵓ \
        ⵎⵓⵃⴰⵏⴷ ⴰⴽⵍⵉ ⵙⴰⵄⵉⴷ ⵙⵄⵉⴷ ⵅⴰⵍⵉⴷ ⵢⴰⵙⵉⵏ ⵃⴰⵎⵣⴰ ⴰⵏⴰⵙ ⵎⵓⵙⴰ ⵎⵓⵙⵙⴰ ⵄⴰⴷⵉⵍ ⵎⵓⵙⵟⴰⴼⴰ ⵀⵉⵛⴰⵎ ⵊⴰⵎⴰⵍ ⵏⴰⴱⵉⵍ ⵔⴰⵛⵉⴷ ⵄⵍⴰⵍ \
        ⵢⵓⴱⴰ ⵊⵓⴱⴰ ⵎⴰⵙⵉⵏⵉⵙⴰ ⵎⴰⵙⵉⵏⵉⵙⵙⴰ ⵎⴰⵙⵙⵉⵏⵉⵙⵙⴰ ⴰⵏⵉⵔ ⴰⵎⵏⴰⵢ ⵉⴷⵉⵔ ⵢⵉⴷⵉⵔ ⵣⵉⵔⵉ ⴰⴽⵙⵉⵍ ⴽⵓⵙⴰⵢⵍⴰ ⵢⵓⴳⵓⵔⵜⵏ ⵢⵓⴳⵓⵔⵟⴰ ⴰⵢⵢⵓⵔ ⵉⵣⵎ \
        ⴰⵎⴰⵣⵉⵖ ⴰⵎⴰⵢⴰⵙ ⴰⵖⵉⵍⴰⵙ ⴰⵎⵇⵔⴰⵏ ⴰⵏⵣⴰⵔ ⴰⵎⴰⵔ \
        ⴼⴰⴹⵎⴰ ⴼⴰⵟⵉⵎⴰ ⴼⴰⵟⵎⴰ ⴼⴰⴹⵉⵎⴰ ⴼⴰⵟⵏⴰ ⴼⴰⴹⵏⴰ ⵅⴰⴷⵉⵊⴰ ⵅⴷⵉⵊⴰ ⵄⴰⵢⵛⴰ ⵄⵉⵛⴰ ⵎⵔⵢⴰⵎ ⵎⵔⵢⵎ ⵎⴰⵍⵉⴽⴰ ⵏⴰⵄⵉⵎⴰ ⵣⵀⵔⴰ ⵣⴰⵀⵔⴰ ⵣⵀⵓⵔ ⵉⵜⵜⵓ \
        ⵉⵟⵜⵓ ⵉⵊⵊⴰ ⵜⵓⴷⴰ ⵢⴰⵎⵏⴰ ⵃⵏⵏⵓ ⵔⵇⵉⵢⴰ ⵔⵇⵢⴰ ⵃⴰⵍⵉⵎⴰ ⵃⵍⵉⵎⴰ ⵙⴰⵍⵎⴰ ⵎⵉⵎⵓⵏⴰ ⵜⴰⵎⵓ ⵏⴰⴷⵢⴰ ⵍⴰⵜⵉⴼⴰ ⵃⴰⴼⵉⴹⴰ ⵙⵄⴰⴷ ⵀⵉⵏⴷ \
        ⵜⵉⵍⵍⵉ ⵜⵉⵍⴻⵍⵍⵉ ⵜⵉⵣⵉⵔⵉ ⵜⴰⴼⵙⵓⵜ ⵉⵜⵔⵉ ⵜⴰⵏⵉⵔⵜ ⴷⵉⵀⵢⴰ ⴷⵉⵃⵢⴰ ⴽⴰⵀⵉⵏⴰ ⵜⵓⴷⵔⵜ ⵜⵉⴼⴰⵡⵜ ⵜⵉⵏⵀⵉⵏⴰⵏ ⵏⵓⵎⵉⴷⵢⴰ ⵏⵓⵎⵉⴷⵉⵢⴰ ⵜⴰⵍⴰ \
        ⵜⵉⵙⵍⵉⵜ ⵜⴰⵣⴷⴰⵢⵜ ⵜⵉⵜⵔⵉⵜ ⵜⴰⵡⵙ ⴽⵏⵣⴰ ⵍⵉⵏⴰ \
        ⵙⵉⵍⵢⴰ ⵙⵉⵍⵉⵢⴰ ⵜⴰⵏⵉⵏⴰ ⵜⴰⵙⵙⴰⴷⵉⵜ ⵜⴰⵎⵓⵏⵜ ⵜⴰⵎⵙⵏⴰ ⵎⴰⵎⵎⴰⵙ ⵜⵓⴼⵓⵜ ⵜⵓⴼⵜⵓⵜ ⴰⵎⴰⵢⵢⴰⵙ ⵎⵏⴰⴷ ⴰⴷⵔⴼⵉ ⴰⵖⵉⵍⴰⵙ ⴳⴰⵢⴰ ⵎⴰⵣⵉⵖ \
        ⴰⴼⵓⵍⴰⵢ ⴰⴽⵙⵍ ⵜⴰⵢⵔⵉ ⴰⵏⴰⵔⵓⵣ ⵜⴰⴼⵔⴰⵔⴰ ⵜⴰⴼⵓⴽⵜ ⵜⵉⵡⵉⵣⵉ ⵀⵎⵎⵓ ⵉⵊⵊⵓ ⵜⴰⵊⴰ ⴰⵊⵊⴰ ⵜⵓⵔⵢⴰ ⵃⴰⴷⴷⴰ ⵃⴰⴷⴷⵓ ⵣⵉⵏⴰ \
        ⴱⵓⵊⵎⵄⴰ ⴱⵓⵛⵜⴰ ⴱⵓⵛⵄⵉⴱ ⴱⵓⵄⵣⵣⴰ ⵜⴰⵍⵍⴰ ⵜⵉⵔⵉⵔⵉ ⵍⵃⴰⵊ ⵍⵃⵓⵙⴰⵢⵏ ⵍⵃⵙⴰⵢⵏ ⵍⴰⵀⵙⵏ ⵍⵃⵙⵏ ⵄⴰⵍⵉ ⵄⵍⵉ ⵎⵓⵃⴰⵏⴷ ⵎⵓⵀⴰⵏⴷ ⵡⴰⵍⵉ \
        ⵎⴰⵙⵙⵉⵏ ⵎⴻⵏⵏⴰ ⵎⵏⵏⴰ ⴱⴰⵙⵙⵓ ⵜⵉⵍⵉⵍⴰ ⵓⵎⴰⵔ ⵄⵓⵎⵔ ⵖⵏⵓ ⵏⴰⵊⴰⵜ ⵎⵓⵍⵓⴷ
        """

    /// Second halves of compound given names, never a name on their own: Nour Eddine, Jamal-Eddine, عبد الله,
    /// نور الدين, and the divine names after عبد.
    static let tails = """
        eddine ddine edine ellah allah illah \
        الدين الله الاله الرحمان الرحمن الرحيم الكريم العزيز الحق الصمد اللطيف السلام القادر المجيد الحميد الغني الواحد الهادي \
        الرزاق الجليل الحفيظ الخالق الفتاح المالك الناصر الوهاب الباسط العالي الغفور الجبار المومن المنعم العظيم الكبير الرؤوف \
        الحي القدوس الودود الحكيم الرشيد الصادق العليم الخالق
        """

    /// Given names that are also everyday words, brands or places, so that only context makes them a person; and
    /// names of historical figures (Yuba, Massinissa, Dihya), which name schools and streets as often as people.
    static let common = """
        amal karim karima said saida saïd nour noor iman imane salam rahma jamila hayat farah aziz aziza habib habiba wafa \
        wafae wafaa najat hanane hanan latifa malika sabah chems warda amine amin hasna hakim aya ghali fatiha ilham bouchra \
        houria widad raja marjane hiba malak dounia ahlam amani ihsane ikhlas fadila sakina nadir amir malik rim nora \
        yuba juba massinissa masinissa dihya kahina jugurtha jugurta yugurten koceila kusayla tinhinan numidia \
        amazigh tamazight tilelli tililli itri tafsut tafsout ayyur tudert anir tanirt amnay idir tifawt tiziri izem anzar \
        tala tislit tazdayt titrit taous \
        أمل كريم كريمة سعيد سعيدة نور إيمان سلام رحمة جميلة حياة فرح عزيز عزيزة حبيب حبيبة وفاء نجاة حنان لطيفة مليكة صباح وردة \
        هناء منير أمين حكيم علي عمر حسن الحسن بشرى سناء هدى زهرة عادل رشيد جمال كمال منى رجاء صفاء ياسمين ريم أسماء إحسان إكرام \
        سليمة محمود حميد سعد غزلان مراد رضى رضا وليد فريد سالم صالح نجيب سهام ابتسام إلهام نوال أنس سامي ملاك دنيا أحلام أماني \
        سكينة فضيلة العربي صابر جميل شريفة دلال زين لبنى هاجر \
        صديق الصديق مبارك امبارك مباركة يزيد زيد هبة دعاء إنصاف عواطف تهاني ضحى حادة الطيب الطاهر الحبيب الغالي المختار \
        مختار سليم رفيق رابح ربيع صبري حدو عدي \
        ⵜⵉⵍⵍⵉ ⵜⵉⵍⴻⵍⵍⵉ ⵉⵜⵔⵉ ⵜⴰⴼⵙⵓⵜ ⴰⵢⵢⵓⵔ ⵜⵓⴷⵔⵜ ⴰⵏⵉⵔ ⵜⴰⵏⵉⵔⵜ ⴰⵎⵏⴰⵢ ⵉⴷⵉⵔ ⵜⵉⴼⴰⵡⵜ ⵜⵉⵣⵉⵔⵉ ⵉⵣⵎ ⴰⵎⴰⵣⵉⵖ ⴰⵏⵣⴰⵔ ⵜⴰⵍⴰ ⵜⵉⵙⵍⵉⵜ ⵜⴰⵣⴷⴰⵢⵜ \
        ⵜⵉⵜⵔⵉⵜ ⵜⴰⵡⵙ ⴽⴰⵔⵉⵎ ⵙⴰⵄⵉⴷ ⵢⵓⴱⴰ ⵊⵓⴱⴰ ⵎⴰⵙⵉⵏⵉⵙⴰ ⵎⴰⵙⵉⵏⵉⵙⵙⴰ ⵎⴰⵙⵙⵉⵏⵉⵙⵙⴰ ⴷⵉⵀⵢⴰ ⴽⴰⵀⵉⵏⴰ ⵢⵓⴳⵓⵔⵟⴰ ⴽⵓⵙⴰⵢⵍⴰ ⵜⵉⵏⵀⵉⵏⴰⵏ ⵏⵓⵎⵉⴷⵢⴰ \
        يوبا ماسينيسا ديهيا الكاهنة نوميديا \
        tayri anaruz tafrara tafukt tiwizi tamsna zina ghalia aalia salah mansour jannat narjis yakout \
        لينا غالي يدير زينة ملك جود نرجس ياقوت سندس الغالية العالية غالية صلاح منصور أناروز تايري تامسنا جنات \
        ⵜⴰⵢⵔⵉ ⴰⵏⴰⵔⵓⵣ ⵜⴰⴼⵔⴰⵔⴰ ⵜⴰⴼⵓⴽⵜ ⵜⵉⵡⵉⵣⵉ ⵜⴰⵎⵙⵏⴰ ⵣⵉⵏⴰ \
        ⴰⵎⵇⵔⴰⵏ ⴰⴽⵙⵉⵍ ⴰⴽⵙⵍ ⴰⵖⵉⵍⴰⵙ ⵜⴰⵎⵓⵏⵜ ⵍⵃⴰⵊ ⵜⴰⵍⵍⴰ ⴰⵎⴰⵔ ⴰⴷⵔⴼⵉ
        """
}
