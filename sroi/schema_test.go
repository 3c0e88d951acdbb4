package sroi

import (
	"encoding/json"
	"errors"
	"slices"
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

// Every combination of a distribution's shape and parameters, in every place a distribution
// goes, against the rule the schema states: a point takes its mode only, uniform a min and a
// max, triangular and pert a min, a mode and a max. The expected violations are derived
// from that rule here, not from the validator: a missing parameter is "required" where it
// should be; a parameter the shape does not take is "notAllowed" at that parameter; an
// unknown shape is an "enum" violation at the shape and a missing shape "required", with no
// rule about parameters (they depend on the shape).
func TestDistributionShapeRules(t *testing.T) {
	good, err := json.Marshal(publicValue(false))
	if err != nil {
		t.Fatal(err)
	}
	type slot struct {
		name  string // where the distribution goes, as a JSON Pointer
		value any    // a parameter value of the right type for that place
		place func(v map[string]any, dist map[string]any)
	}
	inOutcome := func(field string) func(v, dist map[string]any) {
		return func(v, dist map[string]any) {
			v["outcomes"].([]any)[0].(map[string]any)["uncertainty"] = map[string]any{field: dist}
		}
	}
	slots := []slot{
		{"/outcomes/0/uncertainty/quantity", 5, inOutcome("quantity")},
		{"/outcomes/0/uncertainty/proxyValue", "12.50", inOutcome("proxyValue")},
		{"/outcomes/0/uncertainty/deadweight", 0.2, inOutcome("deadweight")},
		{"/outcomes/0/uncertainty/displacement", 0.2, inOutcome("displacement")},
		{"/outcomes/0/uncertainty/attribution", 0.2, inOutcome("attribution")},
		{"/outcomes/0/uncertainty/dropOff", 0.2, inOutcome("dropOff")},
		{"/outcomes/0/uncertainty/duration", 3, inOutcome("duration")},
		{"/inputs/0/uncertainty", "100.00", func(v, dist map[string]any) {
			v["inputs"].([]any)[0].(map[string]any)["uncertainty"] = dist
		}},
	}
	takes := map[string][]string{"point": {"mode"}, "uniform": {"min", "max"}, "triangular": {"min", "mode", "max"},
		"pert": {"min", "mode", "max"}}
	params := []string{"min", "mode", "max"}
	accepted, rejected := 0, 0
	for _, s := range slots {
		for _, shape := range []string{"", "point", "uniform", "triangular", "pert", "normal"} {
			for set := range 1 << len(params) {
				dist := map[string]any{}
				if shape != "" {
					dist["shape"] = shape
				}
				present := map[string]bool{}
				for i, p := range params {
					if set&(1<<i) != 0 {
						dist[p], present[p] = s.value, true
					}
				}
				var want []string
				switch allowed, known := takes[shape]; {
				case shape == "":
					want = append(want, s.name+"/shape required")
				case !known:
					want = append(want, s.name+"/shape enum")
				default:
					for _, p := range params {
						switch in := slices.Contains(allowed, p); {
						case in && !present[p]:
							want = append(want, s.name+"/"+p+" required")
						case !in && present[p]:
							want = append(want, s.name+"/"+p+" notAllowed")
						}
					}
				}
				doc := edit(t, good, func(v map[string]any) { s.place(v, dist) })
				err := schemas.Validate(schemas.SROIModel, doc)
				var got []string
				var se *schemas.Error
				if errors.As(err, &se) {
					for _, v := range se.Violations {
						got = append(got, v.Pointer+" "+v.Code)
					}
				} else if err != nil {
					t.Fatalf("%s %v: %v", s.name, dist, err)
				}
				slices.Sort(got)
				slices.Sort(want)
				if diff := cmp.Diff(want, got); diff != "" {
					t.Errorf("%s %v: violations (-want +got):\n%s", s.name, dist, diff)
				}
				if len(want) == 0 {
					accepted++
				} else {
					rejected++
				}
			}
		}
	}
	// Per place: 4 shapes, each accepted with exactly its own parameters.
	if want := 4 * len(slots); accepted != want {
		t.Errorf("%d distributions accepted, want %d", accepted, want)
	}
	// The messages name the field and say why.
	for _, c := range []struct {
		dist map[string]any
		want schemas.Violation
	}{
		{map[string]any{"shape": "point", "mode": 0.2, "min": 0.1}, schemas.Violation{Pointer: "/outcomes/0/uncertainty/deadweight/min",
			Code: "notAllowed", Message: `the field "min" is not allowed here: a point takes its mode only`}},
		{map[string]any{"shape": "uniform", "min": 0.1, "mode": 0.2, "max": 0.3}, schemas.Violation{Pointer: "/outcomes/0/uncertainty/deadweight/mode",
			Code: "notAllowed", Message: `the field "mode" is not allowed here: a uniform distribution takes a min and a max but no mode`}},
		{map[string]any{"shape": "pert", "min": 0.1, "max": 0.3}, schemas.Violation{Pointer: "/outcomes/0/uncertainty/deadweight/mode",
			Code: "required", Message: `the required field "mode" is missing`}},
	} {
		err := schemas.Validate(schemas.SROIModel, edit(t, good, func(v map[string]any) { inOutcome("deadweight")(v, c.dist) }))
		var se *schemas.Error
		if !errors.As(err, &se) {
			t.Fatalf("%v: %v", c.dist, err)
		}
		if diff := cmp.Diff([]schemas.Violation{c.want}, se.Violations); diff != "" {
			t.Errorf("%v (-want +got):\n%s", c.dist, diff)
		}
	}
}
