package sample

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"

	"github.com/peopleandcommunities/engage/equality"
)

// Notice is the statement that every generated document carries, in its title or description,
// so that nobody mistakes the sample for evidence about a real place.
const Notice = "SYNTHETIC DATA: a fictional place invented by engage's sample generator; " +
	"no real people, areas, organisations or results are described."

// Edition is the edition of the English Index of Multiple Deprivation whose ranks the
// generated small areas carry. Its 32,844 LSOAs bound Size.Areas.
const Edition = equality.IMD2019

// Limits on a Size, so that a mistyped size fails at once rather than after hours of work.
const (
	MaxAreas          = 32_844 // the LSOAs ranked by IMD 2019: one generated area per rank at most
	MaxPeople         = 100_000_000
	MaxParticipants   = 10_000_000
	MaxVolunteers     = 10_000_000
	MaxNeighbourhoods = 9_999
)

// ErrSize classifies a Size outside the generator's limits.
var ErrSize = errors.New("sample: size out of range")

// Size says how big a place to generate. The same seed and Size always give the same place.
type Size struct {
	// Areas is the number of small areas (LSOA-sized, about 1,700 residents each), 1 …
	// MaxAreas. At MaxAreas every IMD 2019 rank is used once, so the areas' deprivation
	// deciles are exactly those of England; below it the ranks are drawn with a lean towards
	// the more deprived, as in an urban place.
	Areas int
	// Neighbourhoods is the number of neighbourhoods (primary care networks) the areas are
	// grouped into, 1 … min(Areas, MaxNeighbourhoods).
	Neighbourhoods int
	// People is the number of people referred to the social prescribing service whose
	// Patient Activation Measure is taken at referral and, for most, again at follow-up;
	// 0 … MaxPeople.
	People int
	// Participants is the number of people who took part in engagement activities over the
	// year; 0 … MaxParticipants.
	Participants int
	// Volunteers is the number of volunteers active in the later of the two years;
	// 0 … MaxVolunteers.
	Volunteers int
}

// Small returns the size of the place that the report example ships: 120 small areas in 8
// neighbourhoods (about 200,000 residents), 3,000 people with activation measured, 900
// participants in engagement activities and 350 volunteers.
func Small() Size {
	return Size{Areas: 120, Neighbourhoods: 8, People: 3000, Participants: 900, Volunteers: 350}
}

// National returns a national-scale size: every IMD 2019 small area of England (32,844),
// 1,250 neighbourhoods, 1,000,000 people with activation measured, 100,000 participants and
// 50,000 volunteers. Its people are meant to be streamed (People, PeopleRange), not held.
func National() Size {
	return Size{Areas: MaxAreas, Neighbourhoods: 1250, People: 1_000_000, Participants: 100_000, Volunteers: 50_000}
}

// Validate reports every field of s outside the generator's limits, each error matching ErrSize.
func (s Size) Validate() error {
	var errs []error
	check := func(name string, v, lo, hi int) {
		if v < lo || v > hi {
			errs = append(errs, fmt.Errorf("%w: %s must be from %d to %d", ErrSize, name, lo, hi))
		}
	}
	check("Areas", s.Areas, 1, MaxAreas)
	check("Neighbourhoods", s.Neighbourhoods, 1, min(max(s.Areas, 1), MaxNeighbourhoods))
	check("People", s.People, 0, MaxPeople)
	check("Participants", s.Participants, 0, MaxParticipants)
	check("Volunteers", s.Volunteers, 0, MaxVolunteers)
	return errors.Join(errs...)
}

// Generator produces one fictional place. It is built once by New, holds the place's areas
// (a few megabytes at national size) and derives every person, participant and volunteer
// from the seed and the record's index when asked, so that records can be streamed, split
// across workers and regenerated in any order. A Generator is immutable and safe for
// concurrent use.
type Generator struct {
	seed           uint64
	size           Size
	neighbourhoods []Neighbourhood
	areas          []Area
	// Running totals of the areas' weights for drawing where a record lives.
	referralCum, participantCum, volunteerCum []float64
	// shares[i] holds the running totals of area i's residents by recorded ethnic category.
	shares [][]float64
}

// New returns the generator of the place of the given seed and size.
func New(seed uint64, size Size) (*Generator, error) {
	if err := size.Validate(); err != nil {
		return nil, err
	}
	g := &Generator{seed: seed, size: size}
	g.buildAreas()
	return g, nil
}

// Seed returns the generator's seed.
func (g *Generator) Seed() uint64 { return g.seed }

// Size returns the generator's size.
func (g *Generator) Size() Size { return g.size }

// Place returns the fictional place's name, code and notice.
func (g *Generator) Place() Place {
	return Place{Code: PlaceCode, Name: PlaceName, Notice: Notice}
}

// Neighbourhoods returns the neighbourhoods in order of code; the slice is the caller's.
func (g *Generator) Neighbourhoods() []Neighbourhood { return slices.Clone(g.neighbourhoods) }

// Areas returns the small areas in order of code; the slice is the caller's.
func (g *Generator) Areas() []Area { return slices.Clone(g.areas) }

// Area returns small area i (0 ≤ i < Size().Areas).
func (g *Generator) Area(i int) Area { return g.areas[i] }

// Place identifies the fictional place.
type Place struct {
	Code   string
	Name   string
	Notice string
}

// The fictional place's name and code. The code has the shape of an NHS organisation code so
// that documents which check codes accept it; no organisation has it.
const (
	PlaceName = "Brackenford"
	PlaceCode = "SYNPLACE"
)

// areaCode returns the code of area i: "SYN" and five digits.
func areaCode(i int) string {
	s := strconv.Itoa(i + 1)
	for len(s) < 5 {
		s = "0" + s
	}
	return "SYN" + s
}

// neighbourhoodCode returns the code of neighbourhood j: "SYNN" and four digits.
func neighbourhoodCode(j int) string {
	s := strconv.Itoa(j + 1)
	for len(s) < 4 {
		s = "0" + s
	}
	return "SYNN" + s
}

// clamp keeps x within [lo, hi].
func clamp(x, lo, hi float64) float64 { return math.Max(lo, math.Min(hi, x)) }
