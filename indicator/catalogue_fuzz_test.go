package indicator_test

import (
	"errors"
	"testing"

	"github.com/peopleandcommunities/engage/indicator"
	"github.com/peopleandcommunities/engage/principle"
)

var catFuzzSeeds = []string{"", " ", "0", "1", "-", "–", "\x00", "\xff", "ｅｘｉｓｔｉｎｇ", "existing", "Additional indicators",
	"audit trail", "CCG", "GP practice", "sroi", "Social Return on Investment", "gpps", "gp-patient-survey", "‘PAM’"}

// catFuzzEnum checks a Parse… function on any input: no panic; success gives a valid value
// whose slug parses back to it; failure matches principle.ErrUnknown.
func catFuzzEnum[T interface {
	comparable
	Valid() bool
	String() string
}](f *testing.F, parse func(string) (T, error)) {
	for _, s := range catFuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := parse(s)
		if err != nil {
			if !errors.Is(err, principle.ErrUnknown) {
				t.Fatalf("parse(%q) error %v does not match principle.ErrUnknown", s, err)
			}
			return
		}
		if back, err := parse(v.String()); !v.Valid() || err != nil || back != v {
			t.Fatalf("parse(%q) = %v, which does not round-trip", s, v)
		}
	})
}

func FuzzParseTier(f *testing.F)         { catFuzzEnum(f, indicator.ParseTier) }
func FuzzParseEvidenceKind(f *testing.F) { catFuzzEnum(f, indicator.ParseEvidenceKind) }
func FuzzParseGeography(f *testing.F)    { catFuzzEnum(f, indicator.ParseGeography) }
func FuzzParseComputation(f *testing.F)  { catFuzzEnum(f, indicator.ParseComputation) }

func FuzzCataloguePublisherUnmarshalText(f *testing.F) {
	catFuzzEnum(f, func(s string) (indicator.Publisher, error) {
		var p indicator.Publisher
		err := p.UnmarshalText([]byte(s))
		return p, err
	})
}

// FuzzCatalogueLookup: any input names an indicator, whose ID then names it again, or gives
// an error matching ErrUnknownIndicator; unmarshalling an ID agrees with Lookup.
func FuzzCatalogueLookup(f *testing.F) {
	for _, s := range catFuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		ind, err := indicator.Lookup(indicator.ID(s))
		var id indicator.ID
		uerr := id.UnmarshalText([]byte(s))
		if err != nil {
			if !errors.Is(err, indicator.ErrUnknownIndicator) || !errors.Is(err, principle.ErrUnknown) {
				t.Fatalf("Lookup(%q) error %v", s, err)
			}
			if uerr == nil {
				t.Fatalf("UnmarshalText(%q) accepted what Lookup rejects", s)
			}
			return
		}
		if uerr != nil || id != ind.ID {
			t.Fatalf("UnmarshalText(%q) = %q, %v; Lookup gave %q", s, id, uerr, ind.ID)
		}
		again, err := indicator.Lookup(ind.ID)
		if err != nil || again.ID != ind.ID {
			t.Fatalf("ID %q does not look itself up", ind.ID)
		}
	})
}
