// swift-tools-version:6.1
import PackageDescription

// `scripts/fuzz.sh` sets HEGUI_FUZZ_RUNTIME to libFuzzer's no-main runtime. Only then are hegui's own
// modules compiled with coverage and AddressSanitizer, and only hegui-fuzz links the fuzzer runtime,
// so the build tool hegui-embed and every other executable keep their plain builds and own `main`.
let fuzzRuntime = Context.environment["HEGUI_FUZZ_RUNTIME"]
let fuzzed: [SwiftSetting] = fuzzRuntime == nil ? [] : [.unsafeFlags(["-sanitize=fuzzer,address"])]
let fuzzDriver: [SwiftSetting] = fuzzRuntime == nil ? [] : [.unsafeFlags(["-sanitize=fuzzer,address"]), .define("FUZZING")]
let fuzzLink: [LinkerSetting] = fuzzRuntime.map { [.unsafeFlags(["-sanitize=address", $0, "-lstdc++"])] } ?? []

let package = Package(
    name: "hegui",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "hegui", targets: ["hegui"]),
        .library(name: "HeguiCore", targets: ["HeguiCore"]),
        .library(name: "HeguiBase", targets: ["HeguiBase"]),
        .library(name: "HeguiWeb", targets: ["HeguiWeb"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        // The system libxml2; only HeguiXML imports it.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // What every layer shares: diagnostics, source locations, localized text, error types, the file reader.
        .target(name: "HeguiBase", swiftSettings: fuzzed),
        // The system libxlsxwriter; only HeguiXLSX imports it.
        .systemLibrary(
            name: "CLibXLSXWriter",
            pkgConfig: "xlsxwriter",
            providers: [.apt(["libxlsxwriter-dev"])]
        ),
        // Writing .xlsx workbooks: one owner for every libxlsxwriter resource, no C pointer in its API.
        .target(name: "HeguiXLSX", dependencies: ["HeguiBase", "CLibXLSXWriter"]),
        // Safe parsing, XSD validation and source locations over libxml2.
        .target(name: "HeguiXML", dependencies: ["HeguiBase", "CLibXML2"], swiftSettings: fuzzed),
        // Model, loading, records, evaluation, ledger and reporting.
        .target(
            name: "HeguiCore",
            dependencies: [
                "HeguiBase",
                "HeguiXML",
                "HeguiXLSX",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: fuzzed,
            plugins: ["EmbedFiles"]
        ),
        // Builds rules/*.xml and the schema into HeguiCore, and the web templates and static files into
        // HeguiWeb, at every build (see Plugins/EmbedFiles).
        .plugin(name: "EmbedFiles", capability: .buildTool(), dependencies: ["hegui-embed"]),
        .executableTarget(name: "hegui-embed"),
        // `hegui serve`: server-rendered pages over the same core calls as the command line.
        .target(
            name: "HeguiWeb",
            dependencies: [
                "HeguiBase",
                "HeguiCore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            // The templates and static files are compiled in by the EmbedFiles plugin, so a copied binary serves them.
            exclude: ["Templates", "Static"],
            plugins: ["EmbedFiles"]
        ),
        // The thin command line: each subcommand maps flags to one core call.
        .executableTarget(
            name: "hegui",
            dependencies: [
                "HeguiCore",
                "HeguiWeb",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ]
        ),
        // Deterministic data generator and benchmark harness.
        .executableTarget(name: "hegui-bench", dependencies: ["HeguiCore", "HeguiXLSX"]),
        // libFuzzer targets (CSV, XML records, rule packs); `scripts/fuzz.sh` builds them with
        // `-sanitize=fuzzer,address`. A plain build replays inputs: `hegui-fuzz csv FILE…`.
        .systemLibrary(name: "CFuzzerDriver"),
        .executableTarget(
            name: "hegui-fuzz",
            dependencies: ["HeguiCore", "CFuzzerDriver"],
            swiftSettings: fuzzDriver,
            linkerSettings: fuzzLink
        ),
        .testTarget(name: "HeguiXMLTests", dependencies: ["HeguiBase", "HeguiXML"]),
        // Core tests; the ledger's command-line wording is checked against the `hegui` target too.
        .testTarget(name: "HeguiCoreTests", dependencies: ["HeguiCore", "hegui"]),
        .testTarget(name: "HeguiEndToEndTests", dependencies: ["HeguiCore"], exclude: ["Expected"]),
        .testTarget(
            name: "HeguiWebTests",
            dependencies: [
                "HeguiWeb",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
    ]
)
