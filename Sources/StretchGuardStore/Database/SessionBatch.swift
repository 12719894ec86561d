import StretchGuardCore

/// What one commit adds to a session: sample blocks, events, markers and gaps, written in one transaction.
public struct SessionBatch: Sendable {
    /// Raw sample blocks, in recording order.
    public var blocks: [SampleBlock]
    /// Form events.
    public var events: [FormEvent]
    /// The wearer's markers.
    public var markers: [SessionMarker]
    /// Stretches of missing samples.
    public var gaps: [SessionGap]
    /// Makes a session begun with one sensor a two-sensor session with this pelvis sensor (its blocks from
    /// this batch on may carry pelvis counts); nil changes nothing. A session that has a pelvis keeps it.
    public var pelvis: PelvisSensorInfo?

    /// A batch.
    public init(blocks: [SampleBlock] = [], events: [FormEvent] = [], markers: [SessionMarker] = [],
                gaps: [SessionGap] = [], pelvis: PelvisSensorInfo? = nil) {
        self.blocks = blocks
        self.events = events
        self.markers = markers
        self.gaps = gaps
        self.pelvis = pelvis
    }

    /// Whether there is nothing to write.
    public var isEmpty: Bool { blocks.isEmpty && events.isEmpty && markers.isEmpty && gaps.isEmpty && pelvis == nil }

    /// Samples in the blocks.
    public var sampleCount: Int { blocks.reduce(0) { $0 + $1.count } }
}
