package pam_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"log"

	"github.com/peopleandcommunities/engage/pam"
	"github.com/peopleandcommunities/engage/schemas"
)

// Score one response with a calibration of your choice. Hellstrom2019 is a published Swedish
// calibration, used here because it is public; an organisation holding the licence holder's
// calibration loads it with ParseCalibration instead.
func ExampleRaschScorer_Score() {
	scorer, err := pam.NewScorer(pam.Hellstrom2019(), pam.Insignia2024, pam.DefaultPolicy())
	if err != nil {
		log.Fatal(err)
	}
	// The licence holder's coding: 1–4 for Disagree Strongly … Agree Strongly, 0 for N/A.
	r, err := pam.ParseResponse([]byte(`{"id": "r-0001", "date": "2026-04-01",
		"PA1": 4, "PA2": 3, "PA3": 3, "PA4": 0, "PA5": 3, "PA6": 3, "PA7": 4,
		"PA8": 3, "PA9": 2, "PA10": 2, "PA11": 3, "PA12": 3, "PA13": 2}`))
	if err != nil {
		log.Fatal(err)
	}
	res, err := scorer.Score(r)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%s %v: score %.1f, %v (%s)\n", res.ID, res.Form, res.Score, res.Level, res.Level.Stage())
	fmt.Printf("θ = %.2f ± %.2f logits from %d items; flags [%v]; accepted %v\n",
		res.Logit, res.StandardError, res.Answered, res.Flags, res.Accepted)
	// Output:
	// r-0001 pam-13: score 55.9, level-3 (taking action)
	// θ = 0.99 ± 0.49 logits from 12 items; flags []; accepted true
}

// The same score falls in different levels under the two published schemes, which differ only
// at the Level 3 / Level 4 boundary.
func ExampleLevelScheme_Level() {
	for _, score := range []float64{47.0, 47.05, 67.1, 72.5} {
		fmt.Printf("%.2f: %v under %v, %v under %v\n", score,
			pam.Hibbard2005.Level(score), pam.Hibbard2005, pam.Insignia2024.Level(score), pam.Insignia2024)
	}
	// Output:
	// 47.00: level-1 under hibbard-2005, level-1 under insignia-2024
	// 47.05: level-2 under hibbard-2005, level-2 under insignia-2024
	// 67.10: level-4 under hibbard-2005, level-3 under insignia-2024
	// 72.50: level-4 under hibbard-2005, level-4 under insignia-2024
}

// A validity policy flags doubtful responses without dropping them.
func ExamplePolicy_Check() {
	r, err := pam.NewResponse(pam.PAM10,
		pam.AgreeStrongly, pam.AgreeStrongly, pam.NotApplicable, pam.AgreeStrongly, pam.AgreeStrongly,
		pam.AgreeStrongly, pam.AgreeStrongly, pam.AgreeStrongly, pam.AgreeStrongly, pam.AgreeStrongly)
	if err != nil {
		log.Fatal(err)
	}
	v := pam.DefaultPolicy().Check(&r)
	fmt.Println(v.Answered, v.NotApplicable, v.Flags, v.Accepted)
	// Output:
	// 9 1 extreme-line,all-same false
}

// Score a cohort: add each result to a Cohort (one per worker if you like, merged at the end)
// and read the summary.
func ExampleCohort() {
	scorer, err := pam.NewScorer(pam.Hellstrom2019(), pam.Insignia2024, pam.DefaultPolicy())
	if err != nil {
		log.Fatal(err)
	}
	docs := []string{
		`{"PA1":3,"PA2":3,"PA3":3,"PA4":3,"PA5":3,"PA6":3,"PA7":3,"PA8":3,"PA9":3,"PA10":3,"PA11":3,"PA12":3,"PA13":4}`,
		`{"PA1":4,"PA2":4,"PA3":3,"PA4":4,"PA5":4,"PA6":3,"PA7":4,"PA8":3,"PA9":3,"PA10":3,"PA11":4,"PA12":3,"PA13":3}`,
		`{"PA1":3,"PA2":2,"PA3":2,"PA4":3,"PA5":2,"PA6":3,"PA7":3,"PA8":2,"PA9":2,"PA10":2,"PA11":2,"PA12":2,"PA13":2}`,
		`{"PA1":4,"PA2":4,"PA3":4,"PA4":4,"PA5":4,"PA6":4,"PA7":4,"PA8":4,"PA9":4,"PA10":4,"PA11":4,"PA12":4,"PA13":4}`,
	}
	var north, south pam.Cohort // two workers
	for i, d := range docs {
		r, err := pam.ParseResponse([]byte(d))
		if err != nil {
			log.Fatal(err)
		}
		res, err := scorer.Score(r)
		if err != nil {
			log.Fatal(err)
		}
		if i%2 == 0 {
			north.Add(res)
		} else {
			south.Add(res)
		}
	}
	north.Merge(&south)
	s := north.Summary()
	fmt.Printf("%d results, %d accepted, %d extreme lines\n", s.Results, s.Accepted, s.Flagged[pam.ExtremeLine])
	fmt.Printf("mean %.1f, SD %.1f\n", *s.Mean, *s.SD)
	for _, sl := range s.Levels {
		fmt.Printf("%v:", sl.Scheme)
		for _, ls := range sl.Levels {
			fmt.Printf(" %v %d", ls.Level, ls.Count)
		}
		fmt.Println()
	}
	// Output:
	// 4 results, 3 accepted, 1 extreme lines
	// mean 57.0, SD 12.9
	// hibbard-2005: level-1 1 level-2 0 level-3 1 level-4 1
	// insignia-2024: level-1 1 level-2 0 level-3 2 level-4 0
}

// Compare a person's baseline and follow-up results.
func ExampleChange() {
	scorer, err := pam.NewScorer(pam.Hellstrom2019(), pam.Insignia2024, pam.DefaultPolicy())
	if err != nil {
		log.Fatal(err)
	}
	before, _ := pam.ParseResponse([]byte(`{"date":"2025-03-01","PA1":3,"PA2":3,"PA3":2,"PA4":3,"PA5":2,"PA6":3,"PA7":3,"PA8":2,"PA9":2,"PA10":2,"PA11":3,"PA12":2,"PA13":2}`))
	after, _ := pam.ParseResponse([]byte(`{"date":"2025-11-20","PA1":4,"PA2":3,"PA3":3,"PA4":3,"PA5":3,"PA6":3,"PA7":3,"PA8":3,"PA9":2,"PA10":3,"PA11":3,"PA12":3,"PA13":2}`))
	b, err := scorer.Score(before)
	if err != nil {
		log.Fatal(err)
	}
	a, err := scorer.Score(after)
	if err != nil {
		log.Fatal(err)
	}
	c, err := pam.Change(b, a)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%.1f → %.1f: %+.1f points, %v → %v; meaningful %v, excellent %v\n",
		c.Before, c.After, c.Difference, c.From, c.To, c.Meaningful, c.Excellent)
	// Output:
	// 46.1 → 55.4: +9.3 points, level-1 → level-3; meaningful true, excellent true
}

// Accumulate the CBE/NQF #2483 measure over baseline and follow-up pairs.
func ExampleGains() {
	scorer, err := pam.NewScorer(pam.Hellstrom2019(), pam.Insignia2024, pam.DefaultPolicy())
	if err != nil {
		log.Fatal(err)
	}
	score := func(doc string) pam.Result {
		r, err := pam.ParseResponse([]byte(doc))
		if err != nil {
			log.Fatal(err)
		}
		res, err := scorer.Score(r)
		if err != nil {
			log.Fatal(err)
		}
		return res
	}
	var g pam.Gains // the zero value: a 6–12 month window, Level 4 by insignia-2024
	pairs := [][2]string{
		{`{"date":"2025-01-10","PA1":3,"PA2":2,"PA3":2,"PA4":3,"PA5":2,"PA6":3,"PA7":3,"PA8":2,"PA9":2,"PA10":2,"PA11":3,"PA12":2,"PA13":2}`,
			`{"date":"2025-09-01","PA1":3,"PA2":3,"PA3":3,"PA4":3,"PA5":3,"PA6":3,"PA7":3,"PA8":3,"PA9":2,"PA10":3,"PA11":3,"PA12":3,"PA13":2}`},
		{`{"date":"2025-02-01","PA1":3,"PA2":3,"PA3":3,"PA4":3,"PA5":3,"PA6":3,"PA7":3,"PA8":3,"PA9":3,"PA10":3,"PA11":3,"PA12":3,"PA13":4}`,
			`{"date":"2025-10-01","PA1":3,"PA2":3,"PA3":3,"PA4":3,"PA5":3,"PA6":3,"PA7":3,"PA8":3,"PA9":3,"PA10":3,"PA11":3,"PA12":4,"PA13":3}`},
		{`{"date":"2025-03-01","PA1":3,"PA2":3,"PA3":3,"PA4":3,"PA5":3,"PA6":3,"PA7":3,"PA8":3,"PA9":3,"PA10":3,"PA11":3,"PA12":3,"PA13":3}`,
			`{"date":"2025-05-01","PA1":4,"PA2":4,"PA3":4,"PA4":4,"PA5":4,"PA6":4,"PA7":4,"PA8":4,"PA9":4,"PA10":4,"PA11":4,"PA12":4,"PA13":4}`},
	}
	for _, p := range pairs {
		fmt.Println(g.Add(score(p[0]), score(p[1])))
	}
	s := g.Summary()
	fmt.Printf("%d of %d eligible pairs gained 3 points or more (%.0f%%, 95%% CI %.0f%%–%.0f%%)\n",
		s.Achieved, s.Eligible, 100**s.Proportion, 100*s.Interval.Lower, 100*s.Interval.Upper)
	// Output:
	// not-excluded
	// not-excluded
	// outside-window
	// 1 of 2 eligible pairs gained 3 points or more (50%, 95% CI 9%–91%)
}

// Publish the conversion table of a calibration, so that anyone can audit the arithmetic.
func ExampleRaschScorer_Table() {
	scorer, err := pam.NewScorer(pam.Hellstrom2019(), pam.Hibbard2005, pam.DefaultPolicy())
	if err != nil {
		log.Fatal(err)
	}
	rows, err := scorer.Table(pam.PAM13)
	if err != nil {
		log.Fatal(err)
	}
	for _, row := range rows {
		if row.Raw%13 == 0 {
			fmt.Printf("raw %d: %.1f %v\n", row.Raw, row.Score, row.Level)
		}
	}
	// Output:
	// raw 13: 0.0 level-1
	// raw 26: 37.9 level-1
	// raw 39: 57.1 level-3
	// raw 52: 100.0 level-4
}

// tableScorer is an organisation's own Scorer: it looks complete responses up in a conversion
// table it holds and uses engage's policy, rounding and levels, so that its results feed
// cohorts and change like engage's own. (The table here is exported from engage's scorer only
// to have numbers to show.)
type tableScorer struct {
	name   string
	scores []float64 // by raw sum, 13 … 52
	policy pam.Policy
	scheme pam.LevelScheme
}

func (s tableScorer) Score(r pam.Response) (pam.Result, error) {
	if err := r.Validate(); err != nil {
		return pam.Result{}, err
	}
	v := s.policy.Check(&r)
	res := pam.Result{ID: r.ID, Date: r.Date, Form: r.Form, Calibration: s.name, Scheme: s.scheme,
		Answered: v.Answered, NotApplicable: v.NotApplicable, NotAnswered: v.NotAnswered, Flags: v.Flags}
	if r.Form != pam.PAM13 || v.Answered != 13 {
		return pam.Result{}, fmt.Errorf("%s scores complete PAM-13 responses only", s.name)
	}
	raw := 0
	for it := range r.Form.Items() {
		p, _ := r.Answer(it).Points()
		raw += p
	}
	score := s.scores[raw-13]
	res.Scored, res.Unrounded, res.Score = true, score, pam.RoundScore(score)
	res.Level = s.scheme.Level(score)
	res.Extreme = score == 0 || score == 100
	res.Accepted = v.Accepted
	return res, nil
}

// Plug another way of scoring in through the Scorer interface.
func ExampleScorer() {
	engage, err := pam.NewScorer(pam.Hellstrom2019(), pam.Insignia2024, pam.DefaultPolicy())
	if err != nil {
		log.Fatal(err)
	}
	rows, _ := engage.Table(pam.PAM13)
	own := tableScorer{name: "our-table", policy: pam.DefaultPolicy(), scheme: pam.Insignia2024}
	for _, row := range rows {
		own.scores = append(own.scores, row.Unrounded)
	}
	var s pam.Scorer = own
	r, _ := pam.NewResponse(pam.PAM13, pam.Agree, pam.Agree, pam.Agree, pam.Agree, pam.Agree, pam.Agree,
		pam.Agree, pam.AgreeStrongly, pam.Agree, pam.Agree, pam.Agree, pam.Agree, pam.Disagree)
	res, err := s.Score(r)
	if err != nil {
		log.Fatal(err)
	}
	b, _ := json.Marshal(res)
	fmt.Println(string(b))
	// Output:
	// {"form":"pam-13","calibration":"our-table","levelScheme":"insignia-2024","scored":true,"score":57.1,"unroundedScore":57.08412647720823,"level":"level-3","extreme":false,"answered":13,"notApplicable":0,"notAnswered":0,"flags":[],"accepted":true}
}

// Bad documents are reported with every problem located: first against the schema (shape),
// then by Validate (meaning).
func ExampleParseCalibration() {
	_, err := pam.ParseCalibration([]byte(`{"name": "our-calibration", "model": "rating-scale",
		"thresholds": [-2, 0.1], "items": [], "transform": {"intercept": 50, "slope": -8}}`))
	var se *schemas.Error
	if errors.As(err, &se) {
		for _, v := range se.Violations {
			fmt.Printf("%s [%s]\n", v.Pointer, v.Code)
		}
	}
	// A document of the right shape that says something impossible: an item twice.
	c := pam.Hellstrom2019()
	c.Items[12].Item = pam.PA1
	b, _ := json.Marshal(c)
	_, err = pam.ParseCalibration(b)
	fmt.Println(err)
	// Output:
	// /thresholds [minItems]
	// /items [minItems]
	// /transform/slope [exclusiveMinimum]
	// /items/12/item: pam: duplicate item: each item calibrated once
	// /items: pam: required value missing: every item of PAM-10 at least; missing pa13
}

// Ship a partial cohort from one worker to another, as a map-reduce engine does, and merge it
// there.
func ExampleCohort_MarshalBinary() {
	var worker pam.Cohort
	worker.Add(pam.Result{Form: pam.PAM13, Calibration: "example", Scheme: pam.Insignia2024,
		Scored: true, Score: 52.5, Unrounded: 52.46, Level: pam.Level2, Answered: 13, Accepted: true})
	data, err := worker.MarshalBinary()
	if err != nil {
		log.Fatal(err)
	}
	var received, total pam.Cohort
	if err := received.UnmarshalBinary(data); err != nil {
		log.Fatal(err)
	}
	total.Merge(&received)
	s := total.Summary()
	fmt.Printf("%d bytes; %d result, mean %.2f\n", len(data), s.Results, *s.Mean)
	// Output:
	// 221 bytes; 1 result, mean 52.46
}
