import FoundationEssentials
import ThiqaCore
import ThiqaPrivacy
import Yams

/// A declarations file (`thiqa registry apply FILE`): controllers and their use cases, declared as code. YAML,
/// parsed from a string (the caller reads the file), so this stays free of I/O. See GOVERNANCE.md for the format.
public struct DeclarationsFile: Sendable {
    public struct UseCaseEntry: Sendable {
        /// The declaration's content as the file states it (status draft, dates unset: transitions set those).
        public var declaration: Declaration
        /// The status the file asks for (`cndp.status`), reached through ``Lifecycle`` transitions.
        public var status: DeclarationStatus
        /// Impact-assessment answers, when the file gives them.
        public var answers: Answers?
        /// Line of the entry in the file.
        public var line: Int?
    }

    public var controllers: [Controller]
    public var useCases: [UseCaseEntry]

    public static let formatVersion = 1

    /// Parses and validates `text`, reporting every problem with the file name, line and field.
    /// - Parameter now: the creation date given to declarations the file introduces.
    public static func parse(_ text: String, file: String, now: Date) throws(DeclarationsFileErrors) -> DeclarationsFile {
        var reader = FileReader(file: file)
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw DeclarationsFileErrors([FileReader.problem(file: file, yamlError: error)])
        } catch {
            throw DeclarationsFileErrors([DeclarationsFileError(file: file, line: nil, field: "", reason: "not YAML: \(error)")])
        }
        guard let root, let mapping = reader.mapping(root, "", allowed: ["version", "controllers", "use_cases"]) else {
            if root == nil { reader.fail(nil as Int?, "", "the file is empty; expected version, controllers and use_cases") }
            throw DeclarationsFileErrors(reader.problems)
        }
        if let version = mapping["version"] {
            if reader.string(version, "version") != String(Self.formatVersion) {
                reader.fail(version, "version", "unsupported; this Thiqa reads version \(Self.formatVersion)")
            }
        } else {
            reader.fail(root, "version", "missing: write version: \(Self.formatVersion)")
        }
        var controllers: [Controller] = []
        for (index, node) in reader.list(mapping["controllers"], "controllers").enumerated() {
            if let controller = reader.controller(node, "controllers[\(index)]") { controllers.append(controller) }
        }
        var useCases: [UseCaseEntry] = []
        for (index, node) in reader.list(mapping["use_cases"], "use_cases").enumerated() {
            if let entry = reader.useCase(node, "use_cases[\(index)]", now: now) { useCases.append(entry) }
        }
        if mapping["use_cases"] == nil { reader.fail(root, "use_cases", "missing: list the use cases to declare") }

        var seenControllers = Set<TenantID>()
        for (index, controller) in controllers.enumerated() where !seenControllers.insert(controller.id).inserted {
            reader.fail(reader.lines["controllers[\(index)].id"], "controllers[\(index)].id", "\(controller.id) is listed twice")
        }
        var seen = Set<UseCaseRef>()
        for (index, entry) in useCases.enumerated() where !seen.insert(entry.declaration.ref).inserted {
            reader.fail(reader.lines["use_cases[\(index)].id"], "use_cases[\(index)].id", "\(entry.declaration.ref) is listed twice")
        }
        guard reader.problems.isEmpty else { throw DeclarationsFileErrors(reader.problems) }
        return DeclarationsFile(controllers: controllers, useCases: useCases)
    }
}

/// One problem in a declarations file: `FILE:LINE: field: reason`.
public struct DeclarationsFileError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var field: String
    public var reason: String
    public init(file: String, line: Int?, field: String, reason: String) {
        self.file = file
        self.line = line
        self.field = field
        self.reason = reason
    }
    public var description: String {
        let place = self.line.map { "\(self.file):\($0)" } ?? self.file
        return self.field.isEmpty ? "\(place): \(self.reason)" : "\(place): \(self.field): \(self.reason)"
    }
}

public struct DeclarationsFileErrors: Error, Sendable, Equatable, CustomStringConvertible {
    public var problems: [DeclarationsFileError]
    public init(_ problems: [DeclarationsFileError]) { self.problems = problems }
    public var description: String { self.problems.map(\.description).joined(separator: "\n") }
}

/// Walks YAML nodes, collecting every problem instead of stopping at the first, and remembers each field's line so
/// the declaration's own validation errors can point into the file.
struct FileReader {
    let file: String
    var problems: [DeclarationsFileError] = []
    var lines: [String: Int] = [:]

    init(file: String) { self.file = file }

    static func problem(file: String, yamlError error: YamlError) -> DeclarationsFileError {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return DeclarationsFileError(file: file, line: mark.line, field: "", reason: "not valid YAML: \(problem)")
        default:
            return DeclarationsFileError(file: file, line: nil, field: "", reason: "not valid YAML: \(error)")
        }
    }

    mutating func fail(_ node: Node?, _ field: String, _ reason: String) {
        self.problems.append(
            DeclarationsFileError(file: self.file, line: node?.mark?.line ?? self.line(of: field, under: ""), field: field, reason: reason)
        )
    }

    mutating func fail(_ line: Int?, _ field: String, _ reason: String) {
        self.problems.append(DeclarationsFileError(file: self.file, line: line, field: field, reason: reason))
    }

    mutating func note(_ node: Node, _ field: String) {
        if let line = node.mark?.line { self.lines[field] = line }
    }

    /// The mapping's values by key; unknown keys are problems.
    mutating func mapping(_ node: Node, _ field: String, allowed: [String]) -> [String: Node]? {
        self.note(node, field)
        guard case .mapping(let mapping) = node else {
            self.fail(node, field, "expected a mapping of \(allowed.joined(separator: ", "))")
            return nil
        }
        var out: [String: Node] = [:]
        for (key, value) in mapping {
            let name = key.string ?? ""
            let path = field.isEmpty ? name : "\(field).\(name)"
            guard allowed.contains(name) else {
                self.fail(key, path, "unknown field; expected one of \(allowed.joined(separator: ", "))")
                continue
            }
            self.note(value, path)
            out[name] = value
        }
        return out
    }

    mutating func string(_ node: Node?, _ field: String, required: Bool = true) -> String? {
        guard let node else {
            if required { self.fail(self.line(of: field, under: ""), field, "missing") }
            return nil
        }
        guard case .scalar(let scalar) = node else {
            self.fail(node, field, "expected text")
            return nil
        }
        return scalar.string
    }

    mutating func list(_ node: Node?, _ field: String) -> [Node] {
        guard let node else { return [] }
        self.note(node, field)
        switch node {
        case .sequence(let sequence):
            for (index, item) in sequence.enumerated() { self.note(item, "\(field)[\(index)]") }
            return Array(sequence)
        case .scalar(let scalar) where scalar.string.isEmpty || scalar.string == "[]": return []
        default:
            self.fail(node, field, "expected a list")
            return []
        }
    }

    mutating func strings(_ node: Node?, _ field: String) -> [String] {
        self.list(node, field).enumerated().compactMap { index, item in self.string(item, "\(field)[\(index)]") }
    }

    mutating func choice<T: RawRepresentable<String> & CaseIterable>(_ node: Node?, _ field: String, _: T.Type, required: Bool = true) -> T? {
        guard let text = self.string(node, field, required: required) else { return nil }
        guard let value = T(rawValue: text) else {
            self.fail(node, field, "unknown value '\(text)'; expected one of \(T.allCases.map(\.rawValue).joined(separator: ", "))")
            return nil
        }
        return value
    }

    mutating func choices<T: RawRepresentable<String> & CaseIterable & Hashable>(_ node: Node?, _ field: String, _: T.Type) -> Set<T> {
        Set(self.list(node, field).enumerated().compactMap { index, item in self.choice(item, "\(field)[\(index)]", T.self) })
    }

    /// The line of `field` or of its nearest recorded parent.
    func line(of field: String, under prefix: String) -> Int? {
        var path = prefix.isEmpty ? field : "\(prefix).\(field)"
        while true {
            if let line = self.lines[path] { return line }
            if let cut = path.lastIndex(where: { $0 == "." || $0 == "[" }) { path = String(path[..<cut]) } else { return nil }
        }
    }

    mutating func controller(_ node: Node, _ field: String) -> Controller? {
        guard let map = self.mapping(node, field, allowed: ["id", "legal_name", "dpo"]) else { return nil }
        let id = self.slug(map["id"], "\(field).id", TenantID.self)
        let legalName = self.string(map["legal_name"], "\(field).legal_name")
        var dpo: DPOContact?
        if let dpoNode = map["dpo"], let dpoMap = self.mapping(dpoNode, "\(field).dpo", allowed: ["name", "email", "phone"]) {
            let name = self.string(dpoMap["name"], "\(field).dpo.name")
            let email = self.string(dpoMap["email"], "\(field).dpo.email")
            let phone = self.string(dpoMap["phone"], "\(field).dpo.phone", required: false)
            if let name, let email { dpo = DPOContact(name: name, email: email, phone: phone) }
        } else if map["dpo"] == nil {
            self.fail(node, "\(field).dpo", "missing: name the data protection officer (name, email)")
        }
        guard let id, let legalName, let dpo else { return nil }
        let controller = Controller(id: id, legalName: legalName, dpo: dpo)
        for problem in controller.validate() {
            let relative = String(problem.field.dropFirst("controller.".count))
            self.fail(self.line(of: relative, under: field), "\(field).\(relative)", problem.reason)
        }
        return controller
    }

    mutating func slug<T: SlugIdentifier>(_ node: Node?, _ field: String, _: T.Type) -> T? {
        guard let text = self.string(node, field) else { return nil }
        do { return try T(text) } catch {
            self.fail(node, field, error.reason)
            return nil
        }
    }

    static let useCaseFields = [
        "tenant", "id", "name", "purpose", "legal_basis", "data_categories", "data_subjects", "personal_data_types", "recipients", "transfers",
        "retention", "hosting", "allowed_models", "value_chain", "cndp", "grace_period_ends", "purpose_limitation", "disclosure_language",
        "assessment", "makes_decisions",
    ]

    mutating func useCase(_ node: Node, _ field: String, now: Date) -> DeclarationsFile.UseCaseEntry? {
        guard let map = self.mapping(node, field, allowed: Self.useCaseFields) else { return nil }
        let before = self.problems.count
        let tenant = self.slug(map["tenant"], "\(field).tenant", TenantID.self)
        let id = self.slug(map["id"], "\(field).id", UseCaseID.self)
        let name = self.string(map["name"], "\(field).name")
        let purpose = self.string(map["purpose"], "\(field).purpose")
        let legalBasis = self.choice(map["legal_basis"], "\(field).legal_basis", LegalBasis.self)
        let dataCategories = self.choices(map["data_categories"], "\(field).data_categories", DataCategory.self)
        let dataSubjects = self.choices(map["data_subjects"], "\(field).data_subjects", DataSubjectCategory.self)
        let types = self.choices(map["personal_data_types"], "\(field).personal_data_types", EntityType.self)

        var recipients: [Recipient] = []
        for (index, item) in self.list(map["recipients"], "\(field).recipients").enumerated() {
            let path = "\(field).recipients[\(index)]"
            guard let entry = self.mapping(item, path, allowed: ["name", "kind"]) else { continue }
            if let name = self.string(entry["name"], "\(path).name"), let kind = self.choice(entry["kind"], "\(path).kind", Recipient.Kind.self) {
                recipients.append(Recipient(name: name, kind: kind))
            }
        }

        var transfers: [CrossBorderTransfer] = []
        for (index, item) in self.list(map["transfers"], "\(field).transfers").enumerated() {
            let path = "\(field).transfers[\(index)]"
            guard let entry = self.mapping(item, path, allowed: ["country", "recipient", "basis", "authorisation_number"]) else { continue }
            let country = self.jurisdiction(entry["country"], "\(path).country")
            let recipient = self.string(entry["recipient"], "\(path).recipient")
            let basis = self.choice(entry["basis"], "\(path).basis", CrossBorderTransfer.Basis.self)
            let number = self.string(entry["authorisation_number"], "\(path).authorisation_number", required: false)
            if let country, let recipient, let basis {
                transfers.append(CrossBorderTransfer(country: country, recipient: recipient, basis: basis, authorisationNumber: number))
            }
        }

        var retention = Retention()
        if let node = map["retention"], let entry = self.mapping(node, "\(field).retention", allowed: ["content", "records_days"]) {
            if let content = self.string(entry["content"], "\(field).retention.content", required: false), content != "none" {
                do { retention.contentSeconds = try DurationText.parseSeconds(content, field: "\(field).retention.content") } catch {
                    self.fail(entry["content"], error.field, "\(error.reason), or none")
                }
            }
            if let days = self.string(entry["records_days"], "\(field).retention.records_days", required: false) {
                if let value = Int(days) {
                    retention.recordsDays = value
                } else {
                    self.fail(entry["records_days"], "\(field).retention.records_days", "expected a whole number of days")
                }
            }
        }

        var hosting = HostingRequirement.sovereignOnly
        if let node = map["hosting"] {
            if case .scalar(let scalar) = node {
                if scalar.string != "sovereign_only" {
                    self.fail(node, "\(field).hosting", "expected sovereign_only or a mapping with allowed_jurisdictions")
                }
            } else if let entry = self.mapping(node, "\(field).hosting", allowed: ["allowed_jurisdictions"]) {
                let path = "\(field).hosting.allowed_jurisdictions"
                let codes = self.list(entry["allowed_jurisdictions"], path).enumerated().compactMap { index, item in
                    self.jurisdiction(item, "\(path)[\(index)]")
                }
                hosting = HostingRequirement(allowedJurisdictions: Set(codes))
            }
        }

        let models = self.strings(map["allowed_models"], "\(field).allowed_models")
        if map["allowed_models"] == nil { self.fail(node, "\(field).allowed_models", "missing: list the models this use case may call") }

        var valueChain: ValueChain?
        if let node = map["value_chain"], let entry = self.mapping(node, "\(field).value_chain", allowed: ["developer", "integrator", "deployer"]) {
            let developer = self.string(entry["developer"], "\(field).value_chain.developer")
            let integrator = self.string(entry["integrator"], "\(field).value_chain.integrator", required: false)
            let deployer = self.string(entry["deployer"], "\(field).value_chain.deployer")
            if let developer, let deployer { valueChain = ValueChain(developer: developer, integrator: integrator, deployer: deployer) }
        } else if map["value_chain"] == nil {
            self.fail(node, "\(field).value_chain", "missing: name the developer and the deployer (and the integrator, if any)")
        }

        var status = DeclarationStatus.draft
        var number: String?
        if let node = map["cndp"], let entry = self.mapping(node, "\(field).cndp", allowed: ["status", "number"]) {
            status = self.choice(entry["status"], "\(field).cndp.status", DeclarationStatus.self, required: false) ?? .draft
            number = self.string(entry["number"], "\(field).cndp.number", required: false)
        }

        var grace: Date?
        if let text = self.string(map["grace_period_ends"], "\(field).grace_period_ends", required: false) {
            grace = Timestamp.parse(text)
            if grace == nil {
                self.fail(map["grace_period_ends"], "\(field).grace_period_ends", "expected a date such as 2027-03-31 or 2027-03-31T00:00:00Z")
            }
        }
        let limitation = self.choice(map["purpose_limitation"], "\(field).purpose_limitation", PurposeLimitation.self, required: false) ?? .refuse
        let language = self.choice(map["disclosure_language"], "\(field).disclosure_language", DisclosureLanguage.self, required: false) ?? .fr
        var makesDecisions: Bool?
        if let node = map["makes_decisions"] {
            if case .scalar(let scalar) = node, let value = Bool(scalar.string) {
                makesDecisions = value ? true : nil
            } else {
                self.fail(node, "\(field).makes_decisions", "expected true or false")
            }
        }

        var answers: Answers?
        if let node = map["assessment"], let entry = self.mapping(node, "\(field).assessment", allowed: QuestionID.allCases.map(\.rawValue)) {
            var raw: [String: [String]] = [:]
            for (key, value) in entry {
                if case .scalar(let scalar) = value {
                    raw[key] = [scalar.string]
                } else {
                    raw[key] = self.strings(value, "\(field).assessment.\(key)")
                }
            }
            do { answers = try Answers(raw: raw) } catch {
                for problem in error.problems {
                    let relative = "assessment." + problem.field.dropFirst("answers.".count)
                    self.fail(self.line(of: relative, under: field), "\(field).\(relative)", problem.reason)
                }
            }
        }

        guard self.problems.count == before, let tenant, let id, let name, let purpose, let legalBasis, let valueChain else { return nil }
        var declaration = Declaration(
            tenant: tenant,
            id: id,
            name: name,
            purpose: purpose,
            legalBasis: legalBasis,
            dataCategories: dataCategories,
            dataSubjects: dataSubjects,
            personalDataTypes: types,
            recipients: recipients,
            transfers: transfers,
            retention: retention,
            hosting: hosting,
            allowedModels: models,
            valueChain: valueChain,
            cndp: CNDPRegistration(status: .draft, number: number),
            lifecycle: LifecycleDates(createdAt: now),
            gracePeriodEnds: grace,
            purposeLimitation: limitation,
            disclosureLanguage: language,
            makesDecisions: makesDecisions
        )
        // Validate content as the status the file asks for would require it (a declared use case needs its number).
        declaration.cndp.status = status
        for problem in declaration.validate() where !problem.field.hasPrefix("lifecycle.") {
            self.fail(self.line(of: problem.field, under: field), "\(field).\(problem.field)", problem.reason)
        }
        declaration.cndp.status = .draft
        return DeclarationsFile.UseCaseEntry(declaration: declaration, status: status, answers: answers, line: node.mark?.line)
    }

    mutating func jurisdiction(_ node: Node?, _ field: String) -> Jurisdiction? {
        guard let text = self.string(node, field) else { return nil }
        do { return try Jurisdiction(text) } catch {
            self.fail(node, field, error.reason)
            return nil
        }
    }
}
