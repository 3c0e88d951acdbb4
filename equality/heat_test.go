package equality_test

import (
	"encoding/json"
	"errors"
	"math"
	"sort"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/peopleandcommunities/engage/equality"
	"github.com/peopleandcommunities/engage/internal/enum"
)

// heatProblem is one located problem: a JSON Pointer and its sentinel.
type heatProblem struct {
	Path string
	Err  error
}

// heatProblems flattens an error from Summarise into its located problems, sorted by path.
func heatProblems(t *testing.T, err error) []heatProblem {
	t.Helper()
	var out []heatProblem
	var walk func(error)
	walk = func(e error) {
		if j, ok := e.(interface{ Unwrap() []error }); ok {
			for _, x := range j.Unwrap() {
				walk(x)
			}
			return
		}
		var fe *equality.FieldError
		if !errors.As(e, &fe) {
			t.Fatalf("error %v is not a *FieldError", e)
		}
		out = append(out, heatProblem{fe.Path, fe.Err})
	}
	if err != nil {
		walk(err)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out
}

func TestSummariseValidation(t *testing.T) {
	good := heatABC(true)
	ordered := heatOrderedSample()
	cases := []struct {
		name   string
		m      equality.SummaryMeasure
		groups []equality.Subgroup
		opts   equality.SummaryOptions
		want   []heatProblem
	}{
		{"too few", equality.SummaryD, good[:1], equality.SummaryOptions{},
			[]heatProblem{{"/subgroups", equality.ErrTooFewGroups}}},
		{"every problem at once", equality.SummaryBGV, []equality.Subgroup{
			{Name: "", Estimate: -1, Population: 10},
			{Name: "x", Estimate: math.NaN(), SE: heatSE(-1), Population: -5},
			{Name: "x", Estimate: 1, Population: math.Inf(1), Reference: true},
		}, equality.SummaryOptions{Confidence: 0.5, Scale: -1, Favourability: 9, Simulations: 5, SettingAverage: heatSE(math.NaN())},
			[]heatProblem{
				{"/confidence", equality.ErrOutOfRange},
				{"/favourability", equality.ErrOutOfRange},
				{"/scale", equality.ErrOutOfRange},
				{"/settingAverage", equality.ErrOutOfRange},
				{"/simulations", equality.ErrOutOfRange},
				{"/subgroups/0/estimate", equality.ErrOutOfRange},
				{"/subgroups/0/name", equality.ErrHEATMissing},
				{"/subgroups/1/estimate", equality.ErrOutOfRange},
				{"/subgroups/1/population", equality.ErrOutOfRange},
				{"/subgroups/1/se", equality.ErrOutOfRange},
				{"/subgroups/2/name", equality.ErrHEATInconsistent},
				{"/subgroups/2/population", equality.ErrOutOfRange},
			}},
		{"populations for some only", equality.SummaryD, []equality.Subgroup{
			{Name: "a", Estimate: 1, Population: 10}, {Name: "b", Estimate: 2}},
			equality.SummaryOptions{}, []heatProblem{{"/subgroups/1/population", equality.ErrHEATMissing}}},
		{"two references", equality.SummaryD, []equality.Subgroup{
			{Name: "a", Estimate: 1, Reference: true}, {Name: "b", Estimate: 2, Reference: true}},
			equality.SummaryOptions{}, []heatProblem{{"/subgroups/1/reference", equality.ErrHEATInconsistent}}},
		{"orders not 1…K", equality.SummarySII, []equality.Subgroup{
			{Name: "a", Estimate: 1, Order: 1}, {Name: "b", Estimate: 2, Order: 1},
			{Name: "c", Estimate: 3, Order: 5}, {Name: "d", Estimate: 4, Order: 2, Reference: true}},
			equality.SummaryOptions{Ordered: true}, []heatProblem{
				{"/subgroups/1/order", equality.ErrHEATInconsistent},
				{"/subgroups/2/order", equality.ErrOutOfRange},
				{"/subgroups/3/reference", equality.ErrHEATInconsistent},
			}},
		{"ordered measure, non-ordered dimension", equality.SummarySII, good, equality.SummaryOptions{},
			[]heatProblem{{"/ordered", equality.ErrHEATNotApplicable}}},
		{"non-ordered measure, ordered dimension", equality.SummaryBGV, ordered, equality.SummaryOptions{Ordered: true},
			[]heatProblem{{"/ordered", equality.ErrHEATNotApplicable}}},
		{"complex measure, two subgroups", equality.SummaryBGV, good[:2], equality.SummaryOptions{},
			[]heatProblem{{"/subgroups", equality.ErrTooFewGroups}}},
		{"favourability and reference missing", equality.SummaryMDRW, heatNoPop(heatABC(false)), equality.SummaryOptions{},
			[]heatProblem{{"/subgroups", equality.ErrHEATMissing}, {"/subgroups", equality.ErrHEATMissing}}},
		{"ordered D needs favourability", equality.SummaryD, ordered, equality.SummaryOptions{Ordered: true},
			[]heatProblem{{"/favourability", equality.ErrHEATMissing}}},
		{"PAF needs populations or setting average", equality.SummaryPAF, heatNoPop(good), equality.SummaryOptions{Favourability: equality.Adverse},
			[]heatProblem{{"/settingAverage", equality.ErrHEATMissing}}},
		{"logistic SII needs estimates within the scale", equality.SummarySII, ordered, equality.SummaryOptions{Ordered: true, Scale: 1},
			[]heatProblem{
				{"/subgroups/0/estimate", equality.ErrOutOfRange}, {"/subgroups/1/estimate", equality.ErrOutOfRange},
				{"/subgroups/2/estimate", equality.ErrOutOfRange}, {"/subgroups/3/estimate", equality.ErrOutOfRange},
				{"/subgroups/4/estimate", equality.ErrOutOfRange},
			}},
		{"regression needs populations of people", equality.SummaryRII, func() []equality.Subgroup {
			g := heatOrderedSample()
			g[2].Population = 0.4
			return g
		}(), equality.SummaryOptions{Ordered: true, Linear: true},
			[]heatProblem{{"/subgroups/2/population", equality.ErrOutOfRange}}},
		{"simulated percentage above 100", equality.SummaryMDMW, func() []equality.Subgroup {
			g := heatABC(false)
			g[1].Estimate = 130
			return g
		}(), equality.SummaryOptions{Scale: 100}, []heatProblem{{"/subgroups/1/estimate", equality.ErrOutOfRange}}},
		{"invalid measure", 0, good, equality.SummaryOptions{}, []heatProblem{{"/measure", equality.ErrOutOfRange}}},
		{"too much simulation", equality.SummaryBGSD, good, equality.SummaryOptions{Simulations: equality.HEATMaxSimulations * 2},
			[]heatProblem{{"/simulations", equality.ErrOutOfRange}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := equality.Summarise(tc.m, tc.groups, tc.opts)
			if err == nil {
				t.Fatal("Summarise succeeded")
			}
			got := heatProblems(t, err)
			if diff := cmp.Diff(tc.want, got, cmpopts.EquateErrors()); diff != "" {
				t.Errorf("problems (-want +got):\n%s\nerror: %v", diff, err)
			}
		})
	}
}

func TestSummariseUndefined(t *testing.T) {
	zeros := heatABC(false)
	for i := range zeros {
		zeros[i].Estimate = 0
	}
	cases := []struct {
		name   string
		m      equality.SummaryMeasure
		groups []equality.Subgroup
		opts   equality.SummaryOptions
		path   string
	}{
		{"ratio over 0", equality.SummaryR, func() []equality.Subgroup {
			g := heatABC(false)
			g[0].Estimate = 0
			return g
		}(), equality.SummaryOptions{}, "/subgroups/0/estimate"},
		{"COV of zeros", equality.SummaryCOV, zeros, equality.SummaryOptions{}, "/subgroups"},
		{"IDISW of zeros", equality.SummaryIDISW, zeros, equality.SummaryOptions{}, "/subgroups"},
		{"TI of zeros", equality.SummaryTI, zeros, equality.SummaryOptions{}, "/subgroups"},
		{"PAF of zeros", equality.SummaryPAF, zeros, equality.SummaryOptions{Favourability: equality.Favourable}, "/subgroups"},
		{"logistic separation", equality.SummarySII, []equality.Subgroup{
			{Name: "a", Order: 1, Estimate: 0, Population: 100}, {Name: "b", Order: 2, Estimate: 0, Population: 100},
			{Name: "c", Order: 3, Estimate: 100, Population: 100}}, equality.SummaryOptions{Ordered: true, Scale: 100}, "/subgroups"},
		{"linear RII through 0", equality.SummaryRII, []equality.Subgroup{
			{Name: "a", Order: 1, Estimate: 0, Population: 100}, {Name: "b", Order: 2, Estimate: 0, Population: 100},
			{Name: "c", Order: 3, Estimate: 0, Population: 100}}, equality.SummaryOptions{Ordered: true, Linear: true}, "/subgroups"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := equality.Summarise(tc.m, tc.groups, tc.opts)
			var fe *equality.FieldError
			if !errors.Is(err, equality.ErrUndefined) || !errors.As(err, &fe) || fe.Path != tc.path {
				t.Fatalf("err = %v, want ErrUndefined at %s", err, tc.path)
			}
		})
	}
}

func TestSummariseNoStandardErrors(t *testing.T) {
	g := heatNoSE(heatABC(true))
	for _, m := range equality.SummaryMeasures() {
		if !m.Applies(false) {
			continue
		}
		r, err := equality.Summarise(m, g, equality.SummaryOptions{Favourability: equality.Favourable, Scale: 100})
		if err != nil {
			t.Fatalf("%s: %v", m, err)
		}
		// Every non-ordered measure except PAF and PAR (Walter's SE uses populations, not
		// standard errors) has no interval without the subgroups' standard errors.
		wantInterval := m == equality.SummaryPAF || m == equality.SummaryPAR
		if (r.Interval != nil) != wantInterval || (r.Method == equality.SummaryNoInterval) == wantInterval {
			t.Errorf("%s: interval %v, method %v", m, r.Interval, r.Method)
		}
	}
}

func heatNoSE(g []equality.Subgroup) []equality.Subgroup {
	out := append([]equality.Subgroup(nil), g...)
	for i := range out {
		out[i].SE = nil
	}
	return out
}

func TestSummariseAllTables(t *testing.T) {
	tab, err := equality.SummariseAll(heatOrderedSample(), equality.SummaryOptions{Ordered: true, Favourability: equality.Favourable, Scale: 100})
	if err != nil {
		t.Fatal(err)
	}
	var got []equality.SummaryMeasure
	for _, r := range tab.Results {
		got = append(got, r.Measure)
	}
	want := []equality.SummaryMeasure{equality.SummaryD, equality.SummaryR, equality.SummarySII, equality.SummaryRII,
		equality.SummaryACI, equality.SummaryRCI, equality.SummaryPAF, equality.SummaryPAR}
	if diff := cmp.Diff(want, got); diff != "" || len(tab.Omitted) != 0 {
		t.Errorf("ordered table (-want +got):\n%s omitted %v", diff, tab.Omitted)
	}
	// Non-ordered without a reference: MDRU and MDRW are omitted with ErrHEATMissing, and each
	// row equals what Summarise gives.
	opts := equality.SummaryOptions{Favourability: equality.Favourable, Scale: 100, Seed: 7, Simulations: 500}
	tab, err = equality.SummariseAll(heatABC(false), opts)
	if err != nil {
		t.Fatal(err)
	}
	if len(tab.Results) != 15 || len(tab.Omitted) != 2 || !errors.Is(tab.Omitted[0].Err, equality.ErrHEATMissing) ||
		tab.Omitted[0].Measure != equality.SummaryMDRU || tab.Omitted[1].Measure != equality.SummaryMDRW {
		t.Fatalf("non-ordered table: %d results, omitted %+v", len(tab.Results), tab.Omitted)
	}
	for _, r := range tab.Results {
		one, err := equality.Summarise(r.Measure, heatABC(false), opts)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(one, r); diff != "" {
			t.Errorf("%s: table row differs from Summarise (-one +row):\n%s", r.Measure, diff)
		}
	}
	if r, ok := tab.Result(equality.SummaryBGV); !ok || r.Estimate != 144 {
		t.Errorf("Result(BGV) = %v, %v", r, ok)
	}
	if _, ok := tab.Result(equality.SummarySII); ok {
		t.Error("Result(SII) found in a non-ordered table")
	}
	if _, err := equality.SummariseAll(nil, equality.SummaryOptions{}); !errors.Is(err, equality.ErrTooFewGroups) {
		t.Errorf("SummariseAll(nil) error = %v", err)
	}
}

func TestSummariseResultFields(t *testing.T) {
	r, err := equality.Summarise(equality.SummaryD, heatOrderedSample(), equality.SummaryOptions{Ordered: true, Favourability: equality.Adverse})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"Quintile 1 (poorest)", "Quintile 5 (richest)"}, r.Compared); diff != "" {
		t.Errorf("Compared (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"Quintile 1 (poorest)", "Quintile 5 (richest)"}, r.Subgroups); diff != "" {
		t.Errorf("Subgroups (-want +got):\n%s", diff)
	}
	// Subgroups keep input order even when the input is not sorted by order.
	shuffled := heatOrderedSample()
	shuffled[0], shuffled[4] = shuffled[4], shuffled[0]
	r, err = equality.Summarise(equality.SummarySII, shuffled, equality.SummaryOptions{Ordered: true})
	if err != nil {
		t.Fatal(err)
	}
	if r.Subgroups[0] != "Quintile 5 (richest)" || math.Abs(r.Estimate-31.61763) > 1e-4 {
		t.Errorf("shuffled SII = %v over %v", r.Estimate, r.Subgroups)
	}
	r, err = equality.Summarise(equality.SummaryMDRW, heatABC(true), equality.SummaryOptions{})
	if err != nil || r.Reference != "B" {
		t.Errorf("MDRW reference = %q, %v", r.Reference, err)
	}
	r, err = equality.Summarise(equality.SummaryMDBU, heatABC(false), equality.SummaryOptions{Favourability: equality.Adverse})
	if err != nil || r.Reference != "A" {
		t.Errorf("MDBU best = %q, %v", r.Reference, err)
	}
}

// TestSummariseSimulation checks the Monte Carlo intervals against an analytic case: with the
// reference subgroup far below the others, MDRU = (1/K) Σ_{j≠ref} (y_j − y_ref) is linear in
// the estimates, so its sampling distribution is normal with
// SD = (1/K) √(Σ_{j≠ref} s_j² + (K − 1)² s_ref²) and the simulated limits must approach
// MDRU ∓ z·SD. Here K = 3, y = (40, 50, 10), s = (2, 3, 1), ref = 10: MDRU = (30 + 40)/3,
// SD = √(4 + 9 + 4)/3 = √17/3. With 200,000 replicates the Monte Carlo error of a 95 % limit is
// about 0.006 SD.
func TestSummariseSimulation(t *testing.T) {
	g := []equality.Subgroup{
		{Name: "a", Estimate: 40, SE: heatSE(2)},
		{Name: "b", Estimate: 50, SE: heatSE(3)},
		{Name: "c", Estimate: 10, SE: heatSE(1), Reference: true},
	}
	sd := math.Sqrt(17) / 3
	for _, conf := range []float64{0.95, 0.9} {
		z := heatZ95
		if conf == 0.9 {
			z = 1.6448536269514722 // Φ⁻¹(0.95)
		}
		r, err := equality.Summarise(equality.SummaryMDRU, g, equality.SummaryOptions{Confidence: conf, Simulations: 200000, Seed: 42})
		if err != nil {
			t.Fatal(err)
		}
		want := heatWant{70.0 / 3, sd, 70.0/3 - z*sd, 70.0/3 + z*sd}
		if diff := cmp.Diff(want, heatGot(r), cmpopts.EquateApprox(0, 0.03*sd)); diff != "" {
			t.Errorf("confidence %v (-want +got):\n%s", conf, diff)
		}
		if r.Method != equality.SummarySimulated || r.Simulations != 200000 || r.Seed != 42 || r.Interval.Level != conf {
			t.Errorf("metadata: %+v", r)
		}
	}
	// Zero standard errors: every replicate equals the estimate.
	for i := range g {
		g[i].SE = heatSE(0)
	}
	r, err := equality.Summarise(equality.SummaryMDRU, g, equality.SummaryOptions{})
	if err != nil || r.Interval.Lower != r.Estimate || r.Interval.Upper != r.Estimate || *r.SE != 0 {
		t.Errorf("zero SEs: %+v, %v", r, err)
	}
}

func TestSummariseSimulationNotes(t *testing.T) {
	// Equal estimates with large standard errors: BGSD is 0 but every replicate is positive, so
	// the percentile interval lies above the estimate, and the note says so.
	g := heatABC(false)
	for i := range g {
		g[i].Estimate = 50
	}
	r, err := equality.Summarise(equality.SummaryBGSD, g, equality.SummaryOptions{Simulations: 1000})
	if err != nil {
		t.Fatal(err)
	}
	if r.Estimate != 0 || !(r.Interval.Lower > 0) || !containsString(r.Note, "lies above the estimate") {
		t.Errorf("BGSD of equal estimates: %+v", r)
	}
}

func containsString(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return true
		}
	}
	return false
}

func TestSummaryEnumerations(t *testing.T) {
	for _, m := range equality.SummaryMeasures() {
		text, err := m.MarshalText()
		if err != nil {
			t.Fatalf("%d: %v", m, err)
		}
		var back equality.SummaryMeasure
		if err := back.UnmarshalText(text); err != nil || back != m || m.Name() == "" {
			t.Errorf("%s round trip: %v, %v", text, back, err)
		}
	}
	for in, want := range map[string]equality.SummaryMeasure{
		"D": equality.SummaryD, "covar": equality.SummaryCOV, "PARISK": equality.SummaryPAR,
		"Theil": equality.SummaryTI, "mdrw": equality.SummaryMDRW,
	} {
		if got, err := equality.ParseSummaryMeasure(in); err != nil || got != want {
			t.Errorf("ParseSummaryMeasure(%q) = %v, %v", in, got, err)
		}
	}
	if _, err := equality.ParseSummaryMeasure("gini"); !errors.Is(err, enum.ErrUnknown) {
		t.Errorf("ParseSummaryMeasure(gini) error = %v", err)
	}
	if got := equality.SummaryMeasure(99).String(); got != "%!SummaryMeasure(99)" {
		t.Errorf("String = %q", got)
	}
	if equality.SummaryMeasure(0).Valid() || equality.SummaryMeasure(0).Name() != "" || equality.SummaryMeasure(0).Applies(true) {
		t.Error("the zero measure is valid")
	}
	for in, want := range map[string]equality.Favourability{
		"favourable": equality.Favourable, "Favorable": equality.Favourable, "lower is better": equality.Adverse,
		"unfavourable": equality.Adverse,
	} {
		if got, err := equality.ParseFavourability(in); err != nil || got != want {
			t.Errorf("ParseFavourability(%q) = %v, %v", in, got, err)
		}
	}
	if got := equality.Favourability(0).String(); got != "%!Favourability(0)" {
		t.Errorf("String = %q", got)
	}
	if _, err := equality.Favourability(3).MarshalText(); err == nil {
		t.Error("MarshalText(3) succeeded")
	}
	for _, m := range []equality.SummaryMethod{equality.SummaryAnalytic, equality.SummarySimulated, equality.SummaryNoInterval} {
		text, _ := m.MarshalText()
		var back equality.SummaryMethod
		if err := back.UnmarshalText(text); err != nil || back != m {
			t.Errorf("method %s round trip: %v", text, err)
		}
	}
	// Which measures apply where, and how many subgroups they need.
	var ordered, nonOrdered int
	for _, m := range equality.SummaryMeasures() {
		if m.Applies(true) {
			ordered++
		}
		if m.Applies(false) {
			nonOrdered++
		}
	}
	if ordered != 8 || nonOrdered != 17 || equality.SummaryR.MinSubgroups() != 2 || equality.SummaryTI.MinSubgroups() != 3 {
		t.Errorf("applicability: %d ordered, %d non-ordered", ordered, nonOrdered)
	}
	if !equality.SummaryRII.Relative() || equality.SummarySII.Relative() {
		t.Error("Relative is wrong for SII/RII")
	}
}

func TestSummaryJSONRoundTrip(t *testing.T) {
	tab, err := equality.SummariseAll(heatABC(true), equality.SummaryOptions{Favourability: equality.Favourable, Scale: 100, Simulations: 200})
	if err != nil {
		t.Fatal(err)
	}
	data, err := json.Marshal(tab)
	if err != nil {
		t.Fatal(err)
	}
	var back equality.SummaryTable
	if err := json.Unmarshal(data, &back); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(tab, back, cmpopts.IgnoreFields(equality.SummaryOmission{}, "Err")); diff != "" {
		t.Errorf("round trip (-want +got):\n%s", diff)
	}
	// Inputs round-trip too, with camelCase names and slugs.
	in := struct {
		Subgroups []equality.Subgroup     `json:"subgroups"`
		Options   equality.SummaryOptions `json:"options"`
		Measure   equality.SummaryMeasure `json:"measure"`
	}{heatABC(true), equality.SummaryOptions{Favourability: equality.Adverse, SettingAverage: heatSE(40)}, equality.SummaryMDRW}
	data, err = json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"subgroups":[{"name":"A","estimate":20,"se":2,"population":100},{"name":"B","estimate":30,"se":3,"population":200,"reference":true},{"name":"C","estimate":50,"se":5,"population":200}],"options":{"ordered":false,"favourability":"adverse","settingAverage":40},"measure":"mdrw"}`
	if string(data) != want {
		t.Errorf("JSON =\n%s\nwant\n%s", data, want)
	}
	var inBack = in
	inBack.Subgroups = nil
	if err := json.Unmarshal(data, &inBack); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(in, inBack); diff != "" {
		t.Errorf("input round trip (-want +got):\n%s", diff)
	}
}
