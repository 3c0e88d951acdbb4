package figure

import (
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"
)

// Each expected string is the house rule applied by hand to the input beside it.
func TestFixed(t *testing.T) {
	got := []string{
		Fixed(1234567.891, 2), // grouped in thousands
		Fixed(999, 0),         // no separator below 1,000
		Fixed(12000, 0),       //
		Fixed(-3.26, 1),       // a true minus sign
		Fixed(-1234.567, 1),   //
		Fixed(-0.04, 1),       // rounds to zero: no sign
		Fixed(0.885, 3),       //
		Whole(2209),           //
		Whole(int64(-100000)), //
	}
	want := []string{"1,234,567.89", "999", "12,000", "−3.3", "−1,234.6", "0.0", "0.885", "2,209", "−100,000"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// Fixed writes the number strconv does, grouped in threes and with a true minus sign.
func TestPropertyFixed(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		x := rapid.Float64Range(-1e12, 1e12).Draw(t, "x")
		dp := rapid.IntRange(0, 4).Draw(t, "dp")
		got := Fixed(x, dp)
		want := strconv.FormatFloat(x, 'f', dp, 64)
		if v, _ := strconv.ParseFloat(want, 64); v == 0 {
			want = strings.TrimPrefix(want, "-")
		}
		if plain := strings.ReplaceAll(strings.ReplaceAll(got, ",", ""), Minus, "-"); plain != want {
			t.Fatalf("Fixed(%v, %d) = %q, want %q grouped", x, dp, got, want)
		}
		whole, _, _ := strings.Cut(strings.TrimPrefix(got, Minus), ".")
		for i, group := range strings.Split(whole, ",") {
			if len(group) == 0 || len(group) > 3 || (i > 0 && len(group) != 3) {
				t.Fatalf("Fixed(%v, %d) = %q: not grouped in threes", x, dp, got)
			}
		}
	})
}

func BenchmarkFixed(b *testing.B) {
	b.ReportAllocs()
	for range b.N {
		_ = Fixed(-1234567.891, 1)
	}
}
