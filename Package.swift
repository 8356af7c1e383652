// swift-tools-version:6.1
import PackageDescription

/// The crash matrix's and the scheduler's test hooks (`$ECONSYNC_TEST_CRASH`,
/// `$ECONSYNC_TEST_JITTER`) exist only in debug builds, which the tests run;
/// a release build has none.
let testHooks: [SwiftSetting] = [.define("ECONSYNC_TEST_HOOKS", .when(configuration: .debug))]

let package = Package(
    name: "econsync",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "econsync", targets: ["econsync"]),
        .library(name: "Replica", targets: ["Replica"]),
        .library(name: "Snapshot", targets: ["Snapshot"]),
        .library(name: "Reconcile", targets: ["Reconcile"]),
        .library(name: "Sync", targets: ["Sync"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", exact: "4.5.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1"),
        .package(url: "https://github.com/apple/swift-nio", exact: "2.101.3"),
        .package(url: "https://github.com/apple/swift-http-types", exact: "1.8.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", exact: "2.13.0"),
    ],
    targets: [
        .target(
            name: "Vocabulary"
        ),
        .target(
            name: "Replica",
            dependencies: [
                "Vocabulary",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]
        ),
        .systemLibrary(
            name: "CZlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .target(
            name: "Snapshot",
            dependencies: ["Vocabulary", "CZlib", .product(name: "Crypto", package: "swift-crypto")]
        ),
        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        .target(
            name: "EconomicWire"
        ),
        .target(
            name: "Blocking",
            dependencies: ["CMalloc", .product(name: "NIOPosix", package: "swift-nio")]
        ),
        // glibc's malloc_trim (no link: it is libc's).
        .systemLibrary(
            name: "CMalloc"
        ),
        .target(
            name: "Economic",
            dependencies: ["Blocking", "Vocabulary", "CCurl", "EconomicWire"]
        ),
        .target(
            name: "EconomicEmulator",
            dependencies: [
                "Vocabulary", "Snapshot", "EconomicWire", "CZlib",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "Reconcile",
            dependencies: ["Snapshot", "Vocabulary"]
        ),
        .target(
            name: "Sync",
            dependencies: [
                "Blocking", "Vocabulary", "Replica", "Snapshot", "Economic", "EconomicWire", "Reconcile",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: testHooks
        ),
        // The office's admin panel (`econsync serve`): pages rendered on the server, /healthz, /metrics, /api.
        .target(
            name: "Panel",
            dependencies: [
                "Blocking", "Vocabulary", "Replica", "Reconcile", "Economic", "Sync",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Not production code: the data generators, the demo agreement and the
        // benchmarks' logic (`econsync bench …`, `econsync demo`, `snapshot demo`,
        // the emulator's default seed) and the tests' generated data. It reaches
        // Replica's internals only through `@_spi(Benchmark)`.
        .target(
            name: "Workbench",
            dependencies: [
                "Vocabulary", "Replica", "Snapshot", "Sync", "Economic", "EconomicEmulator",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .executableTarget(
            name: "econsync",
            dependencies: [
                "Vocabulary",
                "Replica",
                "Snapshot",
                "Sync",
                "Economic",
                "EconomicEmulator",
                "Reconcile",
                "Workbench",
                "Panel",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: testHooks
        ),
        .target(
            name: "TestSupport",
            dependencies: ["Economic"],
            path: "Tests/TestSupport"
        ),
        .testTarget(
            name: "ReplicaTests",
            dependencies: ["Vocabulary", "Replica", "Workbench", "TestSupport", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(
            name: "SnapshotTests",
            dependencies: ["Snapshot", "TestSupport"]
        ),
        .testTarget(
            name: "EconomicTests",
            dependencies: ["Vocabulary", "Economic", "EconomicWire", "EconomicEmulator", "Snapshot", "Sync", "Replica", "TestSupport"]
        ),
        .testTarget(
            name: "EconomicEmulatorTests",
            dependencies: ["EconomicEmulator", "Snapshot", "TestSupport"]
        ),
        .testTarget(
            name: "ReconcileTests",
            dependencies: ["Vocabulary", "Reconcile", "Snapshot", "TestSupport"],
            exclude: ["Golden"]
        ),
        .testTarget(
            name: "SyncTests",
            dependencies: ["Vocabulary", "Sync", "Replica", "Snapshot", "Economic", "EconomicEmulator", "Reconcile", "Workbench", "TestSupport"]
        ),
        .testTarget(
            name: "econsyncTests",
            dependencies: ["Vocabulary", "econsync", "Panel", "Replica", "Snapshot", "Sync", "Economic", "EconomicEmulator", "TestSupport",
                           .product(name: "ArgumentParser", package: "swift-argument-parser")],
            resources: [.copy("Golden")]
        ),
    ]
)
