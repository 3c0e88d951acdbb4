package measure_test

import (
	"math/rand/v2"
	"testing"
	"time"

	"github.com/peopleandcommunities/engage/measure"
	"pgregory.net/rapid"
)

func genDate() *rapid.Generator[measure.Date] {
	return rapid.Custom(func(t *rapid.T) measure.Date {
		y := rapid.IntRange(measure.MinYear, measure.MaxYear).Draw(t, "year")
		m := time.Month(rapid.IntRange(1, 12).Draw(t, "month"))
		last := time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
		d, err := measure.NewDate(y, m, rapid.IntRange(1, last).Draw(t, "day"))
		if err != nil {
			t.Fatal(err)
		}
		return d
	})
}

// The standard library's time package is the reference calendar: day counts, order and the
// printed form agree with it.
func TestPropertyDateAgreesWithTime(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		a, b := genDate().Draw(t, "a"), genDate().Draw(t, "b")
		ta := time.Date(a.Year(), a.Month(), a.Day(), 0, 0, 0, 0, time.UTC)
		tb := time.Date(b.Year(), b.Month(), b.Day(), 0, 0, 0, 0, time.UTC)
		if got, want := a.Days(b), int((tb.Unix()-ta.Unix())/86400); got != want {
			t.Fatalf("%v to %v: %d days, time says %d", a, b, got, want)
		}
		if a.Compare(b) != ta.Compare(tb) {
			t.Fatalf("Compare(%v, %v) disagrees with time", a, b)
		}
		if a.String() != ta.Format(time.DateOnly) {
			t.Fatalf("%v prints unlike time's %s", a, ta.Format(time.DateOnly))
		}
		if back, err := measure.ParseDate(a.String()); err != nil || back != a {
			t.Fatalf("%v does not parse back", a)
		}
	})
}

// genSeries draws a proportion series over consecutive years.
func genSeries(t *rapid.T) []measure.Observation {
	k := rapid.IntRange(2, 8).Draw(t, "periods")
	out := make([]measure.Observation, k)
	for i := range out {
		n := float64(rapid.IntRange(1, 5000).Draw(t, "n"))
		x := float64(rapid.IntRange(0, int(n)).Draw(t, "x"))
		start, _ := measure.NewDate(2010+i, time.January, 1)
		end, _ := measure.NewDate(2010+i, time.December, 31)
		out[i] = measure.Observation{
			ID: "p" + string(rune('a'+i)), Measure: "feedback-loop", Area: "QYG",
			Period: measure.Period{Start: start, End: end}, Value: x / n,
			Numerator: &x, Denominator: &n, Method: measure.Method{Statistic: "proportion"}, Source: "generated",
		}
	}
	return out
}

// The trend does not depend on the order the observations are given in.
func TestPropertyTrendOrderFree(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		series := genSeries(t)
		p := rapid.SampledFrom([]measure.Polarity{measure.HigherIsBetter, measure.LowerIsBetter, measure.NoJudgement}).Draw(t, "polarity")
		want, err := measure.TrendOf(series, p, 0.95)
		if err != nil {
			t.Fatal(err)
		}
		shuffled := append([]measure.Observation(nil), series...)
		r := rand.New(rand.NewPCG(rapid.Uint64().Draw(t, "seed"), 1))
		r.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		got, err := measure.TrendOf(shuffled, p, 0.95)
		if err != nil {
			t.Fatal(err)
		}
		if got.Trend != want.Trend || *got.ChiSquared != *want.ChiSquared || got.First != want.First || got.Latest != want.Latest {
			t.Fatalf("shuffled: %+v, in order: %+v", got, want)
		}
		if *got.PValue < 0 || *got.PValue > 1 || *got.ChiSquared < 0 {
			t.Fatalf("statistic %v, p %v out of range", *got.ChiSquared, *got.PValue)
		}
	})
}

// Reversing time reverses the direction: the statistic is unchanged and an improving trend
// becomes a worsening one.
func TestPropertyTrendReversal(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		series := genSeries(t)
		forward, err := measure.TrendOf(series, measure.HigherIsBetter, 0.95)
		if err != nil {
			t.Fatal(err)
		}
		k := len(series)
		reversed := make([]measure.Observation, k)
		for i := range series {
			reversed[i] = series[i]
			reversed[i].Numerator, reversed[i].Denominator = series[k-1-i].Numerator, series[k-1-i].Denominator
			reversed[i].Value = series[k-1-i].Value
		}
		backward, err := measure.TrendOf(reversed, measure.HigherIsBetter, 0.95)
		if err != nil {
			t.Fatal(err)
		}
		d := *forward.ChiSquared - *backward.ChiSquared
		if d > 1e-9**forward.ChiSquared+1e-12 || -d > 1e-9**forward.ChiSquared+1e-12 {
			t.Fatalf("statistic %v forward, %v backward", *forward.ChiSquared, *backward.ChiSquared)
		}
		opposite := map[measure.Trend]measure.Trend{measure.TrendImproving: measure.TrendWorsening,
			measure.TrendWorsening: measure.TrendImproving, measure.TrendNoSignificantChange: measure.TrendNoSignificantChange}
		if backward.Trend != opposite[forward.Trend] {
			t.Fatalf("forward %v, backward %v", forward.Trend, backward.Trend)
		}
	})
}
