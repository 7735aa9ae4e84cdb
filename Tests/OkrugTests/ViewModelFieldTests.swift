import Foundation
import Testing

@testable import OkrugCore
@testable import OkrugMarkdown
@testable import OkrugSite
@testable import OkrugTemplate
@testable import OkrugText

/// Templates read view models through each type's key-path table (`FieldTable`); every stored
/// property must be in it, or a template would report a field the page does have.
@Suite struct ViewModelFieldTests {
    /// The names in a view model's table, in the order written.
    static func tableNames<T: TemplateFields>(_ value: T) -> [String] { T.templateFields.fields.map(\.name) }

    func assertComplete(_ value: any TemplateObject, file: String = #fileID, line: Int = #line) {
        // The table holds exactly the stored properties, each once.
        let labels = Mirror(reflecting: value).children.compactMap(\.label)
        if let fields = value as? any TemplateFields {
            let names = Self.tableNames(fields)
            #expect(names.sorted() == labels.sorted(), "\(type(of: value)): the table and the properties differ")
        } else {
            Issue.record("\(type(of: value)) has no field table")
        }
        for child in Mirror(reflecting: value).children {
            guard let label = child.label else { continue }
            let isNil =
                Mirror(reflecting: child.value).displayStyle == .optional
                && Mirror(reflecting: child.value).children.isEmpty
            let found = value.field(label)
            if case .missing = found {
                #expect(isNil, "\(type(of: value)).\(label) is not reachable from templates")
                continue
            }
            // The same value, not another one (a field named like the switch's parameter, say).
            let mirror = Mirror(reflecting: child.value)
            let unwrapped =
                mirror.displayStyle == .optional ? (mirror.children.first?.value ?? child.value) : child.value
            #expect(
                Self.describe(found) == Self.describe(unwrapped), "\(type(of: value)).\(label) gives another value")
        }
    }

    /// A value as the templates see it and the stored property it came from, in one notation.
    static func describe(_ value: TemplateValue) -> String {
        switch value {
        case .missing: "missing"
        case .unknown: "unknown"
        case .bool(let flag): "bool \(flag)"
        case .text(let text, _): "text \(text)"
        case .object(let object): "object \(type(of: object))"
        case .list(let items): "list [" + items.map(describe).joined(separator: ", ") + "]"
        case .html(let stored): "html \(stored.text)"
        }
    }

    static func describe(_ stored: Any) -> String {
        switch stored {
        case let flag as Bool: "bool \(flag)"
        case let text as String: "text \(text)"
        case let number as Int: "text \(number)"
        case let fragment as any HTMLFragment: "html \(fragment.text)"
        case let object as any TemplateObject: "object \(type(of: object))"
        case let items as [Any]: "list [" + items.map(describe).joined(separator: ", ") + "]"
        default: "unknown \(type(of: stored))"
        }
    }

    /// The sample site, resolved in memory (nothing is written), and a renderer for it.
    static func sampleRenderer() throws -> (Site, SiteRenderer) {
        let options = BuildOptions(
            content: repositoryRoot.appendingPathComponent("Content").path,
            templates: repositoryRoot.appendingPathComponent("Templates").path,
            buildDay: CalendarDay(year: 2023, month: 12, day: 31))
        let site = try #require(Builder.check(options).0)
        let templates = try #require(
            TemplateSet.load(from: repositoryRoot.appendingPathComponent("Templates"), displayRoot: "Templates").0)
        return (site, SiteRenderer(site: site, templates: templates))
    }

    @Test func everyStoredPropertyIsReachable() throws {
        let (site, renderer) = try Self.sampleRenderer()
        let link = LinkView(title: "a", url: "b")
        let layout = renderer.layout(path: "materials/", title: "t", section: "materials", breadcrumbs: [link])
        let card = renderer.card(0, from: "materials/")
        let pagination = Pagination.view(current: 2, count: 5, base: "materials/", from: "materials/page/2/")
        let values: [any TemplateObject] = [
            link, NavItemView(title: "a", url: "b", current: true), layout, card, pagination, pagination.pages[0],
            ListingView(
                layout: layout, heading: "h", description: "d", count: "c", cards: [card], pagination: pagination,
                indexLink: link, isEmpty: false),
            TermView(title: "t", url: "u", count: "c", number: 1, description: "d"),
            TaxonomyIndexView(layout: layout, heading: "h", count: "c", terms: [], isCloud: true),
            TocItemView(title: "t", anchor: "a", children: [], hasChildren: false),
            AttachmentView(
                title: "t", url: "u", icon: "PDF", iconKind: "pdf", info: "i", downloadName: "d.pdf", openURL: "u",
                preview: PreviewView(href: "h", src: "s", width: 120, height: 170), readURL: "r"),
            PreviewView(href: "h", src: "s", width: 120, height: 170),
            OnlinePageView(
                layout: layout, title: "t", material: link, fileURL: "f", downloadName: "d", fileInfo: "i", body: "b"),
            CalendarSubscriptionView(
                title: "t", webcal: "w", address: "a", download: "d", dated: "d", undated: "u", anchor: "a"),
            SubscribeView(
                layout: layout, calendars: [], hasCalendars: false, feedURL: "f", feedAddress: "a", planURL: "p"),
            MetaRowView(label: "l", links: [link], text: "t"),
            FreePageView(
                layout: layout, title: "t", fields: FieldsView(values: [:], described: []), body: "b", toc: [],
                hasToc: false),
            SchoolView(name: "n", url: "u", role: "r", locality: "l", count: "c"),
            ContactsView(
                School(
                    id: "s", name: "n", role: .partner, locality: "l", url: "https://s.example.ru/", head: "h",
                    address: "a", phone: "+7 (8652) 21-13-13", email: "s@example.ru")),
            DirectionView(number: 1, title: "t", url: "u", count: "c", description: "d"),
            NotFoundView(layout: layout, home: "h", materials: "m"),
        ]
        for value in values { assertComplete(value) }
        // The two biggest ones, as the renderer fills them.
        let material = MaterialPageView(
            layout: layout, title: "t", date: "d", dateISO: "i", readingTime: "r", summary: "s", meta: [],
            fields: FieldsView(values: ["audience": "a"], described: ["audience"]), tags: [link],
            hasTags: true, toc: [], hasToc: false, body: StoredHTML(inline: "b"), attachments: [],
            hasAttachments: false, filesHeading: "Файлы (0)", related: [card],
            hasRelated: true, newer: link, older: link, draft: false, activity: link)
        assertComplete(material)
        let home = HomeView(
            layout: layout, title: "t", description: "d", partnership: "p", goal: "g", partner: nil, satellites: [],
            directions: [], latest: [card], total: "t", materialsURL: "m", pages: [link],
            plan: renderer.homePlan(from: ""))
        assertComplete(home)
    }

    @Test func everyPlanViewPropertyIsReachable() throws {
        let (site, renderer) = try Self.sampleRenderer()
        let link = LinkView(title: "a", url: "b")
        let layout = renderer.layout(
            path: "plan/", title: "t", section: "plan", breadcrumbs: [link], structuredData: "{}")
        assertComplete(layout)
        let plan = try #require(site.currentPlan)
        let status = StatusView(code: "past", label: "прошло")
        let part = ResponsiblePartView(html: "h", personURL: "u")
        let stage = renderer.stageView(plan.stages[0])
        let row = ActivityRowView(
            number: 1, titleHTML: "t", url: "u", when: "w", whenWords: "ww", status: status, responsible: [part],
            indicatorHTML: "i", materials: [link], hasMaterials: true, materialsCount: "c")
        let activityLink = renderer.activityLink(plan.activities[0], from: "")
        let homePlan = try #require(renderer.homePlan(from: ""))
        let values: [any TemplateObject] = [
            status, part, stage, DefinitionView(term: "t", html: "h"), row,
            PlanSectionView(title: "t", anchor: "a", goalHTML: "g", count: "c", activities: [row]),
            PlanPageView(
                layout: layout, titleHTML: "t", year: 2023, asOf: "a", partner: link, satellites: [link], goalHTML: "g",
                definitions: [], hasDefinitions: false, directions: [link], hasDirections: true, roadmapTitle: "r",
                stages: [stage], hasStages: true, sections: [], summary: "s", expectedResults: ["e"],
                hasExpectedResults: true, executorHTML: "e", calendarURL: "c", resultsURL: "r", otherPlans: [link],
                hasOtherPlans: true),
            ActivityPageView(
                layout: layout, titleHTML: "t", planTitle: "p", planURL: "u", section: "s", when: "w", whenWords: "ww",
                startISO: "2023-01-01", status: status, responsible: [part], indicatorHTML: "i", direction: link,
                materials: [renderer.card(0, from: "")], hasMaterials: true, methodistHint: false, materialsCount: "c",
                calendarURL: "c",
                previous: link, next: link),
            PlanSummaryView(title: "t", url: "u", year: 2023, count: "c", current: true),
            PlanIndexView(layout: layout, plans: []),
            activityLink, homePlan,
            ListingView(
                layout: layout, heading: "h", description: "d", count: "c", cards: [], pagination: nil,
                indexLink: link, isEmpty: true, activities: [activityLink], hasActivities: true),
        ]
        for value in values { assertComplete(value) }

        // «Итоги»
        let results = PlanResults.compute(plan, site: site)
        let chart = renderer.chart("c", "h", labelHeader: "l", rows: results.bySchool, from: "")
        let resultsValues: [any TemplateObject] = [
            chart, chart.rows[0], CountRowView(label: "l", value: 1, url: "u"),
            SectionExecutionView(title: "t", activities: 2, withMaterials: 1, without: 1),
            DirectionResultView(
                title: "t", url: "u", activities: [link], hasActivities: true, activitiesCount: "a",
                materialsCount: "m"),
            SatelliteResultView(
                name: "n", url: "u", contributedCount: "c", contributed: [link], hasContributed: true,
                receivedCount: "r", received: [link], hasReceived: true, directions: "d"),
            ResultsPageView(
                layout: layout, heading: "h", planTitle: "p", planURL: "u", asOf: "a", csvURL: "c", total: "t",
                materialCharts: [chart], newAuthorsCount: "n", newAuthors: [], hasNewAuthors: false,
                executionSummary: "e", executionChart: chart, sections: [], gaps: [activityLink], hasGaps: true,
                gapsCount: "g", directions: [], satellites: [], photoReports: [], hasPhotoReports: false,
                photoReportsCount: "0"),
            ResultsPhotoReportView(title: "t", url: "u", count: "c", photos: [], hasMore: true),
        ]
        for value in resultsValues { assertComplete(value) }

        // Search
        let facet = FacetView(key: "школа", title: "Школа", options: [FacetOptionView(value: "v", count: 1)])
        var listing = ListingView(
            layout: layout, heading: "h", description: "d", count: "c", cards: [], pagination: nil, indexLink: nil,
            isEmpty: true)
        listing.facets = [facet]
        listing.hasFacets = true
        listing.bundle = "b"
        listing.base = "/"
        listing.script = "s"
        let searchValues: [any TemplateObject] = [
            SearchFieldView(kind: "filter", key: "k", value: "v"), facet, facet.options[0], listing,
            SearchPageView(layout: layout, bundle: "b", base: "/", script: "s", wordsScript: "w", materialsURL: "m"),
        ]
        for value in searchValues { assertComplete(value) }
        var withFields = layout
        withFields.searchFields = renderer.searchFields(for: site.materials[0])
        assertComplete(withFields)
    }
}

/// A kind of page is its file in `Render/Pages/`, listed once in `SiteRenderer.pageKinds`: its
/// template is then one the theme must have, so a theme without it fails at load.
@Suite struct PageKindTests {
    @Test func everyKindOfPageIsListedAndItsTemplateRequired() throws {
        let folder = repositoryRoot.appendingPathComponent("Sources/OkrugSite/Render/Pages")
        var declared: Set<String> = []
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".swift") {
            let source = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            for match in source.matches(of: /struct (\w+): (?:PageRenderer|PageKind)\b/) {
                declared.insert(String(match.1))
            }
        }
        let listed = SiteRenderer.pageKinds.map { String(describing: $0) }
        #expect(Set(listed) == declared)
        #expect(listed.count == declared.count)
        for kind in SiteRenderer.pageKinds { #expect(TemplateSet.required.contains(kind.template)) }
        #expect(TemplateSet.required.contains("subscribe"))
    }
}
