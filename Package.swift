// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "kartu",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "kartu", targets: ["KartuCLI"]),
        .library(name: "Kartu", targets: ["Kartu"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        // Writes the ZIP container of EPUB publications.
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
        // The preview server (`kartu serve`), in its own target: the library does not depend on it.
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        // Quiets the server's log: kartu prints its own lines.
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        // Ends the live-reload event streams when the server shuts down.
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        // Property-based tests (Tests/KartuTests/Properties): generated inputs, shrunk counterexamples.
        .package(url: "https://github.com/x-sheep/swift-property-based.git", exact: "2.0.1"),
    ],
    targets: [
        // libcmark-gfm and its extensions, from Debian's libcmark-gfm-dev and libcmark-gfm-extensions-dev.
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .target(
            name: "Kartu",
            dependencies: [
                "CCmarkGFM",
                .product(name: "Yams", package: "Yams"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            // default-theme/ and starter/ compiled in: the binary alone builds a site.
            plugins: ["EmbedFiles"]
        ),
        // Writes the embedded files' Swift source at build time (run by the EmbedFiles plugin).
        .executableTarget(name: "EmbedFilesTool"),
        .plugin(name: "EmbedFiles", capability: .buildTool(), dependencies: ["EmbedFilesTool"]),
        .target(
            name: "KartuServer",
            dependencies: [
                "Kartu",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .executableTarget(
            name: "KartuCLI",
            dependencies: [
                "Kartu",
                "KartuServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The fuzz targets: a seed replayer in an ordinary build (so a refactor that breaks them breaks
        // the build), libFuzzer's harness when compiled with -DFUZZING and linked by Fuzz/run.sh.
        .executableTarget(name: "KartuFuzz", dependencies: ["Kartu"], path: "Fuzz/KartuFuzz"),
        .testTarget(
            name: "KartuTests",
            dependencies: [
                "Kartu",
                "KartuServer",
                // Its targets replay Fuzz/seeds/ in swift test.
                "KartuFuzz",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "PropertyBased", package: "swift-property-based"),
                // Reads written EPUBs back.
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                // kartu rendered with swift-mustache until it compiled its own templates: the
                // default theme must still render to the same bytes with both.
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            // Read by path (the Mustache specification's tests), not bundled.
            exclude: ["Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
