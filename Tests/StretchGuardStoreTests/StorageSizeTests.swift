import Foundation
import StretchGuardCore
import Testing
@testable import StretchGuardStore

@Suite("Storage size")
struct StorageSizeTests {
    /// The database's size once checkpointed and closed, in bytes.
    func fileSize(_ path: String) throws -> Int {
        try (FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
    }

    @Test("a raw 200 Hz stream costs at most 32 bytes per sample on disk, SQLite's overhead included")
    func bytesPerSample() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("sessions.sqlite")
        let store = try SessionStore(path: path)
        let id = try store.beginSession(testInfo())
        try store.close()
        let empty = try fileSize(path)

        // Two minutes at 200 Hz in 0.4 s commits, as the recorder writes them.
        let again = try SessionStore(path: path)
        let codec = SampleCodec(scale: .wideRange)
        let samples = testSamples(count: 24_000).map(codec.encode)
        for start in stride(from: 0, to: samples.count, by: 80) {
            try again.append(SessionBatch(blocks: [SampleBlock(samples: samples[start..<(start + 80)])]), to: id)
        }
        try again.finishSession(id, summary: SessionSummary())
        try again.close()

        let bytesPerSample = Double(try fileSize(path) - empty) / Double(samples.count)
        #expect(bytesPerSample <= 32)
        #expect(bytesPerSample >= 14)  // the packed data alone: a measurement, not a guess
        #expect(try SessionStore(path: path).rawSamples(of: id) == samples)
    }
}
