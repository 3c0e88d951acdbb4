package indicator

import (
	"math"
	"slices"

	"github.com/peopleandcommunities/engage/internal/exactsum"
	"github.com/peopleandcommunities/engage/internal/field"
)

// MaxFrequency is the largest event frequency (events per person) AgeTally.AddPersons
// accepts.
const MaxFrequency = 1000

// BandSums are the totals for one age band over the records of an area: the events, the
// population, and the sum of squared event frequencies that the variance of a standardised
// rate needs when a person can have more than one event.
type BandSums struct {
	Band AgeBand
	// Events is the number of events, Σ f·persons over event frequencies f.
	Events float64
	// Population is the number of people (or person-years) in the band.
	Population float64
	// SquaredEvents is Σ f²·persons over event frequencies f, which equals Events when every
	// event happened to a different person. Zero in input to NewDSR means "independent
	// events": Events is used.
	SquaredEvents float64
}

// ksum is a compensated (Kahan–Babuška–Neumaier) running sum, for the weighted sums over
// age bands that NewDSR and ExpectedEvents form in a fixed order (the standard population's,
// or the area's bands by age), so they keep full precision and are reproducible.
//
// Neumaier A (1974), Rundungsfehleranalyse einiger Verfahren zur Summation endlicher Summen,
// ZAMM 54:39–51.
type ksum struct{ s, c float64 }

func (k *ksum) add(x float64) {
	t := k.s + x
	if math.Abs(k.s) >= math.Abs(x) {
		k.c += (k.s - t) + x
	} else {
		k.c += (x - t) + k.s
	}
	k.s = t
}

func (k ksum) value() float64 { return k.s + k.c }

// bandAcc holds one age band's exact sums: events Σx, squared events Σf²·persons (equal to
// the events when every event happened to a different person) and population.
type bandAcc struct {
	band             AgeBand
	events, sq, pops exactsum.Sum
}

// AgeTally accumulates events and populations by age band over many records, for a
// directly or indirectly standardised rate. The zero value is empty; tallies from different
// workers combine with Merge into the tally one pass would give, bit for bit: each band's
// events, squared events and population are exact sums held as in [Tally] (integer multiples
// of 2⁻⁶⁴ added as 192-bit integers), so the state, Bands, every statistic and the binary
// encoding are the same whatever the split and the order of Add, AddPersons and Merge. Not
// safe for concurrent use.
//
// Records of events that each happened to a different person go in with Add. Where people
// can have several events (repeat admissions), add people by how many events each had with
// AddPersons and the population with Add(band, 0, population); the rate is then the same
// but its interval is wider, as PHEindicatormethods' calculate_dsr(independent_events =
// FALSE) makes it.
type AgeTally struct {
	bands          []bandAcc // ordered by band
	nonIndependent bool
}

func compareBands(a, b AgeBand) int {
	if a.From != b.From {
		return a.From - b.From
	}
	// an open band sorts after any closed band that starts at the same age
	at, bt := a.To, b.To
	if at == OpenEnded {
		at = math.MaxInt
	}
	if bt == OpenEnded {
		bt = math.MaxInt
	}
	switch {
	case at < bt:
		return -1
	case at > bt:
		return 1
	}
	return 0
}

// acc returns the accumulator of band b, adding it if new; capped limits the number of
// bands that Add can create (Merge may exceed it, and NewDSR then reports too many bands).
func (t *AgeTally) acc(b AgeBand, capped bool) (*bandAcc, error) {
	// binary search by index, so the accumulators are not copied to compare their bands
	i, j := 0, len(t.bands)
	for i < j {
		h := int(uint(i+j) >> 1)
		switch c := compareBands(t.bands[h].band, b); {
		case c == 0:
			return &t.bands[h], nil
		case c < 0:
			i = h + 1
		default:
			j = h
		}
	}
	if !b.Valid() {
		return nil, &FieldError{Path: "/ageBand", Err: ErrOutOfRange, Detail: "an age band such as 0-4 or 90+"}
	}
	if capped && len(t.bands) >= MaxBands {
		return nil, &FieldError{Path: "/ageBand", Err: ErrOutOfRange, Detail: "at most 200 different age bands"}
	}
	t.bands = slices.Insert(t.bands, i, bandAcc{band: b})
	return &t.bands[i], nil
}

// Add adds a record of events, all to different people, and population in one age band.
// Events and population must be finite, not negative and at most MaxMagnitude; a record that
// is not, or has an invalid band, is rejected with an error and leaves the tally unchanged.
func (t *AgeTally) Add(band AgeBand, events, population float64) error {
	if !count(events) {
		return &FieldError{Path: "/events", Err: ErrOutOfRange, Detail: "a count of events from 0 to 1e15"}
	}
	if !count(population) {
		return &FieldError{Path: "/population", Err: ErrOutOfRange, Detail: "a population from 0 to 1e15"}
	}
	a, err := t.acc(band, true)
	if err != nil {
		return err
	}
	// Add for values that are never negative, taken apart so that it inlines
	eh, el := exactsum.Magnitude(events)
	ph, pl := exactsum.Magnitude(population)
	a.events.AddMagnitude(eh, el)
	a.sq.AddMagnitude(eh, el)
	a.pops.AddMagnitude(ph, pl)
	return nil
}

// AddPersons adds persons people in one age band who each had frequency events
// (1 … MaxFrequency). It adds frequency·persons events and frequency²·persons to the
// band's SquaredEvents, and no population; the products are formed exactly, from persons
// held as in Add, not rounded in float64.
func (t *AgeTally) AddPersons(band AgeBand, frequency int, persons float64) error {
	if frequency < 1 || frequency > MaxFrequency {
		return &FieldError{Path: "/eventFrequency", Err: ErrOutOfRange, Detail: "an event frequency from 1 to 1000"}
	}
	f := float64(frequency)
	if !count(persons) || persons*f*f > MaxMagnitude {
		return &FieldError{Path: "/persons", Err: ErrOutOfRange, Detail: "a number of people from 0 to 1e15, with frequency² × people at most 1e15"}
	}
	a, err := t.acc(band, true)
	if err != nil {
		return err
	}
	a.events.AddMultiple(persons, uint64(frequency))
	a.sq.AddMultiple(persons, uint64(frequency*frequency))
	if frequency > 1 {
		t.nonIndependent = true
	}
	return nil
}

// Merge adds every band of other into t. other is not changed.
func (t *AgeTally) Merge(other *AgeTally) {
	for _, o := range other.bands {
		a, _ := t.acc(o.band, false) // o.band was checked when it was added
		a.events.Merge(o.events)
		a.sq.Merge(o.sq)
		a.pops.Merge(o.pops)
	}
	t.nonIndependent = t.nonIndependent || other.nonIndependent
}

// Bands returns the totals of every age band added, in order of age, each the exact sum
// rounded once to the nearest float64.
func (t *AgeTally) Bands() []BandSums {
	out := make([]BandSums, len(t.bands))
	for i, a := range t.bands {
		out[i] = BandSums{Band: a.band, Events: a.events.Float64(), Population: a.pops.Float64(), SquaredEvents: a.sq.Float64()}
	}
	return out
}

// NonIndependent reports whether any person was added with more than one event.
func (t *AgeTally) NonIndependent() bool { return t.nonIndependent }

// DSR returns the directly standardised rate of the tally's bands; see [NewDSR].
func (t *AgeTally) DSR(std StandardPopulation, o Options) (DSR, error) {
	return NewDSR(t.Bands(), std, o)
}

// DSR is a directly standardised rate: the rate an area would have if its population had
// the age structure of a standard population, so that areas with older or younger
// populations can be compared.
type DSR struct {
	Estimate
	// Events and Population are the totals over the age bands, O and Σn.
	Events, Population float64
	// Variance is the variance of the rate per person (before the multiplier), Dobson's
	// Σ q_i (w_i/n_i)² / (Σw)².
	Variance float64
	// Standard is the name of the standard population used.
	Standard string
}

// NewDSR returns the directly standardised rate of per-band totals with Dobson's confidence
// limits, as OHID's PHEindicatormethods calculate_dsr computes them. With events x_i,
// populations n_i and standard populations w_i in band i, and O = Σ x_i:
//
//	value    = Σ x_i·w_i/n_i / Σ w_i × m
//	variance = Σ q_i·(w_i/n_i)² / (Σ w_i)²        q_i = x_i, or Σ_f f²·persons_{f,i}
//	limits   = value + √(variance/O) · (Byar(O, c) − O) · m
//
// where Byar(O, c) is the lower or upper limit of [ByarLimits] for the count O. q_i is the
// band's SquaredEvents when given (non-independent events, Fingertips technical guidance)
// and x_i otherwise; the value is the same either way. The multiplier m defaults to 100,000.
//
// Every band of std must appear exactly once in bands with a population greater than 0, and
// no other band may appear. Below SmallCount (10) events in total the rate is not computed:
// the DSR returned carries the totals, Method and Statistic but no Value or Limits, with an
// error matching ErrTooFewEvents, as calculate_dsr returns NA ("dsr NA for total count <
// 10").
//
// Where calculate_dsr is given non-independent events with no row for some age band at
// some event frequency, it divides that frequency's variance by the squared total of only
// the standard populations present; NewDSR always uses the whole standard, which is what
// the method intends and what calculate_dsr gives when every frequency has every band (as
// in its own example).
//
// Dobson AJ, Kuulasmaa K, Eberle E, Scherer J (1991), Confidence intervals for weighted sums
// of Poisson parameters, Stat Med 10:457–462; Breslow NE, Day NE (1987), Statistical
// Methods in Cancer Research vol II, IARC.
func NewDSR(bands []BandSums, std StandardPopulation, o Options) (DSR, error) {
	var l field.List
	levels, err := o.levels()
	l.AddError("", err)
	m, err := o.multiplier(100000)
	l.AddError("", err)
	if err := std.Validate(); err != nil {
		l.AddError("/standard", err)
		return DSR{}, l.Err()
	}
	if len(bands) > MaxBands {
		l.Add("/bands", ErrOutOfRange, "at most 200 age bands")
		return DSR{}, l.Err()
	}
	seen := make([]bool, len(std.Bands))
	byStd := make([]int, len(std.Bands))
	nonIndependent := false
	for i, b := range bands {
		p := index("bands", i)
		j := std.index(b.Band)
		switch {
		case j < 0:
			l.Add(p+"/band", ErrMismatch, "an age band of the standard population "+std.Name)
		case seen[j]:
			l.Add(p+"/band", ErrDuplicate, "each age band once")
		default:
			seen[j] = true
			byStd[j] = i
		}
		if !count(b.Events) {
			l.Add(p+"/events", ErrOutOfRange, "a count of events from 0 to 1e15")
		}
		if !(b.Population > 0 && b.Population <= MaxMagnitude) {
			l.Add(p+"/population", ErrOutOfRange, "a population greater than 0 and at most 1e15")
		}
		if b.SquaredEvents != 0 {
			if !count(b.SquaredEvents) || b.SquaredEvents < b.Events {
				l.Add(p+"/squaredEvents", ErrOutOfRange, "Σ f²·persons, at least the number of events and at most 1e15")
			} else if b.SquaredEvents != b.Events {
				nonIndependent = true
			}
		}
	}
	for j, ok := range seen {
		if !ok {
			l.Add("/bands", ErrMismatch, "a population for age band "+std.Bands[j].Band.String()+" of the standard population")
		}
	}
	if err := l.Err(); err != nil {
		return DSR{}, err
	}
	d := DSR{
		Estimate: Estimate{Statistic: StatisticDSR, Method: MethodDobson, Multiplier: m},
		Standard: std.Name,
	}
	if nonIndependent {
		d.Method = MethodDobsonNonIndependent
	}
	var events, pop, weighted, sq ksum
	for j, sb := range std.Bands {
		b := bands[byStd[j]]
		q := b.SquaredEvents
		if q == 0 {
			q = b.Events
		}
		events.add(b.Events)
		pop.add(b.Population)
		weighted.add(b.Events * sb.Population / b.Population)
		r := sb.Population / b.Population
		sq.add(q * r * r)
	}
	w := std.total()
	d.Events = events.value()
	d.Population = pop.value()
	if d.Events < SmallCount {
		return d, &FieldError{Path: "/bands", Err: ErrTooFewEvents, Detail: "a directly standardised rate is not calculated from fewer than 10 events in total"}
	}
	d.Value = weighted.value() / w * m
	d.Variance = sq.value() / (w * w)
	scale := math.Sqrt(d.Variance/d.Events) * m
	d.Limits = make([]Interval, len(levels))
	for i, c := range levels {
		iv := byar(d.Events, c, z(c))
		d.Limits[i] = Interval{Level: c, Lower: d.Value + scale*(iv.Lower-d.Events), Upper: d.Value + scale*(iv.Upper-d.Events)}
		if !checkFinite(d.Limits[i].Lower, d.Limits[i].Upper) {
			return DSR{}, &FieldError{Path: "/bands", Err: ErrOutOfRange, Detail: "events and populations whose standardised rate is finite"}
		}
	}
	return d, nil
}
