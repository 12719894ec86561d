import StretchGuardConfig
import StretchGuardCore

extension SessionAnalysis {
    /// `recording` reviewed as it ran: with the profile it was recorded with (``SessionProfile``), or for a
    /// plan session with its plan — the first exercise's profile, the switches to the next exercises' and
    /// the plan's step-by-step review (the stored plan read once).
    ///
    /// - Parameters:
    ///   - library: where profiles are looked up by name.
    ///   - override: a profile name or file to judge the whole session by instead (no plan then).
    public static func reviewing(_ recording: SessionRecording, library: ProfileLibrary,
                                 override: String? = nil) throws(ReviewError) -> SessionAnalysis {
        if override == nil, let plan = try SessionPlanReplay.load(for: recording, library: library) {
            return try SessionAnalysis(recording: recording, profile: plan.opening, profileSwitches: plan.switches, plan: plan)
        }
        let profile = try SessionProfile.resolve(for: recording, library: library, override: override)
        return try SessionAnalysis(recording: recording, profile: profile)
    }
}
