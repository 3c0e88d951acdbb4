package assessment_test

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/peopleandcommunities/engage/assessment"
	"github.com/peopleandcommunities/engage/indicator"
	"github.com/peopleandcommunities/engage/measure"
	"github.com/peopleandcommunities/engage/principle"
	"github.com/shopspring/decimal"
	"pgregory.net/rapid"
)

var (
	catalogueIndicators = func() []indicator.ID {
		var ids []indicator.ID
		for ind := range indicator.All() {
			ids = append(ids, ind.ID)
		}
		return ids
	}()
	catalogueMeasures = func() []measure.Measure {
		var ms []measure.Measure
		for m := range measure.All() {
			ms = append(ms, m)
		}
		return ms
	}()
)

func genDate(t *rapid.T, label string, fromYear, toYear int) measure.Date {
	d, err := measure.NewDate(rapid.IntRange(fromYear, toYear).Draw(t, label+" year"),
		time.Month(rapid.IntRange(1, 12).Draw(t, label+" month")), rapid.IntRange(1, 28).Draw(t, label+" day"))
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func financialYear(y int) measure.Period {
	s, _ := measure.NewDate(y, time.April, 1)
	e, _ := measure.NewDate(y+1, time.March, 31)
	return measure.Period{Start: s, End: e, Label: fmt.Sprintf("%d/%02d", y, (y+1)%100)}
}

// genObservations draws observations with unique IDs and at most one per series and period.
func genObservations(t *rapid.T) []measure.Observation {
	n := rapid.IntRange(0, 25).Draw(t, "observations")
	var out []measure.Observation
	type key struct {
		s measure.Series
		y int
	}
	seen := map[key]bool{}
	for i := range n {
		o := measure.Observation{ID: fmt.Sprintf("o%d", i), Source: "generated",
			Area: rapid.SampledFrom([]measure.AreaCode{"QYG", "E54000008"}).Draw(t, "area")}
		if rapid.Bool().Draw(t, "measure subject") {
			m := rapid.SampledFrom(catalogueMeasures).Draw(t, "measure")
			o.Measure = m.ID
			if len(m.Parts) > 0 && rapid.Bool().Draw(t, "part") {
				o.Part = rapid.SampledFrom(m.Parts).Draw(t, "which part").ID
			}
		} else {
			o.Indicator = string(rapid.SampledFrom(catalogueIndicators).Draw(t, "indicator"))
		}
		switch rapid.IntRange(0, 2).Draw(t, "group kind") {
		case 1:
			o.Group = &measure.Group{Dimension: "sex", Value: rapid.SampledFrom([]string{"female", "male"}).Draw(t, "sex")}
		case 2:
			o.Group = &measure.Group{Dimension: "deprivation-quintile", Value: fmt.Sprint(rapid.IntRange(1, 5).Draw(t, "quintile"))}
		}
		y := rapid.IntRange(2021, 2025).Draw(t, "year")
		o.Period = financialYear(y)
		if rapid.Bool().Draw(t, "proportion") {
			den := float64(rapid.IntRange(1, 2000).Draw(t, "denominator"))
			num := float64(rapid.IntRange(0, int(den)).Draw(t, "numerator"))
			o.Numerator, o.Denominator, o.Value = &num, &den, num/den
			o.Method = measure.Method{Statistic: "proportion"}
		} else {
			o.Value = rapid.Float64Range(0, 100).Draw(t, "score")
			o.Method = measure.Method{Statistic: "score"}
		}
		if rapid.Bool().Draw(t, "limits") {
			w := rapid.Float64Range(0, 10).Draw(t, "half-width")
			o.Limits = &measure.Limits{Level: 0.95, Lower: o.Value - w, Upper: o.Value + w}
		}
		if rapid.Bool().Draw(t, "benchmark") {
			o.Benchmark = &measure.Benchmark{Kind: rapid.SampledFrom([]measure.BenchmarkKind{measure.BenchmarkNational, measure.BenchmarkTarget}).Draw(t, "benchmark kind"),
				Value: rapid.Float64Range(0, 100).Draw(t, "benchmark value")}
		}
		k := key{o.Series(), y}
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, o)
	}
	return out
}

func genEvidence(t *rapid.T) indicator.EvidenceSet {
	var s indicator.EvidenceSet
	for i := range rapid.IntRange(0, 10).Draw(t, "activities") {
		total := rapid.IntRange(0, 60).Draw(t, "participants")
		a := indicator.Activity{EvidenceRecord: indicator.EvidenceRecord{ID: fmt.Sprintf("a%d", i), Title: "generated"},
			Date:       genDate(t, "activity", 2023, 2026),
			Level:      principle.EmpowermentLevel(rapid.IntRange(1, 3).Draw(t, "level")),
			Approach:   indicator.EngagementApproach(rapid.IntRange(1, 7).Draw(t, "approach")),
			Principles: []principle.Principle{principle.Principle(rapid.IntRange(1, 6).Draw(t, "principle"))},
			Redesign:   rapid.Bool().Draw(t, "redesign"), Participants: indicator.Participants{Total: total}}
		if rapid.Bool().Draw(t, "by sex") {
			f := rapid.IntRange(0, total).Draw(t, "female")
			a.Participants.Groups = sexGroups(f, rapid.IntRange(0, total-f).Draw(t, "male"))
		}
		for st := indicator.StepAsked; st.Valid(); st++ {
			if rapid.Bool().Draw(t, "step") {
				a.Feedback = append(a.Feedback, st)
			}
		}
		if total > 0 && rapid.Bool().Draw(t, "experience") {
			r := rapid.IntRange(1, total).Draw(t, "respondents")
			a.Experience = &indicator.ExperienceReport{Respondents: r, Positive: rapid.IntRange(0, r).Draw(t, "positive")}
		}
		if rapid.Bool().Draw(t, "changes") {
			a.Changes = "changed"
		}
		if rapid.Bool().Draw(t, "explicit links") {
			a.Indicators = []indicator.ID{rapid.SampledFrom(catalogueIndicators).Draw(t, "activity indicator")}
		}
		s.Activities = append(s.Activities, a)
	}
	for i := range rapid.IntRange(0, 5).Draw(t, "lay") {
		li := indicator.LayInvolvement{EvidenceRecord: indicator.EvidenceRecord{ID: fmt.Sprintf("l%d", i), Title: "generated"},
			Programme: "p", Level: indicator.ProgrammeLevel(rapid.IntRange(1, 4).Draw(t, "programme level")),
			Roles: []indicator.LayRole{indicator.LayRole(rapid.IntRange(1, 4).Draw(t, "role"))}, Members: 1,
			Start: genDate(t, "lay start", 2022, 2025)}
		if rapid.Bool().Draw(t, "lay ends") {
			e := genDate(t, "lay end", 2025, 2026)
			if e.Before(li.Start) {
				e = li.Start
			}
			li.End = &e
		}
		s.LayInvolvement = append(s.LayInvolvement, li)
	}
	for i := range rapid.IntRange(0, 3).Draw(t, "partnerships") {
		s.Partnerships = append(s.Partnerships, indicator.Partnership{EvidenceRecord: indicator.EvidenceRecord{ID: fmt.Sprintf("p%d", i), Title: "generated"},
			Partner: "partner", Kind: indicator.PartnerKind(rapid.IntRange(1, 5).Draw(t, "partner kind")), Signed: genDate(t, "signed", 2020, 2025)})
	}
	for i := range rapid.IntRange(0, 3).Draw(t, "training") {
		tr := indicator.Training{EvidenceRecord: indicator.EvidenceRecord{ID: fmt.Sprintf("t%d", i), Title: "generated"},
			Date: genDate(t, "training", 2023, 2026), Audience: indicator.TrainingAudience(rapid.IntRange(1, 5).Draw(t, "audience")), Trained: 1}
		if rapid.Bool().Draw(t, "training action") {
			tr.Actions = []principle.Action{principle.Action(rapid.IntRange(1, 10).Draw(t, "action"))}
		}
		s.Training = append(s.Training, tr)
	}
	for i := range rapid.IntRange(0, 4).Draw(t, "procurements") {
		p := indicator.Procurement{EvidenceRecord: indicator.EvidenceRecord{ID: fmt.Sprintf("c%d", i), Title: "generated"},
			Awarded: genDate(t, "awarded", 2023, 2026), Value: decimal.New(int64(rapid.IntRange(0, 1000000).Draw(t, "pounds")), 0),
			SocialValueAct: rapid.Bool().Draw(t, "act"), Supplier: indicator.SupplierSector(rapid.IntRange(1, 3).Draw(t, "sector"))}
		s.Procurements = append(s.Procurements, p)
	}
	for i := range rapid.IntRange(0, 3).Draw(t, "documents") {
		d := indicator.Document{EvidenceRecord: indicator.EvidenceRecord{ID: fmt.Sprintf("d%d", i), Title: "generated",
			Indicators: []indicator.ID{rapid.SampledFrom(catalogueIndicators).Draw(t, "document indicator")},
			Actions:    []principle.Action{principle.Action(rapid.IntRange(1, 10).Draw(t, "document action"))}},
			Date: genDate(t, "document", 2019, 2025)}
		s.Documents = append(s.Documents, d)
	}
	if rapid.Bool().Draw(t, "community") {
		s.Community = []indicator.CommunityProfile{{ID: "sex-profile", Area: "QYG", Dimension: "sex", Source: "generated",
			Groups: []indicator.CommunityGroup{{Value: "female", Count: float64(rapid.IntRange(1, 100000).Draw(t, "women"))},
				{Value: "male", Count: float64(rapid.IntRange(1, 100000).Draw(t, "men"))}}}}
	}
	return s
}

func genInput(t *rapid.T) assessment.Input {
	in := assessment.Input{Title: "Generated", Period: financialYear(2024), AsOf: genDate(t, "as of", 2024, 2026),
		Observations: genObservations(t), Evidence: genEvidence(t)}
	if in.AsOf.Before(in.Period.Start) {
		in.AsOf = in.Period.Start
	}
	if rapid.Bool().Draw(t, "area") {
		in.Area = "QYG"
	}
	if rapid.Bool().Draw(t, "targets") {
		in.Options.Targets.FeedbackLoop = ptrTo(rapid.Float64Range(0, 1).Draw(t, "feedback target"))
		in.Options.Targets.AuditTrail = ptrTo(rapid.Float64Range(0, 1).Draw(t, "audit target"))
	}
	return in
}

func ptrTo(v float64) *float64 { return &v }

func assess(t *rapid.T, in assessment.Input) assessment.Scorecard {
	sc, err := assessment.Assess(in)
	if err != nil {
		t.Fatalf("generated input refused: %v", err)
	}
	return sc
}

func reported(sc assessment.Scorecard) map[indicator.ID]bool {
	out := map[indicator.ID]bool{}
	for _, p := range sc.Principles {
		for _, ir := range p.Indicators {
			if ir.Coverage == assessment.Reported {
				out[ir.Indicator] = true
			}
		}
	}
	return out
}

func prefix[T any](t *rapid.T, s []T, label string) []T {
	return s[:rapid.IntRange(0, len(s)).Draw(t, label)]
}

// Adding evidence never removes a covered indicator: whatever is reported with part of the
// observations and records is still reported with all of them.
func TestPropertyAddingEvidenceKeepsCoverage(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		full := genInput(t)
		part := full
		part.Observations = prefix(t, full.Observations, "observations kept")
		ev := full.Evidence
		part.Evidence = indicator.EvidenceSet{
			Activities:     prefix(t, ev.Activities, "activities kept"),
			LayInvolvement: prefix(t, ev.LayInvolvement, "lay kept"),
			Partnerships:   prefix(t, ev.Partnerships, "partnerships kept"),
			Training:       prefix(t, ev.Training, "training kept"),
			Procurements:   prefix(t, ev.Procurements, "procurements kept"),
			Documents:      prefix(t, ev.Documents, "documents kept"),
			Community:      prefix(t, ev.Community, "community kept"),
		}
		before, after := reported(assess(t, part)), reported(assess(t, full))
		for id := range before {
			if !after[id] {
				t.Fatalf("indicator %s reported with part of the evidence but not with all of it", id)
			}
		}
	})
}

func shuffled[T any](r *rand.Rand, s []T) []T {
	out := append([]T(nil), s...)
	r.Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
	return out
}

// The scorecard does not depend on the order of the observations and records: shuffled, the
// input gives the same document, byte for byte.
func TestPropertyOrderFree(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		in := genInput(t)
		want, err := json.Marshal(assess(t, in))
		if err != nil {
			t.Fatal(err)
		}
		r := rand.New(rand.NewPCG(rapid.Uint64().Draw(t, "seed"), 3))
		in.Observations = shuffled(r, in.Observations)
		ev := &in.Evidence
		ev.Activities, ev.LayInvolvement, ev.Partnerships = shuffled(r, ev.Activities), shuffled(r, ev.LayInvolvement), shuffled(r, ev.Partnerships)
		ev.Training, ev.Procurements, ev.Documents = shuffled(r, ev.Training), shuffled(r, ev.Procurements), shuffled(r, ev.Documents)
		got, err := json.Marshal(assess(t, in))
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != string(want) {
			t.Fatalf("shuffled input gives a different scorecard:\n%s\n%s", want, got)
		}
	})
}

// The scorecard validates against its schema and round-trips through JSON, and its sentences
// name no catalogue ID and write no raw figure.
func TestPropertyScorecardRoundTrip(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		sc := assess(t, genInput(t))
		roundTrip(t, sc)
		for _, p := range sc.Principles {
			if p.Rule != assessment.PrincipleRule(p.Status) {
				t.Fatalf("principle %d's rule is not its status's", p.Number)
			}
		}
		for _, s := range sentences(&sc) {
			if m := slugOrRaw.FindString(s); m != "" {
				t.Fatalf("%q in %q", m, s)
			}
		}
	})
}
