/// The kinds of personal data the scanner recognises.
public enum EntityType: String, Sendable, Codable, CaseIterable, Hashable {
    case CIN, PASSPORT, PHONE, EMAIL, IBAN, RIB, CARD, CNSS, ICE, MASSAR, DATE_OF_BIRTH, PERSON, ADDRESS, IP_ADDRESS

    /// Identifiers with a fixed format (and often a checksum), as opposed to the cue-based PERSON and ADDRESS.
    public var isStructured: Bool {
        switch self {
        case .PERSON, .ADDRESS: false
        default: true
        }
    }
}

/// One piece of personal data found in a text.
///
/// `start` and `end` count Unicode scalars of the original string (`end` is exclusive), so an emoji is one unit.
public struct Finding: Sendable, Codable, Equatable, Hashable {
    public var type: EntityType
    public var start: Int
    public var end: Int
    public var text: String
    public var score: Double

    public init(type: EntityType, start: Int, end: Int, text: String, score: Double) {
        self.type = type
        self.start = start
        self.end = end
        self.text = text
        self.score = score
    }
}

/// Errors raised by the privacy library. Messages never contain a personal value.
public enum PrivacyError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The policy forbids sending this type of personal data.
    case blocked(EntityType)
    /// A sealed mapping could not be opened: wrong key, wrong conversation, or tampered bytes.
    case vaultOpenFailed
    /// A sealed mapping has an unknown layout.
    case vaultFormat
    /// A JSONL input line is malformed; the string names the field or the problem.
    case invalidInput(String)

    public var description: String {
        switch self {
        case .blocked(let type): "request blocked by privacy policy: contains personal data of type \(type.rawValue)"
        case .vaultOpenFailed: "pseudonym vault could not be opened (wrong key, wrong conversation or tampered data)"
        case .vaultFormat: "pseudonym vault has an unknown format"
        case .invalidInput(let reason): "invalid input: \(reason)"
        }
    }
}
