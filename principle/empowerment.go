package principle

import (
	"iter"

	"github.com/peopleandcommunities/engage/internal/enum"
)

// EmpowermentLevel is a level of the health and care system at which people can be
// empowered, as the Local Government Association's Partners in Care and Health programme
// sets them out: over their own care, over how services are run, and over the strategy of
// the whole system. Empowerment is meant to happen at all three at once. The zero value is
// not a level.
type EmpowermentLevel uint8

// The three levels of empowerment, from the person outwards.
const (
	// IndividualLevel: people are involved in decisions about their own care.
	IndividualLevel EmpowermentLevel = 1 + iota
	// ServicesLevel: people are involved in choices about how and where services are
	// delivered.
	ServicesLevel
	// SystemLevel: people are involved in strategic decisions.
	SystemLevel
)

var empowermentInfos = [...]struct{ name, summary string }{
	IndividualLevel: {"Individual",
		"People take part in decisions about their own care and treatment, through personalised, person-centred care."},
	ServicesLevel: {"Services",
		"People have a say in how and where services are delivered, and in reviewing and implementing them."},
	SystemLevel: {"System",
		"People take part in strategic decisions, for example as members of boards."},
}

var empowermentLevels = enum.NewTable[EmpowermentLevel]("principle.EmpowermentLevel",
	[]string{"individual", "services", "system"},
	map[string]EmpowermentLevel{"individual-level": IndividualLevel, "services-level": ServicesLevel,
		"service": ServicesLevel, "service-level": ServicesLevel, "system-level": SystemLevel})

// EmpowermentLevels returns the three levels, from the individual to the system.
func EmpowermentLevels() iter.Seq[EmpowermentLevel] {
	return func(yield func(EmpowermentLevel) bool) {
		for l := IndividualLevel; l <= SystemLevel; l++ {
			if !yield(l) {
				return
			}
		}
	}
}

// Valid reports whether l is one of the three levels.
func (l EmpowermentLevel) Valid() bool { return empowermentLevels.Valid(l) }

// String returns the level's slug, e.g. "services"; any other value prints as
// %!EmpowermentLevel(n).
func (l EmpowermentLevel) String() string { return empowermentLevels.String(l) }

// Name returns the level's name, e.g. "Services", or "" for an invalid value.
func (l EmpowermentLevel) Name() string {
	if !l.Valid() {
		return ""
	}
	return empowermentInfos[l].name
}

// Summary says in a sentence what empowerment at this level means, or "" for an invalid
// value.
func (l EmpowermentLevel) Summary() string {
	if !l.Valid() {
		return ""
	}
	return empowermentInfos[l].summary
}

// MarshalText returns the slug; an invalid level is an error.
func (l EmpowermentLevel) MarshalText() ([]byte, error) { return empowermentLevels.Marshal(l) }

// UnmarshalText parses text with [ParseEmpowermentLevel].
func (l *EmpowermentLevel) UnmarshalText(text []byte) error {
	v, err := ParseEmpowermentLevel(string(text))
	if err == nil {
		*l = v
	}
	return err
}

// ParseEmpowermentLevel returns the level named by s: its slug ("system"), its number (1 for
// the individual, 3 for the system) or "system level", forgiving about case and spacing.
// Otherwise it returns a *[ParseError] listing the slugs.
func ParseEmpowermentLevel(s string) (EmpowermentLevel, error) {
	return parse(empowermentLevels, s, true)
}
