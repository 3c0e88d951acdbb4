package indicator

import (
	"math"
	"sync"

	"github.com/peopleandcommunities/engage/internal/dist"
)

// The event count from which OHID's methods use Byar's approximation instead of the exact
// Poisson interval (phe_rate, calculate_ISRatio, calculate_ISRate), and below which a
// directly standardised rate is not published (calculate_dsr).
const SmallCount = 10

// z returns the two-sided normal multiplier Φ⁻¹(1 − (1 − c)/2) for a checked level c.
func z(c float64) float64 {
	switch c {
	case Level95:
		return fixedZ().z95
	case Level998:
		return fixedZ().z998
	}
	v, _ := dist.Z(c) // c is checked, so dist.Z cannot fail
	return v
}

// fixed holds quantiles at the two published levels, computed once; they never change.
type fixed struct {
	z95, z998 float64
	// exact[l][x] are the exact Poisson count limits for x = 0 … 9 events at level l
	// (0: 95 %, 1: 99.8 %).
	exact [2][SmallCount]Interval
}

var fixedZ = sync.OnceValue(func() *fixed {
	f := &fixed{}
	f.z95, _ = dist.Z(Level95)
	f.z998, _ = dist.Z(Level998)
	for l, c := range defaultLevels {
		for x := range SmallCount {
			f.exact[l][x], _ = exactPoisson(float64(x), c)
		}
	}
	return f
})

// WilsonLimits returns the Wilson score interval, on the 0–1 scale, for x successes out of n
// trials at confidence level c in [0.9, 1):
//
//	lower, upper = (2x + z² ∓ z·√(z² + 4x(1 − x/n))) / (2(n + z²)),  z = Φ⁻¹(1 − (1 − c)/2)
//
// This is the interval of OHID's PHEindicatormethods phe_proportion (wilson_lower,
// wilson_upper). x and n need not be whole numbers; 0 ≤ x ≤ n, 0 < n ≤ MaxMagnitude. The
// limits are kept within [0, 1]: exactly 0 when x = 0 and exactly 1 when x = n, where the
// formula's rounding can stray by one unit in the last place.
//
// Wilson EB (1927), Probable inference, the law of succession, and statistical inference,
// J Am Stat Assoc 22:209–212; Newcombe RG, Altman DG (2000), Proportions and their
// differences, in Statistics with Confidence, 2nd edn, BMJ Books, pp 46–48.
func WilsonLimits(x, n, c float64) (Interval, error) {
	if err := checkLevel(c); err != nil {
		return Interval{}, err
	}
	if !(n > 0 && n <= MaxMagnitude) {
		return Interval{}, &FieldError{Path: "/denominator", Err: ErrOutOfRange, Detail: "a denominator greater than 0 and at most 1e15"}
	}
	if !(x >= 0 && x <= n) {
		return Interval{}, &FieldError{Path: "/numerator", Err: ErrOutOfRange, Detail: "a numerator from 0 to the denominator"}
	}
	return wilson(x, n, c, z(c)), nil
}

func wilson(x, n, c, z float64) Interval {
	z2 := z * z
	root := z * math.Sqrt(z2+4*x*(1-x/n))
	den := 2 * (n + z2)
	iv := Interval{Level: c, Lower: (2*x + z2 - root) / den, Upper: (2*x + z2 + root) / den}
	if x == 0 || iv.Lower < 0 {
		iv.Lower = 0
	}
	if x == n || iv.Upper > 1 {
		iv.Upper = 1
	}
	return iv
}

// ByarLimits returns Byar's approximate Poisson confidence interval for an observed count
// of events o > 0 at confidence level c in [0.9, 1), on the count scale:
//
//	lower = o·(1 − 1/(9o) − z/(3√o))³
//	upper = (o + 1)·(1 − 1/(9(o + 1)) + z/(3√(o + 1)))³
//
// as in PHEindicatormethods' byars_lower and byars_upper. Divide by a denominator for a
// rate's limits. OHID uses it from SmallCount (10) events, where it is within 0.2 % of the
// exact interval; below that, use [PoissonLimits]. For very few events at high confidence
// the lower limit's cube goes negative; that is an error matching ErrUndefined.
//
// Breslow NE, Day NE (1987), Statistical Methods in Cancer Research, vol II: The Design and
// Analysis of Cohort Studies, IARC Scientific Publications 82, p 69.
func ByarLimits(o, c float64) (Interval, error) {
	if err := checkLevel(c); err != nil {
		return Interval{}, err
	}
	if !(o > 0 && o <= MaxMagnitude) {
		return Interval{}, &FieldError{Path: "/count", Err: ErrOutOfRange, Detail: "a count greater than 0 and at most 1e15"}
	}
	iv := byar(o, c, z(c))
	if !(iv.Lower >= 0) {
		return Interval{}, &FieldError{Path: "/count", Err: ErrUndefined, Detail: "Byar's lower limit is negative for so few events at this level; use the exact Poisson interval"}
	}
	return iv, nil
}

func byar(o, c, z float64) Interval {
	a := 1 - 1/(9*o) - z/(3*math.Sqrt(o))
	o1 := o + 1
	b := 1 - 1/(9*o1) + z/(3*math.Sqrt(o1))
	return Interval{Level: c, Lower: o * a * a * a, Upper: o1 * b * b * b}
}

// ExactPoissonLimits returns the exact (Garwood) Poisson confidence interval for an
// observed count o ≥ 0 at confidence level c in [0.9, 1), on the count scale:
//
//	lower = χ²⁻¹((1 − c)/2; 2o) / 2          (0 when o = 0)
//	upper = χ²⁻¹(c + (1 − c)/2; 2o + 2) / 2
//
// as phe_rate, calculate_ISRatio and calculate_ISRate compute it with R's qchisq for fewer
// than 10 events. o need not be a whole number. Whole counts below 10 at the 95 % and
// 99.8 % levels come from a table computed once; at other levels they solve the equivalent
// Poisson tail equations, P(Poisson(upper) ≤ o) = P(Poisson(lower) ≥ o) = (1 − c)/2, by
// one Halley step from a table of their roots over the tail probability (which does not
// depend on the level), far faster than the quantiles and as accurate.
//
// Garwood F (1936), Fiducial limits for the Poisson distribution, Biometrika 28:437–442;
// Armitage P, Berry G (2002), Statistical Methods in Medical Research, 4th edn, Blackwell.
func ExactPoissonLimits(o, c float64) (Interval, error) {
	if err := checkLevel(c); err != nil {
		return Interval{}, err
	}
	if !count(o) {
		return Interval{}, &FieldError{Path: "/count", Err: ErrOutOfRange, Detail: "a count from 0 to 1e15"}
	}
	return exactFast(o, c), nil
}

func exactFast(o, c float64) Interval {
	if o < SmallCount && o == math.Trunc(o) {
		switch c {
		case Level95:
			return fixedZ().exact[0][int(o)]
		case Level998:
			return fixedZ().exact[1][int(o)]
		}
		if iv, ok := exactSmall(int(o), c); ok {
			return iv
		}
	}
	iv, _ := exactPoisson(o, c)
	return iv
}

// exactPoisson computes the exact limits for checked arguments.
func exactPoisson(o, c float64) (Interval, error) {
	lo, err := dist.ChiSquareQuantile((1-c)/2, 2*o)
	if err != nil {
		return Interval{}, err
	}
	hi, err := dist.ChiSquareQuantile(c+(1-c)/2, 2*o+2)
	if err != nil {
		return Interval{}, err
	}
	return Interval{Level: c, Lower: lo / 2, Upper: hi / 2}, nil
}

// PoissonLimits returns the confidence interval for an observed count o ≥ 0 that OHID's
// rate functions use, and which method made it: the exact interval ([ExactPoissonLimits])
// below SmallCount (10) events and Byar's ([ByarLimits]) from 10. Limits are on the count
// scale.
func PoissonLimits(o, c float64) (Interval, Method, error) {
	if err := checkLevel(c); err != nil {
		return Interval{}, 0, err
	}
	if !count(o) {
		return Interval{}, 0, &FieldError{Path: "/count", Err: ErrOutOfRange, Detail: "a count from 0 to 1e15"}
	}
	return countLimits(o, c), poissonMethod(o), nil
}

// poissonMethod names the method PoissonLimits uses for o events.
func poissonMethod(o float64) Method {
	if o < SmallCount {
		return MethodExactPoisson
	}
	return MethodByar
}

// countLimits returns PoissonLimits for checked arguments.
func countLimits(o, c float64) Interval {
	if o < SmallCount {
		return exactFast(o, c)
	}
	return byar(o, c, z(c))
}

// scaledCountLimits returns the Poisson limits of o events at each level, each limit L
// reported as L / d × m (a rate's or a ratio's scale), and false if a limit or value is not
// finite.
func scaledCountLimits(value, o, d, m float64, levels []float64) ([]Interval, bool) {
	out := make([]Interval, len(levels))
	for i, c := range levels {
		iv := countLimits(o, c)
		out[i] = Interval{Level: c, Lower: iv.Lower / d * m, Upper: iv.Upper / d * m}
		if !checkFinite(value, out[i].Lower, out[i].Upper) {
			return nil, false
		}
	}
	return out, true
}
