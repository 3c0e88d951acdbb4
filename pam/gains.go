package pam

import (
	"github.com/peopleandcommunities/engage/internal/enum"
	"github.com/peopleandcommunities/engage/internal/exactsum"
	"github.com/peopleandcommunities/engage/internal/field"
)

// Window is the period after a baseline measurement in which a follow-up measurement counts,
// in calendar months: the follow-up date must lie on or after the baseline date plus MinMonths
// and on or before it plus MaxMonths (Date.AddMonths).
type Window struct {
	// MinMonths is the earliest follow-up, in months after baseline.
	MinMonths int `json:"minMonths"`
	// MaxMonths is the latest follow-up, in months after baseline.
	MaxMonths int `json:"maxMonths"`
}

// DefaultWindow returns the window of CBE/NQF #2483 as CMS specifies it for MIPS quality
// measure 503: "a second PAM score in a 6 to 12 month period from the baseline PAM score".
func DefaultWindow() Window { return Window{MinMonths: 6, MaxMonths: 12} }

// Validate checks that 0 ≤ MinMonths ≤ MaxMonths ≤ 120.
func (w Window) Validate() error {
	var l field.List
	if w.MinMonths < 0 || w.MinMonths > 120 {
		l.Add("/minMonths", ErrOutOfRange, "a number of months from 0 to 120")
	}
	if w.MaxMonths < 0 || w.MaxMonths > 120 {
		l.Add("/maxMonths", ErrOutOfRange, "a number of months from 0 to 120")
	} else if w.MaxMonths < w.MinMonths {
		l.Add("/maxMonths", ErrInconsistent, "no fewer months than minMonths")
	}
	return l.Err()
}

// contains reports whether follow-up date f lies in the window after baseline date b.
func (w Window) contains(b, f Date) bool {
	return !f.Before(b.AddMonths(w.MinMonths)) && !b.AddMonths(w.MaxMonths).Before(f)
}

// Exclusion is the reason a pair of results is left out of the Gains measure. The zero value,
// NotExcluded, means the pair is eligible.
type Exclusion uint8

// The reasons, in the order they are tested: a pair is counted under the first that applies.
const (
	// NotExcluded: the pair is eligible. It is not a reason.
	NotExcluded Exclusion = iota
	// ExcludedNotScored: either result has no score.
	ExcludedNotScored
	// ExcludedIncomparable: the results come from different calibrations.
	ExcludedIncomparable
	// ExcludedUndated: either result has no date, so the window cannot be judged.
	ExcludedUndated
	// ExcludedOutsideWindow: the follow-up does not fall in the window after baseline.
	ExcludedOutsideWindow
	// ExcludedExtremeLine: either result is an extreme line response set, an exception of
	// the measure.
	ExcludedExtremeLine
	// ExcludedLevel4: the baseline score is at Level 4, an exception of the measure.
	ExcludedLevel4
	// ExcludedRejected: either result is not accepted by its validity policy for another
	// reason (too few items answered, ...).
	ExcludedRejected
	exclusionEnd
)

const numExclusions = int(exclusionEnd - 1)

var exclusions = enum.NewTable[Exclusion]("pam.Exclusion",
	[]string{"not-scored", "incomparable", "undated", "outside-window", "extreme-line", "level-4-at-baseline", "rejected"},
	nil)

// Valid reports whether e is one of the reasons (NotExcluded is not).
func (e Exclusion) Valid() bool { return exclusions.Valid(e) }

// String returns the reason's slug, e.g. "outside-window"; "not-excluded" for NotExcluded
// and %!Exclusion(n) for any other value.
func (e Exclusion) String() string {
	if e == NotExcluded {
		return "not-excluded"
	}
	return exclusions.String(e)
}

// MarshalText returns the slug; NotExcluded and invalid values are errors.
func (e Exclusion) MarshalText() ([]byte, error) { return exclusions.Marshal(e) }

// UnmarshalText parses text with ParseExclusion.
func (e *Exclusion) UnmarshalText(text []byte) error {
	v, err := ParseExclusion(string(text))
	if err == nil {
		*e = v
	}
	return err
}

// ParseExclusion returns the reason named by s, in any case. Otherwise it returns an error
// listing the valid slugs.
func ParseExclusion(s string) (Exclusion, error) { return exclusions.Parse(s, false) }

// Gains accumulates the quality measure CBE/NQF #2483, "Gains in Patient Activation Measure
// (PAM) Scores at 12 Months" (steward Insignia Health; CMS MIPS quality measure 503): the
// proportion of eligible patients whose score rose by at least 3 points from a baseline to a
// follow-up measurement within a window.
//
// A pair is eligible when both results are scored, on the same calibration, dated, with the
// follow-up in the Window, and neither exception of the measure applies: an extreme line
// response set at either measurement, or Level 4 at baseline (under the Gains' LevelScheme).
// engage also excludes pairs in which either result is rejected by its validity policy. Every
// exclusion is counted by reason (Exclusion).
//
// The state is fixed-size; the zero value is an empty Gains with DefaultWindow and the licence
// holder's current scheme, Insignia2024, the measure steward's. Gains merge like Cohorts. A
// Gains is not safe for concurrent use.
type Gains struct {
	window    Window
	scheme    LevelScheme
	pairs     int64
	achieved  int64
	excellent int64
	excluded  [numExclusions]int64
	changes   exactsum.Moments // of the eligible pairs' changes, in points; its count is the eligible pairs
}

// NewGains returns an empty Gains with the given window and level scheme (used to find Level
// 4 at baseline). Invalid arguments are errors located at "/window/…" and "/scheme".
func NewGains(w Window, scheme LevelScheme) (Gains, error) {
	var l field.List
	l.AddError("/window", w.Validate())
	if !scheme.Valid() {
		l.Add("/scheme", ErrMissing, "a level scheme, hibbard-2005 or insignia-2024")
	}
	if err := l.Err(); err != nil {
		return Gains{}, err
	}
	return Gains{window: w, scheme: scheme}, nil
}

// config returns the window and scheme, resolving the zero value's defaults.
func (g *Gains) config() (Window, LevelScheme) {
	if g.scheme == 0 {
		return DefaultWindow(), Insignia2024
	}
	return g.window, g.scheme
}

// Window returns the follow-up window.
func (g *Gains) Window() Window { w, _ := g.config(); return w }

// Scheme returns the level scheme that decides Level 4 at baseline.
func (g *Gains) Scheme() LevelScheme { _, s := g.config(); return s }

// Add adds one pair, a baseline and a follow-up result of the same person, and returns why it
// was excluded, or NotExcluded when it was counted. An eligible pair achieves the measure when
// the follow-up's reported score exceeds the baseline's by MeaningfulGain (3) points or more.
func (g *Gains) Add(baseline, followUp Result) Exclusion {
	w, scheme := g.config()
	g.pairs++
	reason := NotExcluded
	switch {
	case !scored(baseline) || !scored(followUp):
		reason = ExcludedNotScored
	case baseline.Calibration != followUp.Calibration:
		reason = ExcludedIncomparable
	case baseline.Date.IsZero() || followUp.Date.IsZero() || !baseline.Date.validOrZero() || !followUp.Date.validOrZero():
		reason = ExcludedUndated
	case !w.contains(baseline.Date, followUp.Date):
		reason = ExcludedOutsideWindow
	case baseline.Flags.Has(ExtremeLine) || followUp.Flags.Has(ExtremeLine):
		reason = ExcludedExtremeLine
	case scheme.levelTenths(roundTenths(baseline.Score)) == Level4:
		reason = ExcludedLevel4
	case !baseline.Accepted || !followUp.Accepted:
		reason = ExcludedRejected
	}
	if reason != NotExcluded {
		g.excluded[reason-1]++
		return reason
	}
	d := roundTenths(followUp.Score) - roundTenths(baseline.Score)
	if d >= meaningfulTenths {
		g.achieved++
	}
	if d >= excellentTenths {
		g.excellent++
	}
	g.changes.Add(float64(d) / 10)
	return NotExcluded
}

// scored reports whether r carries a usable score.
func scored(r Result) bool { return r.Scored && r.Score >= 0 && r.Score <= 100 }

// Merge adds every pair of other to g, as if each had been added to g directly; other is
// unchanged. Both must have the same window and scheme (ErrIncomparable otherwise, and g is
// unchanged). The changes and their squares are summed exactly, so merging in any order and
// grouping gives the same state bit for bit, as for Cohort.Merge.
func (g *Gains) Merge(other *Gains) error {
	if other == nil {
		return nil
	}
	o := *other
	w1, s1 := g.config()
	w2, s2 := o.config()
	if w1 != w2 || s1 != s2 {
		return &FieldError{Err: ErrIncomparable, Detail: "gains with the same window and level scheme"}
	}
	g.window, g.scheme = w1, s1
	g.pairs += o.pairs
	g.achieved += o.achieved
	g.excellent += o.excellent
	for i := range g.excluded {
		g.excluded[i] += o.excluded[i]
	}
	g.changes.Merge(&o.changes)
	return nil
}

// GainsSummary reports a Gains.
type GainsSummary struct {
	// Window and Scheme are the Gains' settings.
	Window Window      `json:"window"`
	Scheme LevelScheme `json:"scheme"`
	// Pairs is the number of pairs added.
	Pairs int64 `json:"pairs"`
	// Eligible is the number of pairs in the measure's denominator.
	Eligible int64 `json:"eligible"`
	// Excluded is the number of pairs excluded, by reason; Eligible plus every Excluded
	// count is Pairs.
	Excluded map[Exclusion]int64 `json:"excluded"`
	// Achieved is the number of eligible pairs with a gain of 3 points or more: the
	// measure's numerator.
	Achieved int64 `json:"achieved"`
	// Excellent is the number of eligible pairs with a gain of 6 points or more.
	Excellent int64 `json:"excellent"`
	// Proportion is Achieved / Eligible, the measure; nil when no pair is eligible.
	Proportion *float64 `json:"proportion,omitempty"`
	// Interval is the Wilson score interval for Proportion at SummaryConfidence; nil when no
	// pair is eligible.
	Interval *Interval `json:"interval,omitempty"`
	// MeanChange is the mean change in reported score over the eligible pairs, in points,
	// correctly rounded from the exact sum of the changes (each the float64 nearest its
	// whole number of tenths); nil when none is eligible.
	MeanChange *float64 `json:"meanChange,omitempty"`
	// SDChange is the sample standard deviation of the change; nil for fewer than two
	// eligible pairs.
	SDChange *float64 `json:"sdChange,omitempty"`
}

// Summary reports the measure. It does not change g.
func (g *Gains) Summary() GainsSummary {
	w, scheme := g.config()
	eligible := g.changes.Count()
	s := GainsSummary{Window: w, Scheme: scheme, Pairs: g.pairs, Eligible: eligible,
		Achieved: g.achieved, Excellent: g.excellent, Excluded: make(map[Exclusion]int64, numExclusions)}
	for i, n := range g.excluded {
		s.Excluded[Exclusion(i+1)] = n
	}
	if eligible == 0 {
		return s
	}
	p := float64(g.achieved) / float64(eligible)
	iv := wilson(g.achieved, eligible)
	mean := g.changes.Mean()
	s.Proportion, s.Interval, s.MeanChange = &p, &iv, &mean
	if eligible >= 2 {
		sd := g.changes.SD()
		s.SDChange = &sd
	}
	return s
}
