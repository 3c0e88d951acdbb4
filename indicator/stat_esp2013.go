package indicator

import (
	"strconv"
	"strings"

	"github.com/peopleandcommunities/engage/internal/enum"
	"github.com/peopleandcommunities/engage/internal/field"
)

// OpenEnded is the AgeBand.To of a band with no upper age, such as "90+".
const OpenEnded = -1

// MaxAge is the highest age an AgeBand may name.
const MaxAge = 150

// AgeBand is a band of whole years of age, From to To inclusive ("0-4"), or From and over
// when To is OpenEnded ("90+"). The zero value is the band of age 0 alone ("0-0").
type AgeBand struct {
	From int
	To   int
}

// Valid reports whether b names ages within 0 … MaxAge with From ≤ To, or is open-ended.
func (b AgeBand) Valid() bool {
	return b.From >= 0 && b.From <= MaxAge && (b.To == OpenEnded || (b.To >= b.From && b.To <= MaxAge))
}

// Contains reports whether age (in whole years) falls in the band.
func (b AgeBand) Contains(age int) bool {
	return age >= b.From && (b.To == OpenEnded || age <= b.To)
}

// String returns "0-4" or "90+"; an invalid band prints as %!AgeBand(from,to).
func (b AgeBand) String() string {
	if !b.Valid() {
		return "%!AgeBand(" + strconv.Itoa(b.From) + "," + strconv.Itoa(b.To) + ")"
	}
	if b.To == OpenEnded {
		return strconv.Itoa(b.From) + "+"
	}
	return strconv.Itoa(b.From) + "-" + strconv.Itoa(b.To)
}

// MarshalText returns the band as "0-4" or "90+"; an invalid band is an error.
func (b AgeBand) MarshalText() ([]byte, error) {
	if !b.Valid() {
		return nil, &FieldError{Err: ErrOutOfRange, Detail: "an age band such as 0-4 or 90+"}
	}
	return []byte(b.String()), nil
}

// UnmarshalText parses text with ParseAgeBand.
func (b *AgeBand) UnmarshalText(text []byte) error {
	v, err := ParseAgeBand(string(text))
	if err == nil {
		*b = v
	}
	return err
}

// ParseAgeBand reads an age band as public-health data write it: "0-4", "05-09", "0 to 4",
// "0–4", "90+", "90 and over", "90 plus", with an optional "age" or "aged" in front. It
// returns an error matching ErrOutOfRange for anything else.
func ParseAgeBand(s string) (AgeBand, error) {
	bad := &FieldError{Err: ErrOutOfRange, Detail: "an age band such as 0-4 or 90+ with ages from 0 to 150"}
	if len(s) > 40 {
		return AgeBand{}, bad
	}
	k := enum.Key(s)
	k = strings.TrimPrefix(strings.TrimPrefix(k, "aged-"), "age-")
	for _, suffix := range []string{"+", "-and-over", "-plus", "-and-above"} {
		if rest, ok := strings.CutSuffix(k, suffix); ok {
			from, err := parseAge(rest)
			if err != nil {
				return AgeBand{}, bad
			}
			return AgeBand{From: from, To: OpenEnded}, nil
		}
	}
	lo, hi, ok := strings.Cut(k, "-to-")
	if !ok {
		lo, hi, ok = strings.Cut(k, "-")
	}
	if !ok {
		return AgeBand{}, bad
	}
	from, err1 := parseAge(lo)
	to, err2 := parseAge(hi)
	b := AgeBand{From: from, To: to}
	if err1 != nil || err2 != nil || !b.Valid() {
		return AgeBand{}, bad
	}
	return b, nil
}

func parseAge(s string) (int, error) {
	if s == "" || len(s) > 3 {
		return 0, ErrOutOfRange
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return 0, ErrOutOfRange
		}
	}
	n, err := strconv.Atoi(s)
	if err != nil || n > MaxAge {
		return 0, ErrOutOfRange
	}
	return n, nil
}

// StandardBand is one age band of a standard population and its size.
type StandardBand struct {
	Band       AgeBand
	Population float64
}

// StandardPopulation is the set of weights a directly standardised rate averages
// age-specific rates with. Use ESP2013 for rates comparable with OHID's Fingertips; a
// custom standard must pass Validate.
type StandardPopulation struct {
	// Name identifies the standard, e.g. "esp2013".
	Name string
	// Bands are the age bands in order of age, not overlapping, each with a population
	// ≥ 0; at least one population is greater than 0.
	Bands []StandardBand
}

// MaxBands is the most age bands a standard population or an AgeTally may have.
const MaxBands = 200

// ESP2013 returns the 2013 European Standard Population in its 19 five-year bands 0-4 …
// 85-89 and 90+, totalling 100,000 — the standard OHID's Fingertips and PHEindicatormethods
// (its esp2013 data set) use for directly standardised rates. Each call returns a new
// value that the caller may change freely.
//
// Eurostat (2013), Revision of the European Standard Population: report of Eurostat's task
// force, Methodologies and Working Papers, Luxembourg: Publications Office of the European
// Union.
func ESP2013() StandardPopulation {
	pops := [...]float64{5000, 5500, 5500, 5500, 6000, 6000, 6500, 7000, 7000, 7000,
		7000, 6500, 6000, 5500, 5000, 4000, 2500, 1500, 1000}
	s := StandardPopulation{Name: "esp2013", Bands: make([]StandardBand, len(pops))}
	for i, p := range pops {
		b := AgeBand{From: 5 * i, To: 5*i + 4}
		if i == len(pops)-1 {
			b.To = OpenEnded
		}
		s.Bands[i] = StandardBand{Band: b, Population: p}
	}
	return s
}

// Validate checks that s can standardise: 1 … MaxBands valid bands in increasing order of
// age that do not overlap, each with a finite population ≥ 0, and a positive total.
func (s StandardPopulation) Validate() error {
	var l field.List
	if len(s.Bands) == 0 || len(s.Bands) > MaxBands {
		l.Add("/bands", ErrOutOfRange, "from 1 to 200 age bands")
		return l.Err()
	}
	total := 0.0
	for i, sb := range s.Bands {
		p := index("bands", i)
		if !sb.Band.Valid() {
			l.Add(p+"/band", ErrOutOfRange, "an age band such as 0-4 or 90+")
		} else if i > 0 {
			prev := s.Bands[i-1].Band
			if prev.Valid() && (prev.To == OpenEnded || prev.To >= sb.Band.From) {
				l.Add(p+"/band", ErrMismatch, "bands in increasing order of age that do not overlap")
			}
		}
		if !count(sb.Population) {
			l.Add(p+"/population", ErrOutOfRange, "a population from 0 to 1e15")
		} else {
			total += sb.Population
		}
	}
	if l.Len() == 0 && !(total > 0) {
		l.Add("/bands", ErrOutOfRange, "a standard population greater than 0 in total")
	}
	return l.Err()
}

// index returns the position of band b in s, or -1.
func (s StandardPopulation) index(b AgeBand) int {
	for i, sb := range s.Bands {
		if sb.Band == b {
			return i
		}
	}
	return -1
}

// total returns the sum of the standard's populations.
func (s StandardPopulation) total() float64 {
	t := 0.0
	for _, sb := range s.Bands {
		t += sb.Population
	}
	return t
}
