package schemas

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// FuzzValidate validates arbitrary bytes as every kind that has a schema: the embedded
// kinds through Validate, and the fixtures standing for a PAM response and an SROI impact
// map. Validation never panics, never fails internally, and always finishes quickly (the
// guard bounds the work); a document it accepts unmarshals; a document it rejects gets
// violations with a code and a message; and the fast path agrees with the library, on the
// verdict and, in collecting mode, on the violations, explained from the decoded document
// or read from the bytes.
func FuzzValidate(f *testing.F) {
	for _, s := range []string{pamDoc, string(sroiDoc(2)), `{"form":"pam-13","answers":{"PA1":5}}`,
		`{"form":"pam-10","answers":{"PA1":null,"PA2":1.0}}`, `{"title":"t","currency":"GBP"}`, `[]`, `1e1000000000`,
		`{"a":1,"a":2}`, nest(40), "\"\xff\"", `{"answers":{"PA1":3},"form":"pam-13","nhsNumber":"1111111111"}`} {
		f.Add(uint8(0), []byte(s))
		f.Add(uint8(1), []byte(s))
	}
	v := fixtureValidator(f)
	embedded, err := compiled()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, which uint8, data []byte) {
		// The fixtures, with the fast path checked against the library.
		k := []Kind{PAMResponse, SROIModel}[which%2]
		err := v.validate(k, data)
		checkOutcome(t, k, data, err)
		if guard(data) == nil {
			fast, lib := verdicts(t, v, k, data)
			if fast != lib {
				t.Fatalf("%v: fast path says %v, library says %v, for %q", k, fast, lib, data)
			}
			if !lib && k == SROIModel { // a schema without anyOf or oneOf: the explanations agree
				src := string(data)
				doc := decode(src)
				root, _ := v.check(k, doc)
				r := reporter{raw: v.raw, doc: doc, data: data}
				c := fastEval{src: src, collect: true, limit: 1 << 30}
				c.eval(v.fast[k], 0)
				fast := r.report(&failure{causes: c.fails})
				if diff := cmp.Diff(r.report(root), fast); diff != "" {
					t.Fatalf("%q: violations (-library +fast path):\n%s", data, diff)
				}
				// Read from the bytes, as past MaxViolations, the explanations are the same.
				sparse := reporter{raw: v.raw, data: data, sparse: true, src: src}
				if diff := cmp.Diff(fast, sparse.report(&failure{causes: c.fails})); diff != "" {
					t.Fatalf("%q: violations (-decoded +sparse):\n%s", data, diff)
				}
			}
		}
		// Every embedded kind that has a schema.
		for _, k := range Kinds() {
			if embedded.schemas[k] != nil {
				checkOutcome(t, k, data, Validate(k, data))
			}
		}
	})
}

func checkOutcome(t *testing.T, k Kind, data []byte, err error) {
	t.Helper()
	if err == nil {
		var doc any
		if uerr := json.Unmarshal(data, &doc); uerr != nil {
			t.Fatalf("%v: accepted %q, which does not unmarshal: %v", k, data, uerr)
		}
		return
	}
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("%v: validate(%q) = %v, want nil or an *Error", k, data, err)
	}
	if len(e.Violations) == 0 {
		t.Fatalf("%v: an *Error without violations for %q", k, data)
	}
	for _, viol := range e.Violations {
		if viol.Code == "" || viol.Message == "" {
			t.Fatalf("%v: violation without a code or message: %+v", k, viol)
		}
	}
}

// Many goroutines validating at once, through the shared compiled schemas, get the answers
// one goroutine gets. Run with -race.
func TestConcurrentValidation(t *testing.T) {
	v := fixtureValidator(t)
	docs := []struct {
		k    Kind
		data []byte
	}{
		{PAMResponse, []byte(pamDoc)},
		{PAMResponse, []byte(`{"form": "pam-14", "answers": {"PA1": 5, "PA2": "x"}}`)},
		{SROIModel, sroiDoc(5)},
		{SROIModel, []byte(strings.Replace(string(sroiDoc(5)), `"deadweight": 0.25`, `"deadweight": 2`, -1))},
		{SROIModel, []byte(nest(40))},
		{PAMResponse, []byte(`{"a":1,"a":2}`)},
	}
	want := make([]string, len(docs))
	for i, d := range docs {
		want[i] = fmt.Sprint(v.validate(d.k, d.data))
	}
	goroutines, rounds := 16, 40
	if testing.Short() {
		rounds = 8
	}
	var wg sync.WaitGroup
	got := make([][]string, goroutines)
	for g := range goroutines {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for r := range rounds {
				for i := range docs {
					d := docs[(i+g+r)%len(docs)]
					got[g] = append(got[g], fmt.Sprint(v.validate(d.k, d.data)))
					// The embedded schemas are compiled by whichever goroutine gets there first.
					_ = Validate(PAMResponse, d.data)
				}
			}
		}()
	}
	wg.Wait()
	for g := range goroutines {
		for n, s := range got[g] {
			r, i := n/len(docs), n%len(docs)
			if diff := cmp.Diff(want[(i+g+r)%len(docs)], s); diff != "" {
				t.Fatalf("goroutine %d, validation %d (-want +got):\n%s", g, n, diff)
			}
		}
	}
}
