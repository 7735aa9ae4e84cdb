import Foundation
import Testing

@testable import OkrugCore
@testable import OkrugSite

/// `okrug serve`'s rebuilds: what is re-read, re-parsed and re-rendered after each kind of edit.
@Suite struct IncrementalBuildTests {
    func write(_ site: TempSite, _ path: String, _ text: String) throws {
        try Data(text.utf8).write(to: site.root.appendingPathComponent("Content/" + path))
    }

    @Test func anEditRebuildsOnlyWhatDependsOnIt() throws {
        let site = try TempSite(files: [
            "materials/a.md": TempSite.material(title: "Первый", body: "Первый абзац.\n\nСтарый текст.\n"),
            "materials/b.md": TempSite.material(title: "Второй", date: "2023-03-01"),
            "materials/c.md": TempSite.material(title: "Третий", date: "2023-04-01"),
        ])
        defer { site.remove() }
        let builder = IncrementalBuilder(options: site.options())
        let first = builder.build()
        #expect(first.succeeded && first.full)
        #expect(first.reparsed == 3)
        #expect(!builder.hasChanges())
        let listing = try #require(site.read("Public/materials/index.html"))

        // The body past the first paragraph (the summary): that page alone, one document parsed.
        try write(site, "materials/a.md", TempSite.material(title: "Первый", body: "Первый абзац.\n\nНовый текст.\n"))
        #expect(builder.hasChanges())
        let edit = builder.build()
        #expect(edit.succeeded)
        #expect(!edit.full)
        #expect(edit.reparsed == 1)
        #expect(edit.renderedPages == ["materials/a/index.html"])
        #expect(site.read("Public/materials/a/index.html")?.contains("Новый текст.") == true)
        #expect(site.read("Public/materials/index.html") == listing)

        // The title shows on listings and other pages: everything is rendered; the body is the
        // same, so nothing is parsed again.
        try write(
            site, "materials/a.md",
            TempSite.material(title: "Первый, исправленный", body: "Первый абзац.\n\nНовый текст.\n"))
        let retitled = builder.build()
        #expect(retitled.full)
        #expect(retitled.reparsed == 0)
        #expect(retitled.renderedPages.contains("materials/index.html"))
        #expect(site.read("Public/materials/index.html")?.contains("Первый, исправленный") == true)

        // A new file: everything.
        try write(site, "materials/d.md", TempSite.material(title: "Четвёртый", date: "2023-05-01"))
        let added = builder.build()
        #expect(added.full && added.succeeded)
        #expect(site.exists("Public/materials/d/index.html"))

        // Nothing changed: nothing to do.
        #expect(!builder.hasChanges())
    }

    @Test func brokenContentKeepsTheSiteAndRecovers() throws {
        let site = try TempSite(files: ["materials/a.md": TempSite.material(title: "Первый")])
        defer { site.remove() }
        let builder = IncrementalBuilder(options: site.options())
        #expect(builder.build().succeeded)
        let page = try #require(site.read("Public/materials/a/index.html"))

        try write(
            site, "materials/a.md",
            TempSite.material(title: "Первый").replacingOccurrences(of: "date: 2023-02-14", with: "date: вчера"))
        let broken = builder.build()
        #expect(!broken.succeeded)
        #expect(broken.diagnostics.error(at: "Content/materials/a.md:3:7") != nil)
        #expect(site.read("Public/materials/a/index.html") == page)

        try write(site, "materials/a.md", TempSite.material(title: "Первый", body: "Исправлено.\n"))
        let fixed = builder.build()
        #expect(fixed.succeeded)
        #expect(site.read("Public/materials/a/index.html")?.contains("Исправлено.") == true)
    }

    @Test func editsMadeWhileBrokenAreNotLost() throws {
        let site = try TempSite(files: [
            "materials/a.md": TempSite.material(title: "Первый"),
            "materials/b.md": TempSite.material(title: "Второй", body: "Вступление.\n\nСтарое.\n"),
        ])
        defer { site.remove() }
        let builder = IncrementalBuilder(options: site.options())
        #expect(builder.build().succeeded)
        try write(site, "materials/a.md", TempSite.material(title: "Первый", date: "вчера"))
        #expect(!builder.build().succeeded)
        // b changes while a is still broken…
        try write(site, "materials/b.md", TempSite.material(title: "Второй", body: "Вступление.\n\nНовое.\n"))
        #expect(!builder.build().succeeded)
        // …and is on the site once a is fixed.
        try write(site, "materials/a.md", TempSite.material(title: "Первый"))
        let fixed = builder.build()
        #expect(fixed.succeeded)
        #expect(Set(fixed.renderedPages) == ["materials/a/index.html", "materials/b/index.html"])
        #expect(site.read("Public/materials/b/index.html")?.contains("Новое.") == true)
    }

    @Test func aHeadingOtherDocumentsLinkToIsCheckedAgain() throws {
        let site = try TempSite(files: [
            "materials/a.md": TempSite.material(title: "Первый", body: "См. [цель](b.md#tsel).\n"),
            "materials/b.md": TempSite.material(title: "Второй", body: "Вступление.\n\n## Цель\n\nТекст.\n"),
        ])
        defer { site.remove() }
        let builder = IncrementalBuilder(options: site.options())
        #expect(builder.build().succeeded)
        try write(
            site, "materials/b.md", TempSite.material(title: "Второй", body: "Вступление.\n\n## Задачи\n\nТекст.\n"))
        let broken = builder.build()
        #expect(!broken.succeeded)
        #expect(
            broken.diagnostics.error(at: "Content/materials/a.md:10:5")?.message.contains("нет раздела «#tsel»") == true
        )
    }

    @Test func templatesAndDataFilesRenderEverything() throws {
        let site = try TempSite(files: [
            "materials/a.md": TempSite.material(), "materials/b.md": TempSite.material(title: "Б"),
        ])
        defer { site.remove() }
        let builder = IncrementalBuilder(options: site.options())
        #expect(builder.build().succeeded)
        try write(site, "site.yaml", TempSite.siteYAML.replacingOccurrences(of: "Тестовый округ", with: "Другой округ"))
        let data = builder.build()
        #expect(data.full && data.reparsed == 0)
        #expect(site.read("Public/materials/a/index.html")?.contains("Другой округ") == true)
    }
}
