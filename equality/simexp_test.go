package equality

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestSimExp bounds simExp's error against math.Exp: at most 2 ulp (relative 4.5e-16) over
// the normal range, and identical handling of the edges.
func TestSimExp(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	n := 2_000_000
	if testing.Short() {
		n = 200_000
	}
	for i := range n {
		x := rng.NormFloat64() * 4
		if i%2 == 0 {
			x = rng.Float64()*1416 - 708
		}
		got, want := simExp(x), math.Exp(x)
		if math.Abs(got-want) > 4.5e-16*want {
			t.Fatalf("simExp(%v) = %v, math.Exp %v", x, got, want)
		}
	}
	for _, x := range []float64{0, 1, -1, math.Ln2, 708.9, -707.9, 709, -708, 710, -746, math.Inf(1), math.Inf(-1)} {
		got, want := simExp(x), math.Exp(x)
		if math.Abs(got-want) > 4.5e-16*want && !(math.IsInf(got, 1) && math.IsInf(want, 1)) {
			t.Errorf("simExp(%v) = %v, want %v", x, got, want)
		}
	}
	if !math.IsNaN(simExp(math.NaN())) {
		t.Error("simExp(NaN) is not NaN")
	}
}
