import ArgumentParser
import Foundation
import OkrugCore
import OkrugImport
import OkrugSearch
import OkrugSite

@main
struct Okrug: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "okrug",
        abstract: "Генератор сайта «Образовательный округ»: банк методических материалов и план партнерства.",
        subcommands: [Build.self, Check.self, New.self, ImportDoc.self, Serve.self, ImportPlan.self],
        defaultSubcommand: Build.self)

    /// Runs the command; a mistake in the command line is told in Russian (the argument
    /// parser's own messages are English) with where to read more.
    static func main() {
        let command: any ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            FileHandle.standardError.write(Data((CommandLineMessage.russian(message(for: error)) + "\n").utf8))
            FileHandle.standardError.write(Data("Подробнее: okrug --help, okrug build --help и т. д.\n".utf8))
            Foundation.exit(code.rawValue)
        }
        do {
            var command = command
            try command.run()
        } catch {
            exit(withError: error)
        }
    }
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
    @Flag(name: .customLong("no-search"), help: "Не строить поисковый индекс (Pagefind).") var noSearch = false

    func run() throws {
        var options = BuildOptions(
            content: content, templates: templates, output: output, baseURL: baseURL, includeDrafts: drafts)
        options.attachmentTools = AttachmentTools.find()
        if !noSearch {
            options.searchIndexer = SearchIndexer.find()
            if options.searchIndexer == nil {
                FileHandle.standardError.write(
                    Data(
                        "Поиск не будет построен: Pagefind не установлен. Установите его командой scripts/setup.sh (или соберите с --no-search). Сайт работает и без поиска.\n"
                            .utf8))
            }
        }
        let report = Builder.build(options) {
            FileHandle.standardError.write(
                Data("Папку \(output)/ сейчас записывает другая сборка okrug; жду, пока она закончится…\n".utf8))
        }
        DiagnosticPrinter.print(report.diagnostics)
        guard report.succeeded else {
            FileHandle.standardError.write(
                Data("Сайт не собран: исправьте ошибки выше. Папка \(output)/ не изменена.\n".utf8))
            throw ExitCode(1)
        }
        print(report.summary(output: output))
    }
}

struct ImportDoc: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-doc",
        abstract: "Сделать черновики материалов из документов Word (.docx, .doc), LibreOffice (.odt) и RTF.",
        discussion: """
            Каждый документ становится папкой Content/materials/<адрес>/: текст в index.md с полями \
            (draft: true), рисунки и сам документ как вложение «Исходный документ». Можно дать \
            несколько файлов или папку. Существующие материалы не перезаписываются.
            """)

    @Argument(help: "Документы .docx, .doc, .odt, .rtf или папки с ними.") var documents: [String]
    @OptionGroup var ids: MaterialIDOptions
    @Option(help: "Мероприятие плана: ГОД/id, например 2023/seminar-cherez-innovatsii.") var activity: String?
    @Option(help: "Папка с содержимым.") var content = "Content"

    func run() throws {
        let options = BuildOptions(content: content)
        let outcome = DocumentImport.run(
            .init(
                paths: documents, school: ids.school, direction: ids.direction, kind: ids.kind, activity: activity),
            content: options.content, contentDisplay: options.contentDisplay, today: options.buildDay,
            pandoc: Pandoc.find(), helpers: .find())
        DiagnosticPrinter.print(outcome.diagnostics)
        print(outcome.summary)
        if !outcome.refused.isEmpty || outcome.imported.isEmpty { throw ExitCode(1) }
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
    @Flag(help: "Записать план, даже если в прежнем файле есть мероприятия, которых нет в новом тексте.")
    var force = false

    func run() throws {
        let report = PlanImportCommand.run(seed: seed, year: year, out: out, content: content, force: force)
        DiagnosticPrinter.print(report.diagnostics)
        guard report.succeeded else {
            FileHandle.standardError.write(Data("План не импортирован: исправьте ошибки выше.\n".utf8))
            throw ExitCode(1)
        }
        for line in report.summary { print(line) }
    }
}

struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Собрать сайт, показать его в браузере и пересобирать при каждом сохранении файла.",
        discussion: """
            Открытая в браузере страница обновляется сама. Пока в содержимом есть ошибки, вместо сайта \
            показан их список. Черновики (draft: true) видны. Остановить — Ctrl-C.
            """)

    @Option(help: "Порт.") var port = 8000
    @Option(help: "Адрес; по умолчанию только этот компьютер.") var host = "127.0.0.1"
    @Option(help: "Папка с содержимым.") var content = "Content"
    @Option(help: "Папка с шаблонами и оформлением.") var templates = "Templates"
    @Option(help: "Куда собирать сайт для просмотра (не Public/: в просмотре видны черновики).")
    var output = ".okrug-serve"
    @Flag(
        name: .customLong("no-search"),
        help: "Не обновлять поиск в просмотре после каждого сохранения (Pagefind; на больших сайтах — минуты)."
    )
    var noSearch = false

    /// The preview server is a separate program beside this one, so building the site never
    /// compiles the server framework; this command hands over to it.
    func run() throws {
        let problem = PreviewHandover.run(
            port: port, host: host, content: content, templates: templates, output: output, search: !noSearch)
        FileHandle.standardError.write(Data((problem + "\n").utf8))
        throw ExitCode(1)
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Проверить Content/ и Templates/, ничего не записывая: все ошибки и предупреждения сразу.",
        discussion: "Код выхода: 0 — ошибок нет, 1 — есть ошибки (или предупреждения при --strict).")

    @Option(help: "Папка с содержимым.") var content = "Content"
    @Option(help: "Папка с шаблонами и оформлением.") var templates = "Templates"
    @Option(help: "Вид отчёта: text (для человека), json (для программ), github (аннотации GitHub Actions).")
    var format: OutputFormat = .text
    @Flag(help: "Считать предупреждения ошибками (код выхода 1).") var strict = false
    @Flag(
        name: .customLong("fix-encoding"), help: "Перекодировать файлы из Windows-1251 и UTF-16 в UTF-8 (копия — .bak)."
    )
    var fixEncoding = false

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case text, json, github
    }

    func run() throws {
        let options = BuildOptions(content: content, templates: templates)
        if fixEncoding {
            let fixed = try EncodingFixer.fixAll(in: options.content)
            for (path, outcome) in fixed {
                if case .converted(let encoding, let backup) = outcome {
                    FileHandle.standardError.write(
                        Data(
                            "\(content)/\(path): перекодирован из \(encoding) в UTF-8, прежний файл — \(backup)\n".utf8)
                    )
                }
            }
        }
        let diagnostics = Checker.run(options)
        guard let kind = DiagnosticFormat(rawValue: format.rawValue) else { return }
        switch kind {
        case .text:
            DiagnosticPrinter.print(diagnostics)
            if diagnostics.isEmpty { print("Ошибок нет.") }
        case .json, .github:
            print(kind.render(diagnostics), terminator: "")
        }
        let code = Checker.exitCode(diagnostics, strict: strict)
        if code != 0 { throw ExitCode(code) }
    }
}

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Создать заготовку материала или страницы.", subcommands: [NewMaterial.self, NewPage.self])
}

/// The ids a new material names, the same for `okrug new material` and `okrug import-doc`.
struct MaterialIDOptions: ParsableArguments {
    @Option(help: "id школы из schools.yaml.") var school: String?
    @Option(help: "id направления из directions.yaml.") var direction: String?
    @Option(help: "Форма материала: seminar, master-class, …") var kind: String?
}

struct NewMaterial: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "material",
        abstract: "Создать Content/materials/<адрес>/index.md с заполненными полями и планом текста.")

    @Argument(help: "Название материала.") var title: String
    @OptionGroup var ids: MaterialIDOptions
    @Option(help: "Папка с содержимым.") var content = "Content"

    func run() throws {
        let options = BuildOptions(content: content)
        let (created, diagnostics) = Scaffold.newMaterial(
            .init(title: title, school: ids.school, direction: ids.direction, kind: ids.kind),
            content: options.content,
            contentDisplay: options.contentDisplay, today: options.buildDay)
        DiagnosticPrinter.print(diagnostics)
        guard let created else { throw ExitCode(1) }
        print(
            "Создан \(created.displayPath). Заполните поля и текст; пока в нём draft: true, материал виден только в okrug serve."
        )
    }
}

struct NewPage: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "page", abstract: "Создать страницу Content/pages/<адрес>.md.")

    @Argument(help: "Название страницы.") var title: String
    @Option(help: "Папка с содержимым.") var content = "Content"

    func run() throws {
        let options = BuildOptions(content: content)
        let (created, diagnostics) = Scaffold.newPage(
            title, content: options.content, contentDisplay: options.contentDisplay)
        DiagnosticPrinter.print(diagnostics)
        guard let created else { throw ExitCode(1) }
        print("Создана \(created.displayPath).")
    }
}

enum DiagnosticPrinter {
    static func print(_ diagnostics: [Diagnostic]) {
        DiagnosticFormat.listing(diagnostics) { FileHandle.standardError.write(Data($0.utf8)) }
    }
}
