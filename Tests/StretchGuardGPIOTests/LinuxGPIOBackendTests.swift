import Foundation
import StretchGuardGPIO
import Testing

/// A fresh empty directory, removed after `body`.
func withTemporaryDirectory(_ body: (String) throws -> Void) throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("sg-gpio-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: path) }
    try body(path)
}

@Suite("Linux backend (libgpiod) without GPIO hardware")
struct LinuxGPIOBackendTests {
    @Test func theShimReportsTheAPIOfTheLinkedLibrary() {
        let api = LinuxGPIOBackend.libgpiodAPI
        #expect(api == 1 || api == 2)
        #expect(LinuxGPIOBackend.libgpiodVersion.hasPrefix("\(api)."), "\(LinuxGPIOBackend.libgpiodVersion)")
    }

    @Test func aMissingChipIsNamedWithTheChipsFound() throws {
        try withTemporaryDirectory { (directory: String) throws in
            let backend = LinuxGPIOBackend(devicesDirectory: directory)
            #expect(try backend.chips().isEmpty)
            let error = #expect(throws: GPIOError.self) { try backend.openChip(.name("gpiochip0")) }
            #expect(error == .chipNotFound(.name("gpiochip0"), available: []))
            #expect(error?.description.hasPrefix("no GPIO chip 'gpiochip0' (found: none); is this a Raspberry Pi?") == true)
        }
    }

    @Test(arguments: [GPIOChipAddress.label("pinctrl-bcm2711"), .path("/nonexistent/gpiochip9")])
    func missingChipsByLabelOrPathAreNamedToo(address: GPIOChipAddress) throws {
        try withTemporaryDirectory { (directory: String) throws in
            let backend = LinuxGPIOBackend(devicesDirectory: directory)
            #expect(throws: GPIOError.chipNotFound(address, available: [])) { try backend.openChip(address) }
        }
    }

    @Test func aFileThatIsNotAGPIOChipIsSaidSoAndSkippedInTheList() throws {
        try withTemporaryDirectory { (directory: String) throws in
            let fake = directory + "/gpiochip0"
            #expect(FileManager.default.createFile(atPath: fake, contents: Data("not a chip".utf8)))
            let backend = LinuxGPIOBackend(devicesDirectory: directory)
            #expect(try backend.chips().isEmpty)
            let error = #expect(throws: GPIOError.self) { try backend.openChip(.name("gpiochip0")) }
            #expect(error == .notAGPIOChip(path: fake))
            #expect(error?.errno != nil)
        }
    }

    @Test(.enabled(if: !FileManager.default.fileExists(atPath: "/dev/gpiochip0"), "this machine has GPIO chips"))
    func onAMachineWithoutGPIOTheDefaultDevicesGiveTheClearError() {
        #expect(throws: GPIOError.chipNotFound(.name("gpiochip0"), available: [])) {
            try LinuxGPIOBackend().openChip(GPIOChipAddress("gpiochip0"))
        }
    }
}
