import Foundation
import OkrugCore

/// `okrug check`: everything the build reports (drafts included, so a draft's mistakes show
/// before it is published) plus the content audit, without writing anything.
public enum Checker {
    public static func run(_ options: BuildOptions) -> [Diagnostic] {
        var withDrafts = options
        withDrafts.includeDrafts = true
        var timer = StageTimer()
        let (site, found) = Builder.check(withDrafts, audit: true, timer: &timer)
        var diagnostics = found
        let steps = BuildSteps(options: withDrafts)
        let (templates, templateDiagnostics) = steps.loadTemplates()
        diagnostics += templateDiagnostics
        // The pages are made and thrown away: what the templates ask of them is checked too.
        if let site, let templates {
            try? steps.renderer(site, templates: templates).render(to: DiscardingSink())
            diagnostics += templates.problems()
        }
        return diagnostics.sorted()
    }

    /// 0 when clean, 1 with errors; warnings alone fail only with `strict`.
    public static func exitCode(_ diagnostics: [Diagnostic], strict: Bool) -> Int32 {
        if diagnostics.hasErrors { return 1 }
        if strict, !diagnostics.warnings.isEmpty { return 1 }
        return 0
    }
}

/// Pages rendered only to be checked.
struct DiscardingSink: OutputSink {
    func put(_ file: OutputFile) throws {}
}
