import Foundation
import Glibc

/// Another program run to its end (pdftoppm, pdfinfo, pandoc, Pagefind, libvips…): found one
/// way for all (`ProgramLookup`), run with its standard output collected and its errors kept
/// apart, read on two threads so a long message never blocks a pipe, always within limits of
/// time, memory, file size and output. The one place okrug starts a program.
package struct ExternalTool: Sendable {
    package var executable: String
    /// Arguments it always starts with (`-m pagefind` after a Python).
    package var leadingArguments: [String]

    package init(executable: String, leadingArguments: [String] = []) {
        self.executable = executable
        self.leadingArguments = leadingArguments
    }

    /// The program `name` beside this one (libvips' `vipsheader` beside `vips`).
    package func sibling(_ name: String) -> ExternalTool {
        ExternalTool(
            executable: URL(fileURLWithPath: executable).deletingLastPathComponent().appendingPathComponent(name).path)
    }

    /// The first candidate of `lookup` that is there and answers as it should: the variable
    /// (`OKRUG_PANDOC`, a command that may have arguments), the project's `.venv/` under
    /// `workingDirectory`, then the PATH of `environment`; `nil` when none is.
    package static func find(
        _ lookup: ProgramLookup, workingDirectory: URL? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> ExternalTool? {
        let cwd = workingDirectory ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        for command in lookup.candidates(workingDirectory: cwd, environment: environment) {
            guard let first = command.first, let path = executablePath(first, environment: environment) else {
                continue
            }
            let tool = ExternalTool(executable: path, leadingArguments: Array(command.dropFirst()))
            if let answers = lookup.answers {
                let reply = tool.run(lookup.question, limits: .question)
                guard reply.status == 0, answers(String(decoding: reply.output, as: UTF8.self)) else { continue }
            }
            return tool
        }
        return nil
    }

    /// `name` on the PATH, or the path itself when it has a slash and is executable.
    static func executablePath(_ name: String, environment: [String: String]) -> String? {
        if name.contains("/") { return FileManager.default.isExecutableFile(atPath: name) ? name : nil }
        for folder in (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":") {
            let path = String(folder) + "/" + name
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    /// What a program may use: it is stopped when it runs longer than `seconds`, its address
    /// space is capped at `memoryBytes` and no file it writes may grow past `fileBytes`
    /// (`timeout` from coreutils and `prlimit` from util-linux, both in every Debian); okrug
    /// keeps at most `outputBytes` of what it prints.
    package struct Limits: Sendable, Equatable {
        package var seconds: Int
        package var memoryBytes: Int
        package var fileBytes: Int
        package var outputBytes: Int = 64 << 20

        package init(seconds: Int, memoryBytes: Int, fileBytes: Int, outputBytes: Int = 64 << 20) {
            self.seconds = seconds
            self.memoryBytes = memoryBytes
            self.fileBytes = fileBytes
            self.outputBytes = outputBytes
        }

        /// A quick question (`--version`).
        package static let question = Limits(seconds: 30, memoryBytes: 2 << 30, fileBytes: 1 << 20)
        /// pdftoppm and pdfinfo over one attachment.
        package static let pdf = Limits(seconds: 60, memoryBytes: 1 << 30, fileBytes: 64 << 20)
        /// pandoc over one document.
        package static let document = Limits(seconds: 120, memoryBytes: 3 << 30, fileBytes: 64 << 20)
        /// LibreOffice turning one office file into a PDF.
        package static let office = Limits(seconds: 180, memoryBytes: 4 << 30, fileBytes: 512 << 20)
        /// libvips making one picture's copies (a 50-megapixel photo decodes in about 200 MB).
        package static let picture = Limits(seconds: 120, memoryBytes: 2 << 30, fileBytes: 256 << 20)
        /// tesseract reading one scanned page.
        package static let ocr = Limits(seconds: 120, memoryBytes: 2 << 30, fileBytes: 16 << 20)
        /// Pagefind over the whole site (or one piece of a large one).
        package static let searchIndex = Limits(seconds: 1800, memoryBytes: 16 << 30, fileBytes: 512 << 20)
    }

    /// Which limit stopped a program.
    package enum LimitHit: Sendable, Equatable {
        case time(Int)
        case memory(Int)
        case fileSize(Int)
        case output(Int)

        /// «работала дольше 120 с и была остановлена».
        package var russian: String {
            switch self {
            case .time(let seconds): "работала дольше \(seconds) с и была остановлена (предел времени)"
            case .memory(let bytes): "превысила предел памяти (\(bytes >> 20) МБ)"
            case .fileSize(let bytes): "попыталась записать файл больше \(bytes >> 20) МБ (предел размера)"
            case .output(let bytes): "вывела больше \(bytes >> 20) МБ текста (предел вывода)"
            }
        }
    }

    package struct Outcome: Sendable {
        package var status: Int32
        package var output: Data
        package var errors: String
        /// Why the program could not be started at all (status 127 then).
        package var launchFailure: SystemError? = nil
        /// The limit that stopped it, if one did.
        package var limitHit: LimitHit? = nil
        package var succeeded: Bool { status == 0 && limitHit == nil }
    }

    /// `timeout` and `prlimit`, when the system has them (a program then runs without limits).
    private static let timeoutProgram = ["/usr/bin/timeout", "/bin/timeout"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }
    private static let prlimitProgram = ["/usr/bin/prlimit", "/bin/prlimit"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    /// Runs the program with `arguments` in `folder` within `limits`, with `variables` added to
    /// its environment; status 127 when it could not start.
    package func run(
        _ arguments: [String], in folder: URL? = nil, limits: Limits, variables: [String: String] = [:]
    ) -> Outcome {
        var command = [executable] + leadingArguments + arguments
        if let prlimit = Self.prlimitProgram {
            command =
                [prlimit, "--as=\(limits.memoryBytes)", "--fsize=\(limits.fileBytes)", "--core=0", "--"] + command
        }
        if let timeout = Self.timeoutProgram {
            // KILL to the whole process group (timeout's own), so the program's children stop
            // with it: a child that inherited blocked signals would outlive a TERM.
            command = [timeout, "--signal=KILL", "\(limits.seconds)"] + command
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst())
        if let folder { process.currentDirectoryURL = folder }
        if !variables.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(variables) { $1 }
        }
        process.standardInput = FileHandle.nullDevice
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        let start = Date()
        do {
            try process.run()
        } catch {
            return Outcome(
                status: 127, output: Data(), errors: "\(error)",
                launchFailure: SystemError.from(error, path: executable))
        }
        // Errors are read on another thread while the output is read here: either may fill.
        let errorText = ErrorCollector()
        let reader = Thread {
            let handle = errors.fileHandleForReading
            let result = Self.readCapped(handle, limits.outputBytes)
            // Past the limit the rest is drained unkept, so the program never blocks on the pipe.
            if result.1 { while !Self.piece(of: handle).isEmpty {} }
            errorText.set(result)
        }
        reader.start()
        let (data, overflowed) = Self.readCapped(output.fileHandleForReading, limits.outputBytes)
        if overflowed {
            // timeout leads its own process group: the program and its children go with it.
            if Self.timeoutProgram != nil { kill(-process.processIdentifier, SIGKILL) }
            process.terminate()
        }
        process.waitUntilExit()
        let (said, _) = errorText.wait()
        var status = process.terminationStatus
        // timeout killed its group, itself included: the time ran out.
        if Self.timeoutProgram != nil, process.terminationReason == .uncaughtSignal, status == SIGKILL,
            Date().timeIntervalSince(start) >= Double(limits.seconds) - 0.5
        {
            status = 124
        }
        let text = String(decoding: said, as: UTF8.self)
        var outcome = Outcome(status: status, output: data, errors: text)
        outcome.limitHit = Self.limitHit(status: status, errors: text, limits: limits, overflowed: overflowed)
        if outcome.limitHit != nil, outcome.status == 0 { outcome.status = 1 }
        return outcome
    }

    /// What `timeout` and the kernel say when a limit stops a program: 124 (time, after TERM),
    /// 137 (time, after KILL), 128 + SIGXFSZ (a file too big); a failed allocation is only told
    /// in the program's own words.
    static func limitHit(status: Int32, errors: String, limits: Limits, overflowed: Bool) -> LimitHit? {
        if overflowed { return .output(limits.outputBytes) }
        if timeoutProgram != nil, status == 124 || status == 137 { return .time(limits.seconds) }
        if status == 128 + SIGXFSZ || errors.contains("File size limit exceeded") { return .fileSize(limits.fileBytes) }
        guard status != 0 else { return nil }
        let lowered = errors.lowercased()
        let memoryWords = [
            "heap exhausted", "out of memory", "memory allocation of", "bad_alloc", "cannot allocate memory",
            "memoryerror", "mmap", "failed to allocate",
        ]
        return memoryWords.contains(where: lowered.contains) ? .memory(limits.memoryBytes) : nil
    }

    /// The next bytes from the pipe, empty at its end. read(2) itself, again after a signal:
    /// Foundation's `availableData` stops the whole program on EINTR.
    static func piece(of handle: FileHandle) -> Data {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(handle.fileDescriptor, $0.baseAddress, $0.count) }
            if count >= 0 { return Data(buffer[0..<count]) }
            if errno != EINTR { return Data() }
        }
    }

    /// What `handle` gives until its end or until more than `limit` bytes came (then the caller
    /// stops the program); whether the limit was passed.
    static func readCapped(_ handle: FileHandle, _ limit: Int) -> (Data, Bool) {
        var kept = Data()
        var overflowed = false
        while true {
            let piece = Self.piece(of: handle)
            if piece.isEmpty { break }
            if kept.count + piece.count > limit {
                overflowed = true
                kept.append(piece.prefix(max(0, limit - kept.count)))
                break
            }
            kept.append(piece)
        }
        return (kept, overflowed)
    }
}

/// The error output, handed from the thread that reads it.
private final class ErrorCollector: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var data = (Data(), false)

    func set(_ value: (Data, Bool)) {
        data = value
        done.signal()
    }

    func wait() -> (Data, Bool) {
        done.wait()
        return data
    }
}
