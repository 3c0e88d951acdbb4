package indicator_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/peopleandcommunities/engage/indicator"
	"github.com/peopleandcommunities/engage/measure"
	"github.com/peopleandcommunities/engage/principle"
	"github.com/peopleandcommunities/engage/schemas"
)

func TestCatalogueExportValidatesAndRoundTrips(t *testing.T) {
	data, err := indicator.ExportJSON()
	if err != nil {
		t.Fatal(err)
	}
	if err := schemas.Validate(schemas.Catalogue, data); err != nil {
		t.Fatalf("export does not validate: %v", err)
	}
	var back indicator.Catalogue
	if err := json.Unmarshal(data, &back); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(indicator.Export(), back); diff != "" {
		t.Errorf("round trip (-export +decoded):\n%s", diff)
	}
	again, err := json.Marshal(back)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(data, again) {
		t.Error("re-marshalled export differs from the original")
	}
	if ind, _ := json.Marshal(back.Indicators[0]); !json.Valid(ind) {
		t.Error("indicator does not marshal alone")
	}
}

// TestCatalogueExportContents checks that the export holds everything the packages hold,
// with links from both sides agreeing.
func TestCatalogueExportContents(t *testing.T) {
	c := indicator.Export()
	if c.Schema != schemas.ID(schemas.Catalogue) {
		t.Errorf("$schema = %q", c.Schema)
	}
	counts := map[string][2]int{
		"principles":          {len(c.Principles), len(catCollect(principle.All()))},
		"empowermentLevels":   {len(c.EmpowermentLevels), len(catCollect(principle.EmpowermentLevels()))},
		"narrativePrinciples": {len(c.NarrativePrinciples), len(catCollect(principle.NarrativePrinciples()))},
		"agreedActions":       {len(c.AgreedActions), len(catCollect(principle.AgreedActions()))},
		"approaches":          {len(c.Approaches), len(catCollect(principle.Approaches()))},
		"duties":              {len(c.Duties), len(catCollect(principle.Duties()))},
		"actions":             {len(c.Actions), len(catCollect(principle.Actions()))},
		"measures":            {len(c.Measures), len(catCollect(measure.All()))},
		"indicators":          {len(c.Indicators), len(catCollect(indicator.All()))},
	}
	for name, n := range counts {
		if n[0] != n[1] || n[0] == 0 {
			t.Errorf("%s: export has %d, package has %d", name, n[0], n[1])
		}
	}
	commitments := 0
	for _, p := range c.Principles {
		commitments += len(p.Commitments)
		for _, id := range p.Measures {
			m, err := measure.Lookup(id)
			if err != nil || !slices.Contains(m.Principles, p.ID) {
				t.Errorf("principle %v lists measure %s, which does not list it back", p.ID, id)
			}
		}
		for _, id := range p.Indicators {
			ind, err := indicator.Lookup(id)
			if err != nil || !slices.Contains(ind.Principles, p.ID) {
				t.Errorf("principle %v lists indicator %s, which does not list it back", p.ID, id)
			}
		}
	}
	if commitments != len(catCollect(principle.Commitments())) {
		t.Errorf("export has %d commitments", commitments)
	}
	for _, a := range c.Actions {
		for _, id := range a.Indicators {
			ind, err := indicator.Lookup(id)
			if err != nil || !slices.Contains(ind.Actions, a.ID) {
				t.Errorf("action %v lists indicator %s, which does not name it", a.ID, id)
			}
		}
	}
	for _, ind := range c.Indicators {
		for _, a := range ind.Actions {
			if !slices.Contains(c.Actions[a.Number()-1].Indicators, ind.ID) {
				t.Errorf("indicator %s names action %v, which does not list it", ind.ID, a)
			}
		}
	}
}

// TestCatalogueSchemaEnumerations checks that every enumeration the schema spells out lists
// exactly the slugs the Go types accept, in the same order.
func TestCatalogueSchemaEnumerations(t *testing.T) {
	src, err := schemas.Source(schemas.Catalogue)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Defs map[string]struct {
			Enum []string `json:"enum"`
		} `json:"$defs"`
	}
	if err := json.Unmarshal(src, &doc); err != nil {
		t.Fatal(err)
	}
	slugs := func(n int, s func(i int) string) []string {
		var out []string
		for i := 1; i <= n; i++ {
			out = append(out, s(i))
		}
		return out
	}
	want := map[string][]string{
		"principleId":          slugs(6, func(i int) string { return principle.Principle(i).String() }),
		"commitmentKind":       slugs(5, func(i int) string { return principle.CommitmentKind(i).String() }),
		"empowermentLevelId":   slugs(3, func(i int) string { return principle.EmpowermentLevel(i).String() }),
		"narrativePrincipleId": slugs(5, func(i int) string { return principle.NarrativePrinciple(i).String() }),
		"approachId":           slugs(6, func(i int) string { return principle.Approach(i).String() }),
		"bodyId":               slugs(2, func(i int) string { return principle.Body(i).String() }),
		"dutyId":               slugs(8, func(i int) string { return principle.Duty(i).String() }),
		"actionId":             slugs(10, func(i int) string { return principle.Action(i).String() }),
		"measureKind":          slugs(12, func(i int) string { return measure.Kind(i).String() }),
		"polarity":             slugs(3, func(i int) string { return measure.Polarity(i).String() }),
		"tier":                 slugs(4, func(i int) string { return indicator.Tier(i).String() }),
		"evidenceKind":         slugs(13, func(i int) string { return indicator.EvidenceKind(i).String() }),
		"publisher":            slugs(3, func(i int) string { return indicator.Publisher(i).String() }),
		"geography":            slugs(7, func(i int) string { return indicator.Geography(i).String() }),
		"computation":          slugs(6, func(i int) string { return indicator.Computation(i).String() }),
	}
	for name, w := range want {
		for _, s := range w {
			if !catSlug.MatchString(s) {
				t.Errorf("%s: %q is not a valid value (the count in this test is too high)", name, s)
			}
		}
		if diff := cmp.Diff(w, doc.Defs[name].Enum); diff != "" {
			t.Errorf("schema $defs/%s (-Go +schema):\n%s", name, diff)
		}
	}
	// The counts above must not fall short of the Go enumerations either.
	if principle.Principle(7).Valid() || principle.CommitmentKind(6).Valid() || principle.EmpowermentLevel(4).Valid() ||
		principle.NarrativePrinciple(6).Valid() || principle.Approach(7).Valid() || principle.Body(3).Valid() ||
		principle.Duty(9).Valid() || principle.Action(11).Valid() || measure.Kind(13).Valid() || measure.Polarity(4).Valid() ||
		indicator.Tier(5).Valid() || indicator.EvidenceKind(14).Valid() || indicator.Publisher(4).Valid() ||
		indicator.Geography(8).Valid() || indicator.Computation(7).Valid() {
		t.Error("an enumeration has more values than this test checks")
	}
}

// TestCatalogueSchemaRejects checks that the schema catches broken catalogue documents, each
// at the right place and for the right reason: the full list of violations, pointer and code.
// A missing field is reported where it belongs and an undefined one at that field.
func TestCatalogueSchemaRejects(t *testing.T) {
	data, err := indicator.ExportJSON()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name   string
		mutate func(doc map[string]any)
		want   []string // "pointer code", one per violation
	}{
		{"unknown tier", func(d map[string]any) { catAt(d, "indicators", 0)["tier"] = "gold" }, []string{"/indicators/0/tier enum"}},
		{"indicator without measures", func(d map[string]any) { delete(catAt(d, "indicators", 3), "measures") }, []string{"/indicators/3/measures required"}},
		{"principle out of range", func(d map[string]any) { catAt(d, "principles", 0)["number"] = 7 }, []string{"/principles/0/number maximum"}},
		{"ID not slug-shaped", func(d map[string]any) { catAt(d, "measures", 1)["id"] = "Not A Slug" }, []string{"/measures/1/id pattern"}},
		{"unknown property", func(d map[string]any) { catAt(d, "duties", 0)["extra"] = true }, []string{"/duties/0/extra additionalProperties"}},
		{"missing list", func(d map[string]any) { delete(d, "measures") }, []string{"/measures required"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var doc map[string]any
			if err := json.Unmarshal(data, &doc); err != nil {
				t.Fatal(err)
			}
			tc.mutate(doc)
			broken, _ := json.Marshal(doc)
			err := schemas.Validate(schemas.Catalogue, broken)
			var se *schemas.Error
			if !errors.Is(err, schemas.ErrInvalid) || !errors.As(err, &se) {
				t.Fatalf("Validate = %v; want a schemas.Error", err)
			}
			var got []string
			for _, v := range se.Violations {
				got = append(got, v.Pointer+" "+v.Code)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("violations (-want +got):\n%s\n%+v", diff, se.Violations)
			}
		})
	}
}

func catAt(doc map[string]any, list string, i int) map[string]any {
	return doc[list].([]any)[i].(map[string]any)
}
