package indicator

import (
	"math"

	"github.com/peopleandcommunities/engage/internal/dist"
	"github.com/peopleandcommunities/engage/internal/exactsum"
	"github.com/peopleandcommunities/engage/internal/field"
)

// MaxValues is the most values one mean may be computed from in a single call to NewMean;
// larger data go through a MeanTally, which has no limit.
const MaxValues = 10_000_000

// Mean is the arithmetic mean of values (survey scores, waiting times, a wellbeing scale)
// with Student t limits.
type Mean struct {
	Estimate
	// Count is the number of values, Sum their total and SD their sample standard
	// deviation (divisor Count − 1).
	Count int
	Sum   float64
	SD    float64
}

// NewMean returns the mean of values with Student t limits at each requested level, as
// OHID's PHEindicatormethods phe_mean computes them:
//
//	value = Σx / N,  s = √(Σ(x − value)² / (N − 1))
//	limits = value ∓ |t⁻¹((1 − c)/2; N − 1)| · s/√N
//
// The sums are exact, as in [MeanTally] (whose results NewMean's equal bit for bit, in any
// order of the values): value and s are the exact mean and standard deviation of the values
// rounded once each, a value smaller in magnitude than 2⁻¹² first moving to the nearest
// multiple of 2⁻⁶⁴.
//
// At least two values are needed (one value has no standard deviation: an error matching
// ErrUndefined); equal values give limits equal to the mean. Values must be finite with
// |x| ≤ MaxMagnitude; at most MaxValues of them. Options.Multiplier must be 0 or 1.
func NewMean(values []float64, o Options) (Mean, error) {
	var l field.List
	levels, err := o.levels()
	l.AddError("", err)
	checkMeanMultiplier(&l, o)
	switch {
	case len(values) > MaxValues:
		l.Add("/values", ErrOutOfRange, "at most 10,000,000 values in one call; use a MeanTally")
	case len(values) < 2:
		l.Add("/values", ErrUndefined, "at least two values")
	}
	bad := 0
	for i, x := range values {
		if !finite(x) {
			if bad < 20 {
				l.Add(field.Pointer("values", i), ErrOutOfRange, "a finite value no larger in size than 1e15")
			}
			bad++
		}
	}
	if err := l.Err(); err != nil {
		return Mean{}, err
	}
	var m exactsum.Moments
	for _, x := range values {
		m.Add(x)
	}
	return meanResult(&m, levels)
}

// NewMeanFromSummary returns the mean with Student t limits from summary statistics: the
// number of values n ≥ 2, their mean and their sample standard deviation sd ≥ 0, as a
// survey report or another system publishes them. The interval is NewMean's.
func NewMeanFromSummary(n int, mean, sd float64, o Options) (Mean, error) {
	var l field.List
	levels, err := o.levels()
	l.AddError("", err)
	checkMeanMultiplier(&l, o)
	if n < 2 {
		l.Add("/count", ErrUndefined, "at least two values")
	}
	if !finite(mean) {
		l.Add("/mean", ErrOutOfRange, "a finite mean no larger in size than 1e15")
	}
	if !(sd >= 0 && sd <= MaxMagnitude) {
		l.Add("/sd", ErrOutOfRange, "a standard deviation from 0 to 1e15")
	}
	if err := l.Err(); err != nil {
		return Mean{}, err
	}
	return meanEstimate(n, mean*float64(n), mean, sd, levels)
}

func checkMeanMultiplier(l *field.List, o Options) {
	if o.Multiplier != 0 && o.Multiplier != 1 {
		l.Add("/multiplier", ErrOutOfRange, "no multiplier (0 or 1) for a mean")
	}
}

// meanResult returns the mean and limits of exact moments of at least two values.
func meanResult(m *exactsum.Moments, levels []float64) (Mean, error) {
	return meanEstimate(int(m.Count()), m.Sum().Float64(), m.Mean(), m.SD(), levels)
}

func meanEstimate(n int, sum, mean, sd float64, levels []float64) (Mean, error) {
	m := Mean{
		Estimate: Estimate{
			Statistic:  StatisticMean,
			Method:     MethodStudentT,
			Value:      mean,
			Multiplier: 1,
			Limits:     make([]Interval, len(levels)),
		},
		Count: n,
		Sum:   sum,
		SD:    sd,
	}
	se := sd / math.Sqrt(float64(n))
	for i, c := range levels {
		t, err := dist.TQuantile((1-c)/2, float64(n-1))
		if err != nil {
			return Mean{}, &FieldError{Path: "/count", Err: ErrUndefined, Detail: "a Student t quantile for these degrees of freedom"}
		}
		half := math.Abs(t) * se
		m.Limits[i] = Interval{Level: c, Lower: mean - half, Upper: mean + half}
	}
	if !checkFinite(m.Value, m.Sum) {
		return Mean{}, &FieldError{Path: "/values", Err: ErrOutOfRange, Detail: "values whose total stays finite"}
	}
	return m, nil
}

// MeanTally accumulates values for a mean over any number of records, on one worker or
// many. The zero value is empty, and tallies merged with Merge give the mean and standard
// deviation one pass would, bit for bit: the state after any sequence of Add and Merge over
// the same values is identical, whatever the split and the order, and so are Mean and the
// binary encoding.
//
// The tally keeps the count n and, exactly, the sum Σq and the sum of squares Σq² of the
// values q, each held as an integer multiple of 2⁻⁶⁴ (every value of magnitude 2⁻¹² or more
// already is; a smaller one moves to the nearest multiple, by at most 2⁻⁶⁵ ≈ 2.7·10⁻²⁰):
// Σq as a 192-bit and Σq² as a 320-bit integer, neither of which can overflow before 2⁶³
// values of MaxMagnitude. Mean reads out, each rounded once to the nearest float64,
//
//	mean = Σq / n,  s = √((n·Σq² − (Σq)²) / (n(n − 1)))
//
// computed exactly in integers, so the cancellation that makes this formula unreliable in
// floating point (Chan TF, Golub GH, LeVeque RJ (1983), Algorithms for computing the sample
// variance: analysis and recommendations, Am Stat 37:242–247) does not arise. The
// accumulator is an exact fixed-point one in the manner of Kulisch's (Kulisch U, Computer
// Arithmetic and Validity, 2nd ed., de Gruyter 2013). Not safe for concurrent use.
type MeanTally struct {
	m exactsum.Moments
}

// Add adds one value, which must be finite with |x| ≤ MaxMagnitude; otherwise it is
// rejected with an error matching ErrOutOfRange and the tally is unchanged.
func (t *MeanTally) Add(x float64) error {
	if !finite(x) {
		return &FieldError{Path: "/value", Err: ErrOutOfRange, Detail: "a finite value no larger in size than 1e15"}
	}
	t.m.Add(x)
	return nil
}

// Merge adds every value of other into t, exactly. other is not changed.
func (t *MeanTally) Merge(other *MeanTally) { t.m.Merge(&other.m) }

// Count returns how many values were added.
func (t *MeanTally) Count() int { return int(t.m.Count()) }

// Mean returns the mean of the values added with Student t limits; see [NewMean].
func (t *MeanTally) Mean(o Options) (Mean, error) {
	var l field.List
	levels, err := o.levels()
	l.AddError("", err)
	checkMeanMultiplier(&l, o)
	if t.m.Count() < 2 {
		l.Add("/values", ErrUndefined, "at least two values")
	}
	if err := l.Err(); err != nil {
		return Mean{}, err
	}
	return meanResult(&t.m, levels)
}
