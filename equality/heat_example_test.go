package equality_test

import (
	"fmt"

	"github.com/peopleandcommunities/engage/equality"
)

// heatExampleSE returns a pointer to a standard error, for Subgroup.SE.
func heatExampleSE(x float64) *float64 { return &x }

// The slope index of inequality of births attended by skilled health personnel across wealth
// quintiles, from healthequal's OrderedSample data: 31.6 percentage points more coverage at the
// top of the wealth distribution than at the bottom.
func ExampleSummarise() {
	quintiles := []equality.Subgroup{
		{Name: "Quintile 1 (poorest)", Order: 1, Estimate: 75.60530, SE: heatExampleSE(1.5996131), Population: 2072.436},
		{Name: "Quintile 2", Order: 2, Estimate: 91.01997, SE: heatExampleSE(1.1351504), Population: 2112.204},
		{Name: "Quintile 3", Order: 3, Estimate: 96.03959, SE: heatExampleSE(0.6461946), Population: 1983.059},
		{Name: "Quintile 4", Order: 4, Estimate: 97.04223, SE: heatExampleSE(0.5676206), Population: 2052.124},
		{Name: "Quintile 5 (richest)", Order: 5, Estimate: 99.22405, SE: heatExampleSE(0.2237683), Population: 1884.510},
	}
	r, err := equality.Summarise(equality.SummarySII, quintiles, equality.SummaryOptions{Ordered: true, Scale: 100})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%s = %.2f (95%% CI %.2f to %.2f), SE %.3f, %s\n",
		r.Measure.Name(), r.Estimate, r.Interval.Lower, r.Interval.Upper, *r.SE, r.Method)
	// Output:
	// slope index of inequality (SII) = 31.62 (95% CI 25.72 to 37.52), SE 3.010, analytic
}

// A HEAT summary table for an ordered dimension: every measure HEAT gives for wealth quintiles.
func ExampleSummariseAll() {
	quintiles := []equality.Subgroup{
		{Name: "Quintile 1 (poorest)", Order: 1, Estimate: 75.60530, SE: heatExampleSE(1.5996131), Population: 2072.436},
		{Name: "Quintile 2", Order: 2, Estimate: 91.01997, SE: heatExampleSE(1.1351504), Population: 2112.204},
		{Name: "Quintile 3", Order: 3, Estimate: 96.03959, SE: heatExampleSE(0.6461946), Population: 1983.059},
		{Name: "Quintile 4", Order: 4, Estimate: 97.04223, SE: heatExampleSE(0.5676206), Population: 2052.124},
		{Name: "Quintile 5 (richest)", Order: 5, Estimate: 99.22405, SE: heatExampleSE(0.2237683), Population: 1884.510},
	}
	table, err := equality.SummariseAll(quintiles, equality.SummaryOptions{
		Ordered: true, Favourability: equality.Favourable, Scale: 100,
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, r := range table.Results {
		fmt.Printf("%-4s %8.4f  [%8.4f, %8.4f]\n", r.Measure, r.Estimate, r.Interval.Lower, r.Interval.Upper)
	}
	// Output:
	// d     23.6188  [ 20.4530,  26.7845]
	// r      1.3124  [  1.2588,   1.3683]
	// sii   31.6176  [ 25.7189,  37.5164]
	// rii    1.4661  [  1.3457,   1.5973]
	// aci    4.3005  [  1.7839,   6.8172]
	// rci    0.0470  [  0.0195,   0.0744]
	// paf    8.3271  [  7.6055,   9.0488]
	// par    7.6274  [  6.9664,   8.2884]
}

// Measures for a non-ordered dimension (regions) with a reference region. MDRW's interval is
// simulated from the caller's seed, so the same call always gives the same limits.
func ExampleSummarise_nonOrdered() {
	regions := []equality.Subgroup{
		{Name: "North", Estimate: 20, SE: heatExampleSE(2), Population: 100},
		{Name: "Capital", Estimate: 30, SE: heatExampleSE(3), Population: 200, Reference: true},
		{Name: "South", Estimate: 50, SE: heatExampleSE(5), Population: 200},
	}
	opts := equality.SummaryOptions{Favourability: equality.Favourable, Scale: 100, Seed: 2024}
	for _, m := range []equality.SummaryMeasure{equality.SummaryD, equality.SummaryBGV, equality.SummaryMDRW} {
		r, err := equality.Summarise(m, regions, opts)
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("%s: %.1f, %s", m, r.Estimate, r.Method)
		switch {
		case r.Compared != nil:
			fmt.Printf(", %s against %s", r.Compared[0], r.Compared[1])
		case r.Reference != "":
			fmt.Printf(" from %d replicates, reference %s", r.Simulations, r.Reference)
		}
		fmt.Println()
	}
	// Output:
	// d: 10.0, analytic, Capital against North
	// bgv: 144.0, analytic
	// mdrw: 10.0, simulated from 10000 replicates, reference Capital
}

// Errors name every problem with its place in the input.
func ExampleSummarise_errors() {
	_, err := equality.Summarise(equality.SummaryMDRW, []equality.Subgroup{
		{Name: "North", Estimate: 20, Population: 100},
		{Name: "South", Estimate: -3, Population: 200},
		{Name: "East", Estimate: 40},
	}, equality.SummaryOptions{})
	fmt.Println(err)
	// Output:
	// /subgroups/1/estimate: equality: value out of range: a finite, non-negative estimate
	// /subgroups/2/population: equality: input needed by the summary measure is missing: a population, as the other subgroups have one
}

func ExampleParseSummaryMeasure() {
	m, err := equality.ParseSummaryMeasure("covar")
	fmt.Println(m, m.Name(), m.Applies(true), m.Applies(false), err)
	// Output:
	// cov coefficient of variation (COV) false true <nil>
}
