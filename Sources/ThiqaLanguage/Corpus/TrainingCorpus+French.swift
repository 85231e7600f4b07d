// Training text for fr, written by the Thiqa team for this purpose (see README.md beside this file).
// One message per line; the lexicon holds frequent words, space-separated, so that one- and two-word messages have evidence.

extension TrainingCorpus {
    static let frenchMessages = #"""
Bonjour, je souhaite obtenir une copie de mon acte de naissance.
bonjour je veux savoir les papiers necessaires pour la carte nationale
Quels sont les horaires d'ouverture du bureau d'état civil ?
Je voudrais prendre un rendez-vous pour déposer mon dossier.
Est-ce que je peux payer en ligne ?
Merci de me répondre le plus vite possible.
J'ai un problème avec ma facture d'eau et d'électricité.
Ma demande a été refusée sans explication, que dois-je faire ?
Je cherche le formulaire de demande de bourse.
Où se trouve l'annexe administrative la plus proche de chez moi ?
Comment faire pour obtenir un permis de construire ?
Je n'ai pas reçu ma pension de retraite ce mois-ci.
Pouvez-vous m'envoyer la liste des pièces justificatives ?
mon dossier est incomplet mais personne ne m'a dit ce qui manque
Bonjour madame, je suis à la recherche d'un emploi et je voudrais m'inscrire à l'ANAPEC.
Est-il nécessaire de venir en personne pour la signature ?
Je voudrais savoir si mon passeport est prêt.
Quel est le prix du timbre fiscal pour le passeport ?
J'ai déménagé à Casablanca, comment changer mon adresse ?
Le paiement a été débité deux fois de mon compte.
c'est la troisième fois que je viens et le bureau est fermé
Merci infiniment pour votre aide.
Je voudrais déposer une réclamation contre un agent.
Ma carte d'identité expire le mois prochain.
Faut-il prendre rendez-vous ou je peux venir directement ?
Où puis-je faire traduire mon diplôme ?
Je suis étudiant et j'ai besoin d'une attestation de scolarité.
bonjour svp comment je peux suivre ma demande
Le délai annoncé est dépassé depuis longtemps.
Je n'ai pas de connexion internet, puis-je faire la démarche au guichet ?
Quelle est l'adresse exacte du tribunal de première instance ?
Je dois renouveler mon permis de conduire, qu'est-ce qu'il faut apporter ?
La personne au téléphone m'a raccroché au nez.
Pouvez-vous confirmer que mon inscription a bien été enregistrée ?
Mon enfant est né à l'étranger, comment le déclarer au consulat ?
je voudrai savoir si on peut faire la legalisation sans la cin originale
Est-ce que la copie certifiée conforme est acceptée ?
Je souhaite m'inscrire sur les listes électorales.
On m'a demandé une attestation de revenu, où la demander ?
Mon employeur ne me déclare pas à la sécurité sociale.
Je voudrais connaître le montant de la taxe d'habitation.
Il manque une page dans mon livret de famille.
Bonsoir, pourriez-vous m'indiquer la marche à suivre ?
Le site du ministère ne fonctionne pas depuis ce matin.
J'ai oublié mon identifiant et mon mot de passe.
Je voudrais annuler mon rendez-vous de demain.
Est-ce que les documents scannés suffisent ?
La file d'attente était trop longue, je suis reparti sans rien.
Combien coûte un duplicata de la carte grise ?
Je voudrais un certificat de vie pour ma pension.
Où dois-je payer l'amende de stationnement ?
Mon nom est mal orthographié sur mon diplôme.
Je vous remercie par avance pour votre compréhension.
Veuillez trouver ci-joint la copie de ma carte nationale.
Je suis handicapé, existe-t-il un guichet prioritaire ?
Ma mère a perdu son livret de famille.
J'aimerais savoir à quelle heure ferme la préfecture.
Il faut combien de photos d'identité ?
Est-ce que je dois faire légaliser la copie ?
Je n'ai jamais reçu le code de vérification par SMS.
Qui peut signer à ma place si je suis malade ?
Je suis en France et je voudrais faire une procuration.
C'est gratuit ou payant ?
Je ne trouve pas le lien pour télécharger le formulaire.
La demande de certificat de propriété prend combien de jours ?
Je voudrais contester une amende que j'ai reçue par erreur.
bonjour, jai un soucis avec mon inscription au concours
Le dossier médical de mon père a été perdu à l'hôpital.
Je souhaite obtenir une aide pour le logement social.
Est-il possible de recevoir le document par la poste ?
Nous sommes une association et voulons une subvention de la commune.
Je voudrais un rendez-vous avec le président de la commune.
Pourquoi ma carte a-t-elle été bloquée ?
Je n'arrive pas à imprimer le reçu.
Votre service est vraiment excellent, bravo.
Je suis très mécontent de l'accueil au guichet numéro trois.
Le document doit-il être traduit en arabe ?
J'ai besoin d'un extrait du registre de commerce.
Comment déclarer le décès de mon grand-père ?
Je vous écris pour signaler une coupure d'eau dans notre quartier.
Les lampadaires de notre rue ne fonctionnent plus depuis un mois.
Est-ce que les étrangers peuvent faire cette démarche ?
Je veux inscrire ma fille à la crèche municipale.
Quel est le numéro de téléphone du service client ?
Quand est-ce que les résultats seront publiés ?
Je dois fournir un justificatif de domicile récent.
Ma facture est beaucoup trop élevée ce mois-ci.
Est-ce que le bureau est ouvert pendant les vacances ?
Je voudrais faire une demande de raccordement au réseau.
salut, c koi les papiers pour le passeport stp
slt jai pas compris la reponse
ok merci bcp
d'accord, je passerai demain matin
oui bien sûr
non ce n'est pas ça
je ne sais pas quoi faire
pouvez vous m'aider
aidez-moi s'il vous plaît
c'est où exactement ?
à quelle heure ?
quel bureau ?
toujours pas de réponse
ça ne marche pas
le lien est cassé
demande de duplicata
prise de rendez-vous
certificat de résidence
fiche anthropométrique
copie intégrale
dossier de candidature
attestation de salaire
formulaire en ligne
numéro de dossier
état civil
service des impôts
permis de conduire
acte de décès
casier judiciaire
pièce d'identité
je viens pour le renouvellement
c'est bon merci
pas encore
il faut prendre un ticket ?
je suis perdu
ça prend combien de temps ?
c'est fermé aujourd'hui ?
j'attends depuis une heure
vous acceptez les chèques ?
je n'ai pas de rendez-vous
quelle pièce faut-il ?
il me manque un papier
c'est pour ma mère
je reviens demain
à quel étage ?
le guichet numéro cinq
merci pour tout
bonne journée
je ne trouve pas l'entrée
c'est payant ?
"""#

    static let frenchLexicon = #"""
le la les un une des du de et est à au aux en dans pour par sur avec sans sous chez vers entre
je tu il elle nous vous ils elles on moi toi lui leur eux me te se mon ma mes ton ta tes son sa ses notre votre nos vos leurs
ce cet cette ces qui que quoi dont où quand comment pourquoi combien quel quelle quels quelles lequel
ne pas plus jamais rien personne aucun aucune très trop peu beaucoup aussi encore déjà toujours souvent
être avoir faire aller venir pouvoir vouloir devoir savoir falloir dire voir prendre donner mettre trouver
suis es sommes êtes sont ai as avons avez ont fait faites font vais vas va allons allez vont peux peut pouvons pouvez peuvent
veux veut voulons voulez veulent dois doit devons devez doivent sais sait faut fallait voudrais pourriez serait était
bonjour bonsoir merci madame monsieur salut svp stp oui non d'accord voilà alors donc mais ou car puis ensuite
demande dossier document papier carte nationale passeport acte naissance mariage certificat attestation extrait
mairie commune préfecture bureau guichet agent service administration rendez-vous délai frais timbre paiement
adresse numéro téléphone courriel formulaire signature légalisation copie original photo inscription renouvellement
aujourd'hui demain hier matin soir semaine mois année jour heure minute lundi mardi mercredi jeudi vendredi samedi dimanche
père mère fils fille frère sœur enfant femme mari famille voiture maison travail école université hôpital
nouveau nouvelle ancien ancienne perdu perdue volé urgent possible nécessaire obligatoire gratuit payant
problème erreur réponse question aide besoin information renseignement réclamation plainte retard
"""#
}
