import Foundation
import OkrugSearch
import OkrugText

/// What `okrug build` was asked to do.
public struct BuildOptions: Sendable {
    public var content: URL
    public var templates: URL
    public var output: URL
    /// How the folders are named in messages (as the user typed them).
    public var contentDisplay: String
    public var templatesDisplay: String
    public var outputDisplay: String
    public var baseURL: String?
    public var includeDrafts: Bool
    /// The day the build describes. From `SOURCE_DATE_EPOCH` when set, so rebuilds are identical.
    public var buildDay: CalendarDay
    /// Seconds since 1970 (UTC), from `SOURCE_DATE_EPOCH` when set, else the start of today:
    /// the calendar's DTSTAMP.
    public var buildTimestamp: Int
    /// Pagefind, to index the written site; `nil` builds the site without search.
    public var searchIndexer: SearchIndexer?
    /// pdftoppm, pdfinfo and pandoc, for the attachments' previews and online copies; what is
    /// missing is left out of the site with one warning.
    public var attachmentTools = AttachmentTools()
    /// Where previews and online copies are kept between builds, by their file's content
    /// (`.okrug-cache/` beside `Content/`, like Hugo's `resources/`).
    public var cache: URL

    public init(
        content: String = "Content", templates: String = "Templates", output: String = "Public", baseURL: String? = nil,
        includeDrafts: Bool = false, buildDay: CalendarDay? = nil, workingDirectory: URL? = nil
    ) {
        let cwd = workingDirectory ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        func url(_ path: String) -> URL {
            path.hasPrefix("/") ? URL(fileURLWithPath: path) : cwd.appendingPathComponent(path)
        }
        self.content = url(content).standardizedFileURL
        self.templates = url(templates).standardizedFileURL
        self.output = url(output).standardizedFileURL
        self.cache = self.content.deletingLastPathComponent().appendingPathComponent(".okrug-cache")
        self.contentDisplay = content.hasSuffix("/") ? String(content.dropLast()) : content
        self.templatesDisplay = templates.hasSuffix("/") ? String(templates.dropLast()) : templates
        self.outputDisplay = output.count > 1 && output.hasSuffix("/") ? String(output.dropLast()) : output
        self.baseURL = baseURL
        self.includeDrafts = includeDrafts
        if let buildDay {
            self.buildDay = buildDay
            self.buildTimestamp = buildDay.daysSinceEpoch * 86400
        } else {
            let seconds = BuildOptions.timestampFromEnvironment()
            self.buildTimestamp = seconds
            self.buildDay = CalendarDay(
                daysSinceEpoch: seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400)
        }
    }

    /// `SOURCE_DATE_EPOCH` (seconds since 1970, UTC); the start of today (UTC) when it is not set.
    /// Not the current second: everything else on the site changes only with the day, so two
    /// builds of the same content on one day are the same bytes and a rebuild writes nothing.
    public static func timestampFromEnvironment(
        _ environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> Int {
        if let given = environment["SOURCE_DATE_EPOCH"].flatMap({ Int($0) }) { return given }
        return dayFromEnvironment(environment).daysSinceEpoch * 86400
    }

    /// `SOURCE_DATE_EPOCH` (seconds since 1970, UTC) as a day; today when it is not set.
    public static func dayFromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment)
        -> CalendarDay
    {
        let seconds = environment["SOURCE_DATE_EPOCH"].flatMap { Int($0) } ?? Int(Date().timeIntervalSince1970)
        return CalendarDay(daysSinceEpoch: seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400)
    }
}
