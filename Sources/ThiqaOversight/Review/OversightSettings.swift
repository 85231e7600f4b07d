import Foundation

/// How one use case's held answers are reviewed, set by its DPO or an administrator.
public struct OversightSettings: Sendable, Codable, Equatable {
    public var stop: StopSwitch
    /// Four eyes: every verdict needs a second, different staff principal.
    public var secondReview: Bool
    /// How long reviewers have before a held determination is escalated to the use case's DPO.
    public var reviewDeadlineSeconds: Int
    /// Where the caller is called back when a determination becomes final (https, or http on loopback for tests).
    public var webhookURL: String?
    /// The HMAC secret of the webhook's signatures, base64url; shown once when the webhook is set.
    public var webhookSecret: String?

    public static let defaultDeadlineSeconds = 86_400

    public init(
        stop: StopSwitch = StopSwitch(), secondReview: Bool = false, reviewDeadlineSeconds: Int = Self.defaultDeadlineSeconds,
        webhookURL: String? = nil, webhookSecret: String? = nil
    ) {
        self.stop = stop
        self.secondReview = secondReview
        self.reviewDeadlineSeconds = reviewDeadlineSeconds
        self.webhookURL = webhookURL
        self.webhookSecret = webhookSecret
    }

    enum CodingKeys: String, CodingKey {
        case stop
        case secondReview = "second_review"
        case reviewDeadlineSeconds = "review_deadline_seconds"
        case webhookURL = "webhook_url"
        case webhookSecret = "webhook_secret"
    }

    /// A webhook URL must be absolute https (http only to a loopback address, for local receivers and tests).
    public static func validateWebhookURL(_ text: String) -> String? {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), let host = url.host, !host.isEmpty else {
            return "webhook_url: not an absolute URL"
        }
        if scheme == "https" { return nil }
        if scheme == "http" && (host == "127.0.0.1" || host == "localhost" || host == "::1") { return nil }
        return "webhook_url: must be https (http is accepted only for 127.0.0.1 and localhost)"
    }
}
