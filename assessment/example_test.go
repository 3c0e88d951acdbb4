package assessment_test

import (
	"fmt"

	"github.com/peopleandcommunities/engage/assessment"
	"github.com/peopleandcommunities/engage/indicator"
	"github.com/peopleandcommunities/engage/measure"
	"github.com/peopleandcommunities/engage/principle"
)

// A small fictional place: one survey result below England's, and lay members at two of the
// four programme levels.
func ExampleAssess() {
	date := func(s string) measure.Date { d, _ := measure.ParseDate(s); return d }
	year := measure.Period{Start: date("2024-04-01"), End: date("2025-03-31"), Label: "2024/25"}
	in := assessment.Input{
		Title:  "Fictional Example ICB",
		Area:   "QYG",
		Period: year,
		AsOf:   date("2025-07-31"),
		Observations: []measure.Observation{{
			ID: "involvement-2024-25", Measure: "experience-of-care", Part: "involvement-in-decisions",
			Area: "QYG", Period: year, Value: 0.86,
			Limits:    &measure.Limits{Level: 0.95, Lower: 0.837, Upper: 0.880},
			Benchmark: &measure.Benchmark{Kind: measure.BenchmarkNational, Label: "England", Value: 0.90},
			Method:    measure.Method{Statistic: "proportion"}, Source: "A fictional survey",
		}},
		Evidence: indicator.EvidenceSet{LayInvolvement: []indicator.LayInvolvement{
			{EvidenceRecord: indicator.EvidenceRecord{ID: "board", Title: "Lay member of the programme board"},
				Programme: "Urgent care", Level: indicator.LevelLeadership, Roles: []indicator.LayRole{indicator.LayLeader},
				Members: 1, Start: date("2023-01-01")},
			{EvidenceRecord: indicator.EvidenceRecord{ID: "task-group", Title: "Experts by experience on the task group"},
				Programme: "Urgent care", Level: indicator.LevelRedesign, Roles: []indicator.LayRole{indicator.ExpertByExperience},
				Members: 3, Start: date("2024-06-01")},
		}},
	}
	sc, err := assessment.Assess(in)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, p := range sc.Principles[:2] {
		fmt.Printf("Principle %d: %s\n", p.Number, p.Status)
		for _, m := range p.Measures {
			if m.Status == assessment.NoEvidence {
				continue
			}
			fmt.Printf("  %s: %s\n", m.Measure, m.Status)
			for _, f := range m.Findings {
				fmt.Println("   ", f.Text)
			}
		}
	}
	// Output:
	// Principle 1: concern
	//   experience-of-care: concern
	//     Involvement in decisions, 2024/25: 86.0 % (95 % CI 83.7 % to 88.0 %), significantly worse than England at 90.0 %.
	// Principle 2: concern
	//   experience-of-care: concern
	//     Involvement in decisions, 2024/25: 86.0 % (95 % CI 83.7 % to 88.0 %), significantly worse than England at 90.0 %.
	//   groups-report-partnership: concern
	//     Lay involvement was in place at 2 of the four programme levels; the framework asks for all four. Missing: governance; planning and steering groups.
	//   lay-leaders-make-a-difference: concern
	//     Lay involvement was in place at 2 of the four programme levels; the framework asks for all four. Missing: governance; planning and steering groups.
}

// The rules are fixed sentences a board can read.
func ExamplePrincipleRule() {
	for _, s := range []assessment.Status{assessment.Concern, assessment.Partial, assessment.Good} {
		fmt.Println(assessment.PrincipleRule(s))
	}
	// Output:
	// Concern: at least one of the principle's measures of success is a concern.
	// Partly evidenced: no measure of success is a concern or mixed, and at least one has no current evidence.
	// Good: every measure of success has current evidence, none is a concern or mixed, and at least one is good.
}

// The checklist of the statutory guidance's ten key actions, from a single record.
func ExampleScorecard_actions() {
	date := func(s string) measure.Date { d, _ := measure.ParseDate(s); return d }
	in := assessment.Input{
		Period: measure.Period{Start: date("2024-04-01"), End: date("2025-03-31")},
		AsOf:   date("2025-04-30"),
		Evidence: indicator.EvidenceSet{Documents: []indicator.Document{{
			EvidenceRecord: indicator.EvidenceRecord{ID: "phb-offer", Title: "Published personal health budget offer",
				Actions: []principle.Action{principle.PromotePersonalHealthBudgets}},
			Date: date("2024-05-01"),
		}}},
	}
	sc, err := assessment.Assess(in)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, a := range sc.Actions[:3] {
		fmt.Printf("%2d %-12s %v\n", a.Number, a.Status, len(a.Evidence))
	}
	fmt.Println(sc.Summary.Actions, "of 10 evidenced")
	// Output:
	//  1 no-evidence  0
	//  2 evidenced    1
	//  3 no-evidence  0
	// 1 of 10 evidenced
}
