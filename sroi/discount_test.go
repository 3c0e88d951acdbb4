package sroi

import (
	"errors"
	"math/big"
	"testing"

	"github.com/peopleandcommunities/engage/internal/enum"
	"github.com/shopspring/decimal"
)

// powRat returns (num/den)^n exactly.
func powRat(num, den int64, n int) *big.Rat {
	return new(big.Rat).SetFrac(new(big.Int).Exp(big.NewInt(num), big.NewInt(int64(n)), nil),
		new(big.Int).Exp(big.NewInt(den), big.NewInt(int64(n)), nil))
}

func TestGreenBookFactors(t *testing.T) {
	// Reference factors to six places. Each is 1.035⁻ᵗ up to year 30 and then divided by
	// 1.03 for each year of the second band, by 1.025 in the third (HM Treasury, Green Book,
	// Annex A6 / 2003 Annex 6 Table 6.1, applied year by year as in the greenbook R package,
	// R/discounting.R); worked by hand from those rates:
	//   DF(1) = 1/1.035 = 0.966184          DF(10) = 1.035⁻¹⁰ = 0.708919
	//   DF(30) = 1.035⁻³⁰ = 0.356278        DF(31) = DF(30)/1.03 = 0.345901
	//   DF(75) = DF(30)/1.03⁴⁵ = 0.094214   DF(76) = DF(75)/1.025 = 0.091916
	//   health: DF(30) = 1.015⁻³⁰ = 0.639762, DF(31) = DF(30)/1.0129 = 0.631615
	standard := map[int]string{1: "0.966184", 2: "0.933511", 3: "0.901943", 5: "0.841973", 10: "0.708919",
		30: "0.356278", 31: "0.345901", 75: "0.094214", 76: "0.091916"}
	health := map[int]string{30: "0.639762", 31: "0.631615"}
	check := func(name string, disc Discount, want map[int]string) {
		df, err := disc.Factors(100)
		if err != nil {
			t.Fatal(err)
		}
		for year, v := range want {
			if got := df[year].Round(6).StringFixed(6); got != v {
				t.Errorf("%s DF(%d) = %s, want %s", name, year, got, v)
			}
		}
	}
	check("green-book", Discount{Schedule: GreenBook}, standard)
	check("green-book-health", Discount{Schedule: GreenBookHealth}, health)
}

func TestGreenBookBandsAreMarginal(t *testing.T) {
	// Every factor is the one before divided by (1 + the rate of its year's band), held to
	// Places; so DF(31) = DF(30) ÷ 1.03, never 1 ÷ 1.03³¹.
	for _, disc := range []Discount{{Schedule: GreenBook}, {Schedule: GreenBookHealth}} {
		df, err := disc.Factors(MaxHorizon)
		if err != nil {
			t.Fatal(err)
		}
		bands := disc.bands()
		for year := 1; year <= MaxHorizon; year++ {
			r, _ := disc.RateFor(year)
			want := df[year-1].DivRound(one.Add(r), Places)
			if !df[year].Equal(want) {
				t.Fatalf("%s DF(%d) is not DF(%d) ÷ (1 + %s)", disc.Schedule, year, year-1, text(r))
			}
		}
		for _, b := range bands {
			if r, _ := disc.RateFor(b.From); !r.Equal(b.Rate) {
				t.Errorf("%s: rate in year %d = %s, want %s", disc.Schedule, b.From, text(r), text(b.Rate))
			}
		}
		if r, _ := disc.RateFor(30); !r.Equal(bands[0].Rate) {
			t.Errorf("year 30 is still in the first band")
		}
		wrong := new(big.Rat).Inv(powRat(103, 100, 31))
		if near(df[31], wrong, "1e-3") {
			t.Errorf("DF(31) looks like 1/1.03³¹")
		}
	}
	// The first factor of each band, exactly, against rational arithmetic: DF(31) under the
	// standard schedule is 1.035⁻³⁰ × 1.03⁻¹.
	df, _ := Discount{Schedule: GreenBook}.Factors(31)
	want := new(big.Rat).Quo(new(big.Rat).Inv(powRat(1035, 1000, 30)), ratStr("1.03"))
	if !near(df[31], want, "1e-39") {
		t.Errorf("DF(31) = %s, want %s", text(df[31]), want.FloatString(40))
	}
}

func TestYearOneUndiscountedShiftsFactors(t *testing.T) {
	base, _ := constant("0.035").Factors(5)
	disc := constant("0.035")
	disc.YearOneUndiscounted = true
	shifted, _ := disc.Factors(5)
	if !shifted[0].Equal(one) || !shifted[1].Equal(one) {
		t.Fatalf("years 0 and 1 should be undiscounted: %v", shifted[:2])
	}
	for year := 2; year <= 5; year++ {
		if !shifted[year].Equal(base[year-1]) {
			t.Errorf("year %d factor should be DF(%d)", year, year-1)
		}
	}
}

func TestCustomBands(t *testing.T) {
	// 10 % in years 1–2, then 0 %: DF = 1/1.1, 1/1.21, 1/1.21, …
	disc := Discount{Schedule: CustomBands, Bands: []Band{{From: 1, Rate: d("0.1")}, {From: 3, Rate: d("0")}}}
	df, err := disc.Factors(4)
	if err != nil {
		t.Fatal(err)
	}
	want := []*big.Rat{ratStr("1"), ratStr("10/11"), ratStr("100/121"), ratStr("100/121"), ratStr("100/121")}
	for year, w := range want {
		if !near(df[year], w, "1e-40") {
			t.Errorf("DF(%d) = %s, want %s", year, text(df[year]), w.FloatString(40))
		}
	}
}

func TestDiscountValidate(t *testing.T) {
	cases := []struct {
		name  string
		disc  Discount
		paths map[string]error
	}{
		{"no schedule", Discount{}, map[string]error{"/schedule": ErrRequired}},
		{"negative rate", Discount{Schedule: ConstantRate, Rate: d("-0.01")}, map[string]error{"/rate": ErrOutOfRange}},
		{"rate above 1", Discount{Schedule: ConstantRate, Rate: d("1.5")}, map[string]error{"/rate": ErrOutOfRange}},
		{"rate with green book", Discount{Schedule: GreenBook, Rate: d("0.035")}, map[string]error{"/rate": ErrOutOfRange}},
		{"bands with constant", Discount{Schedule: ConstantRate, Rate: d("0.035"), Bands: []Band{{From: 1, Rate: d("0.02")}}}, map[string]error{"/bands": ErrOutOfRange}},
		{"no bands", Discount{Schedule: CustomBands}, map[string]error{"/bands": ErrRequired}},
		{"bad bands", Discount{Schedule: CustomBands, Bands: []Band{{From: 2, Rate: d("0.01")}, {From: 2, Rate: d("2")}}},
			map[string]error{"/bands/0/from": ErrOutOfRange, "/bands/1/from": ErrOutOfRange, "/bands/1/rate": ErrOutOfRange}},
		{"too many places", Discount{Schedule: ConstantRate, Rate: decimal.New(1, -41)}, map[string]error{"/rate": ErrOutOfRange}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			assertProblems(t, c.disc.Validate(), c.paths)
		})
	}
	if _, err := (Discount{Schedule: GreenBook}).Factors(MaxHorizon + 1); !errors.Is(err, ErrOutOfRange) {
		t.Errorf("Factors beyond MaxHorizon: %v", err)
	}
	if _, err := (Discount{Schedule: GreenBook}).RateFor(0); !errors.Is(err, ErrOutOfRange) {
		t.Errorf("RateFor(0): %v", err)
	}
}

// assertProblems checks that err holds exactly one *FieldError for each path, matching its
// sentinel, and nothing else.
func assertProblems(t *testing.T, err error, want map[string]error) {
	t.Helper()
	got := map[string]error{}
	var walk func(error)
	walk = func(e error) {
		if j, ok := e.(interface{ Unwrap() []error }); ok {
			for _, x := range j.Unwrap() {
				walk(x)
			}
			return
		}
		fe, ok := e.(*FieldError)
		if !ok {
			t.Errorf("not a *FieldError: %v", e)
			return
		}
		if _, dup := got[fe.Path]; dup {
			t.Errorf("two problems at %s", fe.Path)
		}
		got[fe.Path] = fe.Err
		if fe.Detail == "" {
			t.Errorf("%s: no detail", fe.Path)
		}
	}
	if err != nil {
		walk(err)
	}
	for p, sentinel := range want {
		if g, ok := got[p]; !ok {
			t.Errorf("no problem reported at %s (want %v); got %v", p, sentinel, err)
		} else if !errors.Is(g, sentinel) {
			t.Errorf("%s: got %v, want %v", p, g, sentinel)
		}
	}
	for p, g := range got {
		if _, ok := want[p]; !ok {
			t.Errorf("unexpected problem at %s: %v", p, g)
		}
	}
}

func TestEnumerations(t *testing.T) {
	type enumCase struct {
		valid   []string
		parse   func(string) (string, error)
		invalid string
		alias   [2]string
	}
	cases := map[string]enumCase{
		"Schedule": {
			valid:   []string{"constant", "green-book", "green-book-health", "bands"},
			parse:   func(s string) (string, error) { v, err := ParseSchedule(s); return v.String(), err },
			invalid: Schedule(9).String(), alias: [2]string{"Green Book Standard", "green-book"},
		},
		"Assumption": {
			valid:   []string{"quantity", "proxy-value", "deadweight", "displacement", "attribution", "drop-off", "duration", "input-value"},
			parse:   func(s string) (string, error) { v, err := ParseAssumption(s); return v.String(), err },
			invalid: Assumption(0).String(), alias: [2]string{"Drop off", "drop-off"},
		},
		"Shape": {
			valid:   []string{"point", "uniform", "triangular", "pert"},
			parse:   func(s string) (string, error) { v, err := ParseShape(s); return v.String(), err },
			invalid: Shape(200).String(), alias: [2]string{"Beta-PERT", "pert"},
		},
		"Method": {
			valid:   []string{"closed-form", "root-search", "whole-years"},
			parse:   func(s string) (string, error) { v, err := ParseMethod(s); return v.String(), err },
			invalid: Method(4).String(), alias: [2]string{"CLOSED_FORM", "closed-form"},
		},
		"Status": {
			valid:   []string{"found", "no-effect", "unreachable"},
			parse:   func(s string) (string, error) { v, err := ParseStatus(s); return v.String(), err },
			invalid: Status(0).String(), alias: [2]string{"No effect", "no-effect"},
		},
	}
	want := map[string]string{"Schedule": "%!Schedule(9)", "Assumption": "%!Assumption(0)", "Shape": "%!Shape(200)", "Method": "%!Method(4)", "Status": "%!Status(0)"}
	for name, c := range cases {
		for _, s := range c.valid {
			if got, err := c.parse(s); err != nil || got != s {
				t.Errorf("%s: Parse(%q) = %q, %v", name, s, got, err)
			}
		}
		if got, err := c.parse(c.alias[0]); err != nil || got != c.alias[1] {
			t.Errorf("%s: Parse(%q) = %q, %v", name, c.alias[0], got, err)
		}
		if _, err := c.parse("nonsense"); !errors.Is(err, enum.ErrUnknown) {
			t.Errorf("%s: Parse(nonsense) error %v", name, err)
		}
		if c.invalid != want[name] {
			t.Errorf("%s: invalid value prints %q, want %q", name, c.invalid, want[name])
		}
	}
	// Text round trips and invalid values refuse to marshal.
	for a := Quantity; a <= InputValue; a++ {
		b, err := a.MarshalText()
		var back Assumption
		if err != nil || back.UnmarshalText(b) != nil || back != a || !a.Valid() {
			t.Errorf("assumption %v does not round-trip", a)
		}
	}
	if _, err := Schedule(0).MarshalText(); err == nil {
		t.Errorf("invalid schedule marshalled")
	}
	var s Shape
	if err := s.UnmarshalText([]byte("bell")); err == nil || s != 0 {
		t.Errorf("unknown shape accepted")
	}
}
