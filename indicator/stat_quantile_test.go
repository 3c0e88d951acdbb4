package indicator

import (
	"errors"
	"math"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"
)

// TestAssignQuantilesHand checks phe_quantile's rule,
// quantile = (q + 1) − ⌈((N + 1) − rank)/(N/q)⌉ with ties at the minimum rank and 0 → 1,
// worked by hand:
//
//   - ten distinct values 10 … 1 in quintiles, highest first: N/q = 2, rank r gives
//     6 − ⌈(11 − r)/2⌉ = 1, 1, 2, 2, 3, 3, 4, 4, 5, 5;
//   - six values (4, 4, 4, 3, 2, 1) in thirds, highest first: the three 4s share rank 1
//     (6 − 3 → 1), 3 has rank 4 (4 − ⌈3/2⌉ = 2), 2 rank 5 (4 − 1 = 3), 1 rank 6
//     (4 − ⌈0.5⌉ = 3): the tie puts three areas in quantile 1;
//   - the same values lowest first: ranks 4, 4, 4, 3, 2, 1 give 4 − ⌈3/2⌉ = 2 for the 4s
//     and 3, then 4 − ⌈5/2⌉ = 1 and 4 − ⌈6/2⌉ = 1;
//   - seven values 1 … 7 in thirds, lowest first: N/q = 2.3333333333333335, so
//     (8 − r)/(N/q) = 2.99…, 2.57, 2.14, 1.71, 1.29, 0.86, 0.43 → 1, 1, 1, 2, 2, 3, 3;
//   - fifteen values in 13 quantiles, lowest first: for rank 1, 15/(15/13) =
//     13.000000000000002 in float64, whose ceiling 14 gives quantile 0, which phe_quantile
//     turns into 1.
func TestAssignQuantilesHand(t *testing.T) {
	cases := []struct {
		name   string
		values []float64
		q      int
		order  QuantileOrder
		want   []int
	}{
		{"quintiles of ten", []float64{10, 9, 8, 7, 6, 5, 4, 3, 2, 1}, 5, HighestFirst, []int{1, 1, 2, 2, 3, 3, 4, 4, 5, 5}},
		{"ties highest first", []float64{4, 4, 4, 3, 2, 1}, 3, HighestFirst, []int{1, 1, 1, 2, 3, 3}},
		{"ties lowest first", []float64{4, 4, 4, 3, 2, 1}, 3, LowestFirst, []int{2, 2, 2, 2, 1, 1}},
		{"uneven thirds", []float64{1, 2, 3, 4, 5, 6, 7}, 3, LowestFirst, []int{1, 1, 1, 2, 2, 3, 3}},
		{"equal counts", []float64{3, 1, 2}, 3, LowestFirst, []int{3, 1, 2}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := AssignQuantiles(c.values, c.q, c.order)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(c.want, got); diff != "" {
				t.Errorf("-want +got\n%s", diff)
			}
		})
	}
	fifteen := make([]float64, 15)
	for i := range fifteen {
		fifteen[i] = float64(i)
	}
	got, err := AssignQuantiles(fifteen, 13, LowestFirst)
	if err != nil || got[0] != 1 || got[14] != 13 {
		t.Errorf("15 in 13 quantiles: %v, %v; want 1 first (0 → 1) and 13 last", got, err)
	}
}

func TestAssignQuantilesRefusals(t *testing.T) {
	if _, err := AssignQuantiles([]float64{1, 2, 3, 4}, 5, HighestFirst); !errors.Is(err, ErrTooFewAreas) {
		t.Errorf("4 areas in quintiles: %v, want ErrTooFewAreas", err)
	}
	_, err := AssignQuantiles([]float64{1, math.NaN(), math.Inf(-1)}, 0, 0)
	if diff := cmp.Diff([]string{"/quantiles", "/order", "/values/1", "/values/2"}, paths(err)); diff != "" {
		t.Errorf("-want +got\n%s", diff)
	}
}

func TestPropertyQuantiles(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		q := rapid.IntRange(1, 20).Draw(t, "quantiles")
		values := rapid.SliceOfN(rapid.Map(rapid.IntRange(-10, 10), func(v int) float64 { return float64(v) / 2 }), q, 200).Draw(t, "values")
		hi, err := AssignQuantiles(values, q, HighestFirst)
		if err != nil {
			t.Fatal(err)
		}
		lo, err := AssignQuantiles(values, q, LowestFirst)
		if err != nil {
			t.Fatal(err)
		}
		neg := make([]float64, len(values))
		for i, v := range values {
			neg[i] = -v
		}
		inv, _ := AssignQuantiles(neg, q, LowestFirst)
		if !slices.Equal(hi, inv) {
			t.Fatalf("highest-first differs from lowest-first of the negated values")
		}
		for i := range values {
			if hi[i] < 1 || hi[i] > q || lo[i] < 1 || lo[i] > q {
				t.Fatalf("quantile out of 1…%d", q)
			}
			for j := range values {
				if values[i] == values[j] && (hi[i] != hi[j] || lo[i] != lo[j]) {
					t.Fatalf("tied values in different quantiles")
				}
				if values[i] < values[j] && (lo[i] > lo[j] || hi[i] < hi[j]) {
					t.Fatalf("quantiles not monotone in value")
				}
			}
		}
	})
}
