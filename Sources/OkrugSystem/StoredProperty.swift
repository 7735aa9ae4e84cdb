/// A stored property of a struct, read at its byte offset. Applying a key path at run time goes
/// through the runtime (generic metadata is looked up at every read), which cost a tenth of
/// the render stage when templates read their view models through key paths; the offset is
/// what the key path points at, found once.
public struct StoredProperty<Root, Value>: @unchecked Sendable {
    @usableFromInline let offset: Int

    /// `nil` when `path` is not a stored property of a struct (a computed property, a class):
    /// those are read through the key path.
    @inlinable public init?(_ path: KeyPath<Root, Value>) {
        guard let offset = MemoryLayout<Root>.offset(of: path) else { return nil }
        self.offset = offset
    }

    /// The value, copied (retained) out of `root`.
    @inlinable public func read(_ root: Root) -> Value {
        withUnsafeBytes(of: root) { $0.load(fromByteOffset: offset, as: Value.self) }
    }
}
