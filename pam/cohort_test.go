package pam

import (
	"encoding/json"
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/peopleandcommunities/engage/internal/dist"
	"pgregory.net/rapid"
)

// scoredResult is an accepted PAM-13 result with the given unrounded score, dated d
// (YYYY-MM-DD, or "" for none), under the Insignia2024 scheme and calibration "c".
func scoredResult(score float64, d string) Result {
	r := Result{Form: PAM13, Calibration: "c", Scheme: Insignia2024, Scored: true,
		Score: RoundScore(score), Unrounded: score, Level: Insignia2024.Level(score),
		Logit: (score - 50) / 10, StandardError: 0.4, Answered: 13, Accepted: true}
	if d != "" {
		r.Date, _ = ParseDate(d)
	}
	return r
}

func TestChange(t *testing.T) {
	// Levels under Insignia2024: ≤ 47.0, ≤ 55.1, ≤ 72.4, above. Differences are taken between
	// the one-decimal scores, so 55.4 − 52.4 is exactly 3.0 (in binary floating point it would
	// be 3.0000000000000036) and 55.3 − 52.4 is 2.9.
	for _, c := range []struct {
		before, after float64
		want          ScoreChange
	}{
		{52.4, 55.4, ScoreChange{Before: 52.4, After: 55.4, Difference: 3, From: Level2, To: Level3, Levels: 1, Meaningful: true}},
		{52.4, 55.3, ScoreChange{Before: 52.4, After: 55.3, Difference: 2.9, From: Level2, To: Level3, Levels: 1}},
		{47.0, 53.0, ScoreChange{Before: 47, After: 53, Difference: 6, From: Level1, To: Level2, Levels: 1, Meaningful: true, Excellent: true}},
		{47.04, 52.96, ScoreChange{Before: 47, After: 53, Difference: 6, From: Level1, To: Level2, Levels: 1, Meaningful: true, Excellent: true}},
		{72.5, 69.4, ScoreChange{Before: 72.5, After: 69.4, Difference: -3.1, From: Level4, To: Level3, Levels: -1}},
		{0, 100, ScoreChange{Before: 0, After: 100, Difference: 100, From: Level1, To: Level4, Levels: 3, Meaningful: true, Excellent: true}},
		{61.9, 61.9, ScoreChange{Before: 61.9, After: 61.9, From: Level3, To: Level3}},
	} {
		got, err := Change(scoredResult(c.before, "2025-01-01"), scoredResult(c.after, "2025-09-01"))
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(c.want, got); diff != "" {
			t.Errorf("Change(%v, %v) (-want +got):\n%s", c.before, c.after, diff)
		}
	}
}

func TestChangeErrors(t *testing.T) {
	base := scoredResult(50, "2025-06-01")
	for _, c := range []struct {
		name          string
		before, after func() Result
		want          []string
	}{
		{"unscored", func() Result { return Result{Form: PAM13, Calibration: "c", Scheme: Insignia2024} }, func() Result { return base },
			[]string{"/before/scored: pam: result has no score"}},
		{"different calibrations", func() Result { return base }, func() Result { r := base; r.Calibration = "other"; return r },
			[]string{"/after/calibration: pam: results are not comparable"}},
		{"different schemes", func() Result { return base }, func() Result { r := base; r.Scheme = Hibbard2005; return r },
			[]string{"/after/levelScheme: pam: results are not comparable"}},
		{"follow-up before baseline", func() Result { return base }, func() Result { return scoredResult(60, "2025-05-31") },
			[]string{"/after/date: pam: follow-up dated before baseline"}},
		{"impossible score", func() Result { return base }, func() Result { r := base; r.Score = math.NaN(); return r },
			[]string{"/after/score: pam: value out of range"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := Change(c.before(), c.after())
			if diff := cmp.Diff(c.want, fieldProblems(err)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestCohortSummary(t *testing.T) {
	var c Cohort
	for _, s := range []float64{40, 50, 60} {
		c.Add(scoredResult(s, ""))
	}
	// A rejected extreme line, an unscored result and an impossible one.
	ext := scoredResult(100, "")
	ext.Extreme, ext.Logit, ext.StandardError = true, 0, 0
	ext.Flags, ext.Accepted = FlagsOf(ExtremeLine, AllSame), false
	c.Add(ext)
	c.Add(Result{Form: PAM13, Calibration: "c", Scheme: Insignia2024, NotAnswered: 13, Flags: FlagsOf(TooFewAnswered)})
	bad := scoredResult(50, "")
	bad.Unrounded = math.NaN()
	c.Add(bad)

	s := c.Summary()
	// Hand derivation for the accepted scores 40, 50, 60: mean 50; sample SD
	// √((10² + 0² + 10²)/2) = 10; 95% interval 50 ± t(0.975, 2)·10/√3 with t(0.975, 2) = 4.303
	// (tables of Student's t); each level under both schemes holds one of three, whose Wilson
	// interval at 95% is [0.0615, 0.7923] (1 of 3, z = 1.96).
	if s.Results != 5 || s.Scored != 4 || s.Accepted != 3 || s.Invalid != 1 {
		t.Errorf("counts %+v", s)
	}
	wantFlags := map[Flag]int64{ExtremeLine: 1, AllSame: 1, TooManyNotApplicable: 0, TooFewAnswered: 1}
	if diff := cmp.Diff(wantFlags, s.Flagged); diff != "" {
		t.Errorf("flagged (-want +got):\n%s", diff)
	}
	approx := cmpopts.EquateApprox(0, 1e-3)
	// The sums are exact and read once, so the mean and SD are exactly 50 and 10.
	if *s.Mean != 50 || *s.SD != 10 || *s.Min != 40 || *s.Max != 60 {
		t.Errorf("mean %v sd %v min %v max %v", *s.Mean, *s.SD, *s.Min, *s.Max)
	}
	h := 4.303 * 10 / math.Sqrt(3)
	if !cmp.Equal(*s.MeanInterval, Interval{Level: 0.95, Lower: 50 - h, Upper: 50 + h}, cmpopts.EquateApprox(1e-4, 0)) {
		t.Errorf("mean interval %+v", *s.MeanInterval)
	}
	for _, sl := range s.Levels {
		wantCounts := [4]int64{1, 1, 1, 0}
		for i, ls := range sl.Levels {
			if ls.Level != Level(i+1) || ls.Count != wantCounts[i] {
				t.Errorf("%v %v: %+v", sl.Scheme, ls.Level, ls)
			}
		}
		if !cmp.Equal(sl.Levels[0].Proportion, 1.0/3, approx) ||
			!cmp.Equal(sl.Levels[0].Interval, Interval{Level: 0.95, Lower: 0.0615, Upper: 0.7923}, cmpopts.EquateApprox(0, 1e-4)) {
			t.Errorf("%v level 1: %+v", sl.Scheme, sl.Levels[0])
		}
		if sl.Levels[3].Interval.Lower != 0 {
			t.Errorf("no results at a level: lower limit %v", sl.Levels[3].Interval.Lower)
		}
	}
	if len(s.Levels) != 2 || s.Levels[0].Scheme != Hibbard2005 || s.Levels[1].Scheme != Insignia2024 {
		t.Errorf("schemes %v", s.Levels)
	}
	if _, err := json.Marshal(s); err != nil {
		t.Errorf("summary does not marshal: %v", err)
	}
}

func TestCohortLevelsDifferBetweenSchemes(t *testing.T) {
	// 70.0 is Level 4 under Hibbard2005 (≥ 67.1) and Level 3 under Insignia2024 (≤ 72.4).
	var c Cohort
	c.Add(scoredResult(70, ""))
	s := c.Summary()
	if s.Levels[0].Levels[3].Count != 1 || s.Levels[1].Levels[2].Count != 1 {
		t.Errorf("levels %+v", s.Levels)
	}
}

func TestWilsonZ(t *testing.T) {
	z, err := dist.Z(SummaryConfidence)
	if err != nil || math.Abs(z-wilsonZ) > 1e-15 {
		t.Errorf("dist.Z(0.95) = %v, %v; the constant is %v", z, err, wilsonZ)
	}
	// Wilson limits of 0 and n events.
	if iv := wilson(0, 10); iv.Lower != 0 || !(iv.Upper > 0.27 && iv.Upper < 0.28) {
		t.Errorf("wilson(0, 10) = %+v", iv) // upper 0.2775 by the formula with z = 1.96
	}
	if iv := wilson(10, 10); iv.Upper != 1 {
		t.Errorf("wilson(10, 10) = %+v", iv)
	}
}

func TestEmptyCohort(t *testing.T) {
	var c Cohort
	s := c.Summary()
	if s.Mean != nil || s.SD != nil || s.MeanInterval != nil || s.Levels != nil || len(s.Flagged) != 4 {
		t.Errorf("empty summary %+v", s)
	}
	c.Add(scoredResult(55, ""))
	s = c.Summary()
	if s.Mean == nil || *s.Mean != 55 || s.SD != nil || s.MeanInterval != nil {
		t.Errorf("one result: %+v", s)
	}
	c.Merge(nil)
	c.Merge(&Cohort{})
	if got := c.Summary(); *got.Mean != 55 || got.Results != 1 {
		t.Errorf("merging nothing changed the cohort: %+v", got)
	}
}

func TestCohortIsNumericallyStable(t *testing.T) {
	// Scores 70.0 and 70.2 alternating: the mean is 70.1 and the population SD 0.1, so the
	// sample SD of n values is 0.1·√(n/(n − 1)).
	var c Cohort
	const n = 200000
	for i := range n {
		c.Add(scoredResult(70+0.2*float64(i%2), ""))
	}
	s := c.Summary()
	if math.Abs(*s.Mean-70.1) > 1e-10 || math.Abs(*s.SD-0.1*math.Sqrt(n/(n-1.0))) > 1e-10 {
		t.Errorf("mean %.15f sd %.15f", *s.Mean, *s.SD)
	}
}

// genResult draws a result: scored or not, flagged or not, accepted or not.
func genResult(t *rapid.T) Result {
	if rapid.IntRange(0, 9).Draw(t, "unscored") == 0 {
		return Result{Form: PAM13, Calibration: "c", Scheme: Insignia2024, NotAnswered: 13, Flags: FlagsOf(TooFewAnswered)}
	}
	r := scoredResult(rapid.Float64Range(0, 100).Draw(t, "score"), "")
	r.Flags = Flags(rapid.IntRange(0, int(AllFlags)).Draw(t, "flags"))
	r.Accepted = r.Flags&FlagsOf(ExtremeLine, TooFewAnswered) == 0
	return r
}

func TestCohortMergeEqualsOneAccumulator(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		rs := rapid.SliceOfN(rapid.Custom(genResult), 0, 200).Draw(t, "results")
		parts := rapid.IntRange(1, 8).Draw(t, "parts")
		var one Cohort
		workers := make([]Cohort, parts)
		for _, r := range rs {
			one.Add(r)
		}
		// Each worker takes results in an order of its own.
		for _, r := range rapid.Permutation(rs).Draw(t, "shuffled") {
			workers[rapid.IntRange(0, parts-1).Draw(t, "worker")].Add(r)
		}
		// Some workers ship their cohort in its binary encoding.
		for i := range workers {
			if rapid.Bool().Draw(t, "shipped") {
				data, _ := workers[i].MarshalBinary()
				workers[i] = Cohort{}
				if err := workers[i].UnmarshalBinary(data); err != nil {
					t.Fatal(err)
				}
			}
		}
		// Merge in a random tree: any two partial cohorts, either way round.
		for len(workers) > 1 {
			i := rapid.IntRange(0, len(workers)-1).Draw(t, "into")
			j := rapid.IntRange(0, len(workers)-2).Draw(t, "from")
			if j >= i {
				j++
			}
			workers[i].Merge(&workers[j])
			workers = append(workers[:j], workers[j+1:]...)
		}
		// Bit for bit: the state, and so every figure of the summary.
		if one != workers[0] {
			t.Fatalf("one %+v\nmerged %+v", one, workers[0])
		}
		if !cmp.Equal(one.Summary(), workers[0].Summary()) {
			t.Fatalf("summaries differ")
		}
	})
}

func BenchmarkCohortAdd(b *testing.B) {
	s := mustScorer(b, Hellstrom2019(), Insignia2024, DefaultPolicy())
	rs := benchResponses(1024, 0)
	results := make([]Result, len(rs))
	for i, r := range rs {
		results[i], _ = s.Score(r)
	}
	var c Cohort
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		c.Add(results[i&1023])
	}
}

// BenchmarkScoreMillionIntoCohort scores 1,000,000 complete PAM-13 responses and adds each
// result to one cohort, on one goroutine: one op is the million.
func BenchmarkScoreMillionIntoCohort(b *testing.B) {
	s := mustScorer(b, Hellstrom2019(), Insignia2024, DefaultPolicy())
	rs := benchResponses(4096, 0)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		var c Cohort
		for j := range 1_000_000 {
			res, err := s.Score(rs[j&4095])
			if err != nil {
				b.Fatal(err)
			}
			c.Add(res)
		}
		if c.Summary().Results != 1_000_000 {
			b.Fatal("lost results")
		}
	}
}

func TestCohortMergeSelf(t *testing.T) {
	var c Cohort
	c.Add(scoredResult(40, ""))
	c.Add(scoredResult(60, ""))
	c.Merge(&c)
	s := c.Summary()
	if s.Results != 4 || *s.Mean != 50 {
		t.Errorf("merging a cohort into itself counts it twice: %+v", s)
	}
}
