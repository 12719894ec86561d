import Foundation
import Glibc
import StretchGuardHardware
import Testing

@Suite struct I2CErrorClassificationTests {
    @Test(arguments: [
        (EREMOTEIO, I2COperation.readBlock, I2CErrorKind.noAcknowledge, true),
        (ENXIO, .readByte, .noAcknowledge, true),
        (ENODEV, .readByte, .noAcknowledge, true),  // i2c-stub: no chip at this address
        (EIO, .writeByte, .transferFailed, true),
        (ETIMEDOUT, .readBlock, .busTimeout, true),
        (EAGAIN, .readByte, .busTimeout, true),
        (ENOENT, .open, .busMissing, false),
        (ENODEV, .open, .busMissing, false),
        (EACCES, .open, .permissionDenied, false),
        (EPERM, .open, .permissionDenied, false),
        (EBUSY, .selectTarget, .addressBusy, false),
        (EOPNOTSUPP, .readBlock, .unsupportedTransfer, false),
        (ENOTTY, .selectTarget, .other, false),
    ])
    func errnoIsClassified(errno: Int32, operation: I2COperation, kind: I2CErrorKind, recoverable: Bool) {
        let error = I2CError(bus: "/dev/i2c-1", address: 0x68, register: 0x3B, operation: operation, errno: errno)
        #expect(error.kind == kind)
        #expect(error.isRecoverableSensorFault == recoverable)
    }

    @Test func permissionErrorTellsHowToJoinTheI2CGroup() {
        let error = I2CError(bus: "/dev/i2c-1", operation: .open, errno: EACCES)
        #expect(error.fix.contains("sudo usermod -aG i2c $USER"))
        #expect(error.fix.contains("log in again"))
        #expect(error.message.contains("Permission denied"))
    }

    @Test func missingBusTellsHowToEnableI2C() {
        let error = I2CError(bus: "/dev/i2c-1", operation: .open, errno: ENOENT)
        #expect(error.fix.contains("sudo raspi-config"))
        #expect(error.fix.contains("Interface Options → I2C"))
        #expect(error.fix.contains("dtparam=i2c_arm=on"))
        #expect(error.fix.contains("/boot/firmware/config.txt"))
    }

    @Test func messageNamesTheOperationAddressRegisterAndErrno() {
        let error = I2CError(bus: "/dev/i2c-1", address: 0x69, register: 0x3B, operation: .readBlock, errno: EREMOTEIO)
        #expect(error.message.contains("I2C block read at 0x69 register 0x3B on /dev/i2c-1"))
        #expect(error.message.contains("Remote I/O error"))
        #expect(error.message.contains("errno \(EREMOTEIO)"))
        #expect(error.fix.contains("i2cdetect -y 1"))
        #expect(error.description.contains(error.fix))
    }
}

@Suite struct LinuxI2CBusTests {
    @Test func missingBusThrowsENOENTWithTheRaspiConfigFix() {
        let error = i2cError { _ = try LinuxI2CBus(number: 99) }
        #expect(error?.errno == ENOENT)
        #expect(error?.operation == .open)
        #expect(error?.bus == "/dev/i2c-99")
        #expect(error?.kind == .busMissing)
        #expect(error?.fix.contains("raspi-config") == true)
    }

    /// /dev/null opens but refuses the i2c-dev ioctl: the real ioctl's errno comes back, with the address.
    @Test func ioctlFailureKeepsErrnoAndAddress() throws {
        let bus = try LinuxI2CBus(path: "/dev/null")
        let error = i2cError { _ = try bus.readByte(address: 0x68, register: 0x75) }
        #expect(error?.operation == .selectTarget)
        #expect(error?.errno == ENOTTY)
        #expect(error?.address == 0x68)
        #expect(error?.isRecoverableSensorFault == false)
    }
}

@Suite struct I2CAdapterListTests {
    @Test func listsDeviceNodesWithTheirSysfsNames() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("i2c-list-\(UUID().uuidString)")
        let dev = root.appendingPathComponent("dev"), sys = root.appendingPathComponent("sys")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: dev, withIntermediateDirectories: true)
        for name in ["i2c-10", "i2c-1", "i2c-x", "ttyS0"] {
            _ = FileManager.default.createFile(atPath: dev.appendingPathComponent(name).path, contents: Data())
        }
        let named = sys.appendingPathComponent("i2c-1")
        try FileManager.default.createDirectory(at: named, withIntermediateDirectories: true)
        try "bcm2835 (i2c@7e804000)\n".write(to: named.appendingPathComponent("name"), atomically: true, encoding: .utf8)

        let buses = I2CAdapterList.present(deviceDirectory: dev.path, sysfsDirectory: sys.path)

        #expect(buses.map(\.number) == [1, 10])
        #expect(buses.first?.devicePath == dev.path + "/i2c-1")
        #expect(buses.first?.adapterName == "bcm2835 (i2c@7e804000)")
        #expect(buses.last?.adapterName == nil)
        #expect(buses.allSatisfy { $0.isAccessible })
    }

    @Test func missingDirectoryListsNothing() {
        #expect(I2CAdapterList.present(deviceDirectory: "/nonexistent-dev-dir").isEmpty)
    }
}
