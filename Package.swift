// swift-tools-version: 6.1
import PackageDescription

// okrug builds and is tested on Linux only (Debian and Ubuntu, CI in swift:6.3-bookworm): the
// file layer calls Linux system calls directly (renameat2, xattrs, Glibc's read), so no Apple
// platform is claimed.
//
// The stages are targets, so the compiler holds the arrows. Their map is in
// docs/architecture.md, where `ArchitectureTests` keeps it equal to the dependencies below; the
// same test fails when a file imports a module its stage may not use.
/// Release builds optimise across the stage modules (swiftc's documented
/// `-cross-module-optimization`): a page goes through several of them (the template engine reads
/// the view models' tables, the renderer walks the model), and without it the calls between
/// them are not inlined. The loss without it is measured in the README's «Скорость».
let acrossStages: [SwiftSetting] = [.unsafeFlags(["-cross-module-optimization"], .when(configuration: .release))]

let package = Package(
    name: "okrug",
    products: [
        .executable(name: "okrug", targets: ["okrug"]),
        .executable(name: "okrug-serve", targets: ["okrug-serve"]),
    ],
    dependencies: [
        // YAML front matter and data files (the maintained standard YAML library for Swift).
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        // The CLI.
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        // `okrug serve`: the preview server (the maintained Swift server framework on SwiftNIO).
        // Its swift-configuration support is left out: the preview needs none of it.
        .package(
            url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1", traits: ["FullFoundation"]),
        // Graceful shutdown on Ctrl-C (used by Hummingbird; named here for its shutdown handlers).
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.6.0"),
    ],
    targets: [
        // The system libcmark (Debian: libcmark-dev). Only OkrugMarkdown imports it.
        .systemLibrary(
            name: "Ccmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // Linux calls the C library declares but Glibc's module does not bring in (xattrs, renameat2).
        .systemLibrary(name: "CXattr"),
        // zlib (Debian: zlib1g-dev), for gzip: putting Pagefind's filter files in a stable order.
        .systemLibrary(name: "Czlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // The system calls and libyaml's event stream: with OkrugMarkdown, the only unsafe code.
        .target(
            name: "OkrugSystem",
            dependencies: ["CXattr", .product(name: "Yams", package: "Yams")], swiftSettings: acrossStages),
        // Russian text rules (plurals, dates, transliteration), escaping, «did you mean».
        .target(name: "OkrugText", swiftSettings: acrossStages),
        // Markdown through libcmark: parse, change the tree, render; where the HTML waits.
        .target(
            name: "OkrugMarkdown", dependencies: ["Ccmark", "OkrugSystem", "OkrugText"], swiftSettings: acrossStages),
        // The Mustache template engine.
        .target(
            name: "OkrugTemplate", dependencies: ["OkrugSystem", "OkrugText"], swiftSettings: acrossStages),
        // The content model: load, resolve, the plan, checks; everything up to the site's pages.
        .target(
            name: "OkrugCore",
            dependencies: [
                "OkrugMarkdown", "OkrugSystem", "OkrugText", .product(name: "Yams", package: "Yams"),
            ], swiftSettings: acrossStages),
        // Documents coming in: Word and LibreOffice files (pandoc and its Lua filter, also the
        // files' online copies), the plan's text, and `okrug new`'s scaffolds.
        .target(
            name: "OkrugImport",
            dependencies: ["OkrugCore", "OkrugSystem", "OkrugText"],
            resources: [.embedInCode("Word/import-filter.lua")], swiftSettings: acrossStages),
        // Search: Pagefind's index of the written site, its files in a stable order, pieces and
        // their merging, the site's words for search that forgives, the preview's refresh.
        .target(
            name: "OkrugSearch",
            dependencies: ["Czlib", "OkrugCore", "OkrugSystem", "OkrugText"], swiftSettings: acrossStages),
        // Render, write and build: the site on disk.
        .target(
            name: "OkrugSite",
            dependencies: [
                "OkrugCore", "OkrugImport", "OkrugSearch", "OkrugTemplate", "OkrugMarkdown", "OkrugSystem", "OkrugText",
            ], swiftSettings: acrossStages),
        // The preview server: kept out of the CLI, so building the site compiles no server.
        .target(
            name: "OkrugServer",
            dependencies: [
                "OkrugSite", "OkrugSearch", "OkrugCore", "OkrugSystem", "OkrugText",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "okrug",
            dependencies: [
                "OkrugSite", "OkrugImport", "OkrugSearch", "OkrugCore", "OkrugSystem",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // `okrug serve` runs this program, built separately (scripts/serve.sh).
        .executableTarget(
            name: "okrug-serve",
            dependencies: [
                "OkrugServer", "OkrugSite", "OkrugSearch",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "OkrugTemplateTests", dependencies: ["OkrugTemplate", "OkrugSystem"]),
        .testTarget(name: "OkrugMarkdownTests", dependencies: ["OkrugMarkdown", "OkrugText", "Ccmark"]),
        .testTarget(
            name: "OkrugTests",
            dependencies: [
                "OkrugSite", "OkrugImport", "OkrugSearch", "OkrugCore", "OkrugMarkdown", "OkrugTemplate", "OkrugSystem",
                "OkrugText",
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
