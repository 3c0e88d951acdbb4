package equality

import (
	"math"

	"github.com/peopleandcommunities/engage/internal/dist"
	"github.com/peopleandcommunities/engage/internal/enum"
	"github.com/peopleandcommunities/engage/internal/field"
)

// Gap is an inequality gap measured in one period, with its standard error: an absolute gap
// (a difference, an SII) on its own scale, or a relative gap (a ratio, an RII) with the
// standard error of its natural logarithm.
type Gap struct {
	// Estimate is the gap. A relative gap must be > 0.
	Estimate float64 `json:"estimate"`
	// SE is the standard error of Estimate (of ln Estimate for a relative gap), ≥ 0.
	SE float64 `json:"se"`
}

// GapFromInterval returns the gap whose estimate is estimate and whose standard error is
// recovered from a symmetric normal confidence interval (on the log scale when relative):
//
//	SE = (U − L) / (2 z(level))           SE = (ln U − ln L) / (2 z(level))   (relative)
//
// For an interval that is not symmetric (such as an SII's simulated limits) this is the
// usual approximation, the half-width over z.
func GapFromInterval(estimate float64, iv Interval, relative bool) (Gap, error) {
	var l field.List
	if !(iv.Level >= 0.5 && iv.Level < 1) {
		l.Add("/level", ErrOutOfRange, "a confidence level in [0.5, 1)")
	}
	if !finite(iv.Lower) || !finite(iv.Upper) || iv.Lower > iv.Upper {
		l.Add("", ErrOutOfRange, "finite limits with lower ≤ upper")
	} else if relative && !(iv.Lower > 0) {
		l.Add("/lower", ErrOutOfRange, "a relative gap's limits must be greater than 0")
	}
	checkGapEstimate(&l, "/estimate", estimate, relative)
	if err := l.Err(); err != nil {
		return Gap{}, err
	}
	z, err := dist.Z(iv.Level)
	if err != nil {
		return Gap{}, &FieldError{Path: "/level", Err: ErrOutOfRange, Detail: "a confidence level in [0.5, 1)"}
	}
	lo, hi := iv.Lower, iv.Upper
	if relative {
		lo, hi = math.Log(lo), math.Log(hi)
	}
	se := (hi - lo) / (2 * z)
	if !finite(se) {
		return Gap{}, &FieldError{Err: ErrOutOfRange, Detail: "limits whose width is finite"}
	}
	return Gap{Estimate: estimate, SE: se}, nil
}

func checkGapEstimate(l *field.List, path string, x float64, relative bool) {
	switch {
	case !finite(x):
		l.Add(path, ErrOutOfRange, "a finite gap")
	case relative && !(x > 0):
		l.Add(path, ErrOutOfRange, "a relative gap (a ratio) greater than 0")
	}
}

// GapTrend says whether an inequality gap narrowed between two periods.
// The zero value is not a trend.
type GapTrend uint8

// The trends.
const (
	// Narrowing means the change is significant and the gap is smaller in magnitude (closer to 0,
	// or to 1 for a relative gap).
	Narrowing GapTrend = 1 + iota
	// NoSignificantChange means the interval of the change contains no change.
	NoSignificantChange
	// Widening means the change is significant and the gap is larger in magnitude.
	Widening
)

var gapTrends = enum.NewTable[GapTrend]("equality.GapTrend",
	[]string{"narrowing", "no-significant-change", "widening"},
	map[string]GapTrend{"no-change": NoSignificantChange, "similar": NoSignificantChange})

// Valid reports whether t is a declared trend.
func (t GapTrend) Valid() bool { return gapTrends.Valid(t) }

// String returns the slug, e.g. "narrowing"; any other value prints as %!GapTrend(n).
func (t GapTrend) String() string { return gapTrends.String(t) }

// MarshalText returns the slug; an invalid trend is an error.
func (t GapTrend) MarshalText() ([]byte, error) { return gapTrends.Marshal(t) }

// UnmarshalText parses text with ParseGapTrend.
func (t *GapTrend) UnmarshalText(text []byte) error {
	v, err := ParseGapTrend(string(text))
	if err == nil {
		*t = v
	}
	return err
}

// ParseGapTrend returns the trend named by s.
func ParseGapTrend(s string) (GapTrend, error) { return gapTrends.Parse(s, false) }

// GapChangeOptions configures GapChange. The zero value asks for a 95 % interval of an
// absolute gap's change.
type GapChangeOptions struct {
	// Confidence is the level of the change's interval, in [0.9, 1); zero means 0.95.
	Confidence float64
	// Relative says the gaps are ratios (an RII, a rate ratio) with standard errors on the log
	// scale; the change is then their ratio, after/before, and parity is 1.
	Relative bool
}

// GapChangeResult answers "is the gap narrowing?" between two periods.
type GapChangeResult struct {
	Before Gap `json:"before"`
	After  Gap `json:"after"`
	// Change is After − Before, or After/Before for relative gaps.
	Change float64 `json:"change"`
	// SE is the standard error of the change (of its logarithm for relative gaps).
	SE float64 `json:"se"`
	// Interval is the change's confidence interval.
	Interval Interval `json:"interval"`
	// Trend judges the change: significant when the interval excludes no change (0, or 1
	// for relative gaps), then narrowing or widening by the gap's magnitude.
	Trend    GapTrend `json:"trend"`
	Relative bool     `json:"relative"`
}

// GapChange compares an inequality gap in two periods, taken to be independent estimates:
//
//	Δ = after − before,   SE(Δ) = √(SE_before² + SE_after²),   Δ ± z·SE(Δ)
//
// and, for relative gaps (ratios), the same on the log scale, reported as the ratio of ratios
// exp(ln after − ln before) with interval exp(ln Δ ± z·SE). This is the standard test of a
// difference between two independent estimates (Altman DG, Bland JM. Interaction revisited:
// the difference between two estimates. BMJ 2003;326:219).
//
// The gap is judged narrowing when the interval excludes no change and the gap's magnitude
// fell (|after| < |before|, or |ln after| < |ln before| for ratios), widening when it
// excludes no change and the magnitude rose, and otherwise no significant change. Judging by
// magnitude keeps the verdict right when a gap reverses direction: a gap of +5 that becomes
// −8 has widened, not narrowed. If the periods share data (overlapping pooled years) the
// estimates are not independent and the interval is too wide.
func GapChange(before, after Gap, opts GapChangeOptions) (GapChangeResult, error) {
	conf := opts.Confidence
	if conf == 0 {
		conf = 0.95
	}
	var l field.List
	if !(conf >= 0.9 && conf < 1) {
		l.Add("/options/confidence", ErrOutOfRange, "a confidence level in [0.9, 1)")
	}
	for _, g := range []struct {
		path string
		gap  Gap
	}{{"/before", before}, {"/after", after}} {
		checkGapEstimate(&l, g.path+"/estimate", g.gap.Estimate, opts.Relative)
		if !(g.gap.SE >= 0) || math.IsInf(g.gap.SE, 1) {
			l.Add(g.path+"/se", ErrOutOfRange, "a finite standard error, not negative")
		}
	}
	if err := l.Err(); err != nil {
		return GapChangeResult{}, err
	}
	z, err := dist.Z(conf)
	if err != nil {
		return GapChangeResult{}, &FieldError{Path: "/options/confidence", Err: ErrOutOfRange, Detail: "a confidence level in [0.9, 1)"}
	}
	b, a := before.Estimate, after.Estimate
	if opts.Relative {
		b, a = math.Log(b), math.Log(a)
	}
	d := a - b
	se := math.Hypot(before.SE, after.SE)
	lo, hi := d-z*se, d+z*se
	res := GapChangeResult{Before: before, After: after, Change: d, SE: se, Relative: opts.Relative}
	if opts.Relative {
		res.Change, lo, hi = math.Exp(d), math.Exp(lo), math.Exp(hi)
	}
	if !finite(res.Change) || !finite(lo) || !finite(hi) || !finite(se) {
		return GapChangeResult{}, &FieldError{Err: ErrOutOfRange, Detail: "gaps whose difference and interval are finite"}
	}
	res.Interval = Interval{Level: conf, Lower: math.Min(lo, res.Change), Upper: math.Max(hi, res.Change)}
	zero := 0.0
	if opts.Relative {
		zero = 1
	}
	switch {
	case res.Interval.Contains(zero):
		res.Trend = NoSignificantChange
	case math.Abs(a) < math.Abs(b):
		res.Trend = Narrowing
	case math.Abs(a) > math.Abs(b):
		res.Trend = Widening
	default:
		res.Trend = NoSignificantChange
	}
	return res, nil
}
