// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "econsync",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "econsync", targets: ["econsync"]),
        .library(name: "Replica", targets: ["Replica"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
    ],
    targets: [
        .target(
            name: "Replica",
            dependencies: [
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]
        ),
        .executableTarget(
            name: "econsync",
            dependencies: [
                "Replica",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "ReplicaTests",
            dependencies: ["Replica", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(
            name: "econsyncTests",
            dependencies: ["econsync", "Replica"],
            resources: [.copy("Golden")]
        ),
    ]
)
