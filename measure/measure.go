package measure

import (
	"errors"
	"fmt"
	"iter"
	"slices"

	"github.com/peopleandcommunities/engage/internal/enum"
	"github.com/peopleandcommunities/engage/principle"
)

// ErrUnknownMeasure classifies an identifier that names no measure of success. Errors that
// match it also match principle.ErrUnknown and hold a *principle.ParseError listing the
// valid identifiers.
var ErrUnknownMeasure = errors.New("measure: unknown measure")

// ID is the stable identifier of a measure of success: a lowercase slug such as
// "carers-quality-of-life" that never changes or is reused once released. It marshals as
// itself; unmarshalling accepts anything [ParseID] accepts and stores the canonical ID.
type ID string

// String returns the ID as a string.
func (id ID) String() string { return string(id) }

// MarshalText returns the ID; an ID that names no measure is an error.
func (id ID) MarshalText() ([]byte, error) {
	if _, ok := index[id]; !ok {
		return nil, unknown(string(id))
	}
	return []byte(id), nil
}

// UnmarshalText parses text with [ParseID].
func (id *ID) UnmarshalText(text []byte) error {
	if i, ok := index[ID(text)]; ok {
		*id = defs[i].id
		return nil
	}
	v, err := ParseID(string(text))
	if err == nil {
		*id = v
	}
	return err
}

// ParseID returns the canonical ID of the measure that s names: its ID or an accepted
// alternative, forgiving about case, spaces, underscores and typographic quotes and dashes.
// Otherwise it returns an error matching [ErrUnknownMeasure].
func ParseID(s string) (ID, error) {
	i, ok := find(s)
	if !ok {
		return "", unknown(s)
	}
	return defs[i].id, nil
}

// A Measure is one of the framework's measures of success: what a health and care system
// would see if it were honouring a principle. The framework lists measures under each
// principle; a measure it lists under more than one principle is a single Measure linked
// to each.
//
// A Measure returned by this package is the caller's own copy.
type Measure struct {
	// ID is the measure's stable identifier.
	ID ID `json:"id"`
	// Name is the measure as the framework words it.
	Name string `json:"name"`
	// Kind says what the measure looks at.
	Kind Kind `json:"kind"`
	// Polarity says which direction is an improvement.
	Polarity Polarity `json:"polarity"`
	// Principles lists the principles the framework lists the measure under, in the
	// framework's order.
	Principles []principle.Principle `json:"principles"`
	// Parts lists the aspects the framework spells out for the measure, such as the four
	// domains of people's experience; it is empty when the framework names none.
	Parts []Part `json:"parts,omitempty"`
}

// A Part is one aspect of a measure that the framework names separately and that can be
// observed on its own, such as "Control and independence" within people's experiences.
type Part struct {
	// ID is the part's stable slug, unique within its measure.
	ID string `json:"id"`
	// Name is the part as the framework words it.
	Name string `json:"name"`
}

// String returns the measure's ID.
func (m Measure) String() string { return string(m.ID) }

// All returns every measure of success in the framework's order: principle by principle,
// each measure at its first appearance.
func All() iter.Seq[Measure] {
	return func(yield func(Measure) bool) {
		for i := range defs {
			if !yield(measureAt(i)) {
				return
			}
		}
	}
}

// ForPrinciple returns the measures of success listed under p, in the order the framework
// lists them there. It yields nothing for an invalid principle.
func ForPrinciple(p principle.Principle) iter.Seq[Measure] {
	return func(yield func(Measure) bool) {
		if !p.Valid() {
			return
		}
		for _, id := range byPrinciple[p] {
			i, ok := index[id]
			if !ok {
				continue
			}
			if !yield(measureAt(i)) {
				return
			}
		}
	}
}

// Lookup returns the measure that id names, forgiving about spelling as [ParseID] is. An
// unknown ID is an error matching [ErrUnknownMeasure].
func Lookup(id ID) (Measure, error) {
	i, ok := find(string(id))
	if !ok {
		return Measure{}, unknown(string(id))
	}
	return measureAt(i), nil
}

// find returns the index of the measure that s names.
func find(s string) (int, bool) {
	if i, ok := index[ID(s)]; ok {
		return i, true
	}
	i, ok := keyIndex[enum.Key(s)]
	return i, ok
}

func unknown(s string) error {
	ids := make([]string, len(defs))
	for i, d := range defs {
		ids[i] = string(d.id)
	}
	return fmt.Errorf("%w: %w", ErrUnknownMeasure, enum.NewParseError("measure.ID", s, ids))
}

// measureAt returns a fresh copy of measure i.
func measureAt(i int) Measure {
	d := &defs[i]
	return Measure{
		ID:         d.id,
		Name:       d.name,
		Kind:       d.kind,
		Polarity:   d.polarity,
		Principles: slices.Clone(principlesOf[i]),
		Parts:      slices.Clone(d.parts),
	}
}

// The indexes below are computed once from the tables in catalogue.go and never change.
var (
	index        = map[ID]int{}
	keyIndex     = map[string]int{}
	principlesOf = make([][]principle.Principle, len(defs))
	// problems records inconsistencies in the tables; the package's tests require none.
	problems []string
)

func init() {
	for i, d := range defs {
		if _, dup := index[d.id]; dup {
			problems = append(problems, "measure "+string(d.id)+" is defined twice")
		}
		index[d.id] = i
		keyIndex[enum.Key(string(d.id))] = i
	}
	for alias, id := range aliases {
		i, ok := index[id]
		if !ok {
			problems = append(problems, "alias "+alias+" names unknown measure "+string(id))
			continue
		}
		keyIndex[enum.Key(alias)] = i
	}
	for p := principle.PersonCentredCare; p.Valid(); p++ {
		for _, id := range byPrinciple[p] {
			i, ok := index[id]
			if !ok {
				problems = append(problems, fmt.Sprintf("principle %d lists unknown measure %s", p, id))
				continue
			}
			if slices.Contains(principlesOf[i], p) {
				problems = append(problems, fmt.Sprintf("principle %d lists measure %s twice", p, id))
				continue
			}
			principlesOf[i] = append(principlesOf[i], p)
		}
	}
}
