import Crypto
import Foundation
import ThiqaCore
import ThiqaJSON

/// The identifier a deployer names a person with, as it arrives with a call, before Thiqa turns it into a
/// pseudonymous ``SubjectID``. It lives only for the length of one call: neither stored nor logged.
public struct SubjectClaim: Sendable, Equatable {
    /// The kinds of identifier a deployer may pass.
    public enum Kind: String, Sendable, CaseIterable {
        /// The national identity card (CIN / CNIE): 1 or 2 Latin letters (the issuing area) and digits.
        case cin
        /// A passport number: 1 or 2 letters and 6 to 8 digits.
        case passport
        /// The pupil identifier: 1 letter and 9 digits.
        case massar
        /// An identifier of the deployer's own (a file number, an account): 1 to 128 printable ASCII characters.
        case id
    }

    public var kind: Kind
    /// The identifier normalised (upper-case, no separators, Western digits): two spellings of one number name
    /// one person.
    public var normalised: String

    /// The header that names a person by CIN alone.
    public static let cinHeader = "Thiqa-Subject-CIN"
    /// The header that names a person with a type: `cin:BE123456`, `passport:…`, `massar:…`, `id:…`.
    public static let genericHeader = "Thiqa-Subject"

    /// The claim of a call from its headers (nil when it has none). Both headers at once are refused: a call
    /// concerns one person. Errors name the header and what is wrong, never the value.
    public static func parse(cinHeader cin: String?, genericHeader generic: String?) throws(ValidationError) -> SubjectClaim? {
        switch (cin, generic) {
        case (nil, nil):
            return nil
        case (.some, .some):
            throw ValidationError(field: Self.cinHeader, reason: "give either \(Self.cinHeader) or \(Self.genericHeader), not both")
        case (let cin?, nil):
            return try SubjectClaim(kind: .cin, value: cin, field: Self.cinHeader)
        case (nil, let generic?):
            guard let colon = generic.firstIndex(of: ":") else {
                throw ValidationError(
                    field: Self.genericHeader, reason: "expected TYPE:VALUE with TYPE one of \(Kind.allCases.map(\.rawValue).joined(separator: ", "))"
                )
            }
            let type = generic[..<colon].trimmingASCIISpaces().lowercased()
            guard let kind = Kind(rawValue: type) else {
                throw ValidationError(
                    field: Self.genericHeader,
                    reason: "unknown identifier type '\(type.prefix(16))'; expected one of \(Kind.allCases.map(\.rawValue).joined(separator: ", "))"
                )
            }
            return try SubjectClaim(kind: kind, value: String(generic[generic.index(after: colon)...]), field: Self.genericHeader)
        }
    }

    /// Validates and normalises `value` as an identifier of `kind`; `field` is the header named in errors.
    public init(kind: Kind, value: String, field: String = SubjectClaim.genericHeader) throws(ValidationError) {
        self.kind = kind
        if kind == .id {
            let trimmed = value.trimmingASCIISpaces()
            guard (1...128).contains(trimmed.utf8.count), trimmed.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else {
                throw ValidationError(field: field, reason: "an id must be 1 to 128 printable ASCII characters without spaces")
            }
            self.normalised = trimmed
            return
        }
        let folded = Self.fold(value)
        let letters = folded.prefix { $0.isASCIILetter }
        let digits = folded.dropFirst(letters.count)
        guard !folded.isEmpty else { throw ValidationError(field: field, reason: "the \(kind.label) is empty") }
        guard digits.allSatisfy(\.isASCIIDigit) else {
            throw ValidationError(field: field, reason: "a \(kind.label) is letters followed by digits only; found another character after the digits began")
        }
        let (letterRange, digitRange) = kind.shape
        guard letterRange.contains(letters.count) else {
            throw ValidationError(
                field: field, reason: "a \(kind.label) starts with \(Self.describe(letterRange)) Latin letter(s); this one has \(letters.count)"
            )
        }
        guard digitRange.contains(digits.count) else {
            throw ValidationError(field: field, reason: "a \(kind.label) has \(Self.describe(digitRange)) digits after its letters; this one has \(digits.count)")
        }
        self.normalised = String(folded)
    }

    /// Upper-case Latin letters and Western digits, without spaces, dashes, dots or direction marks.
    static func fold(_ value: String) -> String {
        var out = ""
        for scalar in value.unicodeScalars {
            switch scalar.value {
            case 0x30...0x39, 0x41...0x5A: out.unicodeScalars.append(scalar)
            case 0x61...0x7A: out.unicodeScalars.append(Unicode.Scalar(scalar.value - 0x20)!)
            case 0x0660...0x0669: out.unicodeScalars.append(Unicode.Scalar(scalar.value - 0x0660 + 0x30)!)
            case 0x06F0...0x06F9: out.unicodeScalars.append(Unicode.Scalar(scalar.value - 0x06F0 + 0x30)!)
            case 0x20, 0x2D, 0x2E, 0x2F, 0x5F, 0x200E, 0x200F, 0x061C, 0x202A...0x202E, 0x2066...0x2069: continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static func describe(_ range: ClosedRange<Int>) -> String {
        range.lowerBound == range.upperBound ? "\(range.lowerBound)" : "\(range.lowerBound) to \(range.upperBound)"
    }
}

extension SubjectClaim.Kind {
    var label: String {
        switch self {
        case .cin: "CIN"
        case .passport: "passport number"
        case .massar: "Massar code"
        case .id: "id"
        }
    }

    /// How many letters, then how many digits.
    var shape: (letters: ClosedRange<Int>, digits: ClosedRange<Int>) {
        switch self {
        // Numbers in circulation have 1 or 2 area letters and mostly 5 or 6 digits; older cards have fewer.
        case .cin: (1...2, 3...6)
        case .passport: (1...2, 6...8)
        case .massar: (1...1, 9...9)
        case .id: (0...0, 0...0)
        }
    }
}

/// A person as Thiqa knows them: `sub_` and 32 hex characters, an HMAC of the identifier under a key of the
/// tenant's (derived from the deployment's subject key). The same person at one tenant always gets the same id;
/// the id reveals nothing without the key, and the same CIN at two tenants gives unrelated ids.
public struct SubjectID: Sendable, Hashable, Codable, CustomStringConvertible, Comparable {
    public let rawValue: String

    public init?(_ rawValue: String) {
        guard rawValue.hasPrefix("sub_"), rawValue.utf8.count == 4 + 32, Hex.decode(rawValue.dropFirst(4), lowercaseOnly: true) != nil else {
            return nil
        }
        self.rawValue = rawValue
    }

    init(unchecked rawValue: String) { self.rawValue = rawValue }

    public var description: String { rawValue }
    public static func < (lhs: SubjectID, rhs: SubjectID) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let id = SubjectID(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a subject id (sub_ + 32 hex)"))
        }
        self = id
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// Turns claims into subject ids. The deployment key never leaves the process; each tenant's key is derived
/// from it, so a tenant's ids cannot be joined with another's.
public struct SubjectPseudonymiser: Sendable {
    let deploymentKey: SymmetricKey

    public init(deploymentKey: SymmetricKey) {
        self.deploymentKey = deploymentKey
    }

    public func tenantKey(_ tenant: String) -> SymmetricKey {
        HKDF<SHA256>.deriveKey(inputKeyMaterial: deploymentKey, salt: Array("thiqa/subject-id/v1".utf8), info: Array(tenant.utf8), outputByteCount: 32)
    }

    public func subjectID(_ claim: SubjectClaim, tenant: String) -> SubjectID {
        let message = Array("\(claim.kind.rawValue):\(claim.normalised)".utf8)
        let code = HMAC<SHA256>.authenticationCode(for: message, using: tenantKey(tenant))
        return SubjectID(unchecked: "sub_" + Hex.encode(Array(code).prefix(16)))
    }
}

extension Character {
    var isASCIILetter: Bool { isASCII && isLetter }
    var isASCIIDigit: Bool { isASCII && isNumber }
}

extension StringProtocol {
    func trimmingASCIISpaces() -> String {
        String(self.drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
