/// The Raspberry Pi 40-pin header (Pi 2 and later, Zero, Zero 2 W, Pi 5): which physical pin carries
/// which GPIO, for messages such as "GPIO17 (pin 11)".
public enum RaspberryPiHeader {
    /// Physical pin (1…40) for each BCM GPIO number on the header.
    static let pinOfGPIO: [Int: Int] = [
        2: 3, 3: 5, 4: 7, 14: 8, 15: 10, 17: 11, 18: 12, 27: 13, 22: 15, 23: 16, 24: 18, 10: 19, 9: 21,
        25: 22, 11: 23, 8: 24, 7: 26, 0: 27, 1: 28, 5: 29, 6: 31, 12: 32, 13: 33, 19: 35, 16: 36, 26: 37,
        20: 38, 21: 40,
    ]

    /// The power and ground pins.
    static let powerPins: [Int: String] = [
        1: "3.3 V", 17: "3.3 V", 2: "5 V", 4: "5 V",
        6: "GND", 9: "GND", 14: "GND", 20: "GND", 25: "GND", 30: "GND", 34: "GND", 39: "GND",
    ]

    /// GPIOs with a job that a plain input/output would break, and the job.
    static let specialGPIOs: [Int: String] = [
        0: "the HAT ID EEPROM's I2C0 SDA", 1: "the HAT ID EEPROM's I2C0 SCL",
        2: "I2C1 SDA (the IMU's data line)", 3: "I2C1 SCL (the IMU's clock line)",
    ]

    /// The physical pin of `GPIO<gpio>`, or `nil` when that GPIO is not on the header.
    public static func pin(ofGPIO gpio: Int) -> Int? {
        pinOfGPIO[gpio]
    }

    /// The GPIO number on physical pin `pin`, or `nil` for power, ground or an out-of-range pin.
    public static func gpio(onPin pin: Int) -> Int? {
        pinOfGPIO.first { $0.value == pin }?.key
    }

    /// What physical pin `pin` carries: `GPIO17`, `3.3 V`, `GND`; `nil` outside 1…40.
    public static func function(ofPin pin: Int) -> String? {
        if let gpio = gpio(onPin: pin) { return "GPIO\(gpio)" }
        return powerPins[pin]
    }
}
