import StretchGuardGPIO
import Testing

/// A simulated Pi with a button on GPIO17 to ground (active-low, pulled up) unless told otherwise.
struct ButtonRig {
    let gpio = SimulatedGPIO()
    let button: Button

    init(activeLow: Bool = true, bias: GPIOBias = .pullUp,
         settings: ButtonDebouncer.Settings = .init()) throws {
        let chip = try gpio.openChip(.name("gpiochip0"))
        button = try Button(chip: chip, line: TestLines.button, activeLow: activeLow, bias: bias, settings: settings)
    }

    /// Sets the button's physical level (true: high) at `time` s.
    func level(_ high: Bool, at time: Double) {
        gpio.setLevel(high, of: TestLines.button, at: time)
    }

    /// A press to ground at `time` s with contact bounce: `bounces` extra level flips 2 ms apart.
    func bouncyPress(at time: Double, bounces: Int = 4) {
        level(false, at: time)
        for index in 0..<bounces { level(index % 2 == 0, at: time + 0.002 * Double(index + 1)) }
        if bounces % 2 == 1 { level(false, at: time + 0.002 * Double(bounces + 1)) }
    }

    /// A bouncy release at `time` s.
    func bouncyRelease(at time: Double, bounces: Int = 4) {
        level(true, at: time)
        for index in 0..<bounces { level(index % 2 != 0, at: time + 0.002 * Double(index + 1)) }
        if bounces % 2 == 1 { level(true, at: time + 0.002 * Double(bounces + 1)) }
    }

    /// Waits for events until `end` s on the simulation clock; each event with the clock when handed over.
    func events(until end: Double) throws -> [(event: ButtonEvent, handedAt: Double)] {
        var events: [(ButtonEvent, Double)] = []
        while gpio.now < end {
            try button.waitForEvents(timeout: end - gpio.now) { events.append(($0, gpio.now)) }
        }
        return events
    }
}

@Suite("Button from kernel edges, debounced")
struct ButtonTests {
    @Test func bouncyEdgesMakeOnePressAndOneShortPressStampedAtTheFirstEdge() throws {
        let rig = try ButtonRig()
        #expect(!rig.button.isPressed)
        rig.bouncyPress(at: 1.0, bounces: 5)
        rig.bouncyRelease(at: 1.4, bounces: 3)
        let events = try rig.events(until: 3).map(\.event)
        let heldFor = 1.4 - 1.0
        #expect(events == [
            ButtonEvent(kind: .pressed, time: 1.0),
            ButtonEvent(kind: .released, time: 1.4, heldFor: heldFor),
            ButtonEvent(kind: .shortPress, time: 1.4, heldFor: heldFor),
        ])
    }

    @Test func thePressIsReportedOnceTheBouncesSettle() throws {
        let rig = try ButtonRig()
        rig.bouncyPress(at: 1.0, bounces: 4)  // last flip at 1.008; settles 20 ms later
        let events = try rig.events(until: 1.2)
        #expect(events.map(\.event.kind) == [.pressed])
        #expect(abs(events[0].handedAt - 1.028) < 1e-9)
        #expect(rig.button.isPressed)
    }

    @Test func aGlitchShorterThanTheDebounceIntervalIsIgnored() throws {
        let rig = try ButtonRig()
        rig.level(false, at: 1.0)
        rig.level(true, at: 1.005)
        let events = try rig.events(until: 2)
        #expect(events.isEmpty)
        #expect(!rig.button.isPressed)
    }

    @Test func aLongPressIsReportedWhileStillHeldAndIsNotAShortPress() throws {
        let rig = try ButtonRig()
        rig.bouncyPress(at: 1.0)
        rig.bouncyRelease(at: 4.0)
        let events = try rig.events(until: 5)
        #expect(events.map(\.event) == [
            ButtonEvent(kind: .pressed, time: 1.0),
            ButtonEvent(kind: .longPress, time: 3.0, heldFor: 2),
            ButtonEvent(kind: .released, time: 4.0, heldFor: 3),
        ])
        #expect(abs(events[1].handedAt - 3.0) < 1e-9, "the long press comes while the button is down")
    }

    @Test func theLongPressDurationIsConfigurable() throws {
        let rig = try ButtonRig(settings: .init(debounceInterval: 0.01, longPressDuration: 0.5))
        rig.level(false, at: 1.0)
        rig.level(true, at: 1.4)
        rig.level(false, at: 2.0)
        rig.level(true, at: 2.6)
        let kinds = try rig.events(until: 3).map(\.event.kind)
        #expect(kinds == [.pressed, .released, .shortPress, .pressed, .longPress, .released])
    }

    @Test(arguments: [(activeLow: true, bias: GPIOBias.pullUp, pressedLevel: false),
                      (activeLow: false, bias: GPIOBias.pullDown, pressedLevel: true)])
    func activeLowMapsThePressedLevel(activeLow: Bool, bias: GPIOBias, pressedLevel: Bool) throws {
        let rig = try ButtonRig(activeLow: activeLow, bias: bias)
        #expect(!rig.button.isPressed, "the pull resistor holds the released level")
        rig.level(pressedLevel, at: 1.0)
        rig.level(!pressedLevel, at: 1.5)
        let kinds = try rig.events(until: 2).map(\.event.kind)
        #expect(kinds == [.pressed, .released, .shortPress])
    }

    @Test func aButtonHeldAtStartIsIgnoredUntilReleased() throws {
        let gpio = SimulatedGPIO()
        gpio.setLevel(false, of: TestLines.button)  // held down (to ground) before the program starts
        let chip = try gpio.openChip(.name("gpiochip0"))
        let button = try Button(chip: chip, line: TestLines.button)
        #expect(button.isPressed)
        gpio.setLevel(true, of: TestLines.button, at: 3.0)
        gpio.setLevel(false, of: TestLines.button, at: 4.0)
        var kinds: [ButtonEvent.Kind] = []
        while gpio.now < 5 { try button.waitForEvents(timeout: 5 - gpio.now) { kinds.append($0.kind) } }
        #expect(kinds == [.pressed])
    }

    @Test func pollDoesNotWaitAndCloseReleasesTheLine() throws {
        let rig = try ButtonRig()
        var count = 0
        try rig.button.poll { _ in count += 1 }
        #expect(count == 0)
        #expect(rig.gpio.now == 0)
        #expect(rig.gpio.holder(of: TestLines.button) == "stretchguard")
        rig.button.close()
        rig.button.close()
        #expect(rig.gpio.holder(of: TestLines.button) == nil)
        #expect(throws: GPIOError.closed("the button")) { try rig.button.poll { _ in } }
    }
}

@Suite("Button debouncer on explicit times")
struct ButtonDebouncerTests {
    @Test func deadlinesPointAtTheSettleTimeThenAtTheLongPress() {
        var debouncer = ButtonDebouncer()
        var events: [ButtonEvent] = []
        #expect(debouncer.nextDeadline == nil)
        debouncer.edge(pressed: true, at: 1.0) { events.append($0) }
        debouncer.edge(pressed: false, at: 1.003) { events.append($0) }
        debouncer.edge(pressed: true, at: 1.006) { events.append($0) }
        #expect(debouncer.nextDeadline == 1.006 + 0.02)
        debouncer.advance(to: 1.02) { events.append($0) }
        #expect(events.isEmpty)
        debouncer.advance(to: 1.026) { events.append($0) }
        #expect(events == [ButtonEvent(kind: .pressed, time: 1.0)])
        #expect(debouncer.nextDeadline == 3.0)
    }

    @Test func anEdgeStampedBeforeTheLastAdvanceCountsAsThatLate() {
        var debouncer = ButtonDebouncer()
        var events: [ButtonEvent] = []
        debouncer.advance(to: 5.0) { events.append($0) }
        debouncer.edge(pressed: true, at: 4.99) { events.append($0) }
        debouncer.advance(to: 5.02) { events.append($0) }
        #expect(events == [ButtonEvent(kind: .pressed, time: 5.0)])
    }

    @Test func aLongPressNeverComesAfterTheReleaseStarted() {
        var debouncer = ButtonDebouncer(settings: .init(debounceInterval: 0.02, longPressDuration: 1))
        var events: [ButtonEvent] = []
        debouncer.edge(pressed: true, at: 0) { events.append($0) }
        debouncer.advance(to: 0.5) { events.append($0) }
        debouncer.edge(pressed: false, at: 0.99) { events.append($0) }
        debouncer.advance(to: 1.5) { events.append($0) }
        #expect(events.map(\.kind) == [.pressed, .released, .shortPress])
    }
}
