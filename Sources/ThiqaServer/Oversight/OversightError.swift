import Foundation
import HTTPTypes
import Hummingbird
import ThiqaCore
import ThiqaOversight
import ThiqaStorage

/// A refused oversight action, with a stable `code` (GOVERNANCE.md, "Human oversight"), as an OpenAI-shaped error.
struct OversightError: Error, Sendable, CustomStringConvertible, HTTPResponseError {
    var status: HTTPResponse.Status
    var code: String
    var message: String
    var description: String { message }

    static func notFound(_ message: String) -> OversightError { OversightError(status: .notFound, code: "not_found", message: message) }
    static func invalid(_ message: String, code: String = "invalid_request") -> OversightError {
        OversightError(status: .unprocessableContent, code: code, message: message)
    }

    init(status: HTTPResponse.Status, code: String, message: String) {
        self.status = status
        self.code = code
        self.message = message
    }

    init(_ error: ReviewError) {
        switch error {
        case .notPermitted, .sameReviewer: self.status = .forbidden
        case .alreadyFinal: self.status = .conflict
        case .draftRequired, .reasonRequired, .secondReviewCannotAmend: self.status = .unprocessableContent
        }
        self.code = error.code
        self.message = error.description
    }

    init(_ error: OversightStoreError) {
        switch error {
        case .notFound: self.status = .notFound
        case .concurrentChange: self.status = .conflict
        case .corrupt: self.status = .internalServerError
        }
        self.code = { if case .concurrentChange = error { "concurrent_review" } else { "not_found" } }()
        self.message = error.description
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        try OpenAIErrorBody.Detail(message: message, type: OpenAIErrorBody.Detail.type(for: status), param: nil, code: code).response(status: status)
    }
}
