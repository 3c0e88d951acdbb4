package assessment_test

import (
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/peopleandcommunities/engage/assessment"
	"github.com/peopleandcommunities/engage/measure"
)

// benchAssess times assessing in.
func benchAssess(b *testing.B, in assessment.Input) {
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		if _, err := assessment.Assess(in); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAssess: the fictional place, a small system's year.
func BenchmarkAssess(b *testing.B) { benchAssess(b, fictionalPlace(b)) }

// BenchmarkAssessLarge: the fictional place with 1,000 activities and 2,000 observations (a
// ten-year series for each of 200 practices), the scale of a large system's evidence.
func BenchmarkAssessLarge(b *testing.B) {
	in := fictionalPlace(b)
	in.Area = ""
	base := in.Evidence.Activities[:3]
	for i := range 1000 {
		a := base[i%3]
		a.ID = fmt.Sprintf("activity-%d", i)
		in.Evidence.Activities = append(in.Evidence.Activities, a)
	}
	for p := range 200 {
		for y := range 10 {
			s, _ := measure.NewDate(2015+y, time.April, 1)
			e, _ := measure.NewDate(2016+y, time.March, 31)
			num, den := float64(600+y), 1000.0
			in.Observations = append(in.Observations, measure.Observation{
				ID: fmt.Sprintf("practice-%d-%d", p, y), Indicator: "gp-patient-survey",
				Area: measure.AreaCode(fmt.Sprintf("A8%04d", p)), Period: measure.Period{Start: s, End: e},
				Value: num / den, Numerator: &num, Denominator: &den,
				Benchmark: &measure.Benchmark{Kind: measure.BenchmarkNational, Value: 0.6},
				Limits:    &measure.Limits{Level: 0.95, Lower: num/den - 0.03, Upper: num/den + 0.03},
				Method:    measure.Method{Statistic: "proportion"}, Source: "generated",
			})
		}
	}
	benchAssess(b, in)
}

// fictionalScorecard assesses the fictional place for a benchmark of what is done with its
// scorecard, and starts the timer.
func fictionalScorecard(b *testing.B) assessment.Scorecard {
	sc, err := assessment.Assess(fictionalPlace(b))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	return sc
}

func BenchmarkScorecardText(b *testing.B) {
	sc := fictionalScorecard(b)
	for range b.N {
		_ = sc.Text()
	}
}

func BenchmarkScorecardJSON(b *testing.B) {
	sc := fictionalScorecard(b)
	for range b.N {
		if _, err := json.Marshal(sc); err != nil {
			b.Fatal(err)
		}
	}
}
