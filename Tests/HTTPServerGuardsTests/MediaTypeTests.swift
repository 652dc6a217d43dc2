import Testing

@testable import HTTPServerGuards

/// The content-type check in front of every JSON body.
@Suite("Media type")
struct MediaTypeTests {
    @Test func jsonAndStructuredJSONTypesAreJSONWhateverTheirCaseParametersAndSpaces() {
        for value in [
            "application/json", "Application/JSON", "application/json; charset=utf-8", "  application/json  ;charset=UTF-8",
            "application/vnd.api+json", "APPLICATION/PROBLEM+JSON", "\tapplication/json\t",
        ] {
            #expect(MediaType.isJSON(value), "\(value)")
        }
    }

    @Test func otherTypesAreNot() {
        for value in [
            "", "text/json", "application/jsonx", "application/xjson", "application/json5", "text/plain; application/json",
            "application/x-www-form-urlencoded", "application/", "application", "multipart/form-data; boundary=json",
            "application/+json", "xapplication/json", "application/json+xml",
        ] {
            #expect(!MediaType.isJSON(value), "\(value)")
        }
    }
}
