package indicator

import (
	"math"
	"strconv"

	"github.com/peopleandcommunities/engage/internal/enum"
	"github.com/peopleandcommunities/engage/internal/field"
	"github.com/peopleandcommunities/engage/measure"
)

// The confidence levels that public-health profiles publish. OHID's Fingertips shows 95 %
// limits and judges areas against a benchmark at 95 % or 99.8 % (PHE, Technical Guide:
// Confidence Intervals, 2018).
const (
	Level95  = 0.95
	Level998 = 0.998
)

// Limits on the inputs of the statistics, checked before any arithmetic so that no input can
// overflow to ±Inf or produce NaN.
const (
	// MinLevel is the lowest confidence level accepted; levels are fractions in
	// [MinLevel, MaxLevel].
	MinLevel = 0.9
	// MaxLevel is the highest confidence level accepted, 1 − 1e-15. Closer to 1, the upper
	// tail probability (1 − c)/2 is lost in float64 rounding (c + (1 − c)/2 rounds to 1) and no
	// finite limit exists, so such a level is refused rather than answered with a wrong one.
	MaxLevel = 1 - 1e-15
	// MaxLevels is the most confidence levels one estimate may be computed at.
	MaxLevels = 8
	// MaxMagnitude bounds every count, denominator, population, multiplier and raw value:
	// their absolute values may not exceed it.
	MaxMagnitude = 1e15
)

// defaultLevels are used when Options.Levels is empty; never modified.
var defaultLevels = [...]float64{Level95, Level998}

// DefaultLevels returns the levels used when none are requested, 0.95 and 0.998, as a new
// slice.
func DefaultLevels() []float64 { return append([]float64(nil), defaultLevels[:]...) }

// Interval is a two-sided confidence interval at a stated level, on the scale of the estimate
// it belongs to (multiplier applied).
type Interval struct {
	// Level is the confidence level as a fraction, e.g. 0.95.
	Level float64
	// Lower and Upper are the limits; Lower ≤ Upper.
	Lower, Upper float64
}

// Contains reports whether x lies within the interval, limits included.
func (iv Interval) Contains(x float64) bool { return iv.Lower <= x && x <= iv.Upper }

// Options are the choices every statistic shares. The zero value asks for the defaults.
type Options struct {
	// Levels are the confidence levels to compute limits at, each a fraction in [0.9, 1),
	// at most MaxLevels of them and none twice. Empty means 0.95 and 0.998.
	Levels []float64
	// Multiplier scales the estimate and its limits: 100 for a percentage, 100000 for a
	// rate per 100,000. Zero means the statistic's default; the constructor says which
	// multipliers it accepts.
	Multiplier float64
}

// levels returns the requested levels, or the defaults, after checking them.
func (o Options) levels() ([]float64, error) {
	if len(o.Levels) == 0 {
		return defaultLevels[:], nil
	}
	var l field.List
	if len(o.Levels) > MaxLevels {
		l.Add("/levels", ErrOutOfRange, "at most "+strconv.Itoa(MaxLevels)+" confidence levels")
		return nil, l.Err()
	}
	for i, c := range o.Levels {
		if err := checkLevel(c); err != nil {
			l.Add(field.Pointer("levels", i), ErrOutOfRange, "a confidence level in [0.9, 1), e.g. 0.95")
			continue
		}
		for _, d := range o.Levels[:i] {
			if d == c {
				l.Add(field.Pointer("levels", i), ErrDuplicate, "each confidence level once")
				break
			}
		}
	}
	if err := l.Err(); err != nil {
		return nil, err
	}
	return o.Levels, nil
}

// multiplier returns the multiplier, def when unset, after checking that it is positive
// and bounded.
func (o Options) multiplier(def float64) (float64, error) {
	m := o.Multiplier
	if m == 0 {
		return def, nil
	}
	if !(m > 0 && m <= MaxMagnitude) {
		return 0, &FieldError{Path: "/multiplier", Err: ErrOutOfRange, Detail: "a multiplier greater than 0 and at most 1e15"}
	}
	return m, nil
}

func checkLevel(c float64) error {
	if !(c >= MinLevel && c <= MaxLevel) {
		return &FieldError{Path: "/level", Err: ErrOutOfRange, Detail: "a confidence level in [0.9, 1 − 1e-15], e.g. 0.95"}
	}
	return nil
}

// finite reports whether x is a number with |x| ≤ MaxMagnitude.
func finite(x float64) bool { return x >= -MaxMagnitude && x <= MaxMagnitude }

// count reports whether x is a valid count or population: finite, not negative, bounded.
func count(x float64) bool { return x >= 0 && x <= MaxMagnitude }

// Method names the confidence-interval method behind an estimate, as OHID's
// PHEindicatormethods records it. The zero value is not a method.
type Method uint8

// The methods.
const (
	// MethodWilson is the Wilson score interval for a proportion (Wilson 1927).
	MethodWilson Method = 1 + iota
	// MethodExactPoisson is the exact Poisson interval from chi-square quantiles, used for
	// fewer than 10 events (Armitage & Berry 2002).
	MethodExactPoisson
	// MethodByar is Byar's approximation to the exact Poisson interval, used from 10
	// events (Breslow & Day 1987).
	MethodByar
	// MethodStudentT is the Student t interval for a mean.
	MethodStudentT
	// MethodDobson is Dobson's interval for a directly standardised rate: Byar's limits
	// for the total count scaled by the rate's variance (Dobson et al. 1991).
	MethodDobson
	// MethodDobsonNonIndependent is Dobson's interval with the variance adjusted for
	// people who had more than one event (PHE Public Health Technical Guidance, DSR
	// chapter).
	MethodDobsonNonIndependent
)

var methods = enum.NewTable[Method]("indicator.Method",
	[]string{"wilson", "exact-poisson", "byar", "student-t", "dobson", "dobson-non-independent"},
	map[string]Method{"exact": MethodExactPoisson, "byars": MethodByar, "t": MethodStudentT})

var methodNames = [...]string{
	MethodWilson:               "Wilson",
	MethodExactPoisson:         "Exact",
	MethodByar:                 "Byars",
	MethodStudentT:             "Student's t-distribution",
	MethodDobson:               "Dobson",
	MethodDobsonNonIndependent: "Dobson, with confidence adjusted for non-independent events",
}

// Valid reports whether m is one of the declared methods.
func (m Method) Valid() bool { return methods.Valid(m) }

// String returns the method's slug, e.g. "byar"; any other value prints as %!Method(n).
func (m Method) String() string { return methods.String(m) }

// Name returns the method's name as PHEindicatormethods writes it in its method column,
// e.g. "Byars"; "" for an invalid method.
func (m Method) Name() string {
	if !m.Valid() {
		return ""
	}
	return methodNames[m]
}

// MarshalText returns the slug; an invalid method is an error.
func (m Method) MarshalText() ([]byte, error) { return methods.Marshal(m) }

// UnmarshalText parses text with ParseMethod.
func (m *Method) UnmarshalText(text []byte) error {
	v, err := ParseMethod(string(text))
	if err == nil {
		*m = v
	}
	return err
}

// ParseMethod returns the method named by s, its slug or PHEindicatormethods' short name
// ("Exact", "Byars"), forgiving about case, spaces and dashes.
func ParseMethod(s string) (Method, error) { return methods.Parse(s, false) }

// Statistic names the kind of value an estimate is. The zero value is not a statistic.
type Statistic uint8

// The statistics.
const (
	// StatisticProportion is a share of a denominator, x/n, as a fraction or percentage.
	StatisticProportion Statistic = 1 + iota
	// StatisticCrudeRate is events per population, x/n × multiplier.
	StatisticCrudeRate
	// StatisticMean is the arithmetic mean of values.
	StatisticMean
	// StatisticDSR is a directly standardised rate.
	StatisticDSR
	// StatisticISRatio is an indirectly standardised ratio (observed over expected).
	StatisticISRatio
	// StatisticISRate is an indirectly standardised rate (the ratio times a reference
	// rate).
	StatisticISRate
)

var statistics = enum.NewTable[Statistic]("indicator.Statistic",
	[]string{"proportion", "crude-rate", "mean", "directly-standardised-rate",
		"indirectly-standardised-ratio", "indirectly-standardised-rate"},
	map[string]Statistic{
		"percentage": StatisticProportion, "rate": StatisticCrudeRate,
		"dsr": StatisticDSR, "directly-standardized-rate": StatisticDSR,
		"isratio": StatisticISRatio, "isr": StatisticISRatio, "smr": StatisticISRatio,
		"indirectly-standardized-ratio": StatisticISRatio,
		"israte":                        StatisticISRate, "indirectly-standardized-rate": StatisticISRate,
	})

// Valid reports whether s is one of the declared statistics.
func (s Statistic) Valid() bool { return statistics.Valid(s) }

// String returns the statistic's slug, e.g. "crude-rate"; any other value prints as
// %!Statistic(n).
func (s Statistic) String() string { return statistics.String(s) }

// MarshalText returns the slug; an invalid statistic is an error.
func (s Statistic) MarshalText() ([]byte, error) { return statistics.Marshal(s) }

// UnmarshalText parses text with ParseStatistic.
func (s *Statistic) UnmarshalText(text []byte) error {
	v, err := ParseStatistic(string(text))
	if err == nil {
		*s = v
	}
	return err
}

// ParseStatistic returns the statistic named by s: its slug or a common abbreviation
// ("dsr", "smr", "rate", "percentage"), forgiving about case, spaces and dashes.
func ParseStatistic(s string) (Statistic, error) { return statistics.Parse(s, false) }

// Estimate is what every indicator statistic produces: the value, its confidence limits and
// how they were made.
type Estimate struct {
	// Statistic is the kind of value.
	Statistic Statistic
	// Method is the confidence-interval method.
	Method Method
	// Value is the estimate, multiplier applied.
	Value float64
	// Multiplier is the scale the value and limits are expressed on (1, 100, 100000, ...).
	Multiplier float64
	// Limits holds one interval per requested confidence level, in the order requested.
	Limits []Interval
}

// At returns the interval at confidence level c, and whether the estimate has one.
func (e Estimate) At(c float64) (Interval, bool) {
	for _, iv := range e.Limits {
		if iv.Level == c {
			return iv, true
		}
	}
	return Interval{}, false
}

// Compare judges the estimate against a benchmark value at confidence level c (one of the
// levels it was computed at), as Fingertips does; see [Compare].
func (e Estimate) Compare(benchmark, c float64, p measure.Polarity) (Significance, error) {
	iv, ok := e.At(c)
	if !ok {
		return 0, &FieldError{Path: "/level", Err: ErrNoInterval, Detail: "one of the levels the estimate was computed at"}
	}
	return Compare(iv, benchmark, p)
}

// checkFinite reports whether every value is a number other than ±Inf; results are checked
// with it so that no NaN or infinity leaves the package.
func checkFinite(vals ...float64) bool {
	for _, v := range vals {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return false
		}
	}
	return true
}
