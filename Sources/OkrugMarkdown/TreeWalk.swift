import Ccmark

/// The nodes under `root` in document order, each given on entering it and (if it can hold
/// others) on leaving it: cmark's iterator, made and freed in one place.
@inline(__always) func walkTree(
    _ root: OpaquePointer, _ visit: (_ node: OpaquePointer, _ type: cmark_node_type, _ entering: Bool) -> Void
) {
    guard let iterator = cmark_iter_new(root) else { return }
    defer { cmark_iter_free(iterator) }
    while true {
        let event = cmark_iter_next(iterator)
        if event == CMARK_EVENT_DONE { break }
        guard let node = cmark_iter_get_node(iterator) else { continue }
        visit(node, cmark_node_get_type(node), event == CMARK_EVENT_ENTER)
    }
}
