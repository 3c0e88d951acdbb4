// Command pam shows engage's Patient Activation Measure scoring on embedded sample data:
// loading a calibration, scoring one response, summarising a cohort, and comparing baseline
// and follow-up pairs with the CBE/NQF #2483 gains measure.
//
// The responses are synthetic. The calibration is Hellström et al. 2019 (BMC Public Health
// 19:1701, Table 3), a published Swedish calibration whose 0–100 scale is that study's own,
// not the licence holder's: an organisation holding the official calibration supplies it in
// the same JSON form.
//
// Run it with
//
//	go run ./examples/pam
package main

import (
	"embed"
	"encoding/json"
	"fmt"
	"os"

	"github.com/peopleandcommunities/engage/pam"
)

//go:embed data/*.json
var data embed.FS

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "pam example:", err)
		os.Exit(1)
	}
}

func run() error {
	// 1. A calibration, read and checked like any other document.
	b, err := data.ReadFile("data/calibration.json")
	if err != nil {
		return err
	}
	cal, err := pam.ParseCalibration(b)
	if err != nil {
		return err
	}
	scorer, err := pam.NewScorer(cal, pam.Insignia2024, pam.DefaultPolicy())
	if err != nil {
		return err
	}
	fmt.Printf("Calibration %s (%v model, %d items), levels by %v\n\n", cal.Name, cal.Model, len(cal.Items), scorer.Scheme())

	// 2. One response in the licence holder's coding (0 = not applicable).
	one, err := pam.ParseResponse([]byte(`{"id": "demo", "date": "2026-04-01",
		"PA1": 4, "PA2": 3, "PA3": 3, "PA4": 0, "PA5": 3, "PA6": 3, "PA7": 4,
		"PA8": 3, "PA9": 2, "PA10": 2, "PA11": 3, "PA12": 3, "PA13": 2}`))
	if err != nil {
		return err
	}
	res, err := scorer.Score(one)
	if err != nil {
		return err
	}
	fmt.Println("One response")
	fmt.Printf("  score %.1f (unrounded %.3f), %v: %s\n", res.Score, res.Unrounded, res.Level, res.Level.Description())
	fmt.Printf("  θ = %.3f logits, SE %.3f, %d items answered, %d not applicable\n", res.Logit, res.StandardError, res.Answered, res.NotApplicable)
	if obs, ok := res.Level.SNOMED(); ok {
		fmt.Printf("  record as SNOMED CT %s |%s| = %d\n", obs.Code, obs.Display, obs.Value)
	}
	out, err := json.Marshal(res)
	if err != nil {
		return err
	}
	fmt.Printf("  %s\n\n", out)

	// 3. A cohort, in both codings, with doubtful responses flagged rather than dropped.
	b, err = data.ReadFile("data/responses.json")
	if err != nil {
		return err
	}
	var docs []json.RawMessage
	if err := json.Unmarshal(b, &docs); err != nil {
		return err
	}
	var cohort pam.Cohort
	fmt.Println("Cohort")
	for _, d := range docs {
		r, err := pam.ParseResponse(d)
		if err != nil {
			return err
		}
		res, err := scorer.Score(r)
		if err != nil {
			return err
		}
		cohort.Add(res)
		status := "accepted"
		if !res.Accepted {
			status = "flagged: " + res.Flags.String()
		}
		fmt.Printf("  %s %v  %5.1f  %v  %s\n", res.ID, res.Form, res.Score, res.Level, status)
	}
	cs := cohort.Summary()
	fmt.Printf("  %d results, %d scored, %d accepted; flagged:", cs.Results, cs.Scored, cs.Accepted)
	for _, f := range []pam.Flag{pam.ExtremeLine, pam.AllSame, pam.TooManyNotApplicable, pam.TooFewAnswered} {
		fmt.Printf(" %v %d", f, cs.Flagged[f])
	}
	fmt.Println()
	if cs.Mean != nil && cs.MeanInterval != nil {
		fmt.Printf("  mean %.1f (95%% CI %.1f to %.1f), SD %.1f, range %.1f to %.1f\n",
			*cs.Mean, cs.MeanInterval.Lower, cs.MeanInterval.Upper, *cs.SD, *cs.Min, *cs.Max)
	}
	for _, sl := range cs.Levels {
		fmt.Printf("  %-14s", sl.Scheme.String()+":")
		for _, ls := range sl.Levels {
			fmt.Printf("  %v %d (%.1f%%)", ls.Level, ls.Count, 100*ls.Proportion)
		}
		fmt.Println()
	}
	fmt.Println()

	// 4. Baseline and follow-up pairs: change for each, and the #2483 measure.
	b, err = data.ReadFile("data/pairs.json")
	if err != nil {
		return err
	}
	var pairs []struct {
		Baseline json.RawMessage `json:"baseline"`
		FollowUp json.RawMessage `json:"followUp"`
	}
	if err := json.Unmarshal(b, &pairs); err != nil {
		return err
	}
	var gains pam.Gains
	fmt.Println("Before and after")
	for _, p := range pairs {
		before, err := score(scorer, p.Baseline)
		if err != nil {
			return err
		}
		after, err := score(scorer, p.FollowUp)
		if err != nil {
			return err
		}
		c, err := pam.Change(before, after)
		if err != nil {
			return err
		}
		verdict := "no meaningful gain"
		switch {
		case c.Excellent:
			verdict = "excellent gain"
		case c.Meaningful:
			verdict = "meaningful gain"
		}
		excl := gains.Add(before, after)
		fmt.Printf("  %s → %s  %5.1f → %5.1f  %+5.1f  %v → %v  %-18s  #2483: %v\n",
			before.Date, after.Date, c.Before, c.After, c.Difference, c.From, c.To, verdict, excl)
	}
	g := gains.Summary()
	fmt.Printf("  #2483: %d of %d eligible pairs gained 3 points or more", g.Achieved, g.Eligible)
	if g.Proportion != nil {
		fmt.Printf(" (%.0f%%, 95%% CI %.0f%% to %.0f%%)", 100**g.Proportion, 100*g.Interval.Lower, 100*g.Interval.Upper)
	}
	fmt.Println()
	for _, e := range []pam.Exclusion{pam.ExcludedOutsideWindow, pam.ExcludedExtremeLine, pam.ExcludedLevel4} {
		fmt.Printf("    excluded, %v: %d\n", e, g.Excluded[e])
	}
	return nil
}

func score(s pam.Scorer, doc []byte) (pam.Result, error) {
	r, err := pam.ParseResponse(doc)
	if err != nil {
		return pam.Result{}, err
	}
	return s.Score(r)
}
