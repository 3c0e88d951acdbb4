package main

import (
	"cmp"
	"encoding/json"
	"fmt"
	"slices"

	"github.com/peopleandcommunities/engage/equality"
	"github.com/peopleandcommunities/engage/examples/internal/sample"
	"github.com/peopleandcommunities/engage/indicator"
	"github.com/peopleandcommunities/engage/pam"
)

// The results the pipeline writes, one JSON object a line: one line per small area
// ("kind": "area"), one per deprivation decile ("decile") and one for the whole place
// ("place"). The same functions turn accumulators into these lines in the Beam pipeline and
// in the single-process loop, so that the two can be compared line for line.

// AreaResult is the line of one small area.
type AreaResult struct {
	Kind       string           `json:"kind"`
	Area       string           `json:"area"`
	Name       string           `json:"name"`
	Decile     int              `json:"decile"`
	Quintile   int              `json:"quintile"`
	Population int              `json:"population"`
	PAM        PAMResult        `json:"pam"`
	Indicators []IndicatorValue `json:"indicators"`
}

// DecileResult is the line of one national deprivation decile (1 = most deprived).
type DecileResult struct {
	Kind           string                         `json:"kind"`
	Decile         int                            `json:"decile"`
	Areas          int                            `json:"areas"`
	Population     int64                          `json:"population"`
	PAM            PAMResult                      `json:"pam"`
	Indicators     []IndicatorValue               `json:"indicators"`
	Participants   int64                          `json:"participants"`
	Representation *equality.RepresentationResult `json:"representation,omitempty"`
	// RepresentationError says why there is no representation analysis (no participants, ...).
	RepresentationError string `json:"representationError,omitempty"`
}

// PlaceResult is the line of the whole place.
type PlaceResult struct {
	Kind           string                         `json:"kind"`
	Place          string                         `json:"place"`
	Name           string                         `json:"name"`
	Notice         string                         `json:"notice"`
	Seed           uint64                         `json:"seed"`
	Size           sample.Size                    `json:"size"`
	PAM            PAMResult                      `json:"pam"`
	LowActivation  []SIIValue                     `json:"lowActivationByDecile"`
	Indicators     []IndicatorValue               `json:"indicators"`
	Participants   int64                          `json:"participants"`
	Representation *equality.RepresentationResult `json:"representation,omitempty"`
	// RepresentationError says why there is no representation analysis.
	RepresentationError string `json:"representationError,omitempty"`
}

// PAMResult holds the activation of the people of an area, decile or place: the cohort of
// baseline results, the cohort of follow-up results and the CBE/NQF #2483 gains measure over
// the people measured at both. Each is absent when no one was measured.
type PAMResult struct {
	Baseline *pam.CohortSummary `json:"baseline,omitempty"`
	FollowUp *pam.CohortSummary `json:"followUp,omitempty"`
	Gains    *pam.GainsSummary  `json:"gains,omitempty"`
}

// SIIValue is the slope index of inequality in the share of people at activation levels 1
// and 2 (Insignia 2024 cut points) across the ten deprivation deciles, at one stage, with its
// simulated confidence limits, in percentage points.
type SIIValue struct {
	Stage string              `json:"stage"`
	SII   *equality.SIIResult `json:"sii,omitempty"`
	// Error says why there is no SII (a decile without people, or with none or all of them
	// at levels 1 and 2).
	Error string `json:"error,omitempty"`
}

// IndicatorValue is one indicator's value for an area, decile or place in one period.
type IndicatorValue struct {
	Indicator   string   `json:"indicator"`
	Period      string   `json:"period"`
	Statistic   string   `json:"statistic,omitempty"`
	Method      string   `json:"method,omitempty"`
	Value       *float64 `json:"value,omitempty"`
	Multiplier  float64  `json:"multiplier,omitempty"`
	Numerator   float64  `json:"numerator"`
	Denominator float64  `json:"denominator"`
	// Records is the number of records (small areas) the counts add up.
	Records int     `json:"records"`
	Limits  []Limit `json:"limits,omitempty"`
	// Error says why there is no value (a zero denominator, ...).
	Error string `json:"error,omitempty"`
}

// Limit is a confidence interval of an indicator value.
type Limit struct {
	Level float64 `json:"level"`
	Lower float64 `json:"lower"`
	Upper float64 `json:"upper"`
}

// indicatorValue computes the statistic of one indicator from its tally: personal health
// budgets as a crude rate per 100,000 residents (exact Poisson or Byar limits), carers
// identified as a percentage of the estimated carers (Wilson score limits), both at 95 % and
// 99.8 %, the public-health defaults.
func indicatorValue(ind, period string, t indicator.Tally) IndicatorValue {
	v := IndicatorValue{Indicator: ind, Period: period, Numerator: t.Numerator(), Denominator: t.Denominator(), Records: t.Records()}
	var e indicator.Estimate
	var err error
	switch ind {
	case sample.IndicatorBudgets:
		var r indicator.Rate
		r, err = t.Rate(indicator.Options{})
		e = r.Estimate
	default:
		var p indicator.Proportion
		p, err = t.Proportion(indicator.Options{Multiplier: 100})
		e = p.Estimate
	}
	if err != nil {
		v.Error = err.Error()
		return v
	}
	val := e.Value
	v.Statistic, v.Method, v.Value, v.Multiplier = e.Statistic.String(), e.Method.String(), &val, e.Multiplier
	for _, l := range e.Limits {
		v.Limits = append(v.Limits, Limit{Level: l.Level, Lower: l.Lower, Upper: l.Upper})
	}
	return v
}

// indicatorValues computes every group of a grouped tally (Group is the indicator, Period
// the period), in key order.
func indicatorValues(g *indicator.GroupedTally) []IndicatorValue {
	var out []IndicatorValue
	for _, k := range g.Keys() {
		t, _ := g.Tally(k)
		out = append(out, indicatorValue(k.Group, k.Period, t))
	}
	return out
}

// sortIndicators orders indicator values by indicator, then period.
func sortIndicators(vs []IndicatorValue) {
	slices.SortFunc(vs, func(a, b IndicatorValue) int {
		return cmp.Or(cmp.Compare(a.Indicator, b.Indicator), cmp.Compare(a.Period, b.Period))
	})
}

// representation compares participants with residents by broad ethnic group.
func representation(participants, residents *equality.GroupCounts) (*equality.RepresentationResult, string) {
	groups, err := equality.RepresentationGroups(participants, residents, groupOrder)
	if err != nil {
		return nil, err.Error()
	}
	r, err := equality.Representation(groups, equality.RepresentationOptions{})
	if err != nil {
		return nil, err.Error()
	}
	return &r, ""
}

// siiOptions are the options of the low-activation SII: proportions, limits from each
// decile's 95 % Wilson limits, on the logit scale (phe_sii transform = TRUE), in percentage
// points, with the RII.
func siiOptions(reps int, seed uint64) equality.SIIOptions {
	return equality.SIIOptions{ValueType: equality.ValueProportion, FromLimits: true, Transform: true,
		Multiplier: 100, RII: true, Repetitions: reps, Seed: seed}
}

// lowActivationSII computes the SII of one stage's counts by decile.
func lowActivationSII(stage string, c *equality.QuantileCounts, reps int, seed uint64) SIIValue {
	v := SIIValue{Stage: stage}
	groups, err := c.Groups(10)
	if err != nil {
		v.Error = err.Error()
		return v
	}
	r, err := equality.SII(groups, siiOptions(reps, seed))
	if err != nil {
		v.Error = err.Error()
		return v
	}
	v.SII = &r
	return v
}

// line marshals one result as a JSON line (without the newline).
func line(v any) (string, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return "", fmt.Errorf("writing a result: %w", err)
	}
	return string(b), nil
}

// Accumulated holds the final accumulators of one area, decile or the place: what the
// pipeline's combines produce for a key, and what the single-process loop builds. A nil
// field means no record reached that accumulator.
type Accumulated struct {
	Area                    *AreaRecord // areas only
	Baseline, FollowUp      *pam.Cohort
	Gains                   *pam.Gains
	Indicators              *indicator.GroupedTally       // areas and deciles
	Tallies                 map[GroupKey]*indicator.Tally // the place: by indicator and period
	Participants, Residents *equality.GroupCounts         // deciles and the place
	LowActivation           [2]*equality.QuantileCounts   // the place: by stage
}

// GroupKey names one indicator in one period.
type GroupKey = indicator.GroupKey

func (a *Accumulated) pam() PAMResult {
	var r PAMResult
	if a.Baseline != nil {
		s := a.Baseline.Summary()
		r.Baseline = &s
	}
	if a.FollowUp != nil {
		s := a.FollowUp.Summary()
		r.FollowUp = &s
	}
	if a.Gains != nil {
		s := a.Gains.Summary()
		r.Gains = &s
	}
	return r
}

func (a *Accumulated) indicators() []IndicatorValue {
	if a.Indicators == nil {
		return nil
	}
	return indicatorValues(a.Indicators)
}

// areaResult makes the line of one area.
func areaResult(a *Accumulated) AreaResult {
	ar := a.Area
	return AreaResult{Kind: "area", Area: ar.Code, Name: ar.Name, Decile: ar.Decile, Quintile: ar.Quintile,
		Population: ar.Population, PAM: a.pam(), Indicators: a.indicators()}
}

// decileResult makes the line of one decile.
func decileResult(decile int, a *Accumulated) DecileResult {
	d := DecileResult{Kind: "decile", Decile: decile, PAM: a.pam(), Indicators: a.indicators()}
	for _, v := range d.Indicators {
		if v.Indicator == sample.IndicatorBudgets && v.Period == sample.Periods()[1] {
			d.Areas = v.Records
		}
	}
	if a.Residents != nil {
		d.Population = a.Residents.Total()
	}
	if a.Participants != nil {
		d.Participants = a.Participants.Total()
	}
	d.Representation, d.RepresentationError = representation(a.Participants, a.Residents)
	return d
}

// placeResult makes the line of the whole place, computing the SII of each stage.
func placeResult(g *sample.Generator, reps int, a *Accumulated) PlaceResult {
	pl := g.Place()
	p := PlaceResult{Kind: "place", Place: pl.Code, Name: pl.Name, Notice: pl.Notice, Seed: g.Seed(), Size: g.Size(), PAM: a.pam()}
	for s, c := range a.LowActivation {
		if c == nil {
			c = &equality.QuantileCounts{}
		}
		p.LowActivation = append(p.LowActivation, lowActivationSII(Stage(s).String(), c, reps, g.Seed()))
	}
	for k, t := range a.Tallies {
		p.Indicators = append(p.Indicators, indicatorValue(k.Group, k.Period, *t))
	}
	sortIndicators(p.Indicators)
	if a.Participants != nil {
		p.Participants = a.Participants.Total()
	}
	p.Representation, p.RepresentationError = representation(a.Participants, a.Residents)
	return p
}
