package principle_test

import (
	"errors"
	"testing"
	"unicode/utf8"

	"github.com/peopleandcommunities/engage/principle"
)

// fuzzParse checks the contract of a Parse… function on any input: it never panics; on
// success the value is valid and its slug parses back to it; on failure the error is a
// *ParseError that matches ErrUnknown and quotes at most 40 characters of the input.
func fuzzParse[T interface {
	comparable
	Valid() bool
	String() string
}](f *testing.F, parse func(string) (T, error), seeds ...string) {
	for _, s := range append(seeds, "", " ", "0", "-1", "256", "99999999999999999999", "–", "\x00", "\xff", "ｃａｒｅｒｓ", "Ç") {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := parse(s)
		if err != nil {
			var pe *principle.ParseError
			if !errors.Is(err, principle.ErrUnknown) || !errors.As(err, &pe) {
				t.Fatalf("parse(%q) error %v is not a ParseError matching ErrUnknown", s, err)
			}
			if utf8.RuneCountInString(pe.Input) > 40 {
				t.Fatalf("error quotes %d characters of the input", utf8.RuneCountInString(pe.Input))
			}
			return
		}
		if !v.Valid() {
			t.Fatalf("parse(%q) = invalid value %v", s, v)
		}
		back, err := parse(v.String())
		if err != nil || back != v {
			t.Fatalf("slug %q of %q parses to %v, %v", v.String(), s, back, err)
		}
	})
}

func FuzzParsePrinciple(f *testing.F) {
	fuzzParse(f, principle.ParsePrinciple, "carers", "Principle 3", "p6", "6", "Carers are identified, supported and involved")
}

func FuzzParseCommitmentKind(f *testing.F) {
	fuzzParse(f, principle.ParseCommitmentKind, "key-intervention", "Target group")
}

func FuzzParseEmpowermentLevel(f *testing.F) {
	fuzzParse(f, principle.ParseEmpowermentLevel, "system", "Service level", "3")
}

func FuzzParseNarrativePrinciple(f *testing.F) {
	fuzzParse(f, principle.ParseNarrativePrinciple, "co-production", "Coproduction", "5")
}

func FuzzParseApproach(f *testing.F) {
	fuzzParse(f, principle.ParseApproach, "sdm", "Personal health budgets", "6")
}

func FuzzParseBody(f *testing.F) {
	fuzzParse(f, principle.ParseBody, "ccg", "NHS England")
}

func FuzzParseDuty(f *testing.F) {
	fuzzParse(f, principle.ParseDuty, "14U", "section 13I", "Part 6A", "psed")
}

func FuzzParseAction(f *testing.F) {
	fuzzParse(f, principle.ParseAction, "10", "action 6", "A1", "Commission for involvement")
}

type commitmentResult struct{ principle.Commitment }

func (c commitmentResult) Valid() bool    { return c.Principle.Valid() && c.Kind.Valid() }
func (c commitmentResult) String() string { return c.ID }

func FuzzLookupCommitment(f *testing.F) {
	fuzzParse(f, func(s string) (commitmentResult, error) {
		c, err := principle.LookupCommitment(s)
		return commitmentResult{c}, err
	}, "peer-support", "Peer Support", "co_production")
}
