package equality

import (
	"encoding/json"
	"errors"
	"strconv"
	"strings"

	"github.com/peopleandcommunities/engage/internal/enum"
	"github.com/peopleandcommunities/engage/internal/field"
	"github.com/peopleandcommunities/engage/schemas"
)

// Sentinels for documents, in addition to those in equality.go.
var (
	// ErrMissingField classifies a field an analysis needs that the document does not give
	// (a group's population for an SII, its participants for representation, ...).
	ErrMissingField = errors.New("equality: required field missing")
	// ErrDuplicateGroup classifies a group that appears twice in one area (or one order).
	ErrDuplicateGroup = errors.New("equality: group given more than once")
	// ErrUnknownValue classifies text that names no value of an enumeration (an unknown
	// slug or code); the *enum.ParseError returned by every Parse… function matches it.
	ErrUnknownValue = enum.ErrUnknown
)

// GroupDimension says what the groups of an equality analysis are: national deprivation
// quintiles or deciles of an IMD edition, other ordered quantiles, NHS ethnic categories or
// broad groups, the groups of a protected characteristic, or any other grouping. It decides
// how group labels are read and whether the groups are ordered (which the slope index of
// inequality needs). The zero value is not a dimension.
type GroupDimension uint8

// The group dimensions.
const (
	// ByDeprivationQuintile: labels "1" (most deprived) … "5" of the document's IMD edition.
	ByDeprivationQuintile GroupDimension = 1 + iota
	// ByDeprivationDecile: labels "1" (most deprived) … "10" of the document's IMD edition.
	ByDeprivationDecile
	// ByQuantile: labels "1" … "K" of ordered quantiles, 1 the most disadvantaged (for
	// example local deprivation quantiles), K the number of distinct labels in the document.
	ByQuantile
	// ByEthnicCategory: labels are NHS ethnic category codes ("A" … "S", "Z", "99").
	ByEthnicCategory
	// ByEthnicGroup: labels are broad ethnic groups ("white", "mixed", "asian", ...).
	ByEthnicGroup
	// ByProtectedCharacteristic: groups of the document's protected characteristic (for
	// example age bands for age); labels are free text.
	ByProtectedCharacteristic
	// ByOther: any other grouping; labels are free text.
	ByOther
)

var groupDimensions = enum.NewTable[GroupDimension]("equality.GroupDimension",
	[]string{"deprivation-quintile", "deprivation-decile", "quantile", "ethnic-category",
		"ethnic-group", "protected-characteristic", "other"},
	map[string]GroupDimension{"imd-quintile": ByDeprivationQuintile, "imd-decile": ByDeprivationDecile})

// Valid reports whether d is a declared dimension.
func (d GroupDimension) Valid() bool { return groupDimensions.Valid(d) }

// String returns the slug, e.g. "deprivation-decile"; any other value prints as
// %!GroupDimension(n).
func (d GroupDimension) String() string { return groupDimensions.String(d) }

// MarshalText returns the slug; an invalid dimension is an error.
func (d GroupDimension) MarshalText() ([]byte, error) { return groupDimensions.Marshal(d) }

// UnmarshalText parses text with ParseGroupDimension.
func (d *GroupDimension) UnmarshalText(text []byte) error {
	v, err := ParseGroupDimension(string(text))
	if err == nil {
		*d = v
	}
	return err
}

// ParseGroupDimension returns the dimension named by s.
func ParseGroupDimension(s string) (GroupDimension, error) { return groupDimensions.Parse(s, false) }

// Ordered reports whether the dimension's groups are ordered from most to least
// disadvantaged, as the slope index of inequality requires.
func (d GroupDimension) Ordered() bool {
	return d == ByDeprivationQuintile || d == ByDeprivationDecile || d == ByQuantile
}

// Data is an input document for equality analyses (schema kind schemas.EqualityData): the
// values of an indicator, or counts of participants and community, by group, for one or
// more areas and periods. It is shaped like a Fingertips inequality upload: one row per area
// and group with the population, the value (or the count from which a proportion is
// computed) and either its standard error or its 95 % confidence limits; and, for
// representation, the participants and community counts of each group. A document may carry
// both kinds of field.
type Data struct {
	// Title describes the data, e.g. "Emergency admissions by deprivation decile, 2024/25".
	Title string `json:"title,omitempty"`
	// Indicator identifies the indicator, e.g. a catalogue slug or Fingertips indicator ID.
	Indicator string `json:"indicator,omitempty"`
	// Dimension says what the groups are.
	Dimension GroupDimension `json:"dimension"`
	// IMDEdition is the deprivation index edition, required for deprivation dimensions.
	IMDEdition IMDEdition `json:"imdEdition,omitempty"`
	// Characteristic is the protected characteristic, required for that dimension.
	Characteristic ProtectedCharacteristic `json:"characteristic,omitempty"`
	// EthnicCodeSet is the code set of ethnic category labels; empty means nhs-2001.
	EthnicCodeSet EthnicCodeSet `json:"ethnicCodeSet,omitempty"`
	// ValueType is the kind of indicator value (for the SII); empty means other.
	ValueType ValueType `json:"valueType,omitempty"`
	// Areas holds the data, one entry per area and period.
	Areas []DataArea `json:"areas"`
}

// DataArea is one area (and period) of a Data document.
type DataArea struct {
	// Area identifies the area, e.g. a GSS code ("E06000001") or an ODS code.
	Area string `json:"area"`
	// Name is the area's name.
	Name string `json:"name,omitempty"`
	// Period is the time period, e.g. "2024/25" or "2021-23".
	Period string `json:"period,omitempty"`
	// Groups holds one entry per group.
	Groups []DataGroup `json:"groups"`
}

// DataGroup is one group of one area. Numeric fields are pointers because 0 is a value and
// absence is not.
type DataGroup struct {
	// Group is the group's label, read according to the document's dimension.
	Group string `json:"group"`
	// Population is the group's population (denominator), > 0.
	Population *float64 `json:"population,omitempty"`
	// Count is the numerator (people with the attribute, events), 0 ≤ Count ≤ Population
	// for proportions. For a proportion without Value, Value is Count/Population.
	Count *float64 `json:"count,omitempty"`
	// Value is the indicator's value (proportions on the 0–1 scale).
	Value *float64 `json:"value,omitempty"`
	// Lower95 and Upper95 are the value's 95 % confidence limits.
	Lower95 *float64 `json:"lower95,omitempty"`
	Upper95 *float64 `json:"upper95,omitempty"`
	// SE is the value's standard error (log or logit scale for rates and proportions).
	SE *float64 `json:"se,omitempty"`
	// Participants is the number of people from the group who took part, ≥ 0.
	Participants *float64 `json:"participants,omitempty"`
	// Community is the group's size in the community, ≥ 0.
	Community *float64 `json:"community,omitempty"`
}

// ParseData reads an equality data document: it checks the JSON against the schema
// (schemas.EqualityData; a failure is a *schemas.Error matching schemas.ErrInvalid), decodes
// it, and checks its meaning with Validate.
func ParseData(data []byte) (Data, error) {
	if err := schemas.Validate(schemas.EqualityData, data); err != nil {
		return Data{}, err
	}
	var d Data
	if err := json.Unmarshal(data, &d); err != nil {
		detail := "a document that decodes into equality data"
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) && te.Field != "" {
			detail += " (field " + te.Field + ")"
		}
		return Data{}, &FieldError{Err: ErrOutOfRange, Detail: detail}
	}
	if err := d.Validate(); err != nil {
		return Data{}, err
	}
	return d, nil
}

// groupKey is a group label normalised for the dimension, and its order for ordered
// dimensions (0 otherwise).
func (d *Data) groupKey(label string) (key string, order int, ok bool, want string) {
	switch d.Dimension {
	case ByDeprivationQuintile, ByDeprivationDecile, ByQuantile:
		k := MaxQuantileGroups
		switch d.Dimension {
		case ByDeprivationQuintile:
			k = 5
		case ByDeprivationDecile:
			k = 10
		}
		n, err := strconv.Atoi(strings.TrimSpace(label))
		if err != nil || n < 1 || n > k {
			return "", 0, false, "a quantile number from 1 (most deprived) to " + strconv.Itoa(k)
		}
		return strconv.Itoa(n), n, true, ""
	case ByEthnicCategory:
		c, err := ParseEthnicCategory(label)
		if err != nil {
			return "", 0, false, "an NHS ethnic category code: A–S (not I, O, Q), Z or 99"
		}
		return c.Code(), 0, true, ""
	case ByEthnicGroup:
		g, err := ParseEthnicGroup(label)
		if err != nil {
			return "", 0, false, "a broad ethnic group: white, mixed, asian, black, other, not-stated or not-known"
		}
		return g.String(), 0, true, ""
	}
	t := strings.TrimSpace(label)
	if t == "" {
		return "", 0, false, "a non-empty label"
	}
	return t, 0, true, ""
}

// Validate checks the document's meaning, reporting every problem as a *FieldError located
// by JSON Pointer (e.g. "/areas/2/groups/3/upper95"): the dimension and the fields it needs,
// group labels that the dimension can read and that are unique in each area, areas unique by
// area and period, and numbers in range (populations > 0, counts and standard errors not
// negative, count ≤ population, lower95 ≤ value ≤ upper95, proportions in [0, 1], rates not
// negative).
func (d *Data) Validate() error {
	var l field.List
	if !d.Dimension.Valid() {
		l.Add("/dimension", ErrUnknownValue, "a group dimension such as deprivation-decile or ethnic-category")
	}
	switch d.Dimension {
	case ByDeprivationQuintile, ByDeprivationDecile:
		if !d.IMDEdition.Valid() {
			l.Add("/imdEdition", ErrMissingField, "the IMD edition of the deprivation groups: imd-2019 or imd-2025")
		}
	case ByProtectedCharacteristic:
		if !d.Characteristic.Valid() {
			l.Add("/characteristic", ErrMissingField, "the protected characteristic the groups belong to")
		}
	}
	if d.IMDEdition != 0 && !d.IMDEdition.Valid() {
		l.Add("/imdEdition", ErrUnknownValue, "imd-2019 or imd-2025")
	}
	if d.Characteristic != 0 && !d.Characteristic.Valid() {
		l.Add("/characteristic", ErrUnknownValue, "one of the nine protected characteristics")
	}
	if d.EthnicCodeSet != 0 && !d.EthnicCodeSet.Valid() {
		l.Add("/ethnicCodeSet", ErrUnknownValue, "nhs-2001")
	}
	if d.ValueType != 0 && !d.ValueType.Valid() {
		l.Add("/valueType", ErrUnknownValue, "other, rate or proportion")
	}
	if len(d.Areas) == 0 {
		l.Add("/areas", ErrMissingField, "at least one area")
	}
	seenArea := make(map[[2]string]bool, len(d.Areas))
	for i, a := range d.Areas {
		ap := field.Pointer("areas", i)
		if strings.TrimSpace(a.Area) == "" {
			l.Add(ap+"/area", ErrMissingField, "an area identifier")
		}
		key := [2]string{a.Area, a.Period}
		if seenArea[key] {
			l.Add(ap, ErrDuplicateGroup, "each area and period once")
		}
		seenArea[key] = true
		if len(a.Groups) == 0 {
			l.Add(ap+"/groups", ErrMissingField, "at least one group")
		}
		seen := make(map[string]bool, len(a.Groups))
		for j, g := range a.Groups {
			gp := ap + field.Pointer("groups", j)
			if d.Dimension.Valid() {
				k, _, ok, want := d.groupKey(g.Group)
				switch {
				case !ok:
					l.Add(gp+"/group", ErrOutOfRange, want)
				case seen[k]:
					l.Add(gp+"/group", ErrDuplicateGroup, "each group once in an area")
				}
				seen[k] = true
			}
			d.validateNumbers(&l, gp, g)
		}
	}
	return l.Err()
}

func (d *Data) validateNumbers(l *field.List, gp string, g DataGroup) {
	num := func(name string, p *float64, ok func(float64) bool, want string) bool {
		if p == nil {
			return false
		}
		if !finite(*p) || !ok(*p) {
			l.Add(gp+"/"+name, ErrOutOfRange, want)
			return false
		}
		return true
	}
	nonNeg := func(x float64) bool { return x >= 0 }
	anyValue := func(float64) bool { return true }
	valueOK, valueWant := anyValue, "a finite value"
	switch d.ValueType {
	case ValueRate:
		valueOK, valueWant = nonNeg, "a rate, not negative"
	case ValueProportion:
		valueOK = func(x float64) bool { return x >= 0 && x <= 1 }
		valueWant = "a proportion in [0, 1] (not a percentage)"
	}
	popOK := num("population", g.Population, func(x float64) bool { return x > 0 }, "a population greater than 0")
	countOK := num("count", g.Count, nonNeg, "a count, not negative")
	if popOK && countOK && d.ValueType == ValueProportion && *g.Count > *g.Population {
		l.Add(gp+"/count", ErrOutOfRange, "a count no greater than the population")
	}
	vOK := num("value", g.Value, valueOK, valueWant)
	loOK := num("lower95", g.Lower95, valueOK, valueWant)
	hiOK := num("upper95", g.Upper95, valueOK, valueWant)
	if (g.Lower95 == nil) != (g.Upper95 == nil) {
		l.Add(gp, ErrMissingField, "both lower95 and upper95, or neither")
	}
	if loOK && hiOK {
		if *g.Lower95 > *g.Upper95 {
			l.Add(gp+"/lower95", ErrOutOfRange, "a lower limit no greater than the upper limit")
		} else if vOK && !(*g.Lower95 <= *g.Value && *g.Value <= *g.Upper95) {
			l.Add(gp+"/value", ErrOutOfRange, "a value within its 95 % limits")
		}
	}
	num("se", g.SE, nonNeg, "a standard error, not negative")
	num("participants", g.Participants, nonNeg, "a count of participants, not negative")
	num("community", g.Community, nonNeg, "a community count, not negative")
}

// AreaSII is the slope index of inequality of one area of a Data document.
type AreaSII struct {
	Area   string `json:"area"`
	Name   string `json:"name,omitempty"`
	Period string `json:"period,omitempty"`
	SIIResult
}

// SII computes the slope index of inequality for every area of the document with SIIAreas.
// The dimension must be ordered; every area must have every quantile (1 … 5 or 1 … 10 for
// deprivation, 1 … K for ByQuantile with K the number of distinct labels in the document,
// as phe_sii counts them), with a population and a value. opts.ValueType, if set, must agree
// with the document's. The standard errors come from se when opts.FromLimits is false and
// every group has one, and otherwise from lower95 and upper95. A proportion may be given as a
// count instead of a value and limits: its value is then count/population and its limits the
// 95 % Wilson score limits, as PHEindicatormethods phe_proportion computes them before
// Fingertips calls phe_sii (which needs 0 < count < population).
//
// phe_sii drops an area that lacks a quantile, with a warning; here it is an error naming the
// area, so that no area disappears from a report unnoticed.
func (d *Data) SII(opts SIIOptions) ([]AreaSII, error) {
	if err := d.Validate(); err != nil {
		return nil, err
	}
	var l field.List
	if !d.Dimension.Ordered() {
		l.Add("/dimension", ErrOutOfRange, "an ordered dimension (deprivation-quintile, deprivation-decile or quantile) for the slope index of inequality")
	}
	vt := d.ValueType
	if opts.ValueType != 0 {
		if vt != 0 && vt != opts.ValueType {
			l.Add("/valueType", ErrOutOfRange, "the same value type as the options")
		}
		vt = opts.ValueType
	}
	if vt == 0 {
		vt = ValueOther
	}
	if err := l.Err(); err != nil {
		return nil, err
	}
	k := 0
	switch d.Dimension {
	case ByDeprivationQuintile:
		k = 5
	case ByDeprivationDecile:
		k = 10
	default:
		labels := map[int]bool{}
		for _, a := range d.Areas {
			for _, g := range a.Groups {
				_, o, _, _ := d.groupKey(g.Group)
				labels[o] = true
			}
		}
		k = len(labels)
		for o := range labels {
			if o > k {
				l.Add("/areas", ErrOutOfRange, "quantile labels 1 … K with none missing from the whole document")
				return nil, l.Err()
			}
		}
	}
	useSE := !opts.FromLimits
	if useSE {
	scan:
		for _, a := range d.Areas {
			for _, g := range a.Groups {
				if g.SE == nil {
					useSE = false
					break scan
				}
			}
		}
	}
	areas := make([][]QuantileGroup, len(d.Areas))
	for i, a := range d.Areas {
		ap := field.Pointer("areas", i)
		groups := make([]QuantileGroup, k)
		have := make([]bool, k)
		for j, g := range a.Groups {
			gp := ap + field.Pointer("groups", j)
			_, o, _, _ := d.groupKey(g.Group)
			have[o-1] = true
			qg := QuantileGroup{}
			if g.Population == nil {
				l.Add(gp+"/population", ErrMissingField, "the group's population")
			} else {
				qg.Population = *g.Population
			}
			switch {
			case g.Value != nil:
				qg.Value = *g.Value
			case vt == ValueProportion && g.Count != nil && g.Population != nil:
				qg.Value = *g.Count / *g.Population
			default:
				l.Add(gp+"/value", ErrMissingField, "the group's value (or, for a proportion, its count)")
			}
			switch {
			case useSE:
				qg.SE = *g.SE
			case g.Lower95 != nil && g.Upper95 != nil:
				qg.Lower, qg.Upper = *g.Lower95, *g.Upper95
			case vt == ValueProportion && g.Value == nil && g.Count != nil && g.Population != nil &&
				*g.Count > 0 && *g.Count < *g.Population:
				// A proportion given as a count: its 95 % Wilson limits, as phe_proportion
				// computes them for Fingertips.
				qg.Lower, qg.Upper = wilson(*g.Count, *g.Population, z95)
			default:
				l.Add(gp, ErrMissingField, "a standard error (se) for every group, or 95 % limits (lower95, upper95) for every group")
			}
			groups[o-1] = qg
		}
		var missing []string
		for q, ok := range have {
			if !ok {
				missing = append(missing, strconv.Itoa(q+1))
			}
		}
		if len(missing) > 0 {
			l.Add(ap+"/groups", ErrMissingField, "every quantile 1 … "+strconv.Itoa(k)+"; missing "+strings.Join(missing, ", "))
		}
		areas[i] = groups
	}
	if err := l.Err(); err != nil {
		return nil, err
	}
	o := opts
	o.ValueType = vt
	o.FromLimits = !useSE
	res, err := SIIAreas(areas, o)
	if err != nil {
		return nil, remapAreaErrors(err, d)
	}
	out := make([]AreaSII, len(res))
	for i, r := range res {
		out[i] = AreaSII{Area: d.Areas[i].Area, Name: d.Areas[i].Name, Period: d.Areas[i].Period, SIIResult: r}
	}
	return out, nil
}

// remapAreaErrors rewrites "/areas/i/groups/q/..." paths of SIIAreas, where q is the quantile
// position, to the group's index in the document.
func remapAreaErrors(err error, d *Data) error {
	var l field.List
	var walk func(error)
	walk = func(e error) {
		if j, ok := e.(interface{ Unwrap() []error }); ok {
			for _, x := range j.Unwrap() {
				walk(x)
			}
			return
		}
		var fe *FieldError
		if !errors.As(e, &fe) {
			l.AddError("", e)
			return
		}
		path := fe.Path
		if i, q, rest, ok := parseAreaPath(path); ok && i < len(d.Areas) {
			for j, g := range d.Areas[i].Groups {
				if _, o, _, _ := d.groupKey(g.Group); o == q+1 {
					path = field.Pointer("areas", i, "groups", j) + rest
					break
				}
			}
		}
		l.Add(path, fe.Err, fe.Detail)
	}
	walk(err)
	return l.Err()
}

// parseAreaPath splits "/areas/I/groups/Q<rest>" into I, Q and rest.
func parseAreaPath(path string) (i, q int, rest string, ok bool) {
	s, found := strings.CutPrefix(path, "/areas/")
	if !found {
		return 0, 0, "", false
	}
	a, s, _ := strings.Cut(s, "/")
	s, found = strings.CutPrefix(s, "groups/")
	if !found {
		return 0, 0, "", false
	}
	b, r, cut := strings.Cut(s, "/")
	var err1, err2 error
	i, err1 = strconv.Atoi(a)
	q, err2 = strconv.Atoi(b)
	if err1 != nil || err2 != nil {
		return 0, 0, "", false
	}
	if cut {
		rest = "/" + r
	}
	return i, q, rest, true
}

// AreaRepresentation is the representation analysis of one area of a Data document.
type AreaRepresentation struct {
	Area   string `json:"area"`
	Name   string `json:"name,omitempty"`
	Period string `json:"period,omitempty"`
	RepresentationResult
}

// Representation runs Representation for every area of the document, groups in document
// order; every group needs participants and community counts.
func (d *Data) Representation(opts RepresentationOptions) ([]AreaRepresentation, error) {
	if err := d.Validate(); err != nil {
		return nil, err
	}
	var l field.List
	if c := opts.Confidence; c != 0 && !(c >= 0.9 && c < 1) {
		l.Add("/options/confidence", ErrOutOfRange, "a confidence level in [0.9, 1)")
		return nil, l.Err()
	}
	out := make([]AreaRepresentation, 0, len(d.Areas))
	for i, a := range d.Areas {
		ap := field.Pointer("areas", i)
		groups := make([]RepresentationGroup, len(a.Groups))
		ok := true
		for j, g := range a.Groups {
			gp := ap + field.Pointer("groups", j)
			label, _, _, _ := d.groupKey(g.Group)
			groups[j].Group = label
			if g.Participants == nil {
				l.Add(gp+"/participants", ErrMissingField, "the number of participants in the group")
				ok = false
			} else {
				groups[j].Participants = *g.Participants
			}
			if g.Community == nil {
				l.Add(gp+"/community", ErrMissingField, "the group's size in the community")
				ok = false
			} else {
				groups[j].Community = *g.Community
			}
		}
		if !ok {
			continue
		}
		r, err := Representation(groups, opts)
		if err != nil {
			l.AddError(ap, err)
			continue
		}
		out = append(out, AreaRepresentation{Area: a.Area, Name: a.Name, Period: a.Period, RepresentationResult: r})
	}
	if err := l.Err(); err != nil {
		return nil, err
	}
	return out, nil
}
