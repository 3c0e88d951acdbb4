package sroi

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/peopleandcommunities/engage/schemas"
)

// fullModel is the benchmark map with every optional part: scenarios, a simulation, notes.
func fullModel() Model {
	m := benchModel()
	m.Description = "every optional field in use"
	m.Stakeholders[0].Description = "commissioners"
	m.Inputs[0].NonFinancial = true
	m.Outcomes[0].Output = "120 people referred"
	m.Outcomes[0].IndicatorSource = "link worker records"
	m.Outcomes[0].Proxy.Licence = "Open Government Licence v3.0"
	m.Outcomes[1].Uncertainty = &Uncertainty{ProxyValue: &Distribution{Shape: Point, Mode: d("-3.25")},
		Displacement: &Distribution{Shape: Uniform, Min: d("0"), Max: d("0.2")},
		Attribution:  &Distribution{Shape: Triangular, Min: d("0.1"), Mode: d("0.3"), Max: d("0.6")}}
	m.Scenarios = []Scenario{
		{Name: "deadweight 40 %", Description: "a cautious reading", Changes: []Change{{Assumption: Deadweight, Value: d("0.4")}}},
		{Name: "shorter", Changes: []Change{{Outcome: "outcome-3", Assumption: Duration, Value: d("5")},
			{Input: "input-1", Assumption: InputValue, Value: d("2000000.00")},
			{Outcome: "outcome-4", Assumption: ProxyValue, Value: d("99.99")},
			{Outcome: "outcome-5", Assumption: Quantity, Value: d("12.5")}}},
	}
	m.Simulation = &Simulation{Draws: 500, Seed: 2026, Percentiles: []float64{0.025, 0.5, 0.975}}
	return m
}

func TestModelAndResultValidateAgainstSchemas(t *testing.T) {
	m := fullModel()
	b, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	if err := schemas.Validate(schemas.SROIModel, b); err != nil {
		t.Fatalf("marshalled model breaks its schema: %v", err)
	}
	back, err := ParseModel(b)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(m, back); diff != "" {
		t.Errorf("model round trip (-want +got):\n%s", diff)
	}
	r := mustEvaluate(t, m)
	rb, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	if err := schemas.Validate(schemas.SROIResult, rb); err != nil {
		t.Fatalf("marshalled result breaks its schema: %v", err)
	}
	var rback Result
	if err := json.Unmarshal(rb, &rback); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(r, rback); diff != "" {
		t.Errorf("result round trip (-want +got):\n%s", diff)
	}
	rb2, _ := json.Marshal(rback)
	if string(rb) != string(rb2) {
		t.Errorf("result bytes differ after a round trip")
	}
}

func TestResultSchemaRejectsForTheRightReason(t *testing.T) {
	good, err := json.Marshal(mustEvaluate(t, publicValue(false)))
	if err != nil {
		t.Fatal(err)
	}
	first := func(v map[string]any, key string) map[string]any { return v[key].([]any)[0].(map[string]any) }
	cases := []struct {
		name string
		want []string // "pointer code", one per violation
		f    func(map[string]any)
	}{
		{"ratio as a number", []string{"/ratio type"}, func(v map[string]any) { v["ratio"] = 1.39 }},
		{"figure in exponent form", []string{"/presentValue pattern"}, func(v map[string]any) { v["presentValue"] = "3.4e5" }},
		{"missing payback", []string{"/payback required"}, func(v map[string]any) { delete(v, "payback") }},
		{"unknown status", []string{"/sensitivity/0/status enum"}, func(v map[string]any) { first(v, "sensitivity")["status"] = "maybe" }},
		{"payback as text", []string{"/payback/simple pattern"}, func(v map[string]any) { v["payback"].(map[string]any)["simple"] = "soon" }},
		{"year beyond the limit", []string{"/outcomes/0/years/0/year maximum"}, func(v map[string]any) { first(v, "outcomes")["years"].([]any)[0].(map[string]any)["year"] = 101 }},
		{"extra field", []string{"/irr additionalProperties"}, func(v map[string]any) { v["irr"] = "0.1" }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			schemaViolations(t, schemas.Validate(schemas.SROIResult, edit(t, good, c.f)), c.want...)
		})
	}
}

func TestSchemasDescribeEveryProperty(t *testing.T) {
	for _, k := range []schemas.Kind{schemas.SROIModel, schemas.SROIResult} {
		src, err := schemas.Source(k)
		if err != nil {
			t.Fatal(err)
		}
		var doc any
		if err := json.Unmarshal(src, &doc); err != nil {
			t.Fatal(err)
		}
		var walk func(path string, v any)
		walk = func(path string, v any) {
			switch x := v.(type) {
			case map[string]any:
				if props, ok := x["properties"].(map[string]any); ok {
					for name, p := range props {
						if pm, ok := p.(map[string]any); ok {
							if _, ok := pm["description"]; !ok {
								t.Errorf("%s: %s/properties/%s has no description", k, path, name)
							}
						}
					}
				}
				if f, ok := x["format"]; ok {
					t.Errorf("%s: %s uses format %v directly; use common.json's definitions", k, path, f)
				}
				for key, c := range x {
					switch key {
					case "if", "then", "else":
						// Conditions restate constraints on properties declared (and
						// described) in the enclosing object.
					default:
						walk(path+"/"+key, c)
					}
				}
			case []any:
				for _, c := range x {
					walk(path+"/[]", c)
				}
			}
		}
		walk("", doc)
	}
}
