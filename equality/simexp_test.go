package equality

import (
	"math"
	"math/rand/v2"
	"testing"
)

// simExpULPs is the error of simExp(x) in units in the last place of math.Exp(x).
func simExpULPs(got, want float64) float64 {
	return math.Abs(got-want) / (math.Nextafter(want, math.Inf(1)) - want)
}

// TestSimExp bounds simExpSlice's error against math.Exp over the whole range where it does
// its own arithmetic, (−708, 709), outside which it defers to math.Exp: at most 2 ulp of
// math.Exp's result, on a regular grid through the range (every table index and every
// binary exponent of the result), at random points uniform in it and in every binade of |x|
// down to 2⁻⁶⁰, and at the edges. By construction the error is at most about 1 ulp (half an
// ulp from rounding the table entry, half from the final addition; the reduction and
// polynomial add far less), and math.Exp's own is below 1 ulp.
func TestSimExp(t *testing.T) {
	const maxULPs = 2
	worst, worstX := 0.0, 0.0
	check := func(xs []float64) {
		t.Helper()
		got := append([]float64(nil), xs...)
		simExpSlice(got)
		for i, x := range xs {
			want := math.Exp(x)
			if math.IsNaN(x) {
				if !math.IsNaN(got[i]) {
					t.Fatalf("simExp(NaN) = %v", got[i])
				}
				continue
			}
			if got[i] == want {
				continue
			}
			if math.IsInf(want, 0) || want == 0 {
				t.Fatalf("simExp(%v) = %v, math.Exp %v", x, got[i], want)
			}
			e := simExpULPs(got[i], want)
			if e > maxULPs {
				t.Fatalf("simExp(%v) = %v, math.Exp %v: %.2f ulp", x, got[i], want, e)
			}
			if e > worst {
				worst, worstX = e, x
			}
		}
	}
	// A grid of step 2⁻¹⁰ through (−708, 709): 1.45 million points, 1/16 as many in short
	// mode, about eleven in every interval of the reduction (ln2/64 wide), shifted by
	// step/π so that they fall at different places in each.
	step := 0x1p-10
	if testing.Short() {
		step = 0x1p-6
	}
	buf := make([]float64, 0, 1<<16)
	for x := -708.0; x < 709; x += step {
		buf = append(buf, x+step/math.Pi)
		if len(buf) == cap(buf) {
			check(buf)
			buf = buf[:0]
		}
	}
	check(buf)
	rng := rand.New(rand.NewPCG(3, 4))
	n := 1_000_000
	if testing.Short() {
		n = 100_000
	}
	buf = buf[:0]
	for i := range n {
		var x float64
		switch i % 3 {
		case 0:
			x = -708 + rng.Float64()*1417 // uniform in the range
		case 1:
			x = rng.NormFloat64() * 4 // where the simulation's draws fall
		default:
			x = math.Ldexp(1+rng.Float64(), -60+rng.IntN(70)) // every binade of |x|
			if rng.IntN(2) == 0 {
				x = -x
			}
		}
		if x <= -708 || x >= 709 {
			continue
		}
		buf = append(buf, x)
		if len(buf) == cap(buf) {
			check(buf)
			buf = buf[:0]
		}
	}
	check(buf)
	// The edges, the values beyond them (math.Exp's own results), and NaN.
	check([]float64{0, math.Copysign(0, -1), 1, -1, math.Ln2, -math.Ln2, math.Ln2 / 128, 5e-324,
		math.Nextafter(-708, 0), math.Nextafter(709, 0), -708, 709, 709.7, 710, -745, -746,
		math.Inf(1), math.Inf(-1), math.NaN()})
	t.Logf("largest error %.3f ulp, at x = %v", worst, worstX)
	// simExp is simExpSlice of one value.
	for _, x := range []float64{-3.7, 0.25, 12} {
		v := []float64{x}
		simExpSlice(v)
		if simExp(x) != v[0] {
			t.Errorf("simExp(%v) = %v, simExpSlice %v", x, simExp(x), v[0])
		}
	}
}
