package sroi_test

import (
	"errors"
	"fmt"

	"github.com/peopleandcommunities/engage/sroi"
	"github.com/shopspring/decimal"
)

// A small impact map: a befriending service (fictional figures) whose volunteers visit 60
// isolated older people. Loneliness falls for most of them.
func befriending() sroi.Model {
	d := decimal.RequireFromString
	return sroi.Model{
		Title: "Befriending service (fictional figures)", Currency: "GBP", PriceYear: 2024,
		Stakeholders: []sroi.Stakeholder{{ID: "older-people", Name: "Older people living alone"}},
		Inputs: []sroi.Input{{ID: "grant", Stakeholder: "older-people", Description: "Council grant",
			Value: d("250000"), Year: 0}},
		Outcomes: []sroi.Outcome{{
			ID: "less-lonely", Stakeholder: "older-people", Description: "Feel less lonely",
			Indicator: "UCLA loneliness score down by 2 or more", Quantity: d("60"), Duration: 2,
			Proxy: sroi.Proxy{Description: "Value of feeling less lonely (illustrative)", Value: d("8500"),
				Source: "illustrative figure", PriceYear: 2024},
			Deadweight: d("0.4"), Attribution: d("0.3"), DropOff: d("0.3"),
		}},
		Discount: sroi.Discount{Schedule: sroi.ConstantRate, Rate: d("0.035")},
	}
}

func ExampleEvaluate() {
	r, err := sroi.Evaluate(befriending())
	if err != nil {
		fmt.Println(err)
		return
	}
	f, _ := sroi.NewFormatter("en-GB", r.Currency)
	o := r.Outcomes[0]
	fmt.Println("impact:", f.Money(o.Impact))
	for _, y := range o.Years {
		fmt.Printf("year %d: %s × %s = %s\n", y.Year, f.Money(y.Value), y.Factor.StringFixed(4), f.Money(y.PresentValue))
	}
	fmt.Println("present value:", f.Money(r.PresentValue))
	fmt.Println("net present value:", f.Money(r.NetPresentValue))
	fmt.Println("SROI ratio:", f.Ratio(r.Ratio))
	fmt.Printf("payback: %s months (guide), %s months (cumulative)\n", sroi.Round(*r.Payback.Simple).StringFixed(1), sroi.Round(*r.Payback.Cumulative).StringFixed(1))
	// Output:
	// impact: £214,200.00
	// year 1: £214,200.00 × 0.9662 = £206,956.52
	// year 2: £149,940.00 × 0.9335 = £139,970.59
	// present value: £346,927.12
	// net present value: £96,927.12
	// SROI ratio: £1.39 : £1
	// payback: 14.0 months (guide), 14.9 months (cumulative)
}

func ExampleEvaluate_sensitivity() {
	r, _ := sroi.Evaluate(befriending())
	for _, s := range r.Sensitivity {
		if s.Outcome == "" && s.Input == "" {
			continue
		}
		v := "none"
		if s.Value != nil {
			v = s.Value.Round(4).String()
		}
		fmt.Printf("%-12s %-8s base %-6s → %-8s (%v, attainable %v)\n", s.Assumption, s.Method, s.Base.String(), v, s.Status, s.Attainable)
	}
	// Output:
	// quantity     closed-form base 60     → 43.2367  (found, attainable true)
	// proxy-value  closed-form base 8500   → 6125.2058 (found, attainable true)
	// deadweight   closed-form base 0.4    → 0.5676   (found, attainable true)
	// displacement closed-form base 0      → 0.2794   (found, attainable true)
	// attribution  closed-form base 0.3    → 0.4956   (found, attainable true)
	// drop-off     closed-form base 0.3    → 0.7847   (found, attainable true)
	// duration     whole-years base 2      → 1        (found, attainable true)
	// input-value  closed-form base 250000 → 346927.1162 (found, attainable true)
}

func ExampleParseModel() {
	doc := []byte(`{
	  "title": "Walking group (fictional figures)", "currency": "GBP", "priceYear": 2024,
	  "stakeholders": [{"id": "walkers", "name": "Walkers"}],
	  "inputs": [{"id": "coordinator", "stakeholder": "walkers", "description": "Coordinator's time", "value": "12000", "year": 0}],
	  "outcomes": [{"id": "fitter", "stakeholder": "walkers", "description": "More physically active",
	    "indicator": "150 minutes of activity a week", "quantity": 40, "duration": 1,
	    "proxy": {"description": "Illustrative value", "value": "900", "source": "illustrative figure", "priceYear": 2024},
	    "deadweight": 0.25, "displacement": 0, "attribution": 0.2, "dropOff": 0}],
	  "discount": {"schedule": "green-book"}
	}`)
	m, err := sroi.ParseModel(doc)
	if err != nil {
		fmt.Println(err)
		return
	}
	r, _ := sroi.Evaluate(m)
	// 40 × 900 × 0.75 × 0.8 = 21,600 in year 1, discounted at 3.5 %: 20,869.57; ÷ 12,000.
	fmt.Println(r.Ratio.Round(4))

	_, err = sroi.ParseModel([]byte(`{"title": "no inputs"}`))
	fmt.Println(err != nil)
	// Output:
	// 1.7391
	// true
}

func ExampleModel_Validate() {
	m := befriending()
	m.Inputs[0].Value = decimal.Zero
	m.Outcomes[0].Deadweight = decimal.RequireFromString("40") // a percentage, not a fraction
	m.Outcomes[0].Duration = -1
	err := m.Validate()
	fmt.Println(errors.Is(err, sroi.ErrInputsNotPositive), errors.Is(err, sroi.ErrOutOfRange))
	fmt.Println(err)
	// Output:
	// true true
	// /inputs: sroi: total inputs not positive: inputs whose values total more than zero
	// /outcomes/0/duration: sroi: value out of range: a whole number of years in 0 … 100
	// /outcomes/0/deadweight: sroi: value out of range: a fraction in [0, 1] with at most 40 decimal places
}

func ExampleModel_With() {
	m := befriending()
	// What if deadweight were 60 %? 510,000 × 0.4 × 0.7 = 142,800 in year 1.
	alt, err := m.With(sroi.Change{Outcome: "less-lonely", Assumption: sroi.Deadweight, Value: decimal.RequireFromString("0.6")})
	if err != nil {
		fmt.Println(err)
		return
	}
	r, _ := sroi.Evaluate(alt)
	fmt.Println(r.Outcomes[0].Impact, r.Ratio.Round(2))
	// Output: 142800 0.93
}

func ExampleDiscount_Factors() {
	gb := sroi.Discount{Schedule: sroi.GreenBook}
	df, _ := gb.Factors(31)
	// Year 31 is the first year at 3.0 %: DF(31) = DF(30) ÷ 1.03.
	fmt.Println(df[1].StringFixed(6), df[30].StringFixed(6), df[31].StringFixed(6))
	// Output: 0.966184 0.356278 0.345901
}

func ExampleUplift() {
	deflators := []sroi.Deflator{
		{Year: 2014, Index: decimal.RequireFromString("74.6524")},
		{Year: 2024, Index: decimal.RequireFromString("100")},
	}
	v, _ := sroi.Uplift(decimal.NewFromInt(132), 2014, 2024, deflators)
	fmt.Println(sroi.Round(v))
	// Output: 176.82
}

func ExampleSimulate() {
	m := befriending()
	d := decimal.RequireFromString
	m.Outcomes[0].Uncertainty = &sroi.Uncertainty{
		Deadweight: &sroi.Distribution{Shape: sroi.PERT, Min: d("0.2"), Mode: d("0.4"), Max: d("0.7")},
		DropOff:    &sroi.Distribution{Shape: sroi.Uniform, Min: d("0.2"), Max: d("0.4")},
	}
	s, err := sroi.Simulate(m, sroi.Simulation{Draws: 10000, Seed: 1})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("median ratio %.2f, 90%% of draws between %.2f and %.2f\n",
		s.Ratio.Percentiles[2].Value, s.Ratio.Percentiles[0].Value, s.Ratio.Percentiles[4].Value)
	fmt.Printf("P(ratio > 1) = %.2f\n", s.ProbabilityAboveOne)
	// Output:
	// median ratio 1.36, 90% of draws between 0.97 and 1.70
	// P(ratio > 1) = 0.93
}

func ExampleFormatter() {
	en, _ := sroi.NewFormatter("en-GB", "GBP")
	cy, _ := sroi.NewFormatter("cy-GB", "GBP")
	v := decimal.RequireFromString("-1234.565")
	fmt.Println(en.Money(v), cy.Money(v), en.Ratio(decimal.RequireFromString("5.0734")), en.Percent(decimal.RequireFromString("0.125"), 1))
	// Output: -£1,234.57 -£1,234.57 £5.07 : £1 12.5%
}

func ExampleRound() {
	fmt.Println(sroi.Round(decimal.RequireFromString("2.345")), sroi.Round(decimal.RequireFromString("-2.345")))
	// Output: 2.35 -2.35
}
