/// Special categories of personal data under law 09-08 (art. 1), with biometric data and criminal records, which
/// the CNDP treats with the same care.
///
/// # What counts as sensitive
///
/// A message is sensitive when it **reveals a fact of one of these kinds about an identifiable person**: the sender,
/// or someone they speak of ("my father", "my neighbour's son", "a colleague of mine"). Using the vocabulary is not
/// enough.
///
/// Sensitive: a diagnosis, a treatment, a pregnancy, a disability, a hospital stay of the person (health); a genetic
/// test result, a carried mutation, a hereditary disease, a paternity DNA test (genetic); a prayer or fasting
/// practice, a conversion, a faith or the lack of one (religion); a party membership, a vote, taking part in a
/// protest, activism (political opinion); union membership, a union mandate, taking part in a strike (trade union);
/// a stated ethnic or tribal origin, skin colour, racism suffered because of it (ethnic origin); sexual
/// orientation, a relationship outside marriage, an abortion (sex life); the person's fingerprints, face image or
/// iris as used to identify them, including a rejected face-verification selfie (biometric); a conviction, a
/// pending case, an arrest, detention, release from prison (criminal record).
///
/// Not sensitive: how to obtain a criminal-record extract or its price; the opening hours of a hospital; whether an
/// office is open during Ramadan; a strike that only delayed the sender; a biometric-passport appointment; a doctor
/// asking which licences a clinic needs; a school project about diabetes; a relative whose *job* is in a hospital
/// or the police. The detector scores the first kind high and the second low; where it cannot tell, it says
/// `uncertain`, and the request-path policy (`SensitivityPolicy`) decides, sovereign by default.
public enum SensitiveCategory: String, Sendable, Codable, CaseIterable, Hashable {
    case health, religion, politicalOpinion, tradeUnion, ethnicOrigin, sexLife, genetic, biometric, criminalRecord

    /// Position in `allCases`, used to index per-category arrays.
    var index: Int {
        switch self {
        case .health: 0
        case .religion: 1
        case .politicalOpinion: 2
        case .tradeUnion: 3
        case .ethnicOrigin: 4
        case .sexLife: 5
        case .genetic: 6
        case .biometric: 7
        case .criminalRecord: 8
        }
    }
}
