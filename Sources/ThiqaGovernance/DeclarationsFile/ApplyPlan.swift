import FoundationEssentials
import ThiqaCore
import ThiqaLedger

/// What `thiqa registry apply FILE` would do: creates and updates with their field diffs, and the status transitions
/// to run through ``Lifecycle`` afterwards. Applying the same file twice plans nothing the second time. A use case
/// missing from the file is left as it is: withdrawal is always an explicit step.
public struct ApplyPlan: Sendable {
    public enum Action: String, Sendable, Equatable {
        case create, update, unchanged
    }

    public struct ControllerEntry: Sendable {
        public var controller: Controller
        public var action: Action
        public var changes: [FieldChange]
    }

    public struct UseCaseEntry: Sendable {
        public var ref: UseCaseRef
        public var action: Action
        public var changes: [FieldChange]
        /// The declaration to store (content from the file; status, dates and history from the registry).
        public var declaration: Declaration
        /// The status the file asks for, when it differs from the current one: a ``Lifecycle`` transition to run
        /// (with its permission and requirements) after storing the content.
        public var transition: DeclarationStatus?
        /// The file's assessment answers differ from the current assessment's (or there is none yet).
        public var assessment: Answers?
    }

    public var controllers: [ControllerEntry]
    public var useCases: [UseCaseEntry]
    /// Registered use cases the file does not mention.
    public var untouched: [UseCaseRef]

    public var isEmpty: Bool {
        self.controllers.allSatisfy { $0.action == .unchanged }
            && self.useCases.allSatisfy { $0.action == .unchanged && $0.transition == nil && $0.assessment == nil }
    }

    /// Plans `file` against the registry's current state.
    /// - Throws: when a use case names a controller that is neither in the file nor registered.
    public static func make(
        file: DeclarationsFile,
        fileName: String,
        currentControllers: [Controller],
        currentDeclarations: [Declaration],
        currentAnswers: [UseCaseRef: Answers]
    ) throws(DeclarationsFileErrors) -> ApplyPlan {
        let controllersByID = Dictionary(currentControllers.map { ($0.id, $0) }, uniquingKeysWith: { _, last in last })
        let declarationsByRef = Dictionary(currentDeclarations.map { ($0.ref, $0) }, uniquingKeysWith: { _, last in last })
        var problems: [DeclarationsFileError] = []

        let controllers = file.controllers.map { controller in
            guard let current = controllersByID[controller.id] else {
                return ControllerEntry(controller: controller, action: .create, changes: Self.controllerDiff(nil, controller))
            }
            let changes = Self.controllerDiff(current, controller)
            return ControllerEntry(controller: controller, action: changes.isEmpty ? .unchanged : .update, changes: changes)
        }
        let known = Set(controllersByID.keys).union(file.controllers.map(\.id))

        var useCases: [UseCaseEntry] = []
        for (index, entry) in file.useCases.enumerated() {
            let proposed = entry.declaration
            guard known.contains(proposed.tenant) else {
                problems.append(
                    DeclarationsFileError(
                        file: fileName,
                        line: entry.line,
                        field: "use_cases[\(index)].tenant",
                        reason: "controller \(proposed.tenant) is neither in controllers nor registered: add it under controllers"
                    )
                )
                continue
            }
            let answers = entry.answers.flatMap { $0 == currentAnswers[proposed.ref] ? nil : $0 }
            guard let current = declarationsByRef[proposed.ref] else {
                useCases.append(
                    UseCaseEntry(
                        ref: proposed.ref,
                        action: .create,
                        changes: DeclarationDiff.diff(nil, proposed),
                        declaration: proposed,
                        transition: entry.status == .draft ? nil : entry.status,
                        assessment: answers
                    )
                )
                continue
            }
            var merged = proposed
            merged.cndp.status = current.cndp.status
            merged.lifecycle = current.lifecycle
            // Numbers and grace periods are usually recorded by transitions and migration, not written in the file.
            if merged.cndp.number == nil { merged.cndp.number = current.cndp.number }
            if merged.gracePeriodEnds == nil { merged.gracePeriodEnds = current.gracePeriodEnds }
            let changes = DeclarationDiff.diff(current, merged)
            useCases.append(
                UseCaseEntry(
                    ref: proposed.ref,
                    action: changes.isEmpty ? .unchanged : .update,
                    changes: changes,
                    declaration: merged,
                    transition: entry.status == current.cndp.status ? nil : entry.status,
                    assessment: answers
                )
            )
        }
        guard problems.isEmpty else { throw DeclarationsFileErrors(problems) }
        let mentioned = Set(file.useCases.map(\.declaration.ref))
        let untouched = currentDeclarations.map(\.ref).filter { !mentioned.contains($0) }.sorted { $0.description < $1.description }
        return ApplyPlan(controllers: controllers, useCases: useCases, untouched: untouched)
    }

    static func controllerDiff(_ old: Controller?, _ new: Controller) -> [FieldChange] {
        func fields(_ controller: Controller?) -> [String: JSONValue] {
            guard let controller else { return [:] }
            return [
                "legal_name": .string(controller.legalName), "dpo.name": .string(controller.dpo.name), "dpo.email": .string(controller.dpo.email),
                "dpo.phone": controller.dpo.phone.map(JSONValue.string) ?? .null,
            ]
        }
        let before = fields(old)
        let after = fields(new)
        return after.keys.sorted().compactMap { key in before[key] == after[key] ? nil : FieldChange(field: key, old: before[key], new: after[key]) }
    }

    /// The dry-run text: `+` create, `~` update, `=` unchanged, `→` a status transition, field diffs indented.
    public var summary: String {
        var lines: [String] = []
        for entry in self.controllers {
            lines.append("\(Self.symbol(entry.action)) controller \(entry.controller.id)")
            if entry.action == .update { lines += entry.changes.map { "    \($0)" } }
        }
        for entry in self.useCases {
            var line = "\(Self.symbol(entry.action)) use case \(entry.ref)"
            if let transition = entry.transition { line += " → \(transition.rawValue)" }
            if entry.assessment != nil { line += " (impact assessment to submit)" }
            lines.append(line)
            if entry.action == .update { lines += entry.changes.map { "    \($0)" } }
        }
        for ref in self.untouched { lines.append("  use case \(ref) is not in the file and stays as it is") }
        if self.isEmpty { lines.append("nothing to change") }
        return lines.joined(separator: "\n")
    }

    static func symbol(_ action: Action) -> String {
        switch action {
        case .create: "+"
        case .update: "~"
        case .unchanged: "="
        }
    }
}
