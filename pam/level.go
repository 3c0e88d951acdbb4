package pam

import (
	"math"

	"github.com/peopleandcommunities/engage/internal/enum"
)

// Level is a Patient Activation Measure level, from Level1 (believing an active role is
// important, but often overwhelmed) to Level4 (keeping up healthy behaviours, including under
// stress): the four stages of activation of Hibbard et al. 2004 (Health Serv Res
// 39(4):1005–1026), reached by banding the 0–100 score with a LevelScheme. The zero value is
// not a level.
type Level uint8

// The four levels.
const (
	Level1 Level = 1 + iota
	Level2
	Level3
	Level4
)

var levels = enum.NewTable[Level]("pam.Level",
	[]string{"level-1", "level-2", "level-3", "level-4"}, nil)

// Valid reports whether l is one of the four levels.
func (l Level) Valid() bool { return levels.Valid(l) }

// String returns the level's slug, "level-1" … "level-4"; any other value prints as
// %!Level(n).
func (l Level) String() string { return levels.String(l) }

// MarshalText returns the slug; an invalid level is an error.
func (l Level) MarshalText() ([]byte, error) { return levels.Marshal(l) }

// UnmarshalText parses text with ParseLevel.
func (l *Level) UnmarshalText(text []byte) error {
	v, err := ParseLevel(string(text))
	if err == nil {
		*l = v
	}
	return err
}

// ParseLevel returns the level named by s: its slug ("level-3"), "Level 3", or the number
// "3". Otherwise it returns an error listing the valid slugs.
func ParseLevel(s string) (Level, error) { return levels.Parse(s, true) }

// Stage returns the name of the stage of activation the level stands for, after the four
// stages of Hibbard et al. 2004: believing the patient role is important; having the
// confidence and knowledge to take action; taking action; staying the course under stress.
func (l Level) Stage() string {
	switch l {
	case Level1:
		return "believing an active role is important"
	case Level2:
		return "building the knowledge and confidence to act"
	case Level3:
		return "taking action"
	case Level4:
		return "maintaining behaviours, even under stress"
	}
	return ""
}

// Description says in a sentence what people at this level typically need, as the level
// narratives used in European studies summarise them (Rademakers J et al. 2016, BMC Health
// Serv Res, doi:10.1186/s12913-016-1828-1, Table 6).
func (l Level) Description() string {
	switch l {
	case Level1:
		return "Tends to be passive and may feel overwhelmed by managing their own health; may not yet see that they have a part to play."
	case Level2:
		return "May lack the knowledge and confidence to manage their health, though they see it matters."
	case Level3:
		return "Is taking action but may still lack the confidence and skill to support all the behaviours needed."
	case Level4:
		return "Has adopted many of the behaviours needed but may find it hard to keep them up in times of stress."
	}
	return ""
}

// SNOMED CT (UK edition) concept for recording a PAM level. The level is the observation's
// value (1 … 4), as the NHS's own data-processing code and the UK Renal Data Collaboration
// extract record it; no concepts for the four levels as separate findings are published, and
// the concept sometimes used for the PAM score is not included here because its term could not
// be verified.
const (
	// SNOMEDLevelConcept is the SCTID of "Patient Activation Measure Level (observable
	// entity)".
	SNOMEDLevelConcept = "962851000000103"
	// SNOMEDLevelTerm is the concept's fully specified name.
	SNOMEDLevelTerm = "Patient Activation Measure Level (observable entity)"
	// SNOMEDSystem is the FHIR system URI of SNOMED CT.
	SNOMEDSystem = "http://snomed.info/sct"
)

// SNOMEDObservation is a level coded for a clinical record: the SNOMED CT observable entity
// and the level as its value.
type SNOMEDObservation struct {
	// System is SNOMEDSystem.
	System string `json:"system"`
	// Code is SNOMEDLevelConcept.
	Code string `json:"code"`
	// Display is SNOMEDLevelTerm.
	Display string `json:"display"`
	// Value is the level, 1 … 4.
	Value int `json:"value"`
}

// SNOMED returns the level as a SNOMED CT observation, and false for an invalid level.
func (l Level) SNOMED() (SNOMEDObservation, bool) {
	if !l.Valid() {
		return SNOMEDObservation{}, false
	}
	return SNOMEDObservation{System: SNOMEDSystem, Code: SNOMEDLevelConcept, Display: SNOMEDLevelTerm, Value: int(l)}, true
}

// LevelScheme is a published set of cut points that band the 0–100 activation score into
// levels. Two schemes are in use and engage offers both, hiding neither; their first two cut
// points agree and they differ only at the Level 3 / Level 4 boundary, so always report which
// one produced a level. Banding is on the score rounded to one decimal, half up (RoundScore):
// the cut points are published to one decimal. The zero value is not a scheme.
type LevelScheme uint8

// The level schemes.
const (
	// Hibbard2005 is the original scheme of the PAM's developers (Hibbard et al. 2005,
	// Health Serv Res 40(6):1918–1930), as restated, for example, in J Am Geriatr Soc
	// 2010;58(8):1496–1503, Table 2 (PMC2955177):
	//
	//	Level 1 ≤ 47.0 < Level 2 ≤ 55.1 < Level 3 ≤ 67.0 < Level 4
	//
	// That text gives Level 4 as "greater than 67.1"; scores are reported to one decimal,
	// so engage reads it as 67.1 and above.
	Hibbard2005 LevelScheme = 1 + iota
	// Insignia2024 is the licence holder's current scheme (Insignia Health, a Phreesia
	// company), as the Shirley Ryan AbilityLab Rehabilitation Measures Database records it
	// (page searched March 2024):
	//
	//	Level 1 ≤ 47.0 < Level 2 ≤ 55.1 < Level 3 ≤ 72.4 < Level 4
	Insignia2024
	schemeEnd
)

// numSchemes is the number of level schemes.
const numSchemes = int(schemeEnd - 1)

var schemes = enum.NewTable[LevelScheme]("pam.LevelScheme",
	[]string{"hibbard-2005", "insignia-2024"},
	map[string]LevelScheme{"original": Hibbard2005, "current": Insignia2024})

// upperTenths[s] holds each scheme's upper bounds of Levels 1, 2 and 3, in tenths of a point.
var upperTenths = [...][3]int32{
	Hibbard2005:  {470, 551, 670},
	Insignia2024: {470, 551, 724},
}

// Schemes returns every level scheme in declaration order.
func Schemes() []LevelScheme { return []LevelScheme{Hibbard2005, Insignia2024} }

// Valid reports whether s is one of the declared schemes.
func (s LevelScheme) Valid() bool { return schemes.Valid(s) }

// String returns the scheme's slug, "hibbard-2005" or "insignia-2024"; any other value
// prints as %!LevelScheme(n).
func (s LevelScheme) String() string { return schemes.String(s) }

// MarshalText returns the slug; an invalid scheme is an error.
func (s LevelScheme) MarshalText() ([]byte, error) { return schemes.Marshal(s) }

// UnmarshalText parses text with ParseLevelScheme.
func (s *LevelScheme) UnmarshalText(text []byte) error {
	v, err := ParseLevelScheme(string(text))
	if err == nil {
		*s = v
	}
	return err
}

// ParseLevelScheme returns the scheme named by s: its slug, "original" (Hibbard2005) or
// "current" (Insignia2024), in any case. Otherwise it returns an error listing the valid
// slugs.
func ParseLevelScheme(s string) (LevelScheme, error) { return schemes.Parse(s, false) }

// Source cites where the scheme's cut points are published; "" for an invalid scheme.
func (s LevelScheme) Source() string {
	switch s {
	case Hibbard2005:
		return "Hibbard JH, Mahoney ER, Stockard J, Tusler M. Development and testing of a short form of the patient activation measure. Health Serv Res 2005;40(6):1918–1930; cut points as restated in J Am Geriatr Soc 2010;58(8):1496–1503, Table 2."
	case Insignia2024:
		return "Insignia Health (Phreesia), current PAM levels, as recorded by the Shirley Ryan AbilityLab Rehabilitation Measures Database, Patient Activation Measure (searched March 2024)."
	}
	return ""
}

// Upper returns the scheme's upper bounds of Levels 1, 2 and 3 on the one-decimal score:
// 47.0, 55.1 and 67.0 (Hibbard2005) or 72.4 (Insignia2024); zeros for an invalid scheme.
func (s LevelScheme) Upper() [3]float64 {
	if !s.Valid() {
		return [3]float64{}
	}
	u := upperTenths[s]
	return [3]float64{float64(u[0]) / 10, float64(u[1]) / 10, float64(u[2]) / 10}
}

// Level returns the level of a score in [0, 100] under the scheme, banding the score rounded
// to one decimal, half up. It returns 0 (no level) for an invalid scheme or a score that is
// not a number in [0, 100].
func (s LevelScheme) Level(score float64) Level {
	if !s.Valid() || !(score >= 0 && score <= 100) {
		return 0
	}
	return s.levelTenths(roundTenths(score))
}

func (s LevelScheme) levelTenths(t int32) Level {
	u := &upperTenths[s]
	switch {
	case t <= u[0]:
		return Level1
	case t <= u[1]:
		return Level2
	case t <= u[2]:
		return Level3
	}
	return Level4
}

// tieTolerance is how close, in tenths of a point, a score must come below a half-tenth to be
// rounded as the half it stands for: 55.15 is held in binary as 55.149999999999998…, and is
// rounded up as written. It is far below the precision of any estimate.
const tieTolerance = 1e-9

// roundTenths returns a score in [0, 100] rounded half up to tenths of a point.
func roundTenths(score float64) int32 {
	return int32(math.Floor(score*10 + 0.5 + tieTolerance))
}

// RoundScore rounds a 0–100 activation score to one decimal, half up, the precision at which
// scores are reported and levels banded: 55.15 → 55.2, 55.149 → 55.1. Values within 1e-10
// of a point below a half are treated as the half, so that scores supplied as decimal text
// round as written. A value that is not a number in [0, 100] is returned unchanged.
func RoundScore(score float64) float64 {
	if !(score >= 0 && score <= 100) {
		return score
	}
	return float64(roundTenths(score)) / 10
}
