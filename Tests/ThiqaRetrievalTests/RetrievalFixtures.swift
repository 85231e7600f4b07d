import ThiqaRetrieval

/// Small documents written for these tests. The "Arabic-only" ones have no Latin text at all, so a Latin-letter
/// question can only reach them through folding and skeletons.
enum RetrievalFixtures {
    static let arabicOnly: [RetrievalDocument] = [
        RetrievalDocument(
            id: "passport", headings: ["جواز السفر البيومتري", "الباسبور", "تجديد جواز السفر"],
            summaries: ["طلب أو تجديد جواز السفر البيومتري عبر الطلب المسبق."],
            body: ["يودع الملف لدى المصلحة مع التنبر والبطاقة الوطنية."], passages: ["جواز السفر البيومتري"]),
        RetrievalDocument(
            id: "birth-certificate-extract", headings: ["عقد الازدياد", "نسخة موجزة من رسم الولادة"],
            summaries: ["الحصول على نسخة موجزة من رسم الولادة من مكتب الحالة المدنية."],
            body: ["يقدم الطلب في مكتب الحالة المدنية لمكان الولادة."], passages: ["رسم الولادة"]),
        RetrievalDocument(
            id: "cnie-renewal", headings: ["تجديد البطاقة الوطنية للتعريف الإلكترونية", "لاكارط ناسيونال"],
            summaries: ["تجديد البطاقة الوطنية عند انتهاء صلاحيتها لدى مركز التسجيل."],
            body: ["يؤدى الرسم ويودع الملف لدى مركز تسجيل البطاقة الوطنية."], passages: ["البطاقة الوطنية"]),
        RetrievalDocument(
            id: "criminal-record-extract", headings: ["بطاقة السجل العدلي", "السوابق العدلية"],
            summaries: ["طلب بطاقة السجل العدلي من المحكمة أو عبر الإنترنت."],
            body: ["تسلم البطاقة من كتابة الضبط بالمحكمة."], passages: ["السجل العدلي"]),
    ]

    static let french: [RetrievalDocument] = [
        RetrievalDocument(
            id: "driving-licence", headings: ["Permis de conduire", "permis", "auto-école"],
            summaries: ["Obtenir le permis de conduire après la formation en auto-école et l'examen."],
            body: ["Le dossier est déposé au centre immatriculé de la NARSA."], passages: ["Permis de conduire"]),
        RetrievalDocument(
            id: "vehicle-registration", headings: ["Immatriculation d'un véhicule", "carte grise"],
            summaries: ["Immatriculer un véhicule et obtenir la carte grise."],
            body: ["Présenter le permis de conduire du propriétaire et la facture du véhicule."], passages: ["carte grise"]),
        RetrievalDocument(
            id: "company-creation", headings: ["Création d'entreprise", "créer une société"],
            summaries: ["Créer une société au centre régional d'investissement."],
            body: ["Certificat négatif, statuts, registre du commerce."], passages: ["création de société"]),
    ]
}

/// Embeds by counting concept words: a deterministic stand-in for a model, so that tests can make dense retrieval
/// find what lexical matching cannot. Records the roles it was asked for.
struct ConceptEmbeddings: EmbeddingProvider {
    static let concepts: [[String]] = [
        ["جواز", "باسبور", "voyage", "travel"],
        ["ولادة", "ازدياد", "birth", "naissance"],
        ["بطاقة الوطنية", "identity", "identité"],
        ["السجل العدلي", "casier", "criminal"],
    ]

    func embed(_ texts: [String], role: EmbeddingRole) async throws -> [[Float]] {
        texts.map { text in
            Self.concepts.map { words in Float(words.filter { text.contains($0) }.count) } + [0.01]
        }
    }
}
