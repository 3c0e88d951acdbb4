package equality

import (
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestOrderStats checks orderStats against a full sort (the definition of an order
// statistic) on long inputs of many shapes, at the tail positions of SII limits and at
// arbitrary ones, and checks that it only reorders its input.
func TestOrderStats(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	n := 3 * orderSampleMin
	if testing.Short() {
		n = orderSampleMin + 17
	}
	isSample := make([]bool, n)
	for i := range orderSample {
		isSample[orderSamplePos(i, n)] = true
	}
	shapes := []struct {
		name string
		gen  func(i int) float64
	}{
		{"normal", func(int) float64 { return rng.NormFloat64() }},
		{"cauchy", func(int) float64 { return math.Tan(math.Pi * (rng.Float64() - 0.5)) }},
		{"few distinct", func(int) float64 { return float64(rng.IntN(5)) }},
		{"constant", func(int) float64 { return 2.5 }},
		{"ascending", func(i int) float64 { return float64(i) }},
		{"descending", func(i int) float64 { return float64(-i) }},
		{"signed zeros and extremes", func(i int) float64 {
			return []float64{0, math.Copysign(0, -1), math.MaxFloat64, -math.MaxFloat64, math.Inf(1), math.Inf(-1), 1}[i%7]
		}},
		// Huge values exactly where the systematic sample looks: the brackets miss and
		// orderStats must fall back to selecting on the whole input.
		{"sample positions poisoned", func(i int) float64 {
			if isSample[i] {
				return 1e9 + float64(i)
			}
			return rng.NormFloat64()
		}},
	}
	// The positions of the 95 % and 99.8 % limits of n repetitions, the 90 % limits alone,
	// the ends, the middle, neighbours, and more positions than one pass brackets.
	positions := func(n int) [][]int {
		pos := func(p float64) int { return int(math.RoundToEven(float64(n)*p)) - 1 }
		many := make([]int, orderMaxBrackets+3)
		for i := range many {
			many[i] = (2*i + 1) * n / (2 * len(many))
		}
		return [][]int{
			{pos(0.025), pos(0.975)},
			{pos(0.001), pos(0.025), pos(0.975), pos(0.999)},
			{pos(0.05), pos(0.95)},
			{0, n - 1},
			{n / 2},
			{pos(0.025), pos(0.025) + 1, pos(0.975) - 1, pos(0.975)},
			many,
		}
	}
	for _, sh := range shapes {
		a := make([]float64, n)
		for i := range a {
			a[i] = sh.gen(i)
		}
		sorted := slices.Clone(a)
		slices.Sort(sorted)
		for _, ks := range positions(n) {
			t.Run(sh.name+"/"+strconv.Itoa(len(ks))+"@"+strconv.Itoa(ks[0]), func(t *testing.T) {
				b := slices.Clone(a)
				got := make([]float64, len(ks))
				orderStats(b, ks, got)
				want := make([]float64, len(ks))
				for j, k := range ks {
					want[j] = sorted[k]
				}
				if d := cmp.Diff(want, got); d != "" {
					t.Errorf("order statistics %v (-sort +orderStats):\n%s", ks, d)
				}
				if sh.name == "sample positions poisoned" && len(ks) == 2 && ks[0] > 0 && bracketedOrderStats(slices.Clone(a), ks, slices.Clone(got)) {
					t.Error("the brackets of a poisoned sample held every order statistic; the fallback is untested")
				}
				slices.Sort(b)
				if !slices.Equal(b, sorted) {
					t.Error("orderStats changed the values, not only their order")
				}
			})
		}
	}
}

// TestOrderStatsBrackets checks that the sampling path itself, not only its fallback, is
// exercised: it succeeds on independent draws and reports failure when the sample is
// misleading.
func TestOrderStatsBrackets(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	a := make([]float64, 100_000)
	for i := range a {
		a[i] = rng.NormFloat64()
	}
	ks := []int{2499, 97499}
	out := make([]float64, 2)
	if !bracketedOrderStats(slices.Clone(a), ks, out) {
		t.Error("brackets missed on normal draws")
	}
	for i := range orderSample {
		a[orderSamplePos(i, len(a))] = 1e9
	}
	if bracketedOrderStats(a, ks, out) {
		t.Error("brackets reported success from a sample of poisoned positions")
	}
}

// BenchmarkOrderStats times the 2,500th and 97,500th smallest of 100,000 normal draws (the
// 95 % limits of the default repetitions), by orderStats and by quickselect alone.
func BenchmarkOrderStats(b *testing.B) {
	rng := rand.New(rand.NewPCG(9, 10))
	a := make([]float64, DefaultSIIRepetitions)
	for i := range a {
		a[i] = rng.NormFloat64()
	}
	ks := []int{2499, 97499}
	w := make([]float64, len(a))
	out := make([]float64, len(ks))
	b.Run("bracketed", func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			copy(w, a)
			orderStats(w, ks, out)
		}
	})
	b.Run("quickselect", func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			copy(w, a)
			selectOrder(w, ks)
		}
	})
}
