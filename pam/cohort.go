package pam

import (
	"math"

	"github.com/peopleandcommunities/engage/internal/dist"
	"github.com/peopleandcommunities/engage/internal/exactsum"
)

// SummaryConfidence is the confidence level of the intervals in cohort and gains summaries.
const SummaryConfidence = 0.95

// Interval is a two-sided confidence interval at a stated level.
type Interval struct {
	// Level is the confidence level as a fraction, e.g. 0.95.
	Level float64 `json:"level"`
	// Lower and Upper are the limits; Lower ≤ Upper.
	Lower float64 `json:"lower"`
	Upper float64 `json:"upper"`
}

// A Cohort accumulates results: how many were added, scored and accepted, how many carry
// each flag, the mean and standard deviation of the accepted scores, and the accepted results'
// levels under every level scheme. Its state is a fixed-size value with no pointers; the zero
// value is an empty cohort. Cohorts built on different workers combine with Merge into
// exactly the state one cohort given every result would have, bit for bit, whatever the order
// of the results and the grouping of the merges: every count is a whole number, and the
// scores and their squares are summed exactly (see Add). A national dataset can
// therefore be split across the workers of any map-reduce engine without changing a digit of
// the summary. A Cohort is not safe for concurrent use: give each worker its own.
type Cohort struct {
	results int64
	scored  int64
	invalid int64
	flagged [numFlags]int64
	moments exactsum.Moments // of the accepted unrounded scores; its count is the accepted results
	lo, hi  float64
	levels  [numSchemes][4]int64
}

// Add adds one result. Every result counts in Results and in Flagged for each of its flags;
// an accepted result (scored, and not rejected by its policy) also enters the mean, standard
// deviation, range and levels. The mean uses the unrounded score; levels are banded from the
// reported score under each scheme. A result claiming a score that is not a number in
// [0, 100] is counted as Invalid and enters nothing else.
//
// The cohort keeps the exact sum of the accepted scores and of their squares in fixed-point
// integers (Kulisch's long accumulator cut to the scores' range: U Kulisch, Computer
// Arithmetic and Validity, 2nd ed., de Gruyter 2013), each score held as a whole number of
// units of 2⁻⁶⁴ points: every score of 2⁻¹² or more enters exactly, a lower one within
// 2⁻⁶⁵ ≈ 2.7e-20 points. Summary derives the mean and variance from those sums with one
// rounding each.
func (c *Cohort) Add(r Result) {
	if r.Scored && !(r.Unrounded >= 0 && r.Unrounded <= 100 && r.Score >= 0 && r.Score <= 100) {
		c.invalid++
		return
	}
	c.results++
	if r.Scored {
		c.scored++
	}
	for fl := r.Flags & AllFlags; fl != 0; fl &= fl - 1 {
		c.flagged[trailingZeros(uint8(fl))]++
	}
	if !r.Accepted || !r.Scored {
		return
	}
	x := r.Unrounded
	if c.moments.Count() == 0 {
		c.lo, c.hi = x, x
	} else {
		c.lo, c.hi = min(c.lo, x), max(c.hi, x)
	}
	c.moments.Add(x)
	t := roundTenths(r.Score)
	for s := range numSchemes {
		c.levels[s][LevelScheme(s+1).levelTenths(t)-1]++
	}
}

// trailingZeros returns the index of the lowest set bit of a non-zero x.
func trailingZeros(x uint8) int {
	n := 0
	for x&1 == 0 {
		x >>= 1
		n++
	}
	return n
}

// Merge adds every result of other to c, giving exactly the state c would have had if each
// had been added to c directly; other is unchanged. Counts and exact sums add, and the range
// combines by minimum and maximum, so merging is associative and commutative bit for bit.
func (c *Cohort) Merge(other *Cohort) {
	if other == nil {
		return
	}
	o := *other
	c.results += o.results
	c.scored += o.scored
	c.invalid += o.invalid
	for i := range c.flagged {
		c.flagged[i] += o.flagged[i]
	}
	for s := range c.levels {
		for l := range c.levels[s] {
			c.levels[s][l] += o.levels[s][l]
		}
	}
	switch {
	case o.moments.Count() == 0:
	case c.moments.Count() == 0:
		c.lo, c.hi = o.lo, o.hi
	default:
		c.lo, c.hi = min(c.lo, o.lo), max(c.hi, o.hi)
	}
	c.moments.Merge(&o.moments)
}

// CohortSummary reports a Cohort.
type CohortSummary struct {
	// Results is the number of results added, Invalid excepted.
	Results int64 `json:"results"`
	// Scored is the number of those with a score.
	Scored int64 `json:"scored"`
	// Accepted is the number of scored results that their policy accepts: the results the
	// statistics below describe.
	Accepted int64 `json:"accepted"`
	// Invalid is the number of results rejected by Add because their score was not a number
	// in [0, 100]; they count nowhere else.
	Invalid int64 `json:"invalid"`
	// Flagged is the number of results raising each flag; a result may raise several.
	Flagged map[Flag]int64 `json:"flagged"`
	// Mean is the mean unrounded score of the accepted results, correctly rounded from their
	// exact sum (see Cohort.Add); nil when there are none.
	Mean *float64 `json:"mean,omitempty"`
	// SD is the sample standard deviation (divisor n − 1) of the accepted scores; nil for
	// fewer than two.
	SD *float64 `json:"sd,omitempty"`
	// MeanInterval is the t-based confidence interval for the mean at SummaryConfidence,
	//
	//	mean ± t(1 − α/2, n − 1) · SD/√n
	//
	// nil for fewer than two accepted results.
	MeanInterval *Interval `json:"meanInterval,omitempty"`
	// Min and Max are the lowest and highest accepted unrounded scores; nil when there are
	// none.
	Min *float64 `json:"min,omitempty"`
	Max *float64 `json:"max,omitempty"`
	// Levels gives the accepted results' levels under each level scheme; empty when there are
	// none.
	Levels []SchemeLevels `json:"levels,omitempty"`
}

// SchemeLevels is the distribution of a cohort's accepted results over the four levels under
// one scheme.
type SchemeLevels struct {
	// Scheme is the level scheme.
	Scheme LevelScheme `json:"scheme"`
	// Levels holds Level1 … Level4 in order.
	Levels [4]LevelShare `json:"levels"`
}

// LevelShare is the number and share of a cohort's accepted results at one level.
type LevelShare struct {
	// Level is the level.
	Level Level `json:"level"`
	// Count is the number of accepted results at the level.
	Count int64 `json:"count"`
	// Proportion is Count over the accepted results.
	Proportion float64 `json:"proportion"`
	// Interval is the Wilson score interval for Proportion at SummaryConfidence.
	Interval Interval `json:"interval"`
}

// Summary reports the cohort. It does not change it.
func (c *Cohort) Summary() CohortSummary {
	accepted := c.moments.Count()
	s := CohortSummary{Results: c.results, Scored: c.scored, Accepted: accepted, Invalid: c.invalid,
		Flagged: make(map[Flag]int64, numFlags)}
	for i, n := range c.flagged {
		s.Flagged[Flag(i+1)] = n
	}
	if accepted == 0 {
		return s
	}
	lo, hi := c.lo, c.hi
	mean := min(max(c.moments.Mean(), lo), hi) // only a score below 2⁻¹², held to 2⁻⁶⁵, could stray
	s.Mean, s.Min, s.Max = &mean, &lo, &hi
	if accepted >= 2 {
		n := float64(accepted)
		sd := c.moments.SD()
		s.SD = &sd
		if t, err := dist.TQuantile(1-(1-SummaryConfidence)/2, n-1); err == nil {
			h := t * sd / math.Sqrt(n)
			s.MeanInterval = &Interval{Level: SummaryConfidence, Lower: mean - h, Upper: mean + h}
		}
	}
	for sc := range numSchemes {
		sl := SchemeLevels{Scheme: LevelScheme(sc + 1)}
		for l := range 4 {
			k := c.levels[sc][l]
			sl.Levels[l] = LevelShare{Level: Level(l + 1), Count: k,
				Proportion: float64(k) / float64(accepted), Interval: wilson(k, accepted)}
		}
		s.Levels = append(s.Levels, sl)
	}
	return s
}

// wilsonZ is the normal multiplier for SummaryConfidence, Φ⁻¹(0.975) = 1.95996398454005423…,
// as a float64 (internal/dist.Z(0.95) agrees to within one unit in the last place).
const wilsonZ = 1.959963984540054

// wilson returns the Wilson score interval for x events in n > 0 trials at
// SummaryConfidence (Wilson EB, J Am Stat Assoc 1927;22:209–212), in the form of OHID's
// PHEindicatormethods:
//
//	lower, upper = (2x + z² ∓ z·√(z² + 4x(1 − x/n))) / (2(n + z²))
func wilson(x, n int64) Interval {
	fx, fn := float64(x), float64(n)
	z := wilsonZ
	root := z * math.Sqrt(z*z+4*fx*(1-fx/fn))
	den := 2 * (fn + z*z)
	lo := max((2*fx+z*z-root)/den, 0)
	hi := min((2*fx+z*z+root)/den, 1)
	if x == 0 {
		lo = 0
	}
	if x == n {
		hi = 1
	}
	return Interval{Level: SummaryConfidence, Lower: lo, Upper: hi}
}
