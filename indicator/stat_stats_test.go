package indicator

import (
	"errors"
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/peopleandcommunities/engage/measure"
	"pgregory.net/rapid"
)

func TestProportion(t *testing.T) {
	// Newcombe (1998) Table II, 81/263: Wilson 0.2553–0.3662 at 95 %; as a percentage
	// (phe_proportion multiplier = 100) every figure is × 100. Full-precision limits from
	// the hand evaluation in TestWilsonFullPrecision.
	p, err := NewProportion(81, 263, Options{Levels: []float64{0.95}, Multiplier: 100})
	if err != nil {
		t.Fatal(err)
	}
	want := Proportion{
		Estimate: Estimate{
			Statistic: StatisticProportion, Method: MethodWilson, Value: 100 * 81.0 / 263, Multiplier: 100,
			Limits: []Interval{{0.95, 25.5288519878, 36.6209576983}},
		},
		Numerator: 81, Denominator: 263,
	}
	if diff := cmp.Diff(want, p, cmpopts.EquateApprox(1e-10, 0)); diff != "" {
		t.Errorf("-want +got\n%s", diff)
	}
	// Default levels are 95 % and 99.8 %, in that order.
	d, err := NewProportion(81, 263, Options{})
	if err != nil || len(d.Limits) != 2 || d.Limits[0].Level != 0.95 || d.Limits[1].Level != 0.998 {
		t.Fatalf("default levels: %v, %v", d.Limits, err)
	}
}

func TestProportionReportsEveryProblem(t *testing.T) {
	_, err := NewProportion(5, 4, Options{Levels: []float64{0.95, 0.5, 0.95}, Multiplier: 7})
	wantPaths := []string{"/levels/1", "/levels/2", "/multiplier", "/numerator"}
	if diff := cmp.Diff(wantPaths, paths(err)); diff != "" {
		t.Errorf("paths -want +got\n%s", diff)
	}
	if !errors.Is(err, ErrOutOfRange) || !errors.Is(err, ErrDuplicate) {
		t.Errorf("error %v does not match ErrOutOfRange and ErrDuplicate", err)
	}
}

// paths lists the JSON Pointers of every *FieldError in err.
func paths(err error) []string {
	var out []string
	var walk func(error)
	walk = func(e error) {
		if j, ok := e.(interface{ Unwrap() []error }); ok {
			for _, x := range j.Unwrap() {
				walk(x)
			}
			return
		}
		var fe *FieldError
		if errors.As(e, &fe) {
			out = append(out, fe.Path)
		}
	}
	if err != nil {
		walk(err)
	}
	return out
}

func TestRate(t *testing.T) {
	// 7 events in 50,000: exact limits of 7 (Garwood, computed at 40 digits with mpmath:
	// 2.81436305151987–14.4226753617024) / 50,000 × 100,000.
	r, err := NewRate(7, 50000, Options{Levels: []float64{0.95}})
	if err != nil {
		t.Fatal(err)
	}
	want := Rate{
		Estimate: Estimate{Statistic: StatisticCrudeRate, Method: MethodExactPoisson, Value: 14, Multiplier: 100000,
			Limits: []Interval{{0.95, 5.62872610303974, 28.8453507234048}}},
		Count: 7, Denominator: 50000,
	}
	if diff := cmp.Diff(want, r, cmpopts.EquateApprox(1e-10, 0)); diff != "" {
		t.Errorf("exact: -want +got\n%s", diff)
	}
	// 65 events in 17,000: Byar's limits of 65 by hand (mpmath, 40 digits):
	// 95 %: 65·(1 − 1/585 − z/(3√65))³ = 50.1631877104594, 66·(1 − 1/594 + z/(3√66))³ =
	// 82.8491385459399; / 17,000 × 100,000.
	r, err = NewRate(65, 17000, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want = Rate{
		Estimate: Estimate{Statistic: StatisticCrudeRate, Method: MethodByar, Value: 382.352941176471, Multiplier: 100000,
			Limits: []Interval{{0.95, 295.077574767408, 487.347873799646}, {0.998, 252.236832185178, 552.942887319518}}},
		Count: 65, Denominator: 17000,
	}
	if diff := cmp.Diff(want, r, cmpopts.EquateApprox(1e-12, 0)); diff != "" {
		t.Errorf("byar: -want +got\n%s", diff)
	}
}

func TestMean(t *testing.T) {
	// Values 1 … 5: mean 3, s = √(10/4) = 1.58113883, s/√5 = 0.70710678; t(0.975; 4) =
	// 2.77644510519779 and t(0.999; 4) = 7.17318221978231 (mpmath, incomplete beta), so the
	// limits are 3 ∓ 1.96324316147755 and 3 ∓ 5.07220579029484.
	want := Mean{
		Estimate: Estimate{Statistic: StatisticMean, Method: MethodStudentT, Value: 3, Multiplier: 1,
			Limits: []Interval{{0.95, 1.03675683852245, 4.96324316147755}, {0.998, -2.07220579029484, 8.07220579029484}}},
		Count: 5, Sum: 15, SD: math.Sqrt(2.5),
	}
	m, err := NewMean([]float64{4, 2, 5, 1, 3}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, m, cmpopts.EquateApprox(1e-12, 1e-14)); diff != "" {
		t.Errorf("raw: -want +got\n%s", diff)
	}
	var tally MeanTally
	for _, x := range []float64{4, 2, 5, 1, 3} {
		if err := tally.Add(x); err != nil {
			t.Fatal(err)
		}
	}
	got, err := tally.Mean(Options{})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, got, cmpopts.EquateApprox(1e-12, 1e-14)); diff != "" {
		t.Errorf("tally: -want +got\n%s", diff)
	}
	// Summary statistics: n = 100, mean 50, s = 10; t(0.975; 99) = 1.98421695158642,
	// t(0.999; 99) = 3.17460384975575 (mpmath); limits 50 ∓ t·10/10.
	s, err := NewMeanFromSummary(100, 50, 10, Options{})
	if err != nil {
		t.Fatal(err)
	}
	wantS := []Interval{{0.95, 48.0157830484136, 51.9842169515864}, {0.998, 46.8253961502442, 53.1746038497558}}
	if diff := cmp.Diff(wantS, s.Limits, cmpopts.EquateApprox(1e-12, 0)); diff != "" {
		t.Errorf("summary: -want +got\n%s", diff)
	}
	// Equal values: s = 0 and the limits are the mean (phe_mean).
	c, err := NewMean([]float64{7, 7, 7}, Options{Levels: []float64{0.95}})
	if err != nil || c.Limits[0] != (Interval{0.95, 7, 7}) {
		t.Errorf("constant values: %v, %v", c.Limits, err)
	}
	// One value has no standard deviation: phe_mean gives NaN limits; we give an error.
	if _, err := NewMean([]float64{7}, Options{}); !errors.Is(err, ErrUndefined) {
		t.Errorf("one value: %v, want ErrUndefined", err)
	}
	if _, err := NewMean([]float64{1, math.NaN(), math.Inf(1)}, Options{}); !cmp.Equal(paths(err), []string{"/values/1", "/values/2"}) {
		t.Errorf("non-finite values: %v", err)
	}
}

// threeBand is a small standard whose DSR is worked by hand below.
func threeBand() StandardPopulation {
	return StandardPopulation{Name: "three-band", Bands: []StandardBand{
		{AgeBand{0, 39}, 60}, {AgeBand{40, 64}, 30}, {AgeBand{65, OpenEnded}, 10},
	}}
}

// TestDSRHand checks calculate_dsr's formulas worked by hand on three bands: standard
// populations w = (60, 30, 10), Σw = 100; events x = (5, 20, 40); populations
// n = (10000, 5000, 2000); O = 65.
//
//	value    = (5·60/10000 + 20·30/5000 + 40·10/2000)/100 × 1e5 = 0.35/100 × 1e5 = 350
//	variance = (5·0.006² + 20·0.006² + 40·0.005²)/100² = 1.9e-3/1e4 = 1.9e-7
//	√(variance/O)·1e5 = 5.40654873563249
//	Byar(65, 95 %) = [50.1631877104594, 82.8491385459399]
//	limits   = 350 + 5.40654873563249·(Byar − 65) = [269.784051275168, 446.50223743768]
//
// Non-independent events: the 40 events of the oldest band happened to 10 people once and
// 15 people twice, so q₃ = 10·1² + 15·2² = 70 and the variance is
// (1.8e-4 + 7.2e-4 + 70·2.5e-5)/1e4 = 2.65e-7; the value is unchanged and the 95 % limits
// widen to 350 + 6.38507875982989·(Byar − 65) = [255.265784986472, 463.968155410942].
// (All at 40 digits with Python mpmath.)
func TestDSRHand(t *testing.T) {
	var tally AgeTally
	for _, r := range []struct {
		band AgeBand
		x, n float64
	}{{AgeBand{0, 39}, 5, 10000}, {AgeBand{40, 64}, 20, 5000}, {AgeBand{65, OpenEnded}, 40, 2000}} {
		if err := tally.Add(r.band, r.x, r.n); err != nil {
			t.Fatal(err)
		}
	}
	d, err := tally.DSR(threeBand(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := DSR{
		Estimate: Estimate{Statistic: StatisticDSR, Method: MethodDobson, Value: 350, Multiplier: 100000,
			Limits: []Interval{{0.95, 269.784051275168, 446.50223743768}, {0.998, 230.40855562611, 506.791485797322}}},
		Events: 65, Population: 17000, Variance: 1.9e-7, Standard: "three-band",
	}
	if diff := cmp.Diff(want, d, cmpopts.EquateApprox(1e-12, 0)); diff != "" {
		t.Errorf("independent: -want +got\n%s", diff)
	}

	var ni AgeTally
	ni.Add(AgeBand{0, 39}, 5, 10000)
	ni.Add(AgeBand{40, 64}, 20, 5000)
	ni.Add(AgeBand{65, OpenEnded}, 0, 2000)
	ni.AddPersons(AgeBand{65, OpenEnded}, 1, 10)
	ni.AddPersons(AgeBand{65, OpenEnded}, 2, 15)
	d, err = ni.DSR(threeBand(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	want.Method = MethodDobsonNonIndependent
	want.Variance = 2.65e-7
	want.Limits = []Interval{{0.95, 255.265784986472, 463.968155410942}, {0.998, 208.763727348557, 535.169141098944}}
	if diff := cmp.Diff(want, d, cmpopts.EquateApprox(1e-12, 0)); diff != "" {
		t.Errorf("non-independent: -want +got\n%s", diff)
	}
}

// TestDSRESP2013Identity: when every band's population equals its ESP2013 population and
// every band has 1 event per 1,000 people, O = 100, value = 100 per 100,000 and the
// variance is Σx/(Σw)² = 1e-8, so √(var/O)·1e5 = 1 and the limits are exactly Byar's
// limits for 100 events (TestByarHand).
func TestDSRESP2013Identity(t *testing.T) {
	std := ESP2013()
	if len(std.Bands) != 19 || std.total() != 100000 {
		t.Fatalf("ESP2013 has %d bands totalling %v; want 19 totalling 100000", len(std.Bands), std.total())
	}
	bands := make([]BandSums, len(std.Bands))
	for i, sb := range std.Bands {
		bands[i] = BandSums{Band: sb.Band, Events: sb.Population / 1000, Population: sb.Population}
	}
	d, err := NewDSR(bands, std, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []Interval{{0.95, 81.3621054905279, 121.627937579206}, {0.998, 71.9036918725984, 134.943621762263}}
	if diff := cmp.Diff(want, d.Limits, cmpopts.EquateApprox(1e-12, 0)); diff != "" || math.Abs(d.Value-100) > 1e-12 {
		t.Errorf("value %v; limits -want +got\n%s", d.Value, diff)
	}
}

func TestDSRRefusals(t *testing.T) {
	std := threeBand()
	few := []BandSums{{AgeBand{0, 39}, 3, 100, 0}, {AgeBand{40, 64}, 3, 100, 0}, {AgeBand{65, OpenEnded}, 3, 100, 0}}
	d, err := NewDSR(few, std, Options{})
	if !errors.Is(err, ErrTooFewEvents) || d.Events != 9 || d.Limits != nil || d.Value != 0 {
		t.Errorf("9 events: %+v, %v; want totals only and ErrTooFewEvents", d, err)
	}
	bad := []BandSums{{AgeBand{0, 39}, 30, 100, 0}, {AgeBand{0, 39}, 3, 100, 0}, {AgeBand{40, 60}, 3, 0, 0}}
	_, err = NewDSR(bad, std, Options{})
	wantPaths := []string{"/bands/1/band", "/bands/2/band", "/bands/2/population", "/bands", "/bands"}
	if diff := cmp.Diff(wantPaths, paths(err)); diff != "" {
		t.Errorf("mismatched bands: paths -want +got\n%s\n%v", diff, err)
	}
	if !errors.Is(err, ErrMismatch) || !errors.Is(err, ErrDuplicate) {
		t.Errorf("error %v does not match ErrMismatch and ErrDuplicate", err)
	}
}

// TestISRHand: reference events (100, 400, 1000) in populations (100000, 50000, 20000),
// area populations (10000, 5000, 2000) with 65 events. E = 0.001·10000 + 0.008·5000 +
// 0.05·2000 = 150; ratio = 65/150; limits Byar(65)/150 (see TestDSRHand for Byar(65)).
// The reference rate is 1500/170000, so the ISRate is 65/150 × 1500/170000 × 1e5 =
// 382.352941176471. With 7 observed events the limits are exact: [2.81436305151987,
// 14.4226753617024]/150.
func TestISRHand(t *testing.T) {
	var area, ref AgeTally
	bands := []AgeBand{{0, 39}, {40, 64}, {65, OpenEnded}}
	for i, b := range bands {
		area.Add(b, []float64{5, 20, 40}[i], []float64{10000, 5000, 2000}[i])
		ref.Add(b, []float64{100, 400, 1000}[i], []float64{100000, 50000, 20000}[i])
	}
	ratio, err := area.ISRatio(&ref, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := ISR{
		Estimate: Estimate{Statistic: StatisticISRatio, Method: MethodByar, Value: 65.0 / 150, Multiplier: 1,
			Limits: []Interval{{0.95, 0.334421251403063, 0.552327590306266}, {0.998, 0.285868409809868, 0.626668605628787}}},
		Observed: 65, Expected: 150, Reference: 1,
	}
	if diff := cmp.Diff(want, ratio, cmpopts.EquateApprox(1e-12, 0)); diff != "" {
		t.Errorf("ratio -want +got\n%s", diff)
	}
	rate, err := area.ISRate(&ref, Options{})
	if err != nil {
		t.Fatal(err)
	}
	wantRate := []Interval{{0.95, 295.077574767408, 487.347873799646}, {0.998, 252.236832185178, 552.942887319518}}
	if diff := cmp.Diff(wantRate, rate.Limits, cmpopts.EquateApprox(1e-12, 0)); diff != "" || math.Abs(rate.Value-382.352941176471) > 1e-9 {
		t.Errorf("rate %v, limits -want +got\n%s", rate.Value, diff)
	}
	small, err := NewISRatio(7, 150, Options{Multiplier: 100})
	if err != nil {
		t.Fatal(err)
	}
	wantSmall := []Interval{{0.95, 1.87624203434658, 9.61511690780159}, {0.998, 1.01355750693254, 13.0841182635895}}
	if diff := cmp.Diff(wantSmall, small.Limits, cmpopts.EquateApprox(1e-10, 0)); diff != "" || small.Method != MethodExactPoisson {
		t.Errorf("small: method %v, limits -want +got\n%s", small.Method, diff)
	}
	if _, err := NewISRatio(3, 0, Options{}); !errors.Is(err, ErrUndefined) {
		t.Errorf("E = 0: %v, want ErrUndefined", err)
	}
	var stray AgeTally
	stray.Add(AgeBand{0, 4}, 1, 10)
	if _, err := ExpectedEvents(&stray, &ref); !errors.Is(err, ErrMismatch) {
		t.Errorf("band missing from reference: %v, want ErrMismatch", err)
	}
}

func TestCompare(t *testing.T) {
	// Fingertips: significant when the interval excludes the benchmark; a limit equal to
	// the benchmark is "similar".
	iv := Interval{0.95, 10, 20}
	cases := []struct {
		bench float64
		p     measure.Polarity
		want  Significance
	}{
		{5, measure.HigherIsBetter, Better},
		{5, measure.LowerIsBetter, Worse},
		{5, measure.NoJudgement, Higher},
		{25, measure.HigherIsBetter, Worse},
		{25, measure.LowerIsBetter, Better},
		{25, measure.NoJudgement, Lower},
		{15, measure.HigherIsBetter, Similar},
		{10, measure.HigherIsBetter, Similar},
		{20, measure.NoJudgement, Similar},
	}
	for _, c := range cases {
		got, err := Compare(iv, c.bench, c.p)
		if err != nil || got != c.want {
			t.Errorf("Compare(%v, %v, %v) = %v, %v; want %v", iv, c.bench, c.p, got, err, c.want)
		}
	}
	if _, err := Compare(iv, math.NaN(), 0); !cmp.Equal(paths(err), []string{"/polarity", "/benchmark"}) {
		t.Errorf("bad polarity and benchmark: %v", err)
	}
	e := Estimate{Limits: []Interval{{0.95, 10, 20}, {0.998, 4, 26}}}
	if s, err := e.Compare(5, 0.998, measure.HigherIsBetter); err != nil || s != Similar {
		t.Errorf("99.8 %% comparison = %v, %v; want similar", s, err)
	}
	if _, err := e.Compare(5, 0.9, measure.HigherIsBetter); !errors.Is(err, ErrNoInterval) {
		t.Errorf("missing level: %v, want ErrNoInterval", err)
	}
}

func TestEnumerations(t *testing.T) {
	for _, s := range []interface {
		String() string
		Valid() bool
	}{Method(0), Statistic(0), Significance(0), QuantileOrder(0), Method(99)} {
		if s.Valid() || s.String()[:2] != "%!" {
			t.Errorf("invalid value %d: Valid %v, String %q", s, s.Valid(), s.String())
		}
	}
	round := func(m interface {
		MarshalText() ([]byte, error)
	}, un interface{ UnmarshalText([]byte) error }) {
		b, err := m.MarshalText()
		if err != nil {
			t.Fatal(err)
		}
		if err := un.UnmarshalText(b); err != nil {
			t.Fatal(err)
		}
	}
	for m := MethodWilson; m <= MethodDobsonNonIndependent; m++ {
		var got Method
		round(m, &got)
		if got != m || m.Name() == "" {
			t.Errorf("method %v round-tripped to %v", m, got)
		}
	}
	for s := StatisticProportion; s <= StatisticISRate; s++ {
		var got Statistic
		round(s, &got)
		if got != s {
			t.Errorf("statistic %v round-tripped to %v", s, got)
		}
	}
	if s, err := ParseStatistic("DSR"); err != nil || s != StatisticDSR {
		t.Errorf(`ParseStatistic("DSR") = %v, %v`, s, err)
	}
	if m, err := ParseMethod("Byars"); err != nil || m != MethodByar {
		t.Errorf(`ParseMethod("Byars") = %v, %v`, m, err)
	}
	if _, err := Method(0).MarshalText(); err == nil {
		t.Error("marshalling the zero Method succeeded")
	}
}

func TestAgeBands(t *testing.T) {
	good := map[string]AgeBand{"0-4": {0, 4}, "05-09": {5, 9}, "5 to 9": {5, 9}, "85–89": {85, 89},
		"90+": {90, OpenEnded}, "90 and over": {90, OpenEnded}, "Aged 65 plus": {65, OpenEnded}, "0-0": {0, 0}}
	for s, want := range good {
		got, err := ParseAgeBand(s)
		if err != nil || got != want {
			t.Errorf("ParseAgeBand(%q) = %v, %v; want %v", s, got, err, want)
		}
	}
	for _, s := range []string{"", "4-0", "a-b", "-5", "90", "0-151", "1000+", "0-4-9"} {
		if _, err := ParseAgeBand(s); !errors.Is(err, ErrOutOfRange) {
			t.Errorf("ParseAgeBand(%q) error = %v, want ErrOutOfRange", s, err)
		}
	}
	if s := (AgeBand{5, 1}).String(); s != "%!AgeBand(5,1)" {
		t.Errorf("invalid band prints %q", s)
	}
	if err := ESP2013().Validate(); err != nil {
		t.Errorf("ESP2013 does not validate: %v", err)
	}
	bad := StandardPopulation{Bands: []StandardBand{{AgeBand{0, 10}, 1}, {AgeBand{5, 20}, -1}}}
	if diff := cmp.Diff([]string{"/bands/1/band", "/bands/1/population"}, paths(bad.Validate())); diff != "" {
		t.Errorf("overlapping standard: -want +got\n%s", diff)
	}
}

// TestPropertyMergedTalliesEqualOnePass draws record-level numerators and denominators as
// whole numbers and splits them between two workers; merged tallies must equal one pass bit
// for bit. stat_exact_test.go does the same for fractional values, many workers, random
// orders and merge trees.
func TestPropertyMergedTalliesEqualOnePass(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		n := rapid.IntRange(0, 200).Draw(t, "records")
		split := rapid.IntRange(0, n).Draw(t, "split")
		var one, a, b Tally
		var mOne, mA, mB MeanTally
		var aOne, aA, aB AgeTally
		for i := range n {
			x := float64(rapid.IntRange(0, 50).Draw(t, "x"))
			d := x + float64(rapid.IntRange(0, 1000).Draw(t, "extra"))
			band := AgeBand{5 * rapid.IntRange(0, 3).Draw(t, "band"), 0}
			band.To = band.From + 4
			one.Add(x, d)
			mOne.Add(x)
			aOne.Add(band, x, d)
			if i < split {
				a.Add(x, d)
				mA.Add(x)
				aA.Add(band, x, d)
			} else {
				b.Add(x, d)
				mB.Add(x)
				aB.Add(band, x, d)
			}
		}
		a.Merge(&b)
		if a.Numerator() != one.Numerator() || a.Denominator() != one.Denominator() || a.Records() != one.Records() {
			t.Fatalf("merged tally %v/%v (%d) != one pass %v/%v (%d)", a.Numerator(), a.Denominator(), a.Records(), one.Numerator(), one.Denominator(), one.Records())
		}
		if diff := cmp.Diff(aOne.Bands(), func() []BandSums { aA.Merge(&aB); return aA.Bands() }()); diff != "" {
			t.Fatalf("merged age tally differs: %s", diff)
		}
		mA.Merge(&mB)
		if mA.Count() != mOne.Count() {
			t.Fatalf("merged mean count %d != %d", mA.Count(), mOne.Count())
		}
		if n >= 2 {
			got, err1 := mA.Mean(Options{})
			want, err2 := mOne.Mean(Options{})
			if err1 != nil || err2 != nil {
				t.Fatal(err1, err2)
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Fatalf("merged mean differs: %s", diff)
			}
		}
	})
}

func TestPropertyMergedFractionalTalliesMatch(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		xs := rapid.SliceOfN(rapid.Float64Range(0, 1e6), 1, 100).Draw(t, "values")
		parts := rapid.IntRange(1, 8).Draw(t, "workers")
		var one Tally
		workers := make([]Tally, parts)
		for i, x := range xs {
			one.Add(x, 2*x+1)
			workers[i%parts].Add(x, 2*x+1)
		}
		var merged Tally
		for i := range workers {
			merged.Merge(&workers[i])
		}
		if merged != one || merged.Numerator() != one.Numerator() || merged.Denominator() != one.Denominator() {
			t.Fatalf("merged %v/%v, one pass %v/%v", merged.Numerator(), merged.Denominator(), one.Numerator(), one.Denominator())
		}
	})
}

func TestPropertyEstimatesBracketAndAreMonotone(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		n := float64(rapid.IntRange(1, 1_000_000).Draw(t, "denominator"))
		x := float64(rapid.IntRange(0, int(n)-1).Draw(t, "numerator"))
		o := Options{Levels: []float64{genLevel().Draw(t, "level")}}
		p1, err1 := NewProportion(x, n, o)
		p2, err2 := NewProportion(x+1, n, o)
		r1, err3 := NewRate(x, n, o)
		r2, err4 := NewRate(x+1, n, o)
		if err := errors.Join(err1, err2, err3, err4); err != nil {
			t.Fatal(err)
		}
		for _, e := range []Estimate{p1.Estimate, p2.Estimate, r1.Estimate, r2.Estimate} {
			if !e.Limits[0].Contains(e.Value) {
				t.Fatalf("%v limits %v do not contain the value %v", e.Statistic, e.Limits[0], e.Value)
			}
		}
		if !(p2.Limits[0].Lower >= p1.Limits[0].Lower && p2.Limits[0].Upper >= p1.Limits[0].Upper) {
			t.Fatalf("proportion limits fell with one more event: %v then %v", p1.Limits[0], p2.Limits[0])
		}
		if !(r2.Limits[0].Lower >= r1.Limits[0].Lower && r2.Limits[0].Upper > r1.Limits[0].Upper) {
			t.Fatalf("rate limits fell with one more event: %v then %v", r1.Limits[0], r2.Limits[0])
		}
	})
}

func TestPropertyDSRBracketsAndScales(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		std := ESP2013()
		bands := make([]BandSums, len(std.Bands))
		for i, sb := range std.Bands {
			pop := float64(rapid.IntRange(1, 100000).Draw(t, "population"))
			bands[i] = BandSums{Band: sb.Band, Events: float64(rapid.IntRange(0, int(pop)).Draw(t, "events")), Population: pop}
		}
		d, err := NewDSR(bands, std, Options{})
		if errors.Is(err, ErrTooFewEvents) {
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		for _, iv := range d.Limits {
			if !iv.Contains(d.Value) {
				t.Fatalf("limits %v do not contain %v", iv, d.Value)
			}
		}
		// Doubling every population halves the rate (the events are unchanged).
		for i := range bands {
			bands[i].Population *= 2
		}
		h, err := NewDSR(bands, std, Options{})
		if err != nil || math.Abs(h.Value-d.Value/2) > 1e-9*d.Value {
			t.Fatalf("doubling populations: %v then %v (%v)", d.Value, h.Value, err)
		}
	})
}
