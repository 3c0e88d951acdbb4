package indicator

import "github.com/peopleandcommunities/engage/internal/field"

// Proportion is a share of a denominator with Wilson score limits: the percentage of people
// who say they feel involved in decisions, the share of a programme's participants from the
// most deprived quintile.
type Proportion struct {
	Estimate
	// Numerator and Denominator are the counts used, x and n.
	Numerator, Denominator float64
}

// NewProportion returns the proportion x/n with Wilson score limits ([WilsonLimits]) at each
// requested level, as OHID's PHEindicatormethods phe_proportion computes it:
//
//	value = x/n × m,  limits = Wilson(x, n, c) × m
//
// The multiplier m is 1 (a proportion, the default) or 100 (a percentage). x and n need not
// be whole numbers (weighted counts); 0 ≤ x ≤ n and 0 < n ≤ MaxMagnitude. Every problem is
// reported at once, each a *FieldError.
func NewProportion(x, n float64, o Options) (Proportion, error) {
	var l field.List
	levels, err := o.levels()
	l.AddError("", err)
	m := o.Multiplier
	if m == 0 {
		m = 1
	}
	if m != 1 && m != 100 {
		l.Add("/multiplier", ErrOutOfRange, "1 for a proportion or 100 for a percentage")
	}
	if !(n > 0 && n <= MaxMagnitude) {
		l.Add("/denominator", ErrOutOfRange, "a denominator greater than 0 and at most 1e15")
	} else if !(x >= 0 && x <= n) {
		l.Add("/numerator", ErrOutOfRange, "a numerator from 0 to the denominator")
	}
	if err := l.Err(); err != nil {
		return Proportion{}, err
	}
	p := Proportion{
		Estimate: Estimate{
			Statistic:  StatisticProportion,
			Method:     MethodWilson,
			Value:      x / n * m,
			Multiplier: m,
			Limits:     make([]Interval, len(levels)),
		},
		Numerator:   x,
		Denominator: n,
	}
	for i, c := range levels {
		iv := wilson(x, n, c, z(c))
		p.Limits[i] = Interval{Level: c, Lower: iv.Lower * m, Upper: iv.Upper * m}
	}
	return p, nil
}

// Rate is a crude rate: events per population times a multiplier (per 100,000 by default),
// with exact Poisson limits below 10 events and Byar's from 10.
type Rate struct {
	Estimate
	// Count and Denominator are the events and the population (or person-time) used.
	Count, Denominator float64
}

// NewRate returns the crude rate x/n × m with the confidence limits of OHID's
// PHEindicatormethods phe_rate:
//
//	value = x/n × m
//	x < 10:  lower = χ²⁻¹((1 − c)/2; 2x)/2 / n × m,  upper = χ²⁻¹(c + (1 − c)/2; 2x + 2)/2 / n × m
//	x ≥ 10:  Byar's limits for x, / n × m
//
// The method (MethodExactPoisson or MethodByar) is chosen by the count and is the same at
// every level. m defaults to 100,000. x ≥ 0 and n > 0 need not be whole numbers.
func NewRate(x, n float64, o Options) (Rate, error) {
	var l field.List
	levels, err := o.levels()
	l.AddError("", err)
	m, err := o.multiplier(100000)
	l.AddError("", err)
	if !count(x) {
		l.Add("/count", ErrOutOfRange, "a count of events from 0 to 1e15")
	}
	if !(n > 0 && n <= MaxMagnitude) {
		l.Add("/denominator", ErrOutOfRange, "a denominator greater than 0 and at most 1e15")
	}
	if err := l.Err(); err != nil {
		return Rate{}, err
	}
	value := x / n * m
	limits, ok := scaledCountLimits(value, x, n, m, levels)
	if !ok {
		return Rate{}, &FieldError{Path: "/denominator", Err: ErrOutOfRange, Detail: "a denominator large enough for the rate to be finite"}
	}
	return Rate{
		Estimate: Estimate{
			Statistic:  StatisticCrudeRate,
			Method:     poissonMethod(x),
			Value:      value,
			Multiplier: m,
			Limits:     limits,
		},
		Count:       x,
		Denominator: n,
	}, nil
}
