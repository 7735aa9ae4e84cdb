import Ccmark

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Memory for cmark while one document is parsed, changed and rendered: blocks taken once per
/// thread and handed out front to back, all given back at once when the document is done.
///
/// cmark allocates every node, every text and every growth of its output buffer separately.
/// With two threads parsing 10 000 documents, the C allocator's bookkeeping for those many
/// small, short-lived pieces (merging freed chunks) cost more than cmark's own parsing.
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
    func reset() {
        block = 0
        offset = 0
    }

    /// This thread's arena.
    static var current: MarkdownArena {
        if let stored = pthread_getspecific(key) {
            return Unmanaged<MarkdownArena>.fromOpaque(stored).takeUnretainedValue()
        }
        let arena = MarkdownArena()
        pthread_setspecific(key, Unmanaged.passRetained(arena).toOpaque())
        return arena
    }

    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key) { stored in
            guard let stored else { return }
            Unmanaged<MarkdownArena>.fromOpaque(stored).release()
        }
        return key
    }()

    /// The allocator handed to cmark: the calling thread's arena; `free` does nothing.
    nonisolated(unsafe) static let allocator: UnsafeMutablePointer<cmark_mem> = {
        let allocator = UnsafeMutablePointer<cmark_mem>.allocate(capacity: 1)
        allocator.initialize(
            to: cmark_mem(
                calloc: { count, size in
                    let bytes = count * size
                    guard let memory = MarkdownArena.current.allocate(bytes) else { return nil }
                    memset(memory, 0, bytes)
                    return memory
                },
                realloc: { old, size in MarkdownArena.current.reallocate(old, size) },
                free: { _ in }))
        return allocator
    }()
}
