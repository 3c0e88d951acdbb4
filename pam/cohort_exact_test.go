package pam

import (
	"math/big"
	"testing"

	"pgregory.net/rapid"
)

// TestCohortStatisticsCorrectlyRounded compares a cohort's mean and SD with the same figures
// computed independently in exact rational arithmetic from the scores themselves: the mean is
// the float64 nearest Σx/n, the SD the float64 nearest the square root of
// (nΣx² − (Σx)²)/(n(n − 1)) (taken here to 300 bits, then rounded).
func TestCohortStatisticsCorrectlyRounded(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		xs := rapid.SliceOfN(rapid.Float64Range(0, 100), 1, 300).Draw(t, "scores")
		var c Cohort
		sum, sumSq := new(big.Rat), new(big.Rat)
		for i, x := range xs {
			if x < 0x1p-12 {
				xs[i], x = 0, 0 // below 2⁻¹², a score is held to within 2⁻⁶⁵ (internal/exactsum)
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
		v := new(big.Float).SetPrec(300).SetRat(num.Quo(num, den))
		if want, _ := v.Sqrt(v).Float64(); *s.SD != want {
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
