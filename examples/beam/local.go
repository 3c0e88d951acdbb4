package main

import (
	"fmt"

	"github.com/peopleandcommunities/engage/equality"
	"github.com/peopleandcommunities/engage/examples/internal/sample"
	"github.com/peopleandcommunities/engage/indicator"
	"github.com/peopleandcommunities/engage/pam"
)

// The single-process computation: the same generator, the same scorer and the same
// accumulators as the pipeline, filled in one pass over the records in index order on one
// goroutine, without Beam. It is what the pipeline's results are checked against, and the
// baseline for its timing.

// numGroups is the number of broad ethnic groups that record an ethnicity.
const numGroups = 5

// groupOrder is the order of the broad ethnic groups in representation analyses.
var groupOrder = []string{
	equality.EthnicGroupWhite.String(), equality.EthnicGroupMixed.String(), equality.EthnicGroupAsian.String(),
	equality.EthnicGroupBlack.String(), equality.EthnicGroupOther.String(),
}

// newScorer returns the scorer of the analysis: the Hellström 2019 calibration, the licence
// holder's current level cut points and engage's default validity policy.
func newScorer() (*pam.RaschScorer, error) {
	return pam.NewScorer(pam.Hellstrom2019(), pam.Insignia2024, pam.DefaultPolicy())
}

// lowActivation reports whether an accepted result is at level 1 or 2 (Insignia 2024).
func lowActivation(r *pam.Result) bool { return r.Level == pam.Level1 || r.Level == pam.Level2 }

// areaRecord reads small area i from the generator as a national dataset would hold it.
func areaRecord(g *sample.Generator, i int) AreaRecord {
	a := g.Area(i)
	c := g.Counts(i)
	r := AreaRecord{Index: i, Code: a.Code, Name: a.Name, Decile: a.Decile, Quintile: a.Quintile,
		Population: a.Population, Carers: a.Carers, CarersKnown: c.CarersIdentified, Budgets: c.PersonalHealthBudgets}
	for k, cat := range sample.Categories() {
		if gr := cat.Group(); gr >= equality.EthnicGroupWhite && gr <= equality.EthnicGroupOther {
			r.Residents[gr-1] += a.Residents[k]
		}
	}
	return r
}

// tallyInputs returns an area's indicator records: personal health budgets over residents in
// each period, and carers identified over estimated carers in the later period.
func tallyInputs(a *AreaRecord) []TallyInput {
	return []TallyInput{
		{Period: sample.Periods()[0], Indicator: sample.IndicatorBudgets, Numerator: float64(a.Budgets[0]), Denominator: float64(a.Population)},
		{Period: sample.Periods()[1], Indicator: sample.IndicatorBudgets, Numerator: float64(a.Budgets[1]), Denominator: float64(a.Population)},
		{Period: sample.Periods()[1], Indicator: sample.IndicatorCarers, Numerator: float64(a.CarersKnown), Denominator: float64(a.Carers)},
	}
}

// participantRecord reads participant i.
func participantRecord(g *sample.Generator, i int) ParticipantRecord {
	p := g.Participant(i)
	r := ParticipantRecord{Area: p.Area, Decile: p.Decile}
	if p.Ethnic.Recorded() {
		r.Group = int(p.Ethnic.Group())
	}
	return r
}

// Local computes the results in one pass on one goroutine and returns the lines: the place,
// then the deciles in order, then the areas in order.
func Local(g *sample.Generator, reps int) ([]string, error) {
	scorer, err := newScorer()
	if err != nil {
		return nil, err
	}
	size := g.Size()
	areas := make([]Accumulated, size.Areas)
	var deciles [11]Accumulated
	var place Accumulated

	cohort := func(p **pam.Cohort, r *pam.Result) {
		if *p == nil {
			*p = new(pam.Cohort)
		}
		(*p).Add(*r)
	}
	gains := func(p **pam.Gains, b, f *pam.Result) {
		if *p == nil {
			*p = new(pam.Gains)
		}
		(*p).Add(*b, *f)
	}
	quantile := func(stage Stage, decile int, r *pam.Result) error {
		if !r.Accepted {
			return nil
		}
		if place.LowActivation[stage] == nil {
			place.LowActivation[stage] = new(equality.QuantileCounts)
		}
		return place.LowActivation[stage].Add(decile, lowActivation(r))
	}
	for person := range g.People() {
		var results [2]pam.Result
		for stage, m := range [2]sample.Measurement{person.Baseline, person.FollowUp} {
			if !m.Taken() {
				continue
			}
			r, err := scorer.Score(m.Response)
			if err != nil {
				return nil, fmt.Errorf("scoring person %d: %w", person.Index, err)
			}
			results[stage] = r
			a, d := &areas[person.Area], &deciles[person.Decile]
			if stage == int(Baseline) {
				cohort(&a.Baseline, &r)
				cohort(&d.Baseline, &r)
				cohort(&place.Baseline, &r)
			} else {
				cohort(&a.FollowUp, &r)
				cohort(&d.FollowUp, &r)
				cohort(&place.FollowUp, &r)
			}
			if err := quantile(Stage(stage), person.Decile, &r); err != nil {
				return nil, err
			}
		}
		if person.Baseline.Taken() && person.FollowUp.Taken() {
			gains(&areas[person.Area].Gains, &results[0], &results[1])
			gains(&deciles[person.Decile].Gains, &results[0], &results[1])
			gains(&place.Gains, &results[0], &results[1])
		}
	}

	place.Tallies = make(map[GroupKey]*indicator.Tally)
	place.Residents = new(equality.GroupCounts)
	for i := range size.Areas {
		rec := areaRecord(g, i)
		a, d := &areas[i], &deciles[rec.Decile]
		a.Area = &rec
		if a.Indicators == nil {
			a.Indicators = new(indicator.GroupedTally)
		}
		if d.Indicators == nil {
			d.Indicators = new(indicator.GroupedTally)
			d.Residents = new(equality.GroupCounts)
		}
		for _, in := range tallyInputs(&rec) {
			k := GroupKey{Period: in.Period, Group: in.Indicator}
			if err := a.Indicators.Add(k, in.Numerator, in.Denominator); err != nil {
				return nil, err
			}
			if err := d.Indicators.Add(k, in.Numerator, in.Denominator); err != nil {
				return nil, err
			}
			t := place.Tallies[k]
			if t == nil {
				t = new(indicator.Tally)
				place.Tallies[k] = t
			}
			if err := t.Add(in.Numerator, in.Denominator); err != nil {
				return nil, err
			}
		}
		for k, n := range rec.Residents {
			if err := d.Residents.AddN(groupOrder[k], int64(n)); err != nil {
				return nil, err
			}
			if err := place.Residents.AddN(groupOrder[k], int64(n)); err != nil {
				return nil, err
			}
		}
	}
	for i := range size.Participants {
		p := participantRecord(g, i)
		if p.Group == 0 {
			continue
		}
		label := groupOrder[p.Group-1]
		d := &deciles[p.Decile]
		if d.Participants == nil {
			d.Participants = new(equality.GroupCounts)
		}
		d.Participants.Add(label)
		if place.Participants == nil {
			place.Participants = new(equality.GroupCounts)
		}
		place.Participants.Add(label)
	}

	var lines []string
	add := func(v any) error {
		l, err := line(v)
		lines = append(lines, l)
		return err
	}
	if err := add(placeResult(g, reps, &place)); err != nil {
		return nil, err
	}
	for d := 1; d <= 10; d++ {
		if deciles[d].Indicators == nil {
			continue // no area of the place is in this decile
		}
		if err := add(decileResult(d, &deciles[d])); err != nil {
			return nil, err
		}
	}
	for i := range areas {
		if err := add(areaResult(&areas[i])); err != nil {
			return nil, err
		}
	}
	return lines, nil
}
