import Glibc
import Synchronization

/// The operating system's word that files changed (Linux inotify), so the preview rebuilds
/// the moment a file is saved instead of at its next look. Every folder under the roots is
/// watched, folders made later too. `nil` when the system refuses (no inotify, or its limit on
/// watches reached): the caller then looks for changes on a timer.
package final class FileEvents: Sendable {
    private let descriptor: Int32

    /// What the events told so far, behind a lock: the watcher's thread reads events while the
    /// preview's builder takes the changes.
    private struct State {
        /// Watch descriptor → its folder, to watch the folders made inside it.
        var folders: [Int32: String] = [:]
        /// A folder could not be watched: changes inside it would go unnoticed.
        var incomplete = false
        /// The files named by the events since `takeChanges`; `nil` once an event named no file
        /// (a folder made, moved or removed, or the system's queue overflowing).
        var changed: Set<String>? = []
    }
    private let state = Mutex(State())

    /// A folder could not be watched: changes inside it would go unnoticed.
    package var incomplete: Bool { state.withLock { $0.incomplete } }

    // <sys/inotify.h>: what is saved, made, removed or renamed, and the folder itself going.
    private static let modify: UInt32 = 0x2, attributes: UInt32 = 0x4, closeWrite: UInt32 = 0x8
    private static let movedFrom: UInt32 = 0x40, movedTo: UInt32 = 0x80, create: UInt32 = 0x100
    private static let delete: UInt32 = 0x200, deleteSelf: UInt32 = 0x400, moveSelf: UInt32 = 0x800
    private static let isFolder: UInt32 = 0x4000_0000, overflow: UInt32 = 0x4000
    private static let mask =
        modify | attributes | closeWrite | movedFrom | movedTo | create | delete | deleteSelf | moveSelf

    package init?(roots: [String]) {
        // IN_NONBLOCK | IN_CLOEXEC (O_NONBLOCK, O_CLOEXEC).
        let descriptor = inotify_init1(0o4000 | 0o2_000_000)
        guard descriptor >= 0 else { return nil }
        self.descriptor = descriptor
        let watched = state.withLock { state in roots.allSatisfy { Self.watchTree($0, descriptor, &state) } }
        guard watched else {
            close(descriptor)
            return nil
        }
    }

    deinit { close(descriptor) }

    /// Waits up to `milliseconds` for a change; `true` when there was one (all waiting events
    /// are read, and folders made since are watched).
    package func wait(milliseconds: Int32) -> Bool {
        var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        guard poll(&request, 1, milliseconds) > 0 else { return false }
        readEvents()
        return true
    }

    /// The files that changed since the last call, as absolute paths, in no order; `nil` when
    /// the events did not name them all (then everything must be looked at).
    package func takeChanges() -> [String]? {
        state.withLock { state in
            defer { state.changed = [] }
            return state.changed.map { Array($0) }
        }
    }

    /// Reads what is waiting; a saved file often comes as several events (write, close, rename).
    private func readEvents() {
        state.withLock { state in Self.readEvents(descriptor, &state) }
    }

    private static func readEvents(_ descriptor: Int32, _ state: inout State) {
        let size = 64 * 1024
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 8)
        defer { buffer.deallocate() }
        while true {
            let count = read(descriptor, buffer, size)
            guard count > 0 else { return }
            var offset = 0
            let headerSize = MemoryLayout<inotify_event>.size
            while offset + headerSize <= count {
                let event = buffer.load(fromByteOffset: offset, as: inotify_event.self)
                let nameLength = Int(event.len)
                let name =
                    nameLength > 0
                    ? String(cString: buffer.advanced(by: offset + headerSize).assumingMemoryBound(to: CChar.self))
                    : nil
                if event.mask & Self.isFolder != 0, event.mask & (Self.create | Self.movedTo) != 0, let name,
                    let parent = state.folders[event.wd]
                {
                    if !watchTree(parent + "/" + name, descriptor, &state) { state.incomplete = true }
                }
                if event.mask & (Self.isFolder | Self.overflow) == 0, let name, let parent = state.folders[event.wd] {
                    state.changed?.insert(parent + "/" + name)
                } else {
                    state.changed = nil
                }
                offset += headerSize + nameLength
            }
        }
    }

    /// Watches `folder` and every folder under it; `false` when the system's limit is reached.
    private static func watchTree(_ folder: String, _ descriptor: Int32, _ state: inout State) -> Bool {
        let watch = inotify_add_watch(descriptor, folder, Self.mask)
        if watch < 0 { return errno == ENOENT || errno == ENOTDIR }
        state.folders[watch] = folder
        guard let listing = opendir(folder) else { return true }
        defer { closedir(listing) }
        var children: [String] = []
        while let entry = readdir(listing) {
            guard entry.pointee.d_type == UInt8(DT_DIR) else { continue }
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name != ".", name != ".." { children.append(folder + "/" + name) }
        }
        for child in children where !watchTree(child, descriptor, &state) { return false }
        return true
    }
}
