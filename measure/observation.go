package measure

import (
	"encoding/json"
	"errors"
	"slices"
	"strconv"

	"github.com/peopleandcommunities/engage/internal/enum"
	"github.com/peopleandcommunities/engage/schemas"
)

// Limits on observation documents, checked before any work is done.
const (
	// MaxObservations is the most observations one document may hold.
	MaxObservations = 100000
	// MaxMagnitude bounds every value, limit, benchmark, numerator and denominator.
	MaxMagnitude = 1e15
	// MaxText is the longest source, description or name, in bytes.
	MaxText = 500
	// MaxSlug is the longest identifier or slug, in bytes.
	MaxSlug = 80
)

// An Observation is one value of a measure of success or of an indicator, for one area, one
// period and optionally one population group: "68.2 % of GP Patient Survey respondents in
// NHS Example ICB felt involved in decisions about their care in 2024/25 (95 % CI 66.9 to
// 69.5; England 70.1 %)". It records where the value came from and how it was produced, so
// that a scorecard built on it can be traced back and reproduced.
//
// Its subject is either a measure (optionally one of its parts) or an indicator, never both.
// The package cannot check an indicator ID against the catalogue, which lives above it; the
// assessment package does, and it takes the polarity that judges trends and benchmark
// comparisons from the catalogue: the measure's own, or for an indicator that of the
// measures it evidences.
type Observation struct {
	// ID identifies the observation within its document, a slug such as
	// "gpps-involvement-2024-25"; scorecards cite it as evidence.
	ID string `json:"id"`
	// Measure is the measure of success observed, when the subject is a measure.
	Measure ID `json:"measure,omitempty"`
	// Part is the measure's part observed, such as "involvement-in-decisions" of
	// "experience-of-care"; empty for the measure as a whole.
	Part string `json:"part,omitempty"`
	// Indicator is the catalogue ID of the indicator observed, when the subject is an
	// indicator.
	Indicator string `json:"indicator,omitempty"`
	// Area is the area or organisation the value describes.
	Area AreaCode `json:"area"`
	// AreaName is the area's name, for people reading the document.
	AreaName string `json:"areaName,omitempty"`
	// Period is the time the value covers.
	Period Period `json:"period"`
	// Group is the population group the value is for; nil for the whole population.
	Group *Group `json:"group,omitempty"`
	// Value is the observed value, on the scale its method gives (a proportion as a
	// fraction or a percentage, a rate per 100,000, a mean score).
	Value float64 `json:"value"`
	// Limits are the value's confidence limits, on the same scale; nil when the source gives
	// none.
	Limits *Limits `json:"limits,omitempty"`
	// Numerator is the count of people or events behind the value (for a proportion, those
	// with the attribute), when known.
	Numerator *float64 `json:"numerator,omitempty"`
	// Denominator is the population, sample or respondents behind the value, when known.
	Denominator *float64 `json:"denominator,omitempty"`
	// Benchmark is the value the observation is judged against, when there is one.
	Benchmark *Benchmark `json:"benchmark,omitempty"`
	// Method says what kind of value this is and how it was computed.
	Method Method `json:"method"`
	// Source names where the value comes from: the publication, data set or system, with
	// enough detail to find it again.
	Source string `json:"source"`
	// Published is the day the value became available. An assessment "as of" an earlier day
	// leaves it out; when it is nil, the value counts as available from the end of its
	// period.
	Published *Date `json:"published,omitempty"`
}

// Limits are a two-sided confidence interval at a stated level.
type Limits struct {
	// Level is the confidence level as a fraction in (0, 1), e.g. 0.95.
	Level float64 `json:"level"`
	// Lower and Upper are the limits, on the scale of the value; Lower ≤ value ≤ Upper.
	Lower float64 `json:"lower"`
	Upper float64 `json:"upper"`
}

// Method says what kind of value an observation is and how it was computed, naming engage's
// statistics where they were used, so that a reader can reproduce it.
type Method struct {
	// Statistic is the kind of value, a slug: one of the indicator package's statistics
	// ("proportion", "crude-rate", "mean", "directly-standardised-rate",
	// "indirectly-standardised-ratio", "indirectly-standardised-rate"), or another kind the
	// assessment package lists (such as "count", "score", "pam-score", "sroi-ratio").
	Statistic string `json:"statistic"`
	// Interval is the slug of the confidence-interval method behind Limits, as the indicator
	// package names them ("wilson", "exact-poisson", "byar", "student-t", "dobson",
	// "dobson-non-independent"); empty when the source does not say.
	Interval string `json:"interval,omitempty"`
	// Engage reports that the value and limits were computed with engage's statistics from
	// the numerator and denominator given, rather than taken from a publication.
	Engage bool `json:"engage,omitempty"`
	// Description says anything else a reader needs to reproduce the value, e.g. "weighted
	// percentage of respondents answering 'yes, definitely' or 'yes, to some extent'".
	Description string `json:"description,omitempty"`
}

// Group is a population group an observation is broken down by, as a pair of slugs: the
// dimension ("deprivation-quintile", "ethnic-category", "sex", "age") and the group's value
// within it ("1", "a", "female", "65-74"). The measure package checks only that both are
// slugs; the assessment package checks them against the equality package's typed dimensions.
type Group struct {
	// Dimension names what the groups are.
	Dimension string `json:"dimension"`
	// Value names the group within the dimension.
	Value string `json:"value"`
}

// NewGroup returns the group with the dimension and value given, each normalised as
// identifiers are (lower case, spaces and underscores made hyphens), or an error matching
// ErrOutOfRange when either is empty or too long.
func NewGroup(dimension, value string) (Group, error) {
	g := Group{Dimension: enum.Key(dimension), Value: enum.Key(value)}
	if err := g.Validate(); err != nil {
		return Group{}, err
	}
	return g, nil
}

// Validate checks that the dimension and value are slugs of at most MaxSlug bytes. Errors are
// located at "/dimension" and "/value".
func (g Group) Validate() error {
	var l fieldList
	if !IsSlug(g.Dimension) {
		l.Add("/dimension", ErrOutOfRange, "a dimension slug such as deprivation-quintile")
	}
	if !IsSlug(g.Value) {
		l.Add("/value", ErrOutOfRange, "a group slug such as 1 or female")
	}
	return l.Err()
}

// String returns "dimension=value".
func (g Group) String() string { return g.Dimension + "=" + g.Value }

// IsSlug reports whether s is a stable identifier as engage writes them: lowercase ASCII
// letters and digits in hyphen-separated words, at most MaxSlug bytes.
func IsSlug(s string) bool {
	if len(s) == 0 || len(s) > MaxSlug || s[0] == '-' || s[len(s)-1] == '-' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
		case c == '-':
			if s[i-1] == '-' {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// BenchmarkKind says what a benchmark is. The zero value is not a kind.
type BenchmarkKind uint8

// The kinds of benchmark, as public-health profiles offer them.
const (
	// BenchmarkNational is the value for the whole country, such as England.
	BenchmarkNational BenchmarkKind = 1 + iota
	// BenchmarkRegion is the value for the region the area lies in.
	BenchmarkRegion
	// BenchmarkComparators is the value for a group of similar areas (nearest neighbours,
	// a deprivation decile of areas).
	BenchmarkComparators
	// BenchmarkTarget is a goal the area has set itself or been set, such as a trajectory
	// or an ambition in a strategy.
	BenchmarkTarget
)

var benchmarkKinds = enum.NewTable[BenchmarkKind]("measure.BenchmarkKind",
	[]string{"national", "region", "comparators", "target"},
	map[string]BenchmarkKind{"england": BenchmarkNational, "regional": BenchmarkRegion,
		"peers": BenchmarkComparators, "similar-areas": BenchmarkComparators, "goal": BenchmarkTarget})

// Valid reports whether k is a declared kind.
func (k BenchmarkKind) Valid() bool { return benchmarkKinds.Valid(k) }

// String returns the slug, e.g. "national"; any other value prints as %!BenchmarkKind(n).
func (k BenchmarkKind) String() string { return benchmarkKinds.String(k) }

// MarshalText returns the slug; an invalid kind is an error.
func (k BenchmarkKind) MarshalText() ([]byte, error) { return benchmarkKinds.Marshal(k) }

// UnmarshalText parses text with ParseBenchmarkKind.
func (k *BenchmarkKind) UnmarshalText(text []byte) error {
	v, err := ParseBenchmarkKind(string(text))
	if err == nil {
		*k = v
	}
	return err
}

// ParseBenchmarkKind returns the kind named by s ("national", "England", "region", "peers",
// "target", ...), forgiving about case and spacing, or a *principle.ParseError listing the
// slugs.
func ParseBenchmarkKind(s string) (BenchmarkKind, error) { return benchmarkKinds.Parse(s, false) }

// A Benchmark is the value an observation is judged against: England's value, the region's,
// a group of similar areas', or a target.
type Benchmark struct {
	// Kind says what the benchmark is.
	Kind BenchmarkKind `json:"kind"`
	// Area is the area whose value the benchmark is, when it is an area's value.
	Area AreaCode `json:"area,omitempty"`
	// Label names the benchmark for people, e.g. "England" or "2025/26 ambition".
	Label string `json:"label,omitempty"`
	// Value is the benchmark value, on the observation's scale.
	Value float64 `json:"value"`
}

// ObservationSet is an observations document (schema kind schemas.Observations): the values
// of measures and indicators that a place brings to an assessment.
type ObservationSet struct {
	// Schema is the URI of the document's JSON Schema.
	Schema string `json:"$schema,omitempty"`
	// Observations holds the values, in any order.
	Observations []Observation `json:"observations"`
}

// ParseObservations reads an observations document: it checks the JSON against the schema
// (schemas.Observations; a failure is a *schemas.Error matching schemas.ErrInvalid), decodes
// it, and checks its meaning with Validate, reporting every problem at once as *FieldErrors
// located by JSON Pointer.
func ParseObservations(data []byte) (ObservationSet, error) {
	if err := schemas.Validate(schemas.Observations, data); err != nil {
		return ObservationSet{}, err
	}
	var raw struct {
		Schema       string            `json:"$schema"`
		Observations []json.RawMessage `json:"observations"`
	}
	if err := json.Unmarshal(data, &raw); err != nil {
		return ObservationSet{}, &FieldError{Err: ErrOutOfRange, Detail: "a JSON object with an observations array"}
	}
	set := ObservationSet{Schema: raw.Schema, Observations: make([]Observation, len(raw.Observations))}
	var l fieldList
	for i, r := range raw.Observations {
		if err := json.Unmarshal(r, &set.Observations[i]); err != nil {
			l.Add("/observations/"+strconv.Itoa(i)+decodePath(err), decodeClass(err), decodeDetail(err))
		}
	}
	if err := l.Err(); err != nil {
		return ObservationSet{}, err
	}
	if err := set.Validate(); err != nil {
		return ObservationSet{}, err
	}
	return set, nil
}

// decodePath, decodeClass and decodeDetail turn an error from decoding one observation into
// a located problem: the schema has already checked the shape, so what remains is a value
// that names nothing (an unknown measure) or a date that does not exist.
func decodePath(err error) string {
	switch {
	case errors.Is(err, ErrUnknownMeasure):
		return "/measure"
	}
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) && te.Field != "" {
		return "/" + te.Field
	}
	return ""
}

func decodeClass(err error) error {
	if errors.Is(err, ErrUnknownMeasure) {
		return ErrUnknownMeasure
	}
	return ErrOutOfRange
}

func decodeDetail(err error) string {
	if errors.Is(err, ErrUnknownMeasure) {
		return "the ID of a measure of success in the catalogue"
	}
	var fe *FieldError
	if errors.As(err, &fe) && fe.Detail != "" {
		return fe.Detail
	}
	return "an observation as the schema describes it"
}

// Validate checks the meaning of every observation (see Observation.Validate), that IDs are
// unique, and that no series (see Observation.Series) has two observations for the same
// period. It reports every problem at once, located at "/observations/i/…".
func (s *ObservationSet) Validate() error {
	var l fieldList
	if len(s.Observations) > MaxObservations {
		l.Add("/observations", ErrOutOfRange, "at most "+strconv.Itoa(MaxObservations)+" observations")
		return l.Err()
	}
	ids := make(map[string]int, len(s.Observations))
	type slot struct {
		series     Series
		start, end Date
	}
	seen := make(map[slot]int, len(s.Observations))
	for i, o := range s.Observations {
		at := func() string { return "/observations/" + strconv.Itoa(i) }
		if err := o.Validate(); err != nil {
			l.AddError(at(), err)
		}
		if o.ID != "" {
			if j, dup := ids[o.ID]; dup {
				l.Add(at()+"/id", ErrDuplicate, "an ID not used by observation "+strconv.Itoa(j))
			} else {
				ids[o.ID] = i
			}
		}
		k := slot{o.Series(), o.Period.Start, o.Period.End}
		if j, dup := seen[k]; dup {
			l.Add(at()+"/period", ErrDuplicate, "one observation per series and period; observation "+strconv.Itoa(j)+" has the same")
		} else {
			seen[k] = i
		}
	}
	return l.Err()
}

// Validate checks the meaning of one observation, reporting every problem at once with
// paths relative to the observation ("/limits/lower"):
//
//   - the ID is a slug; exactly one of Measure and Indicator is given, the indicator ID is a
//     slug, and a Part is one of the measure's parts;
//   - the area code is a valid GSS or ODS code and the period is valid;
//   - the value, limits, benchmark, numerator and denominator are finite and at most
//     MaxMagnitude in size; the limits' level is in (0, 1) and Lower ≤ Value ≤ Upper;
//     counts are not negative, and for a proportion the numerator is at most the
//     denominator;
//   - the method's statistic (and interval method, if given) are slugs, and the source is
//     given;
//   - the published day, if given, is not before the period starts.
func (o Observation) Validate() error {
	var l fieldList
	if !IsSlug(o.ID) {
		l.Add("/id", ErrRequired, "an identifier slug such as gpps-involvement-2024-25")
	}
	switch {
	case o.Measure == "" && o.Indicator == "":
		l.Add("", ErrRequired, "a measure or an indicator as the subject")
	case o.Measure != "" && o.Indicator != "":
		l.Add("/indicator", ErrMismatch, "a measure or an indicator as the subject, not both")
	}
	if o.Measure != "" {
		i, ok := index[o.Measure]
		switch {
		case !ok:
			l.Add("/measure", ErrUnknownMeasure, "the canonical ID of a measure of success in the catalogue")
		case o.Part != "" && !slices.ContainsFunc(defs[i].parts, func(p Part) bool { return p.ID == o.Part }):
			l.Add("/part", ErrMismatch, "one of the parts of measure "+string(o.Measure))
		}
	} else if o.Part != "" {
		l.Add("/part", ErrMismatch, "a part only with a measure as the subject")
	}
	if o.Indicator != "" && !IsSlug(o.Indicator) {
		l.Add("/indicator", ErrOutOfRange, "the ID of an indicator in the catalogue")
	}
	if o.Area == "" {
		l.Add("/area", ErrRequired, "an ONS GSS code or NHS ODS organisation code")
	} else if !o.Area.Valid() {
		l.Add("/area", ErrOutOfRange, "an ONS GSS code such as E92000001 or an NHS ODS organisation code such as QYG, in capitals")
	}
	if len(o.AreaName) > MaxText {
		l.Add("/areaName", ErrOutOfRange, "a name of at most "+strconv.Itoa(MaxText)+" bytes")
	}
	l.AddError("/period", o.Period.Validate())
	if o.Group != nil {
		l.AddError("/group", o.Group.Validate())
	}
	if !bounded(o.Value) {
		l.Add("/value", ErrOutOfRange, "a finite value of at most 1e15 in size")
	}
	if lim := o.Limits; lim != nil {
		if !(lim.Level > 0 && lim.Level < 1) {
			l.Add("/limits/level", ErrOutOfRange, "a confidence level as a fraction in (0, 1), e.g. 0.95")
		}
		if !bounded(lim.Lower) {
			l.Add("/limits/lower", ErrOutOfRange, "a finite limit of at most 1e15 in size")
		} else if bounded(o.Value) && lim.Lower > o.Value {
			l.Add("/limits/lower", ErrOutOfRange, "a lower limit at most the value")
		}
		if !bounded(lim.Upper) {
			l.Add("/limits/upper", ErrOutOfRange, "a finite limit of at most 1e15 in size")
		} else if bounded(o.Value) && lim.Upper < o.Value {
			l.Add("/limits/upper", ErrOutOfRange, "an upper limit at least the value")
		}
	}
	if o.Numerator != nil && !(*o.Numerator >= 0 && *o.Numerator <= MaxMagnitude) {
		l.Add("/numerator", ErrOutOfRange, "a count from 0 to 1e15")
	}
	if o.Denominator != nil && !(*o.Denominator > 0 && *o.Denominator <= MaxMagnitude) {
		l.Add("/denominator", ErrOutOfRange, "a population or sample greater than 0 and at most 1e15")
	}
	if o.Method.Statistic == "proportion" && o.Numerator != nil && o.Denominator != nil &&
		*o.Denominator > 0 && *o.Denominator <= MaxMagnitude && *o.Numerator > *o.Denominator {
		l.Add("/numerator", ErrOutOfRange, "for a proportion, a numerator at most the denominator")
	}
	if b := o.Benchmark; b != nil {
		if !b.Kind.Valid() {
			l.Add("/benchmark/kind", ErrRequired, "national, region, comparators or target")
		}
		if b.Area != "" && !b.Area.Valid() {
			l.Add("/benchmark/area", ErrOutOfRange, "an ONS GSS code or NHS ODS organisation code, in capitals")
		}
		if len(b.Label) > MaxText {
			l.Add("/benchmark/label", ErrOutOfRange, "a label of at most "+strconv.Itoa(MaxText)+" bytes")
		}
		if !bounded(b.Value) {
			l.Add("/benchmark/value", ErrOutOfRange, "a finite value of at most 1e15 in size")
		}
	}
	if !IsSlug(o.Method.Statistic) {
		l.Add("/method/statistic", ErrRequired, "the slug of the kind of value, e.g. proportion")
	}
	if o.Method.Interval != "" && !IsSlug(o.Method.Interval) {
		l.Add("/method/interval", ErrOutOfRange, "the slug of a confidence-interval method, e.g. wilson")
	}
	if len(o.Method.Description) > MaxText {
		l.Add("/method/description", ErrOutOfRange, "a description of at most "+strconv.Itoa(MaxText)+" bytes")
	}
	switch {
	case o.Source == "":
		l.Add("/source", ErrRequired, "the publication, data set or system the value comes from")
	case len(o.Source) > MaxText:
		l.Add("/source", ErrOutOfRange, "a source of at most "+strconv.Itoa(MaxText)+" bytes")
	}
	if o.Published != nil {
		switch {
		case o.Published.IsZero():
			l.Add("/published", ErrRequired, "a date")
		case !o.Period.Start.IsZero() && o.Published.Before(o.Period.Start):
			l.Add("/published", ErrOutOfRange, "a publication day on or after the period's first day")
		}
	}
	return l.Err()
}

func bounded(x float64) bool { return x >= -MaxMagnitude && x <= MaxMagnitude }

// Available returns the first day the observation was available: its Published day, or the
// last day of its period when that is not given.
func (o Observation) Available() Date {
	if o.Published != nil && !o.Published.IsZero() {
		return *o.Published
	}
	return o.Period.End
}

// Series identifies a time series of observations: the same subject, area, group and kind of
// value, observed over successive periods.
type Series struct {
	// Measure, Part and Indicator are the observations' subject.
	Measure   ID
	Part      string
	Indicator string
	// Area is the area observed.
	Area AreaCode
	// Group is the population group, the zero Group for the whole population.
	Group Group
	// Statistic is the kind of value (Method.Statistic).
	Statistic string
}

// Series returns the series the observation belongs to.
func (o Observation) Series() Series {
	s := Series{Measure: o.Measure, Part: o.Part, Indicator: o.Indicator, Area: o.Area, Statistic: o.Method.Statistic}
	if o.Group != nil {
		s.Group = *o.Group
	}
	return s
}

// Subject returns the observation's subject as text: the measure ID, "measure/part", or the
// indicator ID.
func (o Observation) Subject() string {
	switch {
	case o.Indicator != "":
		return o.Indicator
	case o.Part != "":
		return string(o.Measure) + "/" + o.Part
	}
	return string(o.Measure)
}
