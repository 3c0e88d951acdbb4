package sroi

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/peopleandcommunities/engage/schemas"
	"github.com/shopspring/decimal"
)

func TestValidateReportsEveryProblem(t *testing.T) {
	m := benchModel()
	m.Title = " "
	m.Currency = "XYZ"
	m.Description = strings.Repeat("x", MaxText+1)
	m.Stakeholders = append(m.Stakeholders, Stakeholder{ID: "group-1", Name: "again"})
	m.Inputs[1].Stakeholder = "nobody"
	m.Inputs[2].Year = -1
	m.Outcomes[0].Deadweight = d("1.2")
	m.Outcomes[1].Duration = -3
	m.Outcomes[2].Quantity = d("-1")
	m.Outcomes[3].Proxy.PriceYear = 2019 // no deflator for 2019
	m.Outcomes[4].Proxy.Value = d("1e15")
	m.Outcomes[5].ID = "Not A Slug"
	m.Outcomes[6].ID = "outcome-7"
	m.Outcomes[8].DropOff = decimal.New(1, -41)
	m.Outcomes[9].Uncertainty = &Uncertainty{Deadweight: &Distribution{Shape: Triangular, Min: d("0.3"), Mode: d("0.2"), Max: d("0.4")}}
	m.Outcomes[10].Uncertainty = &Uncertainty{Duration: &Distribution{Shape: Uniform, Min: d("1.5"), Max: d("3")}}
	m.Discount = Discount{Schedule: ConstantRate, Rate: d("1.01")}
	m.Scenarios = []Scenario{{Name: "x", Changes: []Change{{Outcome: "missing", Assumption: Deadweight, Value: d("0.5")}, {Assumption: InputValue, Value: d("1")}}}}
	m.Simulation = &Simulation{Draws: 0, Seed: MaxSeed + 1, Percentiles: []float64{0.5, 1}}
	assertProblems(t, m.Validate(), map[string]error{
		"/title":                                  ErrRequired,
		"/currency":                               ErrUnknownCurrency,
		"/description":                            ErrTooLarge,
		"/stakeholders/5/id":                      ErrDuplicate,
		"/inputs/1/stakeholder":                   ErrUnknownReference,
		"/inputs/2/year":                          ErrOutOfRange,
		"/outcomes/0/deadweight":                  ErrOutOfRange,
		"/outcomes/1/duration":                    ErrOutOfRange,
		"/outcomes/2/quantity":                    ErrOutOfRange,
		"/outcomes/3/proxy/priceYear":             ErrMissingDeflator,
		"/outcomes/4/proxy/value":                 ErrOutOfRange,
		"/outcomes/5/id":                          ErrRequired,
		"/outcomes/7/id":                          ErrDuplicate,
		"/outcomes/8/dropOff":                     ErrOutOfRange,
		"/outcomes/9/uncertainty/deadweight/mode": ErrOutOfRange,
		"/outcomes/10/uncertainty/duration/min":   ErrOutOfRange,
		"/discount/rate":                          ErrOutOfRange,
		"/scenarios/0/changes/0/outcome":          ErrUnknownReference,
		"/scenarios/0/changes/1/input":            ErrUnknownReference,
		"/simulation/draws":                       ErrOutOfRange,
		"/simulation/seed":                        ErrOutOfRange,
		"/simulation/percentiles/1":               ErrOutOfRange,
	})
}

func TestZeroInputsAreAnError(t *testing.T) {
	// A ratio with nothing invested is undefined: an error, never 0, ∞ or a substituted 1.
	m := oneOutcome("0", Outcome{Quantity: d("1"), Duration: 1, Proxy: Proxy{Value: d("100")}}, constant("0"))
	_, err := Evaluate(m)
	if !errors.Is(err, ErrInputsNotPositive) {
		t.Fatalf("Evaluate with zero inputs: %v", err)
	}
	var fe *FieldError
	if !errors.As(err, &fe) || fe.Path != "/inputs" {
		t.Errorf("error not located at /inputs: %v", err)
	}
	m.Inputs[0].Value = d("-5")
	assertProblems(t, m.Validate(), map[string]error{"/inputs/0/value": ErrOutOfRange, "/inputs": ErrInputsNotPositive})
	// Inputs whose distributions can all reach zero together cannot be simulated.
	m.Inputs[0].Value = d("10")
	m.Inputs[0].Uncertainty = &Distribution{Shape: Uniform, Min: d("0"), Max: d("20")}
	assertProblems(t, m.Validate(), map[string]error{"/inputs": ErrInputsNotPositive})
	// A scenario that removes every input is caught too.
	m.Inputs[0].Uncertainty = nil
	m.Scenarios = []Scenario{{Name: "nothing", Changes: []Change{{Input: "grant", Assumption: InputValue, Value: d("0")}}}}
	assertProblems(t, m.Validate(), map[string]error{"/scenarios/0/changes": ErrInputsNotPositive})
	if _, err := m.With(m.Scenarios[0].Changes...); !errors.Is(err, ErrInputsNotPositive) {
		t.Errorf("With removing every input: %v", err)
	}
}

func TestLimits(t *testing.T) {
	m := oneOutcome("100", Outcome{Quantity: d("1"), Duration: MaxDuration + 1, Proxy: Proxy{Value: d("1")}}, constant("0"))
	assertProblems(t, m.Validate(), map[string]error{"/outcomes/0/duration": ErrOutOfRange})
	m.Outcomes[0].Duration = MaxDuration
	if err := m.Validate(); err != nil {
		t.Errorf("MaxDuration rejected: %v", err)
	}
	m.Outcomes[0].Quantity = d("999999999999999.5") // below 10¹⁵
	if err := m.Validate(); err != nil {
		t.Errorf("largest quantity rejected: %v", err)
	}
	m.Outcomes[0].Quantity = d("1000000000000000")
	assertProblems(t, m.Validate(), map[string]error{"/outcomes/0/quantity": ErrOutOfRange})
	m.Outcomes[0].Quantity = d("1")
	for range MaxOutcomes {
		m.Outcomes = append(m.Outcomes, m.Outcomes[0])
	}
	assertProblems(t, m.Validate(), map[string]error{"/outcomes": ErrTooLarge})
	m.Outcomes = m.Outcomes[:1]
	m.Title = strings.Repeat("é", MaxText+1)
	assertProblems(t, m.Validate(), map[string]error{"/title": ErrTooLarge})
	if _, err := Simulate(oneOutcome("1", m.Outcomes[0], constant("0")), Simulation{Draws: MaxDraws + 1}); !errors.Is(err, ErrOutOfRange) {
		t.Errorf("too many draws: %v", err)
	}
}

func TestWithLocatesBadChanges(t *testing.T) {
	m := publicValue(false)
	_, err := m.With(
		Change{Outcome: "outcome", Assumption: Deadweight, Value: d("0.5")},
		Change{Outcome: "outcome", Assumption: Duration, Value: d("2.5")},
		Change{Assumption: 0, Value: d("1")},
		Change{Outcome: "outcome", Input: "grant", Assumption: Quantity, Value: d("3")},
	)
	assertProblems(t, err, map[string]error{"/1/value": ErrOutOfRange, "/2/assumption": ErrRequired, "/3/input": ErrOutOfRange})
	alt, err := m.With(Change{Assumption: Deadweight, Value: d("0.5")}, Change{Input: "grant", Assumption: InputValue, Value: d("300000")})
	if err != nil {
		t.Fatal(err)
	}
	if !alt.Outcomes[0].Deadweight.Equal(d("0.5")) || !alt.Inputs[0].Value.Equal(d("300000")) {
		t.Errorf("changes not applied: %+v", alt)
	}
	if !m.Outcomes[0].Deadweight.Equal(d("0.4")) || !m.Inputs[0].Value.Equal(d("250000")) {
		t.Errorf("With changed the original model")
	}
}

// schemaViolations asserts that err is a schema error whose violations are exactly want, each
// written "pointer code", in the order Validate reports them (document order).
func schemaViolations(t *testing.T, err error, want ...string) {
	t.Helper()
	var se *schemas.Error
	if !errors.As(err, &se) || !errors.Is(err, schemas.ErrInvalid) {
		t.Fatalf("want a schema error %q, got %v", want, err)
	}
	var got []string
	for _, v := range se.Violations {
		got = append(got, v.Pointer+" "+v.Code)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("violations (-want +got):\n%s\n%+v", diff, se.Violations)
	}
}

// edit decodes a marshalled document, applies f to it and encodes it again.
func edit(t *testing.T, doc []byte, f func(map[string]any)) []byte {
	t.Helper()
	var v map[string]any
	if err := json.Unmarshal(doc, &v); err != nil {
		t.Fatal(err)
	}
	f(v)
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestParseModelRejectsForTheRightReason(t *testing.T) {
	good, err := json.Marshal(publicValue(false))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ParseModel(good); err != nil {
		t.Fatalf("good model rejected: %v", err)
	}
	outcome := func(v map[string]any) map[string]any { return v["outcomes"].([]any)[0].(map[string]any) }
	scenario := func(change map[string]any) func(map[string]any) {
		return func(v map[string]any) {
			v["scenarios"] = []any{map[string]any{"name": "what if", "changes": []any{change}}}
		}
	}
	cases := []struct {
		name string
		want []string // "pointer code", one per violation
		f    func(map[string]any)
	}{
		{"missing title", []string{"/title required"}, func(v map[string]any) { delete(v, "title") }},
		{"deadweight above 1", []string{"/outcomes/0/deadweight maximum"}, func(v map[string]any) { outcome(v)["deadweight"] = 1.5 }},
		{"fractional duration", []string{"/outcomes/0/duration type"}, func(v map[string]any) { outcome(v)["duration"] = 2.5 }},
		{"negative duration", []string{"/outcomes/0/duration minimum"}, func(v map[string]any) { outcome(v)["duration"] = -1 }},
		{"money as a number", []string{"/inputs/0/value type"}, func(v map[string]any) { v["inputs"].([]any)[0].(map[string]any)["value"] = 250000 }},
		{"money with an exponent", []string{"/outcomes/0/proxy/value format"}, func(v map[string]any) { outcome(v)["proxy"].(map[string]any)["value"] = "8.5e3" }},
		{"percent instead of fraction", []string{"/outcomes/0/attribution maximum"}, func(v map[string]any) { outcome(v)["attribution"] = 30 }},
		// An unknown schedule is not "constant", so the model's rate, allowed only beside a
		// constant schedule ("else": {"properties": {"rate": false}}), is ruled out as well.
		{"unknown schedule", []string{"/discount/rate notAllowed", "/discount/schedule enum"}, func(v map[string]any) { v["discount"].(map[string]any)["schedule"] = "treasury" }},
		{"constant without rate", []string{"/discount/rate required"}, func(v map[string]any) { delete(v["discount"].(map[string]any), "rate") }},
		{"green book with a rate", []string{"/discount/rate notAllowed"}, func(v map[string]any) { v["discount"].(map[string]any)["schedule"] = "green-book" }},
		{"constant with bands", []string{"/discount/bands notAllowed"}, func(v map[string]any) {
			v["discount"].(map[string]any)["bands"] = []any{map[string]any{"from": 1, "rate": 0.03}}
		}},
		{"bands without bands", []string{"/discount/bands required"}, func(v map[string]any) {
			v["discount"] = map[string]any{"schedule": "bands"}
		}},
		{"share change naming an input", []string{"/scenarios/0/changes/0/input notAllowed"}, scenario(map[string]any{"assumption": "deadweight", "value": 0.5, "input": "grant"})},
		{"share change out of range", []string{"/scenarios/0/changes/0/value maximum"}, scenario(map[string]any{"assumption": "attribution", "value": 1.5})},
		{"input change naming an outcome", []string{"/scenarios/0/changes/0/outcome notAllowed"},
			scenario(map[string]any{"assumption": "input-value", "value": "300000", "input": "grant", "outcome": "outcome"})},
		{"input change without an input", []string{"/scenarios/0/changes/0/input required"}, scenario(map[string]any{"assumption": "input-value", "value": "300000"})},
		// Without an assumption no rule about the value applies: only the missing field is named.
		{"change without an assumption", []string{"/scenarios/0/changes/0/assumption required"}, scenario(map[string]any{"value": 0.5})},
		{"unknown field", []string{"/outcomes/0/impact additionalProperties"}, func(v map[string]any) { outcome(v)["impact"] = "1" }},
		{"lower-case currency", []string{"/currency pattern"}, func(v map[string]any) { v["currency"] = "gbp" }},
		{"no inputs", []string{"/inputs minItems"}, func(v map[string]any) { v["inputs"] = []any{} }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := ParseModel(edit(t, good, c.f))
			schemaViolations(t, err, c.want...)
		})
	}
	// Meaning, after the schema: a reference to a stakeholder that does not exist.
	_, err = ParseModel(edit(t, good, func(v map[string]any) { outcome(v)["stakeholder"] = "ghosts" }))
	assertProblems(t, err, map[string]error{"/outcomes/0/stakeholder": ErrUnknownReference})
	// Not JSON at all: the syntax error is located where parsing stopped, at the missing
	// value of "title".
	_, err = ParseModel([]byte(`{"title":`))
	schemaViolations(t, err, "/title syntax")
}

func TestSimulationWorkIsBounded(t *testing.T) {
	// 1,000 outcomes of 100 years and a million draws would be 10¹¹ steps: refused up front.
	m := oneOutcome("100", Outcome{Quantity: d("1"), Duration: MaxDuration, Proxy: Proxy{Value: d("1")}}, constant("0"))
	for i := 1; i < MaxOutcomes; i++ {
		o := m.Outcomes[0]
		o.ID = fmt.Sprintf("o%d", i)
		m.Outcomes = append(m.Outcomes, o)
	}
	m.Simulation = &Simulation{Draws: MaxDraws, Seed: 1}
	assertProblems(t, m.Validate(), map[string]error{"/simulation/draws": ErrTooLarge})
	if _, err := Simulate(m, *m.Simulation); !errors.Is(err, ErrTooLarge) {
		t.Errorf("Simulate: %v", err)
	}
	m.Simulation.Draws = 9000 // 9,000 × (1,000 × 101 + 1) < 10⁹
	if err := m.Validate(); err != nil {
		t.Errorf("bounded simulation refused: %v", err)
	}
}
