// Training text for ber-Latn, written by the Thiqa team for this purpose (see README.md beside this file).
// One message per line; the lexicon holds frequent words, space-separated, so that one- and two-word messages have evidence.

extension TrainingCorpus {
    static let amazighLatinMessages = #"""
azul fellawn, riɣ ad d ssufɣɣ yat tasnadt n tlalit
azul, mad ixssan n lkaɣeḍ bac ad skrɣ takarḍa tanamurt?
manza lwqt ɣ ar ttrẓmn lbiru n lḥalt lmadaniya?
riɣ ad asiɣ anmugr bac ad srsɣ afaylu inu
is zḍarɣ ad xlṣɣ ɣ internet?
tanmmirt ad iyi tsrrɛm s tiririt
ɣuri yat tmukrist d lfaktura n waman d tafawt
gin iyi tasutert, ur iyi nnin mayɣ, ma ad skrɣ?
ar ttqlleɣ f tasnadt n tallalt n tɣuri
mani tlla lmulḥaqa lidariya lli iqrbn s tgmmi inu?
mamnk ad asiɣ rrxṣa n lbni?
ayyur ad ur iyi d ikcim lmanḍa n tsntit
is tzḍarm ad iyi tsskrm tabdart n lkaɣeḍ ixṣṣan?
afaylu inu ur ikmil, maca ḥtta yan ur iyi inna ma ixṣṣan
tifawin, ar ttqlleɣ f tawuri, riɣ ad ssjlɣ ɣ ANAPEC
is ixṣṣa ad d aškɣ nkki s ixf inu bac ad ssmlɣ?
riɣ ad ssnɣ is ingra paspor inu
mnck a iswa ttanbr n paspor?
ddiɣ s Casa, mamnk ad sbddlɣ tansa inu?
ssuffɣn iyi idrimn sin tikkal zɣ lkunt
tiskrt tiklt ayd iyi d ijran, lbiru iqqn
tanmmirt bahra f tiwisi nnun
riɣ ad skrɣ tacikayt f yan umxddam
takarḍa inu ad tkmml ayyur d itteddun
is ixṣṣa anmugr niɣ zḍarɣ ad d aškɣ ɣilad?
mani ad zḍarɣ ad ssurgmɣ tasnadt n tɣuri?
nkki d anlmad, ixṣṣa yi tasnadt n tɣuri
mamnk ad ḍfrɣ tasutert inu?
akud lli nnan izri, iga ɣilad aṭas
ur ɣuri internet, is zḍarɣ ad skrɣ ayad ɣ lguichi?
mani ad illa tribunal s tidt?
ixṣṣa yi ad sjjdɣ lpirmi, ma ixṣṣan ad d awiɣ?
argaz lli d iyi irarn ɣ tilifun iqqn fllai
is tzḍarm ad iyi tinim is ssjlɣ?
iwi illul ɣ brra, mamnk ad t ssmiɣ ɣ lqunṣuliya?
is zḍarɣ ad sḥqqɣ tamatart bla takarḍa tamaynut?
is qbln tasnadt tamsasat?
riɣ ad ssjlɣ ɣ lluwa2iḥ n lintixabat
ssutrn ɣuri tasnadt n ukccum, mani ad tt ssutrɣ?
lpaṭrun ur iyi isjjil ɣ CNSS
riɣ ad ssnɣ mnck a tga ḍḍriba n tgmmi
tlla yat tasna ur tlli ɣ udlis n twacult
timinsiwin, is tzḍarm ad iyi tinim mamnk ad skrɣ?
asmel n uɣlif ur ixddm zɣ tifawt
ttuɣ isem d tguri n uzray
riɣ ad kksɣ anmugr n uzkka
is qadda lkaɣeḍ lli d ssufɣɣ s scanner?
aḍfur ɣzzif bahra, ffɣɣ bla ma skrɣ yat
mnck a tswa yat tnsxt n carte grise?
ixṣṣa yi tasnadt n tudert ɣ tsntit
mani ad xlṣɣ lmuxalafa n parking?
isem inu ittyura s lɣalaṭ ɣ diplôme
tanmmirt nnun f ufham nnun
azn awn d yat tnsxt n takarḍa inu
nkki d amɛdur, is illa kra n lguichi n tizwart?
inna ttuɣ adlis n twacult nns
riɣ ad ssnɣ manza lwqt ɣ ar tqqn lɛimala
mnck n twlafin ad ixṣṣan?
is ixṣṣa ad sḥqqɣ tansxt?
ur iyi d ilkim ḥtta yan ukud ɣ SMS
mad izḍarn ad iyi ssml ɣ udɣar inu iɣ ṭṭnɣ?
zdɣɣ ɣ Fransa, riɣ ad skrɣ lwkala
is iga baṭel niɣ s idrimn?
ur ufiɣ azday bac ad d zzugzɣ tasnadt
mnck n wussan ad ittasi tasnadt n tmlla?
riɣ ad ssutrɣ f yat lmuxalafa lli iyi d ilkmn s lɣalaṭ
ɣuri yat tmukrist ɣ usjjl n lmubara
iruḥ lmlf n tdawa n baba ɣ sbiṭar
riɣ ad iyi sɛawnn ɣ tgmmi
is tzḍarm ad iyi tsifḍm tasnadt s lbusṭa?
nkni d tamsmunt, nra kra n tiwisi zɣ tɣiwant
riɣ ad ẓrɣ aselway n tɣiwant
mayɣ ad iyi tqqnm takarḍa?
ur zḍarɣ ad sfsrɣ lwṣl
tawuri nnun tfulki bahra, ayyuz fllawn
ur iyi iɛjib ustqbal ɣ lguichi wis kraḍ
is ixṣṣa tasnadt ad tg s taɛrabt?
ixṣṣa yi kra zɣ lqqayd n ttijara
mamnk ad ssmiɣ lmut n jddi?
ar awn ttaraɣ acku aman bbin ɣ lḥumt nnɣ
tafawt n uzqaq nnɣ txsi iga ɣilad ayyur
is zḍarn ibrraniyn ad skrn ayad?
riɣ ad sjjlɣ illi ɣ tinml n tarwa imẓẓyann
ma ayd iga uṭṭun n tilifun n lxdmt?
imikd ad ffɣn lntayj?
ixṣṣa yi ad d awiɣ tasnadt n tzdɣin tamaynut
lfaktura inu tɣla bahra ayyur ad
is ar irẓẓm lbiru ɣ lɛoṭla?
riɣ ad skrɣ tasutert bac ad iyi zdin s tafawt
waxxa, tanmmirt bahra
ad d aškɣ azkka ṣbaḥ inchaallah
yah, s tidt
uhu, ur iga ɣayan
ur ssinɣ ma skrɣ
is tzḍart ad iyi tɛawnt?
ɛawnat iyi a ayt tgmmi
mani s tidt?
manza lwqt?
mad lbiru?
ḥtta yat tiririt ur d tuški
azday ur ixddm
ur fhimɣ ayad
ixṣṣa yi ad d uɣulɣ?
tɛṭṭl bahra
yat tnsxt yaḍn
ad asiɣ anmugr
tasnadt n tzdɣin
takarḍa inu
lkaɣeḍ inu
ɣilad ma?
mayɣ akka?
manik a tgit a gma
labas, tanmmirt
azul a tamɣart
azul a ultma, manik a tgit?
azul fllak a baba
ar ttinit tamaziɣt?
tamaziɣt d awal nnɣ
nkki zɣ Tafraout, riɣ ad ssnɣ kra
mamek ara xedmeɣ akken ad d-awiɣ lkaɣeḍ?
azul, ttxil-k, anda ara afeɣ lbiru?
tanemmirt ɣef tririt
ur zmireɣ ara ad d-asaɣ azekka
ayen ilaq ad d-awiɣ?
acu i d ttawiɣ?
riɣ ad ssnɣ mani ad ssutrɣ paspor
azul fellak a gma, is tssnt mani tlla taɣiwant?
ghassa ur ddiɣ, azkka ad ddugh
mnchk a tswa lkaghit?
dar i lmaw3id azkka ghf ṣbaḥ
azul fellawen, ixs ad ssneɣ mani ɣa ddeɣ i lwraq
mlmi ɣa d yas lwaqt n lmaw3id?
ur ssineɣ mamek ɣa skreɣ
thanmirt nwen, ayyuz
mamec thellid a wma?
ixsa ad awiɣ tawlaft?
war ssinex min ɣa xedmex
min tebɣid a wltma?
zi mani d ɣa ckiɣ?
tanmmirt, ufiɣ ma riɣ
riɣ ad kcmɣ ɣ usmel maca ur iyi iqbil
is illa ma yyi iɛawnn ɣ tmazirt?
tamɣart nu ur tssin ad taɣ, ixṣṣa ad as yaws yan
ar ttmnadɣ f ulkim n tawuri
iwa mrḥba, ad d aškɣ ɣ tizi n tadggʷat
ur sul ɣuri yat tasnadt n tlalit
baba ur ilkim ad d yašk, ihlk
ad iyi tsamḥm, ur ssinɣ ad ariɣ mzyan
is tssnm tutlayt tamaziɣt?
nkkin d amaziɣ, riɣ ad ssawlɣ s tmaziɣt
mani ɣ ar ttnsbadn lkaɣeḍ?
tasnadt ad ur tgi tin inu
tiskrt tiklt ayd iyi d tnnam ad d uɣulɣ
ayyuz, tawuri nnun tḥla
ur ssinɣ is ikmml ufaylu niɣ uhu
ixṣṣa yi ad ssnɣ mnck n idrimn
aɣrum d waman, ur gis ma yaḍnin
tarwa ad ddun s tinml azkka
manza tinml lli iqrbn?
ma ɣ illa lbiru n tɣiwant?
lmaw3id inu iga azkka ɣ tmanya
ar awn ttaraɣ zɣ Tiznit
riɣ ad d ssufɣɣ paspor i iwi
is ur tlli kra n tɣawsa yaḍn?
ayyuz a gma, ad ak yaws rbbi
ur iyi d yuški wawal
azul, nkkin d Fadma, riɣ tiwisi
mamek ara xedmeɣ?
ur fhimeɣ ara
anda yella lbiru?
ayen akk ilaqen?
dacu n lwraq i ilaqen?
tanemmirt ɣef lemɛawna
"""#

    static let amazighLatinLexicon = #"""
azul tanmmirt tanemmirt ayyuz fellawn fllawn fellak fllak fellam manik mamnk mamek labas waxxa uhu yah
nkki kyyi kmmi ntta ntat nkni kunni nttni inu nnk nnm nns nnɣ nnun nnsn ad ar ur is d n ɣ s f zɣ gh zgh i iyi ak am as aɣ awn asn
riɣ ra ira nra ssnɣ ssinɣ fhimɣ zḍarɣ tzḍart izḍar dduɣ ddiɣ iddu skrɣ iskr asiɣ awiɣ fkiɣ ufiɣ kcmɣ ffɣɣ xlṣɣ ssutrɣ sbddlɣ ssjlɣ
mani mad ma mayd mayɣ manza mnck mnchk mlmi imikd acu anda amek ayen ilaq ttxil
tasnadt takarḍa afaylu anmugr tasutert tiririt tabrat tansa tgmmi tigmmi tamazirt tamdint taɣiwant lbiru lkaɣeḍ lkaghit lwraq
ass ɣassa ghassa azkka iḍgam idgam ṣbaḥ tadggʷat ayyur imalass aseggʷas tikkelt tikkal
baba inna gma ultma iwi illi tarwa tamɣart argaz urba tawacult
tamaynut amaynu iqqn irẓẓm bahra aṭas ḥtta yat yan sin kraḍ kkuẓ smmus
tamaziɣt tamazight tutlayt awal amzdaɣ tinml tasdawit aɣerbaz tawuri tiwisi tallalt idrimn aman tafawt
"""#
}
