import Glibc
import StretchGuardCore
import StretchGuardHardware
import Testing

@Suite struct SimulatedBusFaultTests {
    @Test func nobodyAtAnAddressIsANack() {
        let rig = SimulatedRig()
        let error = i2cError { _ = try rig.bus.readByte(address: 0x6B, register: 0x0F) }
        #expect(error?.errno == EREMOTEIO)
        #expect(error?.kind == .noAcknowledge)
        #expect(error?.bus == "test-bus")
    }

    @Test func nackingChipFailsUntilCleared() throws {
        let rig = SimulatedRig()
        rig.addMPU(at: 0x68)
        rig.addMPU(at: 0x69)
        rig.bus.setNotAcknowledging(0x68)

        let error = i2cError { _ = try rig.bus.readByte(address: 0x68, register: 0x75) }
        #expect(error?.kind == .noAcknowledge)
        #expect(error?.address == 0x68 && error?.register == 0x75 && error?.operation == .readByte)
        #expect(try rig.bus.readByte(address: 0x69, register: 0x75) == 0x68)

        rig.bus.setNotAcknowledging(0x68, false)
        #expect(try rig.bus.readByte(address: 0x68, register: 0x75) == 0x68)
    }

    @Test func ioErrorsOnTheNextTransfersThenRecovery() throws {
        let rig = SimulatedRig()
        rig.addMPU(at: 0x68)
        rig.bus.failNextTransfers(2, errno: EIO, address: 0x68)

        for _ in 0..<2 {
            let error = i2cError { _ = try rig.bus.readBlock(address: 0x68, register: 0x3B, count: 14) }
            #expect(error?.errno == EIO)
            #expect(error?.kind == .transferFailed)
            #expect(error?.isRecoverableSensorFault == true)
        }
        #expect(try rig.bus.readByte(address: 0x68, register: 0x75) == 0x68)
    }

    @Test func failuresForOneAddressLeaveTheOtherAlone() throws {
        let rig = SimulatedRig()
        rig.addMPU(at: 0x68)
        rig.addMPU(.mpu6500, at: 0x69)
        rig.bus.failNextTransfers(1, errno: ETIMEDOUT, address: 0x69)

        #expect(try rig.bus.readByte(address: 0x68, register: 0x75) == 0x68)
        #expect(i2cError { _ = try rig.bus.readByte(address: 0x69, register: 0x75) }?.kind == .busTimeout)
        #expect(try rig.bus.readByte(address: 0x69, register: 0x75) == 0x70)
    }

    @Test func chipDisappearsAfterTransfersAndReturnsReset() throws {
        let rig = SimulatedRig()
        let chip = rig.addMPU(at: 0x68)
        try rig.bus.writeByte(0x01, address: 0x68, register: 0x6B)  // awake
        rig.bus.disconnect(0x68, afterTransfers: 2, returningAfter: 3)

        _ = try rig.bus.readByte(address: 0x68, register: 0x75)
        _ = try rig.bus.readByte(address: 0x68, register: 0x75)
        for _ in 0..<3 {
            #expect(i2cError { _ = try rig.bus.readByte(address: 0x68, register: 0x75) }?.kind == .noAcknowledge)
        }
        #expect(try rig.bus.readByte(address: 0x68, register: 0x6B) == 0x40)  // back, asleep after power-on
        #expect(chip.peek(0x6B) == 0x40)
    }

    @Test func chipDisappearsAndReturnsOnCommand() throws {
        let rig = SimulatedRig()
        rig.addMPU(at: 0x68)
        rig.bus.disconnect(0x68)
        for _ in 0..<10 {
            #expect(i2cError { _ = try rig.bus.readByte(address: 0x68, register: 0x75) }?.errno == EREMOTEIO)
        }
        rig.bus.reconnect(0x68)
        #expect(try rig.bus.readByte(address: 0x68, register: 0x75) == 0x68)
    }

    @Test func wordTransfersAreLowByteFirst() throws {
        let rig = SimulatedRig()
        let image = SimulatedRegisterImage([0x10: 0x34, 0x11: 0x12])
        rig.bus.attach(image, at: 0x50)
        #expect(try rig.bus.readWord(address: 0x50, register: 0x10) == 0x1234)
        try rig.bus.writeWord(0xBEEF, address: 0x50, register: 0x20)
        #expect(image[0x20] == 0xEF && image[0x21] == 0xBE)
    }

    @Test func blockTransfersMoveConsecutiveRegisters() throws {
        let rig = SimulatedRig()
        let image = SimulatedRegisterImage()
        rig.bus.attach(image, at: 0x50)
        try rig.bus.writeBlock(I2CBlock([1, 2, 3, 4]), address: 0x50, register: 0x40)
        #expect(Array(try rig.bus.readBlock(address: 0x50, register: 0x3F, count: 6)) == [0, 1, 2, 3, 4, 0])
        #expect(rig.bus.writes.last == SimulatedI2CWrite(address: 0x50, register: 0x40, bytes: [1, 2, 3, 4]))
    }
}
