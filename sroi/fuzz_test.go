package sroi

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/peopleandcommunities/engage/schemas"
	"pgregory.net/rapid"
)

// FuzzParseModel feeds arbitrary documents to ParseModel. It must never panic; a document it
// accepts must be valid, evaluate without error, and survive a JSON round trip unchanged.
func FuzzParseModel(f *testing.F) {
	for _, m := range []Model{publicValue(false), publicValue(true), fullModel()} {
		b, err := json.Marshal(m)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	for _, s := range []string{
		``, `null`, `{}`, `[]`, `{"title":`, `{"title":"x"}`,
		`{"title":"t","currency":"GBP","priceYear":2024,"stakeholders":[{"id":"a","name":"A"}],` +
			`"inputs":[{"id":"i","stakeholder":"a","description":"d","value":"0","year":0}],` +
			`"outcomes":[{"id":"o","stakeholder":"a","description":"d","indicator":"i","quantity":1,"duration":1,` +
			`"proxy":{"description":"p","value":"1","source":"s","priceYear":2024},"deadweight":0,"displacement":0,"attribution":0,"dropOff":0}],` +
			`"discount":{"schedule":"constant","rate":0}}`,
		`{"title":"t","currency":"GBP","priceYear":2024,"stakeholders":[{"id":"a","name":"A"}],` +
			`"inputs":[{"id":"i","stakeholder":"a","description":"d","value":"10","year":0}],` +
			`"outcomes":[{"id":"o","stakeholder":"a","description":"d","indicator":"i","quantity":1e-100,"duration":1,` +
			`"proxy":{"description":"p","value":"1","source":"s","priceYear":2024},"deadweight":1e-1000000,"displacement":0,"attribution":0,"dropOff":0}],` +
			`"discount":{"schedule":"bands","bands":[{"from":1,"rate":0.035},{"from":31,"rate":0.03}]}}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := ParseModel(data)
		if err != nil {
			var fe *FieldError
			if !errors.Is(err, schemas.ErrInvalid) && !errors.As(err, &fe) && !errors.Is(err, schemas.ErrInternal) {
				t.Fatalf("unclassified error: %v", err)
			}
			return
		}
		if err := m.Validate(); err != nil {
			t.Fatalf("ParseModel accepted an invalid model: %v", err)
		}
		m.Simulation = nil // bounded, but not what this target is for
		if _, err := Evaluate(m); err != nil {
			t.Fatalf("valid model failed to evaluate: %v", err)
		}
		b, err := json.Marshal(m)
		if err != nil {
			t.Fatal(err)
		}
		back, err := ParseModel(b)
		if err != nil {
			t.Fatalf("marshalled model rejected: %v\n%s", err, b)
		}
		if diff := cmp.Diff(m, back); diff != "" {
			t.Fatalf("round trip (-want +got):\n%s", diff)
		}
	})
}

// FuzzDiscountValidate decodes arbitrary discount settings: Validate never panics, and a
// discount it accepts yields positive, non-increasing factors.
func FuzzDiscountValidate(f *testing.F) {
	for _, s := range []string{
		`{"schedule":"green-book"}`, `{"schedule":"green-book-health","yearOneUndiscounted":true}`,
		`{"schedule":"constant","rate":0.035}`, `{"schedule":"constant","rate":1}`, `{"schedule":"constant","rate":-0.1}`,
		`{"schedule":"bands","bands":[{"from":1,"rate":0.05},{"from":3,"rate":0}]}`,
		`{"schedule":"bands","bands":[{"from":2,"rate":0.05}]}`, `{"schedule":"none"}`, `{"rate":1e400}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var disc Discount
		if json.Unmarshal(data, &disc) != nil {
			return
		}
		if disc.Validate() != nil {
			return
		}
		df, err := disc.Factors(60)
		if err != nil {
			t.Fatalf("valid discount: %v", err)
		}
		for i := 1; i < len(df); i++ {
			if df[i].Sign() <= 0 && df[i-1].Sign() > 0 && df[i-1].GreaterThan(d("1e-39")) {
				t.Fatalf("factor %d not positive: %s", i, text(df[i]))
			}
			if df[i].GreaterThan(df[i-1]) {
				t.Fatalf("factor %d rose", i)
			}
		}
	})
}

// FuzzParseEnumerations checks that every Parse function either fails with a listed error
// or returns a value whose slug parses back to itself.
func FuzzParseEnumerations(f *testing.F) {
	for _, s := range []string{"green-book", "Green Book Standard", "drop-off", "PERT", "closed_form", "no effect", "", "%!Shape(9)", "ｇｒｅｅｎ－ｂｏｏｋ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		check := func(name string, str string, err error, again func(string) (string, error)) {
			if err != nil {
				return
			}
			if back, err := again(str); err != nil || back != str {
				t.Fatalf("%s: %q parsed to %q, which does not parse back (%q, %v)", name, s, str, back, err)
			}
		}
		sc, err := ParseSchedule(s)
		check("Schedule", sc.String(), err, func(x string) (string, error) { v, err := ParseSchedule(x); return v.String(), err })
		a, err := ParseAssumption(s)
		check("Assumption", a.String(), err, func(x string) (string, error) { v, err := ParseAssumption(x); return v.String(), err })
		sh, err := ParseShape(s)
		check("Shape", sh.String(), err, func(x string) (string, error) { v, err := ParseShape(x); return v.String(), err })
		me, err := ParseMethod(s)
		check("Method", me.String(), err, func(x string) (string, error) { v, err := ParseMethod(x); return v.String(), err })
		st, err := ParseStatus(s)
		check("Status", st.String(), err, func(x string) (string, error) { v, err := ParseStatus(x); return v.String(), err })
	})
}

// FuzzModelProperties runs the generated-model invariants under the fuzzer's byte stream.
func FuzzModelProperties(f *testing.F) {
	f.Fuzz(rapid.MakeFuzz(func(t *rapid.T) {
		m := genModel(t)
		if err := m.Validate(); err != nil {
			t.Fatalf("generated model invalid: %v", err)
		}
		r, err := Evaluate(m)
		if err != nil {
			t.Fatal(err)
		}
		if !r.NetPresentValue.Equal(r.PresentValue.Sub(r.InputsPresentValue)) || r.InputsPresentValue.Sign() <= 0 {
			t.Fatalf("headline figures inconsistent")
		}
	}))
}
