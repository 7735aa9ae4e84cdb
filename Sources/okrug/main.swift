import ArgumentParser
import Foundation
import OkrugKit

@main
struct Okrug: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "okrug",
        abstract: "Генератор сайта «Образовательный округ»: банк методических материалов и план партнерства.",
        subcommands: [Build.self, ImportPlan.self],
        defaultSubcommand: Build.self)
}

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Собрать сайт из Content/ и Templates/ в Public/.")

    @Option(help: "Папка с содержимым.") var content = "Content"
    @Option(help: "Папка с шаблонами и оформлением.") var templates = "Templates"
    @Option(help: "Куда записать сайт.") var output = "Public"
    @Option(
        name: .customLong("base-url"),
        help: "Адрес сайта, например https://example.org/okrug/ (по умолчанию из site.yaml).")
    var baseURL: String?
    @Flag(help: "Включить черновики (draft: true).") var drafts = false

    func run() throws {
        let options = BuildOptions(
            content: content, templates: templates, output: output, baseURL: baseURL, includeDrafts: drafts)
        let report = Builder.build(options)
        DiagnosticPrinter.print(report.diagnostics)
        guard report.succeeded else {
            FileHandle.standardError.write(
                Data("Сайт не собран: исправьте ошибки выше. Папка \(output)/ не изменена.\n".utf8))
            throw ExitCode(1)
        }
        let count = report.site?.materials.count ?? 0
        print(
            "Сайт собран в \(output)/: \(count) \(RussianPlural.material.form(for: count)), файлов записано: \(report.filesWritten)."
        )
    }
}

struct ImportPlan: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-plan",
        abstract: "Перенести план из текста документа Word (seeds/plan-2023.txt) в Content/plans/<год>.yaml.",
        discussion: """
            Школы и направления, которых ещё нет в schools.yaml и directions.yaml, дописываются в конец этих файлов. \
            При повторном импорте id мероприятий и направления, заданные вручную, сохраняются.
            """)

    @Argument(help: "Текст плана: таблица, скопированная из Word (ячейки через табуляцию).") var seed: String
    @Option(help: "Год плана (по умолчанию — из заголовка).") var year: Int?
    @Option(help: "Куда записать план (по умолчанию Content/plans/<год>.yaml).") var out: String?
    @Option(help: "Папка с содержимым, где лежат schools.yaml и directions.yaml.") var content = "Content"

    func run() throws {
        let report = PlanImportCommand.run(seed: seed, year: year, out: out, content: content)
        DiagnosticPrinter.print(report.diagnostics)
        guard report.succeeded else {
            FileHandle.standardError.write(Data("План не импортирован: исправьте ошибки выше.\n".utf8))
            throw ExitCode(1)
        }
        for line in report.summary { print(line) }
    }
}

enum DiagnosticPrinter {
    static func print(_ diagnostics: [Diagnostic]) {
        guard !diagnostics.isEmpty else { return }
        var text = diagnostics.map(\.formatted).joined(separator: "\n") + "\n"
        let errors = diagnostics.errors.count
        let warnings = diagnostics.warnings.count
        var summary: [String] = []
        if errors > 0 { summary.append(RussianPlural.error.counted(errors)) }
        if warnings > 0 { summary.append(RussianPlural.warning.counted(warnings)) }
        text += summary.joined(separator: ", ") + "\n"
        FileHandle.standardError.write(Data(text.utf8))
    }
}
