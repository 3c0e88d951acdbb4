package pam

import (
	"errors"
	"math"
	"math/rand/v2"
	"testing"

	"pgregory.net/rapid"
)

// binomial returns a rating-scale calibration whose items all have difficulty delta and whose
// thresholds are τ = (−ln 3, 0, ln 3). Then exp(−Σⱼ₌₁..ₖ τⱼ) = C(3, k), so each answer behaves as
// the number of successes in three Bernoulli trials with p = 1/(1 + e^−(θ−δ)) (Andrich's
// binomial-trials model), the expected raw score over n items is 3np, and the Rasch estimate
// from raw score x has the closed form
//
//	θ̂ = δ + ln(x / (3n − x)),   SE = 1/√(3n·p(1 − p)),  p = x/(3n)
func binomial(delta float64) Calibration {
	c := Calibration{
		Name: "binomial", Model: RatingScale,
		Thresholds: []float64{-math.Log(3), 0, math.Log(3)},
		Transform:  Transform{Intercept: 50, Slope: 10},
	}
	for it := PA1; it <= PA13; it++ {
		c.Items = append(c.Items, ItemCalibration{Item: it, Difficulty: delta})
	}
	return c
}

func mustScorer(t testing.TB, c Calibration, s LevelScheme, p Policy) *RaschScorer {
	t.Helper()
	sc, err := NewScorer(c, s, p)
	if err != nil {
		t.Fatal(err)
	}
	return sc
}

// answersWithRaw returns answers to the form's items in order whose 0-based sum is x, filling
// the first items fully first; blank lists items to leave unanswered.
func responseWithRaw(f Form, x int, blank ...Item) Response {
	r := Response{Form: f}
	skip := map[Item]bool{}
	for _, b := range blank {
		skip[b] = true
	}
	// Spread x as evenly as possible over the answered items.
	var its []Item
	for it := range f.Items() {
		if !skip[it] {
			its = append(its, it)
		}
	}
	for i, it := range its {
		share := x / len(its)
		if i < x%len(its) {
			share++
		}
		r.Answers[it-1] = DisagreeStrongly + Answer(share)
	}
	return r
}

func TestRaschClosedForm(t *testing.T) {
	const delta = 0.5
	s := mustScorer(t, binomial(delta), Insignia2024, DefaultPolicy())
	for _, c := range []struct {
		name  string
		r     Response
		n, x  int
		table bool
	}{
		{"PAM-13 all disagree", responseWithRaw(PAM13, 13), 13, 13, true},
		{"PAM-13 all agree", responseWithRaw(PAM13, 26), 13, 26, true},
		{"PAM-13 raw 1", responseWithRaw(PAM13, 1), 13, 1, true},
		{"PAM-13 raw 38", responseWithRaw(PAM13, 38), 13, 38, true},
		{"PAM-10 middle", responseWithRaw(PAM10, 15), 10, 15, true},
		{"PAM-13 with six blank", responseWithRaw(PAM13, 5, PA2, PA4, PA6, PA8, PA10, PA12), 7, 5, false},
		{"PAM-10 with one blank", responseWithRaw(PAM10, 20, PA13), 9, 20, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			res, err := s.Score(c.r)
			if err != nil {
				t.Fatal(err)
			}
			p := float64(c.x) / float64(3*c.n)
			wantTheta := delta + math.Log(float64(c.x)/float64(3*c.n-c.x))
			wantSE := 1 / math.Sqrt(float64(3*c.n)*p*(1-p))
			wantScore := 50 + 10*wantTheta
			if res.Answered != c.n || !res.Scored || res.Extreme {
				t.Fatalf("result %+v", res)
			}
			if math.Abs(res.Logit-wantTheta) > 1e-9 {
				t.Errorf("θ̂ = %.12f, closed form %.12f", res.Logit, wantTheta)
			}
			if math.Abs(res.StandardError-wantSE) > 1e-9 {
				t.Errorf("SE = %.12f, closed form %.12f", res.StandardError, wantSE)
			}
			if math.Abs(res.Unrounded-wantScore) > 1e-8 || res.Score != RoundScore(wantScore) {
				t.Errorf("score %v (%v), closed form %v", res.Score, res.Unrounded, wantScore)
			}
			if res.Level != Insignia2024.Level(wantScore) {
				t.Errorf("level %v", res.Level)
			}
		})
	}
}

func TestRaschSymmetry(t *testing.T) {
	// Items placed symmetrically about 0 with thresholds symmetric about 0: by symmetry the
	// expected raw score at θ = 0 is the middle of the range, 1.5 per item, so a response
	// with raw score 15 on PAM-10 has θ̂ = 0 and scores the intercept.
	c := Calibration{Name: "symmetric", Model: RatingScale, Thresholds: []float64{-1, 0, 1},
		Transform: Transform{Intercept: 61.9, Slope: 8}}
	d := []float64{-1.5, -1.2, -0.9, -0.6, -0.3, 0.3, 0.6, 0.9, 1.2, 1.5}
	i := 0
	for it := range PAM10.Items() {
		c.Items = append(c.Items, ItemCalibration{Item: it, Difficulty: d[i]})
		i++
	}
	s := mustScorer(t, c, Hibbard2005, DefaultPolicy())
	res, err := s.Score(responseWithRaw(PAM10, 15))
	if err != nil {
		t.Fatal(err)
	}
	if math.Abs(res.Logit) > 1e-9 || res.Score != 61.9 || res.Level != Level3 {
		t.Errorf("θ̂ = %v, score %v, level %v; want 0, 61.9, level-3", res.Logit, res.Score, res.Level)
	}
	// A PAM-13 response cannot be scored: the calibration covers only PAM-10.
	if _, err := s.Score(responseWithRaw(PAM13, 20)); !errors.Is(err, ErrNotCalibrated) {
		t.Errorf("PAM-13 under a PAM-10 calibration: %v", err)
	}
	if s.Covers(PAM13) || !s.Covers(PAM10) {
		t.Errorf("Covers")
	}
	if _, err := s.Table(PAM13); !errors.Is(err, ErrNotCalibrated) {
		t.Errorf("Table(PAM13): %v", err)
	}
}

func TestExtremePatterns(t *testing.T) {
	s := mustScorer(t, Hellstrom2019(), Insignia2024, DefaultPolicy())
	for _, c := range []struct {
		name  string
		a     Answer
		score float64
		level Level
	}{
		{"all disagree strongly", DisagreeStrongly, 0, Level1},
		{"all agree strongly", AgreeStrongly, 100, Level4},
	} {
		for _, f := range []Form{PAM13, PAM10} {
			r := Response{Form: f}
			for it := range f.Items() {
				r.Answers[it-1] = c.a
			}
			r.Answers[PA5-1] = NotApplicable // still every answered item at the extreme
			res, err := s.Score(r)
			if err != nil {
				t.Fatal(err)
			}
			want := FlagsOf(ExtremeLine, AllSame)
			if !res.Scored || !res.Extreme || res.Score != c.score || res.Unrounded != c.score || res.Level != c.level ||
				res.Logit != 0 || res.StandardError != 0 || res.Flags != want || res.Accepted {
				t.Errorf("%s %v: %+v", c.name, f, res)
			}
		}
	}
}

func TestScoreUnanswered(t *testing.T) {
	s := mustScorer(t, Hellstrom2019(), Insignia2024, DefaultPolicy())
	r := Response{Form: PAM13, ID: "blank"}
	r.Answers[PA1-1] = NotApplicable
	res, err := s.Score(r)
	if err != nil {
		t.Fatal(err)
	}
	want := Result{ID: "blank", Form: PAM13, Calibration: "hellstrom-2019", Scheme: Insignia2024,
		NotApplicable: 1, NotAnswered: 12, Flags: FlagsOf(TooFewAnswered)}
	if res != want {
		t.Errorf("got %+v\nwant %+v", res, want)
	}
	if err := res.Validate(); err != nil {
		t.Errorf("an unscored result does not validate: %v", err)
	}
}

func TestScoreRejectsInvalidResponses(t *testing.T) {
	s := mustScorer(t, Hellstrom2019(), Insignia2024, DefaultPolicy())
	complete := responseWithRaw(PAM13, 20)
	for _, c := range []struct {
		name   string
		change func(*Response)
		want   []string
	}{
		{"no form", func(r *Response) { r.Form = 0 }, []string{"/form: pam: required value missing"}},
		{"answer out of range", func(r *Response) { r.Answers[3] = 9 }, []string{"/answers/pa4: pam: value out of range"}},
		{"item not on PAM-10", func(r *Response) { r.Form = PAM10 }, []string{
			"/answers/pa3: pam: item not on the response's form",
			"/answers/pa8: pam: item not on the response's form",
			"/answers/pa9: pam: item not on the response's form"}},
		{"impossible date", func(r *Response) { r.Date = Date{2026, 2, 30} }, []string{"/date: pam: value out of range"}},
		{"long id", func(r *Response) { r.ID = string(make([]byte, 129)) }, []string{"/id: pam: value out of range"}},
		{"id not UTF-8", func(r *Response) { r.ID = "\xff" }, []string{"/id: pam: value out of range"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := complete
			c.change(&r)
			_, err := s.Score(r)
			got := fieldProblems(err)
			if len(got) != len(c.want) {
				t.Fatalf("problems %v, want %v", got, c.want)
			}
			for i := range got {
				if got[i] != c.want[i] {
					t.Errorf("problem %d: %s, want %s", i, got[i], c.want[i])
				}
			}
		})
	}
	// A long identifier of multi-byte characters within 128 characters is accepted.
	r := complete
	r.ID = string([]rune{'é', 'é'})
	for len([]rune(r.ID)) < 128 {
		r.ID += "é"
	}
	if _, err := s.Score(r); err != nil {
		t.Errorf("128 two-byte characters: %v", err)
	}
}

func TestNewScorerReportsEverything(t *testing.T) {
	c := Hellstrom2019()
	c.Transform.Slope = 0
	_, err := NewScorer(c, 0, Policy{MinAnswered: 2, MaxNotApplicable: -1, Reject: 1 << 7})
	want := []string{
		"/calibration/transform/slope: pam: value out of range",
		"/scheme: pam: required value missing",
		"/policy/minAnswered: pam: value out of range",
		"/policy/maxNotApplicable: pam: value out of range",
		"/policy/reject: pam: value out of range",
	}
	got := fieldProblems(err)
	if len(got) != len(want) {
		t.Fatalf("problems %v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("problem %d: %s, want %s", i, got[i], want[i])
		}
	}
}

func TestConversionTable(t *testing.T) {
	s := mustScorer(t, Hellstrom2019(), Hibbard2005, DefaultPolicy())
	for _, f := range []Form{PAM13, PAM10} {
		rows, err := s.Table(f)
		if err != nil {
			t.Fatal(err)
		}
		n := f.Len()
		if len(rows) != 3*n+1 || rows[0].Raw != n || rows[3*n].Raw != 4*n {
			t.Fatalf("%v: %d rows from %d to %d", f, len(rows), rows[0].Raw, rows[len(rows)-1].Raw)
		}
		if !rows[0].Extreme || rows[0].Score != 0 || !rows[3*n].Extreme || rows[3*n].Score != 100 {
			t.Errorf("%v: extreme rows %+v %+v", f, rows[0], rows[3*n])
		}
		for i := 1; i < len(rows); i++ {
			if !(rows[i].Unrounded > rows[i-1].Unrounded) || rows[i].Level < rows[i-1].Level {
				t.Errorf("%v: row %d (%v) does not rise above row %d (%v)", f, i, rows[i].Unrounded, i-1, rows[i-1].Unrounded)
			}
		}
		// Every row agrees with scoring a complete response with that raw score.
		for _, row := range rows {
			res, err := s.Score(responseWithRaw(f, row.Raw-n))
			if err != nil {
				t.Fatal(err)
			}
			if res.Unrounded != row.Unrounded || res.Logit != row.Logit || res.Level != row.Level {
				t.Errorf("%v raw %d: table %+v, scored %+v", f, row.Raw, row, res)
			}
		}
	}
}

// scoreOK scores r and fails the test on error.
func scoreOK(t *rapid.T, s Scorer, r Response) Result {
	res, err := s.Score(r)
	if err != nil {
		t.Fatalf("Score: %v", err)
	}
	return res
}

func TestRaschAgreesWithOracle(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		c := genCalibration(t)
		s, err := NewScorer(c, Insignia2024, DefaultPolicy())
		if err != nil {
			t.Fatal(err)
		}
		f := rapid.SampledFrom([]Form{PAM13, PAM10}).Draw(t, "form")
		r := genResponse(t, f)
		res := scoreOK(t, s, r)
		theta, finite := oracle(c, r)
		if !finite {
			if res.Answered > 0 && !res.Extreme {
				t.Fatalf("oracle has no estimate; scorer %+v", res)
			}
			return
		}
		if res.Extreme || math.Abs(res.Logit-theta) > 1e-8 {
			t.Fatalf("θ̂ = %.12f, oracle %.12f", res.Logit, theta)
		}
		if want := c.Transform.Score(theta); math.Abs(res.Unrounded-want) > 1e-6 {
			t.Fatalf("score %v, oracle %v", res.Unrounded, want)
		}
	})
}

func TestRaisingAnAnswerNeverLowersTheScore(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		c := genCalibration(t)
		s, err := NewScorer(c, Insignia2024, DefaultPolicy())
		if err != nil {
			t.Fatal(err)
		}
		f := rapid.SampledFrom([]Form{PAM13, PAM10}).Draw(t, "form")
		r := genResponse(t, f)
		var raisable []Item
		for it := range f.Items() {
			if a := r.Answers[it-1]; a >= DisagreeStrongly && a < AgreeStrongly {
				raisable = append(raisable, it)
			}
		}
		if len(raisable) == 0 {
			return
		}
		it := rapid.SampledFrom(raisable).Draw(t, "item")
		up := r
		up.Answers[it-1] += Answer(rapid.IntRange(1, int(AgreeStrongly-r.Answers[it-1])).Draw(t, "by"))
		before, after := scoreOK(t, s, r), scoreOK(t, s, up)
		if after.Unrounded < before.Unrounded || after.Score < before.Score || after.Level < before.Level {
			t.Fatalf("raising %v lowered the result: %+v → %+v", it, before, after)
		}
		if !before.Extreme && !after.Extreme && !(after.Logit > before.Logit) {
			t.Fatalf("raising %v did not raise θ̂: %v → %v", it, before.Logit, after.Logit)
		}
	})
}

func TestNotApplicableScoresLikeNotAnswered(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		c := genCalibration(t)
		s, err := NewScorer(c, Hibbard2005, DefaultPolicy())
		if err != nil {
			t.Fatal(err)
		}
		f := rapid.SampledFrom([]Form{PAM13, PAM10}).Draw(t, "form")
		r := genResponse(t, f)
		blank := r
		for i, a := range blank.Answers {
			if a == NotApplicable {
				blank.Answers[i] = NotAnswered
			}
		}
		a, b := scoreOK(t, s, r), scoreOK(t, s, blank)
		if a.Scored != b.Scored || a.Unrounded != b.Unrounded || a.Score != b.Score || a.Logit != b.Logit ||
			a.StandardError != b.StandardError || a.Level != b.Level || a.Answered != b.Answered {
			t.Fatalf("N/A %+v\nblank %+v", a, b)
		}
		if a.NotApplicable+a.NotAnswered != b.NotAnswered || b.NotApplicable != 0 {
			t.Fatalf("counts: %+v %+v", a, b)
		}
	})
}

func TestReorderingItemsChangesNothing(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		c := genCalibration(t)
		perm := rapid.Permutation([]Item{PA1, PA2, PA3, PA4, PA5, PA6, PA7, PA8, PA9, PA10, PA11, PA12, PA13}).Draw(t, "perm")
		r := genResponse(t, PAM13)
		// Item i becomes item perm[i-1], in the response and in the calibration; the
		// calibration's list is also reversed.
		pc := c
		pc.Items = nil
		var pr Response
		pr.Form = PAM13
		for i := len(c.Items) - 1; i >= 0; i-- {
			ic := c.Items[i]
			to := perm[ic.Item-1]
			pc.Items = append(pc.Items, ItemCalibration{Item: to, Difficulty: ic.Difficulty, Thresholds: ic.Thresholds})
			pr.Answers[to-1] = r.Answers[ic.Item-1]
		}
		s1, err := NewScorer(c, Insignia2024, DefaultPolicy())
		if err != nil {
			t.Fatal(err)
		}
		s2, err := NewScorer(pc, Insignia2024, DefaultPolicy())
		if err != nil {
			t.Fatal(err)
		}
		a, b := scoreOK(t, s1, r), scoreOK(t, s2, pr)
		if math.Abs(a.Unrounded-b.Unrounded) > 1e-7 || math.Abs(a.Logit-b.Logit) > 1e-9 || a.Flags != b.Flags ||
			a.Answered != b.Answered || a.Extreme != b.Extreme || math.Abs(a.StandardError-b.StandardError) > 1e-9 {
			t.Fatalf("original %+v\nreordered %+v", a, b)
		}
	})
}

func TestScoreDependsOnlyOnAnsweredSetAndRawSum(t *testing.T) {
	// Rasch sufficiency: two responses answering the same items with the same raw sum have the
	// same estimate, however the sum is made up.
	rapid.Check(t, func(t *rapid.T) {
		c := genCalibration(t)
		s, err := NewScorer(c, Insignia2024, DefaultPolicy())
		if err != nil {
			t.Fatal(err)
		}
		r := genResponse(t, PAM13)
		var answered []Item
		for it := range PAM13.Items() {
			if _, ok := r.Answers[it-1].Points(); ok {
				answered = append(answered, it)
			}
		}
		if len(answered) < 2 {
			return
		}
		// Move one point from one answered item to another where possible.
		from := rapid.SampledFrom(answered).Draw(t, "from")
		to := rapid.SampledFrom(answered).Draw(t, "to")
		if from == to || r.Answers[from-1] == DisagreeStrongly || r.Answers[to-1] == AgreeStrongly {
			return
		}
		moved := r
		moved.Answers[from-1]--
		moved.Answers[to-1]++
		a, b := scoreOK(t, s, r), scoreOK(t, s, moved)
		if a.Unrounded != b.Unrounded || a.Logit != b.Logit || a.StandardError != b.StandardError {
			t.Fatalf("same items and raw sum, different estimates: %+v\n%+v", a, b)
		}
	})
}

func TestScoreBoundsAndPolicyAgreement(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		c := genCalibration(t)
		p := Policy{
			MinAnswered:      rapid.Float64Range(0, 1).Draw(t, "minAnswered"),
			MaxNotApplicable: rapid.IntRange(0, 13).Draw(t, "maxNA"),
			Reject:           Flags(rapid.IntRange(0, int(AllFlags)).Draw(t, "reject")),
		}
		s, err := NewScorer(c, Insignia2024, p)
		if err != nil {
			t.Fatal(err)
		}
		f := rapid.SampledFrom([]Form{PAM13, PAM10}).Draw(t, "form")
		r := genResponse(t, f)
		res := scoreOK(t, s, r)
		v := p.Check(&r)
		if v.Flags != res.Flags || v.Answered != res.Answered || v.NotApplicable != res.NotApplicable ||
			v.NotAnswered != res.NotAnswered || v.Accepted != res.Accepted {
			t.Fatalf("Policy.Check %+v, scorer %+v", v, res)
		}
		if err := res.Validate(); err != nil {
			t.Fatalf("result does not validate: %v\n%+v", err, res)
		}
		if res.Scored && (!(res.Unrounded >= 0 && res.Unrounded <= 100) ||
			!res.Extreme && !(res.StandardError > 0 && !math.IsInf(res.StandardError, 0))) {
			t.Fatalf("out of bounds: %+v", res)
		}
	})
}

// benchResponses returns n complete PAM-13 responses with varied answers.
func benchResponses(n int, blanks int) []Response {
	out := make([]Response, n)
	x := uint32(12345)
	for i := range out {
		out[i].Form = PAM13
		for j := range NumItems {
			x = x*1664525 + 1013904223
			out[i].Answers[j] = DisagreeStrongly + Answer(x>>30)
		}
		for b := range blanks {
			x = x*1664525 + 1013904223
			out[i].Answers[(int(x>>28)+b)%NumItems] = NotAnswered
		}
	}
	return out
}

func BenchmarkScoreComplete(b *testing.B) {
	s := mustScorer(b, Hellstrom2019(), Insignia2024, DefaultPolicy())
	rs := benchResponses(1024, 0)
	b.ReportAllocs()
	b.ResetTimer()
	var sink float64
	for i := 0; i < b.N; i++ {
		res, _ := s.Score(rs[i&1023])
		sink += res.Unrounded
	}
	_ = sink
}

func BenchmarkScoreCompleteViaInterface(b *testing.B) {
	var s Scorer = mustScorer(b, Hellstrom2019(), Insignia2024, DefaultPolicy())
	rs := benchResponses(1024, 0)
	b.ReportAllocs()
	b.ResetTimer()
	var sink float64
	for i := 0; i < b.N; i++ {
		res, _ := s.Score(rs[i&1023])
		sink += res.Unrounded
	}
	_ = sink
}

func BenchmarkScoreMissingItems(b *testing.B) {
	for _, bench := range []struct {
		name   string
		c      Calibration
		blanks int
	}{
		{"rating-scale/1-blank", Hellstrom2019(), 1},
		{"rating-scale/3-blank", Hellstrom2019(), 3},
		{"partial-credit/1-blank", pcm(), 1},
	} {
		b.Run(bench.name, func(b *testing.B) {
			s := mustScorer(b, bench.c, Insignia2024, DefaultPolicy())
			rs := benchResponses(1024, bench.blanks)
			b.ReportAllocs()
			b.ResetTimer()
			var sink float64
			for i := 0; i < b.N; i++ {
				res, _ := s.Score(rs[i&1023])
				sink += res.Unrounded
			}
			_ = sink
		})
	}
}

func BenchmarkNewScorer(b *testing.B) {
	c := Hellstrom2019()
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := NewScorer(c, Insignia2024, DefaultPolicy()); err != nil {
			b.Fatal(err)
		}
	}
}

func TestDisorderedThresholdsConverge(t *testing.T) {
	// Disordered thresholds flatten the expected-score curve in places, where an unguarded
	// Newton–Raphson iteration can cycle between two points on either side of the root (a
	// cycle of this kind was found by the property tests). Check a fixed, seeded sample of
	// partial-credit calibrations with thresholds anywhere in ±4 logits, at every raw score,
	// with and without missing items, against the bisection oracle.
	rng := rand.New(rand.NewPCG(2019, 1701))
	u := func() float64 { return rng.Float64()*8 - 4 }
	n := 150
	if testing.Short() {
		n = 30
	}
	worst := 0.0
	for range n {
		cal := pcm()
		for i := range cal.Items {
			cal.Items[i].Difficulty = u()
			cal.Items[i].Thresholds = []float64{u(), u(), u()}
		}
		s := mustScorer(t, cal, Insignia2024, DefaultPolicy())
		for _, blank := range [][]Item{nil, {PA4, PA9}} {
			for x := 1; x < 3*(13-len(blank)); x++ {
				r := responseWithRaw(PAM13, x, blank...)
				res, err := s.Score(r)
				if err != nil {
					t.Fatalf("%+v raw %d: %v", cal, x, err)
				}
				theta, _ := oracle(cal, r)
				worst = max(worst, math.Abs(res.Logit-theta))
				if math.Abs(res.Logit-theta) > 1e-9 {
					t.Fatalf("%+v raw %d: θ̂ = %.12f, oracle %.12f", cal, x, res.Logit, theta)
				}
			}
		}
	}
	t.Logf("largest difference from the oracle: %.2g logits", worst)
}

func TestNewtonCycleRegression(t *testing.T) {
	// A rating-scale calibration with strongly disordered thresholds, found by the property
	// tests, on which Newton–Raphson guarded only by its bracket cycled between θ ≈ −4.86 and
	// θ ≈ −1.32 without converging.
	c := Calibration{Name: "cycle", Model: RatingScale, Thresholds: []float64{1.625, 3.9921875, 0.03125},
		Transform: Transform{Intercept: 20, Slope: 1}}
	for i, d := range []float64{2.390625, 3.78125, 3.96875, 0.96875, 0.125, 0.125, 0.125, 0.125, 0.125,
		0.03125, 0.03125, -2.03125, -4} {
		c.Items = append(c.Items, ItemCalibration{Item: Item(i + 1), Difficulty: d})
	}
	s := mustScorer(t, c, Insignia2024, DefaultPolicy())
	for _, f := range []Form{PAM13, PAM10} {
		rows, _ := s.Table(f)
		for _, row := range rows[1 : len(rows)-1] {
			theta, _ := oracle(c, responseWithRaw(f, row.Raw-f.Len()))
			if math.Abs(row.Logit-theta) > 1e-9 {
				t.Errorf("%v raw %d: θ̂ = %.12f, oracle %.12f", f, row.Raw, row.Logit, theta)
			}
		}
	}
}

func TestScorerIsSafeForConcurrentUse(t *testing.T) {
	// Run under the race detector: goroutines sharing one scorer get the results one
	// goroutine gets.
	s := mustScorer(t, pcm(), Hibbard2005, DefaultPolicy())
	rs := benchResponses(256, 2)
	want := make([]Result, len(rs))
	for i, r := range rs {
		want[i], _ = s.Score(r)
	}
	done := make(chan []Result)
	for range 4 {
		go func() {
			got := make([]Result, len(rs))
			for i, r := range rs {
				got[i], _ = s.Score(r)
			}
			done <- got
		}()
	}
	for range 4 {
		got := <-done
		for i := range got {
			if got[i] != want[i] {
				t.Fatalf("response %d: %+v, want %+v", i, got[i], want[i])
			}
		}
	}
}

// sameEstimate reports whether res carries estimate e bit for bit.
func sameEstimate(res Result, e estimate) bool {
	return res.Scored &&
		math.Float64bits(res.Unrounded) == math.Float64bits(e.unrounded) &&
		math.Float64bits(res.Logit) == math.Float64bits(e.logit) &&
		math.Float64bits(res.StandardError) == math.Float64bits(e.se) &&
		res.Score == float64(e.tenths)/10 && res.Level == e.level && res.Extreme == e.extreme
}

// answeredSet returns the set of items of r answered on the 1–4 scale, as a mask with bit i-1
// set for item i, their number and their raw sum (answer − 1 summed).
func answeredSet(r Response) (mask uint16, n, x int) {
	for it := range r.Form.Items() {
		if p, ok := r.Answers[it-1].Points(); ok {
			mask |= 1 << (it - 1)
			n++
			x += p - 1
		}
	}
	return mask, n, x
}

func TestTableLookupEqualsDirectSolve(t *testing.T) {
	// A response is scored from its answered set's conversion table, whose estimate for its
	// raw sum was solved by the first response with that set and sum (or by NewScorer, for a
	// complete form); whether solved then or earlier, every score is bit for bit what solving
	// that set and raw sum directly gives.
	rapid.Check(t, func(t *rapid.T) {
		c := genCalibration(t)
		scheme := rapid.SampledFrom([]LevelScheme{Hibbard2005, Insignia2024}).Draw(t, "scheme")
		s, err := NewScorer(c, scheme, DefaultPolicy())
		if err != nil {
			t.Fatal(err)
		}
		for range rapid.IntRange(1, 4).Draw(t, "sets") {
			f := rapid.SampledFrom([]Form{PAM13, PAM10}).Draw(t, "form")
			// Each item of the form answered, marked not applicable, or left blank, the same
			// in every response drawn for this set.
			var missing [NumItems]Answer
			for it := range f.Items() {
				missing[it-1] = rapid.SampledFrom([]Answer{0, 0, 0, NotApplicable, NotAnswered}).Draw(t, "missing")
			}
			for range rapid.IntRange(1, 5).Draw(t, "responses") {
				r := Response{Form: f}
				for it := range f.Items() {
					r.Answers[it-1] = missing[it-1]
					if r.Answers[it-1] == 0 {
						r.Answers[it-1] = rapid.SampledFrom([]Answer{DisagreeStrongly, Disagree, Agree, AgreeStrongly}).Draw(t, "answer")
					}
				}
				res := scoreOK(t, s, r)
				mask, n, x := answeredSet(r)
				if n == 0 {
					if res.Scored {
						t.Fatalf("nothing answered, yet scored: %+v", res)
					}
					continue
				}
				want, err := s.solve(mask, n, x)
				if err != nil {
					t.Fatal(err)
				}
				if !sameEstimate(res, want) {
					t.Fatalf("answered set %013b, raw sum %d: scored %+v\nsolved %+v", mask, x, res, want)
				}
			}
		}
	})
}

func TestConcurrentFirstUseOfAnsweredSets(t *testing.T) {
	// Run under the race detector: many goroutines meet the same new answered sets and raw
	// sums at once on a fresh scorer, racing to make the sets' tables and solve their
	// estimates; every result is bit for bit the direct solution, and every goroutine ends up
	// with the same table for each set.
	s := mustScorer(t, Hellstrom2019(), Insignia2024, DefaultPolicy())
	rs := benchResponses(256, 2)
	workers := 16
	if testing.Short() {
		workers = 8
	}
	start := make(chan struct{})
	type scored struct {
		results []Result
		tables  map[uint16]*conversions
	}
	done := make(chan scored)
	for w := range workers {
		go func() {
			<-start
			out := scored{results: make([]Result, len(rs)), tables: map[uint16]*conversions{}}
			// Goroutines go through the responses in pairs, each pair from a different
			// start, so that sets and sums are met at the same time and in different orders.
			for k := range rs {
				i := (k + w/2*len(rs)/workers) % len(rs)
				out.results[i], _ = s.Score(rs[i])
				mask, _, _ := answeredSet(rs[i])
				out.tables[mask] = s.tables[mask].Load()
			}
			done <- out
		}()
	}
	close(start)
	var first map[uint16]*conversions
	for range workers {
		got := <-done
		for i, res := range got.results {
			mask, n, x := answeredSet(rs[i])
			want, err := s.solve(mask, n, x)
			if err != nil {
				t.Fatal(err)
			}
			if !sameEstimate(res, want) {
				t.Fatalf("response %d: scored %+v\nsolved %+v", i, res, want)
			}
		}
		if first == nil {
			first = got.tables
			continue
		}
		for mask, table := range got.tables {
			if first[mask] != table {
				t.Fatalf("answered set %013b: goroutines scored from different tables", mask)
			}
		}
	}
}

func BenchmarkScoreNewAnsweredSet(b *testing.B) {
	// The cost of the first response with a new set of answered items: the set's empty
	// conversion table is made and one estimate solved.
	s := mustScorer(b, Hellstrom2019(), Insignia2024, DefaultPolicy())
	r := responseWithRaw(PAM13, 20, PA7)
	mask, _, _ := answeredSet(r)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		s.tables[mask].Store(nil)
		if _, err := s.Score(r); err != nil {
			b.Fatal(err)
		}
	}
}
