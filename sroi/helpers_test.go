package sroi

import (
	"fmt"
	"math/big"
	"testing"

	"github.com/shopspring/decimal"
)

// d parses a decimal literal in a test.
func d(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// rat returns the exact rational value of a decimal, for oracle arithmetic in big.Rat.
func rat(x decimal.Decimal) *big.Rat { return x.Rat() }

// ratStr parses an exact rational.
func ratStr(s string) *big.Rat {
	r, ok := new(big.Rat).SetString(s)
	if !ok {
		panic("bad rational " + s)
	}
	return r
}

// near reports whether |x − y| ≤ tol, all exact.
func near(x decimal.Decimal, y *big.Rat, tol string) bool {
	diff := new(big.Rat).Sub(rat(x), y)
	return diff.Abs(diff).Cmp(ratStr(tol)) <= 0
}

// oneOutcome builds a valid model with one stakeholder, one year-0 input and one outcome.
func oneOutcome(input string, o Outcome, disc Discount) Model {
	if o.ID == "" {
		o.ID = "outcome"
	}
	o.Stakeholder = "people"
	if o.Description == "" {
		o.Description = "an outcome"
	}
	if o.Indicator == "" {
		o.Indicator = "an indicator"
	}
	if o.Proxy.Description == "" {
		o.Proxy = Proxy{Description: "a proxy", Value: o.Proxy.Value, Source: "a source", PriceYear: 2024}
	}
	return Model{
		Title: "test", Currency: "GBP", PriceYear: 2024,
		Stakeholders: []Stakeholder{{ID: "people", Name: "People"}},
		Inputs:       []Input{{ID: "grant", Stakeholder: "people", Description: "a grant", Value: d(input)}},
		Outcomes:     []Outcome{o},
		Discount:     disc,
	}
}

// constant returns a constant-rate discount.
func constant(rate string) Discount { return Discount{Schedule: ConstantRate, Rate: d(rate)} }

// mustEvaluate evaluates a model or fails the test.
func mustEvaluate(t testing.TB, m Model) Result {
	t.Helper()
	r, err := Evaluate(m)
	if err != nil {
		t.Fatalf("Evaluate: %v", err)
	}
	return r
}

// benchModel builds the benchmark map: 50 outcomes lasting 10 years, every one with
// deductions, drop-off and distributions, over several stakeholders and inputs in three
// years, under the Green Book schedule. Its inputs are set so that the ratio is just above
// 1, where every switching value is reachable and the drop-off root search runs for every
// outcome: the costliest case for sensitivity.
func benchModel() Model {
	m := Model{
		Title: "benchmark", Currency: "GBP", PriceYear: 2024,
		Discount: Discount{Schedule: GreenBook},
		Deflators: []Deflator{{Year: 2022, Index: d("90.5005")}, {Year: 2023, Index: d("96.2507")},
			{Year: 2024, Index: d("100")}},
	}
	for s := range 5 {
		m.Stakeholders = append(m.Stakeholders, Stakeholder{ID: fmt.Sprintf("group-%d", s), Name: fmt.Sprintf("Group %d", s)})
	}
	for i := range 50 {
		m.Outcomes = append(m.Outcomes, Outcome{
			ID: fmt.Sprintf("outcome-%d", i), Stakeholder: fmt.Sprintf("group-%d", i%5),
			Description: "an outcome", Indicator: "an indicator",
			Quantity: decimal.NewFromInt(int64(20 + i)), Duration: 10,
			Proxy: Proxy{Description: "a proxy", Value: decimal.New(int64(25000+1375*i), -2), Source: "a source",
				PriceYear: 2022 + i%3},
			Deadweight: d("0.25"), Displacement: d("0.1"), Attribution: d("0.3"), DropOff: d("0.15"),
			Uncertainty: &Uncertainty{
				Quantity:   &Distribution{Shape: Triangular, Min: decimal.NewFromInt(int64(15 + i)), Mode: decimal.NewFromInt(int64(20 + i)), Max: decimal.NewFromInt(int64(30 + i))},
				Deadweight: &Distribution{Shape: PERT, Min: d("0.1"), Mode: d("0.25"), Max: d("0.5")},
				DropOff:    &Distribution{Shape: Uniform, Min: d("0.05"), Max: d("0.3")},
				Duration:   &Distribution{Shape: Uniform, Min: d("8"), Max: d("12")},
			},
		})
	}
	for j := range 3 {
		m.Inputs = append(m.Inputs, Input{ID: fmt.Sprintf("input-%d", j), Stakeholder: "group-0", Description: "funding",
			Value: d("1140000"), Year: j,
			Uncertainty: &Distribution{Shape: Uniform, Min: d("1050000"), Max: d("1230000")}})
	}
	return m
}
