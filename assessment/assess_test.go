package assessment_test

import (
	"encoding/json"
	"errors"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/peopleandcommunities/engage/assessment"
	"github.com/peopleandcommunities/engage/indicator"
	"github.com/peopleandcommunities/engage/internal/field"
	"github.com/peopleandcommunities/engage/measure"
	"github.com/peopleandcommunities/engage/principle"
	"github.com/peopleandcommunities/engage/schemas"
)

func day(t testing.TB, s string) measure.Date {
	t.Helper()
	d, err := measure.ParseDate(s)
	if err != nil {
		t.Fatalf("ParseDate(%q): %v", s, err)
	}
	return d
}

func dayPtr(t testing.TB, s string) *measure.Date {
	d := day(t, s)
	return &d
}

func span(t testing.TB, start, end, label string) measure.Period {
	return measure.Period{Start: day(t, start), End: day(t, end), Label: label}
}

func f64(v float64) *float64 { return &v }

func rec(id, title string) indicator.EvidenceRecord {
	return indicator.EvidenceRecord{ID: id, Title: title}
}

func sexGroups(female, male int) []indicator.ParticipantGroup {
	return []indicator.ParticipantGroup{
		{Group: measure.Group{Dimension: "sex", Value: "female"}, Count: female},
		{Group: measure.Group{Dimension: "sex", Value: "male"}, Count: male},
	}
}

var allSteps = []indicator.FeedbackStep{indicator.StepAsked, indicator.StepListenedTo, indicator.StepInvolved, indicator.StepInformed}

// fictionalPlace is a made-up integrated care board, "Fictional Example ICB" (ODS code QYG),
// with a year of evidence built for these tests: ten observations and a dozen records. The
// comments in TestFictionalPlace derive every status of its scorecard by hand.
func fictionalPlace(t testing.TB) assessment.Input {
	y2324 := span(t, "2023-04-01", "2024-03-31", "2023/24")
	y2425 := span(t, "2024-04-01", "2025-03-31", "2024/25")
	src := "Fictional data built for the assessment package's tests"
	obs := []measure.Observation{
		{ID: "involvement-2023-24", Measure: "experience-of-care", Part: "involvement-in-decisions", Area: "QYG", Period: y2324,
			Value: 0.90, Numerator: f64(900), Denominator: f64(1000), Method: measure.Method{Statistic: "proportion"}, Source: src},
		{ID: "involvement-2024-25", Measure: "experience-of-care", Part: "involvement-in-decisions", Area: "QYG", Period: y2425,
			Value: 0.86, Numerator: f64(860), Denominator: f64(1000), Limits: &measure.Limits{Level: 0.95, Lower: 0.837, Upper: 0.880},
			Benchmark: &measure.Benchmark{Kind: measure.BenchmarkNational, Area: "E92000001", Label: "England", Value: 0.90},
			Method:    measure.Method{Statistic: "proportion", Interval: "wilson"}, Source: src, Published: dayPtr(t, "2025-07-10")},
		{ID: "pam-2024-25", Indicator: "patient-activation-measure", Area: "QYG", Period: y2425,
			Value: 58.2, Limits: &measure.Limits{Level: 0.95, Lower: 57.1, Upper: 59.3},
			Benchmark: &measure.Benchmark{Kind: measure.BenchmarkNational, Label: "England", Value: 56.0},
			Method:    measure.Method{Statistic: "pam-score", Interval: "student-t"}, Source: src},
		{ID: "gpps-care-plan-2024-25", Indicator: "gp-patient-survey", Area: "QYG", Period: span(t, "2025-01-01", "2025-03-31", "2025"),
			Value: 0.62, Limits: &measure.Limits{Level: 0.95, Lower: 0.60, Upper: 0.64},
			Benchmark: &measure.Benchmark{Kind: measure.BenchmarkNational, Label: "England", Value: 0.61},
			Method:    measure.Method{Statistic: "proportion"}, Source: src},
		{ID: "phb-rate-2024-25", Indicator: "personal-health-budgets-per-100000", Area: "E54000008", Period: y2425,
			Value: 212.5, Method: measure.Method{Statistic: "crude-rate"}, Source: src},
		{ID: "registration-2023-24", Indicator: "target-group-gp-registration", Area: "QYG", Period: y2324,
			Group: &measure.Group{Dimension: "deprivation-quintile", Value: "1"},
			Value: 0.70, Limits: &measure.Limits{Level: 0.95, Lower: 0.68, Upper: 0.72}, Method: measure.Method{Statistic: "proportion"}, Source: src},
		{ID: "registration-2024-25", Indicator: "target-group-gp-registration", Area: "QYG", Period: y2425,
			Group: &measure.Group{Dimension: "deprivation-quintile", Value: "1"},
			Value: 0.78, Limits: &measure.Limits{Level: 0.95, Lower: 0.76, Upper: 0.80},
			Benchmark: &measure.Benchmark{Kind: measure.BenchmarkNational, Label: "England", Value: 0.75},
			Method:    measure.Method{Statistic: "proportion"}, Source: src},
		{ID: "adult-carers-2024-25", Indicator: "survey-of-adult-carers", Area: "QYG", Period: y2425,
			Value: 0.41, Method: measure.Method{Statistic: "proportion"}, Source: src, Published: dayPtr(t, "2025-09-01")},
		{ID: "involvement-2025-q1", Measure: "experience-of-care", Part: "involvement-in-decisions", Area: "QYG",
			Period: span(t, "2025-04-01", "2025-06-30", "Q1 2025/26"), Value: 0.88, Numerator: f64(220), Denominator: f64(250),
			Method: measure.Method{Statistic: "proportion"}, Source: src, Published: dayPtr(t, "2025-07-20")},
		{ID: "volunteer-hours-2022-23", Indicator: "volunteer-hours", Area: "QYG", Period: span(t, "2022-04-01", "2023-03-31", "2022/23"),
			Value: 12000, Method: measure.Method{Statistic: "count"}, Source: src},
	}
	ev := indicator.EvidenceSet{
		Activities: []indicator.Activity{
			{EvidenceRecord: rec("stroke-redesign-workshop", "Stroke pathway redesign workshop"), Date: day(t, "2024-06-12"),
				Level: principle.ServicesLevel, Approach: indicator.ExperienceBasedCoDesign, Principles: []principle.Principle{principle.ServicesInPartnership},
				Redesign: true, Participants: indicator.Participants{Total: 40, Groups: sexGroups(20, 20)}, Feedback: allSteps,
				Experience: &indicator.ExperienceReport{Respondents: 30, Positive: 25}, Changes: "Early supported discharge at weekends"},
			{EvidenceRecord: rec("carers-forum", "Carers' forum on respite"), Date: day(t, "2024-10-01"),
				Level: principle.SystemLevel, Approach: indicator.CoProduction, Principles: []principle.Principle{principle.Carers},
				Participants: indicator.Participants{Total: 20, Groups: sexGroups(10, 10)}, Feedback: allSteps,
				Experience: &indicator.ExperienceReport{Respondents: 20, Positive: 18}, Changes: "Respite booking online and by phone"},
			{EvidenceRecord: rec("ucc-consultation", "Urgent care centre consultation"), Date: day(t, "2025-02-01"),
				Level: principle.SystemLevel, Approach: indicator.Consultation, Principles: []principle.Principle{principle.PersonCentredCare},
				Redesign: true, Participants: indicator.Participants{Total: 100},
				Feedback: []indicator.FeedbackStep{indicator.StepAsked, indicator.StepListenedTo}},
			{EvidenceRecord: rec("spring-listening-event", "Spring listening event"), Date: day(t, "2025-05-01"),
				Level: principle.ServicesLevel, Approach: indicator.Outreach, Principles: []principle.Principle{principle.EqualityAndInequalities},
				Participants: indicator.Participants{Total: 10}},
			{EvidenceRecord: rec("autumn-event", "Autumn event"), Date: day(t, "2025-09-01"),
				Level: principle.ServicesLevel, Approach: indicator.Outreach, Principles: []principle.Principle{principle.EqualityAndInequalities},
				Participants: indicator.Participants{Total: 10}},
		},
		LayInvolvement: []indicator.LayInvolvement{
			{EvidenceRecord: rec("board-lay-member", "Lay member of the programme board"), Programme: "Urgent care", Level: indicator.LevelLeadership,
				Roles: []indicator.LayRole{indicator.LayLeader}, Members: 1, Start: day(t, "2023-01-01")},
			{EvidenceRecord: rec("committee-lay-members", "Lay members of the assurance committee"), Programme: "Urgent care", Level: indicator.LevelGovernance,
				Roles: []indicator.LayRole{indicator.LayLeader}, Members: 2, Start: day(t, "2023-01-01")},
			{EvidenceRecord: rec("steering-group-carers", "Carers on the steering group"), Programme: "Urgent care", Level: indicator.LevelPlanning,
				Roles: []indicator.LayRole{indicator.CarerRole}, Members: 2, Start: day(t, "2024-04-01"), End: dayPtr(t, "2024-09-30")},
			{EvidenceRecord: rec("stroke-task-group", "Experts by experience on the stroke task group"), Programme: "Stroke", Level: indicator.LevelRedesign,
				Roles: []indicator.LayRole{indicator.ExpertByExperience}, Members: 3, Start: day(t, "2024-06-01")},
		},
		Partnerships: []indicator.Partnership{
			{EvidenceRecord: rec("healthwatch-agreement", "Agreement with Healthwatch"), Partner: "Healthwatch Example", Kind: indicator.PartnerHealthwatch, Signed: day(t, "2023-06-01")},
		},
		Training: []indicator.Training{
			{EvidenceRecord: rec("lay-leader-course", "Lay leadership course"), Date: day(t, "2024-10-10"), Audience: indicator.TrainedLayLeaders, Trained: 8},
			{EvidenceRecord: indicator.EvidenceRecord{ID: "staff-pcsp-training", Title: "Care and support planning training", Actions: []principle.Action{principle.WorkforceStrategy}},
				Date: day(t, "2025-03-01"), Audience: indicator.TrainedStaff, Trained: 40},
		},
		Documents: []indicator.Document{
			{EvidenceRecord: indicator.EvidenceRecord{ID: "inequalities-strategy", Title: "Health inequalities strategy adopting the Marmot principles",
				Indicators: []indicator.ID{"marmot-principles"}, Actions: []principle.Action{principle.AdvanceEquality}}, Date: day(t, "2023-05-01")},
			{EvidenceRecord: indicator.EvidenceRecord{ID: "old-jsna-chapter", Title: "Joint strategic needs assessment chapter on excluded groups",
				Indicators: []indicator.ID{"target-group-data"}}, Date: day(t, "2020-01-01"), Until: dayPtr(t, "2023-12-31")},
		},
		Community: []indicator.CommunityProfile{
			{ID: "sex-estimate", Area: "QYG", Dimension: "sex", Source: "Fictional population estimate built for tests",
				Groups: []indicator.CommunityGroup{{Value: "female", Count: 51000}, {Value: "male", Count: 49000}}},
		},
	}
	return assessment.Input{
		Title: "Fictional Example ICB", Area: "QYG", Period: y2425, AsOf: day(t, "2025-07-31"),
		Observations: obs, Evidence: ev,
		Options: assessment.Options{Targets: assessment.Targets{AuditTrail: f64(0.5), FeedbackLoop: f64(0.95)}},
	}
}

// TestFictionalPlace checks every status of the fictional place's scorecard against a hand
// derivation. The period is 2024/25, as of 31 July 2025; only area QYG is assessed.
//
// Left out: phb-rate-2024-25 observes E54000008; adult-carers-2024-25 was published on
// 1 September 2025, after the as-of day; involvement-2025-q1 is known by then but covers
// April to June 2025, after the period; autumn-event is dated after the as-of day.
//
// Findings from observations:
//
//   - involvement-2024-25 (experience-of-care, higher is better): its interval 0.837–0.880 lies
//     wholly below England's 0.90, so worse. Its series with involvement-2023-24 gives, by the
//     chi-squared test for trend, p̄ = 1760/2000 = 0.88, s̄ = 1.5, Σx(s − s̄) = −450 + 430 =
//     −20, Σn(s − s̄)² = 500, X² = 400 / (0.88 × 0.12 × 500) = 7.576, p = 0.0059 < 0.05, a
//     fall: worsening.
//   - pam-2024-25 (patient-activation-measure, whose only measure health-activation is higher
//     is better): 57.1–59.3 lies wholly above 56.0: better.
//   - gpps-care-plan-2024-25 (gp-patient-survey; its measures supported-to-attain-goals,
//     experience-of-care, access-to-care-planning, carers-quality-of-life are all higher is
//     better): 0.60–0.64 contains 0.61: similar.
//   - registration-2024-25 (target-group-gp-registration, whose only measure narrowing-the-gap
//     is an inequality measure; a proportion is not a gap, so no judgement): 0.76–0.80 lies
//     above 0.75: higher; against 2023/24 (0.68–0.72) the intervals do not overlap:
//     increasing. Both neutral.
//   - volunteer-hours-2022-23 is known but not current: volunteer-hours is out of date, with
//     no finding.
//
// Findings from the records, over 2024/25 (the as-of day is after the period's end):
//
//   - audit trail: three activities (the spring event is after the period); stroke and carers
//     are complete, ucc has no groups, experience or changes: 2 of 3 = 0.667, Wilson 95 %
//     0.2077–0.9385, which contains the target 0.5: similar (engagement-audit-trail).
//   - feedback loop: stroke and carers closed it, ucc did not: 2 of 3, whose interval lies
//     wholly below the target 0.95: worse (measure feedback-loop).
//   - co-production: two redesign activities, stroke (experience-based co-design) and ucc
//     (consultation): 1 of 2, no target: reported.
//   - lay involvement: leadership and governance since 2023, planning April–September 2024,
//     redesign since June 2024: all four levels: met.
//   - participants by sex: stroke 20 + 20, carers 10 + 10: 30 women and 30 men against a
//     community of 51,000 and 49,000. Wilson 95 % for 30 of 60 is 0.3774–0.6226; divided by
//     0.51 and 0.49 the ratios' intervals 0.740–1.221 and 0.770–1.271 both contain 1: in
//     proportion.
//
// Measures (favourable: better, improving, met; unfavourable: worse, worsening, not met,
// under-represented):
//
//   - Good: health-activation (better), groups-report-partnership (met; the rest neutral),
//     lay-leaders-make-a-difference (met).
//   - Concern: experience-of-care (worse, worsening; similar is neutral), feedback-loop (worse
//     against target; audit trail similar and co-production reported are neutral).
//   - Evidenced, with only neutral findings or none: supported-to-attain-goals,
//     access-to-care-planning, carers-quality-of-life (gp-patient-survey similar);
//     less-heard-groups-heard (audit trail similar, in proportion); narrowing-the-gap
//     (registration higher and increasing; marmot-principles reported); outreach-outcomes
//     (marmot-principles); voluntary-sector-experience-of-commissioning,
//     vcse-positive-about-relationships, vcse-represented-in-strategic-partnerships (the
//     Healthwatch agreement).
//   - No evidence: the other 21.
//
// Principles: 1 and 2 have a concern; 3 (excluded-groups-access-person-centred-care) and 4
// (acting-on-what-matters-to-carers) have a measure with no evidence and no concern or mixed:
// partly evidenced; 5 has both measures evidenced, none good: evidenced; 6 has no evidence.
//
// Key actions: 1 (gp-patient-survey), 6 (patient-activation-measure), 9 (the staff training
// names it) and 10 (the strategy names it) are evidenced; the other six are not.
func TestFictionalPlace(t *testing.T) {
	sc, err := assessment.Assess(fictionalPlace(t))
	if err != nil {
		t.Fatal(err)
	}
	wantPrinciples := []assessment.Status{assessment.Concern, assessment.Concern, assessment.Partial,
		assessment.Partial, assessment.Evidenced, assessment.NoEvidence}
	var gotPrinciples []assessment.Status
	for _, p := range sc.Principles {
		gotPrinciples = append(gotPrinciples, p.Status)
		if p.Rule != assessment.PrincipleRule(p.Status) || p.Reason == "" {
			t.Errorf("principle %d: rule %q, reason %q", p.Number, p.Rule, p.Reason)
		}
	}
	if diff := cmp.Diff(wantPrinciples, gotPrinciples); diff != "" {
		t.Errorf("principle statuses (-want +got):\n%s", diff)
	}

	wantMeasures := map[measure.ID]assessment.Status{
		"health-activation":                            assessment.Good,
		"groups-report-partnership":                    assessment.Good,
		"lay-leaders-make-a-difference":                assessment.Good,
		"experience-of-care":                           assessment.Concern,
		"feedback-loop":                                assessment.Concern,
		"supported-to-attain-goals":                    assessment.Evidenced,
		"access-to-care-planning":                      assessment.Evidenced,
		"carers-quality-of-life":                       assessment.Evidenced,
		"less-heard-groups-heard":                      assessment.Evidenced,
		"narrowing-the-gap":                            assessment.Evidenced,
		"outreach-outcomes":                            assessment.Evidenced,
		"voluntary-sector-experience-of-commissioning": assessment.Evidenced,
		"vcse-positive-about-relationships":            assessment.Evidenced,
		"vcse-represented-in-strategic-partnerships":   assessment.Evidenced,
	}
	seen := map[measure.ID]bool{}
	for _, p := range sc.Principles {
		for _, m := range p.Measures {
			want, ok := wantMeasures[m.Measure]
			if !ok {
				want = assessment.NoEvidence
			}
			if m.Status != want {
				t.Errorf("measure %s: %v (%s), want %v", m.Measure, m.Status, m.Reason, want)
			}
			if m.Rule != assessment.MeasureRule(m.Status) {
				t.Errorf("measure %s: rule %q", m.Measure, m.Rule)
			}
			seen[m.Measure] = true
		}
	}
	if len(seen) != 35 {
		t.Errorf("%d measures assessed, want 35", len(seen))
	}

	wantSummary := assessment.Summary{
		Principles: []assessment.StatusCount{{Status: assessment.NoEvidence, Count: 1}, {Status: assessment.Concern, Count: 2},
			{Status: assessment.Partial, Count: 2}, {Status: assessment.Evidenced, Count: 1}},
		Measures: []assessment.StatusCount{{Status: assessment.NoEvidence, Count: 21}, {Status: assessment.Concern, Count: 2},
			{Status: assessment.Evidenced, Count: 9}, {Status: assessment.Good, Count: 3}},
		// Reported: patient-activation-measure, gp-patient-survey, target-group-gp-registration,
		// engagement-audit-trail, co-production-in-redesign, participant-diversity,
		// lay-involvement-at-all-levels, vcse-and-healthwatch-partnership-agreements,
		// lay-leader-training, marmot-principles (10); out of date: volunteer-hours,
		// target-group-data (2); missing: the other 37 of the catalogue's 49.
		Indicators: []assessment.CoverageCount{{Coverage: assessment.Reported, Count: 10}, {Coverage: assessment.OutOfDate, Count: 2},
			{Coverage: assessment.Missing, Count: 37}},
		Actions: 4,
	}
	if diff := cmp.Diff(wantSummary, sc.Summary); diff != "" {
		t.Errorf("summary (-want +got):\n%s", diff)
	}

	wantActions := map[principle.Action][]string{
		principle.SupportPatients:   {"gpps-care-plan-2024-25"},
		principle.AssureProviders:   {"pam-2024-25"},
		principle.WorkforceStrategy: {"staff-pcsp-training"},
		principle.AdvanceEquality:   {"inequalities-strategy"},
	}
	for _, a := range sc.Actions {
		var ids []string
		for _, l := range a.Evidence {
			ids = append(ids, l.ID)
		}
		want := wantActions[a.Action]
		if !slices.Equal(ids, want) {
			t.Errorf("action %d: evidence %v, want %v", a.Number, ids, want)
		}
		wantStatus := assessment.NoEvidence
		if want != nil {
			wantStatus = assessment.Evidenced
		}
		if a.Status != wantStatus || a.Rule != assessment.ActionRule(a.Status) {
			t.Errorf("action %d: %v, %q", a.Number, a.Status, a.Rule)
		}
	}

	// What was left out, in the order of the links; TestFictionalPlaceWording checks the
	// reasons.
	var excluded []assessment.Link
	for _, e := range sc.Excluded {
		excluded = append(excluded, assessment.Link{Kind: e.Kind, ID: e.ID})
	}
	wantExcluded := []assessment.Link{
		{Kind: assessment.LinkObservation, ID: "adult-carers-2024-25"},
		{Kind: assessment.LinkObservation, ID: "involvement-2025-q1"},
		{Kind: assessment.LinkObservation, ID: "phb-rate-2024-25"},
		{Kind: assessment.LinkActivity, ID: "autumn-event"},
	}
	if diff := cmp.Diff(wantExcluded, excluded); diff != "" {
		t.Errorf("excluded (-want +got):\n%s", diff)
	}
}

// TestFictionalPlaceFindings checks the findings' numbers, derived in TestFictionalPlace.
func TestFictionalPlaceFindings(t *testing.T) {
	sc, err := assessment.Assess(fictionalPlace(t))
	if err != nil {
		t.Fatal(err)
	}
	find := func(m measure.ID, kind assessment.FindingKind, subject string) *assessment.Finding {
		for _, p := range sc.Principles {
			for _, mr := range p.Measures {
				if mr.Measure != m {
					continue
				}
				for i := range mr.Findings {
					f := &mr.Findings[i]
					if f.Kind == kind && (string(f.Indicator) == subject || string(f.Measure) == subject) {
						return f
					}
				}
			}
		}
		t.Fatalf("no %v finding on %s under %s", kind, subject, m)
		return nil
	}
	approx := cmpopts.EquateApprox(0, 5e-5)
	tr := find("experience-of-care", assessment.FindingTrend, "experience-of-care")
	if tr.Verdict != assessment.VerdictWorsening || tr.Effect != assessment.Unfavourable ||
		!cmp.Equal(*tr.Trend.ChiSquared, 400/(0.88*0.12*500), approx) || !cmp.Equal(*tr.Trend.PValue, 0.005916, cmpopts.EquateApprox(1e-3, 0)) {
		t.Errorf("trend finding %+v, %+v", tr, tr.Trend)
	}
	if f := find("experience-of-care", assessment.FindingBenchmark, "experience-of-care"); f.Verdict != assessment.VerdictWorse {
		t.Errorf("benchmark: %v", f.Verdict)
	}
	if f := find("experience-of-care", assessment.FindingBenchmark, "gp-patient-survey"); f.Verdict != assessment.VerdictSimilar || f.Effect != assessment.Neutral {
		t.Errorf("gp-patient-survey: %v", f.Verdict)
	}
	if f := find("health-activation", assessment.FindingBenchmark, "patient-activation-measure"); f.Verdict != assessment.VerdictBetter {
		t.Errorf("pam: %v", f.Verdict)
	}
	if f := find("narrowing-the-gap", assessment.FindingBenchmark, "target-group-gp-registration"); f.Verdict != assessment.VerdictHigher || f.Effect != assessment.Neutral {
		t.Errorf("registration: %v", f.Verdict)
	}
	if f := find("narrowing-the-gap", assessment.FindingTrend, "target-group-gp-registration"); f.Verdict != assessment.VerdictIncreasing || f.Trend.Method != measure.TrendIntervals {
		t.Errorf("registration trend: %v by %v", f.Verdict, f.Trend.Method)
	}
	// Wilson 95 % for 2 of 3, by hand (see the indicator package's tests): 0.207660 to 0.938508.
	fl := find("feedback-loop", assessment.FindingTarget, "feedback-loop")
	if fl.Verdict != assessment.VerdictWorse || !cmp.Equal(*fl.Limits, measure.Limits{Level: 0.95, Lower: 0.207660, Upper: 0.938508}, approx) ||
		!cmp.Equal(fl.Value, 2.0/3, approx) {
		t.Errorf("feedback loop %+v %+v", fl, fl.Limits)
	}
	if f := find("feedback-loop", assessment.FindingTarget, "engagement-audit-trail"); f.Verdict != assessment.VerdictSimilar {
		t.Errorf("audit trail: %v", f.Verdict)
	}
	if f := find("groups-report-partnership", assessment.FindingShare, "co-production-in-redesign"); f.Verdict != assessment.VerdictReported || f.Value != 0.5 {
		t.Errorf("co-production: %v %v", f.Verdict, f.Value)
	}
	if f := find("lay-leaders-make-a-difference", assessment.FindingLevels, "lay-involvement-at-all-levels"); f.Verdict != assessment.VerdictMet || f.Value != 1 {
		t.Errorf("lay: %v", f.Verdict)
	}
	rep := find("less-heard-groups-heard", assessment.FindingRepresentation, "participant-diversity")
	if rep.Verdict != assessment.VerdictInProportion {
		t.Errorf("representation: %v", rep.Verdict)
	}
	d := sc.Computed.Diversity
	if len(d) != 1 || d[0].Dimension != "sex" || d[0].Profile != "sex-estimate" {
		t.Fatalf("diversity %+v", d)
	}
	// Ratios 0.5/0.51 and 0.5/0.49; intervals 0.377351/0.51 to 0.622649/0.51 and /0.49.
	type ratio struct{ R, Lo, Hi float64 }
	var got []ratio
	for _, g := range d[0].Representation.Groups {
		got = append(got, ratio{g.Ratio, g.Interval.Lower, g.Interval.Upper})
	}
	want := []ratio{{0.5 / 0.51, 0.377351 / 0.51, 0.622649 / 0.51}, {0.5 / 0.49, 0.377351 / 0.49, 0.622649 / 0.49}}
	if diff := cmp.Diff(want, got, approx); diff != "" {
		t.Errorf("representation ratios (-want +got):\n%s", diff)
	}
	c := sc.Computed
	if c.AuditTrail.Activities != 3 || c.FeedbackLoop.Activities != 3 || c.CoProduction.Redesign != 2 ||
		c.LayCoverage.Covered != 4 || c.SocialValue.Awards != 0 {
		t.Errorf("computed %+v", c)
	}
	// Coverage of single indicators.
	cov := map[indicator.ID]assessment.Coverage{}
	for _, p := range sc.Principles {
		for _, ir := range p.Indicators {
			cov[ir.Indicator] = ir.Coverage
		}
	}
	for id, want := range map[indicator.ID]assessment.Coverage{
		"volunteer-hours": assessment.OutOfDate, "target-group-data": assessment.OutOfDate,
		"personal-health-budgets-per-100000": assessment.Missing, "survey-of-adult-carers": assessment.Missing,
		"engagement-audit-trail": assessment.Reported, "lay-leader-training": assessment.Reported,
	} {
		if cov[id] != want {
			t.Errorf("%s: %v, want %v", id, cov[id], want)
		}
	}
}

// TestAsOfEarlier: as of 31 October 2024 most of the year's evidence is not yet known.
func TestAsOfEarlier(t *testing.T) {
	in := fictionalPlace(t)
	in.AsOf = day(t, "2024-10-31")
	sc, err := assessment.Assess(in)
	if err != nil {
		t.Fatal(err)
	}
	// The 2024/25 observations end on 31 March 2025 (or are published later): none is known,
	// so experience-of-care rests on 2023/24 alone, which does not overlap 2024/25.
	for _, p := range sc.Principles[:1] {
		for _, m := range p.Measures {
			if m.Measure == "experience-of-care" && m.Status != assessment.NoEvidence {
				t.Errorf("experience-of-care as of October 2024: %v (%s)", m.Status, m.Reason)
			}
		}
	}
	// Activities up to 31 October: stroke and carers, both closed: 2 of 2.
	if fl := sc.Computed.FeedbackLoop; fl.Activities != 2 || fl.Closed.Numerator != 2 {
		t.Errorf("feedback loop as of October: %+v", fl)
	}
	if sc.Computed.SocialValue.Awards != 0 || sc.Computed.AuditTrail.Activities != 2 {
		t.Errorf("computed %+v", sc.Computed)
	}
}

// fataler is what roundTrip needs of a *testing.T or a *rapid.T.
type fataler interface {
	Helper()
	Fatalf(format string, args ...any)
}

// roundTrip marshals sc, checks the JSON against the scorecard schema, reads it back with
// ParseScorecard, fails unless it gives the same scorecard, and returns the JSON and what was
// read back.
func roundTrip(t fataler, sc assessment.Scorecard) ([]byte, assessment.Scorecard) {
	t.Helper()
	data, err := json.Marshal(sc)
	if err != nil {
		t.Fatalf("marshal: %v", err)
	}
	if err := schemas.Validate(schemas.Scorecard, data); err != nil {
		t.Fatalf("scorecard does not validate: %v", err)
	}
	back, err := assessment.ParseScorecard(data)
	if err != nil {
		t.Fatalf("ParseScorecard: %v", err)
	}
	if diff := cmp.Diff(sc, back, cmp.AllowUnexported(measure.Date{})); diff != "" {
		t.Fatalf("round trip (-want +got):\n%s", diff)
	}
	return data, back
}

func TestScorecardJSON(t *testing.T) {
	sc, err := assessment.Assess(fictionalPlace(t))
	if err != nil {
		t.Fatal(err)
	}
	data, back := roundTrip(t, sc)
	again, _ := json.Marshal(back)
	if string(again) != string(data) {
		t.Error("re-marshalled scorecard differs")
	}
	if _, err := assessment.ParseScorecard([]byte(`{"level": 2}`)); !errors.Is(err, schemas.ErrInvalid) {
		t.Errorf("bad scorecard: %v", err)
	}
}

func TestScorecardText(t *testing.T) {
	sc, err := assessment.Assess(fictionalPlace(t))
	if err != nil {
		t.Fatal(err)
	}
	text := sc.Text()
	for _, want := range []string{
		"Fictional Example ICB (QYG): the six principles for engaging people and communities",
		"Period: 2024/25 (1 April 2024 to 31 March 2025), as of 31 July 2025.",
		"Principles: 1 no current evidence, 2 concern, 2 partly evidenced, 1 evidenced.",
		"Indicators: 10 reported, 2 out of date, 37 missing. Key actions with current evidence: 4 of 10.",
		"Principle 1. Care and support is person-centred: personalised, coordinated, and empowering: CONCERN",
		"  Why: Of its 8 measures of success, 1 is a concern (“People's experiences of involvement in decisions,",
		"    * Involvement in decisions, 2024/25: 86.0 % (95 % CI 83.7 % to 88.0 %), significantly worse than England at 90.0 %.",
		"    * Lay involvement was in place at all four programme levels, as the framework asks.",
		"  Indicators reported: 2 of 20: GP Patient Survey; Patient Activation Measure (PAM)\n",
		"Accurate, up-to-date data on target groups held in public health datasets and Joint Strategic Needs Assessments (out of date);",
		// Key action 1 is evidenced by the reported GP Patient Survey, which the catalogue
		// links to it; action 9 by a training record that names it.
		"[x] 1. Support patients, carers and representatives: GP Patient Survey\n",
		"[x] 9. Implement a workforce strategy to support health and care professionals to involve people in their own health and care: Care and support planning training\n",
		"[ ] 2. Publicise and promote personal health budgets\n",
		"- Observation phb-rate-2024-25: describes E54000008, not QYG, the area assessed.\n",
		"- Activity autumn-event (“Autumn event”): dated after the as-of day, 31 July 2025.\n",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("text lacks %q", want)
		}
	}
}

// TestFictionalPlaceWording checks the sentences of the fictional place's scorecard, word for
// word, against the figures derived by hand in TestFictionalPlace, written by the house rule
// of the package overview: percentages to one decimal place with a space before the sign on
// every figure of an interval, p-values to three decimal places, names from the catalogue,
// days written out.
func TestFictionalPlaceWording(t *testing.T) {
	sc, err := assessment.Assess(fictionalPlace(t))
	if err != nil {
		t.Fatal(err)
	}
	findings := map[string]bool{}
	reasons := map[measure.ID]string{}
	for _, p := range sc.Principles {
		for _, m := range p.Measures {
			reasons[m.Measure] = m.Reason
			for _, f := range m.Findings {
				findings[f.Text] = true
			}
		}
	}
	for _, want := range []string{
		// involvement-2024-25: 0.86 (0.837 to 0.880) against England's 0.90, worse. The area
		// assessed, QYG, is not repeated; the part is named as the catalogue names it.
		"Involvement in decisions, 2024/25: 86.0 % (95 % CI 83.7 % to 88.0 %), significantly worse than England at 90.0 %.",
		// The trend: 900/1000 then 860/1000, X² = 7.576, p = 0.0059, written to three places.
		"Involvement in decisions: worsened significantly from 90.0 % (2023/24) to 86.0 % (2024/25) over 2 periods (chi-squared test for trend, p = 0.006).",
		// pam-2024-25: a mean score, one decimal place, no per cent sign.
		"Patient Activation Measure (PAM), 2024/25: 58.2 (95 % CI 57.1 to 59.3), significantly better than England at 56.0.",
		// gpps-care-plan-2024-25: a proportion given as a fraction (every figure in [0, 1]).
		"GP Patient Survey, 2025: 62.0 % (95 % CI 60.0 % to 64.0 %), not significantly different from England at 61.0 %.",
		// registration: the group is named, and its trend is a rise without judgement.
		"Registrations of target groups onto general practice lists for deprivation quintile 1 (most deprived), 2024/25: 78.0 % (95 % CI 76.0 % to 80.0 %), significantly higher than England at 75.0 %.",
		"Registrations of target groups onto general practice lists for deprivation quintile 1 (most deprived): rose significantly from 70.0 % (2023/24) to 78.0 % (2024/25) over 2 periods (comparing the 95 % confidence intervals of the first and latest periods).",
		// Wilson 95 % for 2 of 3: 0.207660 to 0.938508 (TestFictionalPlaceFindings).
		"2 of 3 activities that closed the feedback loop (asked, listened to, involved in using the insight, told what changed): 66.7 % (95 % CI 20.8 % to 93.9 %), significantly worse than the target of 95.0 %.",
		"2 of 3 complete audit-trail records (participants by group, experience of engagement, what changed): 66.7 % (95 % CI 20.8 % to 93.9 %), not significantly different from the target of 50.0 %.",
		// Wilson 95 % for 1 of 2: (2 + z² ∓ z·√(z² + 2)) / (2(2 + z²)) with z = 1.959964:
		// (5.841459 ∓ 4.737345) / 11.682918 = 0.0945 to 0.9055.
		"1 of 2 redesign activities that used co-production or experience-based co-design: 50.0 % (95 % CI 9.5 % to 90.5 %).",
		"Lay involvement was in place at all four programme levels, as the framework asks.",
		// 30 women and 30 men in two activities, against 51,000 and 49,000: the index of
		// dissimilarity is ½(|0.50 − 0.51| + |0.50 − 0.49|) = 0.010, to three places.
		"Participants counted by sex (60 attendances at 2 activities) against the community as counted in “Fictional population estimate built for tests”: index of dissimilarity 0.010; no group significantly under-represented.",
	} {
		if !findings[want] {
			t.Errorf("no finding says %q", want)
		}
	}
	for id, want := range map[measure.ID]string{
		"experience-of-care": "2 unfavourable findings and no favourable one: Involvement in decisions, significantly worse than England; " +
			"Involvement in decisions, worsened significantly from 2023/24 to 2024/25.",
		"feedback-loop":     "1 unfavourable finding and no favourable one: Activities closing the feedback loop, significantly worse than the target of 95.0 %.",
		"health-activation": "1 favourable finding and no unfavourable one: Patient Activation Measure (PAM), significantly better than England.",
		"supported-to-attain-goals": "Current evidence: no observation of the measure itself, and 1 indicator reported (“GP Patient Survey”); " +
			"its one finding judges it neither better nor worse.",
		"vcse-positive-about-relationships": "Current evidence: no observation of the measure itself, and 1 indicator reported " +
			"(“Partnership agreements with voluntary sector bodies and Healthwatch”); nothing to judge it against.",
		// volunteer-hours-2022-23 is known but not current.
		"volunteering-level-and-diversity": "It has no current observation, and none of its 2 indicators is reported; " +
			"the evidence of “Numbers of volunteer hours” is out of date.",
		"professionals-person-centred-skills": "It has no current observation, and its one indicator is not reported.",
	} {
		if reasons[id] != want {
			t.Errorf("%s's reason:\n got %q\nwant %q", id, reasons[id], want)
		}
	}
	wantPrinciples := []string{
		"Of its 8 measures of success, 1 is a concern (“People's experiences of involvement in decisions, control and independence, wellbeing and confidence to manage, and feeling supported”); " +
			"1 is good (“Improvement in people's health 'activation', especially among the least health literate groups”); " +
			"2 are evidenced (“People feel supported to attain their own health and wellbeing goals, i.e. what matters to them” and “People's reported access to personalised care and support planning”); " +
			"4 have no current evidence (“Improvement in health and wellbeing outcomes attributable to person-centred interventions”, “People's experience of care coordination, including discharge and transitions”, " +
			"“Access to records and personal budgets” and “Care professionals' knowledge, confidence and skills in person-centred approaches”).",
		"", // principle 2: not checked here
		"Of its 3 measures of success, 2 are evidenced (“Improvement in health and wellbeing outcomes attributable to outreach interventions” and “Narrowing the gap on measures of access, outcomes, and experience”); " +
			"1 has no current evidence (“Person-centred interventions accessed by the most deprived/excluded groups (e.g. care planning, support for self management, peer support)”).",
		"", // principle 4: not checked here
		"Both its measures of success are evidenced.",
		"None of its 13 measures of success has current evidence.",
	}
	for i, want := range wantPrinciples {
		if want != "" && sc.Principles[i].Reason != want {
			t.Errorf("principle %d's reason:\n got %q\nwant %q", i+1, sc.Principles[i].Reason, want)
		}
	}
	wantExcluded := []string{
		"Observation adult-carers-2024-25: not available by the as-of day, 31 July 2025.",
		"Observation involvement-2025-q1: begins after the assessment period, which ends on 31 March 2025.",
		"Observation phb-rate-2024-25: describes E54000008, not QYG, the area assessed.",
		"Activity autumn-event (“Autumn event”): dated after the as-of day, 31 July 2025.",
	}
	var excluded []string
	for _, e := range sc.Excluded {
		excluded = append(excluded, e.Text())
	}
	if diff := cmp.Diff(wantExcluded, excluded); diff != "" {
		t.Errorf("left out (-want +got):\n%s", diff)
	}
}

// TestWordingAreas: when the assessment is of every area, each finding on observations says
// where its value is from, by the area's name when an observation gives one, else by its code.
func TestWordingAreas(t *testing.T) {
	in := fictionalPlace(t)
	in.Area = ""
	for i := range in.Observations {
		if in.Observations[i].ID == "involvement-2024-25" {
			in.Observations[i].AreaName = "Fictional Example ICB"
		}
	}
	sc, err := assessment.Assess(in)
	if err != nil {
		t.Fatal(err)
	}
	findings := map[string]bool{}
	for _, p := range sc.Principles {
		for _, m := range p.Measures {
			for _, f := range m.Findings {
				findings[f.Text] = true
			}
		}
	}
	for _, want := range []string{
		// The name one observation of QYG gives serves every finding on QYG.
		"Involvement in decisions in Fictional Example ICB, 2024/25: 86.0 % (95 % CI 83.7 % to 88.0 %), significantly worse than England at 90.0 %.",
		"Patient Activation Measure (PAM) in Fictional Example ICB, 2024/25: 58.2 (95 % CI 57.1 to 59.3), significantly better than England at 56.0.",
		"Participants counted by sex (60 attendances at 2 activities) against the community in Fictional Example ICB as counted in " +
			"“Fictional population estimate built for tests”: index of dissimilarity 0.010; no group significantly under-represented.",
	} {
		if !findings[want] {
			t.Errorf("no finding says %q", want)
		}
	}
}

// slugOrRaw matches what a reader should never meet in the scorecard's sentences: a figure
// with five or more decimal places, a per cent sign glued to its figure, or a catalogue ID.
var slugOrRaw = func() *regexp.Regexp {
	var ids []string
	for ind := range indicator.All() {
		ids = append(ids, regexp.QuoteMeta(string(ind.ID)))
	}
	for m := range measure.All() {
		ids = append(ids, regexp.QuoteMeta(string(m.ID)))
	}
	return regexp.MustCompile(`\d\.\d{5,}|\d%|\b(` + strings.Join(ids, "|") + `)\b`)
}()

// sentences lists every sentence of a scorecard a person reads.
func sentences(sc *assessment.Scorecard) []string {
	var out []string
	for _, p := range sc.Principles {
		out = append(out, p.Rule, p.Reason)
		for _, m := range p.Measures {
			out = append(out, m.Rule, m.Reason)
			for _, f := range m.Findings {
				out = append(out, f.Text)
			}
		}
	}
	for _, e := range sc.Excluded {
		out = append(out, e.Text())
	}
	for _, a := range sc.Actions {
		out = append(out, a.EvidenceNames()...)
	}
	return append(out, sc.Text())
}

// TestNoSlugsInSentences: the fictional place's sentences name the catalogue's measures and
// indicators by their names, never by their IDs, and write no raw figures.
func TestNoSlugsInSentences(t *testing.T) {
	sc, err := assessment.Assess(fictionalPlace(t))
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range sentences(&sc) {
		if m := slugOrRaw.FindString(s); m != "" {
			t.Errorf("%q in %q", m, s)
		}
	}
}

func paths(err error) []string {
	var out []string
	var walk func(error)
	walk = func(e error) {
		if j, ok := e.(interface{ Unwrap() []error }); ok {
			for _, x := range j.Unwrap() {
				walk(x)
			}
			return
		}
		var fe *field.Error
		if errors.As(e, &fe) {
			out = append(out, fe.Path)
		}
	}
	if err != nil {
		walk(err)
	}
	return out
}

func TestAssessValidation(t *testing.T) {
	in := fictionalPlace(t)
	in.AsOf = day(t, "2024-01-01")
	in.Options.Level = 0.5
	in.Options.Targets.SocialValue = f64(1.5)
	in.Observations[0].Indicator, in.Observations[0].Measure, in.Observations[0].Part = "pam", "", "" // an alias, not the canonical ID
	in.Observations[2].Method.Statistic = "median"
	in.Observations[3].Method.Interval = "wald-ish"
	in.Observations[5].Group = &measure.Group{Dimension: "deprivation-quintile", Value: "6"}
	in.Observations[6].Group = &measure.Group{Dimension: "protected-characteristic", Value: "x"}
	in.Evidence.Activities[0].Participants.Groups[0].Dimension = "imd-quintile"
	in.Evidence.Community = append(in.Evidence.Community, in.Evidence.Community[0])
	in.Evidence.Community[1].ID = "sex-estimate-copy"
	_, err := assessment.Assess(in)
	want := []string{
		"/asOf",
		"/options/level",
		"/options/targets/socialValue",
		"/observations/0/indicator",
		"/observations/2/method/statistic",
		"/observations/3/method/interval",
		"/observations/5/group/value",
		"/observations/6/group/dimension",
		"/evidence/activities/0/participants/groups/0/dimension",
		"/evidence/community/1",
	}
	if diff := cmp.Diff(want, paths(err)); diff != "" {
		t.Errorf("problem paths (-want +got):\n%s\n%v", diff, err)
	}
	for _, class := range []error{assessment.ErrOutOfRange, assessment.ErrDuplicate, assessment.ErrUnknownValue, indicator.ErrUnknownIndicator} {
		if !errors.Is(err, class) {
			t.Errorf("no problem matches %v", class)
		}
	}
	// Problems inside the observations and evidence keep their packages' classes.
	in = fictionalPlace(t)
	in.Observations[1].Value = 2
	in.Evidence.Training[0].Trained = 0
	_, err = assessment.Assess(in)
	if diff := cmp.Diff([]string{"/observations/1/limits/upper", "/evidence/training/0/trained"}, paths(err)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if !errors.Is(err, measure.ErrOutOfRange) || !errors.Is(err, indicator.ErrOutOfRange) {
		t.Errorf("%v should match measure.ErrOutOfRange and indicator.ErrOutOfRange", err)
	}
	if _, err := assessment.Assess(assessment.Input{}); !errors.Is(err, assessment.ErrRequired) {
		t.Errorf("empty input: %v", err)
	}
}
