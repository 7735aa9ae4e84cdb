import Foundation
import OkrugCore
import OkrugSystem

/// Pagefind, run over the written site to build its search index (`<output>/pagefind/`).
/// It is installed by `scripts/setup.sh` into the project's `.venv/` (PyPI `pagefind[bin]`).
public struct SearchIndexer: Sendable {
    package var tool: ExternalTool

    package init(tool: ExternalTool) {
        self.tool = tool
    }

    /// How Pagefind is found: `OKRUG_PAGEFIND`, the project's `.venv/` (`python -m pagefind`),
    /// the PATH; it must answer `--version`.
    static let lookup = ProgramLookup(
        "pagefind", inProject: [[".venv/bin/python", "-m", "pagefind"]], answers: { _ in true })

    public static func find(
        workingDirectory: URL? = nil, environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> SearchIndexer? {
        ExternalTool.find(lookup, workingDirectory: workingDirectory, environment: environment).map(SearchIndexer.init)
    }

    /// Indexes the pages search finds (`Routes.searchablePages`) of `site` into its
    /// `pagefind/` folder, or into `bundle` when given; the error output when Pagefind fails.
    public func index(site: URL, bundle: URL? = nil) -> (succeeded: Bool, seconds: Double, output: String) {
        let start = Date()
        let target = bundle ?? site.appendingPathComponent("pagefind")
        // A large site is indexed in pieces, each with a fraction of Pagefind's memory.
        let perPiece = SearchPieces.pagesPerPiece()
        var result: (succeeded: Bool, seconds: Double, output: String)
        if let all = SearchPieces.pages(of: site, moreThan: perPiece),
            let pieced = SearchPieces.index(
                site: site, bundle: target, pages: all, perPiece: perPiece, run: run)
        {
            result = (pieced.succeeded, 0, pieced.output)
        } else {
            result = index(site: site, bundle: bundle, pages: Routes.searchablePages)
        }
        if result.succeeded {
            do {
                try SearchWords.write(site: site, bundle: target)
            } catch {
                result = (false, 0, "не удалось записать словарь сайта для поиска в pagefind/\(SearchWords.folder)/")
            }
        }
        result.seconds = Date().timeIntervalSince(start)
        return result
    }

    /// `pages`: a glob of the pages to index, relative to `site`, in one Pagefind run.
    public func index(site: URL, bundle: URL?, pages: String) -> (succeeded: Bool, seconds: Double, output: String) {
        let start = Date()
        var arguments = ["--site", site.path, "--glob", pages, "--force-language", "ru", "--quiet"]
        if let bundle { arguments += ["--output-path", bundle.path] }
        let result = run(arguments)
        guard result.status == 0 else { return (false, Date().timeIntervalSince(start), result.output) }
        // Pagefind's filter files come out in a different order each time: put them in one.
        do {
            _ = try SearchIndexOrder.arrange(bundle: bundle ?? site.appendingPathComponent("pagefind"))
        } catch {
            return (false, Date().timeIntervalSince(start), "не удалось переписать файлы фильтров поиска в pagefind/")
        }
        return (true, Date().timeIntervalSince(start), result.output)
    }

    /// The command's output and errors together: what to show when Pagefind fails.
    @Sendable func run(_ arguments: [String]) -> (status: Int32, output: String) {
        let outcome = tool.run(arguments, limits: .searchIndex)
        if let failure = outcome.launchFailure {
            return (127, "Pagefind не запустился: \(SystemError.reason(failure.code))")
        }
        if let hit = outcome.limitHit { return (outcome.status == 0 ? 1 : outcome.status, "Pagefind \(hit.russian)") }
        return (outcome.status, String(decoding: outcome.output, as: UTF8.self) + outcome.errors)
    }
}
