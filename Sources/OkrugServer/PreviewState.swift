import Foundation
import OkrugCore
import OkrugSearch
import OkrugSite
import OkrugText

/// The builder's own actor: a build runs here, so requests asking `PreviewState` whether the
/// site is there never wait for one.
actor PreviewBuilder {
    private let builder: IncrementalBuilder
    private var built = false

    init(builder: sending IncrementalBuilder) {
        self.builder = builder
    }

    /// A build when anything under Content/ or Templates/ changed (or the first time); `nil`
    /// when nothing did.
    func rebuildIfChanged(changed: [String]?) -> IncrementalBuilder.Outcome? {
        guard !built || builder.hasChanges(changed: changed) else { return nil }
        built = true
        return builder.build()
    }
}

/// What the preview shows: whether the last build succeeded and its diagnostics, so every
/// request sees either the site or what is wrong with it; the build itself runs on
/// `PreviewBuilder`.
actor PreviewState {
    private let builder: PreviewBuilder
    private let hub: ReloadHub
    /// Pagefind over the preview, run after each successful build (`nil`: no Pagefind here).
    private let search: SearchRefresh?
    private let log: @Sendable (String) -> Void
    private(set) var version = 0
    private(set) var lastOutcome: IncrementalBuilder.Outcome?

    init(
        builder: sending IncrementalBuilder, hub: ReloadHub, search: SearchRefresh? = nil,
        log: @escaping @Sendable (String) -> Void
    ) {
        self.builder = PreviewBuilder(builder: builder)
        self.hub = hub
        self.search = search
        self.log = log
    }

    var succeeded: Bool { lastOutcome?.succeeded ?? false }
    var diagnostics: [Diagnostic] { lastOutcome?.diagnostics ?? [] }

    /// Builds when anything under Content/ or Templates/ changed (or the first time).
    /// `changed`: the files the system's events named, when they named them all.
    @discardableResult
    func rebuildIfChanged(changed: [String]? = nil) async -> Bool {
        guard let outcome = await builder.rebuildIfChanged(changed: changed) else { return false }
        let hadFailed = lastOutcome.map { !$0.succeeded } ?? false
        lastOutcome = outcome
        version += 1
        report(outcome, afterErrors: hadFailed)
        hub.broadcast(version)
        // After the reload is on its way: the index follows in the background.
        if outcome.succeeded, let search { await search.request(outcome.full ? nil : outcome.renderedPages) }
        return true
    }

    /// One line per build. `afterErrors`: the build before this one failed, so the methodist
    /// is told the errors are gone (a fix that restores the last good text re-renders nothing).
    private func report(_ outcome: IncrementalBuilder.Outcome, afterErrors: Bool) {
        let milliseconds = Int((outcome.seconds * 1000).rounded())
        if outcome.succeeded {
            let pages = outcome.renderedPages.count
            let scope =
                outcome.full
                ? "весь сайт" : pages == 0 ? "страницы не изменились" : "\(RussianPlural.page.counted(pages))"
            let warnings = outcome.diagnostics.warnings.count
            let built = afterErrors ? "Ошибки исправлены, сайт собран за" : "Собрано за"
            log(
                "\(built) \(milliseconds) мс: \(scope)"
                    + (warnings > 0 ? ", \(RussianPlural.warning.counted(warnings))" : "") + ".")
        } else {
            let text = outcome.diagnostics.map(\.formatted).joined(separator: "\n")
            log(
                "\(text)\nСайт не собран (\(RussianPlural.error.counted(outcome.diagnostics.errors.count))): в браузере показан список ошибок."
            )
        }
    }
}
