package measure_test

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/peopleandcommunities/engage/measure"
)

func benchSet(b *testing.B, n int) measure.ObservationSet {
	var set measure.ObservationSet
	for i := range n {
		o := validObservation(b)
		o.ID = fmt.Sprintf("obs-%d", i)
		o.Area = measure.AreaCode(fmt.Sprintf("E%08d", i))
		set.Observations = append(set.Observations, o)
	}
	return set
}

// BenchmarkObservationSetValidate: 1,000 observations, the size of a local authority's
// profile across its practices.
func BenchmarkObservationSetValidate(b *testing.B) {
	set := benchSet(b, 1000)
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		if err := set.Validate(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParseObservations(b *testing.B) {
	data, err := json.Marshal(benchSet(b, 1000))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		if _, err := measure.ParseObservations(data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkTrendOf: a ten-year proportion series.
func BenchmarkTrendOf(b *testing.B) {
	var series []measure.Observation
	for i := range 10 {
		o := validObservation(b)
		o.ID = fmt.Sprintf("y%d", i)
		o.Period = measure.Period{Start: date(b, fmt.Sprintf("%d-04-01", 2010+i)), End: date(b, fmt.Sprintf("%d-03-31", 2011+i))}
		x, n := float64(40+i), 100.0
		o.Numerator, o.Denominator, o.Value, o.Limits = &x, &n, x/n, nil
		series = append(series, o)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		if _, err := measure.TrendOf(series, measure.HigherIsBetter, 0.95); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParseDate(b *testing.B) {
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		if _, err := measure.ParseDate("2025-03-31"); err != nil {
			b.Fatal(err)
		}
	}
}
