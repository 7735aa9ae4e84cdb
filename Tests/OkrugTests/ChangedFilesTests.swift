import Foundation
import Testing

@testable import OkrugCore
@testable import OkrugSite
@testable import OkrugSystem

/// `okrug serve` looks only at the files the system's events named (`ContentTree.patched`,
/// `FileEvents.takeChanges`), not at every file after each save: the listing it gets must be
/// the one a full scan gives, or it must ask for the full scan.
@Suite(.serialized) struct ChangedFilesTests {
    /// Generated edits to a real folder (saving a file, adding one, removing one, an editor's
    /// hidden or backup file, a temporary file made and removed): after each, the patched
    /// listing is the full scan's whenever it is given, and it is given for plain saves.
    @Test func thePatchedListingIsTheFullScansOrNone() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("okrug-patch-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let names = ["materials/a.md", "materials/b/index.md", "materials/b/plan.pdf", "site.yaml", "pages/o-nas.md"]
        for name in names { try write("начало", to: root, name) }
        var tree = ContentTree.scan(root: root, displayRoot: "Content").0
        var generator = Generator(state: 5)
        var patchedSaves = 0
        for round in 0..<300 {
            var changed: [String] = []
            var expectPatch = true
            for _ in 0..<generator.int(1...3) {
                switch generator.int(0...9) {
                case 0...4:
                    let name = generator.pick(names.filter { tree.files[$0] != nil })
                    try write("правка \(round) " + String(repeating: "я", count: generator.int(0...5)), to: root, name)
                    changed.append(name)
                case 5:
                    let name = "materials/novyi-\(round).md"
                    try write("новый", to: root, name)
                    changed.append(name)
                    expectPatch = false
                case 6:
                    let listed = tree.files.keys.filter {
                        $0.hasPrefix("materials/novyi") && FileManager.default.fileExists(atPath: root.path + "/" + $0)
                    }
                    guard let name = listed.sorted().first else { continue }
                    try FileManager.default.removeItem(at: root.appendingPathComponent(name))
                    changed.append(name)
                    expectPatch = false
                case 7:
                    let name = generator.pick(["materials/.a.md.swp", "materials/a.md~", "site.yaml.bak1"])
                    try write("черновик", to: root, name)
                    changed.append(name)
                default:
                    let name = "materials/4913"
                    try write("", to: root, name)
                    try FileManager.default.removeItem(at: root.appendingPathComponent(name))
                    changed.append(name)
                }
            }
            let full = ContentTree.scan(root: root, displayRoot: "Content").0
            let patched = tree.patched(changed: changed.map { root.path + "/" + $0 })
            if let patched {
                #expect(patched.files == full.files, "round \(round): \(changed)")
                patchedSaves += 1
            }
            if expectPatch { #expect(patched != nil, "round \(round): \(changed)") }
            tree = full
        }
        #expect(patchedSaves > 100)
        // A path outside the folder, or the folder itself, needs the full scan.
        #expect(tree.patched(changed: ["/etc/passwd"]) == nil)
        #expect(tree.patched(changed: [root.path + "/"]) == nil)
    }

    /// The real events: a saved file is named; a folder made means "look at everything".
    @Test func theSystemsEventsNameTheSavedFiles() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("okrug-events-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try write("начало", to: root, "materials/a.md")
        let events = try #require(FileEvents(roots: [root.path]))
        #expect(events.takeChanges() == [])
        try write("правка", to: root, "materials/a.md")
        #expect(events.wait(milliseconds: 2000))
        while events.wait(milliseconds: 20) {}
        #expect(events.takeChanges() == [root.path + "/materials/a.md"])
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent("materials/b"), withIntermediateDirectories: true)
        #expect(events.wait(milliseconds: 2000))
        while events.wait(milliseconds: 20) {}
        #expect(events.takeChanges() == nil)
        #expect(events.takeChanges() == [])
    }

    /// The builder with the named files: a save is seen and rebuilt; nothing named, nothing to do.
    @Test func theBuilderSeesANamedSave() throws {
        let site = try TempSite(files: ["materials/a.md": TempSite.material(title: "Первый")])
        defer { site.remove() }
        let builder = IncrementalBuilder(options: site.options())
        #expect(builder.build().succeeded)
        let path = site.root.appendingPathComponent("Content/materials/a.md").path
        #expect(!builder.hasChanges(changed: []))
        try Data(TempSite.material(title: "Первый", body: "Текст материала.\n\nНовый текст.\n").utf8).write(
            to: URL(fileURLWithPath: path))
        #expect(builder.hasChanges(changed: [path]))
        let edit = builder.build()
        #expect(edit.succeeded && !edit.full)
        #expect(site.read("Public/materials/a/index.html")?.contains("Новый текст.") == true)
        #expect(!builder.hasChanges(changed: []))
        #expect(!builder.hasChanges())
    }

    func write(_ text: String, to root: URL, _ name: String) throws {
        let url = root.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }
}
