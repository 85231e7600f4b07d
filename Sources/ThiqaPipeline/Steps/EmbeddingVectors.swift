import ThiqaCore

/// One vector per input, whatever the backend returns. Some servers (llama.cpp without pooling) answer a list of
/// per-token vectors for each input, which breaks every OpenAI client expecting `embedding: [Float]`; those are
/// mean-pooled. Every vector is then L2-normalised, as OpenAI's are, so cosine similarity is a dot product.
enum EmbeddingVectors {
    /// Rewrites `data[i].embedding` in place; returns whether anything changed.
    static func poolAndNormalize(_ json: inout JSONValue) -> Bool {
        guard case .object(var object) = json, case .array(var data)? = object["data"] else { return false }
        var changed = false
        for index in data.indices {
            guard case .object(var item) = data[index], case .array(let values)? = item["embedding"] else { continue }
            guard let vector = Self.vector(values) else { continue }
            item["embedding"] = .array(vector.map { .double($0) })
            data[index] = .object(item)
            changed = true
        }
        guard changed else { return false }
        object["data"] = .array(data)
        json = .object(object)
        return true
    }

    /// A flat vector, or the mean of per-token vectors, L2-normalised; nil when the shape is not numbers.
    static func vector(_ values: [JSONValue]) -> [Double]? {
        var rows: [[Double]] = []
        if values.allSatisfy({ $0.doubleValue != nil }) {
            rows = [values.compactMap(\.doubleValue)]
        } else {
            for value in values {
                guard case .array(let row) = value else { return nil }
                let numbers = row.compactMap(\.doubleValue)
                guard numbers.count == row.count, numbers.count == (rows.first?.count ?? numbers.count) else { return nil }
                rows.append(numbers)
            }
        }
        guard let width = rows.first?.count, width > 0 else { return nil }
        var mean = [Double](repeating: 0, count: width)
        for row in rows {
            for column in 0..<width { mean[column] += row[column] }
        }
        let count = Double(rows.count)
        var norm = 0.0
        for column in 0..<width {
            mean[column] /= count
            norm += mean[column] * mean[column]
        }
        norm = norm.squareRoot()
        guard norm > 0 else { return mean }
        return mean.map { $0 / norm }
    }
}
