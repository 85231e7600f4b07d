/// The outcome of pseudonymising one text.
public struct PseudonymizationResult: Sendable, Equatable {
    /// The text with masked values replaced by placeholders.
    public var text: String
    /// The conversation mapping, extended with the new placeholders.
    public var mapping: PseudonymMapping
    /// Every finding, masked or allowed, in original offsets.
    public var findings: [Finding]
    /// What was done for each type found (never the values).
    public var actions: [EntityType: PrivacyAction]

    /// Types found, in a stable order, for interaction records.
    public var typesFound: [EntityType] { EntityType.allCases.filter { self.actions[$0] != nil } }
}

/// Replaces personal data with typed placeholders (`<CIN_1>`, `<PHONE_2>`), consistent within a conversation.
public struct Pseudonymizer: Sendable {
    public var scanner: PrivacyScanner
    public var policy: PrivacyPolicy

    public init(scanner: PrivacyScanner = PrivacyScanner(), policy: PrivacyPolicy = .maskAll) {
        self.scanner = scanner
        self.policy = policy
    }

    /// Scans `text` and masks what the policy says to mask.
    /// - Throws: `PrivacyError.blocked(type)` when a finding's type is blocked; nothing is masked then.
    public func pseudonymize(_ text: String, mapping: PseudonymMapping = PseudonymMapping()) throws(PrivacyError) -> PseudonymizationResult {
        try self.apply(self.scanner.scan(text), to: text, mapping: mapping)
    }

    /// Masks given findings (sorted, non-overlapping, original scalar offsets) of `text`.
    public func apply(_ findings: [Finding], to text: String, mapping: PseudonymMapping) throws(PrivacyError) -> PseudonymizationResult {
        var actions: [EntityType: PrivacyAction] = [:]
        for finding in findings {
            let action = self.policy.action(for: finding.type)
            if action == .block { throw PrivacyError.blocked(finding.type) }
            actions[finding.type] = action
        }
        var mapping = mapping
        if findings.isEmpty || !actions.values.contains(.mask) {
            return PseudonymizationResult(text: text, mapping: mapping, findings: findings, actions: actions)
        }
        let scalars = Array(text.unicodeScalars)
        let literal = PlaceholderRestorer.literalPlaceholders(in: scalars)
        var output = String.UnicodeScalarView()
        var cursor = 0
        for finding in findings where self.policy.action(for: finding.type) == .mask {
            guard finding.start >= cursor, finding.end <= scalars.count, finding.start < finding.end else { continue }
            output.append(contentsOf: scalars[cursor..<finding.start])
            var originalView = String.UnicodeScalarView()
            originalView.append(contentsOf: scalars[finding.start..<finding.end])
            let placeholder = mapping.assign(finding.type, original: String(originalView)) { literal.contains($0) }
            output.append(contentsOf: placeholder.unicodeScalars)
            cursor = finding.end
        }
        output.append(contentsOf: scalars[cursor...])
        return PseudonymizationResult(text: String(output), mapping: mapping, findings: findings, actions: actions)
    }
}
