package principle

import (
	"iter"

	"github.com/peopleandcommunities/engage/internal/enum"
)

// ErrUnknown classifies text that names no value of an enumeration or no entry of the
// catalogue. Every Parse… function of principle, and every Parse… and Lookup of the measure
// and indicator packages, returns an error that matches it with errors.Is.
var ErrUnknown = enum.ErrUnknown

// ParseError reports text that names no value of an enumeration or catalogue entry, with
// the accepted values in their canonical order. It matches [ErrUnknown].
type ParseError = enum.ParseError

// Principle is one of the six principles for engaging people and communities, numbered 1 to
// 6 in the framework's own order. The zero value is not a principle.
//
// A principle marshals as its stable slug ("person-centred-care"); [ParsePrinciple] also
// accepts its number, its short name and its title.
type Principle uint8

// The six principles, in the framework's order.
const (
	// PersonCentredCare is principle 1: care and support is person-centred — personalised,
	// coordinated, and empowering.
	PersonCentredCare Principle = 1 + iota
	// ServicesInPartnership is principle 2: services are created in partnership with citizens
	// and communities.
	ServicesInPartnership
	// EqualityAndInequalities is principle 3: the focus is on equality and narrowing
	// inequalities.
	EqualityAndInequalities
	// Carers is principle 4: carers are identified, supported and involved.
	Carers
	// VCSEAndHousing is principle 5: the voluntary, community and social enterprise, and
	// housing sectors are involved as key partners and enablers.
	VCSEAndHousing
	// VolunteeringAndSocialAction is principle 6: volunteering and social action are
	// recognised as key enablers.
	VolunteeringAndSocialAction
)

type principleInfo struct {
	name, title, summary string
}

var principleInfos = [...]principleInfo{
	PersonCentredCare: {
		name:  "Person-centred care",
		title: "Care and support is person-centred: personalised, coordinated, and empowering",
		summary: "People, above all those living with long term conditions, shape their own care: " +
			"decisions are shared, care is planned around what matters to the person, " +
			"self-management and peer support are available to everyone who could use them, " +
			"records and budgets are in the person's hands, and mental and physical health " +
			"care work as one.",
	},
	ServicesInPartnership: {
		name:  "Services in partnership",
		title: "Services are created in partnership with citizens and communities",
		summary: "Citizens and communities help to design, develop and evaluate services from the " +
			"start: the system reaches people who reflect the diversity of its area, gathers and " +
			"acts on their feedback with them, co-produces services, gives experts by experience " +
			"and lay leaders real roles, and works as a partner of the voluntary sector and " +
			"Healthwatch.",
	},
	EqualityAndInequalities: {
		name:  "Equality and inequalities",
		title: "Focus is on equality and narrowing inequalities",
		summary: "The system works against the social gradient in health by finding, reaching and " +
			"involving the groups with the greatest need, those protected by the Equality Act 2010 " +
			"and those least likely to use services, so that knowledge of their needs, their access, " +
			"their experience and their outcomes all improve and the gaps between groups close.",
	},
	Carers: {
		name:  "Carers",
		title: "Carers are identified, supported and involved",
		summary: "Family members and friends who care for someone contribute as much as the NHS " +
			"budget. They are identified and helped to recognise themselves as carers, their own " +
			"needs are assessed and met, they are trained for the role, and they are involved as " +
			"partners in care and in designing services.",
	},
	VCSEAndHousing: {
		name:  "VCSE and housing partners",
		title: "Voluntary, community and social enterprise, and housing sectors are involved as key partners and enablers",
		summary: "The voluntary, community and social enterprise sector and housing are strategic " +
			"partners: they are commissioned or grant funded for their contribution to " +
			"person-centred care, act as trusted brokers with people who are seldom heard, and " +
			"receive investment that builds their capacity.",
	},
	VolunteeringAndSocialAction: {
		name:  "Volunteering and social action",
		title: "Volunteering and social action are recognised as key enablers",
		summary: "Time that people give freely, through organisations or informally among " +
			"neighbours, and the collective action of community groups, are valued as part of " +
			"how health and care work; the system makes sure they support prevention, peer support " +
			"and recovery, and that local conditions let community groups thrive.",
	},
}

var principles = enum.NewTable[Principle]("principle.Principle",
	[]string{
		"person-centred-care",
		"services-in-partnership",
		"equality-and-inequalities",
		"carers",
		"vcse-and-housing-partners",
		"volunteering-and-social-action",
	},
	principleAliases())

// principleAliases accepts "principle 3", "p3", each short name and each title.
func principleAliases() map[string]Principle {
	m := make(map[string]Principle)
	for p := PersonCentredCare; p <= VolunteeringAndSocialAction; p++ {
		n := string(rune('0' + p))
		m["principle "+n] = p
		m["p"+n] = p
		m[principleInfos[p].name] = p
		m[principleInfos[p].title] = p
	}
	return m
}

// All returns the six principles in the framework's order.
func All() iter.Seq[Principle] {
	return func(yield func(Principle) bool) {
		for p := PersonCentredCare; p <= VolunteeringAndSocialAction; p++ {
			if !yield(p) {
				return
			}
		}
	}
}

// Valid reports whether p is one of the six principles.
func (p Principle) Valid() bool { return principles.Valid(p) }

// Number returns the principle's number in the framework, 1 to 6, or 0 for an invalid value.
func (p Principle) Number() int {
	if !p.Valid() {
		return 0
	}
	return int(p)
}

// String returns the principle's slug, e.g. "person-centred-care"; any other value prints as
// %!Principle(n).
func (p Principle) String() string { return principles.String(p) }

// Name returns the principle's short name, e.g. "Person-centred care", or "" for an invalid
// value.
func (p Principle) Name() string {
	if !p.Valid() {
		return ""
	}
	return principleInfos[p].name
}

// Title returns the principle's title as the framework words it, e.g. "Carers are
// identified, supported and involved", or "" for an invalid value.
func (p Principle) Title() string {
	if !p.Valid() {
		return ""
	}
	return principleInfos[p].title
}

// Summary returns a few sentences on what the principle asks of a health and care system,
// or "" for an invalid value.
func (p Principle) Summary() string {
	if !p.Valid() {
		return ""
	}
	return principleInfos[p].summary
}

// MarshalText returns the slug; an invalid principle is an error.
func (p Principle) MarshalText() ([]byte, error) { return principles.Marshal(p) }

// UnmarshalText parses text with [ParsePrinciple].
func (p *Principle) UnmarshalText(text []byte) error {
	v, err := ParsePrinciple(string(text))
	if err == nil {
		*p = v
	}
	return err
}

// ParsePrinciple returns the principle named by s: its slug ("carers"), its number ("4"),
// "principle 4" or "p4", its short name or its title. Case, spaces, underscores, hyphens and
// typographic quotes and dashes do not matter. Otherwise it returns a *[ParseError] listing
// the slugs.
func ParsePrinciple(s string) (Principle, error) { return parse(principles, s, true) }

// parse is t.Parse with a fast path for the canonical slug, which is what documents written
// by engage contain, so that decoding them does not pay for Unicode normalisation.
func parse[T ~uint8](t *enum.Table[T], s string, numbers bool) (T, error) {
	for v := T(1); t.Valid(v); v++ {
		if t.Slug(v) == s {
			return v, nil
		}
	}
	return t.Parse(s, numbers)
}
