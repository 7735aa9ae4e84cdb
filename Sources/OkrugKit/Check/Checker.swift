import Foundation

/// `okrug check`: everything the build reports (drafts included, so a draft's mistakes show
/// before it is published) plus the content audit, without writing anything.
public enum Checker {
    public static func run(_ options: BuildOptions) -> [Diagnostic] {
        var withDrafts = options
        withDrafts.includeDrafts = true
        var timer = StageTimer()
        var diagnostics = Builder.check(withDrafts, audit: true, timer: &timer).1
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
