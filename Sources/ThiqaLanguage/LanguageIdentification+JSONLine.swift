extension LanguageIdentification {
    /// `{"id":…,"lang":"ary-Latn","others":["fr"]}`, the output line of `thiqa langid`; `rawID` is the id exactly as
    /// it must appear (a JSON string literal with its quotes, or a number as written).
    public func jsonLine(rawID: String) -> String {
        // Tags are fixed ASCII codes: nothing to escape.
        let others = self.others.map { "\"\($0.rawValue)\"" }.joined(separator: ",")
        return "{\"id\":\(rawID),\"lang\":\"\(self.language.rawValue)\",\"others\":[\(others)]}"
    }
}
