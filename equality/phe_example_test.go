package equality_test

import (
	"fmt"

	"github.com/peopleandcommunities/engage/equality"
)

// Life expectancy by deprivation decile (decile 1 most deprived) for one area: the example
// data of PHEindicatormethods' phe_sii documentation.
func ExampleSII() {
	pop := []float64{7291, 7997, 6105, 7666, 5790, 6934, 5918, 5974, 7147, 7534}
	value := []float64{75.9, 78.3, 83.8, 83.6, 80.5, 81.1, 81.7, 84.2, 80.6, 86.3}
	se := []float64{1.64, 1.58, 1.51, 1.78, 1.7, 1.56, 1.37, 1.4, 2.43, 1.57}
	groups := make([]equality.QuantileGroup, len(pop))
	for i := range groups {
		groups[i] = equality.QuantileGroup{Population: pop[i], Value: value[i], SE: se[i]}
	}
	res, err := equality.SII(groups, equality.SIIOptions{RII: true, Seed: 1})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("SII %.2f years (95%% %.2f to %.2f)\n", res.SII, res.SIILimits[0].Lower, res.SIILimits[0].Upper)
	fmt.Printf("RII %.3f (95%% %.2f to %.2f)\n", res.RII, res.RIILimits[0].Lower, res.RIILimits[0].Upper)
	// Output:
	// SII 7.00 years (95% 3.17 to 10.86)
	// RII 1.090 (95% 1.04 to 1.14)
}

// A proportion on the 0–1 scale, reported in percentage points, fitted on the logit scale
// (Transform) with 99.8 % limits as well as 95 %.
func ExampleSII_proportion() {
	var counts equality.QuantileCounts
	// Record-level data: people in quintiles 1–5 with and without the attribute.
	for q, n := range []int64{412, 388, 365, 340, 301} {
		_ = counts.AddN(q+1, n, 1000)
	}
	groups, err := counts.Groups(5) // values x/n with 95 % Wilson limits
	if err != nil {
		fmt.Println(err)
		return
	}
	res, err := equality.SII(groups, equality.SIIOptions{
		ValueType:  equality.ValueProportion,
		FromLimits: true,
		Transform:  true,
		Multiplier: 100,
		Confidence: []float64{0.95, 0.998},
		Seed:       42,
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("SII %.1f percentage points\n", res.SII)
	for _, iv := range res.SIILimits {
		fmt.Printf("%.1f%%: %.0f to %.0f\n", 100*iv.Level, iv.Lower, iv.Upper)
	}
	// Output:
	// SII -13.5 percentage points
	// 95.0%: -18 to -9
	// 99.8%: -21 to -6
}

// Who took part in a consultation, against the community's census counts.
func ExampleRepresentation() {
	groups := []equality.RepresentationGroup{
		{Group: "White", Participants: 30, Community: 5000},
		{Group: "Asian", Participants: 50, Community: 3000},
		{Group: "Black", Participants: 20, Community: 2000},
	}
	res, err := equality.Representation(groups, equality.RepresentationOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, g := range res.Groups {
		fmt.Printf("%-6s %3.0f%% of participants, %3.0f%% of community: ratio %.2f (%.2f–%.2f) %v\n",
			g.Group, 100*g.ParticipantShare, 100*g.CommunityShare, g.Ratio, g.Interval.Lower, g.Interval.Upper, g.Flag)
	}
	fmt.Printf("dissimilarity %.2f; chi-square %.1f on %d df, p = %.5f\n", res.Dissimilarity, res.Fit.Statistic, res.Fit.DF, res.Fit.PValue)
	fmt.Printf("effective number of groups: participants %.2f, community %.2f (Shannon)\n",
		res.ParticipantDiversity.ShannonEffective, res.CommunityDiversity.ShannonEffective)
	// Output:
	// White   30% of participants,  50% of community: ratio 0.60 (0.44–0.79) under-represented
	// Asian   50% of participants,  30% of community: ratio 1.67 (1.35–1.99) over-represented
	// Black   20% of participants,  20% of community: ratio 1.00 (0.67–1.44) in-proportion
	// dissimilarity 0.20; chi-square 21.3 on 2 df, p = 0.00002
	// effective number of groups: participants 2.80, community 2.80 (Shannon)
}

func ExampleGapChange() {
	// The SII of an indicator in two periods, with standard errors.
	res, err := equality.GapChange(equality.Gap{Estimate: 10, SE: 1}, equality.Gap{Estimate: 5, SE: 1}, equality.GapChangeOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("change %.1f (95%% %.2f to %.2f): %v\n", res.Change, res.Interval.Lower, res.Interval.Upper, res.Trend)
	// Output:
	// change -5.0 (95% -7.77 to -2.23): narrowing
}

func ExampleDeprivationDecile() {
	for _, rank := range []int{1, 3284, 3285, 32844} {
		d, _ := equality.DeprivationDecile(equality.IMD2019, rank)
		q, _ := d.Quintile()
		fmt.Printf("rank %5d: %v, %v\n", rank, d, q)
	}
	// Output:
	// rank     1: imd-2019 decile 1, imd-2019 quintile 1
	// rank  3284: imd-2019 decile 1, imd-2019 quintile 1
	// rank  3285: imd-2019 decile 2, imd-2019 quintile 1
	// rank 32844: imd-2019 decile 10, imd-2019 quintile 5
}

func ExampleParseEthnicCategory() {
	for _, s := range []string{"A", "h", "99", "Z", "CA"} {
		c, err := equality.ParseEthnicCategory(s)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("%-2s → %-2v %-38s group %v\n", s, c, c.Description(), c.Group())
	}
	// Output:
	// A  → A  White - British                        group white
	// h  → H  Asian or Asian British - Indian        group asian
	// 99 → 99 Not known                              group not-known
	// Z  → Z  Not stated                             group not-stated
	// CA → C  White - Any other White background     group white
}

func ExampleGroupCounts() {
	// Two workers count participants' ethnic categories; merging gives the one-pass counts.
	var a, b equality.GroupCounts
	for _, c := range []string{"A", "A", "H", "N"} {
		a.Add(c)
	}
	for _, c := range []string{"A", "N", "Z"} {
		b.Add(c)
	}
	a.Merge(&b)
	for _, g := range a.Groups() {
		fmt.Printf("%s:%d ", g, a.Count(g))
	}
	fmt.Println("total", a.Total())
	// Output:
	// A:3 H:1 N:2 Z:1 total 7
}

func ExampleParseData() {
	doc := []byte(`{
	  "dimension": "ethnic-group",
	  "areas": [{"area": "E06000001", "groups": [
	    {"group": "white", "participants": 120, "community": 8000},
	    {"group": "asian", "participants": 10, "community": 1500},
	    {"group": "black", "participants": 5, "community": 500}
	  ]}]
	}`)
	d, err := equality.ParseData(doc)
	if err != nil {
		fmt.Println(err)
		return
	}
	res, err := d.Representation(equality.RepresentationOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, g := range res[0].Groups {
		fmt.Printf("%s %.2f %v\n", g.Group, g.Ratio, g.Flag)
	}
	_, err = equality.ParseData([]byte(`{"dimension": "deprivation-decile", "areas": []}`))
	fmt.Println(err != nil)
	// Output:
	// white 1.11 over-represented
	// asian 0.49 under-represented
	// black 0.74 in-proportion
	// true
}

// Many areas at once on all cores; each area has its own random stream, so the results do
// not depend on the number of cores.
func ExampleSIIAreas() {
	area := func(slope float64) []equality.QuantileGroup {
		g := make([]equality.QuantileGroup, 10)
		for i := range g {
			b := 0.05 + 0.1*float64(i) // equal populations: mid-point ranks 0.05 … 0.95
			g[i] = equality.QuantileGroup{Population: 5000, Value: 70 + slope*b, SE: 0.5}
		}
		return g
	}
	res, err := equality.SIIAreas([][]equality.QuantileGroup{area(8), area(4), area(0)}, equality.SIIOptions{Seed: 7})
	if err != nil {
		fmt.Println(err)
		return
	}
	for i, r := range res {
		fmt.Printf("area %d: SII %.1f, 95%% limits exclude 0: %v\n", i, r.SII, r.SIILimits[0].Lower > 0 || r.SIILimits[0].Upper < 0)
	}
	// Output:
	// area 0: SII 8.0, 95% limits exclude 0: true
	// area 1: SII 4.0, 95% limits exclude 0: true
	// area 2: SII 0.0, 95% limits exclude 0: false
}

func ExampleDissimilarity() {
	participants := []float64{30, 50, 20}
	community := []float64{5000, 3000, 2000}
	d, _ := equality.Dissimilarity(participants, community)
	fmt.Printf("%.2f\n", d)
	// Output:
	// 0.20
}
