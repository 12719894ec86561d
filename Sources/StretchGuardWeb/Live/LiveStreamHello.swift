import StretchGuardCore

/// The first frame of the live stream (`GET /api/live/ws`): what does not change during the session — its
/// recording, its exercise profile and the thresholds the page draws on its traces (degrees, s).
///
/// Keys: `type` (`"hello"`), `session_id` (null when not recorded), `profile`, `twist_warning_deg`,
/// `twist_alert_deg`, `hold_enter_deg` (the bend where a hold position begins), `hold_position` (`any`,
/// `flexion`, `extension`, `side_bend`), `hold_target_s`.
struct LiveStreamHello: Encodable {
    var type = "hello"
    var session_id: Int64?
    var profile: String
    var twist_warning_deg: Double, twist_alert_deg: Double
    var hold_enter_deg: Double, hold_position: String, hold_target_s: Double

    init(_ feed: LiveFeed) {
        session_id = feed.session
        profile = feed.profile.name
        twist_warning_deg = LiveSnapshotJSON.round(feed.profile.twist.warningAngle / degree, 2)
        twist_alert_deg = LiveSnapshotJSON.round(feed.profile.twist.alertAngle / degree, 2)
        hold_enter_deg = LiveSnapshotJSON.round(feed.profile.hold.enterAngle / degree, 2)
        hold_position = feed.profile.hold.position.rawValue
        hold_target_s = feed.profile.hold.target
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(type, forKey: .type)
        try c.encode(session_id, forKey: .session_id)  // null, not absent, when not recorded
        try c.encode(profile, forKey: .profile)
        try c.encode(twist_warning_deg, forKey: .twist_warning_deg)
        try c.encode(twist_alert_deg, forKey: .twist_alert_deg)
        try c.encode(hold_enter_deg, forKey: .hold_enter_deg)
        try c.encode(hold_position, forKey: .hold_position)
        try c.encode(hold_target_s, forKey: .hold_target_s)
    }

    enum CodingKeys: String, CodingKey {
        case type, session_id, profile, twist_warning_deg, twist_alert_deg, hold_enter_deg, hold_position, hold_target_s
    }
}
