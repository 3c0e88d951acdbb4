package indicator

import (
	"github.com/peopleandcommunities/engage/internal/exactsum"
	"github.com/peopleandcommunities/engage/internal/field"
)

// ISR is an indirectly standardised ratio (observed events over those expected had the area
// experienced the reference population's age-specific rates; a standardised mortality ratio
// when the events are deaths) or the indirectly standardised rate made from it.
type ISR struct {
	Estimate
	// Observed and Expected are the events O and E.
	Observed, Expected float64
	// Reference is what O/E is scaled by: the reference value (1, or 100 for an SMR-style
	// ratio) for a ratio, the reference population's crude rate times the multiplier for a
	// rate.
	Reference float64
}

// ExpectedEvents returns the events an area would have had at the reference population's
// age-specific rates:
//
//	E = Σ_i x_ref,i / n_ref,i × n_i
//
// over the area's age bands i, as PHEindicatormethods' calculate_ISRatio and
// calculate_ISRate compute it. Every band of the area must be in the reference tally with a
// reference population greater than 0; reference bands the area lacks contribute nothing.
func ExpectedEvents(area, reference *AgeTally) (float64, error) {
	var l field.List
	var e ksum
	ref := reference.Bands()
	for i, a := range area.Bands() {
		j := -1
		for k, r := range ref {
			if r.Band == a.Band {
				j = k
				break
			}
		}
		p := index("bands", i)
		switch {
		case j < 0:
			l.Add(p+"/band", ErrMismatch, "an age band that the reference population has")
		case !(ref[j].Population > 0):
			l.Add(p+"/band", ErrMismatch, "a reference population greater than 0 in this age band")
		default:
			e.add(ref[j].Events / ref[j].Population * a.Population)
		}
	}
	if err := l.Err(); err != nil {
		return 0, err
	}
	v := e.value()
	if !checkFinite(v) || v > MaxMagnitude {
		return 0, &FieldError{Path: "/bands", Err: ErrOutOfRange, Detail: "expected events no more than 1e15"}
	}
	return v, nil
}

// NewISRatio returns the indirectly standardised ratio O/E × r with the limits of OHID's
// PHEindicatormethods calculate_ISRatio:
//
//	value  = O/E × r
//	limits = L(O, c)/E × r,  L exact Poisson ([ExactPoissonLimits]) for O < 10, Byar's from 10
//
// The reference value r is Options.Multiplier, 1 by default (100 for the usual presentation
// of a standardised mortality ratio). O ≥ 0 is the observed total, which may come from
// another source than the age-specific counts (calculate_ISRatio's observed_totals); E > 0
// is from [ExpectedEvents].
func NewISRatio(observed, expected float64, o Options) (ISR, error) {
	var l field.List
	levels, err := o.levels()
	l.AddError("", err)
	r, err := o.multiplier(1)
	l.AddError("", err)
	checkOE(&l, observed, expected)
	if err := l.Err(); err != nil {
		return ISR{}, err
	}
	return isr(StatisticISRatio, observed, expected, r, r, levels)
}

// NewISRate returns the indirectly standardised rate, the ratio O/E applied to the
// reference population's crude rate, with the limits of PHEindicatormethods'
// calculate_ISRate:
//
//	value  = O/E × R × m,          R = Σ x_ref / Σ n_ref (events per person)
//	limits = L(O, c)/E × R × m     (L as in NewISRatio)
//
// referenceRate is R, per person, from 0 to 1e15; m is Options.Multiplier, 100,000 by
// default.
func NewISRate(observed, expected, referenceRate float64, o Options) (ISR, error) {
	var l field.List
	levels, err := o.levels()
	l.AddError("", err)
	m, err := o.multiplier(100000)
	l.AddError("", err)
	checkOE(&l, observed, expected)
	if !count(referenceRate) {
		l.Add("/referenceRate", ErrOutOfRange, "a reference rate per person from 0 to 1e15")
	}
	if err := l.Err(); err != nil {
		return ISR{}, err
	}
	return isr(StatisticISRate, observed, expected, referenceRate*m, m, levels)
}

func checkOE(l *field.List, observed, expected float64) {
	if !count(observed) {
		l.Add("/observed", ErrOutOfRange, "observed events from 0 to 1e15")
	}
	if !(expected >= 0 && expected <= MaxMagnitude) {
		l.Add("/expected", ErrOutOfRange, "expected events from 0 to 1e15")
	} else if expected == 0 {
		l.Add("/expected", ErrUndefined, "expected events greater than 0")
	}
}

func isr(s Statistic, observed, expected, scale, m float64, levels []float64) (ISR, error) {
	value := observed / expected * scale
	limits, ok := scaledCountLimits(value, observed, expected, scale, levels)
	if !ok {
		return ISR{}, &FieldError{Path: "/expected", Err: ErrOutOfRange, Detail: "observed and expected events whose ratio is finite"}
	}
	return ISR{
		Estimate: Estimate{
			Statistic:  s,
			Method:     poissonMethod(observed),
			Value:      value,
			Multiplier: m,
			Limits:     limits,
		},
		Observed:  observed,
		Expected:  expected,
		Reference: scale,
	}, nil
}

// ISRatio returns the indirectly standardised ratio of the tally's events against a
// reference tally; see [ExpectedEvents] and [NewISRatio].
func (t *AgeTally) ISRatio(reference *AgeTally, o Options) (ISR, error) {
	e, err := ExpectedEvents(t, reference)
	if err != nil {
		return ISR{}, err
	}
	return NewISRatio(t.events(), e, o)
}

// ISRate returns the indirectly standardised rate of the tally's events against a reference
// tally, whose crude rate is the reference rate; see [ExpectedEvents] and [NewISRate].
func (t *AgeTally) ISRate(reference *AgeTally, o Options) (ISR, error) {
	e, err := ExpectedEvents(t, reference)
	if err != nil {
		return ISR{}, err
	}
	rp := reference.population()
	if !(rp > 0) {
		return ISR{}, &FieldError{Path: "/reference", Err: ErrUndefined, Detail: "a reference population greater than 0"}
	}
	return NewISRate(t.events(), e, reference.events()/rp, o)
}

// events returns the tally's events over every band, the exact total rounded once.
func (t *AgeTally) events() float64 {
	var s exactsum.Sum
	for _, a := range t.bands {
		s.Merge(a.events)
	}
	return s.Float64()
}

// population returns the tally's population over every band, the exact total rounded once.
func (t *AgeTally) population() float64 {
	var s exactsum.Sum
	for _, a := range t.bands {
		s.Merge(a.pops)
	}
	return s.Float64()
}
