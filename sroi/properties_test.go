package sroi

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
	"pgregory.net/rapid"
)

// genModel draws a valid model: up to three stakeholders, five outcomes (some of them costs)
// and three inputs in years 0–3, money in pence, shares in whole percent, any of the four
// schedules and either year-one convention, and sometimes a proxy in an earlier price year.
func genModel(t *rapid.T) Model {
	pence := func(label string, lo, hi int64) decimal.Decimal {
		return decimal.New(rapid.Int64Range(lo, hi).Draw(t, label), -2)
	}
	percent := func(label string, hi int64) decimal.Decimal {
		return decimal.New(rapid.Int64Range(0, hi).Draw(t, label), -2)
	}
	m := Model{Title: "generated", Currency: "GBP", PriceYear: 2024,
		Deflators: []Deflator{{Year: 2020, Index: d("85.2137")}, {Year: 2024, Index: d("100")}}}
	ns := rapid.IntRange(1, 3).Draw(t, "stakeholders")
	for s := range ns {
		m.Stakeholders = append(m.Stakeholders, Stakeholder{ID: fmt.Sprintf("s%d", s), Name: "someone"})
	}
	no := rapid.IntRange(1, 5).Draw(t, "outcomes")
	for i := range no {
		o := Outcome{
			ID: fmt.Sprintf("o%d", i), Stakeholder: fmt.Sprintf("s%d", rapid.IntRange(0, ns-1).Draw(t, "stakeholder")),
			Description: "change", Indicator: "indicator",
			Quantity: decimal.New(rapid.Int64Range(0, 5000).Draw(t, "quantity"), -1),
			Duration: rapid.IntRange(0, 10).Draw(t, "duration"),
			Proxy: Proxy{Description: "proxy", Source: "source", PriceYear: 2024,
				Value: pence("proxy", -50000, 2000000)},
			Deadweight: percent("deadweight", 100), Displacement: percent("displacement", 100),
			Attribution: percent("attribution", 100), DropOff: percent("dropOff", 100),
		}
		if rapid.IntRange(0, 4).Draw(t, "older price") == 0 {
			o.Proxy.PriceYear = 2020
		}
		m.Outcomes = append(m.Outcomes, o)
	}
	ni := rapid.IntRange(1, 3).Draw(t, "inputs")
	for j := range ni {
		lo := int64(0)
		if j == 0 {
			lo = 100
		}
		m.Inputs = append(m.Inputs, Input{ID: fmt.Sprintf("i%d", j), Stakeholder: "s0", Description: "input",
			Value: pence("input", lo, 50000000), Year: rapid.IntRange(0, 3).Draw(t, "input year")})
	}
	switch rapid.IntRange(0, 3).Draw(t, "schedule") {
	case 0:
		m.Discount = Discount{Schedule: ConstantRate, Rate: decimal.New(rapid.Int64Range(0, 100).Draw(t, "rate"), -3)}
	case 1:
		m.Discount = Discount{Schedule: GreenBook}
	case 2:
		m.Discount = Discount{Schedule: GreenBookHealth}
	default:
		m.Discount = Discount{Schedule: CustomBands, Bands: []Band{
			{From: 1, Rate: decimal.New(rapid.Int64Range(0, 100).Draw(t, "band 1"), -3)},
			{From: rapid.IntRange(2, 6).Draw(t, "band 2 from"), Rate: decimal.New(rapid.Int64Range(0, 100).Draw(t, "band 2"), -3)}}}
	}
	m.Discount.YearOneUndiscounted = rapid.Bool().Draw(t, "year one undiscounted")
	return m
}

// within reports whether |a − b| ≤ tol × max(1, |b|).
func within(a, b decimal.Decimal, tol string) bool {
	scale := decimal.Max(one, b.Abs())
	return a.Sub(b).Abs().LessThanOrEqual(d(tol).Mul(scale))
}

// eval evaluates a valid model without its sensitivity.
func eval(m Model) Result { return evaluate(&m) }

func TestPropertyRatioScalesWithProxiesAndQuantities(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		m := genModel(t)
		k := decimal.New(rapid.Int64Range(1, 100000).Draw(t, "k"), -2)
		base := eval(m)
		for _, a := range []Assumption{ProxyValue, Quantity} {
			alt := m.apply(nil)
			for i := range alt.Outcomes {
				o := &alt.Outcomes[i]
				if a == ProxyValue {
					o.Proxy.Value = o.Proxy.Value.Mul(k)
				} else {
					o.Quantity = o.Quantity.Mul(k)
				}
			}
			r := eval(alt)
			if !within(r.Ratio, base.Ratio.Mul(k), "1e-36") {
				t.Fatalf("%v × %s: ratio %s, want %s × k", a, text(k), text(r.Ratio), text(base.Ratio))
			}
			for i := range r.Outcomes {
				if !within(r.Outcomes[i].PresentValue, base.Outcomes[i].PresentValue.Mul(k), "1e-36") {
					t.Fatalf("%v × k: outcome %d PV not scaled", a, i)
				}
			}
		}
		// One outcome's proxy alone: its PV scales by k, the others are unchanged.
		j := rapid.IntRange(0, len(m.Outcomes)-1).Draw(t, "outcome")
		alt := m.apply([]Change{{Outcome: m.Outcomes[j].ID, Assumption: ProxyValue, Value: m.Outcomes[j].Proxy.Value.Mul(k)}})
		r := eval(alt)
		for i := range r.Outcomes {
			want := base.Outcomes[i].PresentValue
			if i == j {
				want = want.Mul(k)
			}
			if !within(r.Outcomes[i].PresentValue, want, "1e-36") {
				t.Fatalf("outcome %d PV %s, want %s", i, text(r.Outcomes[i].PresentValue), text(want))
			}
		}
	})
}

func TestPropertyFullDeductionRemovesValue(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		m := genModel(t)
		base := eval(m)
		j := rapid.IntRange(0, len(m.Outcomes)-1).Draw(t, "outcome")
		a := rapid.SampledFrom([]Assumption{Deadweight, Displacement, Attribution}).Draw(t, "deduction")
		r := eval(m.apply([]Change{{Outcome: m.Outcomes[j].ID, Assumption: a, Value: one}}))
		o := r.Outcomes[j]
		if !o.Impact.IsZero() || !o.Value.IsZero() || !o.PresentValue.IsZero() {
			t.Fatalf("100 %% %v left value: impact %s PV %s", a, text(o.Impact), text(o.PresentValue))
		}
		if !r.PresentValue.Equal(base.PresentValue.Sub(base.Outcomes[j].PresentValue)) {
			t.Fatalf("total PV %s, want the others' %s", text(r.PresentValue), text(base.PresentValue.Sub(base.Outcomes[j].PresentValue)))
		}
	})
}

func TestPropertyZeroRateIsUndiscounted(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		m := genModel(t)
		m.Discount = Discount{Schedule: ConstantRate, YearOneUndiscounted: rapid.Bool().Draw(t, "convention")}
		if rapid.Bool().Draw(t, "as bands") {
			m.Discount.Schedule = CustomBands
			m.Discount.Bands = []Band{{From: 1, Rate: decimal.Decimal{}}, {From: 4, Rate: decimal.Decimal{}}}
		}
		r := eval(m)
		if !r.PresentValue.Equal(r.Value) || !r.InputsPresentValue.Equal(r.InputsValue) {
			t.Fatalf("at 0 %%: PV %s vs %s, inputs %s vs %s", text(r.PresentValue), text(r.Value), text(r.InputsPresentValue), text(r.InputsValue))
		}
		for _, y := range r.Years {
			if !y.Factor.Equal(one) {
				t.Fatalf("year %d factor %s", y.Year, text(y.Factor))
			}
		}
	})
}

func TestPropertyMoreDropOffNeverRaisesValue(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		m := genModel(t)
		j := rapid.IntRange(0, len(m.Outcomes)-1).Draw(t, "outcome")
		lo := rapid.Int64Range(0, 100).Draw(t, "lower")
		hi := rapid.Int64Range(lo, 100).Draw(t, "higher")
		at := func(p int64) Result {
			return eval(m.apply([]Change{{Outcome: m.Outcomes[j].ID, Assumption: DropOff, Value: decimal.New(p, -2)}}))
		}
		a, b := at(lo).Outcomes[j], at(hi).Outcomes[j]
		// A benefit is worth no more, a cost costs no more: |PV| never rises.
		if b.PresentValue.Abs().GreaterThan(a.PresentValue.Abs()) || b.Value.Abs().GreaterThan(a.Value.Abs()) {
			t.Fatalf("drop-off %d%% → %d%%: |PV| %s → %s", lo, hi, text(a.PresentValue), text(b.PresentValue))
		}
		if m.Outcomes[j].Proxy.Value.Sign() >= 0 && b.PresentValue.GreaterThan(a.PresentValue) {
			t.Fatalf("PV rose with drop-off")
		}
	})
}

func TestPropertyMoneyScaleLeavesRatio(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		m := genModel(t)
		k := decimal.New(rapid.Int64Range(1, 1000000).Draw(t, "k"), -3)
		base := eval(m)
		alt := m.apply(nil)
		for i := range alt.Outcomes {
			alt.Outcomes[i].Proxy.Value = alt.Outcomes[i].Proxy.Value.Mul(k)
		}
		for j := range alt.Inputs {
			alt.Inputs[j].Value = alt.Inputs[j].Value.Mul(k)
		}
		r := eval(alt)
		if !within(r.Ratio, base.Ratio, "1e-36") {
			t.Fatalf("ratio %s after scaling money by %s, was %s", text(r.Ratio), text(k), text(base.Ratio))
		}
	})
}

func TestPropertySwitchingValuesReachOne(t *testing.T) {
	tolerance := d("1e-20")
	rapid.Check(t, func(t *rapid.T) {
		m := genModel(t)
		r, err := Evaluate(m)
		if err != nil {
			t.Fatalf("generated model invalid: %v", err)
		}
		for _, s := range r.Sensitivity {
			if s.Status != Found {
				if s.Value != nil || s.Change != nil {
					t.Fatalf("%+v has a value but status %v", s, s.Status)
				}
				continue
			}
			var alt Model
			switch {
			case s.Assumption == InputValue && s.Input == "":
				// The inputs' present value would have to equal the outcomes'.
				if !s.Value.Equal(r.PresentValue) {
					t.Fatalf("total inputs switch %s ≠ PV %s", text(*s.Value), text(r.PresentValue))
				}
				continue
			case s.Assumption == InputValue:
				alt = m.apply([]Change{{Input: s.Input, Assumption: InputValue, Value: *s.Value}})
			default:
				alt = m.apply([]Change{{Outcome: s.Outcome, Assumption: s.Assumption, Value: *s.Value}})
			}
			ar := eval(alt)
			if s.Assumption == Duration {
				// Whole years: the ratio has reached or crossed 1 at the switching duration,
				// and one year short of it (towards the base) it had not.
				if s.Value.Equal(s.Base) {
					continue // the base ratio is exactly 1
				}
				side := r.Ratio.Cmp(one)
				if ar.Ratio.Cmp(one) == side {
					t.Fatalf("%s duration %s: ratio %s still on the base side", s.Outcome, text(*s.Value), text(ar.Ratio))
				}
				step := int64(1)
				if s.Value.GreaterThan(s.Base) {
					step = -1
				}
				prev := s.Value.Add(decimal.NewFromInt(step))
				before := eval(m.apply([]Change{{Outcome: s.Outcome, Assumption: Duration, Value: prev}}))
				if before.Ratio.Cmp(one) != side {
					t.Fatalf("%s duration %s is not the first crossing", s.Outcome, text(*s.Value))
				}
				continue
			}
			if diff := ar.Ratio.Sub(one).Abs(); diff.GreaterThan(tolerance) {
				t.Fatalf("%s/%s %v = %s leaves the ratio %s from 1", s.Outcome, s.Input, s.Assumption, text(*s.Value), text(diff))
			}
			// An attainable value is a valid model value: With accepts it.
			if s.Attainable && s.Assumption != ProxyValue && s.Value.Abs().LessThan(d("1e12")) {
				c := Change{Outcome: s.Outcome, Input: s.Input, Assumption: s.Assumption, Value: *s.Value}
				if _, err := m.With(c); err != nil {
					t.Fatalf("attainable %v %s rejected by With: %v", s.Assumption, text(*s.Value), err)
				}
			}
		}
	})
}

func TestPropertyJSONRoundTrips(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		m := genModel(t)
		if rapid.Bool().Draw(t, "extras") {
			m.Outcomes[0].Uncertainty = &Uncertainty{
				ProxyValue: &Distribution{Shape: Triangular, Min: d("-10.50"), Mode: d("0"), Max: d("12.25")},
				Duration:   &Distribution{Shape: Uniform, Min: d("1"), Max: d("4")},
				DropOff:    &Distribution{Shape: Point, Mode: d("0.2")},
			}
			m.Inputs[0].Uncertainty = &Distribution{Shape: PERT, Min: m.Inputs[0].Value, Mode: m.Inputs[0].Value, Max: m.Inputs[0].Value.Add(d("100.00"))}
			m.Scenarios = []Scenario{{Name: "what if", Changes: []Change{
				{Assumption: Deadweight, Value: d("0.40")}, {Input: "i0", Assumption: InputValue, Value: d("1000.00")},
				{Outcome: "o0", Assumption: Duration, Value: d("3")}, {Outcome: "o0", Assumption: ProxyValue, Value: d("-1.50")}}}}
			m.Simulation = &Simulation{Draws: 50, Seed: rapid.Uint64Range(0, MaxSeed).Draw(t, "seed"), Percentiles: []float64{0.1, 0.9}}
		}
		b, err := json.Marshal(m)
		if err != nil {
			t.Fatal(err)
		}
		back, err := ParseModel(b)
		if err != nil {
			t.Fatalf("ParseModel of marshalled model: %v\n%s", err, b)
		}
		if diff := cmp.Diff(m, back); diff != "" {
			t.Fatalf("model round trip (-want +got):\n%s", diff)
		}
		b2, _ := json.Marshal(back)
		if string(b) != string(b2) {
			t.Fatalf("model bytes differ after a round trip")
		}
		r, err := Evaluate(m)
		if err != nil {
			t.Fatal(err)
		}
		rb, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		var rback Result
		if err := json.Unmarshal(rb, &rback); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(r, rback); diff != "" {
			t.Fatalf("result round trip (-want +got):\n%s", diff)
		}
	})
}
