package principle

import (
	"iter"

	"github.com/peopleandcommunities/engage/internal/enum"
)

// NarrativePrinciple is one of the principles that, according to the shared narrative
// Engaging and empowering communities: our shared commitment and call to action (agreed at
// a national leaders' seminar by public sector leaders and people with lived experience),
// underpin every approach to empowering communities. They describe the conditions for
// strong, inclusive communities, and sit alongside the six principles rather than inside
// any one of them. The zero value is not a narrative principle.
type NarrativePrinciple uint8

// The narrative principles, in the order the shared narrative gives them.
const (
	// NarrativeAssets: people's skills and knowledge are assets to be used in their
	// community.
	NarrativeAssets NarrativePrinciple = 1 + iota
	// NarrativeCoProduction: lived experience is valued alongside professional expertise.
	NarrativeCoProduction
	// NarrativeSocialCapital: the social connections behind neighbourliness and civic
	// engagement are cultivated.
	NarrativeSocialCapital
	// NarrativeDiversityAndEqualAccess: communities value diversity and give every member
	// equal access.
	NarrativeDiversityAndEqualAccess
	// NarrativeShiftingPower: power and control move from public services and professionals
	// to communities and to those who are marginalised and seldom heard.
	NarrativeShiftingPower
)

var narrativeInfos = [...]struct{ name, summary string }{
	NarrativeAssets: {"Community assets",
		"Start from what people already have: their skills and knowledge can and should be put to use in their community."},
	NarrativeCoProduction: {"Co-production",
		"Work out solutions together, because valuing lived experience alongside professional expertise produces better shared answers."},
	NarrativeSocialCapital: {"Social capital",
		"Grow the social connections that lead to neighbourliness and civic engagement."},
	NarrativeDiversityAndEqualAccess: {"Diversity and equal access",
		"Help communities to value their diversity and to give all their members equal access."},
	NarrativeShiftingPower: {"Shifting power",
		"Move power and control away from public services and professionals towards communities, especially people who are marginalised and seldom heard."},
}

var narratives = enum.NewTable[NarrativePrinciple]("principle.NarrativePrinciple",
	[]string{"community-assets", "co-production", "social-capital", "diversity-and-equal-access", "shifting-power"},
	map[string]NarrativePrinciple{"assets": NarrativeAssets, "coproduction": NarrativeCoProduction,
		"equal-access": NarrativeDiversityAndEqualAccess, "diversity": NarrativeDiversityAndEqualAccess})

// NarrativePrinciples returns the narrative principles in the shared narrative's order.
func NarrativePrinciples() iter.Seq[NarrativePrinciple] {
	return func(yield func(NarrativePrinciple) bool) {
		for n := NarrativeAssets; n <= NarrativeShiftingPower; n++ {
			if !yield(n) {
				return
			}
		}
	}
}

// Valid reports whether n is a declared narrative principle.
func (n NarrativePrinciple) Valid() bool { return narratives.Valid(n) }

// String returns the slug, e.g. "social-capital"; any other value prints as
// %!NarrativePrinciple(n).
func (n NarrativePrinciple) String() string { return narratives.String(n) }

// Name returns the narrative principle's name, e.g. "Social capital", or "" for an invalid
// value.
func (n NarrativePrinciple) Name() string {
	if !n.Valid() {
		return ""
	}
	return narrativeInfos[n].name
}

// Summary says in a sentence what the narrative principle asks, or "" for an invalid value.
func (n NarrativePrinciple) Summary() string {
	if !n.Valid() {
		return ""
	}
	return narrativeInfos[n].summary
}

// MarshalText returns the slug; an invalid value is an error.
func (n NarrativePrinciple) MarshalText() ([]byte, error) { return narratives.Marshal(n) }

// UnmarshalText parses text with [ParseNarrativePrinciple].
func (n *NarrativePrinciple) UnmarshalText(text []byte) error {
	v, err := ParseNarrativePrinciple(string(text))
	if err == nil {
		*n = v
	}
	return err
}

// ParseNarrativePrinciple returns the narrative principle named by s: its slug, its number in
// the shared narrative (1 to 5) or its name, forgiving about case and spacing. Otherwise it
// returns a *[ParseError] listing the slugs.
func ParseNarrativePrinciple(s string) (NarrativePrinciple, error) {
	return parse(narratives, s, true)
}

// An AgreedAction is one of the actions that the leaders, people who use services and carers
// behind the shared narrative agreed in order to drive community empowerment.
type AgreedAction struct {
	// ID is the action's stable slug.
	ID string `json:"id"`
	// Actor is who the action falls to, e.g. "Health and wellbeing boards".
	Actor string `json:"actor"`
	// Text states the action in a sentence.
	Text string `json:"text"`
}

var agreedActions = [...]AgreedAction{
	{"health-and-wellbeing-boards-lead", "Health and wellbeing boards",
		"Take a leading role in engaging and empowering communities."},
	{"strengths-central-to-planning", "Commissioners",
		"Put the strengths of citizens and professionals at the centre of planning and designing public services."},
	{"shared-evidence-and-simple-measures", "The health and social care sector",
		"Use the same evidence and simple measures to show what engaging and empowering communities achieves."},
	{"communities-central-to-future-systems", "All stakeholders",
		"Drive the ambition of making communities central to future health and social care systems."},
}

// AgreedActions returns the shared narrative's agreed actions in its order.
func AgreedActions() iter.Seq[AgreedAction] {
	return func(yield func(AgreedAction) bool) {
		for _, a := range agreedActions {
			if !yield(a) {
				return
			}
		}
	}
}
