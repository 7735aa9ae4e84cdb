import Ccmark
import Glibc

/// All of cmark's memory, and the one rule for it: every cmark call runs inside
/// `MarkdownArena.scope`, which hands out the allocator to create parsers and nodes with. Nodes,
/// texts and the rendered HTML all live in the scope's arena and are given back together when
/// the scope ends, so nothing cmark returns may outlive the scope (copy it into Swift first),
/// and nothing cmark returns is ever passed to `free`.
///
/// Why an arena: cmark allocates every node, every text and every growth of its output buffer
/// separately. With two threads parsing 10 000 documents, the C allocator's bookkeeping for
/// those many small, short-lived pieces (merging freed chunks) cost more than cmark's own
/// parsing. Blocks are taken once per thread and handed out front to back; cmark's `free` of
/// a single piece does nothing, the memory returns when the scope ends.
///
/// Scopes nest: a render started while another is running on the same thread gets an arena of
/// its own, so the outer document's memory is never reset under it.
///
/// `cmark_parse_document`, `cmark_node_new` and `cmark_parser_new` (which take the C
/// allocator instead) are not used; `ArchitectureTests` checks that.
final class MarkdownArena {
    private var blocks: [(base: UnsafeMutableRawPointer, capacity: Int)] = []
    private var block = 0
    private var offset = 0
    private static let blockSize = 1 << 20
    /// Each allocation is preceded by its size (for `realloc`), keeping 16-byte alignment.
    private static let header = 16

    deinit {
        for block in blocks { free(block.base) }
    }

    func allocate(_ size: Int) -> UnsafeMutableRawPointer? {
        let needed = (size + Self.header + 15) & ~15
        while true {
            if block < blocks.count {
                if offset + needed <= blocks[block].capacity {
                    let start = blocks[block].base + offset
                    offset += needed
                    start.storeBytes(of: size, as: Int.self)
                    return start + Self.header
                }
                block += 1
                offset = 0
                continue
            }
            let capacity = max(Self.blockSize, needed)
            guard let base = malloc(capacity) else { return nil }
            blocks.append((base, capacity))
        }
    }

    func reallocate(_ old: UnsafeMutableRawPointer?, _ size: Int) -> UnsafeMutableRawPointer? {
        guard let old else { return allocate(size) }
        let oldSize = (old - Self.header).load(as: Int.self)
        if size <= oldSize { return old }
        // The last piece handed out grows where it is (cmark's output buffer, mostly).
        let oldNeeded = (oldSize + Self.header + 15) & ~15
        let newNeeded = (size + Self.header + 15) & ~15
        if block < blocks.count, old - Self.header + oldNeeded == blocks[block].base + offset,
            offset - oldNeeded + newNeeded <= blocks[block].capacity
        {
            offset += newNeeded - oldNeeded
            (old - Self.header).storeBytes(of: size, as: Int.self)
            return old
        }
        guard let new = allocate(size) else { return nil }
        new.copyMemory(from: old, byteCount: oldSize)
        return new
    }

    /// Everything handed out since the last reset is free again.
    private func reset() {
        block = 0
        offset = 0
    }

    /// Runs `body` with an allocator for cmark whose memory lives until `body` returns.
    static func scope<Result>(_ body: (UnsafeMutablePointer<cmark_mem>) -> Result) -> Result {
        let stack = Stack.current
        let arena = stack.push()
        pthread_setspecific(currentKey, Unmanaged.passUnretained(arena).toOpaque())
        defer {
            arena.reset()
            stack.pop()
            pthread_setspecific(currentKey, stack.top.map { Unmanaged.passUnretained($0).toOpaque() })
        }
        return body(allocator)
    }

    /// This thread's arenas: the innermost scope's is on top; arenas are kept for reuse.
    private final class Stack {
        var arenas: [MarkdownArena] = []
        var depth = 0
        /// Where an allocation outside any scope goes (a bug: see the rule above); it leaks
        /// instead of corrupting a live document.
        lazy var stray = MarkdownArena()

        func push() -> MarkdownArena {
            if depth == arenas.count { arenas.append(MarkdownArena()) }
            depth += 1
            return arenas[depth - 1]
        }

        func pop() { depth -= 1 }

        var top: MarkdownArena? { depth > 0 ? arenas[depth - 1] : nil }

        static var current: Stack {
            if let stored = pthread_getspecific(stackKey) {
                return Unmanaged<Stack>.fromOpaque(stored).takeUnretainedValue()
            }
            let stack = Stack()
            pthread_setspecific(stackKey, Unmanaged.passRetained(stack).toOpaque())
            return stack
        }
    }

    /// Owns each thread's `Stack` (released when the thread ends).
    private static let stackKey: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key) { stored in
            guard let stored else { return }
            Unmanaged<Stack>.fromOpaque(stored).release()
        }
        return key
    }()

    /// The innermost scope's arena on this thread, unretained (its stack keeps it alive): what
    /// every allocation reads, without touching reference counts.
    private static let currentKey: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        return key
    }()

    /// Runs `body` on the calling thread's innermost arena.
    @inline(__always)
    private static func withCurrent<Result>(_ body: (MarkdownArena) -> Result) -> Result {
        guard let stored = pthread_getspecific(currentKey) else { return body(Stack.current.stray) }
        return Unmanaged<MarkdownArena>.fromOpaque(stored)._withUnsafeGuaranteedRef(body)
    }

    /// The allocator handed to cmark: the calling thread's innermost arena.
    private nonisolated(unsafe) static let allocator: UnsafeMutablePointer<cmark_mem> = {
        let allocator = UnsafeMutablePointer<cmark_mem>.allocate(capacity: 1)
        allocator.initialize(
            to: cmark_mem(
                calloc: { count, size in
                    let (bytes, overflow) = count.multipliedReportingOverflow(by: size)
                    guard !overflow, let memory = withCurrent({ $0.allocate(bytes) }) else { return nil }
                    memset(memory, 0, bytes)
                    return memory
                },
                realloc: { old, size in withCurrent { $0.reallocate(old, size) } },
                free: { _ in }))
        return allocator
    }()
}
