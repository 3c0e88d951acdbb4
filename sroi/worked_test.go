package sroi

import (
	"math/big"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
)

// Worked cases. Each expected figure is derived by hand in the comment beside it, or taken
// from the published study named there; none is a copy of this package's output.

// publicValue is the worked example in the documentation of the public-value Rust crate
// (github.com/publicprojects-io/public-value-rust-crate, src/impact_measurement.rs): 60
// people, proxy £8,500, deadweight 40 %, attribution 30 %, drop-off 30 %, two years,
// discount 3.5 %, inputs £250,000; the crate reports a ratio of about 1.436, discounting the
// first year not at all.
func publicValue(yearOneUndiscounted bool) Model {
	disc := constant("0.035")
	disc.YearOneUndiscounted = yearOneUndiscounted
	return oneOutcome("250000", Outcome{
		Quantity: d("60"), Duration: 2, Proxy: Proxy{Value: d("8500")},
		Deadweight: d("0.4"), Attribution: d("0.3"), DropOff: d("0.3"),
	}, disc)
}

func TestWorkedPublicValueCrate(t *testing.T) {
	r := mustEvaluate(t, publicValue(false))
	o := r.Outcomes[0]
	// By hand:
	//   gross            = 60 × 8,500            = 510,000
	//   after deadweight = 510,000 × 0.6         = 306,000
	//   after displ.     = 306,000 × 1           = 306,000
	//   impact           = 306,000 × 0.7         = 214,200
	//   year 2           = 214,200 × 0.7         = 149,940
	//   value            = 214,200 + 149,940     = 364,140
	want := []decimal.Decimal{d("510000"), d("306000"), d("306000"), d("214200"), d("214200"), d("149940"), d("364140")}
	got := []decimal.Decimal{o.Gross, o.AfterDeadweight, o.AfterDisplacement, o.Impact, o.Years[0].Value, o.Years[1].Value, o.Value}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("impact steps (-want +got):\n%s", diff)
	}
	// PV = 214,200 ÷ 1.035 + 149,940 ÷ 1.035²   (exact rational; 346,927.1161520689…)
	pv := new(big.Rat).Add(new(big.Rat).Quo(ratStr("214200"), ratStr("1.035")),
		new(big.Rat).Quo(ratStr("149940"), ratStr("1.071225")))
	if !near(r.PresentValue, pv, "1e-35") {
		t.Errorf("PresentValue = %s, want %s", text(r.PresentValue), pv.FloatString(40))
	}
	// ratio = PV ÷ 250,000 = 1.38770846… ; net ratio 0.38770846…; NPV 96,927.12
	ratio := new(big.Rat).Quo(pv, ratStr("250000"))
	if !near(r.Ratio, ratio, "1e-40") {
		t.Errorf("Ratio = %s, want %s", text(r.Ratio), ratio.FloatString(40))
	}
	if got := r.Ratio.Round(4).String(); got != "1.3877" {
		t.Errorf("ratio to 4 places = %s, want 1.3877 (by hand)", got)
	}
	if got := Round(r.NetPresentValue).StringFixed(2); got != "96927.12" {
		t.Errorf("NPV = %s, want 96927.12 (by hand)", got)
	}
	if !r.NetRatio.Equal(r.Ratio.Sub(one)) {
		t.Errorf("NetRatio %s ≠ Ratio − 1", text(r.NetRatio))
	}
	// Payback, by hand:
	//   simple     = 12 × 250,000 ÷ 214,200                       = 14.00560224… months
	//   cumulative = 12 + 12 × (250,000 − 214,200) ÷ 149,940      = 14.86514606… months
	//   discounted = 12 + 12 × (250,000 − 206,956.52…) ÷ 139,970.59… = 15.69021608… months
	simple := new(big.Rat).Quo(ratStr("3000000"), ratStr("214200"))
	cum := new(big.Rat).Add(ratStr("12"), new(big.Rat).Quo(ratStr("429600"), ratStr("149940")))
	pv1 := new(big.Rat).Quo(ratStr("214200"), ratStr("1.035"))
	pv2 := new(big.Rat).Quo(ratStr("149940"), ratStr("1.071225"))
	disc := new(big.Rat).Add(ratStr("12"), new(big.Rat).Quo(new(big.Rat).Mul(ratStr("12"), new(big.Rat).Sub(ratStr("250000"), pv1)), pv2))
	for _, c := range []struct {
		name string
		got  *decimal.Decimal
		want *big.Rat
	}{{"simple", r.Payback.Simple, simple}, {"cumulative", r.Payback.Cumulative, cum}, {"discounted", r.Payback.Discounted, disc}} {
		if c.got == nil || !near(*c.got, c.want, "1e-30") {
			t.Errorf("payback %s = %v, want %s", c.name, c.got, c.want.FloatString(12))
		}
	}
}

func TestWorkedPublicValueCrateYearOneUndiscounted(t *testing.T) {
	r := mustEvaluate(t, publicValue(true))
	// With year 1 undiscounted, as the crate does:
	//   PV = 214,200 + 149,940 ÷ 1.035 = 359,069.5652…;  ratio = 1.43627826…  (crate: ≈ 1.436)
	pv := new(big.Rat).Add(ratStr("214200"), new(big.Rat).Quo(ratStr("149940"), ratStr("1.035")))
	if !near(r.PresentValue, pv, "1e-35") {
		t.Errorf("PresentValue = %s, want %s", text(r.PresentValue), pv.FloatString(20))
	}
	if got := r.Ratio.Round(3).String(); got != "1.436" {
		t.Errorf("ratio to 3 places = %s, want 1.436 (the crate's documented figure)", got)
	}
	if !r.Outcomes[0].Years[0].Factor.Equal(one) || !r.Years[0].Factor.Equal(one) {
		t.Errorf("year 1 and year 0 factors should both be 1 under the year-one-undiscounted convention")
	}
}

func TestWorkedDropOffIllustration(t *testing.T) {
	// The guide's drop-off illustration: an outcome worth 100 lasting three years with 10 %
	// drop-off is worth 100, 90 and 81 — each year keeps 90 % of the year before.
	m := oneOutcome("100", Outcome{Quantity: d("1"), Duration: 3, Proxy: Proxy{Value: d("100")}, DropOff: d("0.1")}, constant("0"))
	r := mustEvaluate(t, m)
	var got []decimal.Decimal
	for _, y := range r.Outcomes[0].Years {
		got = append(got, y.Value)
	}
	if diff := cmp.Diff([]decimal.Decimal{d("100"), d("90"), d("81")}, got); diff != "" {
		t.Errorf("years (-want +got):\n%s", diff)
	}
}

func TestWorkedPublishedTotals(t *testing.T) {
	// Studies that publish their total present value of benefits and of inputs: the ratio is
	// one over the other. Each is entered as one outcome of one year at a 0 % rate (the
	// published totals are already present values).
	cases := []struct {
		name, source     string
		benefits, inputs string
		currency, ratio2 string
		wholeNumberRatio string
	}{
		{
			name: "Health Precinct social prescribing",
			source: "Jones C, Hartfiel N, Brocklehurst P, Lynch M, Edwards RT (2020). Social return on investment " +
				"analysis of the Health Precinct community hub for chronic conditions. IJERPH 17(14):5249, " +
				"base case: benefits £281,010, inputs £55,389, ratio £5.07 : £1",
			benefits: "281010", inputs: "55389", currency: "GBP", ratio2: "5.07", wholeNumberRatio: "5",
		},
		{
			name: "CHAC youth forecast",
			source: "National Indigenous Australians Agency, CHAC Youth Program forecast SROI, section 7: " +
				"value $4,760,250, investment $847,166, published as 6:1 (the ratio 5.62 rounded to a whole number)",
			benefits: "4760250", inputs: "847166", currency: "AUD", ratio2: "5.62", wholeNumberRatio: "6",
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m := oneOutcome(c.inputs, Outcome{Quantity: d("1"), Duration: 1, Proxy: Proxy{Value: d(c.benefits)}}, constant("0"))
			m.Currency = c.currency
			r := mustEvaluate(t, m)
			if got := Round(r.Ratio).StringFixed(2); got != c.ratio2 {
				t.Errorf("ratio = %s, want %s (%s)", got, c.ratio2, c.source)
			}
			if got := r.Ratio.Round(0).String(); got != c.wholeNumberRatio {
				t.Errorf("whole-number ratio = %s, want %s (%s)", got, c.wholeNumberRatio, c.source)
			}
		})
	}
}

func TestWorkedGreenBookThirtyOneYears(t *testing.T) {
	// £1,000 a year for 31 years under the Green Book schedule, by hand:
	//   Σₜ₌₁..₃₀ 1.035⁻ᵗ = (1 − 1.035⁻³⁰) ÷ 0.035 = 18.39204…
	//   year 31 = 1.035⁻³⁰ ÷ 1.03 = 0.34590…   (not 1.03⁻³¹ = 0.39999…, nor 1.035⁻³¹ = 0.34423…)
	//   PV = 1,000 × 18.73794… = 18,737.95 to the penny
	m := oneOutcome("10000", Outcome{Quantity: d("1"), Duration: 31, Proxy: Proxy{Value: d("1000")}}, Discount{Schedule: GreenBook})
	r := mustEvaluate(t, m)
	df30 := new(big.Rat).Inv(new(big.Rat).SetFrac(new(big.Int).Exp(big.NewInt(1035), big.NewInt(30), nil), new(big.Int).Exp(big.NewInt(1000), big.NewInt(30), nil)))
	annuity := new(big.Rat).Quo(new(big.Rat).Sub(ratStr("1"), df30), ratStr("0.035"))
	want := new(big.Rat).Mul(ratStr("1000"), new(big.Rat).Add(annuity, new(big.Rat).Quo(df30, ratStr("1.03"))))
	if !near(r.PresentValue, want, "1e-34") {
		t.Errorf("PV = %s, want %s", text(r.PresentValue), want.FloatString(40))
	}
	if got := Round(r.PresentValue).StringFixed(2); got != "18737.95" {
		t.Errorf("PV to the penny = %s, want 18737.95", got)
	}
}

func TestWorkedInputsOverYears(t *testing.T) {
	// Inputs of £1,000 in years 0, 1 and 2 at 10 %, by hand:
	//   PV = 1,000 + 1,000 ÷ 1.1 + 1,000 ÷ 1.21 = 1,000 + 909.0909… + 826.4462… = 2,735.54
	m := oneOutcome("1000", Outcome{Quantity: d("1"), Duration: 1, Proxy: Proxy{Value: d("5000")}}, constant("0.1"))
	m.Inputs = append(m.Inputs,
		Input{ID: "year-1", Stakeholder: "people", Description: "second year", Value: d("1000"), Year: 1},
		Input{ID: "year-2", Stakeholder: "people", Description: "third year", Value: d("1000"), Year: 2})
	r := mustEvaluate(t, m)
	want := new(big.Rat).Add(ratStr("1000"), new(big.Rat).Add(new(big.Rat).Quo(ratStr("1000"), ratStr("1.1")), new(big.Rat).Quo(ratStr("1000"), ratStr("1.21"))))
	if !near(r.InputsPresentValue, want, "1e-36") {
		t.Errorf("inputs' PV = %s, want %s", text(r.InputsPresentValue), want.FloatString(40))
	}
	if got := Round(r.InputsPresentValue).StringFixed(2); got != "2735.54" {
		t.Errorf("inputs' PV = %s, want 2735.54", got)
	}
	if !r.InputsValue.Equal(d("3000")) || len(r.Years) != 3 || !r.Years[2].InputsValue.Equal(d("1000")) {
		t.Errorf("inputs by year wrong: %+v", r.Years)
	}
}

func TestWorkedSimplePaybackMisleads(t *testing.T) {
	// A one-year outcome worth £900 against £1,000 of inputs, at 0 %: the guide's formula
	// gives 12 × 1,000 ÷ 900 = 13.33 months, but the value never repays the inputs.
	m := oneOutcome("1000", Outcome{Quantity: d("1"), Duration: 1, Proxy: Proxy{Value: d("900")}}, constant("0"))
	r := mustEvaluate(t, m)
	if r.Payback.Simple == nil || Round(*r.Payback.Simple).StringFixed(2) != "13.33" {
		t.Errorf("simple payback = %v, want 13.33", r.Payback.Simple)
	}
	if r.Payback.Cumulative != nil || r.Payback.Discounted != nil {
		t.Errorf("cumulative payback = %v, %v; want none", r.Payback.Cumulative, r.Payback.Discounted)
	}
}

func TestWorkedUplift(t *testing.T) {
	// The Green Book method of rebasing with GDP deflators, as in the greenbook R package's
	// example: £132 at 2014 prices with the ONS series at 2024 = 100 (2014 = 74.6524) is
	// 132 × 100 ÷ 74.6524 = £176.8195… ≈ £176.82 at 2024 prices.
	series := []Deflator{{Year: 2014, Index: d("74.6524")}, {Year: 2024, Index: d("100")}}
	got, err := Uplift(d("132"), 2014, 2024, series)
	if err != nil {
		t.Fatal(err)
	}
	if !near(got, ratStr("132000000/746524"), "5e-41") {
		t.Errorf("Uplift = %s", text(got))
	}
	if Round(got).StringFixed(2) != "176.82" {
		t.Errorf("Uplift rounded = %s, want 176.82", Round(got).StringFixed(2))
	}
	// In a model, the proxy is uplifted before anything else.
	m := oneOutcome("100", Outcome{Quantity: d("2"), Duration: 1, Proxy: Proxy{Description: "A&E attendance", Value: d("132"), Source: "NHS Reference Costs 2014/15", PriceYear: 2014}}, constant("0"))
	m.Deflators = series
	r := mustEvaluate(t, m)
	if !r.Outcomes[0].ProxyValue.Equal(got) || !r.Outcomes[0].Gross.Equal(got.Mul(d("2"))) {
		t.Errorf("proxy value %s, gross %s", text(r.Outcomes[0].ProxyValue), text(r.Outcomes[0].Gross))
	}
}

func TestRound(t *testing.T) {
	// Half away from zero at 2 places (the shopspring Round contract; accounting ROUND_HALF_UP).
	for _, c := range []struct{ in, want string }{
		{"2.345", "2.35"}, {"-2.345", "-2.35"}, {"2.344999", "2.34"}, {"2.355", "2.36"},
		{"0.005", "0.01"}, {"-0.005", "-0.01"}, {"1", "1.00"}, {"1234567.891", "1234567.89"},
	} {
		if got := Round(d(c.in)).StringFixed(2); got != c.want {
			t.Errorf("Round(%s) = %s, want %s", c.in, got, c.want)
		}
	}
}

func TestTotalsAddUp(t *testing.T) {
	r := mustEvaluate(t, benchModel())
	var byYear, byStake, byOutcome decimal.Decimal
	for _, y := range r.Years {
		byYear = byYear.Add(y.PresentValue)
	}
	for _, s := range r.Stakeholders {
		byStake = byStake.Add(s.PresentValue)
	}
	for _, o := range r.Outcomes {
		byOutcome = byOutcome.Add(o.PresentValue)
		sum := decimal.Decimal{}
		for _, y := range o.Years {
			sum = sum.Add(y.PresentValue)
			if !y.PresentValue.Equal(y.Value.Mul(y.Factor)) {
				t.Fatalf("%s year %d: PV ≠ value × factor", o.ID, y.Year)
			}
		}
		if !sum.Equal(o.PresentValue) {
			t.Fatalf("%s: years do not add up", o.ID)
		}
	}
	for _, x := range []decimal.Decimal{byYear, byStake, byOutcome} {
		if !x.Equal(r.PresentValue) {
			t.Errorf("totals differ: %s vs %s", text(x), text(r.PresentValue))
		}
	}
}
