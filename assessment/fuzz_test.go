package assessment_test

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/peopleandcommunities/engage/assessment"
	"github.com/peopleandcommunities/engage/principle"
	"github.com/peopleandcommunities/engage/schemas"
	"pgregory.net/rapid"
)

// FuzzParseScorecard: any input is refused with a classified error, or read into a scorecard
// that marshals back into a valid document. Nothing panics.
func FuzzParseScorecard(f *testing.F) {
	sc, err := assessment.Assess(fictionalPlace(f))
	if err != nil {
		f.Fatal(err)
	}
	data, err := json.Marshal(sc)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data)
	for _, s := range []string{``, `{}`, `null`, `{"level":0.95}`, `{"principles":[]}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		sc, err := assessment.ParseScorecard(data)
		if err != nil {
			if !errors.Is(err, schemas.ErrInvalid) && !errors.Is(err, schemas.ErrInternal) && !errors.Is(err, assessment.ErrOutOfRange) {
				t.Fatalf("unclassified error %v", err)
			}
			return
		}
		out, err := json.Marshal(sc)
		if err != nil {
			t.Fatalf("marshal: %v", err)
		}
		if err := schemas.Validate(schemas.Scorecard, out); err != nil {
			t.Fatalf("re-marshalled scorecard does not validate: %v", err)
		}
	})
}

// FuzzParseStatus covers the package's enumerations: each either parses to a value whose slug
// parses back to it, or refuses with an error matching principle.ErrUnknown.
func FuzzParseStatus(f *testing.F) {
	for _, s := range []string{"concern", "No evidence", "missing", "out of date", "worse", "no-significant-change",
		"favourable", "trend", "observation", "", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		type enum interface{ String() string }
		checks := []func(string) (enum, error){
			func(s string) (enum, error) { return assessment.ParseStatus(s) },
			func(s string) (enum, error) { return assessment.ParseCoverage(s) },
			func(s string) (enum, error) { return assessment.ParseVerdict(s) },
			func(s string) (enum, error) { return assessment.ParseEffect(s) },
			func(s string) (enum, error) { return assessment.ParseFindingKind(s) },
			func(s string) (enum, error) { return assessment.ParseLinkKind(s) },
		}
		for _, parse := range checks {
			v, err := parse(s)
			if err != nil {
				if !errors.Is(err, principle.ErrUnknown) {
					t.Fatalf("%q: %v", s, err)
				}
				continue
			}
			back, err := parse(v.String())
			if err != nil || back != v {
				t.Fatalf("%v does not round-trip", v)
			}
		}
	})
}

// FuzzAssess runs the order and round-trip properties under the fuzzer: its bytes drive the
// generator of inputs.
func FuzzAssess(f *testing.F) {
	f.Fuzz(rapid.MakeFuzz(func(t *rapid.T) {
		sc := assess(t, genInput(t))
		if _, err := json.Marshal(sc); err != nil {
			t.Fatal(err)
		}
	}))
}
