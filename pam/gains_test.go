package pam

import (
	"encoding/json"
	"errors"
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"pgregory.net/rapid"
)

func TestGainsExclusions(t *testing.T) {
	// CMS MIPS 503 (CBE/NQF #2483): a second score 6 to 12 months after baseline; exceptions
	// Level 4 at baseline and extreme line response sets. Level 4 under Insignia2024 starts at
	// 72.5.
	base := scoredResult(50, "2025-01-15")
	extreme := func(r Result) Result {
		r.Flags, r.Accepted = FlagsOf(ExtremeLine, AllSame), false
		return r
	}
	for _, c := range []struct {
		name     string
		b, f     Result
		want     Exclusion
		achieved bool
	}{
		{"six months to the day, +3", base, scoredResult(53, "2025-07-15"), NotExcluded, true},
		{"twelve months to the day, +2.9", base, scoredResult(52.9, "2026-01-15"), NotExcluded, false},
		{"a day short of six months", base, scoredResult(60, "2025-07-14"), ExcludedOutsideWindow, false},
		{"a day past twelve months", base, scoredResult(60, "2026-01-16"), ExcludedOutsideWindow, false},
		{"follow-up before baseline", base, scoredResult(60, "2024-07-15"), ExcludedOutsideWindow, false},
		{"follow-up unscored", base, Result{Form: PAM13, Calibration: "c", Scheme: Insignia2024, Date: Date{2025, 9, 1}}, ExcludedNotScored, false},
		{"different calibrations", base, func() Result { r := scoredResult(60, "2025-09-01"); r.Calibration = "d"; return r }(), ExcludedIncomparable, false},
		{"baseline undated", scoredResult(50, ""), scoredResult(60, "2025-09-01"), ExcludedUndated, false},
		{"extreme line at follow-up", base, extreme(scoredResult(100, "2025-09-01")), ExcludedExtremeLine, false},
		{"extreme line at baseline", extreme(scoredResult(0, "2025-01-15")), scoredResult(60, "2025-09-01"), ExcludedExtremeLine, false},
		{"level 4 at baseline", scoredResult(72.5, "2025-01-15"), scoredResult(80, "2025-09-01"), ExcludedLevel4, false},
		{"level 3 at baseline (72.4)", scoredResult(72.44, "2025-01-15"), scoredResult(80, "2025-09-01"), NotExcluded, true},
		{"rejected for another reason", base, func() Result {
			r := scoredResult(60, "2025-09-01")
			r.Flags, r.Accepted = FlagsOf(TooFewAnswered), false
			return r
		}(), ExcludedRejected, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			var g Gains
			if got := g.Add(c.b, c.f); got != c.want {
				t.Fatalf("Add = %v, want %v", got, c.want)
			}
			s := g.Summary()
			if s.Pairs != 1 || (s.Achieved == 1) != c.achieved || (s.Eligible == 1) != (c.want == NotExcluded) {
				t.Errorf("summary %+v", s)
			}
			if c.want != NotExcluded && s.Excluded[c.want] != 1 {
				t.Errorf("excluded %v", s.Excluded)
			}
		})
	}
}

func TestGainsSchemeDecidesLevel4(t *testing.T) {
	// 70.0 is Level 4 under Hibbard2005 (≥ 67.1) but Level 3 under Insignia2024.
	b, f := scoredResult(70, "2025-01-15"), scoredResult(75, "2025-09-01")
	g, err := NewGains(DefaultWindow(), Hibbard2005)
	if err != nil {
		t.Fatal(err)
	}
	if got := g.Add(b, f); got != ExcludedLevel4 {
		t.Errorf("Hibbard2005: %v", got)
	}
	var z Gains
	if got := z.Add(b, f); got != NotExcluded || z.Scheme() != Insignia2024 || z.Window() != DefaultWindow() {
		t.Errorf("zero Gains: %v, %v, %v", got, z.Scheme(), z.Window())
	}
}

func TestGainsSummary(t *testing.T) {
	var g Gains
	// Five eligible pairs with changes +3.0, +6.0, +2.9, −1.0, 0.0, and one excluded.
	for _, d := range []float64{3, 6, 2.9, -1, 0} {
		g.Add(scoredResult(50, "2025-01-15"), scoredResult(50+d, "2025-08-01"))
	}
	g.Add(scoredResult(80, "2025-01-15"), scoredResult(90, "2025-08-01"))
	s := g.Summary()
	// Hand derivation: 2 of 5 achieve ≥ 3 (proportion 0.4), 1 of 5 ≥ 6; Wilson 95% for 2 of 5
	// is [0.1176, 0.7693]; mean change (3 + 6 + 2.9 − 1 + 0)/5 = 2.18, sample SD
	// √(Σ(x − 2.18)²/4) = √((0.82² + 3.82² + 0.72² + 3.18² + 2.18²)/4) = √(30.648/4) = 2.7680.
	want := GainsSummary{Window: Window{6, 12}, Scheme: Insignia2024, Pairs: 6, Eligible: 5, Achieved: 2, Excellent: 1,
		Excluded: map[Exclusion]int64{ExcludedNotScored: 0, ExcludedIncomparable: 0, ExcludedUndated: 0,
			ExcludedOutsideWindow: 0, ExcludedExtremeLine: 0, ExcludedLevel4: 1, ExcludedRejected: 0},
		Proportion: ptr(0.4), Interval: &Interval{Level: 0.95, Lower: 0.1176, Upper: 0.7693},
		MeanChange: ptr(2.18), SDChange: ptr(2.7680)}
	if diff := cmp.Diff(want, s, cmpopts.EquateApprox(0, 1e-4)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	// The changes are summed exactly (109/50 points on average, variance 30.648/4 =
	// 7.662), and each statistic is rounded once.
	if *s.MeanChange != 2.18 || *s.SDChange != math.Sqrt(7.662) {
		t.Errorf("mean change %v, SD %v: want exactly 2.18 and √7.662", *s.MeanChange, *s.SDChange)
	}
	b, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	var back GainsSummary
	if err := json.Unmarshal(b, &back); err != nil || !cmp.Equal(s, back) {
		t.Errorf("summary JSON round trip: %s, %v", b, err)
	}
	var empty Gains
	if es := empty.Summary(); es.Proportion != nil || es.Interval != nil || es.MeanChange != nil || es.SDChange != nil {
		t.Errorf("empty summary %+v", es)
	}
}

func ptr(x float64) *float64 { return &x }

func TestGainsMerge(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		n := rapid.IntRange(0, 100).Draw(t, "pairs")
		var one, a, b Gains
		for range n {
			base := scoredResult(rapid.Float64Range(0, 100).Draw(t, "baseline"), "2025-01-15")
			month := rapid.IntRange(1, 15).Draw(t, "month")
			f := scoredResult(rapid.Float64Range(0, 100).Draw(t, "follow-up"), "")
			f.Date = base.Date.AddMonths(month)
			if rapid.Bool().Draw(t, "extreme") {
				f.Flags = FlagsOf(ExtremeLine)
			}
			one.Add(base, f)
			if rapid.Bool().Draw(t, "worker") {
				a.Add(base, f)
			} else {
				b.Add(base, f)
			}
		}
		ab, ba := a, b
		if err := ab.Merge(&b); err != nil {
			t.Fatal(err)
		}
		if err := ba.Merge(&a); err != nil {
			t.Fatal(err)
		}
		// Merged either way round, the state is the same bit for bit, and so is the summary
		// of one accumulator given every pair.
		if ab != ba || !cmp.Equal(one.Summary(), ab.Summary()) {
			t.Fatalf("one %+v\nmerged %+v", one.Summary(), ab.Summary())
		}
	})
	// Gains with different settings do not merge.
	h, _ := NewGains(DefaultWindow(), Hibbard2005)
	var z Gains
	z.Add(scoredResult(50, "2025-01-15"), scoredResult(55, "2025-08-01"))
	before := z.Summary()
	if err := z.Merge(&h); !errors.Is(err, ErrIncomparable) {
		t.Errorf("merging different schemes: %v", err)
	}
	if !cmp.Equal(before, z.Summary()) {
		t.Errorf("a refused merge changed the gains")
	}
	same, _ := NewGains(DefaultWindow(), Insignia2024)
	if err := same.Merge(&z); err != nil || same.Summary().Eligible != 1 {
		t.Errorf("a zero Gains merges into one with the default settings: %v", err)
	}
	if err := same.Merge(nil); err != nil {
		t.Errorf("Merge(nil): %v", err)
	}
}

func TestNewGainsValidates(t *testing.T) {
	_, err := NewGains(Window{MinMonths: 12, MaxMonths: 6}, 0)
	want := []string{"/window/maxMonths: pam: inconsistent values", "/scheme: pam: required value missing"}
	if diff := cmp.Diff(want, fieldProblems(err)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	_, err = NewGains(Window{MinMonths: -1, MaxMonths: 121}, Insignia2024)
	want = []string{"/window/minMonths: pam: value out of range", "/window/maxMonths: pam: value out of range"}
	if diff := cmp.Diff(want, fieldProblems(err)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if g, err := NewGains(Window{0, 24}, Hibbard2005); err != nil || g.Window() != (Window{0, 24}) || g.Scheme() != Hibbard2005 {
		t.Errorf("valid settings: %v", err)
	}
}

func BenchmarkGainsAdd(b *testing.B) {
	base, f := scoredResult(50, "2025-01-15"), scoredResult(54, "2025-09-01")
	var g Gains
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		g.Add(base, f)
	}
}
