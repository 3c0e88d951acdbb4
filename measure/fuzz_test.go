package measure_test

import (
	"errors"
	"testing"

	"github.com/peopleandcommunities/engage/measure"
	"github.com/peopleandcommunities/engage/principle"
)

var fuzzSeeds = []string{"", " ", "0", "1", "-", "–", "\x00", "\xff", "ｏｕｔｃｏｍｅ", "carers-quality-of-life",
	"Narrowing the gap", "higher is better", "low is good", "outcome", "Relationship"}

// FuzzParseID: any input either names a measure, whose ID then parses to itself, or gives an
// error matching ErrUnknownMeasure and principle.ErrUnknown. Nothing panics.
func FuzzParseID(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		id, err := measure.ParseID(s)
		if err != nil {
			if !errors.Is(err, measure.ErrUnknownMeasure) || !errors.Is(err, principle.ErrUnknown) {
				t.Fatalf("ParseID(%q) error %v", s, err)
			}
			return
		}
		m, err := measure.Lookup(id)
		if err != nil || m.ID != id {
			t.Fatalf("ParseID(%q) = %q, which Lookup gives as %q, %v", s, id, m.ID, err)
		}
		if again, err := measure.ParseID(string(id)); err != nil || again != id {
			t.Fatalf("ID %q does not parse to itself", id)
		}
	})
}

func FuzzParseKind(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		k, err := measure.ParseKind(s)
		if err != nil {
			if !errors.Is(err, principle.ErrUnknown) {
				t.Fatalf("ParseKind(%q) error %v", s, err)
			}
			return
		}
		if back, err := measure.ParseKind(k.String()); !k.Valid() || err != nil || back != k {
			t.Fatalf("ParseKind(%q) = %v, which does not round-trip", s, k)
		}
	})
}

func FuzzParsePolarity(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := measure.ParsePolarity(s)
		if err != nil {
			if !errors.Is(err, principle.ErrUnknown) {
				t.Fatalf("ParsePolarity(%q) error %v", s, err)
			}
			return
		}
		if back, err := measure.ParsePolarity(p.String()); !p.Valid() || err != nil || back != p {
			t.Fatalf("ParsePolarity(%q) = %v, which does not round-trip", s, p)
		}
	})
}
