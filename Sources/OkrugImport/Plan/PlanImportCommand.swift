import Foundation
import OkrugCore
import OkrugSystem
import OkrugText

/// The file work of `okrug import-plan`: reads the seed and the existing files, writes the
/// plan and appends new schools and directions. The CLI only passes its arguments here.
public enum PlanImportCommand {
    public struct Report: Sendable {
        public var diagnostics: [Diagnostic]
        /// Lines for the user, in Russian.
        public var summary: [String]
        public var succeeded: Bool { !diagnostics.hasErrors }
    }

    /// `force`: write even if the existing plan has activities the new text lacks.
    public static func run(
        seed: String, year: Int?, out: String?, content: String, force: Bool = false, workingDirectory: URL? = nil
    )
        -> Report
    {
        let cwd = workingDirectory ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        func url(_ path: String) -> URL {
            path.hasPrefix("/") ? URL(fileURLWithPath: path) : cwd.appendingPathComponent(path)
        }
        func fail(_ file: String, _ message: String, hint: String) -> Report {
            Report(
                diagnostics: [.error(SourcePosition(file: file, line: 0, column: 0), message, hint: hint)], summary: [])
        }
        let data: Data
        do {
            data = try SourceText.bytes(atPath: url(seed).path)
        } catch {
            switch error.code {
            case ENOENT:
                return fail(
                    seed, "файл плана не найден", hint: "укажите путь к тексту плана, например seeds/plan-2023.txt")
            case EFBIG:
                return fail(
                    seed, "файл плана больше \(SourceText.maximumBytes >> 20) МБ: это не текст плана",
                    hint: "укажите текст плана, скопированный из Word, например seeds/plan-2023.txt")
            default:
                return fail(seed, "файл плана не прочитан: \(SystemError.reason(error.code))", hint: error.hint)
            }
        }
        let text: SourceText
        switch SourceText.decode(data, displayPath: seed) {
        case .success(let decoded): text = decoded
        case .failure(let diagnostic): return Report(diagnostics: [diagnostic], summary: [])
        }
        func existing(_ path: String) -> String? {
            (try? SourceText.bytes(atPath: url(path).path)).flatMap { String(data: $0, encoding: .utf8) }
        }

        // The year decides the default output path, so read the plan once to learn it.
        let (probe, probeDiagnostics) = PlanTextImporter.read(text.text, displayPath: seed, year: year)
        guard let planYear = probe?.year else { return Report(diagnostics: probeDiagnostics, summary: []) }
        let outPath = out ?? "\(content)/plans/\(planYear).yaml"
        // The plan is content: it is written into Content/plans/ and nowhere else.
        let plansFolder = url(content).appendingPathComponent(ContentFolders.plans).standardizedFileURL
            .resolvingSymlinksInPath().path
        let target = url(outPath).standardizedFileURL
        let targetFolder = target.deletingLastPathComponent().resolvingSymlinksInPath().path
        guard targetFolder == plansFolder || targetFolder + "/" == plansFolder, target.pathExtension == "yaml",
            FileIO.kind(target.path) != .symlink
        else {
            return fail(
                outPath, "план записывается только в папку \(content)/plans/, файлом ГОД.yaml",
                hint: "уберите --out или укажите, например, --out \(content)/plans/\(planYear).yaml")
        }
        let schoolsPath = "\(content)/schools.yaml"
        let directionsPath = "\(content)/directions.yaml"
        let (result, diagnostics) = PlanImport.run(
            text, year: year,
            existing: .init(
                plan: existing(outPath), schools: existing(schoolsPath), directions: existing(directionsPath)),
            sourceName: seed)
        guard let result else { return Report(diagnostics: diagnostics, summary: []) }

        // A text cut short (a page missing from the copy) must not quietly shrink the plan.
        if !force, let previous = existing(outPath) {
            // An existing file that does not read was reported by the import itself.
            func ids(_ text: String) -> [PlanImport.WrittenActivity] {
                (try? PlanImport.activities(inPlan: text, displayPath: outPath).get()) ?? []
            }
            let kept = Set(ids(result.planYAML).map(\.id))
            let lost = ids(previous).filter { !kept.contains($0.id) }
            if !lost.isEmpty {
                let list = lost.prefix(10).map { "«\($0.title ?? $0.id)» (\($0.id))" }.joined(separator: "; ")
                let more = lost.count > 10 ? " и ещё \(lost.count - 10)" : ""
                return fail(
                    outPath,
                    "импорт удалил бы из плана \(RussianPlural.activity.counted(lost.count)), которых нет в \(seed): \(list)\(more); файл не изменён",
                    hint:
                        "если текст плана скопирован не целиком, скопируйте таблицу полностью и повторите; если мероприятия убраны из плана намеренно, повторите с --force"
                )
            }
        }

        do {
            try FileManager.default.createDirectory(
                at: url(outPath).deletingLastPathComponent(), withIntermediateDirectories: true)
            try WholeFile.write(result.planYAML, to: url(outPath))
            for (path, addition) in [
                (schoolsPath, result.schoolsAddition), (directionsPath, result.directionsAddition),
            ] {
                guard let addition else { continue }
                let previous = existing(path) ?? ""
                try WholeFile.write(previous + addition, to: url(path))
            }
        } catch {
            let failure = SystemError.from(error, path: outPath)
            return fail(outPath, "не удалось записать файл: \(SystemError.reason(failure.code))", hint: failure.hint)
        }

        let activities = result.plan.activities.count
        var summary = [
            "План на \(planYear) год записан в \(outPath): "
                + "\(RussianPlural.activity.counted(activities)), \(RussianPlural.section.counted(result.plan.sections.count)), "
                + "\(RussianPlural.stage.counted(result.plan.stages.count)) дорожной карты."
        ]
        summary.append(
            result.newSchools.isEmpty
                ? "Школы плана уже есть в \(schoolsPath)."
                : "В \(schoolsPath) добавлены школы: \(result.newSchools.joined(separator: "; ")). Проверьте их id и названия."
        )
        summary.append(
            result.newDirections.isEmpty
                ? "Направления плана уже есть в \(directionsPath)."
                : "В \(directionsPath) добавлены направления: \(result.newDirections.joined(separator: "; ")). Дайте им короткие названия."
        )
        return Report(diagnostics: diagnostics, summary: summary)
    }
}
