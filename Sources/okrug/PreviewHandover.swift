import Foundation
import OkrugSystem

/// `okrug serve` hands over to `okrug-serve`, the preview server, a separate program beside
/// `okrug`: building the site then never compiles the server framework (Hummingbird, NIO).
/// The server takes this process's place, so Ctrl-C and the exit code reach it directly.
enum PreviewHandover {
    /// Runs the preview server with these options; returns only when it cannot, with what to
    /// tell the user.
    static func run(
        port: Int, host: String, content: String, templates: String, output: String, search: Bool = true
    ) -> String {
        let folder = ProgramExec.currentExecutable.map { URL(fileURLWithPath: $0).deletingLastPathComponent() }
        guard let server = folder?.appendingPathComponent("okrug-serve").path,
            FileManager.default.isExecutableFile(atPath: server)
        else {
            return """
                Просмотр сайта — отдельная программа okrug-serve, и её ещё нет рядом с okrug.
                Соберите и запустите её одной командой (в первый раз сборка займёт несколько минут):
                    scripts/serve.sh
                """
        }
        let code = ProgramExec.replace(
            with: server,
            arguments: [
                "--port", String(port), "--host", host, "--content", content, "--templates", templates,
                "--output", output,
            ] + (search ? [] : ["--no-search"]))
        return "Не удалось запустить просмотр: \(SystemError(path: server, code: code))"
    }
}
