// swift-tools-version: 6.1
import PackageDescription

// okrug builds and is tested on Linux only (Debian and Ubuntu, CI in swift:6.3-bookworm): the
// file layer calls Linux system calls directly (renameat2, xattrs, Glibc's read), so no Apple
// platform is claimed.
//
// The stages are targets, so the compiler holds the arrows (docs/architecture.md):
//
//   okrug (CLI) ──▶ OkrugSite ──▶ OkrugCore ──▶ OkrugMarkdown ──▶ OkrugSystem
//   okrug-serve ──▶ OkrugServer ─┘       │   └──▶ OkrugTemplate   ──▶ OkrugText, OkrugSystem
//                                         └──────────────────────────▶ OkrugText
//
// `ArchitectureTests` fails when a file imports a module its stage may not use.
/// The stages are separate modules, but a build runs every page through several of them (the
/// template engine reads the view models' tables, the renderer walks the model): optimising
/// across the modules keeps the calls between them inlined and specialised. The figures are in
/// the README's «Скорость».
let optimisedAcrossStages: [SwiftSetting] = [
    .unsafeFlags(
        ["-cross-module-optimization", "-Xfrontend", "-enable-cmo-everything"], .when(configuration: .release))
]

/// The debug build (the one `scripts/test.sh` makes) optimises the modules that loop over every
/// byte: Russian text, templates and Markdown, because the tests run the debug okrug hundreds
/// of times. Stepping through them in a debugger shows less.
let optimisedInDebugToo: [SwiftSetting] =
    optimisedAcrossStages + [.unsafeFlags(["-O"], .when(configuration: .debug))]

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
            dependencies: ["CXattr", .product(name: "Yams", package: "Yams")],
            swiftSettings: optimisedAcrossStages
        ),
        // Russian text rules (plurals, dates, transliteration), escaping, «did you mean».
        .target(name: "OkrugText", swiftSettings: optimisedInDebugToo),
        // Markdown through libcmark: parse, change the tree, render; where the HTML waits.
        .target(
            name: "OkrugMarkdown", dependencies: ["Ccmark", "OkrugSystem", "OkrugText"],
            swiftSettings: optimisedInDebugToo),
        // The Mustache template engine.
        .target(
            name: "OkrugTemplate", dependencies: ["OkrugSystem", "OkrugText"], swiftSettings: optimisedInDebugToo),
        // The content model: load, resolve, the plan, checks; everything up to the site's pages.
        .target(
            name: "OkrugCore",
            dependencies: [
                "OkrugMarkdown", "OkrugSystem", "OkrugText", .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: optimisedAcrossStages
        ),
        // Documents coming in: Word and LibreOffice files (pandoc and its Lua filter, also the
        // files' online copies), the plan's text, and `okrug new`'s scaffolds.
        .target(
            name: "OkrugImport",
            dependencies: ["OkrugCore", "OkrugSystem", "OkrugText"],
            resources: [.embedInCode("Word/import-filter.lua")],
            swiftSettings: optimisedAcrossStages
        ),
        // Search: Pagefind's index of the written site, its files in a stable order, pieces and
        // their merging, the site's words for search that forgives, the preview's refresh.
        .target(
            name: "OkrugSearch",
            dependencies: ["Czlib", "OkrugCore", "OkrugSystem", "OkrugText"],
            swiftSettings: optimisedAcrossStages
        ),
        // Render, write and build: the site on disk.
        .target(
            name: "OkrugSite",
            dependencies: [
                "OkrugCore", "OkrugImport", "OkrugSearch", "OkrugTemplate", "OkrugMarkdown", "OkrugSystem", "OkrugText",
            ],
            swiftSettings: optimisedAcrossStages
        ),
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
