import Foundation

/// Another program run to its end (pdftoppm, pdfinfo, pandoc, Pagefind): found on the PATH,
/// run with its standard output collected and its errors kept apart, read on two threads so a
/// long message never blocks a pipe. The one place okrug starts a program.
package struct ExternalTool: Sendable {
    package var executable: String

    package init(executable: String) {
        self.executable = executable
    }

    /// `name` on the PATH (or the path itself when it has a slash); `nil` when it is not there.
    package static func find(_ name: String, environment: [String: String] = ProcessInfo.processInfo.environment)
        -> ExternalTool?
    {
        if name.contains("/") {
            return FileManager.default.isExecutableFile(atPath: name) ? ExternalTool(executable: name) : nil
        }
        for folder in (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":") {
            let path = String(folder) + "/" + name
            if FileManager.default.isExecutableFile(atPath: path) { return ExternalTool(executable: path) }
        }
        return nil
    }

    /// `/usr/bin/env`: runs a command named as the user gave it (`pandoc`, `.venv/bin/python`),
    /// looked up on the PATH.
    package static let env = ExternalTool(executable: "/usr/bin/env")

    package struct Outcome: Sendable {
        package var status: Int32
        package var output: Data
        package var errors: String
        /// Why the program could not be started at all (status 127 then).
        package var launchFailure: SystemError? = nil
        package var succeeded: Bool { status == 0 }
    }

    /// Runs the program with `arguments` in `folder`; status 127 when it could not start.
    package func run(_ arguments: [String], in folder: URL? = nil) -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = folder }
        process.standardInput = FileHandle.nullDevice
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        do {
            try process.run()
        } catch {
            return Outcome(
                status: 127, output: Data(), errors: "\(error)",
                launchFailure: SystemError.from(error, path: executable))
        }
        // Errors are read on another thread while the output is read here: either may fill.
        let errorText = ErrorCollector()
        let reader = Thread { errorText.set(errors.fileHandleForReading.readDataToEndOfFile()) }
        reader.start()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let said = errorText.wait()
        return Outcome(status: process.terminationStatus, output: data, errors: String(decoding: said, as: UTF8.self))
    }
}

/// The error output, handed from the thread that reads it.
private final class ErrorCollector: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var data = Data()

    func set(_ value: Data) {
        data = value
        done.signal()
    }

    func wait() -> Data {
        done.wait()
        return data
    }
}
