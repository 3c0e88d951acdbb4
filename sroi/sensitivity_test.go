package sroi

import (
	"math/big"
	"testing"

	"github.com/shopspring/decimal"
)

// find returns the switching value for an outcome (or input) and assumption.
func find(t *testing.T, r Result, outcome, input string, a Assumption) SwitchingValue {
	t.Helper()
	for _, s := range r.Sensitivity {
		if s.Outcome == outcome && s.Input == input && s.Assumption == a {
			return s
		}
	}
	t.Fatalf("no switching value for %q/%q %v", outcome, input, a)
	return SwitchingValue{}
}

// wantSwitch checks a found switching value against an exact expectation.
func wantSwitch(t *testing.T, s SwitchingValue, want *big.Rat, tol string, method Method, attainable bool) {
	t.Helper()
	if s.Status != Found || s.Value == nil {
		t.Errorf("%s %v: status %v, want found", s.Outcome, s.Assumption, s.Status)
		return
	}
	if !near(*s.Value, want, tol) {
		t.Errorf("%s %v = %s, want %s", s.Outcome, s.Assumption, text(*s.Value), want.FloatString(40))
	}
	if s.Method != method || s.Attainable != attainable {
		t.Errorf("%s %v: method %v attainable %v, want %v %v", s.Outcome, s.Assumption, s.Method, s.Attainable, method, attainable)
	}
}

func TestSwitchingValuesPublicValue(t *testing.T) {
	// The public-value crate's example (see TestWorkedPublicValueCrate). With
	// P = 214,200/1.035 + 149,940/1.035² the present value, I = 250,000 and one outcome,
	// the outcome must be worth I, so k = I/P = 0.72061… and by hand:
	//   quantity     60 × k                     = 43.2367…
	//   proxy        8,500 × k                  = 6,125.21…
	//   deadweight   1 − k × (1 − 0.4)          = 0.567632…
	//   displacement 1 − k × (1 − 0)            = 0.279387…
	//   attribution  1 − k × (1 − 0.3)          = 0.495571…
	//   drop-off     1 − (I − 214,200/1.035) ÷ (214,200/1.035²) = 0.784737…
	//   duration     one year: 206,956.52 < 250,000, so the ratio falls below 1 at 1 year
	//   input        P (the inputs equal to the value)
	r := mustEvaluate(t, publicValue(false))
	p := new(big.Rat).Add(new(big.Rat).Quo(ratStr("214200"), ratStr("1.035")), new(big.Rat).Quo(ratStr("149940"), ratStr("1.071225")))
	k := new(big.Rat).Quo(ratStr("250000"), p)
	mul := func(a *big.Rat, s string) *big.Rat { return new(big.Rat).Mul(a, ratStr(s)) }
	oneMinus := func(a *big.Rat) *big.Rat { return new(big.Rat).Sub(ratStr("1"), a) }
	wantSwitch(t, find(t, r, "outcome", "", Quantity), mul(k, "60"), "1e-38", ClosedForm, true)
	wantSwitch(t, find(t, r, "outcome", "", ProxyValue), mul(k, "8500"), "1e-36", ClosedForm, true)
	wantSwitch(t, find(t, r, "outcome", "", Deadweight), oneMinus(mul(k, "0.6")), "1e-39", ClosedForm, true)
	wantSwitch(t, find(t, r, "outcome", "", Displacement), oneMinus(k), "1e-39", ClosedForm, true)
	wantSwitch(t, find(t, r, "outcome", "", Attribution), oneMinus(mul(k, "0.7")), "1e-39", ClosedForm, true)
	x := new(big.Rat).Quo(new(big.Rat).Sub(ratStr("250000"), new(big.Rat).Quo(ratStr("214200"), ratStr("1.035"))),
		new(big.Rat).Quo(ratStr("214200"), ratStr("1.071225")))
	wantSwitch(t, find(t, r, "outcome", "", DropOff), oneMinus(x), "1e-39", ClosedForm, true)
	wantSwitch(t, find(t, r, "outcome", "", Duration), ratStr("1"), "0", WholeYears, true)
	wantSwitch(t, find(t, r, "", "grant", InputValue), p, "1e-35", ClosedForm, true)
	total := find(t, r, "", "", InputValue)
	wantSwitch(t, total, p, "1e-35", ClosedForm, true)
	if !total.Base.Equal(r.InputsPresentValue) {
		t.Errorf("total inputs base = %s", text(total.Base))
	}
	// Change = (x* − x) ÷ |x| = k − 1 for the quantity.
	q := find(t, r, "outcome", "", Quantity)
	if q.Change == nil || !near(*q.Change, new(big.Rat).Sub(k, ratStr("1")), "1e-38") {
		t.Errorf("quantity change = %v", q.Change)
	}
	if len(r.Sensitivity) != 7+1+1 {
		t.Errorf("%d switching values, want 9", len(r.Sensitivity))
	}
}

func TestSwitchingDropOffRootSearch(t *testing.T) {
	// Impact 1,000 a year for three years at 0 %: PV(d) = 1,000 × (1 + x + x²), x = 1 − d.
	// By hand: inputs 1,750 need 1 + x + x² = 1.75, x = 0.5, d* = 0.5 (attainable);
	// inputs 3,640 need x = 1.2, d* = −0.2 (growth: found, not attainable);
	// inputs 500 are below the year-1 value, so no drop-off brings the ratio to 1.
	cases := []struct {
		inputs     string
		want       string
		status     Status
		attainable bool
	}{
		{"1750", "0.5", Found, true},
		{"3640", "-0.2", Found, false},
		{"500", "", Unreachable, false},
	}
	for _, c := range cases {
		m := oneOutcome(c.inputs, Outcome{Quantity: d("1"), Duration: 3, Proxy: Proxy{Value: d("1000")}, DropOff: d("0.1")}, constant("0"))
		s := find(t, mustEvaluate(t, m), "outcome", "", DropOff)
		if s.Method != RootSearch || s.Status != c.status {
			t.Errorf("inputs %s: %v %v", c.inputs, s.Method, s.Status)
			continue
		}
		if c.status == Found {
			wantSwitch(t, s, ratStr(c.want), "1e-30", RootSearch, c.attainable)
		} else if s.Value != nil {
			t.Errorf("inputs %s: value %s for an unreachable switch", c.inputs, text(*s.Value))
		}
	}
}

func TestSwitchingNegativeOutcome(t *testing.T) {
	// A benefit worth 3,000 and a cost of 500 (both one year, 0 %), inputs 1,000: ratio 2.5.
	// For the ratio to be 1 the cost must reach 1,000 − 3,000 = −2,000, so by hand:
	//   quantity 4, proxy −2,000 (same sign: attainable), duration 4 whole years (up from 1).
	m := oneOutcome("1000", Outcome{ID: "benefit", Quantity: d("1"), Duration: 1, Proxy: Proxy{Value: d("3000")}}, constant("0"))
	cost := m.Outcomes[0]
	cost.ID, cost.Proxy.Value = "cost", d("-500")
	m.Outcomes = append(m.Outcomes, cost)
	r := mustEvaluate(t, m)
	if !r.Ratio.Equal(d("2.5")) {
		t.Fatalf("ratio %s", text(r.Ratio))
	}
	wantSwitch(t, find(t, r, "cost", "", Quantity), ratStr("4"), "1e-40", ClosedForm, true)
	wantSwitch(t, find(t, r, "cost", "", ProxyValue), ratStr("-2000"), "1e-36", ClosedForm, true)
	wantSwitch(t, find(t, r, "cost", "", Duration), ratStr("4"), "0", WholeYears, true)
	// The benefit would have to fall to 1,000 + 500 = 1,500: half its quantity. Its drop-off
	// has no effect (it lasts one year).
	wantSwitch(t, find(t, r, "benefit", "", Quantity), ratStr("0.5"), "1e-40", ClosedForm, true)
	if s := find(t, r, "benefit", "", DropOff); s.Status != NoEffect || s.Value != nil {
		t.Errorf("drop-off of a one-year outcome: %v", s.Status)
	}
	// The benefit's duration: at 0 years the value is −500 < 1,000, so the ratio falls below 1
	// only when the benefit lasts no time at all: the switching duration is 0.
	wantSwitch(t, find(t, r, "benefit", "", Duration), ratStr("0"), "0", WholeYears, true)
}

func TestSwitchingZeroBase(t *testing.T) {
	// An outcome with quantity 0 and another with deadweight 100 %, beside a benefit worth
	// 3,000 (all one year, 0 %), inputs 1,000: ratio 3. By hand:
	//   zero-quantity outcome (proxy 100): quantity −20 (not attainable);
	//   full-deadweight outcome (proxy −100, quantity 10): deadweight 1 − (−2,000 ÷ −1,000) = −1
	//     (not attainable); its quantity has no effect.
	m := oneOutcome("1000", Outcome{ID: "benefit", Quantity: d("1"), Duration: 1, Proxy: Proxy{Value: d("3000")}}, constant("0"))
	zero := m.Outcomes[0]
	zero.ID, zero.Quantity, zero.Proxy.Value = "zero", d("0"), d("100")
	full := m.Outcomes[0]
	full.ID, full.Quantity, full.Proxy.Value, full.Deadweight = "full", d("10"), d("-100"), d("1")
	m.Outcomes = append(m.Outcomes, zero, full)
	r := mustEvaluate(t, m)
	wantSwitch(t, find(t, r, "zero", "", Quantity), ratStr("-20"), "1e-40", ClosedForm, false)
	if s := find(t, r, "zero", "", Quantity); s.Change != nil {
		t.Errorf("change from a zero base: %v", s.Change)
	}
	wantSwitch(t, find(t, r, "full", "", Deadweight), ratStr("-1"), "1e-40", ClosedForm, false)
	if s := find(t, r, "full", "", Quantity); s.Status != NoEffect {
		t.Errorf("quantity of a fully deadweighted outcome: %v", s.Status)
	}
}

func TestSwitchingDurationUp(t *testing.T) {
	// Impact 100 a year, no drop-off, 0 %, inputs 450, duration 2: ratio 200/450 < 1. By hand
	// the ratio first reaches 1 at 5 years (500 ≥ 450; 4 years gives 400).
	m := oneOutcome("450", Outcome{Quantity: d("1"), Duration: 2, Proxy: Proxy{Value: d("100")}}, constant("0"))
	wantSwitch(t, find(t, mustEvaluate(t, m), "outcome", "", Duration), ratStr("5"), "0", WholeYears, true)
	// With 60 % drop-off the value converges to 100/0.6 = 166.7 < 450: unreachable.
	m.Outcomes[0].DropOff = d("0.6")
	if s := find(t, mustEvaluate(t, m), "outcome", "", Duration); s.Status != Unreachable {
		t.Errorf("duration with heavy drop-off: %v", s.Status)
	}
	// Exactly at the crossing: inputs 400 reach ratio 1 at exactly 4 years.
	m.Outcomes[0].DropOff = decimal.Decimal{}
	m.Inputs[0].Value = d("400")
	wantSwitch(t, find(t, mustEvaluate(t, m), "outcome", "", Duration), ratStr("4"), "0", WholeYears, true)
}

func TestScenarios(t *testing.T) {
	// What if deadweight were 40 % everywhere (it is 40 % in the base, so only the second
	// change matters) and attribution 50 %? By hand: impact = 510,000 × 0.6 × 0.5 = 153,000,
	// year 2 = 107,100; PV = 153,000/1.035 + 107,100/1.035²; ratio = PV/250,000 = 0.991…
	m := publicValue(false)
	m.Scenarios = []Scenario{{Name: "more attribution", Changes: []Change{
		{Assumption: Deadweight, Value: d("0.4")}, {Outcome: "outcome", Assumption: Attribution, Value: d("0.5")}}}}
	r := mustEvaluate(t, m)
	pv := new(big.Rat).Add(new(big.Rat).Quo(ratStr("153000"), ratStr("1.035")), new(big.Rat).Quo(ratStr("107100"), ratStr("1.071225")))
	s := r.Scenarios[0]
	if s.Name != "more attribution" || !near(s.PresentValue, pv, "1e-35") || !near(s.Ratio, new(big.Rat).Quo(pv, ratStr("250000")), "1e-39") {
		t.Errorf("scenario %+v", s)
	}
	if !s.NetPresentValue.Equal(s.PresentValue.Sub(s.InputsPresentValue)) {
		t.Errorf("scenario NPV")
	}
}
