package equality_test

import (
	"fmt"
	"testing"

	"github.com/peopleandcommunities/engage/equality"
)

// heatRegions is a non-ordered dimension shaped like healthequal's NonorderedSample: 34
// subnational regions, percentages between 64 and 100, standard errors up to 7, populations
// from about 26 to 2,000, the first region the reference.
func heatRegions() []equality.Subgroup {
	g := make([]equality.Subgroup, 34)
	for i := range g {
		g[i] = equality.Subgroup{
			Name:       fmt.Sprint("region ", i+1),
			Estimate:   64 + float64((i*37)%36),
			SE:         heatSE(0.2 + float64(i%8)*0.9),
			Population: 26 + float64((i*53)%1954),
			Reference:  i == 0,
		}
	}
	return g
}

// BenchmarkSummariseAnalytic times each measure with an analytic interval: the ordered ones on
// healthequal's five wealth quintiles, the others on 34 regions. Target: a few microseconds
// each (they are closed forms or a two-parameter Newton fit).
func BenchmarkSummariseAnalytic(b *testing.B) {
	ord := heatOrderedSample()
	reg := heatRegions()
	cases := []struct {
		m      equality.SummaryMeasure
		groups []equality.Subgroup
		opts   equality.SummaryOptions
		name   string
	}{
		{equality.SummaryD, ord, equality.SummaryOptions{Ordered: true, Favourability: equality.Favourable}, "d"},
		{equality.SummaryR, ord, equality.SummaryOptions{Ordered: true, Favourability: equality.Favourable}, "r"},
		{equality.SummarySII, ord, equality.SummaryOptions{Ordered: true, Scale: 100}, "sii-logistic"},
		{equality.SummarySII, ord, equality.SummaryOptions{Ordered: true, Linear: true}, "sii-linear"},
		{equality.SummaryRII, ord, equality.SummaryOptions{Ordered: true, Scale: 100}, "rii-logistic"},
		{equality.SummaryACI, ord, equality.SummaryOptions{Ordered: true}, "aci"},
		{equality.SummaryRCI, ord, equality.SummaryOptions{Ordered: true}, "rci"},
		{equality.SummaryBGV, reg, equality.SummaryOptions{}, "bgv"},
		{equality.SummaryMLD, reg, equality.SummaryOptions{}, "mld"},
		{equality.SummaryTI, reg, equality.SummaryOptions{}, "ti"},
		{equality.SummaryPAF, reg, equality.SummaryOptions{Favourability: equality.Favourable, Scale: 100}, "paf"},
		{equality.SummaryPAR, reg, equality.SummaryOptions{Favourability: equality.Favourable, Scale: 100}, "par"},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for range b.N {
				if _, err := equality.Summarise(c.m, c.groups, c.opts); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkSummariseSimulated times a simulated interval: BGSD of 34 regions with the default
// 10,000 replicates (340,000 truncated normal draws). Target: ≤ 10 ms, with allocations that
// do not grow with the number of replicates.
func BenchmarkSummariseSimulated(b *testing.B) {
	reg := heatRegions()
	opts := equality.SummaryOptions{Scale: 100, Seed: 1}
	b.ReportAllocs()
	for range b.N {
		if _, err := equality.Summarise(equality.SummaryBGSD, reg, opts); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSummariseAll times a whole HEAT summary table for 34 regions (17 measures, ten of
// them simulated with 10,000 replicates each).
func BenchmarkSummariseAll(b *testing.B) {
	reg := heatRegions()
	opts := equality.SummaryOptions{Favourability: equality.Favourable, Scale: 100, Seed: 1}
	b.ReportAllocs()
	for range b.N {
		if _, err := equality.SummariseAll(reg, opts); err != nil {
			b.Fatal(err)
		}
	}
}
