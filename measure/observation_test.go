package measure_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/peopleandcommunities/engage/internal/field"
	"github.com/peopleandcommunities/engage/measure"
	"github.com/peopleandcommunities/engage/schemas"
)

func date(t testing.TB, s string) measure.Date {
	t.Helper()
	d, err := measure.ParseDate(s)
	if err != nil {
		t.Fatalf("ParseDate(%q): %v", s, err)
	}
	return d
}

func period(t testing.TB, start, end string) measure.Period {
	t.Helper()
	return measure.Period{Start: date(t, start), End: date(t, end)}
}

func ptr[T any](v T) *T { return &v }

// The Gregorian calendar's rules (ISO 8601): a year divisible by 4 is a leap year unless it is
// divisible by 100 and not by 400.
var parseDateTests = []struct {
	in string
	ok bool
}{
	{"2024-02-29", true},  // 2024 is divisible by 4
	{"2023-02-29", false}, // 2023 is not
	{"2000-02-29", true},  // divisible by 400
	{"1900-02-29", false}, // divisible by 100, not 400
	{"2025-04-31", false}, // April has 30 days
	{"2025-12-31", true},
	{"2025-13-01", false},
	{"2025-00-10", false},
	{"2025-01-00", false},
	{"1899-12-31", false}, // before MinYear
	{"3000-01-01", false}, // after MaxYear
	{"2025-1-01", false},
	{"2025/01/01", false},
	{"20250101", false},
	{"2025-01-01T00:00:00Z", false},
	{"２０２５-01-01", false},
	{"", false},
}

func TestParseDate(t *testing.T) {
	for _, tc := range parseDateTests {
		d, err := measure.ParseDate(tc.in)
		if (err == nil) != tc.ok {
			t.Errorf("ParseDate(%q) error = %v, want ok %v", tc.in, err, tc.ok)
			continue
		}
		if err != nil {
			if !errors.Is(err, measure.ErrOutOfRange) {
				t.Errorf("ParseDate(%q) error %v does not match ErrOutOfRange", tc.in, err)
			}
			continue
		}
		if d.String() != tc.in {
			t.Errorf("ParseDate(%q).String() = %q", tc.in, d.String())
		}
	}
}

func TestDateArithmetic(t *testing.T) {
	// Hand counts: the financial year 2024/25 runs 1 April 2024 to 31 March 2025 and holds no
	// 29 February (2025 is not a leap year), so 365 days; 2023/24 holds 29 February 2024, so
	// 366.
	tests := []struct {
		name       string
		start, end string
		days       int
	}{
		{"2024/25", "2024-04-01", "2025-03-31", 365},
		{"2023/24", "2023-04-01", "2024-03-31", 366},
		{"one day", "2025-06-15", "2025-06-15", 1},
		{"across a century", "1999-12-31", "2000-01-01", 2},
	}
	for _, tc := range tests {
		p := period(t, tc.start, tc.end)
		if got := p.Days(); got != tc.days {
			t.Errorf("%s: Days = %d, want %d", tc.name, got, tc.days)
		}
	}
	a, b := date(t, "2025-03-31"), date(t, "2025-04-01")
	if !a.Before(b) || b.Before(a) || !b.After(a) || a.Compare(a) != 0 || a.Compare(b) != -1 || b.Compare(a) != 1 {
		t.Error("Before/After/Compare disagree with the calendar")
	}
	if !(measure.Date{}).Before(a) || !(measure.Date{}).IsZero() || a.IsZero() {
		t.Error("the zero Date should be before every date and be the only zero")
	}
	if a.Year() != 2025 || a.Month() != time.March || a.Day() != 31 {
		t.Errorf("parts of %v = %d %v %d", a, a.Year(), a.Month(), a.Day())
	}
}

func TestDateJSON(t *testing.T) {
	d := date(t, "2025-03-31")
	b, err := json.Marshal(d)
	if err != nil || string(b) != `"2025-03-31"` {
		t.Fatalf("Marshal = %s, %v", b, err)
	}
	var back measure.Date
	if err := json.Unmarshal(b, &back); err != nil || back != d {
		t.Fatalf("Unmarshal = %v, %v", back, err)
	}
	if _, err := json.Marshal(measure.Date{}); !errors.Is(err, measure.ErrRequired) {
		t.Errorf("marshalling the zero Date: %v, want ErrRequired", err)
	}
}

func TestPeriod(t *testing.T) {
	p := period(t, "2024-04-01", "2025-03-31")
	if !p.Contains(date(t, "2024-04-01")) || !p.Contains(date(t, "2025-03-31")) || p.Contains(date(t, "2025-04-01")) {
		t.Error("Contains should include both ends and nothing after")
	}
	q := period(t, "2025-03-31", "2025-06-30")
	r := period(t, "2025-04-01", "2025-06-30")
	if !p.Overlaps(q) || !q.Overlaps(p) || p.Overlaps(r) || r.Overlaps(p) {
		t.Error("Overlaps should count a shared last day and nothing else")
	}
	_, err := measure.NewPeriod(date(t, "2025-04-01"), date(t, "2025-03-31"))
	var fe *field.Error
	if !errors.As(err, &fe) || fe.Path != "/end" || !errors.Is(err, measure.ErrOutOfRange) {
		t.Errorf("reversed period: %v", err)
	}
	_, err = measure.NewPeriod(measure.Date{}, measure.Date{})
	if got := paths(err); !cmp.Equal(got, []string{"/start", "/end"}) {
		t.Errorf("empty period problems at %v", got)
	}
}

// Area codes from the ONS Register of Geographic Codes and NHS lookups (E92000001 England,
// E54000008 Cheshire and Merseyside ICB, E38000050 NHS East Lancashire sub-ICB location) and
// the NHS Data Dictionary's ORGANISATION CODE coding frames (8HA03 an independent provider,
// EE134290 a school, TAK a care trust) and ODS (QYG, 01A, Y62, A81001).
func TestParseAreaCode(t *testing.T) {
	tests := []struct {
		in     string
		want   measure.AreaCode
		scheme measure.AreaScheme
	}{
		{"E92000001", "E92000001", measure.AreaGSS},
		{" e54000008 ", "E54000008", measure.AreaGSS},
		{"E38000050", "E38000050", measure.AreaGSS},
		{"W92000004", "W92000004", measure.AreaGSS},
		{"K04000001", "K04000001", measure.AreaGSS},
		{"QYG", "QYG", measure.AreaODS},
		{"01a", "01A", measure.AreaODS},
		{"Y62", "Y62", measure.AreaODS},
		{"A81001", "A81001", measure.AreaODS},
		{"8HA03", "8HA03", measure.AreaODS},
		{"EE134290", "EE134290", measure.AreaODS},
		{"TAK", "TAK", measure.AreaODS},
		{"X12345678", "", 0},  // nine characters but no country letter
		{"E9200000A", "", 0},  // nine characters, not all digits after the letter
		{"E920000011", "", 0}, // ten characters
		{"AB", "", 0},
		{"Q-Y", "", 0},
		{"", "", 0},
		{"QYG\x00", "", 0},
	}
	for _, tc := range tests {
		got, err := measure.ParseAreaCode(tc.in)
		if tc.scheme == 0 {
			if err == nil || !errors.Is(err, measure.ErrOutOfRange) {
				t.Errorf("ParseAreaCode(%q) = %q, %v; want ErrOutOfRange", tc.in, got, err)
			}
			continue
		}
		if err != nil || got != tc.want || got.Scheme() != tc.scheme {
			t.Errorf("ParseAreaCode(%q) = %q (%v), %v; want %q (%v)", tc.in, got, got.Scheme(), err, tc.want, tc.scheme)
		}
	}
}

func TestGroupAndSlug(t *testing.T) {
	g, err := measure.NewGroup("Deprivation quintile", " 1 ")
	if err != nil || g != (measure.Group{Dimension: "deprivation-quintile", Value: "1"}) || g.String() != "deprivation-quintile=1" {
		t.Errorf("NewGroup = %+v, %v", g, err)
	}
	if _, err := measure.NewGroup("", "x"); !errors.Is(err, measure.ErrOutOfRange) {
		t.Errorf("empty dimension: %v", err)
	}
	for s, want := range map[string]bool{"a": true, "a-1": true, "1": true, "-a": false, "a-": false, "a--b": false, "A": false, "a_b": false, "": false, strings.Repeat("a", 81): false} {
		if measure.IsSlug(s) != want {
			t.Errorf("IsSlug(%q) != %v", s, want)
		}
	}
}

// paths returns the JSON Pointers of every *field.Error in err.
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
		var fe *field.Error
		if errors.As(e, &fe) {
			out = append(out, fe.Path)
		}
	}
	if err != nil {
		walk(err)
	}
	return out
}

func validObservation(t testing.TB) measure.Observation {
	return measure.Observation{
		ID:          "obs-1",
		Measure:     "experience-of-care",
		Part:        "involvement-in-decisions",
		Area:        "QYG",
		Period:      period(t, "2024-04-01", "2025-03-31"),
		Value:       0.5,
		Limits:      &measure.Limits{Level: 0.95, Lower: 0.4, Upper: 0.6},
		Numerator:   ptr(50.0),
		Denominator: ptr(100.0),
		Benchmark:   &measure.Benchmark{Kind: measure.BenchmarkNational, Area: "E92000001", Value: 0.55},
		Method:      measure.Method{Statistic: "proportion", Interval: "wilson"},
		Source:      "a test",
	}
}

func TestObservationValidate(t *testing.T) {
	if err := validObservation(t).Validate(); err != nil {
		t.Fatalf("valid observation: %v", err)
	}
	tests := []struct {
		name   string
		change func(o *measure.Observation)
		want   []string
		class  error
	}{
		{"no id", func(o *measure.Observation) { o.ID = "" }, []string{"/id"}, measure.ErrRequired},
		{"no subject", func(o *measure.Observation) { o.Measure, o.Part = "", "" }, []string{""}, measure.ErrRequired},
		{"both subjects", func(o *measure.Observation) { o.Indicator = "gp-patient-survey" }, []string{"/indicator"}, measure.ErrMismatch},
		{"unknown measure", func(o *measure.Observation) { o.Measure = "no-such-measure" }, []string{"/measure"}, measure.ErrUnknownMeasure},
		{"part of another measure", func(o *measure.Observation) { o.Part = "recognition" }, []string{"/part"}, measure.ErrMismatch},
		{"part without measure", func(o *measure.Observation) { o.Measure, o.Indicator = "", "pam" }, []string{"/part"}, measure.ErrMismatch},
		{"bad area", func(o *measure.Observation) { o.Area = "qyg" }, []string{"/area"}, measure.ErrOutOfRange},
		{"no area", func(o *measure.Observation) { o.Area = "" }, []string{"/area"}, measure.ErrRequired},
		{"reversed period", func(o *measure.Observation) { o.Period.Start, o.Period.End = o.Period.End, o.Period.Start }, []string{"/period/end"}, measure.ErrOutOfRange},
		{"NaN value", func(o *measure.Observation) { o.Value = math.NaN() }, []string{"/value"}, measure.ErrOutOfRange},
		{"infinite limit", func(o *measure.Observation) { o.Limits.Upper = math.Inf(1) }, []string{"/limits/upper"}, measure.ErrOutOfRange},
		{"limit above value", func(o *measure.Observation) { o.Limits.Lower = 0.51 }, []string{"/limits/lower"}, measure.ErrOutOfRange},
		{"level 1", func(o *measure.Observation) { o.Limits.Level = 1 }, []string{"/limits/level"}, measure.ErrOutOfRange},
		{"negative numerator", func(o *measure.Observation) { o.Numerator = ptr(-1.0) }, []string{"/numerator"}, measure.ErrOutOfRange},
		{"zero denominator", func(o *measure.Observation) { o.Denominator = ptr(0.0) }, []string{"/denominator"}, measure.ErrOutOfRange},
		{"numerator above denominator", func(o *measure.Observation) { o.Numerator = ptr(101.0) }, []string{"/numerator"}, measure.ErrOutOfRange},
		{"benchmark kind", func(o *measure.Observation) { o.Benchmark.Kind = 0 }, []string{"/benchmark/kind"}, measure.ErrRequired},
		{"benchmark value", func(o *measure.Observation) { o.Benchmark.Value = math.Inf(-1) }, []string{"/benchmark/value"}, measure.ErrOutOfRange},
		{"no statistic", func(o *measure.Observation) { o.Method.Statistic = "" }, []string{"/method/statistic"}, measure.ErrRequired},
		{"no source", func(o *measure.Observation) { o.Source = "" }, []string{"/source"}, measure.ErrRequired},
		{"published too early", func(o *measure.Observation) { o.Published = ptr(date(t, "2024-01-01")) }, []string{"/published"}, measure.ErrOutOfRange},
		{"bad group", func(o *measure.Observation) { o.Group = &measure.Group{Dimension: "Sex", Value: ""} }, []string{"/group/dimension", "/group/value"}, measure.ErrOutOfRange},
		{"every problem at once", func(o *measure.Observation) {
			o.ID, o.Area, o.Value, o.Source = "", "", math.NaN(), ""
		}, []string{"/id", "/area", "/value", "/source"}, measure.ErrRequired},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			o := validObservation(t)
			tc.change(&o)
			err := o.Validate()
			if diff := cmp.Diff(tc.want, paths(err)); diff != "" {
				t.Errorf("problem paths (-want +got):\n%s\n%v", diff, err)
			}
			if !errors.Is(err, tc.class) {
				t.Errorf("error %v does not match %v", err, tc.class)
			}
		})
	}
}

func TestObservationSetValidate(t *testing.T) {
	a := validObservation(t)
	b := validObservation(t)
	set := measure.ObservationSet{Observations: []measure.Observation{a, b}}
	err := set.Validate()
	if diff := cmp.Diff([]string{"/observations/1/id", "/observations/1/period"}, paths(err)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if !errors.Is(err, measure.ErrDuplicate) {
		t.Errorf("%v does not match ErrDuplicate", err)
	}
	b.ID = "obs-2"
	b.Group = &measure.Group{Dimension: "sex", Value: "female"}
	set.Observations[1] = b
	if err := set.Validate(); err != nil {
		t.Errorf("a different group is a different series: %v", err)
	}
}

func TestParseObservations(t *testing.T) {
	data, err := os.ReadFile("testdata/observations.json")
	if err != nil {
		t.Fatal(err)
	}
	set, err := measure.ParseObservations(data)
	if err != nil {
		t.Fatalf("ParseObservations: %v", err)
	}
	if len(set.Observations) != 3 {
		t.Fatalf("%d observations", len(set.Observations))
	}
	o := set.Observations[1]
	want := measure.Observation{
		ID:          "gpps-involvement-2024-25",
		Measure:     "experience-of-care",
		Part:        "involvement-in-decisions",
		Area:        "QYG",
		Period:      measure.Period{Start: date(t, "2025-01-01"), End: date(t, "2025-03-31"), Label: "2025"},
		Value:       0.86,
		Limits:      &measure.Limits{Level: 0.95, Lower: 0.838, Upper: 0.879},
		Numerator:   ptr(860.0),
		Denominator: ptr(1000.0),
		Benchmark:   &measure.Benchmark{Kind: measure.BenchmarkNational, Area: "E92000001", Label: "England", Value: 0.9},
		Method:      measure.Method{Statistic: "proportion", Interval: "wilson", Engage: true},
		Source:      "Fictional survey extract, built for the package's tests",
		Published:   ptr(date(t, "2025-07-10")),
	}
	if diff := cmp.Diff(want, o, cmp.AllowUnexported(measure.Date{})); diff != "" {
		t.Errorf("observation 1 (-want +got):\n%s", diff)
	}
	if got := o.Available(); got != date(t, "2025-07-10") {
		t.Errorf("Available = %v", got)
	}
	if got := set.Observations[0].Available(); got != date(t, "2024-03-31") {
		t.Errorf("Available without a publication day = %v", got)
	}

	// What it marshals validates and reads back the same.
	out, err := json.Marshal(set)
	if err != nil {
		t.Fatal(err)
	}
	if err := schemas.Validate(schemas.Observations, out); err != nil {
		t.Fatalf("marshalled set does not validate: %v", err)
	}
	back, err := measure.ParseObservations(out)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(set, back, cmp.AllowUnexported(measure.Date{})); diff != "" {
		t.Errorf("round trip (-want +got):\n%s", diff)
	}
	again, _ := json.Marshal(back)
	if !bytes.Equal(out, again) {
		t.Error("re-marshalled document differs")
	}
}

func TestParseObservationsErrors(t *testing.T) {
	tests := []struct {
		name  string
		doc   string
		class error
		want  []string
	}{
		{"not JSON", `{`, schemas.ErrInvalid, nil},
		{"schema: both subjects", `{"observations":[{"id":"a","measure":"health-activation","indicator":"pam","area":"QYG","period":{"start":"2025-01-01","end":"2025-01-31"},"value":1,"method":{"statistic":"score"},"source":"x"}]}`, schemas.ErrInvalid, nil},
		{"unknown measure", `{"observations":[{"id":"a","measure":"no-such","area":"QYG","period":{"start":"2025-01-01","end":"2025-01-31"},"value":1,"method":{"statistic":"score"},"source":"x"}]}`, measure.ErrUnknownMeasure, []string{"/observations/0/measure"}},
		{"reversed period", `{"observations":[{"id":"a","measure":"health-activation","area":"QYG","period":{"start":"2025-02-01","end":"2025-01-31"},"value":1,"method":{"statistic":"score"},"source":"x"}]}`, measure.ErrOutOfRange, []string{"/observations/0/period/end"}},
		{"value outside limits", `{"observations":[{"id":"a","measure":"health-activation","area":"QYG","period":{"start":"2025-01-01","end":"2025-01-31"},"value":1,"limits":{"level":0.95,"lower":2,"upper":3},"method":{"statistic":"score"},"source":"x"}]}`, measure.ErrOutOfRange, []string{"/observations/0/limits/lower"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := measure.ParseObservations([]byte(tc.doc))
			if !errors.Is(err, tc.class) {
				t.Fatalf("error %v does not match %v", err, tc.class)
			}
			if tc.want != nil {
				if diff := cmp.Diff(tc.want, paths(err)); diff != "" {
					t.Errorf("paths (-want +got):\n%s", diff)
				}
			}
		})
	}
}

// TestTrendArmitage checks the chi-squared test for trend against R's documented example for
// stats::prop.trend.test (smokers <- c(83, 90, 129, 70); patients <- c(86, 93, 136, 82)),
// whose printed output is "X-squared = 8.2249, df = 1, p-value = 0.004132" (R-help, "Chi-
// squared test for trend in proportions", 8 September 2023), and against a hand derivation
// for two periods, where the test equals Pearson's chi-squared for the 2 × 2 table
// [[10, 90], [30, 70]]: expected counts 20, 80, 20, 80, so X² = 2 × (100/20 + 100/80) = 12.5
// and p = erfc(√(12.5/2)) = erfc(2.5) = 4.0695e-4.
func TestTrendArmitage(t *testing.T) {
	series := func(xs, ns []float64) []measure.Observation {
		var out []measure.Observation
		for i := range xs {
			o := validObservation(t)
			o.ID = "p" + string(rune('a'+i))
			o.Period = period(t, "2020-01-01", "2020-12-31")
			o.Period.Start = date(t, []string{"2020-01-01", "2021-01-01", "2022-01-01", "2023-01-01"}[i])
			o.Period.End = date(t, []string{"2020-12-31", "2021-12-31", "2022-12-31", "2023-12-31"}[i])
			o.Numerator, o.Denominator = ptr(xs[i]), ptr(ns[i])
			o.Value = xs[i] / ns[i]
			o.Limits = nil
			out = append(out, o)
		}
		return out
	}
	tests := []struct {
		name     string
		obs      []measure.Observation
		polarity measure.Polarity
		chi2, p  float64
		want     measure.Trend
	}{
		{"R prop.trend.test example", series([]float64{83, 90, 129, 70}, []float64{86, 93, 136, 82}), measure.HigherIsBetter, 8.2249, 0.004132, measure.TrendWorsening},
		{"R example, lower is better", series([]float64{83, 90, 129, 70}, []float64{86, 93, 136, 82}), measure.LowerIsBetter, 8.2249, 0.004132, measure.TrendImproving},
		{"R example, no judgement", series([]float64{83, 90, 129, 70}, []float64{86, 93, 136, 82}), measure.NoJudgement, 8.2249, 0.004132, measure.TrendDecreasing},
		{"two periods by hand", series([]float64{10, 30}, []float64{100, 100}), measure.HigherIsBetter, 12.5, 4.0695e-4, measure.TrendImproving},
		{"no variation", series([]float64{0, 0, 0}, []float64{10, 20, 30}), measure.HigherIsBetter, 0, 1, measure.TrendNoSignificantChange},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r, err := measure.TrendOf(tc.obs, tc.polarity, 0.95)
			if err != nil {
				t.Fatal(err)
			}
			if r.Method != measure.TrendChiSquared || r.Trend != tc.want || r.Points != len(tc.obs) {
				t.Errorf("got %v by %v over %d points, want %v", r.Trend, r.Method, r.Points, tc.want)
			}
			if !cmp.Equal(*r.ChiSquared, tc.chi2, cmpopts.EquateApprox(1e-5, 1e-9)) || !cmp.Equal(*r.PValue, tc.p, cmpopts.EquateApprox(1e-3, 0)) {
				t.Errorf("X² = %.6g, p = %.6g; want %.6g, %.6g", *r.ChiSquared, *r.PValue, tc.chi2, tc.p)
			}
		})
	}
}

// TestTrendScoresByTime checks that periods are scored by when they end. Hand derivation for
// 10, 20 and 30 of 100 in periods ending at times proportional to 0, 1 and 3 (a gap after the
// second): p̄ = 0.2, s̄ = 4/3, Σx(s − s̄) = (−40 − 20 + 150)/3 = 30,
// Σn(s − s̄)² = 100·(16 + 1 + 25)/9 = 4200/9, so X² = 900/(0.2·0.8·4200/9) = 8100/672
// = 12.053571…; scored 1, 2, 3 instead, the same counts give Σx(s − s̄) = 20, Σn(s − s̄)² = 200
// and X² = 400/32 = 12.5.
func TestTrendScoresByTime(t *testing.T) {
	mk := func(periods [][2]string) []measure.Observation {
		var out []measure.Observation
		for i, p := range periods {
			o := validObservation(t)
			o.ID = "p" + string(rune('a'+i))
			o.Period = period(t, p[0], p[1])
			x := float64(10 * (i + 1))
			o.Numerator, o.Denominator, o.Value, o.Limits = ptr(x), ptr(100.0), x/100, nil
			out = append(out, o)
		}
		return out
	}
	for _, c := range []struct {
		name    string
		periods [][2]string
		want    float64
	}{
		{"financial years, one missing", [][2]string{{"2021-04-01", "2022-03-31"}, {"2022-04-01", "2023-03-31"}, {"2024-04-01", "2025-03-31"}}, 8100.0 / 672},
		{"financial years in a row, across a leap day", [][2]string{{"2022-04-01", "2023-03-31"}, {"2023-04-01", "2024-03-31"}, {"2024-04-01", "2025-03-31"}}, 12.5},
		{"quarters, one missing", [][2]string{{"2024-01-01", "2024-03-31"}, {"2024-04-01", "2024-06-30"}, {"2024-10-01", "2024-12-31"}}, 8100.0 / 672},
		{"weeks of one month, by days", [][2]string{{"2025-01-01", "2025-01-07"}, {"2025-01-08", "2025-01-14"}, {"2025-01-22", "2025-01-28"}}, 8100.0 / 672},
	} {
		t.Run(c.name, func(t *testing.T) {
			r, err := measure.TrendOf(mk(c.periods), measure.HigherIsBetter, 0.95)
			if err != nil {
				t.Fatal(err)
			}
			if r.Method != measure.TrendChiSquared || !cmp.Equal(*r.ChiSquared, c.want, cmpopts.EquateApprox(1e-12, 0)) {
				t.Errorf("X² = %.9g by %v, want %.9g", *r.ChiSquared, r.Method, c.want)
			}
		})
	}
}

// TestTrendIntervals: hand-made series whose first and latest intervals overlap or not.
func TestTrendIntervals(t *testing.T) {
	mk := func(id, start, end string, v, lo, hi float64) measure.Observation {
		o := validObservation(t)
		o.ID, o.Period, o.Value = id, period(t, start, end), v
		o.Limits = &measure.Limits{Level: 0.95, Lower: lo, Upper: hi}
		o.Method.Statistic, o.Numerator, o.Denominator = "score", nil, nil
		return o
	}
	a := mk("a", "2022-04-01", "2023-03-31", 60, 58, 62)
	b := mk("b", "2023-04-01", "2024-03-31", 61, 59, 63)
	c := mk("c", "2024-04-01", "2025-03-31", 65, 63.5, 66.5) // 63.5 > 62: no overlap with a
	d := mk("d", "2024-04-01", "2025-03-31", 63, 61.5, 64.5) // overlaps a

	r, err := measure.TrendOf([]measure.Observation{c, a, b}, measure.HigherIsBetter, 0)
	if err != nil {
		t.Fatal(err)
	}
	want := measure.TrendResult{Trend: measure.TrendImproving, Method: measure.TrendIntervals, Level: 0.95, Points: 3,
		From: a.Period, To: c.Period, First: 60, Latest: 65, Change: 5}
	if diff := cmp.Diff(want, r, cmp.AllowUnexported(measure.Date{})); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if r, _ := measure.TrendOf([]measure.Observation{a, d}, measure.LowerIsBetter, 0); r.Trend != measure.TrendNoSignificantChange {
		t.Errorf("overlapping intervals gave %v", r.Trend)
	}
	if r, _ := measure.TrendOf([]measure.Observation{a, c}, measure.LowerIsBetter, 0); r.Trend != measure.TrendWorsening {
		t.Errorf("a significant rise when lower is better gave %v", r.Trend)
	}
	c.Limits = nil
	if r, _ := measure.TrendOf([]measure.Observation{a, c}, measure.HigherIsBetter, 0); r.Trend != measure.TrendNotTested || r.Method != measure.TrendUntested {
		t.Errorf("without limits gave %v by %v", r.Trend, r.Method)
	}
}

func TestTrendErrors(t *testing.T) {
	a := validObservation(t)
	b := validObservation(t)
	b.ID = "b"
	if _, err := measure.TrendOf([]measure.Observation{a}, measure.HigherIsBetter, 0); !errors.Is(err, measure.ErrTooFewPoints) {
		t.Errorf("one point: %v", err)
	}
	if _, err := measure.TrendOf([]measure.Observation{a, b}, measure.HigherIsBetter, 0); !errors.Is(err, measure.ErrDuplicate) {
		t.Errorf("same period twice: %v", err)
	}
	b.Period = period(t, "2025-04-01", "2026-03-31")
	b.Area = "E92000001"
	_, err := measure.TrendOf([]measure.Observation{a, b}, 0, 2)
	if diff := cmp.Diff([]string{"/polarity", "/level", "/observations/1"}, paths(err)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if !errors.Is(err, measure.ErrMismatch) {
		t.Errorf("%v does not match ErrMismatch", err)
	}
}

func TestEnumerations(t *testing.T) {
	for _, tc := range []struct {
		name  string
		slugs []string
		parse func(string) (string, bool)
	}{
		{"Trend", []string{"improving", "worsening", "increasing", "decreasing", "no-significant-change", "not-tested"}, func(s string) (string, bool) {
			v, err := measure.ParseTrend(s)
			return v.String(), err == nil && v.Valid()
		}},
		{"TrendMethod", []string{"chi-squared-trend", "non-overlapping-intervals", "untested"}, func(s string) (string, bool) {
			v, err := measure.ParseTrendMethod(s)
			return v.String(), err == nil && v.Valid()
		}},
		{"BenchmarkKind", []string{"national", "region", "comparators", "target"}, func(s string) (string, bool) {
			v, err := measure.ParseBenchmarkKind(s)
			return v.String(), err == nil && v.Valid()
		}},
		{"AreaScheme", []string{"gss", "ods"}, func(s string) (string, bool) {
			v, err := measure.ParseAreaScheme(s)
			return v.String(), err == nil && v.Valid()
		}},
	} {
		for _, s := range tc.slugs {
			if got, ok := tc.parse(strings.ToUpper(s)); !ok || got != s {
				t.Errorf("%s: %q parses to %q (%v)", tc.name, s, got, ok)
			}
		}
		if _, ok := tc.parse("no such value"); ok {
			t.Errorf("%s accepts nonsense", tc.name)
		}
	}
	if s := measure.Trend(0).String(); s != "%!Trend(0)" {
		t.Errorf("Trend(0) = %q", s)
	}
	if s := measure.BenchmarkKind(9).String(); s != "%!BenchmarkKind(9)" {
		t.Errorf("BenchmarkKind(9) = %q", s)
	}
	if _, err := measure.TrendMethod(0).MarshalText(); err == nil {
		t.Error("marshalling an invalid TrendMethod should fail")
	}
	var k measure.BenchmarkKind
	if err := k.UnmarshalText([]byte("England")); err != nil || k != measure.BenchmarkNational {
		t.Errorf("UnmarshalText(England) = %v, %v", k, err)
	}
}
