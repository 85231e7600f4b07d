import Foundation
import Hummingbird
import Logging
import Metrics
import ThiqaCore

/// Maps every error to OpenAI's shape; unexpected ones are logged in full and answered with a clean 500.
struct ErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as GatewayError {
            Counter(label: "thiqa_errors_total", dimensions: [("type", error.kind)]).increment()
            return try error.response(from: request, context: context)
        } catch let error as RegistryActionError {
            Counter(label: "thiqa_errors_total", dimensions: [("type", "registry_\(error.kind.rawValue)")]).increment()
            return try error.response(from: request, context: context)
        } catch let error as RightsError {
            Counter(label: "thiqa_errors_total", dimensions: [("type", "rights_\(error.kind.rawValue)")]).increment()
            return try error.response(from: request, context: context)
        } catch let error as OversightError {
            Counter(label: "thiqa_errors_total", dimensions: [("type", "oversight_\(error.code)")]).increment()
            return try error.response(from: request, context: context)
        } catch let error as HTTPError {
            let mapped: GatewayError
            switch error.status {
            case .contentTooLarge:
                mapped = .payloadTooLarge(limitBytes: context.maxUploadSize)
            case .notFound:
                mapped = .notFound(message: "No route for \(request.method) \(request.uri.path).")
            case .methodNotAllowed:
                mapped = .invalidRequest(message: "Method \(request.method) is not allowed on \(request.uri.path).", param: nil, code: "method_not_allowed")
            default:
                mapped = .invalidRequest(message: error.body ?? "Bad request.", param: nil)
            }
            Counter(label: "thiqa_errors_total", dimensions: [("type", mapped.kind)]).increment()
            var response = try mapped.response(from: request, context: context)
            if error.status == .methodNotAllowed { response.status = .methodNotAllowed }
            return response
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            Counter(label: "thiqa_errors_total", dimensions: [("type", "internal")]).increment()
            context.logger.error("unexpected error", metadata: ["thiqa.error": "\(String(reflecting: error))"])
            return try OpenAIErrorBody.Detail(
                message: "Internal error. The request id is \(context.id).", type: "server_error", param: nil, code: "internal_error"
            ).response(status: .internalServerError)
        }
    }
}

/// One structured line per request: method, route, status, duration, request id. Never a body.
struct RequestLogMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let response = try await next(request, context)
        let elapsed = ContinuousClock.now - start
        context.logger.info(
            "request",
            metadata: [
                "thiqa.method": "\(request.method)",
                "thiqa.path": "\(request.uri.path)",
                "thiqa.status": "\(response.status.code)",
                "thiqa.duration_ms": "\(Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000)",
            ]
        )
        return response
    }
}

/// Puts the configured body limit (`limits.maxBodyBytes`) in every request's context, so that every body Hummingbird
/// collects or decodes is bounded by configuration rather than by a built-in constant.
struct UploadLimitMiddleware: RouterMiddleware {
    typealias Context = ThiqaRequestContext
    let maxUploadSize: Int

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        context.maxUploadSize = maxUploadSize
        return try await next(request, context)
    }
}
