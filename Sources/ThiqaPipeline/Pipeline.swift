import Logging
import Metrics
import NIOCore
import ThiqaCore
import ThiqaRights

/// What the rights steps need: the deployment's subject key and where objections are.
public struct RightsSteps: Sendable {
    public var pseudonymiser: SubjectPseudonymiser
    public var objections: any ObjectionSource
    public init(pseudonymiser: SubjectPseudonymiser, objections: any ObjectionSource) {
        self.pseudonymiser = pseudonymiser
        self.objections = objections
    }
}

/// One stage of an AI call. A step reads what earlier steps left in the state and adds its part, or throws to
/// refuse the call; it never records anything itself: the pipeline records every outcome in one place.
public protocol PipelineStep: Sendable {
    /// A stable name, for logs and metrics.
    var name: String { get }
    func run(_ state: inout CallState) async throws
}

/// What the transport sends back.
public enum PipelineAnswer: Sendable {
    /// A complete body (an answer, or a backend's own error passed through).
    case complete(status: Int, body: ByteBuffer, disclosure: Disclosure)
    /// A stream of server-sent events whose decision is already durable; iterating it relays the model's events
    /// and records the completion when the stream ends.
    case stream(AnswerStream, disclosure: Disclosure)
}

/// The ordered steps of every AI call, composed once. Every endpoint that reaches a model runs through `run`, and
/// `run` is the one place where every outcome — answer, refusal, backend failure, or an error nobody expected —
/// becomes a durable record before the client hears anything.
public struct Pipeline: Sendable {
    public let steps: [any PipelineStep]
    let recorder: any OutcomeRecorder

    public init(steps: [any PipelineStep], recorder: any OutcomeRecorder) {
        self.steps = steps
        self.recorder = recorder
    }

    /// Every step of an AI call in order, with the adapters they use.
    /// `rights`: the subject of a call and their objections (identify-subject after validate, object after govern).
    public static func standard(
        limits: RequestLimits, planner: any BackendPlanner, caller: any ModelCaller, conversations: any ConversationStore,
        recorder: any OutcomeRecorder, governance: any GovernanceSource, oversight: any OversightDesk, rights: RightsSteps? = nil,
        assistant: AssistantSetup? = nil
    ) -> Pipeline {
        let steps: [(any PipelineStep)?] = [
            Validate(limits: limits),
            rights.map { IdentifySubject(pseudonymiser: $0.pseudonymiser) },
            Govern(governance: governance),
            rights.map { Object(objections: $0.objections) },
            Protect(conversations: conversations),
            LimitPurpose(governance: governance),
            // assistant: answers model thiqa-assistant; Route and Call skip when the answer is set
            Assist(setup: assistant, planner: planner, caller: caller, recorder: recorder),
            Route(planner: planner),
            Call(caller: caller, recorder: recorder),
            Hold(desk: oversight),
            Record(recorder: recorder),
            Restore(),
            Disclose(governance: governance),
        ]
        return Pipeline(steps: steps.compactMap { $0 }, recorder: recorder)
    }

    public func run(_ call: AICall, logger: Logger) async throws(GatewayError) -> PipelineAnswer {
        var state = CallState(call: call, logger: logger)
        do {
            for step in steps {
                try await step.run(&state)
            }
            guard let answer = state.outcome else {
                throw GatewayError.internalError(reference: state.record.id)
            }
            return answer
        } catch {
            let gatewayError = Self.gatewayError(error, state: state)
            await self.recordFailure(gatewayError, state: &state, underlying: error)
            throw gatewayError
        }
    }

    /// The error the client gets: domain errors as they are, anything else as an internal error whose full
    /// description goes to the log under the interaction id, never to the client or the record.
    static func gatewayError(_ error: any Error, state: CallState) -> GatewayError {
        if let error = error as? GatewayError { return error }
        if error is AnswerTooLarge { return .upstreamFailed(reason: "\(error)") }
        if error is CancellationError { return .unavailable(reason: "the request was cancelled") }
        state.logger.error(
            "unexpected error in the request pipeline",
            metadata: ["thiqa.interaction_id": "\(state.record.id)", "thiqa.error": "\(String(reflecting: error))"]
        )
        return .internalError(reference: state.record.id)
    }

    /// Records a refused or failed call. A record already written (a stream whose decision is durable) is not
    /// written again; a failure to record must not hide the original error, but is logged.
    func recordFailure(_ error: GatewayError, state: inout CallState, underlying: any Error) async {
        guard !state.recorded else { return }
        state.record.outcome = error.outcome
        state.record.httpStatus = error.httpStatus
        state.record.errorType = error.kind
        state.record.latencyMs = state.elapsedMs
        MetricHandles.requestDuration(endpoint: state.record.endpoint, outcome: state.record.outcome.rawValue)
            .recordNanoseconds(Int64(state.record.latencyMs * 1_000_000))
        do {
            _ = try await recorder.record(state.record, content: nil)
        } catch {
            state.logger.error("cannot record a failed call", metadata: ["thiqa.interaction_id": "\(state.record.id)", "thiqa.error": "\(error)"])
        }
    }
}

