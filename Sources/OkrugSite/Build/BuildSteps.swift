import Foundation
import OkrugCore
import OkrugMarkdown

/// The pipeline's steps, in order: each is one call, with the options turned into what that
/// stage needs in one place. `Builder` (a build, `okrug build`), `Checker` (`okrug check`) and
/// `IncrementalBuilder` (`okrug serve`) run the same steps; they differ only in what they keep
/// between runs and in how the files reach the disk.
///
///  1. `optionProblems` — the options themselves (base URL, output inside Content/)
///  2. `loadContent`    — Content/: the tree and every file, read and decoded (Load)
///  3. `loadTemplates`  — Templates/: the templates parsed, the assets read
///  4. `resolve`        — Markdown parsed, links, ids and plans resolved: the `Site` (Resolve)
///  5. `attachmentExtras` — PDF previews, documents to read online (cached by content)
///  6. `renderer`       — every page, rendered from the site (Render)
///  7. `writer`         — where the pages go (Write): a new generation, or in place for serve
struct BuildSteps {
    let options: BuildOptions

    /// Mistakes in the options, reported like content mistakes.
    func optionProblems() -> [Diagnostic] {
        var problems: [Diagnostic] = []
        if let baseURL = options.baseURL, let problem = SiteConfig.baseURLProblem(baseURL) {
            problems.append(
                .error(
                    SourcePosition(file: "--base-url", line: 0, column: 0), problem,
                    hint: SiteConfig.baseURLExample(baseURL)))
        }
        return problems
    }

    /// The output folder may not be inside Content/ (the site would become its own content).
    func outputProblems() -> [Diagnostic] {
        guard options.output.path.hasPrefix(options.content.path + "/") || options.output == options.content else {
            return []
        }
        return [
            .error(
                SourcePosition(file: options.contentDisplay, line: 0, column: 0),
                "папка сайта не может лежать внутри Content/", hint: "укажите другую: --output Public")
        ]
    }

    /// Whether the output folder is okrug's to replace (`OutputOwnership`): not the project,
    /// not an input folder, not someone's folder of files.
    func ownershipProblem() -> Diagnostic? {
        OutputOwnership.earlyProblem(
            output: options.output, shown: options.outputDisplay,
            inputs: [(options.content, options.contentDisplay), (options.templates, options.templatesDisplay)])
    }

    /// `previous` and `scanned`: what a rebuild already has (files unchanged since are reused).
    func loadContent(previous: LoadedContent? = nil, scanned: (ContentTree, [Diagnostic])? = nil) -> LoadedContent {
        ContentLoader.load(
            from: options.content, displayRoot: options.contentDisplay, previous: previous, scanned: scanned)
    }

    func loadTemplates() -> (TemplateSet?, [Diagnostic]) {
        TemplateSet.load(from: options.templates, displayRoot: options.templatesDisplay)
    }

    /// `audit`: also the content audit (`okrug check`); `spool`: where material HTML waits for
    /// its page; `cache`: parses to reuse (a one-off build keeps none).
    func resolve(
        _ content: LoadedContent, audit: Bool = false, spool: HTMLSpool? = nil,
        reusing cache: ParseCache = ParseCache(keeping: false)
    ) -> (site: Site?, diagnostics: [Diagnostic], cache: ParseCache) {
        var resolveOptions = SiteResolver.Options(
            includeDrafts: options.includeDrafts, baseURL: options.baseURL, buildDay: options.buildDay,
            buildTimestamp: options.buildTimestamp, audit: audit)
        resolveOptions.spool = spool
        return SiteResolver.resolve(content, options: resolveOptions, reusing: cache)
    }

    /// PDF previews and documents' texts: from the cache, or made by the tools (`AttachmentExtras`).
    func attachmentExtras(_ site: Site) -> AttachmentExtras {
        AttachmentExtras.make(site: site, options: options)
    }

    func renderer(_ site: Site, templates: TemplateSet, extras: AttachmentExtras = AttachmentExtras()) -> SiteRenderer {
        SiteRenderer(site: site, templates: templates, extras: extras, forMethodists: options.includeDrafts)
    }

    func writer() -> OutputWriter {
        OutputWriter(output: options.output, contentRoot: options.content)
    }
}
