// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "okrug",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "okrug", targets: ["okrug"]),
        .library(name: "OkrugKit", targets: ["OkrugKit"]),
    ],
    dependencies: [
        // YAML front matter and data files (the maintained standard YAML library for Swift).
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        // Logic-less templates with inheritance and partials.
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        // The CLI.
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
    ],
    targets: [
        // The system libcmark (Debian: libcmark-dev). Only OkrugKit/Markdown imports it.
        .systemLibrary(
            name: "Ccmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        .target(
            name: "OkrugKit",
            dependencies: [
                "Ccmark",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        .executableTarget(
            name: "okrug",
            dependencies: [
                "OkrugKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "OkrugKitTests",
            dependencies: ["OkrugKit", .product(name: "Mustache", package: "swift-mustache")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
