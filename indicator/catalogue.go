package indicator

import (
	"errors"
	"fmt"
	"iter"
	"slices"

	"github.com/peopleandcommunities/engage/internal/enum"
	"github.com/peopleandcommunities/engage/measure"
	"github.com/peopleandcommunities/engage/principle"
)

// ErrUnknownIndicator classifies an identifier that names no indicator in the catalogue.
// Errors that match it also match principle.ErrUnknown and hold a *principle.ParseError
// listing the valid identifiers.
var ErrUnknownIndicator = errors.New("indicator: unknown indicator")

// ID is the stable identifier of an indicator in the catalogue: a lowercase slug such as
// "gp-patient-survey" that never changes or is reused once released. It marshals as itself;
// unmarshalling accepts any spelling [Lookup] accepts and stores the canonical ID.
type ID string

// String returns the ID as a string.
func (id ID) String() string { return string(id) }

// MarshalText returns the ID; an ID that names no indicator is an error.
func (id ID) MarshalText() ([]byte, error) {
	if _, ok := catIndex[id]; !ok {
		return nil, catUnknown(string(id))
	}
	return []byte(id), nil
}

// UnmarshalText sets id to the canonical ID of the indicator that text names, forgiving as
// [Lookup] is; an unknown indicator is an error matching [ErrUnknownIndicator].
func (id *ID) UnmarshalText(text []byte) error {
	if i, ok := catIndex[ID(text)]; ok {
		*id = catDefs[i].id
		return nil
	}
	i, ok := catFind(string(text))
	if !ok {
		return catUnknown(string(text))
	}
	*id = catDefs[i].id
	return nil
}

// An Indicator is one item of the framework's "indicators and evidence", or of the
// statutory guidance's measurement and assurance: a source of evidence that shows whether a
// principle's measures of success are being met. An indicator the framework lists under
// several principles is one Indicator linked to each.
//
// An Indicator returned by this package is the caller's own copy.
type Indicator struct {
	// ID is the indicator's stable identifier.
	ID ID `json:"id"`
	// Name is the indicator as the framework words it.
	Name string `json:"name"`
	// Focus is what the framework points to within the source, such as the survey questions
	// to use; it is empty when the framework says nothing more.
	Focus string `json:"focus,omitempty"`
	// Tier says where the framework places the indicator.
	Tier Tier `json:"tier"`
	// Evidence says what sort of evidence the indicator is.
	Evidence EvidenceKind `json:"evidence"`
	// Source says who publishes the results, for what level of unit, and from what.
	Source Source `json:"source"`
	// Computation names the engage calculation that produces the indicator's value.
	Computation Computation `json:"computation"`
	// Measures lists the measures of success the indicator evidences. The framework lists
	// measures and indicators side by side without pairing them; these links are the
	// catalogue's reading of which evidence speaks to which measure. Every principle the
	// indicator serves has at least one of its measures here.
	Measures []measure.ID `json:"measures"`
	// Principles lists the principles the indicator serves, in the framework's order: those
	// it is listed under or, for an item of the statutory guidance, those whose measures it
	// evidences.
	Principles []principle.Principle `json:"principles"`
	// Actions lists the statutory guidance's key actions that name the indicator or its
	// source; it is empty for most indicators.
	Actions []principle.Action `json:"actions,omitempty"`
	// Statutory reports that the statutory guidance names the indicator in its measurement
	// and assurance section.
	Statutory bool `json:"statutory"`
}

// Source describes where an indicator's results come from.
type Source struct {
	// Publisher is who publishes the results.
	Publisher Publisher `json:"publisher"`
	// Geography is the level of unit one result describes.
	Geography Geography `json:"geography"`
	// Reference names the collection, instrument, framework or scheme the evidence comes
	// from, with its owner; it is empty when the indicator's name says it all.
	Reference string `json:"reference,omitempty"`
}

// String returns the indicator's ID.
func (ind Indicator) String() string { return string(ind.ID) }

// All returns every indicator in the catalogue: those of the framework principle by
// principle, each at its first appearance, then those only the statutory guidance names.
func All() iter.Seq[Indicator] {
	return func(yield func(Indicator) bool) {
		for i := range catDefs {
			if !yield(catIndicatorAt(i)) {
				return
			}
		}
	}
}

// ForPrinciple returns the indicators that serve p, in the order the framework lists them
// under p, followed by those of the statutory guidance. It yields nothing for an invalid
// principle.
func ForPrinciple(p principle.Principle) iter.Seq[Indicator] {
	return func(yield func(Indicator) bool) {
		if !p.Valid() {
			return
		}
		for _, id := range catByPrinciple[p] {
			i, ok := catIndex[id]
			if !ok {
				continue
			}
			if !yield(catIndicatorAt(i)) {
				return
			}
		}
	}
}

// ForMeasure returns the indicators that evidence the measure id names (forgiving about
// spelling as measure.ParseID is), in the catalogue's order. It yields nothing for an
// unknown measure.
func ForMeasure(id measure.ID) iter.Seq[Indicator] {
	return func(yield func(Indicator) bool) {
		canon, err := measure.ParseID(string(id))
		if err != nil {
			return
		}
		for i := range catDefs {
			if !slices.Contains(catDefs[i].measures, canon) {
				continue
			}
			if !yield(catIndicatorAt(i)) {
				return
			}
		}
	}
}

// Lookup returns the indicator that id names: its ID or an accepted alternative ("pam",
// "gpps", "sroi"), forgiving about case, spaces, underscores and typographic quotes and
// dashes. Otherwise it returns an error matching [ErrUnknownIndicator].
func Lookup(id ID) (Indicator, error) {
	i, ok := catFind(string(id))
	if !ok {
		return Indicator{}, catUnknown(string(id))
	}
	return catIndicatorAt(i), nil
}

func catFind(s string) (int, bool) {
	if i, ok := catIndex[ID(s)]; ok {
		return i, true
	}
	i, ok := catKeyIndex[enum.Key(s)]
	return i, ok
}

func catUnknown(s string) error {
	ids := make([]string, len(catDefs))
	for i, d := range catDefs {
		ids[i] = string(d.id)
	}
	return fmt.Errorf("%w: %w", ErrUnknownIndicator, enum.NewParseError("indicator.ID", s, ids))
}

// catIndicatorAt returns a fresh copy of indicator i.
func catIndicatorAt(i int) Indicator {
	d := &catDefs[i]
	return Indicator{
		ID:          d.id,
		Name:        d.name,
		Focus:       d.focus,
		Tier:        d.tier,
		Evidence:    d.evidence,
		Source:      d.source,
		Computation: d.computation,
		Measures:    slices.Clone(d.measures),
		Principles:  slices.Clone(catPrinciplesOf[i]),
		Actions:     slices.Clone(d.actions),
		Statutory:   d.statutory,
	}
}

// The indexes below are computed once from the tables in catalogue_data.go and never change.
var (
	catIndex        = map[ID]int{}
	catKeyIndex     = map[string]int{}
	catPrinciplesOf = make([][]principle.Principle, len(catDefs))
	// catProblems records inconsistencies in the tables; the package's tests require none.
	catProblems []string
)

func init() {
	for i, d := range catDefs {
		if _, dup := catIndex[d.id]; dup {
			catProblems = append(catProblems, "indicator "+string(d.id)+" is defined twice")
		}
		catIndex[d.id] = i
		catKeyIndex[enum.Key(string(d.id))] = i
	}
	for alias, id := range catAliases {
		i, ok := catIndex[id]
		if !ok {
			catProblems = append(catProblems, "alias "+alias+" names unknown indicator "+string(id))
			continue
		}
		catKeyIndex[enum.Key(alias)] = i
	}
	for p := principle.PersonCentredCare; p.Valid(); p++ {
		for _, id := range catByPrinciple[p] {
			i, ok := catIndex[id]
			if !ok {
				catProblems = append(catProblems, fmt.Sprintf("principle %d lists unknown indicator %s", p, id))
				continue
			}
			if slices.Contains(catPrinciplesOf[i], p) {
				catProblems = append(catProblems, fmt.Sprintf("principle %d lists indicator %s twice", p, id))
				continue
			}
			catPrinciplesOf[i] = append(catPrinciplesOf[i], p)
		}
	}
}
