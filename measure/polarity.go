package measure

import "github.com/peopleandcommunities/engage/internal/enum"

// Polarity says which direction of a measure or indicator is an improvement, as public-health
// indicator catalogues (OHID's Fingertips profiles) record it: "high is good" and "low is good"
// indicators are judged better or worse than a benchmark, while an indicator with no judgement
// (such as the share of a population in an age band) is only higher or lower. The zero value is
// not a polarity.
type Polarity uint8

// The polarities.
const (
	HigherIsBetter Polarity = 1 + iota // a higher value is an improvement
	LowerIsBetter                      // a lower value is an improvement
	NoJudgement                        // neither direction is an improvement in itself
)

var polarities = enum.NewTable[Polarity]("measure.Polarity",
	[]string{"higher-is-better", "lower-is-better", "no-judgement"},
	map[string]Polarity{"high-is-good": HigherIsBetter, "low-is-good": LowerIsBetter, "none": NoJudgement})

// Valid reports whether p is one of the declared polarities.
func (p Polarity) Valid() bool { return polarities.Valid(p) }

// String returns the polarity's slug, e.g. "higher-is-better"; any other value prints as
// %!Polarity(n).
func (p Polarity) String() string { return polarities.String(p) }

// MarshalText returns the slug; an invalid polarity is an error.
func (p Polarity) MarshalText() ([]byte, error) { return polarities.Marshal(p) }

// UnmarshalText parses text with ParsePolarity.
func (p *Polarity) UnmarshalText(text []byte) error {
	v, err := ParsePolarity(string(text))
	if err == nil {
		*p = v
	}
	return err
}

// ParsePolarity returns the polarity named by s: its slug ("lower-is-better") or the Fingertips
// wording ("low is good"), forgiving about case, spaces, underscores and typographic dashes.
// Otherwise it returns an error listing the valid slugs.
func ParsePolarity(s string) (Polarity, error) { return polarities.Parse(s, false) }
