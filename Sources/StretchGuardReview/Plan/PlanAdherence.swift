import Foundation
import StretchGuardConfig
import StretchGuardStore

/// How one plan has been kept up (`sessions --stats`): its sessions per ISO week against the plan's
/// `sessions_per_week`, each exercise's hold target before each session and for the next one (with the
/// progression rules' reason), and the "stop / it hurts" presses on that timeline.
///
/// Weeks are ISO 8601 weeks (Monday first) in the wearer's time zone, from the plan's first session's
/// week through the current one. The first week's prescription is pro rata from the first session's day
/// (a plan begun on a Saturday asks for 2/7 of a week's sessions, rounded up). The overall share counts
/// at most the prescribed sessions per week (extra sessions in one week do not make up for another) over
/// the weeks that are over, and the current week once its prescription is met.
public struct PlanAdherence: Sendable, Equatable {
    /// One ISO week of the plan.
    public struct Week: Sendable, Equatable {
        /// The ISO week-numbering year and week number (1…53).
        public var year: Int
        public var week: Int
        /// Monday 00:00 of the week.
        public var start: Date
        /// Sessions of the plan started that week.
        public var sessions: Int
        /// Sessions the plan asks for that week.
        public var prescribed: Int
        /// Whether the week has ended.
        public var isOver: Bool
    }

    /// One exercise's hold target before one session.
    public struct TargetPoint: Sendable, Equatable {
        /// The session's id; nil for the next session (not yet recorded).
        public var session: Int64?
        /// The session's start (for the next session: the report's present).
        public var date: Date
        /// The hold target, in s, its change from the previous session's, and the reason in words.
        public var target: Double
        public var change: PlanTarget.Change
        public var reason: String
    }

    /// One exercise's targets over time.
    public struct Exercise: Sendable, Equatable {
        /// The exercise's profile name.
        public var profile: String
        /// Its target before each session, oldest first, and last the next session's.
        public var targets: [TargetPoint]
    }

    /// A "stop / it hurts" press during one of the plan's exercises.
    public struct PainMarker: Sendable, Equatable {
        /// The session's id and start.
        public var session: Int64
        public var date: Date
        /// The exercise's profile name.
        public var exercise: String
    }

    /// The plan's name.
    public var name: String
    /// The plan's `sessions_per_week`.
    public var sessionsPerWeek: Int
    /// Sessions started with the plan.
    public var sessions: Int
    /// Every week from the first session's through the current one.
    public var weeks: [Week]
    /// The share of the prescribed sessions done (0…1; nil while no week counts yet).
    public var adherence: Double?
    /// Each exercise's target progression, in the plan's order.
    public var exercises: [Exercise]
    /// The pain markers, oldest first.
    public var painMarkers: [PainMarker]

    /// A plan's adherence.
    ///
    /// - Parameters:
    ///   - plan: the plan (as last run).
    ///   - sessions: its sessions, oldest first.
    ///   - records: each session's record for the progression rules (``PlanHistory``), in the same order.
    ///   - now: the present (the current week; the next session's date).
    ///   - timeZone: the wearer's time zone (where days and weeks begin).
    public init(plan: ExercisePlan, sessions: [StoredSession], records: [PlanSessionRecord], now: Date,
                timeZone: TimeZone) {
        precondition(sessions.count == records.count, "one record per session")
        var calendar = Calendar(identifier: .iso8601)
        calendar.timeZone = timeZone
        name = plan.name
        sessionsPerWeek = plan.sessionsPerWeek
        self.sessions = sessions.count
        let firstDay = sessions.first.map { calendar.startOfDay(for: $0.startDate) }
        weeks = AdherenceStats(sessions: sessions, now: now, timeZone: timeZone).weeks.map { week in
            let end = calendar.date(byAdding: .day, value: 7, to: week.start) ?? week.start
            var prescribed = plan.sessionsPerWeek
            if let firstDay, firstDay > week.start, firstDay < end {
                let days = calendar.dateComponents([.day], from: firstDay, to: end).day ?? 7
                prescribed = Int((Double(plan.sessionsPerWeek * days) / 7).rounded(.up))
            }
            return Week(year: week.year, week: week.week, start: week.start, sessions: week.sessions,
                        prescribed: prescribed, isOver: end <= now)
        }
        let counted = weeks.filter { $0.isOver || $0.sessions >= $0.prescribed }
        let asked = counted.reduce(0) { $0 + $1.prescribed }
        adherence = counted.isEmpty || asked == 0 ? nil
            : Double(counted.reduce(0) { $0 + min($1.sessions, $1.prescribed) }) / Double(asked)

        let progression = PlanProgression(plan: plan, calendar: calendar)
        exercises = plan.exercises.indices.map { index in
            let timeline = progression.timeline(exerciseIndex: index, history: records, next: now)
            let points = timeline.enumerated().map { number, target in
                TargetPoint(session: number < sessions.count ? sessions[number].id : nil,
                            date: number < sessions.count ? sessions[number].startDate : now,
                            target: target.target, change: target.change, reason: target.reason)
            }
            return Exercise(profile: plan.exercises[index].name, targets: points)
        }
        painMarkers = zip(sessions, records).flatMap { session, record in
            record.exercises.filter(\.painMarker).map {
                PainMarker(session: session.id, date: session.startDate, exercise: $0.profile)
            }
        }
    }

    /// Every plan with sessions in `store`, by name; each read with the text its latest session ran.
    ///
    /// - Parameters:
    ///   - library: where the plans' profiles are found.
    ///   - now: the present. Default: now.
    ///   - timeZone: the wearer's time zone. Default: the system's.
    /// - Returns: the plans, and a sentence for each plan whose stored text cannot be read (left out).
    /// - Throws: the store's errors.
    public static func all(in store: SessionStore, library: ProfileLibrary, now: Date = Date(),
                           timeZone: TimeZone = .current) throws(StoreError) -> (plans: [PlanAdherence], problems: [String]) {
        let all = try store.sessions()
        let names = Set(all.compactMap { $0.info.plan?.name }).sorted()
        var plans: [PlanAdherence] = []
        var problems: [String] = []
        for name in names {
            let sessions = PlanHistory.sessions(named: name, in: all)
            guard let latest = sessions.last, let stored = latest.info.plan else { continue }
            let plan: ExercisePlan
            do {
                plan = try PlanFile.parse(stored.definition, path: name + ".yaml", profiles: library)
            } catch {
                problems.append("plan \(name) (as session \(latest.id) ran it) cannot be read: \(error.problem); "
                    + "\(error.fix) — its adherence is left out")
                continue
            }
            var records: [PlanSessionRecord] = []
            for session in sessions { records.append(try PlanHistory.record(of: plan, session: session, in: store)) }
            plans.append(PlanAdherence(plan: plan, sessions: sessions, records: records, now: now, timeZone: timeZone))
        }
        return (plans, problems)
    }
}
