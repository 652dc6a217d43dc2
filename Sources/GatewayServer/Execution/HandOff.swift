/// Moves a value that is not `Sendable` from one task to another, for hand-offs where
/// exactly one task uses it at a time (an upstream stream iterator going from the
/// request handler to the response body writer).
struct HandOff<Value>: @unchecked Sendable {
    var value: Value
}
