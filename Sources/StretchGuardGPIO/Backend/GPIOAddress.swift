/// Which GPIO chip to open, named the ways libgpiod users name one (`gpioinfo`, `gpioset`).
public enum GPIOChipAddress: Sendable, Hashable, CustomStringConvertible {
    /// The device path: "/dev/gpiochip0".
    case path(String)
    /// The kernel's name for the chip, which is its file name under /dev: "gpiochip0".
    case name(String)
    /// The chip's label, stable across boots and kernels: "pinctrl-bcm2711" (Raspberry Pi 4),
    /// "pinctrl-bcm2835" (Pi 3 and Zero), "pinctrl-rp1" (Pi 5).
    case label(String)

    /// Reads a chip as written in a config file or on the command line, as libgpiod's tools do: a path when
    /// it contains "/", a bare number N as "gpiochipN", a name when it starts with "gpiochip", else a label.
    public init(_ text: String) {
        if text.contains("/") {
            self = .path(text)
        } else if !text.isEmpty, text.allSatisfy(\.isASCIIDigit) {
            self = .name("gpiochip" + text)
        } else if text.hasPrefix("gpiochip") {
            self = .name(text)
        } else {
            self = .label(text)
        }
    }

    /// The address as written: the path, name or label.
    public var description: String {
        switch self {
        case .path(let text), .name(let text), .label(let text): return text
        }
    }

    /// Whether `chip` answers to this address.
    public func matches(_ chip: GPIOChipInfo) -> Bool {
        switch self {
        case .path(let path): return chip.path == path
        case .name(let name): return chip.name == name
        case .label(let label): return chip.label == label
        }
    }
}

/// Which line of a chip: by its offset on the chip, or by the name the device tree gives it.
public enum GPIOLineAddress: Sendable, Hashable, CustomStringConvertible {
    /// The line's offset on its chip (0-based; on a Raspberry Pi's main chip the BCM GPIO number).
    case offset(Int)
    /// The line's name: "GPIO17" on a Raspberry Pi.
    case name(String)

    /// Reads a line as written in a config file: a bare number is an offset, anything else a name.
    public init(_ text: String) {
        if !text.isEmpty, text.allSatisfy(\.isASCIIDigit), let offset = Int(text) {
            self = .offset(offset)
        } else {
            self = .name(text)
        }
    }

    /// The offset as a number, or the name.
    public var description: String {
        switch self {
        case .offset(let offset): return String(offset)
        case .name(let name): return name
        }
    }
}

extension Character {
    /// Whether this is one of 0–9 (not any Unicode digit).
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
