package pam

import (
	"math"
	"testing"

	"pgregory.net/rapid"
)

// Cut points as published. Hibbard2005: Level 1 "scores 47.0 or lower", Level 2 "47.1-55.1",
// Level 3 "55.2-67.0", Level 4 "greater than 67.1" (J Am Geriatr Soc 2010;58(8):1496–1503,
// Table 2). Insignia2024: 0.0–47.0, 47.1–55.1, 55.2–72.4, 72.5–100 (Shirley Ryan
// AbilityLab Rehabilitation Measures Database, searched March 2024). Banding is on the score
// rounded half up to one decimal, so 47.05 is 47.1 and Level 2.
var levelTests = []struct {
	score    float64
	hibbard  Level
	insignia Level
}{
	{0, Level1, Level1},
	{47.0, Level1, Level1},
	{47.04, Level1, Level1},
	{47.05, Level2, Level2},
	{47.1, Level2, Level2},
	{55.1, Level2, Level2},
	{55.149, Level2, Level2},
	{55.15, Level3, Level3},
	{55.2, Level3, Level3},
	{67.0, Level3, Level3},
	{67.049, Level3, Level3},
	{67.05, Level4, Level3},
	{67.1, Level4, Level3},
	{72.4, Level4, Level3},
	{72.45, Level4, Level4},
	{72.5, Level4, Level4},
	{100, Level4, Level4},
}

func TestLevelSchemes(t *testing.T) {
	for _, c := range levelTests {
		if got := Hibbard2005.Level(c.score); got != c.hibbard {
			t.Errorf("Hibbard2005.Level(%v) = %v, want %v", c.score, got, c.hibbard)
		}
		if got := Insignia2024.Level(c.score); got != c.insignia {
			t.Errorf("Insignia2024.Level(%v) = %v, want %v", c.score, got, c.insignia)
		}
	}
	for _, s := range []float64{-0.1, 100.01, math.NaN(), math.Inf(1)} {
		if got := Insignia2024.Level(s); got != 0 {
			t.Errorf("Level(%v) = %v, want no level", s, got)
		}
	}
	if LevelScheme(0).Level(50) != 0 {
		t.Errorf("an invalid scheme gives a level")
	}
	if got, want := Hibbard2005.Upper(), [3]float64{47.0, 55.1, 67.0}; got != want {
		t.Errorf("Hibbard2005.Upper() = %v", got)
	}
	if got, want := Insignia2024.Upper(), [3]float64{47.0, 55.1, 72.4}; got != want {
		t.Errorf("Insignia2024.Upper() = %v", got)
	}
	if got := Schemes(); len(got) != 2 || got[0] != Hibbard2005 || got[1] != Insignia2024 {
		t.Errorf("Schemes() = %v", got)
	}
}

func TestRoundScore(t *testing.T) {
	// Half up at one decimal; decimal halves held inexactly in binary round as written.
	for _, c := range []struct{ in, want float64 }{
		{55.15, 55.2},
		{55.149, 55.1},
		{55.1499999, 55.1},
		{0.05, 0.1},
		{0.04, 0},
		{99.95, 100},
		{72.45, 72.5},
		{34.20, 34.2},
		{38.10, 38.1},
		{100, 100},
		{0, 0},
	} {
		if got := RoundScore(c.in); got != c.want {
			t.Errorf("RoundScore(%v) = %v, want %v", c.in, got, c.want)
		}
	}
	if got := RoundScore(-3); got != -3 {
		t.Errorf("RoundScore(-3) = %v; out-of-range values are returned unchanged", got)
	}
}

func TestLevelNeverFallsAsScoreRises(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		a := rapid.Float64Range(0, 100).Draw(t, "a")
		b := rapid.Float64Range(0, 100).Draw(t, "b")
		lo, hi := min(a, b), max(a, b)
		for _, s := range Schemes() {
			if s.Level(lo) > s.Level(hi) {
				t.Fatalf("%v: level of %v is %v, above level of %v, %v", s, lo, s.Level(lo), hi, s.Level(hi))
			}
		}
		// The current scheme never puts a score at a higher level than the original one.
		if Insignia2024.Level(a) > Hibbard2005.Level(a) {
			t.Fatalf("score %v: insignia-2024 level above hibbard-2005 level", a)
		}
	})
}

func TestLevelDescriptions(t *testing.T) {
	for _, l := range []Level{Level1, Level2, Level3, Level4} {
		if l.Stage() == "" || l.Description() == "" {
			t.Errorf("%v has no stage or description", l)
		}
		obs, ok := l.SNOMED()
		// SNOMED CT UK edition: 962851000000103 |Patient Activation Measure Level (observable
		// entity)|, with the level as its value.
		if !ok || obs.Code != "962851000000103" || obs.System != "http://snomed.info/sct" || obs.Value != int(l) ||
			obs.Display != "Patient Activation Measure Level (observable entity)" {
			t.Errorf("%v.SNOMED() = %+v, %v", l, obs, ok)
		}
	}
	if _, ok := Level(0).SNOMED(); ok || Level(0).Stage() != "" || Level(9).Description() != "" {
		t.Errorf("an invalid level has a coding or description")
	}
}

func TestLevelSchemeSources(t *testing.T) {
	for _, s := range Schemes() {
		if s.Source() == "" {
			t.Errorf("%v has no source", s)
		}
	}
	if LevelScheme(0).Source() != "" {
		t.Errorf("an invalid scheme has a source")
	}
}
