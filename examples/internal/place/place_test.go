package place_test

import (
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/peopleandcommunities/engage/equality"
	"github.com/peopleandcommunities/engage/examples/internal/place"
	"github.com/peopleandcommunities/engage/indicator"
	"github.com/peopleandcommunities/engage/internal/field"
	"github.com/peopleandcommunities/engage/measure"
	"github.com/peopleandcommunities/engage/pam"
	"github.com/peopleandcommunities/engage/schemas"
)

// minimal is a small hand-written bundle: two areas in one neighbourhood, two respondents
// (one followed up) and one indicator dataset.
const minimal = `{
  "title": "Test place (fictional)",
  "place": {"code": "E06000001", "name": "Testshire"},
  "period": "2025/26",
  "imdEdition": "imd-2019",
  "neighbourhoods": [{"code": "N1", "name": "North"}],
  "areas": [
    {"code": "A1", "neighbourhood": "N1", "imdRank": 100, "population": 1500},
    {"code": "A2", "neighbourhood": "N1", "imdRank": 32000, "population": 1700}
  ],
  "pam": {"respondents": [
    {"id": "r1", "area": "A1", "ethnicCategory": "A",
     "baseline": {"form": "pam-13", "date": "2025-05-01", "answers": {"pa1": "agree", "pa2": "agree"}},
     "followUp": {"form": "pam-13", "date": "2025-12-01", "answers": {"pa1": "agree-strongly", "pa2": "agree"}}},
    {"id": "r2", "imdDecile": 7, "baseline": {"PA1": 3, "PA2": 2, "PA4": 0}}
  ]},
  "indicators": [{"statistic": "proportion", "rows": [{"area": "A1", "period": "2025/26", "numerator": 3, "denominator": 10}]}]
}`

func TestParseMinimal(t *testing.T) {
	b, err := place.Parse([]byte(minimal))
	if err != nil {
		t.Fatal(err)
	}
	// Deciles: r1 from area A1's rank 100 (⌈10·100/32,844⌉ = 1), r2 its own 7.
	if d := cmp.Diff([]int{1, 7}, b.Deciles()); d != "" {
		t.Errorf("deciles -want +got:\n%s", d)
	}
	if b.PAM.Respondents[0].EthnicCategory != equality.EthnicWhiteBritish {
		t.Errorf("ethnic category %v", b.PAM.Respondents[0].EthnicCategory)
	}
	if b.PAM.Respondents[1].FollowUp != nil || b.PAM.Respondents[1].Baseline.Answers[pam.PA4-1] != pam.NotApplicable {
		t.Errorf("respondent r2 decoded as %+v", b.PAM.Respondents[1])
	}
	// It marshals back to a valid bundle that parses to the same value.
	data, err := json.Marshal(b)
	if err != nil {
		t.Fatal(err)
	}
	back, err := place.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(b, back, cmpopts.EquateComparable(measure.Date{})); d != "" {
		t.Errorf("round trip -want +got:\n%s", d)
	}
}

// TestParseErrors: problems of meaning are all reported, each located by JSON Pointer, with
// the errors of nested documents located under the part's pointer.
func TestParseErrors(t *testing.T) {
	bad := strings.NewReplacer(
		`"code": "A2"`, `"code": "A1"`, // duplicate area
		`"id": "r2", "imdDecile": 7`, `"id": "r1", "area": "A9", "imdDecile": 7`, // duplicate id, unknown area
		`"followUp": {"form": "pam-13", "date": "2025-12-01"`, `"followUp": {"form": "pam-13", "date": "2025-01-01"`, // before baseline
		`"numerator": 3`, `"numerator": 30`, // above its denominator
	).Replace(minimal)
	_, err := place.Parse([]byte(bad))
	if err == nil {
		t.Fatal("a bundle with five problems parsed")
	}
	var got []string
	for _, e := range err.(interface{ Unwrap() []error }).Unwrap() {
		var fe *field.Error
		if !errors.As(e, &fe) {
			t.Fatalf("%v is not a located error", e)
		}
		got = append(got, fe.Path)
	}
	slices.Sort(got)
	want := []string{
		"/areas/1/code",
		"/indicators/0/rows/0/numerator",
		"/pam/respondents/0/followUp/date",
		"/pam/respondents/1/area",
		"/pam/respondents/1/id",
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("paths -want +got:\n%s\n%v", d, err)
	}
	if !errors.Is(err, place.ErrDuplicate) || !errors.Is(err, indicator.ErrOutOfRange) {
		t.Errorf("%v does not match its classes", err)
	}
}

// TestParseSchema: a document of the wrong shape is refused by the schema, every violation
// located.
func TestParseSchema(t *testing.T) {
	cases := []struct {
		name, doc, pointer string
	}{
		{"no period", strings.Replace(minimal, `"period": "2025/26",`, "", 1), ""},
		{"unknown field", strings.Replace(minimal, `"title"`, `"colour": "red", "title"`, 1), ""},
		{"bad ethnic code", strings.Replace(minimal, `"ethnicCategory": "A"`, `"ethnicCategory": "Q"`, 1), "/pam/respondents/0/ethnicCategory"},
		{"bad answer", strings.Replace(minimal, `"pa1": "agree",`, `"pa1": "yes",`, 1), "/pam/respondents/0/baseline"},
		{"decile 11", strings.Replace(minimal, `"imdDecile": 7`, `"imdDecile": 11`, 1), "/pam/respondents/1/imdDecile"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := place.Parse([]byte(c.doc))
			var se *schemas.Error
			if !errors.As(err, &se) {
				t.Fatalf("error %v is not a schema error", err)
			}
			found := false
			for _, v := range se.Violations {
				found = found || strings.HasPrefix(v.Pointer, c.pointer)
			}
			if !found {
				t.Errorf("no violation under %q: %v", c.pointer, err)
			}
		})
	}
}

func TestEditionRequired(t *testing.T) {
	doc := strings.Replace(minimal, `"imdEdition": "imd-2019",`, "", 1)
	_, err := place.Parse([]byte(doc))
	var fe *field.Error
	if !errors.As(err, &fe) || fe.Path != "/imdEdition" || !errors.Is(err, place.ErrRequired) {
		t.Errorf("got %v, want a required /imdEdition", err)
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte(minimal))
	f.Add([]byte(`{}`))
	f.Add([]byte(`{"title":"x","place":{"code":"a","name":"b"},"period":"p","pam":{"respondents":[]}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		b, err := place.Parse(data)
		if err != nil {
			return
		}
		// Whatever parses marshals to a document that parses again.
		out, err := json.Marshal(b)
		if err != nil {
			t.Fatalf("marshal: %v", err)
		}
		if _, err := place.Parse(out); err != nil {
			t.Fatalf("re-parse: %v", err)
		}
	})
}
