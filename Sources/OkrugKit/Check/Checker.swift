import Foundation

/// `okrug check`: everything the build reports (drafts included, so a draft's mistakes show
/// before it is published) plus the content audit, without writing anything.
public enum Checker {
    public static func run(_ options: BuildOptions) -> [Diagnostic] {
        let content = ContentLoader.load(from: options.content, displayRoot: options.contentDisplay)
        let resolveOptions = SiteResolver.Options(
            includeDrafts: true, baseURL: options.baseURL, buildDay: options.buildDay,
            buildTimestamp: options.buildTimestamp, audit: true)
        var diagnostics = SiteResolver.resolve(content, options: resolveOptions).1
        diagnostics += TemplateSet.load(from: options.templates, displayRoot: options.templatesDisplay).1
        return diagnostics.sorted()
    }

    /// 0 when clean, 1 with errors; warnings alone fail only with `strict`.
    public static func exitCode(_ diagnostics: [Diagnostic], strict: Bool) -> Int32 {
        if diagnostics.hasErrors { return 1 }
        if strict, !diagnostics.warnings.isEmpty { return 1 }
        return 0
    }
}
