package equality_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"

	"github.com/peopleandcommunities/engage/equality"
)

// heatGenGroups draws a dimension of k subgroups: estimates from est, standard errors in
// [0.1, 5], populations in whole hundreds (so that a whole-number percentage gives whole
// numbers of cases, and logistic fits need no rounding), orders 1…k in a random arrangement.
func heatGenGroups(t *rapid.T, est *rapid.Generator[float64], minK int) []equality.Subgroup {
	k := rapid.IntRange(minK, 8).Draw(t, "k")
	order := rapid.Permutation(heatSeq(k)).Draw(t, "order")
	g := make([]equality.Subgroup, k)
	for i := range g {
		g[i] = equality.Subgroup{
			Name:       fmt.Sprint("g", i),
			Estimate:   est.Draw(t, "estimate"),
			SE:         heatSE(rapid.Float64Range(0.1, 5).Draw(t, "se")),
			Population: float64(100 * rapid.IntRange(1, 50).Draw(t, "population")),
			Order:      order[i],
		}
	}
	return g
}

func heatSeq(k int) []int {
	s := make([]int, k)
	for i := range s {
		s[i] = i + 1
	}
	return s
}

// TestHEATPropertyEqualValues: when every subgroup has the same estimate there is no
// inequality: every difference-type measure is 0 and every ratio is 1, ordered or not,
// favourable or adverse, logistic or linear.
func TestHEATPropertyEqualValues(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		v := float64(rapid.IntRange(1, 99).Draw(t, "percentage"))
		g := heatGenGroups(t, rapid.Just(v), 3)
		ordered := rapid.Bool().Draw(t, "ordered")
		opts := equality.SummaryOptions{
			Ordered:       ordered,
			Favourability: rapid.SampledFrom([]equality.Favourability{equality.Favourable, equality.Adverse}).Draw(t, "favourability"),
			Scale:         100,
			Linear:        rapid.Bool().Draw(t, "linear"),
			Simulations:   100,
		}
		if !ordered {
			g[rapid.IntRange(0, len(g)-1).Draw(t, "reference")].Reference = true
		}
		tab, err := equality.SummariseAll(g, opts)
		if err != nil {
			t.Fatal(err)
		}
		if len(tab.Omitted) != 0 {
			t.Fatalf("omitted: %+v", tab.Omitted)
		}
		for _, r := range tab.Results {
			want := 0.0
			if r.Measure == equality.SummaryR || r.Measure == equality.SummaryRII {
				want = 1
			}
			if math.Abs(r.Estimate-want) > 1e-9 {
				t.Errorf("%s of equal estimates = %v, want %v", r.Measure, r.Estimate, want)
			}
		}
	})
}

// TestHEATPropertyScaling: multiplying every estimate and standard error by k > 0 (a change of
// units) multiplies the absolute measures (D, SII, ACI, BGSD, mean differences, PAR) by k, BGV
// by k², and leaves the relative ones (R, RII, RCI, COV, IDIS, MLD, TI, PAF) unchanged. The
// logistic SII and RII do so when the indicator scale is multiplied too (away from the jumps of
// healthequal's rounding of cases to whole numbers). With the same seed the
// simulated limits scale exactly as the estimates do.
func TestHEATPropertyScaling(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		k := rapid.Float64Range(0.1, 10).Draw(t, "k")
		ordered := rapid.Bool().Draw(t, "ordered")
		linear := rapid.Bool().Draw(t, "linear")
		scale := 0.0 // no upper truncation, so simulated draws scale exactly
		est := rapid.Float64Range(5, 95)
		if !linear && ordered {
			// The logistic model rounds cases to whole numbers; whole percentages of whole
			// hundreds keep them whole, away from the rounding's jumps.
			scale, est = 100, rapid.Map(rapid.IntRange(5, 95), func(i int) float64 { return float64(i) })
		}
		g := heatGenGroups(t, est, 3)
		opts := equality.SummaryOptions{Ordered: ordered, Favourability: equality.Favourable, Scale: scale,
			Linear: linear, Simulations: 200, Seed: rapid.Uint64().Draw(t, "seed")}
		if !ordered {
			g[0].Reference = true
		}
		scaled := append([]equality.Subgroup(nil), g...)
		for i := range scaled {
			scaled[i].Estimate *= k
			scaled[i].SE = heatSE(*g[i].SE * k)
		}
		sopts := opts
		sopts.Scale *= k
		a, err := equality.SummariseAll(g, opts)
		if err != nil {
			t.Fatal(err)
		}
		b, err := equality.SummariseAll(scaled, sopts)
		if err != nil {
			t.Fatal(err)
		}
		if len(a.Results) != len(b.Results) {
			t.Fatalf("%d results, %d scaled", len(a.Results), len(b.Results))
		}
		for i, ra := range a.Results {
			rb := b.Results[i]
			f := k
			switch {
			case ra.Measure.Relative():
				f = 1
			case ra.Measure == equality.SummaryBGV:
				f = k * k
			}
			heatNear(t, ra.Measure.String(), rb.Estimate, f*ra.Estimate)
			if ra.Method == equality.SummarySimulated {
				heatNear(t, ra.Measure.String()+" lower", rb.Interval.Lower, f*ra.Interval.Lower)
				heatNear(t, ra.Measure.String()+" upper", rb.Interval.Upper, f*ra.Interval.Upper)
			}
		}
	})
}

func heatNear(t *rapid.T, what string, got, want float64) {
	if math.Abs(got-want) > 1e-7*math.Max(1, math.Abs(want)) {
		t.Errorf("%s = %v, want %v", what, got, want)
	}
}

// TestHEATPropertyBracket: every interval has Lower ≤ Upper and every analytic interval
// contains its estimate. A simulated percentile interval need not (see Summarise), but it does
// when the subgroups are far apart compared with their standard errors and the measure is
// smooth there: BGSD, COV and the differences from the best or reference subgroup.
func TestHEATPropertyBracket(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		k := rapid.IntRange(3, 8).Draw(t, "k")
		// Estimates 10, 10 + gap, … with gap at least 40 standard errors of 0.1…0.25.
		ests := rapid.Permutation(heatSeq(k)).Draw(t, "ranks")
		g := make([]equality.Subgroup, k)
		for i := range g {
			g[i] = equality.Subgroup{Name: fmt.Sprint("g", i), Estimate: float64(10 * ests[i]),
				SE: heatSE(rapid.Float64Range(0.1, 0.25).Draw(t, "se")), Population: float64(rapid.IntRange(50, 5000).Draw(t, "pop")),
				Order: ests[i]}
		}
		ordered := rapid.Bool().Draw(t, "ordered")
		if !ordered {
			g[rapid.IntRange(0, k-1).Draw(t, "reference")].Reference = true
		}
		opts := equality.SummaryOptions{Ordered: ordered, Scale: 100, Simulations: 2000,
			Favourability: rapid.SampledFrom([]equality.Favourability{equality.Favourable, equality.Adverse}).Draw(t, "fav"),
			Linear:        rapid.Bool().Draw(t, "linear"), Confidence: rapid.Float64Range(0.9, 0.999).Draw(t, "confidence")}
		tab, err := equality.SummariseAll(g, opts)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range tab.Results {
			iv := r.Interval
			if iv == nil {
				t.Fatalf("%s has no interval", r.Measure)
			}
			if !(iv.Lower <= iv.Upper) || iv.Level != opts.Confidence {
				t.Errorf("%s interval %+v", r.Measure, iv)
			}
			smooth := r.Measure == equality.SummaryBGSD || r.Measure == equality.SummaryCOV ||
				(r.Measure >= equality.SummaryMDBU && r.Measure <= equality.SummaryMDBW) ||
				r.Measure == equality.SummaryMDRU || r.Measure == equality.SummaryMDRW
			if (r.Method == equality.SummaryAnalytic || smooth) && !iv.Contains(r.Estimate) {
				t.Errorf("%s interval %+v excludes the estimate %v", r.Measure, *iv, r.Estimate)
			}
		}
	})
}

// TestHEATPropertySeed: the same inputs and seed reproduce every limit exactly; another seed
// moves the simulated limits.
func TestHEATPropertySeed(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		g := heatGenGroups(t, rapid.Float64Range(5, 95), 3)
		g[0].Reference = true
		seed := rapid.Uint64().Draw(t, "seed")
		opts := equality.SummaryOptions{Favourability: equality.Favourable, Scale: 100, Simulations: 300, Seed: seed}
		a, err := equality.SummariseAll(g, opts)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := equality.SummariseAll(g, opts)
		if diff := cmp.Diff(a, b); diff != "" {
			t.Fatalf("same seed, different tables:\n%s", diff)
		}
		opts.Seed = seed + 1
		c, _ := equality.SummariseAll(g, opts)
		ra, _ := a.Result(equality.SummaryBGSD)
		rc, _ := c.Result(equality.SummaryBGSD)
		if *ra.Interval == *rc.Interval {
			t.Errorf("seeds %d and %d gave the same BGSD limits", seed, seed+1)
		}
	})
}

// TestHEATPropertyReverseOrder: numbering the subgroups the other way round (K + 1 − order)
// changes the sign of SII, ACI and RCI and inverts RII, for both models.
func TestHEATPropertyReverseOrder(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		g := heatGenGroups(t, rapid.Float64Range(5, 95), 3)
		opts := equality.SummaryOptions{Ordered: true, Scale: 100, Linear: rapid.Bool().Draw(t, "linear")}
		rev := append([]equality.Subgroup(nil), g...)
		for i := range rev {
			rev[i].Order = len(g) + 1 - g[i].Order
		}
		for _, m := range []equality.SummaryMeasure{equality.SummarySII, equality.SummaryRII, equality.SummaryACI, equality.SummaryRCI} {
			a, errA := equality.Summarise(m, g, opts)
			b, errB := equality.Summarise(m, rev, opts)
			if errA != nil || errB != nil {
				if errors.Is(errA, equality.ErrUndefined) && errors.Is(errB, equality.ErrUndefined) {
					continue
				}
				t.Fatalf("%s: %v / %v", m, errA, errB)
			}
			want := -a.Estimate
			if m == equality.SummaryRII {
				want = 1 / a.Estimate
			}
			if math.Abs(b.Estimate-want) > 1e-8*math.Max(1, math.Abs(want)) {
				t.Errorf("%s reversed = %v, want %v", m, b.Estimate, want)
			}
			if math.Abs(*b.SE-*a.SE) > 1e-7*math.Max(1, *a.SE) {
				t.Errorf("%s SE reversed = %v, want %v", m, *b.SE, *a.SE)
			}
		}
	})
}

// TestHEATPropertyPermutation: the order in which a non-ordered dimension's subgroups are
// listed does not change any estimate or analytic interval, when no two estimates tie (ties
// go to the first subgroup listed).
func TestHEATPropertyPermutation(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		g := heatGenGroups(t, rapid.Float64Range(5, 95), 3)
		distinct := rapid.SliceOfNDistinct(rapid.IntRange(5, 95), len(g), len(g), rapid.ID[int]).Draw(t, "estimates")
		for i := range g {
			g[i].Estimate = float64(distinct[i])
		}
		g[0].Reference = true
		perm := rapid.Permutation(g).Draw(t, "permutation")
		opts := equality.SummaryOptions{Favourability: equality.Adverse, Scale: 100, Simulations: 100}
		a, err := equality.SummariseAll(g, opts)
		if err != nil {
			t.Fatal(err)
		}
		b, err := equality.SummariseAll(perm, opts)
		if err != nil {
			t.Fatal(err)
		}
		for i, ra := range a.Results {
			rb := b.Results[i]
			heatNear(t, ra.Measure.String(), rb.Estimate, ra.Estimate)
			if ra.Method == equality.SummaryAnalytic {
				heatNear(t, ra.Measure.String()+" lower", rb.Interval.Lower, ra.Interval.Lower)
			}
		}
	})
}

// heatArbitrary draws a number that may be anything a caller could pass: ordinary values,
// zero, negatives, huge values, NaN and infinities.
func heatArbitrary() *rapid.Generator[float64] {
	return rapid.OneOf(
		rapid.Float64Range(0, 100),
		rapid.Float64Range(-10, 1e13),
		rapid.SampledFrom([]float64{0, 1, 100, 1e12, math.Copysign(0, -1), math.NaN(), math.Inf(1), math.Inf(-1), 5e-324}),
	)
}

// heatFuzzProperty is the fuzz property of Summarise: whatever the input, an error matching one
// of the package's sentinels or a result without NaN or infinity that marshals to JSON, with
// Lower ≤ Upper and a non-negative SE. It never panics.
func heatFuzzProperty(t *rapid.T) {
	k := rapid.IntRange(0, 7).Draw(t, "k")
	g := make([]equality.Subgroup, k)
	for i := range g {
		g[i] = equality.Subgroup{
			Name:       rapid.SampledFrom([]string{"a", "b", "c", "d", "e", "f", "g", ""}).Draw(t, "name"),
			Estimate:   heatArbitrary().Draw(t, "estimate"),
			Population: heatArbitrary().Draw(t, "population"),
			Order:      rapid.IntRange(-1, 8).Draw(t, "order"),
			Reference:  rapid.Bool().Draw(t, "reference"),
		}
		if rapid.Bool().Draw(t, "hasSE") {
			g[i].SE = heatSE(heatArbitrary().Draw(t, "se"))
		}
	}
	opts := equality.SummaryOptions{
		Ordered:       rapid.Bool().Draw(t, "ordered"),
		Favourability: equality.Favourability(rapid.IntRange(0, 3).Draw(t, "favourability")),
		Scale:         rapid.SampledFrom([]float64{0, 1, 100, 1000, -1, math.NaN()}).Draw(t, "scale"),
		Linear:        rapid.Bool().Draw(t, "linear"),
		Simulations:   rapid.SampledFrom([]int{100, 0, 99, -3}).Draw(t, "simulations"),
		Confidence:    rapid.SampledFrom([]float64{0, 0.9, 0.95, 0.998, 1, 0.5}).Draw(t, "confidence"),
		Seed:          rapid.Uint64().Draw(t, "seed"),
	}
	if opts.Simulations == 0 {
		opts.Simulations = 100 // keep each fuzz case quick
	}
	if rapid.Bool().Draw(t, "hasAverage") {
		opts.SettingAverage = heatSE(heatArbitrary().Draw(t, "average"))
	}
	m := equality.SummaryMeasure(rapid.IntRange(0, 22).Draw(t, "measure"))
	r, err := equality.Summarise(m, g, opts)
	if err != nil {
		for _, s := range []error{equality.ErrOutOfRange, equality.ErrTooFewGroups, equality.ErrUndefined,
			equality.ErrHEATMissing, equality.ErrHEATInconsistent, equality.ErrHEATNotApplicable} {
			if errors.Is(err, s) {
				return
			}
		}
		t.Fatalf("error matches no sentinel: %v", err)
	}
	if _, err := json.Marshal(r); err != nil {
		t.Fatalf("result does not marshal: %v (%+v)", err, r)
	}
	if r.SE != nil && !(*r.SE >= 0) {
		t.Fatalf("negative SE %v", *r.SE)
	}
	if r.Interval != nil && !(r.Interval.Lower <= r.Interval.Upper) {
		t.Fatalf("interval %+v", *r.Interval)
	}
}

func TestHEATPropertyArbitraryInput(t *testing.T) { rapid.Check(t, heatFuzzProperty) }

// FuzzSummarise runs the arbitrary-input property under the fuzzer; its seed corpus runs with
// the ordinary tests.
func FuzzSummarise(f *testing.F) {
	for _, seed := range [][]byte{nil, {0}, {1, 2, 3, 4, 5, 6, 7, 8}, {255, 255, 255, 255}, {3, 0, 1, 0, 2, 0, 9, 9, 9, 9, 9, 9}} {
		f.Add(seed)
	}
	f.Fuzz(rapid.MakeFuzz(heatFuzzProperty))
}
