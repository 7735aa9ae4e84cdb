import OkrugMarkdown
import OkrugTemplate

/// A material's body goes into its page as bytes, straight from the spool (`{{{body}}}`).
extension StoredHTML: TemplateRepresentable, HTMLFragment {
    public var templateValue: TemplateValue { .html(self) }
}
