import Synchronization

/// The assistant in service now. The knowledge base can be reloaded while the gateway runs (`thiqa kb ingest`, or
/// an edit of the procedures' files): a reload swaps the whole assistant, and a call takes it once, so one answer is
/// composed and cited from one version of the base.
public final class AssistantSource: Sendable {
    private let current: Mutex<Assistant>

    public init(_ assistant: Assistant) {
        self.current = Mutex(assistant)
    }

    public var assistant: Assistant { current.withLock { $0 } }

    public func replace(with assistant: Assistant) {
        current.withLock { $0 = assistant }
    }
}
