// swift-tools-version: 6.0
import Foundation
import PackageDescription

/// Swift flags for release builds of the per-sample core (fusion, posture, detectors).
///
/// The core is arithmetic on small vectors and quaternions; the x86-64 baseline (SSE2, two-operand
/// instructions) spends a third of its instructions copying registers. On an x86-64 host with AVX2 and FMA
/// the core is compiled for that instruction set (`-target-cpu haswell`: about 7 % faster per sample; no
/// fused multiply-add is formed, so results are bit for bit the same as the baseline's). StretchGuard is
/// built on the machine that runs it (the README's commands, `scripts/demo`), so the host decides; a build
/// meant for another machine sets `STRETCHGUARD_TARGET_CPU` to an LLVM CPU name, or to `generic` for the
/// baseline. AArch64 (the Raspberry Pi) needs nothing: NEON and three-operand instructions are its baseline.
let coreReleaseSettings: [SwiftSetting] = {
    let requested = Context.environment["STRETCHGUARD_TARGET_CPU"]
    var cpu: String?
    if let requested, !requested.isEmpty {
        cpu = requested == "generic" ? nil : requested
    } else {
        #if arch(x86_64) && os(Linux)
        let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let flags = Set(cpuinfo.split(separator: "\n").first { $0.hasPrefix("flags") }?
            .split(separator: " ").map(String.init) ?? [])
        if flags.isSuperset(of: ["avx", "avx2", "fma", "bmi2", "movbe"]) { cpu = "haswell" }
        #endif
    }
    guard let cpu else { return [] }
    return [.unsafeFlags(["-target-cpu", cpu], .when(configuration: .release))]
}()

let package = Package(
    name: "StretchGuard",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "stretchguard", targets: ["stretchguard"]),
        .executable(name: "stretchguard-bench", targets: ["stretchguard-bench"]),
        .library(name: "StretchGuardCore", targets: ["StretchGuardCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-numerics", from: "1.0.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/apple/swift-system", from: "1.4.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-websocket", from: "2.0.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.5.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.21.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.27.0"),
    ],
    targets: [
        // Orientation fusion, calibration math and posture angles: no I/O, nothing allocated per sample.
        .target(
            name: "StretchGuardCore",
            dependencies: [.product(name: "RealModule", package: "swift-numerics")],
            swiftSettings: coreReleaseSettings
        ),
        // Known motions rendered into IMU samples with their true orientation (tests, benchmarks).
        .target(name: "StretchGuardSimulation", dependencies: [
            "StretchGuardCore", .product(name: "RealModule", package: "swift-numerics"),
        ]),
        // zlib for reading `.csv.gz` traces (Debian: zlib1g-dev).
        .systemLibrary(name: "CZlib", path: "Sources/CZlib"),
        // Trace files: CSV (optionally gzip-compressed) in and out, and the one replay engine (traces and
        // stored sessions alike).
        .target(name: "StretchGuardTrace", dependencies: ["StretchGuardCore", "CZlib"]),
        // Human-edited configuration: exercise profiles (YAML through Yams), with errors naming the field.
        .target(name: "StretchGuardConfig", dependencies: ["StretchGuardCore", .product(name: "Yams", package: "Yams")]),
        // Scores the detectors on scenario suites (simulated or recorded with truth).
        .target(name: "StretchGuardEvaluation", dependencies: ["StretchGuardCore", "StretchGuardSimulation", "StretchGuardTrace"]),
        // The Linux I2C edge: libi2c's SMBus calls and the i2c-dev ioctls (Debian: libi2c-dev).
        .target(name: "CI2C"),
        // The libgpiod edge: one small shim compiled against libgpiod 1.6 or 2.x (Debian: libgpiod-dev).
        .target(name: "CGPIOD"),
        // GPIO lines over libgpiod (or a recording simulation): buzzer, status LEDs, button, feedback patterns.
        .target(name: "StretchGuardGPIO", dependencies: [
            "StretchGuardCore", "CGPIOD", .product(name: "SystemPackage", package: "swift-system"),
        ]),
        // I2C buses, IMU chip drivers, register-level simulated chips, the sample clock.
        .target(name: "StretchGuardHardware", dependencies: [
            "StretchGuardCore", "CI2C", "StretchGuardGPIO", .product(name: "SystemPackage", package: "swift-system"),
        ]),
        // The session store: one SQLite database (GRDB) of sessions, raw samples, events, markers and gaps,
        // and the recorder that writes it off the sample thread.
        .target(name: "StretchGuardStore", dependencies: ["StretchGuardCore", .product(name: "GRDB", package: "GRDB.swift")]),
        // Looks back at a stored session: per-hold table (duration, peak twist, bounces, SPARC/LDLJ), event
        // timeline, terminal plots, the self-contained HTML/SVG report, CSV and JSON export.
        .target(name: "StretchGuardReview", dependencies: [
            "StretchGuardCore", "StretchGuardStore", "StretchGuardConfig", "StretchGuardTrace",
        ]),
        // The device at work: a live session on its own thread (sensor → core → feedback → recorder) publishing
        // typed snapshots and events, the guided calibration behind a console protocol, the session's baseline,
        // and the hardware checks `doctor` runs.
        .target(name: "StretchGuardLive", dependencies: [
            "StretchGuardCore", "StretchGuardConfig", "StretchGuardSimulation", "StretchGuardHardware",
            "StretchGuardGPIO", "StretchGuardStore", "StretchGuardTrace",
        ]),
        // The physio's browser view: the HTTP API over stored sessions and the live snapshot (Hummingbird 2),
        // behind a pairing token on any bind other than loopback.
        .target(name: "StretchGuardWeb", dependencies: [
            "StretchGuardLive", "StretchGuardReview", "StretchGuardStore",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        // A clinic's server: sessions synced to PostgreSQL (postgres-nio) and read back for review.
        .target(name: "StretchGuardSync", dependencies: [
            "StretchGuardStore",
            .product(name: "PostgresNIO", package: "postgres-nio"),
            .product(name: "NIOSSL", package: "swift-nio-ssl"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        // Fixtures for tests and benchmarks, never in the product: generated sessions and their importer.
        .target(name: "StretchGuardTestSupport", dependencies: [
            "StretchGuardCore", "StretchGuardSimulation", "StretchGuardStore", "StretchGuardReview", "StretchGuardConfig",
            "StretchGuardTrace", .product(name: "RealModule", package: "swift-numerics"),
        ]),
        // libqrencode (Debian: libqrencode-dev): the pairing URL as a QR code in the terminal.
        .systemLibrary(name: "CQREncode", path: "Sources/CQREncode"),
        // Counts heap allocations for `stretchguard-bench` (interposes malloc in that executable only).
        .target(name: "CAllocationCounter"),
        .executableTarget(
            name: "stretchguard",
            dependencies: [
                "StretchGuardCore", "StretchGuardTrace", "StretchGuardSimulation", "StretchGuardConfig",
                "StretchGuardEvaluation", "StretchGuardHardware", "StretchGuardGPIO", "StretchGuardStore", "StretchGuardReview",
                "StretchGuardLive", "StretchGuardWeb", "StretchGuardSync", "CQREncode",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Speed and allocations per sample, and the review's speed: a separate executable, so that the
        // malloc interposer never ships in `stretchguard`.
        .executableTarget(
            name: "stretchguard-bench",
            dependencies: [
                "StretchGuardCore", "StretchGuardSimulation", "StretchGuardStore", "StretchGuardReview", "StretchGuardConfig",
                "StretchGuardTrace", "StretchGuardTestSupport", "StretchGuardLive", "StretchGuardGPIO", "CAllocationCounter",
                "StretchGuardHardware", "StretchGuardWeb", "StretchGuardSync",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "RealModule", package: "swift-numerics"),
                .product(name: "HummingbirdWSClient", package: "hummingbird-websocket"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(name: "StretchGuardCoreTests", dependencies: [
            "StretchGuardCore", "StretchGuardSimulation", "StretchGuardTestSupport",
        ]),
        .testTarget(name: "StretchGuardTraceTests", dependencies: ["StretchGuardTrace", "StretchGuardTestSupport"]),
        .testTarget(name: "StretchGuardSimulationTests", dependencies: ["StretchGuardSimulation", "StretchGuardCore"]),
        .testTarget(name: "StretchGuardConfigTests", dependencies: ["StretchGuardConfig"]),
        .testTarget(name: "StretchGuardEvaluationTests", dependencies: [
            "StretchGuardEvaluation", "StretchGuardSimulation", "StretchGuardTrace", "StretchGuardCore",
        ]),
        .testTarget(name: "StretchGuardGPIOTests", dependencies: ["StretchGuardGPIO", "StretchGuardCore"]),
        .testTarget(name: "StretchGuardHardwareTests", dependencies: [
            "StretchGuardHardware", "StretchGuardSimulation", "StretchGuardGPIO",
        ]),
        .testTarget(name: "StretchGuardStoreTests", dependencies: ["StretchGuardStore"]),
        .testTarget(name: "StretchGuardReviewTests", dependencies: [
            "StretchGuardReview", "StretchGuardSimulation", "StretchGuardTestSupport", "StretchGuardTrace",
        ]),
        .testTarget(name: "StretchGuardLiveTests", dependencies: [
            "StretchGuardLive", "StretchGuardCore", "StretchGuardConfig", "StretchGuardSimulation", "StretchGuardHardware",
            "StretchGuardGPIO", "StretchGuardStore", "StretchGuardReview", "StretchGuardTestSupport",
        ]),
        .testTarget(name: "StretchGuardWebTests", dependencies: [
            "StretchGuardWeb", "StretchGuardLive", "StretchGuardStore", "StretchGuardReview", "StretchGuardTestSupport",
            "StretchGuardSimulation", "StretchGuardGPIO", "StretchGuardHardware", "StretchGuardConfig",
            "StretchGuardCore",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdTesting", package: "hummingbird"),
            .product(name: "HummingbirdWSTesting", package: "hummingbird-websocket"),
            .product(name: "HummingbirdWSClient", package: "hummingbird-websocket"),
        ]),
        .testTarget(name: "StretchGuardCLITests", dependencies: [
            "stretchguard", "stretchguard-bench", "StretchGuardHardware", "StretchGuardGPIO", "StretchGuardConfig",
            "StretchGuardCore", "StretchGuardStore", "StretchGuardTestSupport", "StretchGuardLive", "StretchGuardSync",
        ], exclude: ["Golden"]),
    ],
    swiftLanguageModes: [.v6]
)

/// libFuzzer targets (`Fuzz/`, one folder per target, run by `scripts/fuzz`), declared only when
/// `STRETCHGUARD_FUZZ=1`: they are built with `-Xswiftc -sanitize=fuzzer` (libFuzzer's runtime is linked in)
/// into their own scratch path, so `swift build` and `swift test` never see them. Each `main` hands its test
/// to libFuzzer's `LLVMFuzzerRunDriver`; lld (in the toolchain) links them, because gold stops with an
/// internal error on libFuzzer's `main` next to SwiftPM's renamed entry point.
if Context.environment["STRETCHGUARD_FUZZ"] == "1" {
    let fuzzTargets: [(name: String, dependencies: [Target.Dependency])] = [
        ("trace", ["StretchGuardTrace", "StretchGuardCore"]),
        ("profile", ["StretchGuardConfig", "StretchGuardCore"]),
        ("hardware", ["StretchGuardConfig"]),
        ("calibration", ["StretchGuardConfig", "StretchGuardCore"]),
        ("sample-block", ["StretchGuardStore"]),
        ("scenario", ["StretchGuardSimulation"]),
    ]
    package.targets += [
        .target(name: "CFuzzSupport", path: "Fuzz/CFuzzSupport"),
        .target(name: "FuzzSupport", dependencies: ["CFuzzSupport"], path: "Fuzz/FuzzSupport"),
    ]
    for target in fuzzTargets {
        package.targets.append(.executableTarget(
            name: "fuzz-\(target.name)", dependencies: ["FuzzSupport"] + target.dependencies, path: "Fuzz/\(target.name)",
            linkerSettings: [.unsafeFlags(["-use-ld=lld"])]
        ))
    }
}
