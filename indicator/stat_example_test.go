package indicator_test

import (
	"errors"
	"fmt"

	"github.com/peopleandcommunities/engage/indicator"
	"github.com/peopleandcommunities/engage/measure"
)

// Newcombe's worked example: 81 of 263 (Stat Med 1998; Statistics with Confidence, p 47).
func ExampleWilsonLimits() {
	iv, err := indicator.WilsonLimits(81, 263, 0.95)
	if err != nil {
		panic(err)
	}
	fmt.Printf("%.4f to %.4f\n", iv.Lower, iv.Upper)
	// Output: 0.2553 to 0.3662
}

func ExampleByarLimits() {
	iv, err := indicator.ByarLimits(100, 0.95)
	if err != nil {
		panic(err)
	}
	fmt.Printf("100 events: %.2f to %.2f\n", iv.Lower, iv.Upper)
	// Output: 100 events: 81.36 to 121.63
}

func ExamplePoissonLimits() {
	for _, events := range []float64{0, 1, 10} {
		iv, method, err := indicator.PoissonLimits(events, 0.95)
		if err != nil {
			panic(err)
		}
		fmt.Printf("%2.0f events: %.4f to %.4f (%s)\n", events, iv.Lower, iv.Upper, method.Name())
	}
	// Output:
	//  0 events: 0.0000 to 3.6889 (Exact)
	//  1 events: 0.0253 to 5.5716 (Exact)
	// 10 events: 4.7874 to 18.3915 (Byars)
}

func ExampleNewProportion() {
	p, err := indicator.NewProportion(81, 263, indicator.Options{Levels: []float64{0.95}, Multiplier: 100})
	if err != nil {
		panic(err)
	}
	iv := p.Limits[0]
	fmt.Printf("%.1f%% (95%% CI %.1f%% to %.1f%%, %s)\n", p.Value, iv.Lower, iv.Upper, p.Method)
	// Output: 30.8% (95% CI 25.5% to 36.6%, wilson)
}

func ExampleNewRate() {
	r, err := indicator.NewRate(65, 17000, indicator.Options{})
	if err != nil {
		panic(err)
	}
	fmt.Printf("%.1f per 100,000 (%s)\n", r.Value, r.Method)
	for _, iv := range r.Limits {
		fmt.Printf("%.1f%%: %.1f to %.1f\n", iv.Level*100, iv.Lower, iv.Upper)
	}
	// Output:
	// 382.4 per 100,000 (byar)
	// 95.0%: 295.1 to 487.3
	// 99.8%: 252.2 to 552.9
}

func ExampleNewMean() {
	m, err := indicator.NewMean([]float64{4, 2, 5, 1, 3}, indicator.Options{Levels: []float64{0.95}})
	if err != nil {
		panic(err)
	}
	fmt.Printf("mean %.2f, sd %.4f, 95%% CI %.4f to %.4f\n", m.Value, m.SD, m.Limits[0].Lower, m.Limits[0].Upper)
	// Output: mean 3.00, sd 1.5811, 95% CI 1.0368 to 4.9632
}

func ExampleNewMeanFromSummary() {
	m, err := indicator.NewMeanFromSummary(100, 50, 10, indicator.Options{Levels: []float64{0.95}})
	if err != nil {
		panic(err)
	}
	fmt.Printf("%.4f to %.4f\n", m.Limits[0].Lower, m.Limits[0].Upper)
	// Output: 48.0158 to 51.9842
}

// A directly standardised rate over three age bands of a small standard; see the package
// tests for the working.
func ExampleAgeTally_DSR() {
	std := indicator.StandardPopulation{Name: "three-band", Bands: []indicator.StandardBand{
		{Band: indicator.AgeBand{From: 0, To: 39}, Population: 60},
		{Band: indicator.AgeBand{From: 40, To: 64}, Population: 30},
		{Band: indicator.AgeBand{From: 65, To: indicator.OpenEnded}, Population: 10},
	}}
	var t indicator.AgeTally
	_ = t.Add(indicator.AgeBand{From: 0, To: 39}, 5, 10000)
	_ = t.Add(indicator.AgeBand{From: 40, To: 64}, 20, 5000)
	_ = t.Add(indicator.AgeBand{From: 65, To: indicator.OpenEnded}, 40, 2000)
	d, err := t.DSR(std, indicator.Options{Levels: []float64{0.95}})
	if err != nil {
		panic(err)
	}
	fmt.Printf("%.1f per 100,000 (%.1f to %.1f), %s, %.0f events\n", d.Value, d.Limits[0].Lower, d.Limits[0].Upper, d.Method.Name(), d.Events)
	// Output: 350.0 per 100,000 (269.8 to 446.5), Dobson, 65 events
}

func ExampleNewDSR_tooFewEvents() {
	var bands []indicator.BandSums
	for _, sb := range indicator.ESP2013().Bands {
		bands = append(bands, indicator.BandSums{Band: sb.Band, Population: 1000})
	}
	bands[18].Events = 7
	d, err := indicator.NewDSR(bands, indicator.ESP2013(), indicator.Options{})
	fmt.Println(errors.Is(err, indicator.ErrTooFewEvents), d.Events)
	fmt.Println(err)
	// Output:
	// true 7
	// /bands: indicator: too few events for the statistic: a directly standardised rate is not calculated from fewer than 10 events in total
}

func ExampleNewISRatio() {
	// 65 deaths observed where the reference population's age-specific rates give 150,
	// as a standardised mortality ratio (× 100).
	s, err := indicator.NewISRatio(65, 150, indicator.Options{Levels: []float64{0.95}, Multiplier: 100})
	if err != nil {
		panic(err)
	}
	fmt.Printf("SMR %.1f (%.1f to %.1f)\n", s.Value, s.Limits[0].Lower, s.Limits[0].Upper)
	// Output: SMR 43.3 (33.4 to 55.2)
}

func ExampleAssignQuantiles() {
	scores := []float64{10, 9, 8, 7, 6, 5, 4, 3, 2, 1} // e.g. IMD scores: higher is more deprived
	q, err := indicator.AssignQuantiles(scores, 5, indicator.HighestFirst)
	if err != nil {
		panic(err)
	}
	fmt.Println(q)
	// Output: [1 1 2 2 3 3 4 4 5 5]
}

func ExampleCompare() {
	area := indicator.Interval{Level: 0.95, Lower: 25.5, Upper: 36.6}
	for _, england := range []float64{40, 30, 20} {
		s, err := indicator.Compare(area, england, measure.HigherIsBetter)
		if err != nil {
			panic(err)
		}
		fmt.Printf("England %.0f%%: %s\n", england, s)
	}
	s, _ := indicator.Compare(area, 40, measure.NoJudgement)
	fmt.Println("no polarity:", s)
	// Output:
	// England 40%: worse
	// England 30%: similar
	// England 20%: better
	// no polarity: lower
}

// Two workers tally half the records each; merged, they give the one-pass result.
func ExampleTally_Merge() {
	var a, b indicator.Tally
	_ = a.Add(50, 150)
	_ = b.Add(31, 113)
	a.Merge(&b)
	p, err := a.Proportion(indicator.Options{Levels: []float64{0.95}})
	if err != nil {
		panic(err)
	}
	fmt.Printf("%.0f/%.0f: %.4f to %.4f\n", p.Numerator, p.Denominator, p.Limits[0].Lower, p.Limits[0].Upper)
	// Output: 81/263: 0.2553 to 0.3662
}

func ExampleParseDataset() {
	doc := []byte(`{
	  "statistic": "proportion",
	  "multiplier": 100,
	  "rows": [
	    {"area": "E06000001", "period": "2025/26", "numerator": 50, "denominator": 150},
	    {"area": "E06000001", "period": "2025/26", "numerator": 31, "denominator": 113},
	    {"area": "E06000002", "period": "2025/26", "numerator": 45, "denominator": 90}
	  ]
	}`)
	d, err := indicator.ParseDataset(doc)
	if err != nil {
		panic(err)
	}
	results, err := d.Evaluate(0.95)
	if err != nil {
		panic(err)
	}
	for _, r := range results {
		fmt.Printf("%s %s: %.1f%% (%.1f to %.1f)\n", r.Key.Area, r.Key.Period, r.Estimate.Value,
			r.Estimate.Limits[0].Lower, r.Estimate.Limits[0].Upper)
	}
	// Output:
	// E06000001 2025/26: 30.8% (25.5 to 36.6)
	// E06000002 2025/26: 50.0% (39.9 to 60.1)
}

// Volunteer hours are tallied on two workers, in different orders, and one worker's partial
// tally is shipped to the other as bytes: the merged mean and standard deviation equal the
// one-pass figures bit for bit.
func ExampleMeanTally_Merge() {
	hours := []float64{2.25, 0.5, 1.75, 3.1, 0.3, 4.05}
	var one indicator.MeanTally
	for _, h := range hours {
		_ = one.Add(h)
	}
	var a, b indicator.MeanTally
	for _, h := range []float64{4.05, 0.3, 3.1} {
		_ = a.Add(h)
	}
	for _, h := range []float64{1.75, 2.25, 0.5} {
		_ = b.Add(h)
	}
	data, _ := b.MarshalBinary()
	var shipped indicator.MeanTally
	if err := shipped.UnmarshalBinary(data); err != nil {
		panic(err)
	}
	a.Merge(&shipped)
	o := indicator.Options{Levels: []float64{0.95}}
	merged, _ := a.Mean(o)
	single, _ := one.Mean(o)
	fmt.Println("identical:", merged.Value == single.Value && merged.SD == single.SD && merged.Limits[0] == single.Limits[0])
	fmt.Printf("%d values, sum %.2f, mean %.4f, sd %.4f\n", merged.Count, merged.Sum, merged.Value, merged.SD)
	// Output:
	// identical: true
	// 6 values, sum 11.95, mean 1.9917, sd 1.4613
}
