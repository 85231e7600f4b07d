// Training text for ary-Latn, written by the Thiqa team for this purpose (see README.md beside this file).
// One message per line; the lexicon holds frequent words, space-separated, so that one- and two-word messages have evidence.

extension TrainingCorpus {
    static let darijaLatinMessages = #"""
salam 3likom, bghit nkhrej nouskha dyal 39d lazdiyad
chno homa lwra9 li khassin bach ndir la carte nationale?
fo9ach kay7lo l7ala lmadaniya?
bghit nakhod maw3id bach n7et dossier dyali
wach n9der nkhles f internet?
3afak jawbni dghya
3ndi mochkil m3a facture dyal lma w do
rfdo lia demande w ma galo lia 3lach, chno ndir?
kan9leb 3la lwar9a dyal lmin7a
fin kayna lmol7a9a l idariya li 9riba lia?
kifach nakhod rokhsa dyal lbni?
had chhar ma khalsounich retraite
wach t9dro tsiftou lia achno homa lwra9 li khassin?
dossier dyali na9es walakin 7ta wa7ed ma gal lia chno na9es
sba7 lkhir, kan9leb 3la khedma w bghit ntsajel f anapec
wach khassni nji ana b rasi bach nsini?
bghit n3ref wach passport dyali wjed
ch7al kaysswa tanbr dyal passport?
r7lt l casa, kifach nbdel l'adresse dyali?
9t3o lia lflous jouj mrat mn compte
hadi talt mra kanji w lbiro msdod
choukran bzaf 3la lmosa3ada dyalkom
bghit ndir chikaya 3la wa7d lmowadaf
la carte dyali ghadi tsali chhar jay
wach khass rendez-vous wla n9der nji nichan?
fin n9der ntarjem diplome dyali?
ana taleb w khassni chahada dyal 9raya
kifach ntba3 demande dyali?
lwa9t li galo fat hadi mo2a
ma3ndich internet, wach n9der ndir lijra2 f guichet?
fin ja tribunal bdebt?
khassni njded permis, chno khassni njib m3aya?
drri li jawbni f telephone 9ta3 3lia
wach t9dro takdo lia bli tsjelt?
weldi tzad f lkharij, kifach nsare7 bih f consulat?
wach n9der nsade9 3la signature bla la carte originale?
wach kay9blo copie certifiée?
bghit ntsjel f lawa2i7 intikhabiya
tlbo mni chahadat dakhl, fin ntlbha?
patron ma msare7ch biya f cnss
bghit n3ref ch7al dariba dyal sokna
kayna chi sf7a na9sa f daftar 3a2ili
msa lkhir, wach t9dro tgoulo lia kifach ndir?
site dyal wizara ma khdamch mn sba7
nsit login w mot de passe
bghit nlghi rendez-vous dyal ghda
wach ykfiw lwra9 scannés?
sf kan twil bzaf w mchit bla ma n9di
ch7al katsswa nouskha dyal carte grise?
khassni chahadat l7ayat 3la wed retraite
fin nkhles lmokhalafa dyal parking?
smiya dyali mktouba ghalta f diplome
choukran mosba9an 3la tafahom dyalkom
ra siftt likom copie dyal la carte
ana m3a9, wach kayn chi guichet dyal priorité?
lwalida dy3at daftar 3a2ili dyalha
bghit n3ref fo9ach katsed l3imala
ch7al dyal tsawr khassin?
wach khassni nsade9 3la copie?
3omri ma wselni code f message
chkoun y9der ysini blasti ila kont mrid?
ana sakn f france w bghit ndir wakala
wach fabor wla blflous?
ma l9itch lien bach ntelecharger lwar9a
ch7al dyal nhar katakhod chahadat lmilkiya?
bghit nt3en f wa7d lmokhalafa jatni blghalat
3ndi mochkil f tasjil f lmobara
dossier medical dyal lwalid dae f sbitar
bghit nstafd mn da3m dyal sakan
wach y9dro ysiftou lia lwar9a f la poste?
7na jam3iya w bghina chi da3m mn jama3a
bghit nchouf ra2is dyal jama3a
3lach bloquaw lia la carte?
ma 9dertch ntbe3 lwasl
lkhidma dyalkom zwina bzaf, tbarkellah 3likom
ma3jbnich isti9bal f guichet nmra 3
wach khass lwar9a tkon mtarjma l 3arbiya?
khassni extrait dyal registre de commerce
kifach nsare7 b lwafat dyal jddi?
kanktb likom 7it lma m9tou3 f l7ouma dyalna
do dyal zn9a dyalna tafi hadi chhar
wach lbranyin y9dro ydiro had lijra2?
bghit nsjel benti f crèche dyal jama3a
chno howa numéro dyal service client?
imta ghadi ytl3o natija?
khassni njib chahadat sokna jdida
facture dyali ghalya bzaf had chhar
wach lbiro kay7el f l3otla?
bghit ndir demande bach yrbtouni b do
wakha, choukran bzaf
safi ghadi nji ghda f sba7 inchallah
iyeh tab3an
la, machi hadchi
ma 3raftch ach ndir
wach t9der t3awni
3awnouni lah yr7em lwalidin
fin bdebt?
m3a men ntkelm?
ach mn biro?
7ta chi jawab ma ja
lien ma khdamch
hadchi ma mfhomch
ya3ni khassni nrje3?
ra t3atlat bzaf
nouskha khra
nakhod maw3id
chahadat sokna
la carte dyali
lwra9 dyali
daba chno?
3lach haka?
kidayr lmochkil?
bghit nfhem
dyal mn hadi?
khoya 3afak
lah y7fdk
slm khouya bghit ghir nswl
wach kayn chi 7al wla la?
ma kayn 7ta mochkil ghir goulou lia
slm cv? bghit nswlk 3la wa7d l7aja
kifash ndir l passport dial weldi? 3ndo 5 snin
afak fin kayn lbureau d'etat civil
wesh momkin ndir demande online?
chnou lwraq li khasni njib?
bghite n3rf wach dossier dyali wsel
mzian bzzaf merci
kif ndir bach nbdel smiya?
3afac 3tini numero dyal lbiro
wach 5ass ndfe3 chi flous?
bzf dyal nas f sf lyoum
lah ykhlik 3awni
ana mn tanja w khdam f sbanya, bghit nrenouveler la carte
kanbghi nswl 3la l'amo dyali, ma kaytkhlsch
hadi simana w ana kantsna
ghir bchwiya 3lia
rah ma fhmt walo mn had site
chi 7ed y9der yjawbni?
3ndi wa7d soual sghir
ma kayn 7ta chi 7al?
ba9i ma jani 7ta jawab
chi wa7ed gal lia bli l'administration msdoda
wach nta li mkelef b had chi?
ma 3reft mnin nbda
hadchi li 3ndi
kifach ndiro daba?
khasskom tgoulo lina mn 9bel
blati chwiya ma fhmtch
3awd lia 3afak
sifet lia lien dyal demande
wach kayn chi nmra n3ayet liha?
sbitar tlb mni war9a dyal taghtiya
weldi mrid w khasso ramed
bghit n3ref wach 3ndi l7e9 f da3m
tasjil f lmadrasa tsala wla ba9i?
benti ma khdatch lmin7a had l3am
lkra ghali w bghit chi sakan i9tisadi
tobis dyal l7ouma ma b9ach kaydouz
lbolis chedo lia lwra9 dyal tomobil
khlst lmokhalafa w ba9i ma rj3och lia permis
dariba dyal tomobil fin katkhlas?
do t9te3 3lina mn lbare7
lma kayji khanz, chkon n3lm?
zbel ma kaytjme3ch f zn9a dyalna
bghit nchki 3la jiran 7it kaybniw bla rokhsa
intikhabat imta? wach khassni ntsjel?
khddam f charika w ma msare7inch biya
conge dyali ma bghawch y3tiweh lia
t9a3dt w mazal ma khlsouni
retraite dyal lwalid t7bsat
wakha ghadi nchouf
mzyan lah y3tik se7a
y3tik se7a khoya
baraka lah fik
lah ysahel
ma kayn bas
fhamtk daba
safi t9dat
machi mochkil
bzaf 3lia had lwra9 kamlin
3lach ma goltoha mn lowel?
ga3 hadou khassin?
ch7al dyal lwa9t ba9i?
fin wslat l9adiya dyali?
ra mchit tma w galo lia machi hna
wach kayn chi wa7ed kayhdar b fransawiya?
ma kan3rfch n9ra mzyan 3awni 3afak
weldi ghadi yji blasti
kankhdem f sba7, wach kat7lo f l3chiya?
nhar sebt wach khdamin?
had chi ma ma39olch
t3atlna bzaf w nas 3yat
chkoun lmas2oul hna?
bghit nhder m3a chef
lmowadafa galt lia nrj3 m3a l3achra
khass ghir copie wla l'original?
nsit code secret
tbdl lia numero dyal telephone
compte dyali tbloka
ma 9drtch ndkhol l site
kaytlb mni mot de passe w ana ma3ndich
fach kancliki ma kaywe9a3 walo
sf7a kat b9a ghir katdor
siftt likom message w ma jawbtonich
hadi tani mra kanktb likom
iwa chno?
yallah nchoufo
mazal?
3afak dghya
lah yjazik
choukran bzaf khoya
khti 3afak 3awnini
ch7al kaydir?
fin jat?
m3a mn ntkalem?
3lach la?
wach bse7?
daba wla mn b3d?
kifach dayr had chi?
bghit nkhles
ma3ndich lwa9t
wesh kayen chi 7al?
kifesh n9der nl9a lwra9?
achnou howa l7al?
salam 3alaykom bghit nsowl wa7ed sou2al
chno l wra9 li khasni
kifach ndir bach nakhod rdv
wach dak chi fabor?
chhal kaykhles l'timbre?
ana ma3ndich l'bac wach n9der nsajel?
ila 3afak chi wa7ed y3awnni
wach 5assni nmchi l'ba3d l'idara?
ra ma fhemt walou
3tini ghir lmo9ada
smahli ila t3tlt 3lik
hadchi kaml bach ndir carte?
mzyan bzzaf lah ykhalik
nta 9adi chi haja?
wach had chi s7i7?
ghadi nmchi ghda inchallah
ra sift lik dossier f lemail
mn fadlek jawbni
dyali ma bghach ykhdem
chno ndir daba ya3ni?
fin kayna had lblasa?
machi mochkil, choukran
bghit nkhlas l'amende dyal radar
3endi mouchkil f l'inscription
bghit n3ref natija dyal concours
lah ykhalik sir 3awni
kayn chi wa7ed hna?
wach kayn chi 7ed kayt3amel m3a l'amo?
tsajelt f l'compte walakin ma jani 7ta mail
ach ndir ila tlfat lia la carte?
"""#

    static let darijaLatinLexicon = #"""
bghit bghina bgha bghat kanbghi dyal dyali dyalk dyalo dyalha dyalna dyalkom dial diali wach wash wesh chno chnou achno ach ch7al chhal kifach kifash kif fin fine 3lach imta fo9ach chkoun chkon
hadchi hadi had hada dak dik daba ghadi ghdi kont kan9leb kanskon kankhdem kaykhles kaytlbo kaygolo katakhod ra rani rak raha rah
machi makaynch ma3ndich ma 3raftch ma fhamtch walo bzaf bzzaf bzf chwiya mzyan mzian mezyan zwin khayb safi wakha yallah ya3ni 7it 7ta ghir bla
3afak 3afac afak lah ykhalik lah ykhlik lah y7fdk lah yr7em lwalidin tbarkellah barak lah fik choukran chokran khoya khouya khti lwalid lwalida drri lbent mra rajl
khassni khassk khass khassin n9der t9der y9der nji nmchi ndir n3ref nkhles nswl nchouf nbdel njded ntleb nsiftt n7et nakhod n3ti
la carte lcarte passport permis carte grise lwra9 lwraq lwar9a dossier maw3id rendez-vous guichet biro jama3a mo9ata3a l9ayd lmo9adem baladiya
lma do lflous compte facture site internet telephone message lien code
lbare7 ghda lyoum sba7 l3chiya simana chhar l3am nhar sa3a d9i9a
kayn kayna kaynin 3ndi 3ndk 3ndo 3ndha m3aya m3ak lia lik lih liha fih fiha 3lia 3lik biya bik
"""#
}
