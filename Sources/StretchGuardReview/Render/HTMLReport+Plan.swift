extension HTMLReport {
    /// A plan session's "Plan" section (`#plan`): how the plan ended, the steps table (`#plan-steps`, one
    /// `tr.plan-step` per repetition, classed by its result), and one line per exercise (`#plan-exercises`).
    func planSection(_ page: inout SVGWriter, _ plan: PlanReview) {
        page.open("section", ["class": "panel", "id": "plan"])
        page.text("h2", "Plan \(plan.name)")
        page.text("p", PlanReviewText.ending(plan), ["class": "meta"])
        page.open("table", ["id": "plan-steps"])
        page.raw("<thead><tr><th>step</th><th>exercise</th><th>side</th><th>rep</th><th>target</th><th>held</th>"
            + "<th class=\"bar-col\">against the target</th><th>result</th><th>alerts</th></tr></thead>")
        page.open("tbody")
        for step in plan.steps {
            let result = PlanReviewText.result(step)
            page.open("tr", ["class": "plan-step " + result.split(separator: " ").joined(separator: "-")
                + (step.result == .done ? " reached" : "")])
            page.text("td", "\(step.number + 1)", ["class": "num"])
            page.text("td", step.profile)
            page.text("td", step.side ?? "–")
            page.text("td", "\(step.repetition) of \(step.repetitions)", ["class": "num"])
            page.text("td", ReviewFormat.decimal(step.target, 0) + " s", ["class": "num"])
            page.text("td", step.begun ? ReviewFormat.decimal(step.longestHold, 1) + " s" : "–", ["class": "num"])
            let share = step.begun ? min(1, step.longestHold / max(step.target, 1e-9)) * 100 : 0
            page.raw("<td class=\"bar-col\"><div class=\"bar\"><div class=\"fill\" style=\"width:\(ReviewFormat.decimal(share, 1))%\"></div></div>"
                + "<span class=\"bar-text\">\(ReviewFormat.decimal(share, 0))%</span></td>")
            let tone = step.result == .skipped ? "flag-twist" : step.result == .partly ? "flag-bounce" : ""
            page.text("td", result, tone.isEmpty ? [:] : ["class": tone])
            let alerts = PlanReviewText.alerts(step)
            page.text("td", alerts == "-" ? "–" : alerts, step.alerts > 0 || step.stopPresses > 0 ? ["class": "flag-twist"] : [:])
            page.close("tr")
        }
        page.close("tbody")
        page.close("table")
        page.open("ul", ["id": "plan-exercises"])
        for exercise in plan.exercises {
            page.text("li", PlanReviewText.exerciseLine(exercise))
        }
        page.close("ul")
        page.close("section")
    }
}
