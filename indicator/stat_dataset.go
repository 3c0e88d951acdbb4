package indicator

import (
	"bytes"
	"encoding/json"
	"strconv"
	"unicode"
	"unicode/utf8"

	"github.com/peopleandcommunities/engage/internal/field"
	"github.com/peopleandcommunities/engage/schemas"
)

// Limits on a Dataset, checked by its schema and by Validate.
const (
	// MaxRows is the most rows (or observations) one Dataset may hold; larger data go
	// through the accumulators (Tally, AgeTally, MeanTally) directly.
	MaxRows = 200_000
	// MaxCodeLength is the longest area code, period or group label accepted.
	MaxCodeLength = 64
)

// StandardESP2013 is the name of the 2013 European Standard Population in a Dataset's
// standard field; see ESP2013.
const StandardESP2013 = "esp2013"

// Dataset is the input document from which a council, an ICB or a researcher computes one
// indicator for many areas, periods and breakdowns: counts and denominators (by age band
// for a standardised rate), or individual values for a mean. Its JSON form is described by
// the schema of kind schemas.IndicatorData (indicator-data.json); read it with
// ParseDataset, check one built in code with Validate, compute it with Evaluate.
type Dataset struct {
	// Indicator is the catalogue identifier (a slug) of the indicator the data are for.
	// Optional.
	Indicator string `json:"indicator,omitempty"`
	// Title describes the data for people, e.g. "Adults who feel they can influence
	// decisions, 2025/26". Optional.
	Title string `json:"title,omitempty"`
	// Statistic is what the rows are computed into. Required.
	Statistic Statistic `json:"statistic"`
	// Multiplier scales the values: 1 or 100 for a proportion (default 1), any positive
	// number for a rate (default 100,000) or an indirectly standardised ratio (default 1;
	// 100 for an SMR), none for a mean.
	Multiplier float64 `json:"multiplier,omitempty"`
	// Standard names the standard population of a directly standardised rate; "esp2013"
	// is the one supported. Required for that statistic, absent otherwise.
	Standard string `json:"standard,omitempty"`
	// Rows are the counts, for every statistic except the mean.
	Rows []Row `json:"rows,omitempty"`
	// Observations are the individual values, for a mean.
	Observations []Observation `json:"observations,omitempty"`
	// Reference holds the reference population's events and population by age band, for
	// an indirectly standardised ratio or rate (e.g. England's).
	Reference []ReferenceRow `json:"reference,omitempty"`
}

// Row is one line of counts: for an area, a period and an optional breakdown group (and,
// for standardised rates, an age band), a numerator and a denominator. Rows that share
// area, period and group (and age band) are summed.
type Row struct {
	// Area is the area's code: a GSS code such as E38000050, an ODS code, a ward or a
	// neighbourhood's local code. Required.
	Area string `json:"area"`
	// AreaName is the area's name for people. Optional.
	AreaName string `json:"areaName,omitempty"`
	// Period is the time period, e.g. "2025/26", "2025 Q3", "2021-2023". Required.
	Period string `json:"period"`
	// Group is a breakdown within the area: a deprivation quintile, an ethnic group, a
	// sex. Optional.
	Group string `json:"group,omitempty"`
	// AgeBand is the age band of the counts, such as "0-4" or "90+": required for a
	// standardised rate, optional otherwise.
	AgeBand *AgeBand `json:"ageBand,omitempty"`
	// EventFrequency, for a directly standardised rate with non-independent events, says
	// that Numerator counts people who each had this many events (1 … 1000); the rows of
	// one age band then all give the band's population as Denominator. Zero means the
	// numerator counts events.
	EventFrequency int `json:"eventFrequency,omitempty"`
	// Numerator is the count of people or events, ≥ 0.
	Numerator float64 `json:"numerator"`
	// Denominator is the population, sample or person-time, ≥ 0 (greater than 0 for a
	// proportion, a crude rate and a directly standardised rate).
	Denominator float64 `json:"denominator"`
}

// Observation is one individual value for a mean: a survey score, a waiting time.
type Observation struct {
	// Area, Period and Group identify the group the value belongs to, as in Row.
	Area   string `json:"area"`
	Period string `json:"period"`
	Group  string `json:"group,omitempty"`
	// Value is the observation, finite with |Value| ≤ MaxMagnitude.
	Value float64 `json:"value"`
}

// ReferenceRow is the reference population's events and population in one age band.
type ReferenceRow struct {
	// AgeBand is the band, given once.
	AgeBand AgeBand `json:"ageBand"`
	// Numerator is the reference population's events in the band, ≥ 0.
	Numerator float64 `json:"numerator"`
	// Denominator is the reference population in the band, > 0.
	Denominator float64 `json:"denominator"`
}

// ParseDataset reads a Dataset from JSON: it checks the document against its schema
// (schemas.IndicatorData), decodes it, and checks its meaning with Validate. A document
// that breaks the schema gives a *schemas.Error listing every violation; one that breaks
// the rules of Validate gives *FieldError values joined.
func ParseDataset(data []byte) (*Dataset, error) {
	if err := schemas.Validate(schemas.IndicatorData, data); err != nil {
		return nil, err
	}
	var d Dataset
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&d); err != nil {
		return nil, &FieldError{Err: ErrOutOfRange, Detail: "a dataset document: " + err.Error()}
	}
	if err := d.Validate(); err != nil {
		return nil, err
	}
	return &d, nil
}

// checkMultiplier checks that the multiplier suits the statistic.
func (d *Dataset) checkMultiplier(l *field.List) {
	m := d.Multiplier
	switch d.Statistic {
	case StatisticProportion:
		if m != 0 && m != 1 && m != 100 {
			l.Add("/multiplier", ErrOutOfRange, "1 for a proportion or 100 for a percentage")
		}
	case StatisticMean:
		if m != 0 && m != 1 {
			l.Add("/multiplier", ErrOutOfRange, "no multiplier for a mean")
		}
	default:
		if !(m >= 0 && m <= MaxMagnitude) {
			l.Add("/multiplier", ErrOutOfRange, "a multiplier greater than 0 and at most 1e15")
		}
	}
}

func checkCode(l *field.List, path, s string, required bool) {
	switch {
	case s == "":
		if required {
			l.Add(path, ErrRequired, "a non-empty code")
		}
	case len(s) > MaxCodeLength*4 || utf8.RuneCountInString(s) > MaxCodeLength || !utf8.ValidString(s):
		l.Add(path, ErrOutOfRange, "at most "+strconv.Itoa(MaxCodeLength)+" characters of valid UTF-8")
	default:
		for _, r := range s {
			if unicode.IsControl(r) {
				l.Add(path, ErrOutOfRange, "text without control characters")
				break
			}
		}
	}
}

type bandKey struct {
	GroupKey
	band AgeBand
}

type bandSeen struct {
	population float64
	frequency  bool // rows with an event frequency
	counts     bool // rows without
	row        int
}

// maxReported caps the number of problems Validate lists for one kind of row error, so
// that a badly broken file of 200,000 rows gives a readable error.
const maxReported = 50

// Validate checks the dataset's meaning beyond its schema and reports every problem at once
// (up to 50 per kind), each a *FieldError located by JSON Pointer: the statistic is known;
// rows or observations, whichever the statistic uses, are present and the other absent;
// the multiplier suits the statistic; codes are non-empty and short; counts are finite,
// not negative and at most 1e15, a numerator no more than its denominator for a
// proportion; an age band on every row of a standardised rate and, for a directly
// standardised rate, one of the standard's; the rows of one age band with event frequencies
// agree on its population; every age band of an indirectly standardised rate has a
// reference row, and no reference band is given twice. Rows that share area, period, group
// and age band are not an error: they are summed, as when small areas' rows are uploaded
// for a larger area.
func (d *Dataset) Validate() error {
	var l field.List
	if !d.Statistic.Valid() {
		l.Add("/statistic", ErrOutOfRange, "one of the statistics, e.g. proportion or crude-rate")
		return l.Err()
	}
	d.checkMultiplier(&l)
	if len(d.Indicator) > 80 {
		l.Add("/indicator", ErrOutOfRange, "a catalogue identifier of at most 80 characters")
	}
	if utf8.RuneCountInString(d.Title) > 200 {
		l.Add("/title", ErrOutOfRange, "a title of at most 200 characters")
	}
	isMean := d.Statistic == StatisticMean
	standardised := d.Statistic == StatisticDSR || d.Statistic == StatisticISRatio || d.Statistic == StatisticISRate
	switch {
	case d.Statistic == StatisticDSR && d.Standard != StandardESP2013:
		l.Add("/standard", ErrRequired, "the standard population of a directly standardised rate: esp2013")
	case d.Statistic != StatisticDSR && d.Standard != "":
		l.Add("/standard", ErrOutOfRange, "no standard population except for a directly standardised rate")
	}
	if isMean {
		if len(d.Observations) == 0 {
			l.Add("/observations", ErrRequired, "the values a mean is computed from")
		}
		if len(d.Rows) > 0 {
			l.Add("/rows", ErrOutOfRange, "no count rows for a mean; give observations")
		}
	} else {
		if len(d.Rows) == 0 {
			l.Add("/rows", ErrRequired, "rows of counts")
		}
		if len(d.Observations) > 0 {
			l.Add("/observations", ErrOutOfRange, "observations only for a mean")
		}
	}
	if len(d.Rows) > MaxRows || len(d.Observations) > MaxRows {
		l.Add("", ErrOutOfRange, "at most 200,000 rows or observations")
		return l.Err()
	}
	isISR := d.Statistic == StatisticISRatio || d.Statistic == StatisticISRate
	if !isISR && len(d.Reference) > 0 {
		l.Add("/reference", ErrOutOfRange, "reference rows only for an indirectly standardised ratio or rate")
	}
	refBands := map[AgeBand]bool{}
	if isISR {
		if len(d.Reference) == 0 {
			l.Add("/reference", ErrRequired, "the reference population's events and population by age band")
		}
		for i, r := range d.Reference {
			p := index("reference", i)
			if !r.AgeBand.Valid() {
				l.Add(p+"/ageBand", ErrOutOfRange, "an age band such as 0-4 or 90+")
			} else if refBands[r.AgeBand] {
				l.Add(p+"/ageBand", ErrDuplicate, "each age band once")
			}
			refBands[r.AgeBand] = true
			if !count(r.Numerator) {
				l.Add(p+"/numerator", ErrOutOfRange, "a count of events from 0 to 1e15")
			}
			if !(r.Denominator > 0 && r.Denominator <= MaxMagnitude) {
				l.Add(p+"/denominator", ErrOutOfRange, "a population greater than 0 and at most 1e15")
			}
		}
	}
	var std StandardPopulation
	if d.Statistic == StatisticDSR {
		std = ESP2013()
	}
	type rowKey struct {
		bandKey
		hasBand bool
		freq    int
	}
	bands := map[bandKey]*bandSeen{}
	reported := map[error]int{}
	add := func(path string, class error, detail string) {
		if reported[class] < maxReported {
			l.Add(path, class, detail)
		}
		reported[class]++
	}
	for i, r := range d.Rows {
		p := index("rows", i)
		checkCode(&l, p+"/area", r.Area, true)
		checkCode(&l, p+"/areaName", r.AreaName, false)
		checkCode(&l, p+"/period", r.Period, true)
		checkCode(&l, p+"/group", r.Group, false)
		if !count(r.Numerator) {
			add(p+"/numerator", ErrOutOfRange, "a count from 0 to 1e15")
		}
		positive := d.Statistic != StatisticISRatio && d.Statistic != StatisticISRate
		switch {
		case !count(r.Denominator):
			add(p+"/denominator", ErrOutOfRange, "a denominator from 0 to 1e15")
		case positive && r.Denominator == 0:
			add(p+"/denominator", ErrOutOfRange, "a denominator greater than 0")
		case d.Statistic == StatisticProportion && r.Numerator > r.Denominator:
			add(p+"/numerator", ErrOutOfRange, "a numerator no greater than its denominator")
		}
		if r.EventFrequency != 0 {
			switch {
			case d.Statistic != StatisticDSR:
				add(p+"/eventFrequency", ErrOutOfRange, "an event frequency only for a directly standardised rate")
			case r.EventFrequency < 1 || r.EventFrequency > MaxFrequency:
				add(p+"/eventFrequency", ErrOutOfRange, "an event frequency from 1 to 1000")
			}
		}
		k := rowKey{bandKey: bandKey{GroupKey: GroupKey{r.Area, r.Period, r.Group}}, freq: r.EventFrequency}
		if r.AgeBand != nil {
			k.band, k.hasBand = *r.AgeBand, true
			switch {
			case !r.AgeBand.Valid():
				add(p+"/ageBand", ErrOutOfRange, "an age band such as 0-4 or 90+")
			case d.Statistic == StatisticDSR && std.index(*r.AgeBand) < 0:
				add(p+"/ageBand", ErrMismatch, "an age band of the 2013 European Standard Population (0-4, 5-9, …, 85-89, 90+)")
			case isISR && len(refBands) > 0 && !refBands[*r.AgeBand]:
				add(p+"/ageBand", ErrMismatch, "an age band that the reference rows have")
			}
		} else if standardised {
			add(p+"/ageBand", ErrRequired, "an age band on every row of a standardised rate")
		}
		if d.Statistic == StatisticDSR && k.hasBand {
			b := bands[k.bandKey]
			if b == nil {
				b = &bandSeen{population: r.Denominator, row: i}
				bands[k.bandKey] = b
			}
			if r.EventFrequency != 0 {
				b.frequency = true
				if r.Denominator != b.population {
					add(p+"/denominator", ErrMismatch, "the same population as row "+strconv.Itoa(b.row)+" of this age band")
				}
			} else {
				b.counts = true
			}
			if b.frequency && b.counts {
				add(p+"/eventFrequency", ErrMismatch, "event frequencies on every row of an age band or on none")
			}
		}
	}
	for i, o := range d.Observations {
		p := index("observations", i)
		checkCode(&l, p+"/area", o.Area, true)
		checkCode(&l, p+"/period", o.Period, true)
		checkCode(&l, p+"/group", o.Group, false)
		if !finite(o.Value) {
			add(p+"/value", ErrOutOfRange, "a finite value no larger in size than 1e15")
		}
	}
	for class, n := range reported {
		if n > maxReported {
			l.Add("", class, strconv.Itoa(n-maxReported)+" more problems of this kind are not listed")
		}
	}
	return l.Err()
}

// Result is the statistic of one group of a Dataset.
type Result struct {
	// Key is the area, period and group.
	Key GroupKey
	// Estimate is the value and its limits; empty when Err is set.
	Estimate Estimate
	// Numerator and Denominator are the totals used: numerator and denominator for a
	// proportion or rate, events and population for a directly standardised rate,
	// observed and expected events for an indirectly standardised one, the sum and the
	// count of the values for a mean.
	Numerator, Denominator float64
	// Err says why no estimate was computed for the group, e.g. an error matching
	// ErrTooFewEvents for a directly standardised rate from fewer than 10 events, or
	// ErrUndefined for a mean of one value.
	Err error
}

// Evaluate validates the dataset and computes its statistic for every group of rows (area,
// period and group), at the given confidence levels (0.95 and 0.998 when none are given),
// in the order of area, period and group. A group whose statistic cannot be computed is
// returned with its totals and Err set; an invalid dataset or invalid levels give an error
// and no results.
func (d *Dataset) Evaluate(levels ...float64) ([]Result, error) {
	if err := d.Validate(); err != nil {
		return nil, err
	}
	o := Options{Levels: levels, Multiplier: d.Multiplier}
	if _, err := o.levels(); err != nil {
		return nil, err
	}
	switch d.Statistic {
	case StatisticMean:
		return d.evaluateMean(o)
	case StatisticProportion, StatisticCrudeRate:
		return d.evaluateCounts(o)
	}
	return d.evaluateStandardised(o)
}

func (d *Dataset) evaluateCounts(o Options) ([]Result, error) {
	var g GroupedTally
	for _, r := range d.Rows {
		if err := g.Add(GroupKey{r.Area, r.Period, r.Group}, r.Numerator, r.Denominator); err != nil {
			return nil, err
		}
	}
	keys := g.Keys()
	out := make([]Result, len(keys))
	for i, k := range keys {
		t, _ := g.Tally(k)
		out[i] = Result{Key: k, Numerator: t.Numerator(), Denominator: t.Denominator()}
		if d.Statistic == StatisticProportion {
			p, err := t.Proportion(o)
			out[i].Estimate, out[i].Err = p.Estimate, err
		} else {
			r, err := t.Rate(o)
			out[i].Estimate, out[i].Err = r.Estimate, err
		}
	}
	return out, nil
}

func (d *Dataset) evaluateMean(o Options) ([]Result, error) {
	groups := map[GroupKey]*MeanTally{}
	for _, ob := range d.Observations {
		k := GroupKey{ob.Area, ob.Period, ob.Group}
		t := groups[k]
		if t == nil {
			t = &MeanTally{}
			groups[k] = t
		}
		if err := t.Add(ob.Value); err != nil {
			return nil, err
		}
	}
	out := make([]Result, 0, len(groups))
	for _, k := range sortedKeys(groups) {
		t := groups[k]
		r := Result{Key: k, Numerator: t.m.Sum().Float64(), Denominator: float64(t.Count())}
		m, err := t.Mean(o)
		r.Estimate, r.Err = m.Estimate, err
		out = append(out, r)
	}
	return out, nil
}

func (d *Dataset) evaluateStandardised(o Options) ([]Result, error) {
	groups := map[GroupKey]*AgeTally{}
	populated := map[bandKey]bool{}
	for _, r := range d.Rows {
		k := GroupKey{r.Area, r.Period, r.Group}
		t := groups[k]
		if t == nil {
			t = &AgeTally{}
			groups[k] = t
		}
		band := *r.AgeBand
		var err error
		if r.EventFrequency == 0 {
			err = t.Add(band, r.Numerator, r.Denominator)
		} else {
			bk := bandKey{k, band}
			if !populated[bk] {
				populated[bk] = true
				err = t.Add(band, 0, r.Denominator)
			}
			if err == nil {
				err = t.AddPersons(band, r.EventFrequency, r.Numerator)
			}
		}
		if err != nil {
			return nil, err
		}
	}
	var ref AgeTally
	for _, r := range d.Reference {
		if err := ref.Add(r.AgeBand, r.Numerator, r.Denominator); err != nil {
			return nil, err
		}
	}
	std := ESP2013()
	out := make([]Result, 0, len(groups))
	for _, k := range sortedKeys(groups) {
		t := groups[k]
		r := Result{Key: k}
		switch d.Statistic {
		case StatisticDSR:
			v, err := t.DSR(std, o)
			r.Estimate, r.Numerator, r.Denominator, r.Err = v.Estimate, v.Events, v.Population, err
		case StatisticISRatio:
			v, err := t.ISRatio(&ref, o)
			r.Estimate, r.Numerator, r.Denominator, r.Err = v.Estimate, t.events(), v.Expected, err
		default:
			v, err := t.ISRate(&ref, o)
			r.Estimate, r.Numerator, r.Denominator, r.Err = v.Estimate, t.events(), v.Expected, err
		}
		out = append(out, r)
	}
	return out, nil
}
