package pam

import (
	"math"
	"math/big"
	"testing"

	"pgregory.net/rapid"
)

// modBig returns x modulo 2^bits, the value a fixed-width integer of that many bits holds.
func modBig(x *big.Int, bits uint) *big.Int {
	m := new(big.Int).Lsh(big.NewInt(1), bits)
	return new(big.Int).Mod(x, m)
}

func TestWideIntegersMatchBig(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		var a uint128
		var b uint192
		wa, wb := new(big.Int), new(big.Int)
		word := rapid.Uint64()
		for range rapid.IntRange(1, 40).Draw(t, "steps") {
			hi, lo := word.Draw(t, "hi"), word.Draw(t, "lo")
			v := new(big.Int).Lsh(new(big.Int).SetUint64(hi), 64)
			v.Or(v, new(big.Int).SetUint64(lo))
			switch rapid.IntRange(0, 3).Draw(t, "op") {
			case 0:
				a.add(lo)
				wa.Add(wa, new(big.Int).SetUint64(lo))
			case 1:
				a.addWide(hi, lo)
				wa.Add(wa, v)
			case 2:
				b.addWide(hi, lo)
				wb.Add(wb, v)
			case 3:
				o := uint192{lo, hi, word.Draw(t, "top")}
				b.merge(o)
				wb.Add(wb, o.big())
			}
		}
		if got, want := a.big(), modBig(wa, 128); got.Cmp(want) != 0 {
			t.Fatalf("uint128 %v, want %v", got, want)
		}
		if got, want := b.big(), modBig(wb, 192); got.Cmp(want) != 0 {
			t.Fatalf("uint192 %v, want %v", got, want)
		}
		var m uint128
		m.merge(a)
		m.merge(a)
		if got, want := m.big(), modBig(new(big.Int).Lsh(a.big(), 1), 128); got.Cmp(want) != 0 {
			t.Fatalf("uint128 merge %v, want %v", got, want)
		}
	})
}

// TestScoreUnits checks the documented grid: scores of 1/32 and above are held exactly, lower
// ones within half a unit, and the largest score fits.
func TestScoreUnits(t *testing.T) {
	unit := math.Ldexp(1, -scoreUnitBits)
	for _, x := range []float64{0, 1.0 / 32, 0.5, 1, 47, 55.1, 64, 72.4, 99.99999999999999, 100} {
		if back := float64(scoreUnits(x)) * unit; back != x {
			t.Errorf("%v held as %v", x, back)
		}
	}
	for _, x := range []float64{math.SmallestNonzeroFloat64, 1e-300, 0.01, math.Nextafter(1.0/32, 0)} {
		back := new(big.Float).SetPrec(200).SetUint64(scoreUnits(x))
		back.SetMantExp(back, -scoreUnitBits)
		diff := new(big.Float).SetPrec(200).Sub(back, big.NewFloat(x))
		if d, _ := diff.Float64(); math.Abs(d) > unit/2 {
			t.Errorf("%v held %v away", x, d)
		}
	}
	if scoreUnits(100) != 100<<scoreUnitBits {
		t.Errorf("100 points: %d units", scoreUnits(100))
	}
}

// TestCohortStatisticsCorrectlyRounded compares a cohort's mean and SD with the same figures
// computed independently in exact rational arithmetic from the scores themselves: the mean is
// the float64 nearest Σx/n, the SD the square root of the float64 nearest
// (nΣx² − (Σx)²)/(n(n − 1)).
func TestCohortStatisticsCorrectlyRounded(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		xs := rapid.SliceOfN(rapid.Float64Range(0, 100), 1, 300).Draw(t, "scores")
		var c Cohort
		sum, sumSq := new(big.Rat), new(big.Rat)
		for i, x := range xs {
			if x < 1.0/32 {
				xs[i], x = 0, 0 // below the exact grid; see TestScoreUnits
			}
			c.Add(scoredResult(x, ""))
			r := new(big.Rat).SetFloat64(x)
			sum.Add(sum, r)
			sumSq.Add(sumSq, r.Mul(r, r))
		}
		n := new(big.Rat).SetInt64(int64(len(xs)))
		wantMean, _ := new(big.Rat).Quo(sum, n).Float64()
		s := c.Summary()
		if *s.Mean != wantMean {
			t.Fatalf("mean %v, want %v", *s.Mean, wantMean)
		}
		if len(xs) < 2 {
			return
		}
		num := new(big.Rat).Mul(n, sumSq)
		num.Sub(num, new(big.Rat).Mul(sum, sum))
		den := new(big.Rat).Mul(n, new(big.Rat).Sub(n, big.NewRat(1, 1)))
		v, _ := num.Quo(num, den).Float64()
		if want := math.Sqrt(v); *s.SD != want {
			t.Fatalf("SD %v, want %v", *s.SD, want)
		}
	})
}

// TestCohortHoldsAnyCount adds a cohort to itself until it holds 2⁵³ results of 100 points,
// the most an encoding carries: the sums do not overflow and the statistics stay exact.
func TestCohortHoldsAnyCount(t *testing.T) {
	var c Cohort
	c.Add(scoredResult(100, ""))
	for range 53 {
		c.Merge(&c)
	}
	s := c.Summary()
	if s.Accepted != 1<<53 || *s.Mean != 100 || *s.SD != 0 {
		t.Fatalf("accepted %d, mean %v, SD %v", s.Accepted, *s.Mean, *s.SD)
	}
	data, _ := c.MarshalBinary()
	var back Cohort
	if err := back.UnmarshalBinary(data); err != nil || back != c {
		t.Fatalf("a full cohort does not round-trip: %v", err)
	}
}

func BenchmarkCohortSummary(b *testing.B) {
	var c Cohort
	for i := range 1000 {
		c.Add(scoredResult(40+float64(i%600)/10, ""))
	}
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		_ = c.Summary()
	}
}
