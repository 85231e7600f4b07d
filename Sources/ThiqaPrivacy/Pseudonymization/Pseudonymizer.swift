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

    /// `pseudonymize(prepared.text, mapping:)` from a text already prepared for the scan.
    public func pseudonymize(_ prepared: PreparedText, mapping: PseudonymMapping = PseudonymMapping()) throws(PrivacyError) -> PseudonymizationResult {
        try self.apply(self.scanner.scan(prepared), to: prepared.text, mapping: mapping)
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
        if (findings.isEmpty || !actions.values.contains(.mask)) && (mapping.isEmpty || !text.unicodeScalars.contains("<")) {
            return PseudonymizationResult(text: text, mapping: mapping, findings: findings, actions: actions)
        }
        let scalars = UTF8Builder.scalars(of: text)
        let literals = PlaceholderRestorer.literalPlaceholders(in: scalars)
        let literalSet = Set(literals.map(\.text))
        // Spans to replace: masked findings, plus placeholders the user typed that the mapping already knows
        // (masked like values, so that restoring gives the user's literal text back, not someone's data).
        var spans: [(start: Int, end: Int, type: EntityType)] = findings.compactMap { f in
            self.policy.action(for: f.type) == .mask ? (f.start, f.end, f.type) : nil
        }
        for literal in literals where mapping.original(forPlaceholder: literal.text) != nil {
            guard let type = literal.type, !spans.contains(where: { $0.start < literal.end && literal.start < $0.end }) else { continue }
            spans.append((literal.start, literal.end, type))
        }
        spans.sort { $0.start < $1.start }
        var output = UTF8Builder(capacity: text.utf8.count + 16 * spans.count)
        var cursor = 0
        for span in spans {
            guard span.start >= cursor, span.end <= scalars.count, span.start < span.end else { continue }
            output.append(scalars[cursor..<span.start])
            let original = UTF8Builder.string(scalars[span.start..<span.end])
            let placeholder = mapping.assign(span.type, original: original) { literalSet.contains($0) }
            output.append(placeholder)
            cursor = span.end
        }
        output.append(scalars[cursor...])
        return PseudonymizationResult(text: output.string, mapping: mapping, findings: findings, actions: actions)
    }
}
