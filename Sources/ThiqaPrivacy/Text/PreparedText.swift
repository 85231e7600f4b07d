/// A message normalised and cut into words once, for both readers of it on the request path: the personal-data
/// scan (`PrivacyScanner.scan(_:)`, `Pseudonymizer.pseudonymize(_:mapping:)`) and the sensitive-data assessment
/// (`SensitiveDataDetector.assess(_:language:)`). Each used to normalise and tokenise the text itself: the second
/// time was 16 % of the assessment of a 2 KB message (340 of 2,069 samples in `perf record` of privacy-bench).
/// Each reader marks its own cues on its own copy of the words, so sharing changes no result.
public struct PreparedText: Sendable {
    /// The text as given.
    public let text: String
    let norm: NormalizedText
    /// The words as `NormalizedText.tokenize()` cuts them, before any reader marks cues or name kinds on them.
    let tokens: [Token]

    public init(_ text: String) {
        self.text = text
        self.norm = NormalizedText(text)
        self.tokens = self.norm.tokenize()
    }
}
