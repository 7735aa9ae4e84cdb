import Glibc

/// Running another program in this process's place (`execv`): `okrug serve` becomes
/// `okrug-serve`, keeping its process id, so Ctrl-C and the exit code need no forwarding.
package enum ProgramExec {
    /// The path of the running program (`/proc/self/exe`), symlinks resolved.
    package static var currentExecutable: String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard length > 0 else { return nil }
        return String(decoding: buffer[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Replaces this process with `path`, given `arguments` (without the program's name).
    /// Returns only on failure, with the `errno`.
    package static func replace(with path: String, arguments: [String]) -> Int32 {
        var argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) }
        argv.append(nil)
        defer { for pointer in argv { free(pointer) } }
        execv(path, argv)
        return errno
    }
}
