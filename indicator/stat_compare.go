package indicator

import (
	"github.com/peopleandcommunities/engage/internal/enum"
	"github.com/peopleandcommunities/engage/measure"
)

// Significance is the outcome of comparing an area's value with a benchmark (England, the
// region, a target) as public-health profiles show it: better, similar or worse for an
// indicator with a polarity, higher, similar or lower for one without. The zero value is not
// an outcome.
type Significance uint8

// The outcomes.
const (
	// Better: the interval lies wholly on the improving side of the benchmark.
	Better Significance = 1 + iota
	// Similar: the interval contains the benchmark; no significant difference.
	Similar
	// Worse: the interval lies wholly on the deteriorating side of the benchmark.
	Worse
	// Higher: the interval lies wholly above the benchmark, for an indicator without
	// polarity.
	Higher
	// Lower: the interval lies wholly below the benchmark, for an indicator without
	// polarity.
	Lower
)

var significances = enum.NewTable[Significance]("indicator.Significance",
	[]string{"better", "similar", "worse", "higher", "lower"},
	map[string]Significance{"not-significantly-different": Similar, "same": Similar})

// Valid reports whether s is one of the declared outcomes.
func (s Significance) Valid() bool { return significances.Valid(s) }

// String returns the outcome's slug, e.g. "better"; any other value prints as
// %!Significance(n).
func (s Significance) String() string { return significances.String(s) }

// MarshalText returns the slug; an invalid outcome is an error.
func (s Significance) MarshalText() ([]byte, error) { return significances.Marshal(s) }

// UnmarshalText parses text with ParseSignificance.
func (s *Significance) UnmarshalText(text []byte) error {
	v, err := ParseSignificance(string(text))
	if err == nil {
		*s = v
	}
	return err
}

// ParseSignificance returns the outcome named by s ("better", "Similar", ...).
func ParseSignificance(s string) (Significance, error) { return significances.Parse(s, false) }

// Compare judges a value's confidence interval against a benchmark value the way OHID's
// Fingertips profiles do: the difference is significant when the interval excludes the
// benchmark (a limit equal to the benchmark counts as including it). Which side is better
// comes from the indicator's polarity:
//
//	interval wholly above benchmark: Better (higher is better), Worse (lower is better),
//	                                 Higher (no judgement)
//	interval wholly below benchmark: Worse, Better, Lower respectively
//	otherwise:                       Similar
//
// Use the 95 % interval for the usual three-colour comparison and the 99.8 % interval for
// the stricter one. Public Health England (2018), Technical Guide: Confidence Intervals;
// Fingertips, Public Health Profiles: "Compared with benchmark".
func Compare(iv Interval, benchmark float64, p measure.Polarity) (Significance, error) {
	var errs []error
	if !p.Valid() {
		errs = append(errs, &FieldError{Path: "/polarity", Err: ErrOutOfRange, Detail: "one of higher-is-better, lower-is-better, no-judgement"})
	}
	if !checkFinite(benchmark) {
		errs = append(errs, &FieldError{Path: "/benchmark", Err: ErrOutOfRange, Detail: "a finite benchmark value"})
	}
	if !checkFinite(iv.Lower, iv.Upper) || iv.Lower > iv.Upper {
		errs = append(errs, &FieldError{Path: "/interval", Err: ErrOutOfRange, Detail: "finite limits with lower ≤ upper"})
	}
	if len(errs) > 0 {
		return 0, joinErrs(errs)
	}
	switch {
	case iv.Lower > benchmark:
		switch p {
		case measure.HigherIsBetter:
			return Better, nil
		case measure.LowerIsBetter:
			return Worse, nil
		}
		return Higher, nil
	case iv.Upper < benchmark:
		switch p {
		case measure.HigherIsBetter:
			return Worse, nil
		case measure.LowerIsBetter:
			return Better, nil
		}
		return Lower, nil
	}
	return Similar, nil
}
