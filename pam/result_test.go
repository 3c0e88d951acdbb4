package pam

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/peopleandcommunities/engage/schemas"
	"pgregory.net/rapid"
)

func TestResultJSONRoundTrip(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		c := genCalibration(t)
		scheme := rapid.SampledFrom(Schemes()).Draw(t, "scheme")
		s, err := NewScorer(c, scheme, DefaultPolicy())
		if err != nil {
			t.Fatal(err)
		}
		r := genFullResponse(t)
		res := scoreOK(t, s, r)
		b, err := json.Marshal(res)
		if err != nil {
			t.Fatalf("marshal %+v: %v", res, err)
		}
		if err := schemas.Validate(schemas.PAMResult, b); err != nil {
			t.Fatalf("%s does not validate: %v", b, err)
		}
		got, err := ParseResult(b)
		if err != nil {
			t.Fatalf("%s: %v", b, err)
		}
		if got != res {
			t.Fatalf("round trip:\n%+v\n%s\n%+v", res, b, got)
		}
	})
}

// resultDoc is a valid result document, edited by the cases below.
const resultDoc = `{"id":"r-1","date":"2026-04-01","form":"pam-13","calibration":"hellstrom-2019","levelScheme":"insignia-2024",
"scored":true,"score":57.1,"unroundedScore":57.0841,"level":"level-3","extreme":false,"logit":1.1422,"standardError":0.4766,
"answered":13,"notApplicable":0,"notAnswered":0,"flags":["all-same"],"accepted":false}`

func editResult(t *testing.T, f func(m map[string]any)) []byte {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal([]byte(resultDoc), &m); err != nil {
		t.Fatal(err)
	}
	f(m)
	b, _ := json.Marshal(m)
	return b
}

func TestParseResult(t *testing.T) {
	got, err := ParseResult([]byte(resultDoc))
	if err != nil {
		t.Fatal(err)
	}
	want := Result{ID: "r-1", Date: Date{2026, time.April, 1}, Form: PAM13, Calibration: "hellstrom-2019", Scheme: Insignia2024,
		Scored: true, Score: 57.1, Unrounded: 57.0841, Level: Level3, Logit: 1.1422, StandardError: 0.4766,
		Answered: 13, Flags: FlagsOf(AllSame)}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	unscored := `{"form":"pam-10","calibration":"x","levelScheme":"hibbard-2005","scored":false,"answered":0,"notApplicable":3,"notAnswered":7,"flags":["too-many-not-applicable","too-few-answered"],"accepted":false}`
	if _, err := ParseResult([]byte(unscored)); err != nil {
		t.Errorf("unscored result: %v", err)
	}
}

func TestResultSchemaRejects(t *testing.T) {
	for _, c := range []struct {
		name string
		edit func(m map[string]any)
		want []string
	}{
		{"score not to one decimal", func(m map[string]any) { m["score"] = 57.15 }, []string{"/score multipleOf"}},
		{"score above 100", func(m map[string]any) { m["score"] = 100.1 }, []string{"/score maximum"}},
		{"unknown level", func(m map[string]any) { m["level"] = "level-5" }, []string{"/level enum"}},
		{"unknown scheme", func(m map[string]any) { m["levelScheme"] = "nhs-2016" }, []string{"/levelScheme enum"}},
		{"scored without a score", func(m map[string]any) { delete(m, "score") }, []string{"/score required"}},
		// Every field an unscored result may not carry is named, in document order (the
		// edited document's fields are in alphabetical order).
		{"unscored with a score", func(m map[string]any) { m["scored"] = false; m["accepted"] = false }, []string{
			"/extreme notAllowed", "/level notAllowed", "/logit notAllowed", "/score notAllowed", "/standardError notAllowed",
			"/unroundedScore notAllowed"}},
		{"unscored but accepted", func(m map[string]any) {
			m["scored"] = false
			m["accepted"] = true
			for _, k := range []string{"score", "unroundedScore", "level", "extreme", "logit", "standardError"} {
				delete(m, k)
			}
		}, []string{"/accepted const"}},
		{"finite without a logit", func(m map[string]any) { delete(m, "logit") }, []string{"/logit required"}},
		{"extreme with a logit", func(m map[string]any) { m["extreme"] = true }, []string{"/logit notAllowed", "/standardError notAllowed"}},
		{"zero standard error", func(m map[string]any) { m["standardError"] = 0 }, []string{"/standardError exclusiveMinimum"}},
		{"too many items", func(m map[string]any) { m["answered"] = 14 }, []string{"/answered maximum"}},
		{"repeated flag", func(m map[string]any) { m["flags"] = []string{"all-same", "all-same"} }, []string{"/flags/1 uniqueItems"}},
		{"unknown flag", func(m map[string]any) { m["flags"] = []string{"suspicious"} }, []string{"/flags/0 enum"}},
		{"calibration not a slug", func(m map[string]any) { m["calibration"] = "Hellström 2019" }, []string{"/calibration pattern"}},
		{"unknown member", func(m map[string]any) { m["percentile"] = 50 }, []string{"/percentile additionalProperties"}},
		{"form missing", func(m map[string]any) { delete(m, "form") }, []string{"/form required"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := ParseResult(editResult(t, c.edit))
			if diff := cmp.Diff(c.want, violations(t, err)); diff != "" {
				t.Errorf("violations (-want +got):\n%s", diff)
			}
		})
	}
}

func TestResultValidate(t *testing.T) {
	// Documents that pass the schema but say something impossible.
	for _, c := range []struct {
		name string
		edit func(m map[string]any)
		want []string
	}{
		{"level does not match the score", func(m map[string]any) { m["level"] = "level-4" },
			[]string{"/level: pam: inconsistent values"}},
		{"level under the other scheme", func(m map[string]any) { m["score"], m["unroundedScore"], m["level"] = 70.0, 70.0, "level-4" },
			[]string{"/level: pam: inconsistent values"}},
		{"score not rounded from the unrounded score", func(m map[string]any) { m["score"] = 57.2 },
			[]string{"/score: pam: inconsistent values"}},
		{"counts do not add up", func(m map[string]any) { m["notAnswered"] = 1 },
			[]string{"/answered: pam: inconsistent values"}},
		{"extreme but not 0 or 100", func(m map[string]any) {
			m["extreme"] = true
			delete(m, "logit")
			delete(m, "standardError")
		}, []string{"/extreme: pam: inconsistent values"}},
		{"scored with nothing answered", func(m map[string]any) {
			m["answered"] = 0
			m["notAnswered"] = 13
			m["flags"] = []string{"too-few-answered"}
		}, []string{"/scored: pam: inconsistent values"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := ParseResult(editResult(t, c.edit))
			if errors.Is(err, schemas.ErrInvalid) {
				t.Fatalf("rejected by the schema: %v", err)
			}
			if diff := cmp.Diff(c.want, fieldProblems(err)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
	// Marshalling refuses an inconsistent result rather than writing it.
	if _, err := json.Marshal(Result{Form: PAM13}); err == nil {
		t.Errorf("an inconsistent result marshals")
	}
}

func FuzzParseResult(f *testing.F) {
	f.Add([]byte(resultDoc))
	f.Add([]byte(`{"form":"pam-10","calibration":"x","levelScheme":"hibbard-2005","scored":false,"answered":0,"notApplicable":3,"notAnswered":7,"flags":["too-few-answered"],"accepted":false}`))
	f.Add([]byte(strings.Replace(resultDoc, `"score":57.1`, `"score":1e400`, 1)))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := ParseResult(data)
		if err != nil {
			if !classified(err) {
				t.Fatalf("unclassified error %v", err)
			}
			return
		}
		b, err := json.Marshal(r)
		if err != nil {
			t.Fatalf("a parsed result does not marshal: %v", err)
		}
		again, err := ParseResult(b)
		if err != nil || again != r {
			t.Fatalf("re-parse of %s: %+v, %v", b, again, err)
		}
	})
}

func TestResultWithoutEstimate(t *testing.T) {
	// A Scorer that reports only a score (a conversion table, the licence holder's service)
	// leaves Logit and StandardError zero; such a result is valid and round-trips without them.
	r := scoredResult(61.9, "2026-04-01")
	r.Logit, r.StandardError = 0, 0
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(b), "logit") || strings.Contains(string(b), "standardError") {
		t.Errorf("%s has an estimate", b)
	}
	got, err := ParseResult(b)
	if err != nil || got != r {
		t.Errorf("round trip: %+v, %v", got, err)
	}
	r.Logit = 1.2
	if diff := cmp.Diff([]string{"/logit: pam: inconsistent values"}, fieldProblems(r.Validate())); diff != "" {
		t.Errorf("a logit without its standard error (-want +got):\n%s", diff)
	}
	_, err = ParseResult(editResult(t, func(m map[string]any) { delete(m, "standardError") }))
	if diff := cmp.Diff([]string{"/standardError required"}, violations(t, err)); diff != "" {
		t.Errorf("schema: a logit without its standard error (-want +got):\n%s", diff)
	}
}
