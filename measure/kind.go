package measure

import "github.com/peopleandcommunities/engage/internal/enum"

// Kind classifies a measure of success by what it looks at. The framework's measures range
// from health outcomes to how commissioners and communities regard volunteering; the kind
// groups them so that a scorecard or dashboard can present like with like. The zero value is
// not a kind.
type Kind uint8

// The kinds of measure.
const (
	// Outcome: a change in health, wellbeing or quality of life, for people who use
	// services, carers, volunteers or neighbourhoods.
	Outcome Kind = 1 + iota
	// Experience: what people report about their care, their support or being engaged.
	Experience
	// Access: whether people reach and use an intervention, a service or a kind of support.
	Access
	// Capability: knowledge, skills and confidence, of people managing their own health or
	// of the professionals who work with them.
	Capability
	// Relationship: how partners, such as the voluntary sector, find their working
	// relationship with the health and care system.
	Relationship
	// Representation: whether a group or sector has its due place in the bodies that decide.
	Representation
	// Inequality: the gap between groups on another measure, which should narrow.
	Inequality
	// Insight: the quality of what the system knows about a population's needs.
	Insight
	// Responsiveness: whether the system acts on what it hears, and is open and accountable
	// for what it does.
	Responsiveness
	// Participation: how much, and how widely, people give their time.
	Participation
	// Attitude: how people, professionals and organisations regard volunteering, social
	// action and the NHS's place in community life.
	Attitude
	// Community: the strength of community life: groups, their condition, and people's
	// sense of belonging.
	Community
)

var kinds = enum.NewTable[Kind]("measure.Kind",
	[]string{"outcome", "experience", "access", "capability", "relationship", "representation",
		"inequality", "insight", "responsiveness", "participation", "attitude", "community"},
	map[string]Kind{"outcomes": Outcome, "inequalities": Inequality, "gap": Inequality})

// Valid reports whether k is a declared kind.
func (k Kind) Valid() bool { return kinds.Valid(k) }

// String returns the kind's slug, e.g. "experience"; any other value prints as %!Kind(n).
func (k Kind) String() string { return kinds.String(k) }

// MarshalText returns the slug; an invalid kind is an error.
func (k Kind) MarshalText() ([]byte, error) { return kinds.Marshal(k) }

// UnmarshalText parses text with [ParseKind].
func (k *Kind) UnmarshalText(text []byte) error {
	v, err := ParseKind(string(text))
	if err == nil {
		*k = v
	}
	return err
}

// ParseKind returns the kind named by its slug, forgiving about case and spacing, or a
// *principle.ParseError listing the slugs.
func ParseKind(s string) (Kind, error) {
	for k := Outcome; k <= Community; k++ {
		if kinds.Slug(k) == s {
			return k, nil
		}
	}
	return kinds.Parse(s, false)
}
