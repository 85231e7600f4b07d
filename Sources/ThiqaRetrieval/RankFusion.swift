/// Reciprocal rank fusion (Cormack, Clarke and Büttcher, 2009): each ranking gives a document 1 / (k + rank),
/// rank counted from 1. Scores of different retrievers are never compared, only their orders.
public enum RankFusion {
    public static let defaultK: Double = 60

    /// Fused order of the documents of `rankings` (each best first), best first; ties keep first-seen order.
    /// `weights` (one per ranking, default 1) scale each ranking's votes.
    public static func reciprocalRank(_ rankings: [[Int]], weights: [Double]? = nil, k: Double = defaultK) -> [(document: Int, score: Double)] {
        var scores: [Int: Double] = [:]
        var firstSeen: [Int: Int] = [:]
        var order = 0
        for (index, ranking) in rankings.enumerated() {
            let weight = weights?[index] ?? 1
            for (position, document) in ranking.enumerated() {
                scores[document, default: 0] += weight / (k + Double(position + 1))
                if firstSeen[document] == nil {
                    firstSeen[document] = order
                    order += 1
                }
            }
        }
        return scores.map { ($0.key, $0.value) }.sorted {
            $0.1 != $1.1 ? $0.1 > $1.1 : firstSeen[$0.0]! < firstSeen[$1.0]!
        }
    }
}
