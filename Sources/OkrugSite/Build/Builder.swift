import Foundation
import OkrugCore
import OkrugMarkdown
import OkrugSearch

/// The pipeline, as a short list of named steps: load → parse and resolve → render → write.
public enum Builder {
    public struct Report: Sendable {
        public var diagnostics: [Diagnostic]
        public var site: Site?
        /// Files the site has (0 when nothing was written).
        public var filesWritten: Int
        /// Files whose bytes changed since the previous build.
        public var filesChanged = 0
        /// Whether the output folder was replaced by the new site (`false`: it already was it).
        public var outputChanged = false
        /// Seconds Pagefind took; `nil` when the site was built without search.
        public var searchSeconds: Double? = nil
        /// What the site's files weigh together (the search index left out).
        public var totalBytes = 0
        public var succeeded: Bool { !diagnostics.hasErrors && site != nil }
    }

    /// Load, parse and resolve without writing anything (`okrug check`, and the first half of `build`).
    public static func check(_ options: BuildOptions) -> (Site?, [Diagnostic]) {
        var timer = StageTimer()
        return check(options, timer: &timer)
    }

    /// `audit`: also the content audit (`okrug check`); `spool`: where material HTML waits for
    /// its page when the site is going to be written.
    static func check(_ options: BuildOptions, audit: Bool = false, spool: HTMLSpool? = nil, timer: inout StageTimer)
        -> (Site?, [Diagnostic])
    {
        let steps = BuildSteps(options: options)
        let content = steps.loadContent()
        timer.mark("чтение")
        let resolved = steps.resolve(content, audit: audit, spool: spool)
        timer.mark("разбор и связи")
        let optionProblems = steps.optionProblems()
        return (optionProblems.isEmpty ? resolved.site : nil, optionProblems + resolved.diagnostics)
    }

    /// `waiting`: called once when another build holds the output folder and this one waits.
    public static func build(_ options: BuildOptions, waiting: () -> Void = {}) -> Report {
        var timer = StageTimer()
        defer { timer.print() }
        let outputName = options.outputDisplay
        func writeFailure(_ error: OutputWriter.WriteError, _ what: String) -> Diagnostic {
            error.diagnostic(outputName, what)
        }
        // Refused before the lock is made beside it or a byte is read: the project, Templates/…
        if let problem = BuildSteps(options: options).ownershipProblem() {
            return Report(diagnostics: [problem], site: nil, filesWritten: 0)
        }
        // One build at a time per output folder; the lock is held until the new site is in place.
        let lock: OutputLock
        do {
            lock = try OutputLock.acquire(options.output, waiting: waiting)
        } catch {
            return Report(
                diagnostics: [writeFailure(.system(error), "папка сайта недоступна")], site: nil, filesWritten: 0)
        }
        // The old site is listed while the content is read and parsed.
        let listing = OutputListing.Pending.start(options.output)
        let spool = HTMLSpool()
        var (site, diagnostics) = check(options, spool: spool, timer: &timer)
        let steps = BuildSteps(options: options)
        let (templates, templateDiagnostics) = steps.loadTemplates()
        diagnostics += templateDiagnostics + steps.outputProblems()
        diagnostics.sort()
        guard let resolved = site, let templates, !diagnostics.hasErrors else {
            return Report(diagnostics: diagnostics, site: nil, filesWritten: 0)
        }
        site = resolved
        let extras = steps.attachmentExtras(resolved)
        diagnostics = (diagnostics + extras.diagnostics).sorted()
        // Each page is written by the thread that rendered it: a big bank is never all in memory.
        // Everything goes into a new generation beside the output, swapped in at the end.
        let session: OutputSession
        do throws(OutputWriter.WriteError) {
            session = try OutputSession(
                writer: steps.writer(), listing: listing,
                lock: lock, indexed: options.searchIndexer != nil)
            try session.fill { try steps.renderer(resolved, templates: templates, extras: extras).render(to: $0) }
        } catch {
            diagnostics.append(writeFailure(error, "не удалось записать сайт"))
            return Report(diagnostics: diagnostics, site: nil, filesWritten: 0)
        }
        // A page whose body could not be read back from the spool is incomplete: nothing is swapped in.
        if let failure = spool?.readFailure {
            session.abandon()
            diagnostics.append(writeFailure(.system(failure), "тексты материалов не прочитаны"))
            return Report(diagnostics: diagnostics, site: nil, filesWritten: 0)
        }
        // A template that names a field no page has is an error, found as the pages were made.
        let templateProblems = templates.problems()
        if !templateProblems.isEmpty {
            session.abandon()
            return Report(diagnostics: (diagnostics + templateProblems).sorted(), site: nil, filesWritten: 0)
        }
        do {
            try session.prepare()
        } catch {
            diagnostics.append(writeFailure(error, "не удалось записать сайт"))
            return Report(diagnostics: diagnostics, site: nil, filesWritten: 0)
        }
        timer.mark("страницы и запись")
        var report = Report(
            diagnostics: diagnostics, site: resolved, filesWritten: session.writtenPaths.count,
            filesChanged: session.changesOutput ? session.changedCount : 0)
        let sizes = session.fileSizes
        report.totalBytes = sizes.values.reduce(0, +)
        if let warning = SiteSize.warning(sizes, output: outputName) {
            report.diagnostics.append(warning)
        }
        if let indexer = options.searchIndexer, session.changesOutput {
            let result = indexer.index(site: URL(fileURLWithPath: session.generation))
            timer.mark("поиск")
            guard result.succeeded else {
                session.abandon()
                report.diagnostics.append(
                    .error(
                        SourcePosition(file: outputName, line: 0, column: 0),
                        "поисковый индекс не построен: \(result.output.trimmingCharacters(in: .whitespacesAndNewlines))",
                        hint: "переустановите Pagefind: scripts/setup.sh; или соберите без поиска: --no-search"))
                report.site = nil
                return report
            }
            report.searchSeconds = result.seconds
        }
        do {
            try session.finish()
        } catch {
            report.diagnostics.append(writeFailure(error, "не удалось заменить сайт новым"))
            report.site = nil
            return report
        }
        report.outputChanged = session.changesOutput
        withExtendedLifetime(lock) {}
        return report
    }
}
