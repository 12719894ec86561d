/// What the kernel says about a GPIO chip.
public struct GPIOChipInfo: Sendable, Hashable, CustomStringConvertible {
    /// The kernel's name: "gpiochip0".
    public var name: String
    /// The label: "pinctrl-bcm2711".
    public var label: String
    /// The device path it is opened by: "/dev/gpiochip0".
    public var path: String
    /// How many lines it has; valid offsets are `0 ..< lineCount`.
    public var lineCount: Int

    public init(name: String, label: String, path: String, lineCount: Int) {
        self.name = name
        self.label = label
        self.path = path
        self.lineCount = lineCount
    }

    /// "gpiochip0 [pinctrl-bcm2711] (58 lines)", as `gpiodetect` prints it.
    public var description: String { "\(name) [\(label)] (\(lineCount) lines)" }
}

/// What the kernel says about one line, now.
public struct GPIOLineInfo: Sendable, Hashable {
    /// The line's offset on its chip.
    public var offset: Int
    /// The line's name ("GPIO17"), nil when it has none.
    public var name: String?
    /// Who holds the line ("stretchguard", "gpio-keys"), nil when free or when the holder gave no name.
    public var consumer: String?
    /// Whether anyone (a process or a kernel driver) holds the line.
    public var isUsed: Bool
    /// Whether the line is configured as an output.
    public var isOutput: Bool
    /// Whether the line is configured active-low.
    public var isActiveLow: Bool

    public init(offset: Int, name: String? = nil, consumer: String? = nil, isUsed: Bool = false,
                isOutput: Bool = false, isActiveLow: Bool = false) {
        self.offset = offset
        self.name = name
        self.consumer = consumer
        self.isUsed = isUsed
        self.isOutput = isOutput
        self.isActiveLow = isActiveLow
    }

    /// "GPIO17 (line 17 of gpiochip0)", or "line 17 of gpiochip0" for an unnamed line.
    public func description(onChip chip: String) -> String {
        if let name { return "\(name) (line \(offset) of \(chip))" }
        return "line \(offset) of \(chip)"
    }
}
