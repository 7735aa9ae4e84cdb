// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "okrug",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "okrug", targets: ["okrug"]),
        .library(name: "OkrugKit", targets: ["OkrugKit"]),
        .library(name: "OkrugServer", targets: ["OkrugServer"]),
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
        // The system libcmark (Debian: libcmark-dev). Only OkrugKit/Markdown imports it.
        .systemLibrary(
            name: "Ccmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // <sys/xattr.h> from the C library, for the marks on written files.
        .systemLibrary(name: "CXattr"),
        .target(
            name: "OkrugKit",
            dependencies: [
                "Ccmark",
                "CXattr",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // `okrug serve`, kept out of OkrugKit so the generator builds without a server.
        .target(
            name: "OkrugServer",
            dependencies: [
                "OkrugKit",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "okrug",
            dependencies: [
                "OkrugKit",
                "OkrugServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "OkrugKitTests",
            dependencies: ["OkrugKit"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
