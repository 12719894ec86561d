import StretchGuardGPIO
import Testing

@Suite("Chip and line addressing, and the errors that name the fix")
struct GPIOLookupTests {
    @Test(arguments: [
        ("/dev/gpiochip0", GPIOChipAddress.path("/dev/gpiochip0")),
        ("gpiochip0", .name("gpiochip0")),
        ("4", .name("gpiochip4")),
        ("pinctrl-bcm2711", .label("pinctrl-bcm2711")),
    ])
    func chipAddressesParseLikeLibgpiodTools(text: String, address: GPIOChipAddress) {
        #expect(GPIOChipAddress(text) == address)
        #expect(address.description == (text == "4" ? "gpiochip4" : text))
    }

    @Test func lineAddressesParseAsOffsetOrName() {
        #expect(GPIOLineAddress("17") == .offset(17))
        #expect(GPIOLineAddress("GPIO17") == .name("GPIO17"))
        #expect(GPIOLineAddress("-1") == .name("-1"))
    }

    @Test(arguments: [GPIOChipAddress.name("gpiochip1"), .label("pinctrl-rp1"), .path("/dev/gpiochip1")])
    func chipsOpenByNameLabelOrPath(address: GPIOChipAddress) throws {
        let gpio = SimulatedGPIO(chips: [.raspberryPi(), .raspberryPi(name: "gpiochip1", label: "pinctrl-rp1")])
        let chip = try gpio.openChip(address)
        #expect(chip.info == GPIOChipInfo(name: "gpiochip1", label: "pinctrl-rp1", path: "/dev/gpiochip1", lineCount: 58))
    }

    @Test func aMissingChipNamesItselfTheChipsFoundAndTheConfigKey() throws {
        let gpio = SimulatedGPIO(chips: [.raspberryPi(), SimulatedGPIO.ChipSpec(name: "gpiochip1", label: "raspberrypi-exp-gpio",
                                                                                 lineCount: 8)])
        let error = #expect(throws: GPIOError.self) { try gpio.openChip(.label("pinctrl-rp1")) }
        guard case .chipNotFound(.label("pinctrl-rp1"), let available)? = error else {
            Issue.record("unexpected \(String(describing: error))")
            return
        }
        #expect(available.map(\.name) == ["gpiochip0", "gpiochip1"])
        #expect(error?.description == "no GPIO chip 'pinctrl-rp1' (found: gpiochip0 [pinctrl-bcm2711] (58 lines), "
            + "gpiochip1 [raspberrypi-exp-gpio] (8 lines)); is this a Raspberry Pi? check `gpio.chip` in the hardware config")
    }

    @Test func linesAreFoundByNameOrOffset() throws {
        let chip = try SimulatedGPIO().openChip(.name("gpiochip0"))
        #expect(try chip.offset(of: .name("GPIO17")) == 17)
        #expect(try chip.offset(of: .offset(57)) == 57)
        #expect(try chip.lineInfo(offset: 4).name == "GPIO4")
    }

    @Test func anUnknownLineNameNamesTheChipAndHowToListItsLines() throws {
        let chip = try SimulatedGPIO().openChip(.name("gpiochip0"))
        let error = #expect(throws: GPIOError.self) { try chip.requestOutput(.name("GPIO99"), settings: .init()) }
        #expect(error == .lineNotFound(.name("GPIO99"), chip: "gpiochip0", lineCount: 58))
        #expect(error?.description.contains("no line named 'GPIO99' on gpiochip0") == true)
        #expect(error?.description.contains("gpioinfo gpiochip0") == true)
    }

    @Test(arguments: [58, -1])
    func anOffsetOutOfRangeSaysTheRange(offset: Int) throws {
        let chip = try SimulatedGPIO().openChip(.name("gpiochip0"))
        let error = #expect(throws: GPIOError.self) { try chip.requestEdges(.offset(offset), settings: .init()) }
        #expect(error?.description.hasPrefix("line \(offset) is out of range on gpiochip0 (it has 58 lines: 0–57)") == true)
    }

    @Test func aBusyLineNamesItsHolder() throws {
        let gpio = SimulatedGPIO()
        gpio.claim(.offset(4), consumer: "w1-gpio")
        let chip = try gpio.openChip(.name("gpiochip0"))
        let error = #expect(throws: GPIOError.self) { try chip.requestOutput(.offset(4), settings: .init()) }
        #expect(error == .lineBusy(line: "GPIO4 (line 4 of gpiochip0)", consumer: "w1-gpio"))
        #expect(error?.description.hasPrefix("GPIO4 (line 4 of gpiochip0) is busy: held by 'w1-gpio'") == true)
        #expect(GPIOError.lineBusy(line: "GPIO4", consumer: nil).description
            .contains("held by another program or kernel driver"))
    }

    @Test func aLineHeldByThisProgramIsBusyUntilReleased() throws {
        let chip = try SimulatedGPIO().openChip(.name("gpiochip0"))
        let first = try chip.requestOutput(.name("GPIO18"), settings: .init())
        #expect(throws: GPIOError.lineBusy(line: "GPIO18 (line 18 of gpiochip0)", consumer: "stretchguard")) {
            try chip.requestEdges(.offset(18), settings: .init())
        }
        first.release()
        _ = try chip.requestEdges(.offset(18), settings: .init())
    }

    @Test func permissionDeniedSaysHowToJoinTheGpioGroup() throws {
        let gpio = SimulatedGPIO()
        gpio.denyAccess(toChip: "gpiochip0")
        let error = #expect(throws: GPIOError.self) { try gpio.openChip(.name("gpiochip0")) }
        #expect(error == .permissionDenied(path: "/dev/gpiochip0"))
        #expect(error?.description == "cannot open '/dev/gpiochip0': permission denied; add yourself to the gpio group: "
            + "sudo usermod -aG gpio $USER, then log in again")
    }

    @Test func aClosedChipRefusesLookupsButItsLinesKeepWorking() throws {
        let gpio = SimulatedGPIO()
        let chip = try gpio.openChip(.name("gpiochip0"))
        let output = try chip.requestOutput(.offset(18), settings: .init())
        chip.close()
        #expect(throws: GPIOError.closed("GPIO chip gpiochip0")) { try chip.offset(of: .offset(1)) }
        try output.setActive(true)
        #expect(gpio.isHigh(.offset(18)))
    }
}
