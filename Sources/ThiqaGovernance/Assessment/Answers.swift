import ThiqaCore

/// Practices that may not be offered at all, whatever the safeguards (EU AI Act, art. 5, which Thiqa follows as the
/// reference framework; Moroccan law has no AI statute yet).
public enum ProhibitedPractice: String, Sendable, Codable, CaseIterable, Hashable {
    case socialScoring = "social_scoring"
    case realtimeRemoteBiometricPublic = "realtime_remote_biometric_public"
    case manipulation
    case exploitsVulnerabilities = "exploits_vulnerabilities"
    case emotionRecognitionWorkEducation = "emotion_recognition_work_education"
}

/// Domains where an AI output can change the course of a person's life (EU AI Act, annex III).
public enum AssessedDomain: String, Sendable, Codable, CaseIterable, Hashable {
    case justice, health, employment, credit, education
    case publicServices = "public_services"
    case biometricIdentification = "biometric_identification"
    case lawEnforcement = "law_enforcement"
    case migration
}

public enum Automation: String, Sendable, Codable, CaseIterable, Hashable {
    case informationOnly = "information_only"
    case assistsHuman = "assists_human"
    case decidesWithReview = "decides_with_review"
    case decidesAlone = "decides_alone"
}

public enum EffectOnPeople: String, Sendable, Codable, CaseIterable, Hashable {
    case none, minor
    /// A legal effect or one as significant: rights, benefits, employment, credit, liberty.
    case significant
}

public enum DataSensitivity: String, Sendable, Codable, CaseIterable, Hashable, Comparable {
    case noPersonal = "no_personal"
    case personal
    case sensitive

    var rank: Int {
        switch self {
        case .noPersonal: 0
        case .personal: 1
        case .sensitive: 2
        }
    }
    public static func < (lhs: DataSensitivity, rhs: DataSensitivity) -> Bool { lhs.rank < rhs.rank }
}

/// People affected per year.
public enum Scale: String, Sendable, Codable, CaseIterable, Hashable, Comparable {
    case underThousand = "under_1k"
    case thousandToHundredThousand = "1k_to_100k"
    case hundredThousandToMillion = "100k_to_1m"
    case overMillion = "over_1m"

    var rank: Int { Self.allCases.firstIndex(of: self)! }
    public static func < (lhs: Scale, rhs: Scale) -> Bool { lhs.rank < rhs.rank }
}

/// How the system's outputs reach people.
public enum Interaction: String, Sendable, Codable, CaseIterable, Hashable {
    case conversesWithPeople = "converses_with_people"
    case generatesContentForPeople = "generates_content_for_people"
    case syntheticMedia = "synthetic_media"
}

/// One set of answers to the impact-assessment questionnaire. An empty set means the question's `none` option.
public struct Answers: Sendable, Codable, Hashable {
    public var practices: Set<ProhibitedPractice>
    public var domains: Set<AssessedDomain>
    public var automation: Automation
    public var effect: EffectOnPeople
    public var data: DataSensitivity
    public var scale: Scale
    public var interaction: Set<Interaction>

    public init(
        practices: Set<ProhibitedPractice> = [],
        domains: Set<AssessedDomain> = [],
        automation: Automation,
        effect: EffectOnPeople,
        data: DataSensitivity,
        scale: Scale,
        interaction: Set<Interaction> = []
    ) {
        self.practices = practices
        self.domains = domains
        self.automation = automation
        self.effect = effect
        self.data = data
        self.scale = scale
        self.interaction = interaction
    }

    /// The option ids chosen for each question id, as forms and files carry them (`none` for an empty choice).
    public var raw: [String: [String]] {
        func many<T: RawRepresentable<String>>(_ values: Set<T>) -> [String] {
            values.isEmpty ? [Questionnaire.noneOption] : values.map(\.rawValue).sorted()
        }
        return [
            QuestionID.practices.rawValue: many(self.practices),
            QuestionID.domains.rawValue: many(self.domains),
            QuestionID.automation.rawValue: [self.automation.rawValue],
            QuestionID.effect.rawValue: [self.effect.rawValue],
            QuestionID.data.rawValue: [self.data.rawValue],
            QuestionID.scale.rawValue: [self.scale.rawValue],
            QuestionID.interaction.rawValue: many(self.interaction),
        ]
    }

    /// Reads raw answers (question id → chosen option ids), reporting every problem at once with the field
    /// `answers.<question id>`.
    public init(raw: [String: [String]]) throws(ValidationErrors) {
        var problems: [ValidationError] = []
        func field(_ id: QuestionID) -> String { "answers.\(id.rawValue)" }
        func many<T: RawRepresentable<String> & CaseIterable>(_ id: QuestionID, _: T.Type) -> Set<T> {
            guard let chosen = raw[id.rawValue], !chosen.isEmpty else {
                problems.append(ValidationError(field: field(id), reason: "missing: choose one or more options, or \(Questionnaire.noneOption)"))
                return []
            }
            if chosen.contains(Questionnaire.noneOption) {
                if chosen.count > 1 {
                    problems.append(ValidationError(field: field(id), reason: "'\(Questionnaire.noneOption)' cannot be combined with other options"))
                }
                return []
            }
            var out = Set<T>()
            for option in chosen {
                if let value = T(rawValue: option) { out.insert(value) } else { problems.append(Self.unknown(option, field(id), T.self)) }
            }
            return out
        }
        func one<T: RawRepresentable<String> & CaseIterable>(_ id: QuestionID, _: T.Type) -> T? {
            guard let chosen = raw[id.rawValue], chosen.count == 1 else {
                problems.append(
                    ValidationError(
                        field: field(id),
                        reason: raw[id.rawValue] == nil || raw[id.rawValue]!.isEmpty ? "missing: choose one option" : "choose exactly one option"
                    )
                )
                return nil
            }
            guard let value = T(rawValue: chosen[0]) else {
                problems.append(Self.unknown(chosen[0], field(id), T.self))
                return nil
            }
            return value
        }
        let known = Set(QuestionID.allCases.map(\.rawValue))
        for id in raw.keys.sorted() where !known.contains(id) {
            problems.append(ValidationError(field: "answers.\(id)", reason: "unknown question (questionnaire \(Questionnaire.current.version))"))
        }
        let practices = many(.practices, ProhibitedPractice.self)
        let domains = many(.domains, AssessedDomain.self)
        let automation = one(.automation, Automation.self)
        let effect = one(.effect, EffectOnPeople.self)
        let data = one(.data, DataSensitivity.self)
        let scale = one(.scale, Scale.self)
        let interaction = many(.interaction, Interaction.self)
        guard problems.isEmpty, let automation, let effect, let data, let scale else { throw ValidationErrors(problems) }
        self.init(practices: practices, domains: domains, automation: automation, effect: effect, data: data, scale: scale, interaction: interaction)
    }

    private static func unknown<T: RawRepresentable<String> & CaseIterable>(_ option: String, _ field: String, _: T.Type) -> ValidationError {
        let options = T.allCases.map(\.rawValue)
        return ValidationError(field: field, reason: "unknown option '\(option)'; expected one of \(options.joined(separator: ", "))")
    }
}

/// Several validation problems reported together.
public struct ValidationErrors: Error, Sendable, Equatable, CustomStringConvertible {
    public var problems: [ValidationError]
    public init(_ problems: [ValidationError]) { self.problems = problems }
    public var description: String { self.problems.map(\.description).joined(separator: "\n") }
}
