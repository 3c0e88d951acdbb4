package indicator

import (
	"math"

	"github.com/peopleandcommunities/engage/internal/dist"
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
	var s ksum
	for _, x := range values {
		s.add(x)
	}
	n := len(values)
	sum := s.value()
	mean := sum / float64(n)
	var ss ksum
	for _, x := range values {
		d := x - mean
		ss.add(d * d)
	}
	sd := math.Sqrt(ss.value() / float64(n-1))
	return meanResult(n, sum, sd, levels)
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
	return meanResult(n, mean*float64(n), sd, levels)
}

func checkMeanMultiplier(l *field.List, o Options) {
	if o.Multiplier != 0 && o.Multiplier != 1 {
		l.Add("/multiplier", ErrOutOfRange, "no multiplier (0 or 1) for a mean")
	}
}

func meanResult(n int, sum, sd float64, levels []float64) (Mean, error) {
	mean := sum / float64(n)
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
// many: the zero value is empty, and tallies merged with Merge give the mean and standard
// deviation one pass would (Welford's update and Chan, Golub and LeVeque's pairwise
// combination; the total is a compensated sum). Not safe for concurrent use.
//
// Welford BP (1962), Technometrics 4:419–420; Chan TF, Golub GH, LeVeque RJ (1979),
// Updating formulae and a pairwise algorithm for computing sample variances, Stanford
// CS-TR-79-773.
type MeanTally struct {
	n    int
	sum  ksum
	mean float64
	m2   float64
}

// Add adds one value, which must be finite with |x| ≤ MaxMagnitude; otherwise it is
// rejected with an error matching ErrOutOfRange and the tally is unchanged.
func (t *MeanTally) Add(x float64) error {
	if !finite(x) {
		return &FieldError{Path: "/value", Err: ErrOutOfRange, Detail: "a finite value no larger in size than 1e15"}
	}
	t.n++
	t.sum.add(x)
	d := x - t.mean
	t.mean += d / float64(t.n)
	t.m2 += d * (x - t.mean)
	return nil
}

// Merge adds every value of other into t. other is not changed.
func (t *MeanTally) Merge(other *MeanTally) {
	switch {
	case other.n == 0:
		return
	case t.n == 0:
		*t = *other
		return
	}
	n := t.n + other.n
	d := other.mean - t.mean
	t.mean += d * float64(other.n) / float64(n)
	t.m2 += other.m2 + d*d*float64(t.n)*float64(other.n)/float64(n)
	t.sum.merge(other.sum)
	t.n = n
}

// Count returns how many values were added.
func (t *MeanTally) Count() int { return t.n }

// Mean returns the mean of the values added with Student t limits; see [NewMean].
func (t *MeanTally) Mean(o Options) (Mean, error) {
	var l field.List
	levels, err := o.levels()
	l.AddError("", err)
	checkMeanMultiplier(&l, o)
	if t.n < 2 {
		l.Add("/values", ErrUndefined, "at least two values")
	}
	if err := l.Err(); err != nil {
		return Mean{}, err
	}
	sd := math.Sqrt(math.Max(t.m2, 0) / float64(t.n-1))
	return meanResult(t.n, t.sum.value(), sd, levels)
}
