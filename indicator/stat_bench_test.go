package indicator

import (
	"encoding/json"
	"fmt"
	"testing"
)

var (
	sinkProportion Proportion
	sinkRate       Rate
	sinkDSR        DSR
	sinkMean       Mean
	sinkInts       []int
)

func BenchmarkNewProportion(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		sinkProportion, _ = NewProportion(81, 263, Options{})
	}
}

func BenchmarkNewRate(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		sinkRate, _ = NewRate(7, 50000, Options{})
	}
}

func BenchmarkTallyAdd(b *testing.B) {
	b.ReportAllocs()
	var t Tally
	for i := 0; i < b.N; i++ {
		_ = t.Add(1, 1)
	}
}

// BenchmarkTallyAddFractional adds non-integer person-years, the inputs whose sums the
// accumulator must keep exact.
func BenchmarkTallyAddFractional(b *testing.B) {
	b.ReportAllocs()
	var t Tally
	for i := 0; i < b.N; i++ {
		_ = t.Add(0.25*float64(i&7), 0.5+float64(i&1023))
	}
}

func BenchmarkTallyMerge(b *testing.B) {
	b.ReportAllocs()
	var t, o Tally
	_ = o.Add(0.1, 2.75)
	for i := 0; i < b.N; i++ {
		t.Merge(&o)
	}
}

func BenchmarkGroupedTallyAdd(b *testing.B) {
	b.ReportAllocs()
	var g GroupedTally
	keys := make([]GroupKey, 64)
	for i := range keys {
		keys[i] = GroupKey{Area: fmt.Sprintf("E38%06d", i), Period: "2025/26"}
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		_ = g.Add(keys[i&63], 1, 2.5)
	}
}

func BenchmarkMeanTallyAdd(b *testing.B) {
	b.ReportAllocs()
	var t MeanTally
	for i := 0; i < b.N; i++ {
		_ = t.Add(float64(i&1023) - 511.75)
	}
}

func BenchmarkMeanTallyMean(b *testing.B) {
	b.ReportAllocs()
	var t MeanTally
	for i := range 1000 {
		_ = t.Add(float64(i) * 0.37)
	}
	o := Options{Levels: []float64{0.95}}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		sinkMean, _ = t.Mean(o)
	}
}

func BenchmarkAgeTallyAdd(b *testing.B) {
	b.ReportAllocs()
	var t AgeTally
	bands := ESP2013().Bands
	for i := 0; i < b.N; i++ {
		_ = t.Add(bands[i%len(bands)].Band, 1, 100)
	}
}

func BenchmarkDSRESP2013(b *testing.B) {
	b.ReportAllocs()
	var t AgeTally
	std := ESP2013()
	for _, sb := range std.Bands {
		_ = t.Add(sb.Band, sb.Population/100, sb.Population*3)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		sinkDSR, _ = t.DSR(std, Options{})
	}
}

func BenchmarkAssignQuantiles32844(b *testing.B) {
	// every LSOA of England in the 2019 indices, into deciles
	values := make([]float64, 32844)
	for i := range values {
		values[i] = float64((i * 7919) % 10007)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		sinkInts, _ = AssignQuantiles(values, 10, HighestFirst)
	}
}

func BenchmarkDatasetEvaluate(b *testing.B) {
	d := Dataset{Statistic: StatisticDSR, Standard: StandardESP2013}
	for a := range 100 {
		for _, sb := range ESP2013().Bands {
			band := sb.Band
			d.Rows = append(d.Rows, Row{Area: fmt.Sprintf("E38%06d", a), Period: "2025", AgeBand: &band, Numerator: 20, Denominator: 4000})
		}
	}
	data, _ := json.Marshal(d)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		p, err := ParseDataset(data)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := p.Evaluate(); err != nil {
			b.Fatal(err)
		}
	}
}
