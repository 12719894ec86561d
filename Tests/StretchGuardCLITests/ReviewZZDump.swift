import Foundation
import StretchGuardStore
import Testing
@testable import stretchguard

@Test func zzWriteHourDatabase() throws {
    try? FileManager.default.removeItem(atPath: "/tmp/review1h")
    try FileManager.default.createDirectory(atPath: "/tmp/review1h", withIntermediateDirectories: true)
    let store = try SessionStore(path: "/tmp/review1h/sessions.sqlite")
    let profile = try ReviewDatabase.library.load("general")
    _ = try SyntheticSession.write(into: store, duration: 3600, rate: 200, startDate: ReviewDatabase.startDate, profile: profile)
    _ = try SyntheticSession.write(into: store, duration: 150, rate: 50, startDate: ReviewDatabase.startDate, profile: profile)
    try store.close()
}
