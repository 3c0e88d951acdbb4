package indicator_test

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/peopleandcommunities/engage/indicator"
	"github.com/peopleandcommunities/engage/measure"
	"github.com/peopleandcommunities/engage/principle"
	"pgregory.net/rapid"
)

// evGenSet draws a valid evidence set of activities and lay involvement around 2024/25.
func evGenSet(t *rapid.T) indicator.EvidenceSet {
	var s indicator.EvidenceSet
	day := func(label string) measure.Date {
		d, _ := measure.NewDate(2024, time.Month(rapid.IntRange(1, 12).Draw(t, label+" month")), rapid.IntRange(1, 28).Draw(t, label+" day"))
		if rapid.Bool().Draw(t, label+" next year") {
			d, _ = measure.NewDate(2025, d.Month(), d.Day())
		}
		return d
	}
	n := rapid.IntRange(0, 12).Draw(t, "activities")
	for i := range n {
		total := rapid.IntRange(0, 50).Draw(t, "total")
		a := indicator.Activity{
			EvidenceRecord: indicator.EvidenceRecord{ID: fmt.Sprintf("a%d", i), Title: "generated"},
			Date:           day("activity"),
			Level:          principle.EmpowermentLevel(rapid.IntRange(1, 3).Draw(t, "level")),
			Approach:       indicator.EngagementApproach(rapid.IntRange(1, 7).Draw(t, "approach")),
			Principles:     []principle.Principle{principle.Principle(rapid.IntRange(1, 6).Draw(t, "principle"))},
			Redesign:       rapid.Bool().Draw(t, "redesign"),
			Participants:   indicator.Participants{Total: total},
		}
		left := total
		for _, v := range []string{"female", "male"} {
			if rapid.Bool().Draw(t, "count "+v) {
				c := rapid.IntRange(0, left).Draw(t, v)
				left -= c
				a.Participants.Groups = append(a.Participants.Groups, indicator.ParticipantGroup{Group: measure.Group{Dimension: "sex", Value: v}, Count: c})
			}
		}
		for st := indicator.StepAsked; st.Valid(); st++ {
			if rapid.Bool().Draw(t, "step") {
				a.Feedback = append(a.Feedback, st)
			}
		}
		if r := rapid.IntRange(0, total).Draw(t, "respondents"); r > 0 {
			a.Experience = &indicator.ExperienceReport{Respondents: r, Positive: rapid.IntRange(0, r).Draw(t, "positive")}
		}
		if rapid.Bool().Draw(t, "changes") {
			a.Changes = "something changed"
		}
		s.Activities = append(s.Activities, a)
	}
	m := rapid.IntRange(0, 6).Draw(t, "lay")
	for i := range m {
		li := indicator.LayInvolvement{
			EvidenceRecord: indicator.EvidenceRecord{ID: fmt.Sprintf("l%d", i), Title: "generated"},
			Programme:      "p", Level: indicator.ProgrammeLevel(rapid.IntRange(1, 4).Draw(t, "programme level")),
			Roles: []indicator.LayRole{indicator.LayLeader}, Members: 1, Start: day("start"),
		}
		s.LayInvolvement = append(s.LayInvolvement, li)
	}
	return s
}

type evComputed struct {
	at indicator.AuditTrailSummary
	fl indicator.FeedbackLoopSummary
	lc indicator.LayCoverageSummary
	cp indicator.CoProductionSummary
	pc indicator.ParticipantSummary
}

func evCompute(t *rapid.T, s *indicator.EvidenceSet, p measure.Period) evComputed {
	at, err1 := s.AuditTrail(p, 0)
	fl, err2 := s.FeedbackLoop(p, 0)
	cp, err3 := s.CoProduction(p, 0)
	if err1 != nil || err2 != nil || err3 != nil {
		t.Fatal(err1, err2, err3)
	}
	return evComputed{at, fl, s.LayCoverage(p), cp, s.ParticipantCounts(p, "sex")}
}

// Every generated set validates; the computed indicators do not depend on the order of the
// records; shares lie in [0, 1] inside their intervals.
func TestPropertyEvidenceOrderFreeAndBounded(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		s := evGenSet(t)
		if err := s.Validate(); err != nil {
			t.Fatalf("generated set does not validate: %v", err)
		}
		p := measure.Period{Start: mustDate("2024-04-01"), End: mustDate("2025-03-31")}
		want := evCompute(t, &s, p)
		r := rand.New(rand.NewPCG(rapid.Uint64().Draw(t, "seed"), 2))
		r.Shuffle(len(s.Activities), func(i, j int) { s.Activities[i], s.Activities[j] = s.Activities[j], s.Activities[i] })
		r.Shuffle(len(s.LayInvolvement), func(i, j int) { s.LayInvolvement[i], s.LayInvolvement[j] = s.LayInvolvement[j], s.LayInvolvement[i] })
		got := evCompute(t, &s, p)
		if diff := cmp.Diff(want, got, cmp.AllowUnexported(evComputed{})); diff != "" {
			t.Fatalf("shuffled records (-in order +shuffled):\n%s", diff)
		}
		for _, sh := range []*indicator.Share{got.at.Completeness, got.fl.Closed, got.cp.CoProduced} {
			if sh == nil {
				continue
			}
			if !(sh.Lower >= 0 && sh.Lower <= sh.Value && sh.Value <= sh.Upper && sh.Upper <= 1) {
				t.Fatalf("share %+v out of bounds", *sh)
			}
		}
		if got.lc.Covered+len(got.lc.Missing) != indicator.ProgrammeLevels {
			t.Fatalf("coverage %+v", got.lc)
		}
	})
}

// Adding a record never lowers a count: more activities, more steps, more levels covered.
func TestPropertyEvidenceMonotone(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		s := evGenSet(t)
		p := measure.Period{Start: mustDate("2024-04-01"), End: mustDate("2025-03-31")}
		before := evCompute(t, &s, p)
		extra := evGenSet(t)
		for i := range extra.Activities {
			extra.Activities[i].ID = "x" + extra.Activities[i].ID
		}
		for i := range extra.LayInvolvement {
			extra.LayInvolvement[i].ID = "x" + extra.LayInvolvement[i].ID
		}
		s.Activities = append(s.Activities, extra.Activities...)
		s.LayInvolvement = append(s.LayInvolvement, extra.LayInvolvement...)
		after := evCompute(t, &s, p)
		if after.at.Activities < before.at.Activities || after.lc.Covered < before.lc.Covered ||
			after.pc.Participants < before.pc.Participants || after.cp.Redesign < before.cp.Redesign {
			t.Fatalf("adding records lowered a count: %+v then %+v", before, after)
		}
		for i := range after.fl.Steps {
			if after.fl.Steps[i].Activities < before.fl.Steps[i].Activities {
				t.Fatalf("step %d fell", i)
			}
		}
	})
}

func mustDate(s string) measure.Date {
	d, err := measure.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}
