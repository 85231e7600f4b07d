/// Moroccan family names, written from general knowledge of names in use in Morocco (see Names/README.md).
/// Listed without their particle: "El Alaoui", "Elalaoui" and "العلوي" are found through "alaoui" and "علوي"
/// (the scanner strips a glued el-/al- or ال before looking a word up), and "Ait Ali", "Ben Salah", "بن عمر" are
/// a particle followed by any name.
enum FamilyNames {
    static let latin = """
        alaoui alami idrissi drissi bennani benjelloun benjeloun berrada tazi fassi fihri lahlou chraibi cheraibi kettani \
        ktiri sebti ziani amrani benkirane benkiran ouazzani wazzani squalli skalli sqalli filali naciri nasiri nassiri \
        bouzid bouzidi tahiri ouali oubella lamrani chakir mernissi guessous benmoussa bennis cherkaoui charkaoui kabbaj \
        sbai sebbai chaoui lamrini mouline oukhouya bensouda raji mansouri lahrichi bouhlal bakkali sefrioui daoudi ouafi \
        belkhayat zouiten hachimi khattabi bensaid benali benabdellah benchekroun benslimane bouchta chami dahbi saidi \
        essaidi fikri ghazi hajji hamdaoui hilali jabri kadiri kamali laraki lazrak marzouki mekouar moussaoui naji nejjar \
        ouahbi rami regragui saadi sahraoui slaoui soussi tounsi touzani wahbi yacoubi yaacoubi zaki zemmouri bouazza \
        boukhari chafik chafiq chaouki ouchen oulhaj ouhammou oubaha amzzyan amzian amziane amellal boualam bouzyan \
        bouziane oumalek boutaleb oufkir oubouker taleb tadlaoui benhaddou akhannouch benabdeljalil benbrahim benbouchta \
        bencheikh bendahou bendriss benhamou benhima benhida bennouna smires bensalah benseddik bentaleb benyahia benzekri \
        bouabid boucetta bouchentouf bougrine boukili boulaich bourkia bouzoubaa chafai chahbouni chbani chebbak cherradi \
        chiadmi dkhissi doukkali elbaz baz khalfi malki errachidi essafi safi fadili fahmi ferhat gharbaoui guedira hajjaji \
        hakimi halimi hammoumi harouchi hassani hejji hilmi iraqi jamai jazouli jettou kanouni karimi khatib khamlichi \
        lahbabi lahlimi laabi lamghari lamkaddem lyoussi maaroufi madani mahfoudi majdoubi marrakchi mechbal meknassi \
        mesbahi mezouar mikou moumni mrabet mrani naimi nasri ouarzazi ouardi ouadghiri ouakrim oudghiri rahali rhazi \
        ridaoui sabri sadiki sahli salhi sbihi semlali sekkat serghini sghiri sijilmassi slimani tamri tijani touimi \
        yazami youssfi zahraoui zarrouk zerhouni zerktouni zniber belhaj belhadj belkadi belmahi belmekki belkziz belghiti \
        belabbes bellamine bouaddi boufous bouhaddou boukhris boulif boumediane bounou bousfiha bouzekri ghazouani \
        ghazaoui sabbar sanhaji senhaji hayane hayan hamdouchi haddaoui alaouia ouahabi ouhbi ouchchane ouchane ouaziz \
        aitelhaj oukacha ouakil oubrahim boussaid boukhari bouhmid bouhamidi boussetta aboulfaraj abouelfadl \
        aboutaleb abouzaid abouzid elhaddad haddad najjar nejjari hadri hadrami kabli saoudi mouhib moutawakil mouatassim \
        mesnaoui tber tebbaa tahri tahiri ouazani zaoui zouaoui jaidi jaafari jebbari kharbouch khalloufi khayati \
        lahmidi lakhdar lakhdari lamine marzak meftah mellouki mernissi mokri moufid naciri nafi ouhaddou ounnir oussidi \
        rachidi rifi rifai rochdi sadki sentissi sijelmassi soulami tadili tangi tanjaoui touil wardi yousfi zahidi \
        zaidi zemrani zeroual zerouali ziane zitouni
        """

    static let arabic = """
        علوي علمي ادريسي دريسي بناني بنجلون برادة تازي فاسي فهري لحلو شرايبي كتاني سبتي زياني عمراني بنكيران وزاني سقاط صقلي \
        فيلالي ناصري بوزيد بوزيدي طاهري والي بوبلة لمراني شاكر مرنيسي كسوس بنموسى بنيس شرقاوي قباج سباعي شاوي لمريني مولين بنسودة \
        راجي منصوري لحريشي بوهلال بقالي صفريوي داودي وافي بلخياط زويتن هاشمي خطابي بنسعيد بنعلي بنشقرون بنسليمان بوشتى شامي ذهبي \
        سعيدي فكري غازي حجي حمداوي هلالي جبري قادري كمالي عراقي لزرق مرزوقي مكوار موساوي ناجي نجار وهبي رامي ركراكي سعدي صحراوي \
        سلاوي سوسي تونسي توزاني يعقوبي زكي زموري بوعزة بخاري شفيق شوقي أوشن أولحاج أوحمو أوبها أمزيان أملال بوعلام بوزيان أومالك \
        بوطالب أوفقير تادلاوي بنحدو حسني حسناوي دكالي جزولي جامعي مراكشي مكناسي حكيمي يوسفي زروالي زهراوي زرهوني زنيبر مرابط \
        حيان بلحاج بلقاضي بلغيتي بوستة بوعبيد بوسفيحة غزواني صبار صنهاجي كتاني أخنوش بنعبد الجليل بنبراهيم بنحمو بنهيمة بنونة \
        بنصالح بنطالب بنيحيى رحالي رغاي شرادي شبعتو صبري صديقي سكاط سرغيني سليماني تيجاني يزمي زروق فاسي حداد نجاري سعودي \
        مريني سنتيسي تادلي طنجاوي ريفي زيدي زاهدي زيتوني زياني أوعلي أوبراهيم أوحدو أوكريم خياطي خلوفي لخضر مفتاح ملوكي \
        بنكيران رودي بنيس وزاني بوطيب بوخريص العماري عماري بكاري بوعمر بنعمر بنشيخ
        """

    static let tifinagh = """
        ⴰⵎⵣⵣⵢⴰⵏ ⴰⵎⵣⵢⴰⵏ ⴰⵎⵍⵍⴰⵍ ⴱⵓⵄⵍⵍⴰⵎ ⴱⵓⵣⵢⴰⵏ ⵓⴱⴰⵀⴰ ⵓⵎⴰⵍⴽ ⵓⵄⵍⵉ ⵓⵃⵎⵎⵓ ⵓⵃⴰⵎⵎⵓ ⵓⵍⵃⴰⵊ ⵓⴱⵓⴽⵔ ⵓⴼⴽⵉⵔ ⴰⵅⵏⵏⵓⵛ ⴱⵓⵟⴰⵍⴱ ⵄⵍⴰⵡⵉ \
        ⴰⵎⵇⵔⴰⵏ ⵍⵄⵍⴰⵡⵉ ⴱⵏⵏⴰⵏⵉ ⵜⴰⵣⵉ ⴱⵔⵔⴰⴷⴰ ⵉⴷⵔⵉⵙⵉ ⵍⵉⴷⵔⵉⵙⵉ ⵄⵎⵔⴰⵏⵉ ⵍⵄⵎⵔⴰⵏⵉ ⴼⴰⵙⵉ ⵍⴼⴰⵙⵉ ⵓⴱⵔⴰⵀⵉⵎ ⵓⵃⴷⴷⵓ ⵓⴽⵔⵉⵎ ⵓⵍⴽⴰⵢⴷ ⴱⵓⵣⵉⴷ
        """
}
