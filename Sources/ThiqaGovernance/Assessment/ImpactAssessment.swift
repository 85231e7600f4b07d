import FoundationEssentials

/// Where an impact assessment stands.
public enum AssessmentStatus: String, Sendable, Codable, CaseIterable, Hashable {
    /// Submitted (or sent back by a material change), waiting for a second person.
    case inReview = "in_review"
    case approved
    /// A reviewer asked for changes; a revision puts it back in review.
    case returned
}

/// A second principal's approval of one revision of an assessment.
public struct Approval: Sendable, Codable, Hashable {
    public var approver: PrincipalID
    public var at: Date
    public var revision: Int
    public var note: String?
    public init(approver: PrincipalID, at: Date, revision: Int, note: String? = nil) {
        self.approver = approver
        self.at = at
        self.revision = revision
        self.note = note
    }
}

/// An impact assessment of one use case: answers to a questionnaire version, who wrote them, and its review.
public struct ImpactAssessment: Sendable, Codable, Hashable {
    public var useCase: UseCaseRef
    /// 1 for the first submission, +1 for every revision.
    public var revision: Int
    public var questionnaireVersion: String
    public var answers: Answers
    /// Who wrote the current revision's answers. The approver must be someone else.
    public var author: PrincipalID
    public var submittedAt: Date
    public var status: AssessmentStatus
    public var approval: Approval?
    public var reviewNote: String?

    public var result: RiskAssessment { RiskRules.assess(self.answers) }
    public var tier: RiskTier { self.result.tier }
    /// Approved, and the approval is of this very revision.
    public var isApproved: Bool { self.status == .approved && self.approval?.revision == self.revision }

    /// A first submission, in review.
    public static func submit(
        for useCase: UseCaseRef,
        answers: Answers,
        by author: StaffPrincipal,
        at: Date,
        questionnaire: Questionnaire = .current
    ) throws(AssessmentError) -> ImpactAssessment {
        do { try author.require(.assess) } catch { throw .unauthorized(error) }
        return ImpactAssessment(
            useCase: useCase,
            revision: 1,
            questionnaireVersion: questionnaire.version,
            answers: answers,
            author: author.id,
            submittedAt: at,
            status: .inReview,
            approval: nil,
            reviewNote: nil
        )
    }

    /// Approval by a second principal (two-person rule). A prohibited use case cannot be approved.
    public func approved(by approver: StaffPrincipal, at: Date, note: String? = nil) throws(AssessmentError) -> ImpactAssessment {
        do { try TwoPersonRule.check(author: self.author, approver: approver) } catch { throw .unauthorized(error) }
        guard self.status == .inReview else { throw .notInReview(self.status) }
        guard self.tier != .prohibited else { throw .prohibited }
        var next = self
        next.status = .approved
        next.approval = Approval(approver: approver.id, at: at, revision: self.revision, note: note)
        next.reviewNote = note
        return next
    }

    /// Sent back to its author with a note saying what to change.
    public func returned(by reviewer: StaffPrincipal, at: Date, note: String) throws(AssessmentError) -> ImpactAssessment {
        do { try reviewer.require(.review) } catch { throw .unauthorized(error) }
        guard self.status == .inReview else { throw .notInReview(self.status) }
        guard !note.trimmed.isEmpty else { throw .noteRequired }
        var next = self
        next.status = .returned
        next.approval = nil
        next.reviewNote = note
        return next
    }

    public struct Revision: Sendable {
        public var assessment: ImpactAssessment
        /// The questions whose change was material; empty when the approval (if any) stands.
        public var materialChanges: [QuestionID]
    }

    /// New answers. A material change (``RiskRules/materialChanges(from:to:)``), or any change to a returned or
    /// unapproved assessment, puts it back in review with its reviser as author; otherwise an approval stands.
    public func revised(answers: Answers, by reviser: StaffPrincipal, at: Date) throws(AssessmentError) -> Revision {
        do { try reviser.require(.assess) } catch { throw .unauthorized(error) }
        let material = RiskRules.materialChanges(from: self.answers, to: answers)
        var next = self
        next.answers = answers
        next.revision += 1
        next.submittedAt = at
        if self.isApproved && material.isEmpty {
            next.approval?.revision = next.revision
            return Revision(assessment: next, materialChanges: [])
        }
        next.author = reviser.id
        next.status = .inReview
        next.approval = nil
        return Revision(assessment: next, materialChanges: material)
    }
}

public enum AssessmentError: Error, Sendable, Equatable, CustomStringConvertible {
    case unauthorized(AuthorizationError)
    case notInReview(AssessmentStatus)
    case prohibited
    case noteRequired

    public var description: String {
        switch self {
        case .unauthorized(let error): error.description
        case .notInReview(let status): "the assessment is \(status.rawValue), not in review"
        case .prohibited: "the assessment's tier is prohibited: such a use case cannot be approved, only withdrawn"
        case .noteRequired: "say what must change (note must not be empty)"
        }
    }
}
