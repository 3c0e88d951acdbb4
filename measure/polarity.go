package measure

import (
	"fmt"
	"strconv"
	"strings"
)

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
	polarityEnd
)

var polaritySlugs = [...]string{HigherIsBetter: "higher-is-better", LowerIsBetter: "lower-is-better", NoJudgement: "no-judgement"}

// Valid reports whether p is one of the declared polarities.
func (p Polarity) Valid() bool { return p >= HigherIsBetter && p < polarityEnd }

// String returns the polarity's slug, e.g. "higher-is-better"; any other value prints as
// %!Polarity(n).
func (p Polarity) String() string {
	if p.Valid() {
		return polaritySlugs[p]
	}
	return "%!Polarity(" + strconv.Itoa(int(p)) + ")"
}

// MarshalText returns the slug; an invalid polarity is an error.
func (p Polarity) MarshalText() ([]byte, error) {
	if !p.Valid() {
		return nil, fmt.Errorf("measure: cannot marshal invalid %s", p)
	}
	return []byte(polaritySlugs[p]), nil
}

// UnmarshalText parses a slug with ParsePolarity.
func (p *Polarity) UnmarshalText(text []byte) error {
	v, err := ParsePolarity(string(text))
	if err != nil {
		return err
	}
	*p = v
	return nil
}

// ParsePolarity returns the polarity named by s: its slug, ignoring case, surrounding space and
// the difference between spaces, hyphens and underscores.
func ParsePolarity(s string) (Polarity, error) {
	t := strings.NewReplacer(" ", "-", "_", "-").Replace(strings.ToLower(strings.TrimSpace(s)))
	for p := HigherIsBetter; p < polarityEnd; p++ {
		if polaritySlugs[p] == t {
			return p, nil
		}
	}
	return 0, fmt.Errorf("measure: %q is not a polarity; valid values are higher-is-better, lower-is-better, no-judgement", s)
}
