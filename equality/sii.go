package equality

import (
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"

	"github.com/peopleandcommunities/engage/internal/enum"
	"github.com/peopleandcommunities/engage/internal/field"
)

// Limits of the slope index of inequality. Inputs beyond them are rejected before any work
// starts.
const (
	// MinQuantileGroups and MaxQuantileGroups bound the number of ordered groups (quantiles
	// of deprivation) an SII is computed over, as in PHEindicatormethods phe_sii.
	MinQuantileGroups = 5
	MaxQuantileGroups = 100
	// DefaultSIIRepetitions is the number of Monte Carlo repetitions used when
	// SIIOptions.Repetitions is zero, the default of phe_sii.
	DefaultSIIRepetitions = 100_000
	// MinSIIRepetitions is the fewest repetitions accepted, the minimum of phe_sii.
	MinSIIRepetitions = 1_000
	// MaxSIIRepetitions is the most repetitions accepted; the simulation keeps one float64
	// per repetition (two with the RII), so this bounds memory at 32 MB per area in flight.
	MaxSIIRepetitions = 2_000_000
	// MaxSIILevels is the most confidence levels one call may request.
	MaxSIILevels = 8
)

// z95 is Φ⁻¹(0.975), the 95 % normal multiplier phe_sii hard-codes when it derives standard
// errors from confidence limits (R: qnorm(0.975)).
const z95 = 1.959963984540054

// ValueType says what kind of indicator value a slope index of inequality is computed from,
// which decides the scale on which its sampling error is normal: the value itself (other),
// its logarithm (rate) or its logit (proportion). It is PHEindicatormethods phe_sii's
// value_type (0, 1, 2). The zero value is not a value type; SIIOptions reads it as
// ValueOther.
type ValueType uint8

// The value types.
const (
	// ValueOther is any value whose error is normal on its own scale (a mean, a score, life
	// expectancy); phe_sii value_type 0.
	ValueOther ValueType = 1 + iota
	// ValueRate is a rate (events per population): error normal on the log scale; phe_sii
	// value_type 1. Values must be positive.
	ValueRate
	// ValueProportion is a proportion on the 0–1 scale: error normal on the logit scale;
	// phe_sii value_type 2. Values must lie strictly between 0 and 1.
	ValueProportion
)

var valueTypes = enum.NewTable[ValueType]("equality.ValueType",
	[]string{"other", "rate", "proportion"},
	map[string]ValueType{"normal": ValueOther, "0": ValueOther, "1": ValueRate, "2": ValueProportion})

// Valid reports whether v is a declared value type.
func (v ValueType) Valid() bool { return valueTypes.Valid(v) }

// String returns the slug, "other", "rate" or "proportion"; any other value prints as
// %!ValueType(n).
func (v ValueType) String() string { return valueTypes.String(v) }

// MarshalText returns the slug; an invalid value type is an error.
func (v ValueType) MarshalText() ([]byte, error) { return valueTypes.Marshal(v) }

// UnmarshalText parses text with ParseValueType.
func (v *ValueType) UnmarshalText(text []byte) error {
	x, err := ParseValueType(string(text))
	if err == nil {
		*v = x
	}
	return err
}

// ParseValueType returns the value type named by s: its slug, "normal" for other, or
// phe_sii's codes "0", "1" and "2".
func ParseValueType(s string) (ValueType, error) { return valueTypes.Parse(s, false) }

// QuantileGroup is one ordered group (a quantile of deprivation) of an area for the slope
// index of inequality: its population, the indicator's value, and the value's uncertainty,
// given either as a standard error or as 95 % confidence limits (SIIOptions.FromLimits says
// which). Groups are passed in order from the most deprived (quantile 1) to the least
// deprived.
type QuantileGroup struct {
	// Population is the group's population (the denominator), > 0. Only the shares matter.
	Population float64
	// Value is the indicator's value: any finite number for ValueOther, > 0 for ValueRate,
	// strictly between 0 and 1 for ValueProportion (a proportion, not a percentage).
	Value float64
	// SE is the standard error of Value, ≥ 0. For rates and proportions it is taken to be on
	// the log or logit scale, as phe_sii takes it.
	SE float64
	// Lower and Upper are 95 % confidence limits of Value, Lower ≤ Value ≤ Upper, used
	// instead of SE when SIIOptions.FromLimits is set. They must be > 0 for rates and
	// strictly between 0 and 1 for proportions.
	Lower, Upper float64
}

// SIIOptions configures SII and SIIAreas. The zero value asks for phe_sii's defaults: value
// type other, standard errors given, no transform, multiplier 1, 100,000 repetitions, 95 %
// limits, no RII, seed 0.
type SIIOptions struct {
	// ValueType is the kind of value; zero means ValueOther.
	ValueType ValueType
	// FromLimits derives each group's standard error from its 95 % limits rather than using
	// QuantileGroup.SE:
	//
	//	s = (T(Upper) − T(Lower)) / (2 · 1.959963984540054)
	//
	// with T the identity, log or logit for other, rate or proportion. The 95 % multiplier is
	// used whatever confidence is requested, because the limits are 95 % limits.
	FromLimits bool
	// Transform fits the regression to log rates or logit proportions and transforms the
	// fitted line back (phe_sii transform = TRUE); it needs ValueRate or ValueProportion.
	Transform bool
	// Multiplier scales the SII (e.g. 100 for a proportion in percentage points, 100,000
	// for a rate per 100,000 given per person). A negative multiplier reverses the polarity:
	// the SII changes sign and the RII is inverted. Zero means 1.
	Multiplier float64
	// Repetitions is the number of Monte Carlo repetitions, MinSIIRepetitions …
	// MaxSIIRepetitions; zero means DefaultSIIRepetitions.
	Repetitions int
	// Confidence lists the confidence levels of the limits, each in [0.9, 1), at most
	// MaxSIILevels; nil means 0.95 only. Every level uses the same draws.
	Confidence []float64
	// RII also computes the relative index of inequality and its limits.
	RII bool
	// Reliability runs the simulation ten times as long, in ten blocks, reports the limits
	// of the first block, and measures their Monte Carlo variability as the mean absolute
	// difference between the other nine blocks' limits and the first's (phe_sii
	// reliability_stat).
	Reliability bool
	// Seed seeds the random streams (math/rand/v2 PCG). The same seed and inputs give the
	// same limits, bit for bit, at any GOMAXPROCS and number of workers, with a given Go
	// release on a given processor architecture (architectures may differ in the last bits
	// of floating-point results, such as math.Exp's).
	Seed uint64
	// Workers is the number of goroutines SIIAreas uses; zero means runtime.GOMAXPROCS(0).
	// The results do not depend on it.
	Workers int
}

// SIIResult is a slope index of inequality for one area, with the inputs it was computed
// from.
type SIIResult struct {
	// SII is the slope index of inequality: the difference between the fitted values at the
	// least deprived end (rank 1) and the most deprived end (rank 0), times the multiplier.
	SII float64 `json:"sii"`
	// SIILimits are the simulated confidence limits of SII, one per requested level, in the
	// order requested.
	SIILimits []Interval `json:"siiLimits"`
	// RII is the relative index of inequality, the ratio of the fitted values at rank 1 and
	// rank 0 (inverted when the multiplier is negative); zero unless SIIOptions.RII is set.
	RII float64 `json:"rii,omitempty"`
	// RIILimits are the confidence limits of RII; nil unless SIIOptions.RII is set.
	RIILimits []Interval `json:"riiLimits,omitempty"`
	// Intercept is the fitted value at the most deprived end as phe_sii reports it: on the
	// value's scale without the multiplier when not transformed, and back-transformed and
	// times |multiplier| when transformed.
	Intercept float64 `json:"intercept"`
	// SIIMAD and RIIMAD are the reliability statistics, one per level: the mean over blocks
	// 2–10 and over both limits of |limit of block k − limit of block 1|, taken on the
	// limits as reported (with Transform, after mapping back to the value's scale). Nil
	// unless SIIOptions.Reliability is set (RIIMAD also needs SIIOptions.RII).
	SIIMAD []float64 `json:"siiMad,omitempty"`
	RIIMAD []float64 `json:"riiMad,omitempty"`

	// The inputs used.
	Groups      int       `json:"groups"`
	ValueType   ValueType `json:"valueType"`
	Transform   bool      `json:"transform"`
	Multiplier  float64   `json:"multiplier"`
	Repetitions int       `json:"repetitions"`
	Seed        uint64    `json:"seed"`
	// Stream is the index of the random stream used: 0 for SII, the area's index for
	// SIIAreas.
	Stream int `json:"stream"`
}

// SII returns the slope index of inequality (SII) of one area across ordered groups, with
// Monte Carlo confidence limits, exactly as OHID's PHEindicatormethods phe_sii computes it
// (Low A, Low A. Measuring the gap: quantifying and comparing local health inequalities.
// J Public Health 2004;26:388–395).
//
// Groups are in order from the most deprived (quantile 1) to the least deprived (quantile
// K), 5 ≤ K ≤ 100. With population shares a_q = n_q/Σn, each group's rank is the mid-point of
// its cumulative share,
//
//	b_q = a_1 + … + a_{q−1} + a_q/2
//
// and the SII is the slope β1 of the population-weighted least-squares line y_q = β0 + β1·b_q
// (phe_sii fits √a·y on [√a, b√a] without intercept, which is the same thing), where y is the
// value, or with Transform its log (rates) or logit (proportions):
//
//	SII = m·β1                          RII = (β0 + β1)/β0                 (no transform)
//	SII = m·(g(β0 + β1) − g(β0))        RII = g(β0 + β1)/g(β0)            (transform)
//
// with m the multiplier and g = exp or expit; a positive SII means the value rises from the
// most to the least deprived. A negative m reverses polarity and inverts the RII.
//
// Confidence limits come from R repetitions: in each, every group's value is drawn from
// N(t_q, s_q), t_q the value on the working scale (log or logit for rates and proportions,
// whether or not Transform is set) and s_q its standard error; without Transform the draws
// of rates and proportions are transformed back before the regression. The limits are order
// statistics of the R simulated slopes (and, separately sorted, RIIs), not interpolated
// percentiles: with cv = c + (1 − c)/2, the round(R·(1 − cv))-th and round(R·cv)-th smallest
// (R's round, half to even): the 2,500th and 97,500th of 100,000 at 95 %, the 100th and
// 99,900th at 99.8 %. With Transform the simulated slope limits B are mapped back around the
// fitted mid-point mid = β0 + β1/2:
//
//	SII_B = m·(g(mid + B/2) − g(mid − B/2)),   RII_B = g(mid + B/2)/g(mid − B/2)
//
// and the RII limits come from these, not from simulated RIIs.
//
// The draws cannot reproduce R's random stream, so limits agree with phe_sii to within
// Monte Carlo error (a limit's seed-to-seed standard deviation is about 1 % of the interval
// width at 100,000 repetitions); the point estimates agree to rounding. Without Transform
// the simulated limits of a rate or proportion describe back-transformed draws, so when
// standard errors are large they need not be centred on the estimate, as in phe_sii.
//
// SII differs from phe_sii in three documented ways. Values of 0 (rates) or 0 and 1
// (proportions), for which phe_sii fails on log(0), are reported as errors before any work.
// With Transform and a rate multiplier between 0 and 1, phe_sii swaps the lower and upper
// limits (its swap tests multiplier < 1 for rates but < 0 for proportions), returning
// lower > upper; SII swaps only for a negative multiplier, which is the correct ordering.
// And phe_sii refuses Transform with a standard error column; SII accepts it, the standard
// error being on the log or logit scale as phe_sii itself takes it.
//
// Bad input gives an error listing every problem as a *FieldError located at
// "/groups/q/field" or "/options/field".
//
// SII draws from stream 0 of opts.Seed, so SII(groups, opts) equals element 0 of
// SIIAreas([][]QuantileGroup{groups}, opts). It allocates per call, never per repetition.
func SII(groups []QuantileGroup, opts SIIOptions) (SIIResult, error) {
	cfg, err := opts.config()
	var l field.List
	l.AddError("/options", err)
	l.AddError("/groups", validateQuantileGroups(groups, &cfg))
	if err := l.Err(); err != nil {
		return SIIResult{}, err
	}
	var w siiWork
	res, err := w.run(groups, &cfg, 0)
	if err != nil {
		return SIIResult{}, addPrefix("/groups", err)
	}
	return res, nil
}

// SIIAreas computes SII for many areas at once, one area per element of areas, on
// opts.Workers goroutines (default GOMAXPROCS). Area i draws from its own random stream,
// derived from opts.Seed and i, so the results are identical whatever the number of workers
// and SIIAreas(areas, opts)[i] equals what SII would give for area i with stream i. Work is
// linear in the number of areas; each worker keeps one buffer of Repetitions floats.
//
// Every area is validated before any is computed; problems are reported together, located
// at "/areas/i/groups/q/field". phe_sii silently drops an area that lacks a quantile; here
// such an area is an error (fewer groups than the others is allowed only if it still has at
// least MinQuantileGroups, since each area is computed on its own groups).
func SIIAreas(areas [][]QuantileGroup, opts SIIOptions) ([]SIIResult, error) {
	cfg, err := opts.config()
	var l field.List
	l.AddError("/options", err)
	for i, g := range areas {
		l.AddError(field.Pointer("areas", i, "groups"), validateQuantileGroups(g, &cfg))
	}
	if err := l.Err(); err != nil {
		return nil, err
	}
	out := make([]SIIResult, len(areas))
	errs := make([]error, len(areas))
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = min(workers, len(areas))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var w siiWork
			for {
				i := int(next.Add(1) - 1)
				if i >= len(areas) {
					return
				}
				out[i], errs[i] = w.run(areas[i], &cfg, i)
			}
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			l.AddError(field.Pointer("areas", i, "groups"), err)
		}
	}
	if err := l.Err(); err != nil {
		return nil, err
	}
	return out, nil
}

// siiConfig is SIIOptions with defaults applied and order-statistic positions computed.
type siiConfig struct {
	vt                                      ValueType
	fromLimits, transform, rii, reliability bool
	m                                       float64
	reps                                    int
	levels                                  []float64
	lo, hi                                  []int             // 0-based order-statistic positions per level
	ks                                      []int             // sorted distinct positions
	loAt, hiAt                              [MaxSIILevels]int // indices in ks of lo and hi
	seed                                    uint64
}

func (o SIIOptions) config() (siiConfig, error) {
	var l field.List
	c := siiConfig{vt: o.ValueType, fromLimits: o.FromLimits, transform: o.Transform,
		rii: o.RII, reliability: o.Reliability, m: o.Multiplier, reps: o.Repetitions, seed: o.Seed}
	if c.vt == 0 {
		c.vt = ValueOther
	}
	if !c.vt.Valid() {
		l.Add("/valueType", ErrUnknownValue, "other, rate or proportion")
	}
	if c.transform && c.vt == ValueOther {
		l.Add("/transform", ErrOutOfRange, "the log or logit transform needs value type rate or proportion")
	}
	if c.m == 0 {
		c.m = 1
	}
	if !finite(c.m) {
		l.Add("/multiplier", ErrOutOfRange, "a finite number other than 0")
	}
	if c.reps == 0 {
		c.reps = DefaultSIIRepetitions
	}
	if c.reps < MinSIIRepetitions || c.reps > MaxSIIRepetitions {
		l.Add("/repetitions", ErrOutOfRange, "from "+strconv.Itoa(MinSIIRepetitions)+" to "+strconv.Itoa(MaxSIIRepetitions))
	}
	c.levels = o.Confidence
	if len(c.levels) == 0 {
		c.levels = []float64{0.95}
	} else {
		c.levels = slices.Clone(c.levels)
	}
	if len(c.levels) > MaxSIILevels {
		l.Add("/confidence", ErrOutOfRange, "at most "+strconv.Itoa(MaxSIILevels)+" confidence levels")
		c.levels = c.levels[:MaxSIILevels]
	}
	for i, lv := range c.levels {
		p := field.Pointer("confidence", i)
		if !(lv >= 0.9 && lv < 1) {
			l.Add(p, ErrOutOfRange, "a confidence level in [0.9, 1), e.g. 0.95 or 0.998")
			continue
		}
		if l.Len() > 0 {
			continue // repetitions may be invalid; positions are meaningless
		}
		// phe_sii: confidence_value = c + (1 − c)/2; positions round(R(1 − cv)), round(R·cv).
		cv := lv + (1-lv)/2
		lo := int(math.RoundToEven(float64(c.reps) * (1 - cv)))
		hi := int(math.RoundToEven(float64(c.reps) * cv))
		if lo < 1 || hi > c.reps || lo > hi {
			l.Add(p, ErrOutOfRange, "a level whose limits are order statistics within the repetitions; use more repetitions")
			continue
		}
		c.lo = append(c.lo, lo-1)
		c.hi = append(c.hi, hi-1)
	}
	if l.Len() == 0 {
		c.ks = append(append([]int(nil), c.lo...), c.hi...)
		slices.Sort(c.ks)
		c.ks = slices.Compact(c.ks)
		for i := range c.lo {
			c.loAt[i], _ = slices.BinarySearch(c.ks, c.lo[i])
			c.hiAt[i], _ = slices.BinarySearch(c.ks, c.hi[i])
		}
	}
	return c, l.Err()
}

func validateQuantileGroups(groups []QuantileGroup, c *siiConfig) error {
	var l field.List
	k := len(groups)
	if k < MinQuantileGroups {
		l.Add("", ErrTooFewGroups, "at least "+strconv.Itoa(MinQuantileGroups)+" ordered groups")
		return l.Err()
	}
	if k > MaxQuantileGroups {
		l.Add("", ErrOutOfRange, "at most "+strconv.Itoa(MaxQuantileGroups)+" ordered groups")
		return l.Err()
	}
	vt := c.vt
	if !vt.Valid() {
		vt = ValueOther
	}
	total := 0.0
	for q, g := range groups {
		if !(g.Population > 0) || math.IsInf(g.Population, 1) {
			l.Add(field.Pointer(q, "population"), ErrOutOfRange, "a finite population greater than 0")
		} else {
			total += g.Population
		}
		if !inDomain(vt, g.Value) {
			l.Add(field.Pointer(q, "value"), ErrOutOfRange, domainDetail(vt, "value"))
		}
		if c.fromLimits {
			okL, okU := inDomain(vt, g.Lower), inDomain(vt, g.Upper)
			if !okL {
				l.Add(field.Pointer(q, "lower"), ErrOutOfRange, domainDetail(vt, "lower limit"))
			}
			if !okU {
				l.Add(field.Pointer(q, "upper"), ErrOutOfRange, domainDetail(vt, "upper limit"))
			}
			if okL && okU && !(g.Lower <= g.Value && g.Value <= g.Upper) {
				l.Add(field.Pointer(q), ErrOutOfRange, "limits with lower ≤ value ≤ upper")
			}
		} else if !(g.SE >= 0) || math.IsInf(g.SE, 1) {
			l.Add(field.Pointer(q, "se"), ErrOutOfRange, "a finite standard error, not negative")
		}
	}
	if math.IsInf(total, 1) {
		l.Add("", ErrOutOfRange, "populations whose total is finite")
	}
	return l.Err()
}

func inDomain(vt ValueType, v float64) bool {
	switch vt {
	case ValueRate:
		return v > 0 && !math.IsInf(v, 1)
	case ValueProportion:
		return v > 0 && v < 1
	}
	return finite(v)
}

func domainDetail(vt ValueType, what string) string {
	switch vt {
	case ValueRate:
		return "a rate's " + what + " must be finite and greater than 0 (its logarithm is taken)"
	case ValueProportion:
		return "a proportion's " + what + " must lie strictly between 0 and 1 (its logit is taken)"
	}
	return "a finite " + what
}

func finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }

// working returns v on the working scale of the value type: identity, log or logit.
func working(vt ValueType, v float64) float64 {
	switch vt {
	case ValueRate:
		return math.Log(v)
	case ValueProportion:
		return math.Log(v / (1 - v))
	}
	return v
}

// back returns the inverse of working: identity, exp or expit.
func back(vt ValueType, x float64) float64 {
	switch vt {
	case ValueRate:
		return math.Exp(x)
	case ValueProportion:
		return 1 / (1 + math.Exp(-x))
	}
	return x
}

// siiWork holds one worker's buffers; the zero value is ready to use and is reused across
// areas.
type siiWork struct {
	c0, c1, t, s [MaxQuantileGroups]float64
	a            [MaxQuantileGroups]float64
	p            [MaxQuantileGroups]siiParam
	sii, rii     []float64
}

func (w *siiWork) run(groups []QuantileGroup, c *siiConfig, stream int) (SIIResult, error) {
	k := len(groups)
	vt := c.vt

	// Population shares, mid-point ranks and the weighted regression's sums.
	total := 0.0
	for _, g := range groups {
		total += g.Population
	}
	a := w.a[:k]
	var b [MaxQuantileGroups]float64
	cum := 0.0
	for q, g := range groups {
		a[q] = g.Population / total
		b[q] = cum + a[q]/2
		cum += a[q]
	}
	sw, swb := 0.0, 0.0
	for q := range k {
		sw += a[q]
		swb += a[q] * b[q]
	}
	bbar := swb / sw
	sbb := 0.0
	for q := range k {
		d := b[q] - bbar
		sbb += a[q] * d * d
	}
	if !(sbb > 0) || !finite(sbb) {
		return SIIResult{}, &FieldError{Path: "", Err: ErrUndefined, Detail: "groups whose population shares give ranks with some spread"}
	}
	// β = Σ_q (c0_q, c1_q)·y_q: the weighted least-squares coefficients as linear
	// combinations of the values.
	for q := range k {
		w.c1[q] = a[q] * (b[q] - bbar) / sbb
		w.c0[q] = a[q]/sw - bbar*w.c1[q]
	}

	// Working-scale means and standard errors.
	for q, g := range groups {
		w.t[q] = working(vt, g.Value)
		if c.fromLimits {
			w.s[q] = (working(vt, g.Upper) - working(vt, g.Lower)) / (2 * z95)
		} else {
			w.s[q] = g.SE
		}
	}

	// Point estimate, in the centred form β1 = Σ a(b − b̄)(y − ȳ)/Σ a(b − b̄)², β0 = ȳ − β1·b̄,
	// which keeps equal values' slope at zero to rounding even when one group holds nearly
	// all the population.
	var y [MaxQuantileGroups]float64
	ybar := 0.0
	for q, g := range groups {
		y[q] = g.Value
		if c.transform {
			y[q] = w.t[q]
		}
		ybar += a[q] * y[q]
	}
	ybar /= sw
	beta1 := 0.0
	for q := range k {
		beta1 += w.c1[q] * (y[q] - ybar)
	}
	beta0 := ybar - beta1*bbar
	res := SIIResult{Groups: k, ValueType: vt, Transform: c.transform, Multiplier: c.m,
		Repetitions: c.reps, Seed: c.seed, Stream: stream}
	var g0, g1 float64 // fitted values at rank 0 and rank 1 on the value's scale
	if c.transform {
		g0, g1 = back(vt, beta0), back(vt, beta0+beta1)
		res.SII = c.m * (g1 - g0)
		res.Intercept = g0 * math.Abs(c.m)
	} else {
		g0, g1 = beta0, beta0+beta1
		res.SII = c.m * beta1
		res.Intercept = beta0
	}
	if !finite(res.SII) || !finite(res.Intercept) {
		return SIIResult{}, &FieldError{Err: ErrUndefined, Detail: "values for which the fitted line is finite"}
	}
	if c.rii {
		// The RII divides by a fitted value; one that is zero to within rounding (relative
		// to the values' size) would give a meaningless ratio of rounding errors.
		scale := 0.0
		for q, g := range groups {
			scale += a[q] * math.Abs(g.Value)
		}
		den := g0
		if c.m < 0 {
			den = g1
		}
		if !c.transform && math.Abs(den) <= 1e-12*scale {
			return SIIResult{}, &FieldError{Err: ErrUndefined, Detail: "a fitted value other than 0 at the end the RII divides by"}
		}
		res.RII = g1 / g0
		if c.m < 0 {
			res.RII = g0 / g1
		}
		if !finite(res.RII) || res.RII == 0 {
			return SIIResult{}, &FieldError{Err: ErrUndefined, Detail: "fitted values at both ends other than 0 (the RII is their ratio)"}
		}
	}

	// Simulation.
	w.sii = grow(w.sii, c.reps)
	simRII := c.rii && !c.transform
	if simRII {
		w.rii = grow(w.rii, c.reps)
	}
	rng := rand.New(rand.NewPCG(splitMix64(c.seed), splitMix64(c.seed+golden*uint64(stream+1))))
	blocks := 1
	if c.reliability {
		blocks = 10
	}
	nl := len(c.levels)
	first := make([]float64, 4*nl) // block 1's SII lower, upper, RII lower, upper per level
	var madS, madR []float64
	if c.reliability {
		madS = make([]float64, nl)
		if c.rii {
			madR = make([]float64, nl)
		}
	}
	mid := beta0 + beta1/2
	for blk := range blocks {
		if !w.simulate(rng, k, c, simRII) {
			return SIIResult{}, &FieldError{Err: ErrUndefined,
				Detail: "standard errors small enough that every simulated value and fitted line is finite (and, for the RII, never zero at the most deprived end)"}
		}
		var sOrd, rOrd [orderMaxBrackets]float64 // order statistics c.ks of the slopes and RIIs
		orderStats(w.sii[:c.reps], c.ks, sOrd[:])
		if simRII {
			orderStats(w.rii[:c.reps], c.ks, rOrd[:])
		}
		for i := range nl {
			var sl, su, rl, ru float64
			if c.transform {
				l1, u1 := sOrd[c.loAt[i]], sOrd[c.hiAt[i]]
				if c.m < 0 {
					l1, u1 = u1, l1
				}
				int1, x1 := mid-l1/2, mid+l1/2
				int2, x2 := mid-u1/2, mid+u1/2
				sl = c.m * (back(vt, x1) - back(vt, int1))
				su = c.m * (back(vt, x2) - back(vt, int2))
				rl = back(vt, x1) / back(vt, int1)
				ru = back(vt, x2) / back(vt, int2)
				if c.m < 0 {
					rl, ru = 1/rl, 1/ru
				}
			} else {
				sl, su = sOrd[c.loAt[i]], sOrd[c.hiAt[i]]
				if simRII {
					rl, ru = rOrd[c.loAt[i]], rOrd[c.hiAt[i]]
				}
			}
			if blk == 0 {
				first[4*i], first[4*i+1], first[4*i+2], first[4*i+3] = sl, su, rl, ru
				continue
			}
			madS[i] += math.Abs(sl-first[4*i]) + math.Abs(su-first[4*i+1])
			if c.rii {
				madR[i] += math.Abs(rl-first[4*i+2]) + math.Abs(ru-first[4*i+3])
			}
		}
	}
	res.SIILimits = make([]Interval, nl)
	for i, lv := range c.levels {
		res.SIILimits[i] = Interval{Level: lv, Lower: first[4*i], Upper: first[4*i+1]}
	}
	if c.rii {
		res.RIILimits = make([]Interval, nl)
		for i, lv := range c.levels {
			res.RIILimits[i] = Interval{Level: lv, Lower: first[4*i+2], Upper: first[4*i+3]}
		}
	}
	if c.reliability {
		for i := range nl {
			madS[i] /= 18
			if c.rii {
				madR[i] /= 18
			}
		}
		res.SIIMAD, res.RIIMAD = madS, madR
	}
	for _, iv := range res.SIILimits {
		if !finite(iv.Lower) || !finite(iv.Upper) {
			return SIIResult{}, &FieldError{Err: ErrUndefined, Detail: "standard errors small enough that the limits are finite"}
		}
	}
	for _, iv := range res.RIILimits {
		if !finite(iv.Lower) || !finite(iv.Upper) {
			return SIIResult{}, &FieldError{Err: ErrUndefined, Detail: "standard errors small enough that the RII limits are finite"}
		}
	}
	return res, nil
}

// simulate fills w.sii (and w.rii) with one block of repetitions. It reports false if any
// simulated slope or RII is not finite.
func (w *siiWork) simulate(rng *rand.Rand, k int, c *siiConfig, simRII bool) bool {
	p := w.p[:k]
	for q := range p {
		p[q] = siiParam{t: w.t[q], s: w.s[q], c0: w.c0[q], c1: w.c1[q]}
	}
	// Draws are transformed back before the regression only without Transform.
	bt := ValueOther
	if !c.transform {
		bt = c.vt
	}
	// Every draw is centred on the population-weighted mean mu of the values it is drawn
	// about (on the scale of the regression), and mu added back to β0: the coefficients of
	// β1 sum to zero, so this changes nothing but rounding, which it keeps small.
	mu, sw := 0.0, 0.0
	for q := range p {
		v := p[q].t
		if bt != ValueOther {
			v = back(bt, v)
		}
		mu += w.a[q] * v
		sw += w.a[q]
	}
	mu /= sw
	if bt == ValueOther {
		for q := range p {
			p[q].t -= mu
		}
	}
	sii := w.sii[:c.reps]
	var rii []float64
	if simRII {
		rii = w.rii[:c.reps]
	}
	scale := c.m
	if c.transform {
		scale = 1 // the slope stays on the working scale and is mapped back afterwards
	}
	ok := true
	var xs [MaxQuantileGroups]float64
	x := xs[:k]
	for r := range sii {
		var b0, b1 float64
		switch bt {
		case ValueRate:
			// The draws first, then their exponentials in one loop, so that the
			// exponentials' long independent chains of operations overlap.
			for q, g := range p {
				x[q] = g.t + g.s*rng.NormFloat64()
			}
			simExpSlice(x)
			for q, g := range p {
				y := x[q] - mu
				b0 += g.c0 * y
				b1 += g.c1 * y
			}
		case ValueProportion:
			for q, g := range p {
				x[q] = -(g.t + g.s*rng.NormFloat64())
			}
			simExpSlice(x)
			for q, g := range p {
				y := 1/(1+x[q]) - mu
				b0 += g.c0 * y
				b1 += g.c1 * y
			}
		default:
			for _, g := range p {
				y := g.t + g.s*rng.NormFloat64()
				b0 += g.c0 * y
				b1 += g.c1 * y
			}
		}
		b0 += mu
		v := scale * b1
		ok = ok && math.Abs(v) <= math.MaxFloat64
		sii[r] = v
		if simRII {
			x := (b0 + b1) / b0
			if c.m < 0 {
				x = b0 / (b0 + b1)
			}
			ok = ok && math.Abs(x) <= math.MaxFloat64
			rii[r] = x
		}
	}
	return ok
}

// siiParam is one group's simulation parameters: working-scale mean and standard error and
// its coefficients in β0 and β1.
type siiParam struct{ t, s, c0, c1 float64 }

func grow(s []float64, n int) []float64 {
	if cap(s) < n {
		return make([]float64, n)
	}
	return s[:n]
}

const golden = 0x9e3779b97f4a7c15

// splitMix64 is the finaliser of Steele, Lea and Flood's SplitMix64 (OOPSLA 2014), used to
// turn a seed and a stream index into well-separated PCG states.
func splitMix64(x uint64) uint64 {
	x += golden
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}

// addPrefix prefixes the paths of the *FieldErrors in err.
func addPrefix(prefix string, err error) error {
	var l field.List
	l.AddError(prefix, err)
	return l.Err()
}
