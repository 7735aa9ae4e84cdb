import Foundation

/// The pipeline, as a short list of named steps: load → parse and resolve → render → write.
public enum Builder {
    public struct Report: Sendable {
        public var diagnostics: [Diagnostic]
        public var site: Site?
        /// Files written (0 when nothing was written).
        public var filesWritten: Int
        /// Seconds Pagefind took; `nil` when the site was built without search.
        public var searchSeconds: Double? = nil
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
        let content = ContentLoader.load(from: options.content, displayRoot: options.contentDisplay)
        timer.mark("чтение")
        var resolveOptions = SiteResolver.Options(
            includeDrafts: options.includeDrafts, baseURL: options.baseURL, buildDay: options.buildDay,
            buildTimestamp: options.buildTimestamp, audit: audit)
        resolveOptions.spool = spool
        let result = SiteResolver.resolve(content, options: resolveOptions)
        timer.mark("разбор и связи")
        return result
    }

    public static func build(_ options: BuildOptions) -> Report {
        var timer = StageTimer()
        defer { timer.print() }
        // The old site is listed while the content is read and parsed.
        let listing = OutputListing.Pending.start(options.output)
        var (site, diagnostics) = check(options, spool: HTMLSpool(), timer: &timer)
        let (templates, templateDiagnostics) = TemplateSet.load(
            from: options.templates, displayRoot: options.templatesDisplay)
        diagnostics += templateDiagnostics
        if options.output.path.hasPrefix(options.content.path + "/") || options.output == options.content {
            diagnostics.append(
                .error(
                    SourcePosition(file: options.contentDisplay, line: 0, column: 0),
                    "папка сайта не может лежать внутри Content/",
                    hint: "укажите другую: --output Public"))
        }
        diagnostics.sort()
        guard let resolved = site, let templates, !diagnostics.hasErrors else {
            return Report(diagnostics: diagnostics, site: nil, filesWritten: 0)
        }
        site = resolved
        // Each page is written by the thread that rendered it: a big bank is never all in memory.
        let written: Int
        do {
            written = try OutputWriter(output: options.output, contentRoot: options.content)
                .write(SiteRenderer(site: resolved, templates: templates), listing: listing).count
        } catch {
            diagnostics.append(
                .error(
                    SourcePosition(file: options.output.lastPathComponent, line: 0, column: 0),
                    "не удалось записать сайт: \(error)",
                    hint: "проверьте место на диске и права на папку"))
            return Report(diagnostics: diagnostics, site: resolved, filesWritten: 0)
        }
        timer.mark("страницы и запись")
        var report = Report(diagnostics: diagnostics, site: resolved, filesWritten: written)
        if let indexer = options.searchIndexer {
            let result = indexer.index(site: options.output)
            timer.mark("поиск")
            if result.succeeded {
                report.searchSeconds = result.seconds
            } else {
                report.diagnostics.append(
                    .error(
                        SourcePosition(file: options.output.lastPathComponent, line: 0, column: 0),
                        "поисковый индекс не построен: \(result.output.trimmingCharacters(in: .whitespacesAndNewlines))",
                        hint: "переустановите Pagefind: scripts/setup.sh; или соберите без поиска: --no-search"))
            }
        }
        return report
    }
}
