// swift-tools-version:6.1
import PackageDescription

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
    ],
    targets: [
        .target(
            name: "Replica",
            dependencies: [
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
            dependencies: ["CZlib", .product(name: "Crypto", package: "swift-crypto")]
        ),
        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        .target(
            name: "Economic",
            dependencies: ["CCurl"]
        ),
        .target(
            name: "EconomicEmulator",
            dependencies: ["Snapshot", "Economic", "CZlib", .product(name: "Hummingbird", package: "hummingbird")],
            resources: [.copy("Schemas/Published")]
        ),
        .target(
            name: "Reconcile",
            dependencies: ["Snapshot"]
        ),
        .target(
            name: "Sync",
            dependencies: ["Replica", "Snapshot", "Economic", "Reconcile"]
        ),
        .executableTarget(
            name: "econsync",
            dependencies: [
                "Replica",
                "Snapshot",
                "Sync",
                "Economic",
                "EconomicEmulator",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "TestSupport",
            dependencies: ["Economic"],
            path: "Tests/TestSupport"
        ),
        .testTarget(
            name: "ReplicaTests",
            dependencies: ["Replica", "TestSupport", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(
            name: "SnapshotTests",
            dependencies: ["Snapshot", "TestSupport"]
        ),
        .testTarget(
            name: "EconomicTests",
            dependencies: ["Economic", "EconomicEmulator", "Snapshot", "Sync", "Replica", "TestSupport"]
        ),
        .testTarget(
            name: "EconomicEmulatorTests",
            dependencies: ["EconomicEmulator", "Snapshot", "TestSupport"]
        ),
        .testTarget(
            name: "ReconcileTests",
            dependencies: ["Reconcile", "Snapshot", "TestSupport"],
            exclude: ["Golden"]
        ),
        .testTarget(
            name: "SyncTests",
            dependencies: ["Sync", "Replica", "Snapshot", "Economic", "EconomicEmulator", "Reconcile", "TestSupport"]
        ),
        .testTarget(
            name: "econsyncTests",
            dependencies: ["econsync", "Replica", "Snapshot", "EconomicEmulator", "TestSupport"],
            resources: [.copy("Golden")]
        ),
    ]
)
