import Foundation
import Hummingbird

/// The API's JSON: snake_case keys from the types' coding keys, ISO 8601 dates with
/// milliseconds, sorted keys so equal values render the same.
enum APIJSON {
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true)))
        }
        return encoder
    }

    /// `value` as a JSON response.
    static func response(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        Response(
            status: status, headers: [.contentType: "application/json"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: try encoder().encode(value))))
    }

    /// `value` as one line of JSON text, for an SSE `data:` field.
    static func line(_ value: some Encodable) throws -> String {
        String(decoding: try encoder().encode(value), as: UTF8.self)
    }
}

/// The error body: `{"error": {"message": "...", "code": "..."}}`.
struct ErrorBody: Encodable {
    struct Detail: Encodable {
        var message: String
        var code: String
    }

    var error: Detail

    init(_ error: APIError) {
        self.error = Detail(message: error.description, code: error.code)
    }
}

extension APIError {
    /// This error as its JSON response.
    var response: Response {
        let data = (try? APIJSON.encoder().encode(ErrorBody(self))) ?? Data(#"{"error":{"message":"error","code":"internal_error"}}"#.utf8)
        return Response(
            status: status, headers: [.contentType: "application/json"], body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}
