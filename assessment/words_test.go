package assessment

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/peopleandcommunities/engage/internal/figure"
	"github.com/peopleandcommunities/engage/measure"
)

// The house rule of the package overview, figure by figure. Every expected string is the
// rule applied by hand to the input beside it.
func TestFigures(t *testing.T) {
	date := func(s string) measure.Date {
		d, err := measure.ParseDate(s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	got := []string{
		percent(2.0 / 3),  // 66.666… → one decimal place, a space before the sign
		percent(0.207660), // a Wilson limit of 2 of 3
		levelText(0.95),   // a level needs no decimals …
		levelText(0.998),  // … unless it has them
		levelText(0.9),    //
		pText(0.005916),   // three decimal places
		pText(0.2),        //
		pText(0.0004),     // below 0.001
		dateText(date("2025-07-31")),
		dateText(date("2024-04-01")),
		spanText(measure.Period{Start: date("2024-04-01"), End: date("2025-03-31")}),
		periodText(measure.Period{Start: date("2024-04-01"), End: date("2025-03-31"), Label: "2024/25"}),
		count(0, "observation", "observations"),
		count(1, "activity", "activities"),
		count(2000, "finding", "findings"),
		figure.List([]string{"“a”", "“b, c”", "“d”"}),
		words("planning-and-steering-groups"),
		words("65-74"), // a range of numbers takes an en dash
	}
	want := []string{
		"66.7 %",
		"20.8 %",
		"95 %",
		"99.8 %",
		"90 %",
		"p = 0.006",
		"p = 0.200",
		"p < 0.001",
		"31 July 2025",
		"1 April 2024",
		"1 April 2024 to 31 March 2025",
		"2024/25",
		"no observation",
		"1 activity",
		"2,000 findings",
		"“a”, “b, c” and “d”",
		"planning and steering groups",
		"65–74",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// Each kind of value is written on its own scale; the figures of one value, its limits and
// its benchmark alike.
func TestScaleOf(t *testing.T) {
	n := func(x float64) *float64 { return &x }
	lim := &measure.Limits{Level: 0.95, Lower: 0.837, Upper: 0.880}
	tests := []struct {
		name string
		o    measure.Observation
		want string
	}{
		// Numerator and denominator say the value is a fraction: 860/1000 = 0.86.
		{"fraction by its counts", measure.Observation{Value: 0.86, Numerator: n(860), Denominator: n(1000), Limits: lim,
			Method: measure.Method{Statistic: "proportion"}}, "86.0 % (95 % CI 83.7 % to 88.0 %)"},
		// 4,998/19,786 = 0.2526: the value 25.26 is 100 times that, a percentage already.
		{"percentage by its counts", measure.Observation{Value: 25.26, Numerator: n(4998), Denominator: n(19786),
			Method: measure.Method{Statistic: "proportion"}}, "25.3 %"},
		// Without counts, a proportion whose figures all lie in [0, 1] is a fraction …
		{"fraction by its range", measure.Observation{Value: 0.62, Method: measure.Method{Statistic: "proportion"}}, "62.0 %"},
		// … and one with a figure above 1 a percentage.
		{"percentage by its range", measure.Observation{Value: 62, Method: measure.Method{Statistic: "proportion"}}, "62.0 %"},
		{"rate", measure.Observation{Value: 177, Method: measure.Method{Statistic: "crude-rate"}}, "177.0"},
		{"pam score", measure.Observation{Value: 58.24, Method: measure.Method{Statistic: "pam-score"}}, "58.2"},
		{"count", measure.Observation{Value: 12000, Method: measure.Method{Statistic: "count"}}, "12,000"},
		{"count with a fraction", measure.Observation{Value: 16176.5, Method: measure.Method{Statistic: "count"}}, "16,176.5"},
		{"amount", measure.Observation{Value: 1234.5, Method: measure.Method{Statistic: "amount"}}, "£1,234.50"},
		{"sroi ratio", measure.Observation{Value: 4.346, Limits: &measure.Limits{Level: 0.9, Lower: 3.748, Upper: 4.74},
			Method: measure.Method{Statistic: "sroi-ratio"}}, "£4.35 per £1 (90 % CI £3.75 to £4.74)"},
		{"relative index", measure.Observation{Value: 1.234, Method: measure.Method{Statistic: "relative-index-of-inequality"}}, "1.23"},
		// Other values: three significant figures on the largest, here 7.5, so two places.
		{"slope index", measure.Observation{Value: 5.952, Limits: &measure.Limits{Level: 0.95, Lower: 4.4, Upper: 7.5},
			Method: measure.Method{Statistic: "slope-index-of-inequality"}}, "5.95 (95 % CI 4.40 to 7.50)"},
		{"negative limit", measure.Observation{Value: 2.6, Limits: &measure.Limits{Level: 0.95, Lower: -0.7, Upper: 4.6},
			Method: measure.Method{Statistic: "gap"}}, "2.60 (95 % CI −0.70 to 4.60)"},
	}
	for _, tt := range tests {
		if got := scaleOf(&tt.o).valueText(tt.o.Value, tt.o.Limits); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
	// A negative sum of money: the sign before the pound sign.
	if got := scaleOf(&measure.Observation{Method: measure.Method{Statistic: "amount"}}).fig(-20); got != "−£20" {
		t.Errorf("negative amount %q", got)
	}
}

func TestSignificant(t *testing.T) {
	for _, tt := range []struct {
		figures []float64
		want    int
	}{
		{[]float64{0.885, 0.83}, 3}, // 0.885 → 0.885
		{[]float64{5.952}, 2},       // 5.95
		{[]float64{177, -3}, 1},     // 177.0: at least one place
		{[]float64{0}, 1},           //
		{[]float64{0.00012}, 4},     // at most four places
		{[]float64{-12345}, 1},      // the magnitude counts
	} {
		if got := significant(tt.figures); got != tt.want {
			t.Errorf("significant(%v) = %d, want %d", tt.figures, got, tt.want)
		}
	}
}

// Groups are named as people name them: deprivation quintiles with their ends, ethnic groups
// and categories by the NHS Data Dictionary's headings and labels.
func TestGroupNames(t *testing.T) {
	for _, tt := range []struct{ dim, value, want string }{
		{"deprivation-quintile", "1", "for deprivation quintile 1 (most deprived)"},
		{"deprivation-quintile", "3", "for deprivation quintile 3"},
		{"deprivation-quintile", "5", "for deprivation quintile 5 (least deprived)"},
		{"deprivation-decile", "10", "for deprivation decile 10 (least deprived)"},
		{"quantile", "1", "for quantile 1 (most disadvantaged)"},
		{"ethnic-group", "asian", "for ethnic group: Asian or Asian British"},
		{"ethnic-category", "a", "for ethnic category: White - British"},
		{"sex", "female", "for sex: female"},
		{"age", "65-74", "for age: 65–74"},
		{"religion-or-belief", "no-religion", "for religion or belief: no religion"},
	} {
		if got := groupPhrase(&measure.Group{Dimension: tt.dim, Value: tt.value}); got != tt.want {
			t.Errorf("%s %s: %q, want %q", tt.dim, tt.value, got, tt.want)
		}
	}
}

func BenchmarkScaleOf(b *testing.B) {
	o := measure.Observation{Value: 0.86, Numerator: new(float64), Denominator: new(float64),
		Limits: &measure.Limits{Level: 0.95, Lower: 0.837, Upper: 0.880}, Method: measure.Method{Statistic: "proportion"}}
	*o.Numerator, *o.Denominator = 860, 1000
	b.ReportAllocs()
	for range b.N {
		s := scaleOf(&o)
		_ = s.valueText(o.Value, o.Limits)
	}
}

// The sentences for comparisons that could not be tested say why, and a count is written as
// a whole number with its thousands grouped.
func TestUntestedSentences(t *testing.T) {
	year := measure.Period{Label: "2024/25"}
	o := measure.Observation{Indicator: "volunteer-hours", Period: year, Value: 12000,
		Benchmark: &measure.Benchmark{Kind: measure.BenchmarkTarget, Value: 15000}, Method: measure.Method{Statistic: "count"}}
	f := Finding{Kind: FindingTarget, Indicator: "volunteer-hours", Benchmark: o.Benchmark, Verdict: VerdictNotTested}
	v := voice{area: "QYG"}
	text, label := v.benchmarkText(&f, &o)
	if want := "Numbers of volunteer hours, 2024/25: 12,000, not tested against the target of 15,000, for want of confidence limits."; text != want {
		t.Errorf("benchmark text %q, want %q", text, want)
	}
	if want := "Numbers of volunteer hours, not tested against the target"; label != want {
		t.Errorf("label %q, want %q", label, want)
	}
	f = Finding{Kind: FindingTrend, Indicator: "volunteer-hours", Verdict: VerdictNotTested, Trend: &measure.TrendResult{
		Method: measure.TrendUntested, Points: 3, From: measure.Period{Label: "2022/23"}, To: year, First: 9500, Latest: 12000}}
	text, _ = v.trendText(&f, &o)
	if want := "Numbers of volunteer hours: a change from 9,500 (2022/23) to 12,000 (2024/25) over 3 periods, not tested (no counts or confidence limits to test it with)."; text != want {
		t.Errorf("trend text %q, want %q", text, want)
	}
}
