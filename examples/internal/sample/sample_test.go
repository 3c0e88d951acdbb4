package sample

import (
	"encoding/json"
	"errors"
	"math"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"pgregory.net/rapid"

	"github.com/peopleandcommunities/engage/assessment"
	"github.com/peopleandcommunities/engage/equality"
	"github.com/peopleandcommunities/engage/examples/internal/place"
	"github.com/peopleandcommunities/engage/indicator"
	"github.com/peopleandcommunities/engage/measure"
	"github.com/peopleandcommunities/engage/pam"
	"github.com/peopleandcommunities/engage/schemas"
	"github.com/peopleandcommunities/engage/sroi"
)

func small(t testing.TB) *Generator {
	t.Helper()
	g, err := New(20251121, Small())
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func TestSizeValidate(t *testing.T) {
	cases := []struct {
		name string
		size Size
		ok   bool
	}{
		{"small", Small(), true},
		{"national", National(), true},
		{"one area", Size{Areas: 1, Neighbourhoods: 1}, true},
		{"no areas", Size{Areas: 0, Neighbourhoods: 1}, false},
		{"more areas than LSOAs", Size{Areas: MaxAreas + 1, Neighbourhoods: 1}, false},
		{"no neighbourhoods", Size{Areas: 10}, false},
		{"more neighbourhoods than areas", Size{Areas: 10, Neighbourhoods: 11}, false},
		{"negative people", Size{Areas: 10, Neighbourhoods: 2, People: -1}, false},
		{"too many participants", Size{Areas: 10, Neighbourhoods: 2, Participants: MaxParticipants + 1}, false},
		{"negative volunteers", Size{Areas: 10, Neighbourhoods: 2, Volunteers: -5}, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := c.size.Validate()
			if (err == nil) != c.ok {
				t.Fatalf("Validate() = %v, want ok %v", err, c.ok)
			}
			if err != nil && !errors.Is(err, ErrSize) {
				t.Errorf("error %v does not match ErrSize", err)
			}
			if _, err := New(1, c.size); (err == nil) != c.ok {
				t.Errorf("New() error = %v, want ok %v", err, c.ok)
			}
		})
	}
}

// TestDeterministic: the same seed and size give the same place, record for record; another
// seed gives another place.
func TestDeterministic(t *testing.T) {
	a, b := small(t), small(t)
	other, err := New(1, Small())
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(a.Areas(), b.Areas()); d != "" {
		t.Fatalf("areas differ between runs:\n%s", d)
	}
	if cmp.Equal(a.Areas(), other.Areas()) {
		t.Fatal("seeds 20251121 and 1 gave the same areas")
	}
	for i := range 200 {
		if d := cmp.Diff(a.Person(i), b.Person(i)); d != "" {
			t.Fatalf("person %d differs:\n%s", i, d)
		}
		if d := cmp.Diff(a.Participant(i), b.Participant(i)); d != "" {
			t.Fatalf("participant %d differs:\n%s", i, d)
		}
		if d := cmp.Diff(a.Volunteer(i), b.Volunteer(i)); d != "" {
			t.Fatalf("volunteer %d differs:\n%s", i, d)
		}
	}
	for i := range a.Areas() {
		if d := cmp.Diff(a.Counts(i), b.Counts(i)); d != "" {
			t.Fatalf("counts of area %d differ:\n%s", i, d)
		}
	}
	if cmp.Equal(a.Person(0), other.Person(0)) {
		t.Error("seeds 20251121 and 1 gave the same first person")
	}
}

// TestRandomAccess: a person generated on its own equals the same person met in any range,
// whatever was generated before — the property that lets a national population be split
// across workers.
func TestRandomAccess(t *testing.T) {
	g := small(t)
	rapid.Check(t, func(t *rapid.T) {
		from := rapid.IntRange(-5, g.Size().People).Draw(t, "from")
		to := rapid.IntRange(from, g.Size().People+5).Draw(t, "to")
		want := max(from, 0)
		for p := range g.PeopleRange(from, to) {
			if p.Index != want {
				t.Fatalf("range yielded index %d, want %d", p.Index, want)
			}
			if !cmp.Equal(p, g.Person(p.Index)) {
				t.Fatalf("person %d in range differs from Person(%d)", p.Index, p.Index)
			}
			want++
			if want-max(from, 0) > 50 {
				break
			}
		}
	})
}

func TestAreas(t *testing.T) {
	g := small(t)
	areas := g.Areas()
	codes := map[string]bool{}
	ranks := map[int]bool{}
	for i, a := range areas {
		if a.Index != i || codes[a.Code] || ranks[a.IMDRank] {
			t.Fatalf("area %d: index %d, duplicate code %v or rank %v", i, a.Index, codes[a.Code], ranks[a.IMDRank])
		}
		codes[a.Code], ranks[a.IMDRank] = true, true
		sum := 0
		for _, n := range a.Residents {
			sum += n
		}
		if sum != a.Population {
			t.Errorf("area %s: residents by category sum to %d, population %d", a.Code, sum, a.Population)
		}
		dec, err := equality.DeprivationDecile(Edition, a.IMDRank)
		if err != nil || dec.Group != a.Decile {
			t.Errorf("area %s: decile %d for rank %d, want %v (%v)", a.Code, a.Decile, a.IMDRank, dec, err)
		}
		if a.Quintile != (a.Decile+1)/2 {
			t.Errorf("area %s: quintile %d for decile %d", a.Code, a.Quintile, a.Decile)
		}
		if a.Carers <= 0 || a.Carers >= a.Population {
			t.Errorf("area %s: %d carers of %d residents", a.Code, a.Carers, a.Population)
		}
	}
	// The neighbourhoods partition the areas in order.
	next := 0
	for _, nb := range g.Neighbourhoods() {
		if nb.First != next || nb.End <= nb.First {
			t.Fatalf("neighbourhood %s covers %d…%d after %d", nb.Code, nb.First, nb.End, next)
		}
		for i := nb.First; i < nb.End; i++ {
			if areas[i].Neighbourhood != nb.Index {
				t.Errorf("area %d is in neighbourhood %d, listed under %d", i, areas[i].Neighbourhood, nb.Index)
			}
		}
		next = nb.End
	}
	if next != len(areas) {
		t.Fatalf("neighbourhoods cover %d of %d areas", next, len(areas))
	}
}

// TestNationalRanks: at national size every IMD 2019 rank is used exactly once, so each decile
// holds the areas the rule d = ⌈10r/N⌉ gives it: decile d holds ranks ⌊(d−1)N/10⌋+1 …
// ⌊dN/10⌋, that is ⌊dN/10⌋ − ⌊(d−1)N/10⌋ of them (N = 32,844: 3,284 or 3,285).
func TestNationalRanks(t *testing.T) {
	if testing.Short() {
		t.Skip("builds every small area of England")
	}
	g, err := New(3, National())
	if err != nil {
		t.Fatal(err)
	}
	const n = 32_844
	seen := make([]bool, n+1)
	var got, want [11]int
	for _, a := range g.Areas() {
		if seen[a.IMDRank] {
			t.Fatalf("rank %d used twice", a.IMDRank)
		}
		seen[a.IMDRank] = true
		got[a.Decile]++
	}
	for d := 1; d <= 10; d++ {
		want[d] = d*n/10 - (d-1)*n/10
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("areas per decile -want +got:\n%s", d)
	}
}

// TestAnswerProbabilities checks the rating scale model against hand-derived exponents.
func TestAnswerProbabilities(t *testing.T) {
	softmax := func(e ...float64) [4]float64 {
		var p [4]float64
		s := 0.0
		for k, x := range e {
			p[k] = math.Exp(x)
			s += p[k]
		}
		for k := range p {
			p[k] /= s
		}
		return p
	}
	cases := []struct {
		name        string
		theta, item float64
		want        [4]float64
	}{
		// θ − δ = 2.55; cumulative sums of θ − δ − τ_j with τ = (−2.12, −0.49, 2.61):
		// 4.67, 4.67 + 3.04 = 7.71, 7.71 − 0.06 = 7.65 ≈ (0.000225, 0.02404, 0.5025, 0.4732).
		{"item 1 at θ = 1", 1, -1.55, softmax(0, 4.67, 7.71, 7.65)},
		// θ = δ: sums 2.12, 2.61, 0 ≈ (0.0418, 0.3482, 0.5683, 0.0418).
		{"person at the item", 0.7, 0.7, softmax(0, 2.12, 2.61, 0)},
		// Far above every threshold: agree strongly with certainty, and no overflow.
		{"very high", 1e6, 0, [4]float64{0, 0, 0, 1}},
		{"very low", -1e6, 0, [4]float64{1, 0, 0, 0}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := AnswerProbabilities(c.theta, c.item)
			if d := cmp.Diff(c.want, got, cmpopts.EquateApprox(1e-12, 1e-15)); d != "" {
				t.Errorf("-want +got:\n%s", d)
			}
		})
	}
}

// TestAnswerFrequencies: over many draws the answers follow AnswerProbabilities (each
// frequency within 5 standard errors), and a short form leaves items 3, 8 and 9 blank.
func TestAnswerFrequencies(t *testing.T) {
	r := stream(9, 99, 0)
	const draws = 20_000
	var count [pam.NumItems][6]int // indexed by pam.Answer: NotAnswered 0, 1 … 4, NotApplicable 5
	for range draws {
		a := answer(r, 0.8, pam.PAM13)
		for it, x := range a {
			count[it][x]++
		}
	}
	for it := range pam.NumItems {
		p := AnswerProbabilities(0.8, itemLocations[it])
		// Answers on the scale happen when the response is not extreme (1 − 0.016), not blank
		// and applicable (1 − 0.006 − n/a).
		scale := (1 - allHighRate - allLowRate) * (1 - blankRate - notApplicable[it])
		for k := range 4 {
			want := draws * p[k] * scale
			if k == 3 {
				want += draws * allHighRate
			}
			if k == 0 {
				want += draws * allLowRate
			}
			if got := float64(count[it][k+1]); math.Abs(got-want) > 5*math.Sqrt(want+1) {
				t.Errorf("item %d answer %d: %v draws, want about %.0f", it+1, k+1, got, want)
			}
		}
		want := draws * (1 - allHighRate - allLowRate) * notApplicable[it]
		if got := float64(count[it][pam.NotApplicable]); math.Abs(got-want) > 5*math.Sqrt(want+1) {
			t.Errorf("item %d: %v not applicable, want about %.0f", it+1, got, want)
		}
	}
	short := answer(r, 0, pam.PAM10)
	resp := pam.Response{Form: pam.PAM10, Answers: short}
	if err := resp.Validate(); err != nil {
		t.Errorf("a PAM-10 response answers items the form does not ask: %v", err)
	}
}

// TestPoissonBinomial: sample means and variances agree with the distributions' (Poisson:
// mean = variance = λ; binomial: np and np(1 − p)) to within 5 standard errors.
func TestPoissonBinomial(t *testing.T) {
	const draws = 40_000
	moments := func(draw func() int) (mean, variance float64) {
		var s, s2 float64
		for range draws {
			x := float64(draw())
			s += x
			s2 += x * x
		}
		mean = s / draws
		return mean, s2/draws - mean*mean
	}
	r := stream(5, 77, 0)
	for _, lambda := range []float64{0, 0.4, 3, 9.9, 10, 45, 400} {
		m, v := moments(func() int { return poisson(r, lambda) })
		if se := math.Sqrt(lambda/draws) + 1e-12; math.Abs(m-lambda) > 5*se {
			t.Errorf("poisson(%v): mean %v", lambda, m)
		}
		if math.Abs(v-lambda) > 5*math.Sqrt(2*lambda*lambda+lambda)/math.Sqrt(draws)+1e-12 {
			t.Errorf("poisson(%v): variance %v", lambda, v)
		}
	}
	for _, c := range []struct {
		n int
		p float64
	}{{0, 0.5}, {10, 0}, {10, 1}, {30, 0.3}, {200, 0.02}, {500, 0.28}, {2000, 0.9}} {
		m, v := moments(func() int {
			k := binomial(r, c.n, c.p)
			if k < 0 || k > c.n {
				t.Fatalf("binomial(%d, %v) = %d", c.n, c.p, k)
			}
			return k
		})
		mean, variance := float64(c.n)*c.p, float64(c.n)*c.p*(1-c.p)
		if math.Abs(m-mean) > 5*math.Sqrt(variance/draws)+1e-12 {
			t.Errorf("binomial(%d, %v): mean %v, want %v", c.n, c.p, m, mean)
		}
		if math.Abs(v-variance) > 0.1*variance+1e-12 {
			t.Errorf("binomial(%d, %v): variance %v, want %v", c.n, c.p, v, variance)
		}
	}
}

// TestModel: the features the generator is built to show are there in the small place:
// activation lower in the most deprived quintile than the least, larger gains there, more
// people lost to follow-up there, participants under-representing the most deprived.
func TestModel(t *testing.T) {
	g := small(t)
	var n, fu [6]float64
	var theta, gain [6]float64
	for p := range g.People() {
		q := p.Quintile
		n[q]++
		theta[q] += p.Baseline.Activation
		if !p.Baseline.Taken() || p.Baseline.Date().Before(baselineStart) {
			t.Fatalf("person %d: baseline date %v", p.Index, p.Baseline.Date())
		}
		for _, m := range []Measurement{p.Baseline, p.FollowUp} {
			if err := m.Response.Validate(); m.Taken() && err != nil {
				t.Fatalf("person %d: invalid response: %v", p.Index, err)
			}
		}
		if p.FollowUp.Taken() {
			fu[q]++
			gain[q] += p.FollowUp.Activation - p.Baseline.Activation
			if days := p.Baseline.Response.Date.DaysUntil(p.FollowUp.Response.Date); days < 186 || days > 335 {
				t.Errorf("person %d: follow-up %v days after baseline", p.Index, days)
			}
		}
	}
	if theta[1]/n[1] >= theta[5]/n[5] {
		t.Errorf("mean activation in quintile 1 (%v) is not below quintile 5 (%v)", theta[1]/n[1], theta[5]/n[5])
	}
	if gain[1]/fu[1] <= gain[5]/fu[5] {
		t.Errorf("mean gain in quintile 1 (%v) is not above quintile 5 (%v)", gain[1]/fu[1], gain[5]/fu[5])
	}
	d := g.ParticipantsByDeprivation()
	rep, err := d.Representation(equality.RepresentationOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if r := rep[0].Groups[0].Ratio; r >= 1 {
		t.Errorf("representation ratio of quintile 1 = %v, want below 1", r)
	}
}

// TestDocuments: every generated document marshals to JSON that validates against its
// schema, parses back to the same value, and can be computed.
func TestDocuments(t *testing.T) {
	g := small(t)
	datasets := map[string]indicator.Dataset{
		"budgets": g.BudgetsDataset(), "carers": g.CarersDataset(), "volunteering": g.VolunteeringDataset(),
	}
	for name, d := range datasets {
		t.Run(name, func(t *testing.T) {
			b, err := json.Marshal(d)
			if err != nil {
				t.Fatal(err)
			}
			if err := schemas.Validate(schemas.IndicatorData, b); err != nil {
				t.Fatal(err)
			}
			back, err := indicator.ParseDataset(b)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(&d, back); diff != "" {
				t.Errorf("round trip -want +got:\n%s", diff)
			}
			res, err := back.Evaluate()
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range res {
				if r.Err != nil {
					t.Errorf("%v: %v", r.Key, r.Err)
				}
			}
		})
	}
	data := map[string]equality.Data{
		"participants by ethnic group": g.ParticipantsByEthnicGroup(),
		"participants by deprivation":  g.ParticipantsByDeprivation(),
		"volunteers by ethnic group":   g.VolunteersByEthnicGroup(),
	}
	for name, d := range data {
		t.Run(name, func(t *testing.T) {
			b, err := json.Marshal(d)
			if err != nil {
				t.Fatal(err)
			}
			back, err := equality.ParseData(b)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(d, back); diff != "" {
				t.Errorf("round trip -want +got:\n%s", diff)
			}
			if _, err := back.Representation(equality.RepresentationOptions{}); err != nil {
				t.Fatal(err)
			}
		})
	}
}

// TestCategories: the sixteen recorded categories, A … S in the Data Dictionary's order.
func TestCategories(t *testing.T) {
	var codes []string
	for _, c := range Categories() {
		codes = append(codes, c.Code())
	}
	want := []string{"A", "B", "C", "D", "E", "F", "G", "H", "J", "K", "L", "M", "N", "P", "R", "S"}
	if d := cmp.Diff(want, codes); d != "" {
		t.Errorf("-want +got:\n%s", d)
	}
}

func TestNames(t *testing.T) {
	cases := []struct {
		got, want string
	}{
		{letters(0), "A"}, {letters(25), "Z"}, {letters(26), "AA"}, {letters(27), "AB"}, {letters(52), "BA"},
		{areaCode(0), "SYN00001"}, {areaCode(32_843), "SYN32844"}, {neighbourhoodCode(9), "SYNN0010"},
		{recordID('P', 0), "P0000001"}, {recordID('V', 12_345_677), "V12345678"},
	}
	for _, c := range cases {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
	// Apportioning keeps the total exactly.
	parts := apportion(1001, []float64{1, 1, 1})
	if s := parts[0] + parts[1] + parts[2]; s != 1001 || slices.Max(parts[:3])-slices.Min(parts[:3]) > 1 {
		t.Errorf("apportion(1001, thirds) = %v", parts[:3])
	}
}

// FuzzNew: any size either is refused with ErrSize or gives a place whose records can be
// generated.
func FuzzNew(f *testing.F) {
	f.Add(uint64(1), 10, 2, 5, 5, 5)
	f.Add(uint64(0), 1, 1, 0, 0, 0)
	f.Add(uint64(7), 0, 0, -1, 3, 2)
	f.Add(uint64(9), 200, 201, 1, 1, 1)
	f.Fuzz(func(t *testing.T, seed uint64, areas, nbs, people, parts, vols int) {
		if areas > 500 || people > 500 || parts > 500 || vols > 500 {
			t.Skip()
		}
		g, err := New(seed, Size{Areas: areas, Neighbourhoods: nbs, People: people, Participants: parts, Volunteers: vols})
		if err != nil {
			if !errors.Is(err, ErrSize) {
				t.Fatalf("error %v does not match ErrSize", err)
			}
			return
		}
		for range g.People() {
		}
		for range g.Participants() {
		}
		for range g.Volunteers() {
		}
		for range g.AllCounts() {
		}
	})
}

func BenchmarkPerson(b *testing.B) {
	g := small(b)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		_ = g.Person(i % g.Size().People)
	}
}

func BenchmarkNewSmall(b *testing.B) {
	b.ReportAllocs()
	for range b.N {
		if _, err := New(1, Small()); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkNewNational(b *testing.B) {
	b.ReportAllocs()
	for range b.N {
		if _, err := New(1, National()); err != nil {
			b.Fatal(err)
		}
	}
}

// TestScoredActivation: scoring the generated answers with the library's Rasch scorer under
// the Hellström 2019 calibration (whose item locations the generator answers with) recovers
// the latent activation the answers were drawn from: the estimates are unbiased to within
// 0.1 logit on average and correlate with the truth above 0.8 (person reliability is about
// 0.85 in Hellström et al. 2019).
func TestScoredActivation(t *testing.T) {
	g := small(t)
	s, err := pam.NewScorer(pam.Hellstrom2019(), pam.Insignia2024, pam.DefaultPolicy())
	if err != nil {
		t.Fatal(err)
	}
	var n, sx, sy, sxx, syy, sxy float64
	for p := range g.People() {
		res, err := s.Score(p.Baseline.Response)
		if err != nil {
			t.Fatalf("person %d: %v", p.Index, err)
		}
		if !res.Accepted || res.Extreme {
			continue
		}
		x, y := p.Baseline.Activation, res.Logit
		n++
		sx, sy, sxx, syy, sxy = sx+x, sy+y, sxx+x*x, syy+y*y, sxy+x*y
	}
	bias := (sy - sx) / n
	r := (n*sxy - sx*sy) / math.Sqrt((n*sxx-sx*sx)*(n*syy-sy*sy))
	if math.Abs(bias) > 0.1 || r < 0.8 {
		t.Errorf("estimates against truth: bias %.3f logits, correlation %.3f over %v people", bias, r, n)
	}
}

// TestBundle: the whole small place as one bundle validates against the place schema, parses
// back to the same value, and its impact map evaluates; a national-size place is refused.
func TestBundle(t *testing.T) {
	g := small(t)
	b, err := g.Bundle()
	if err != nil {
		t.Fatal(err)
	}
	data, err := json.Marshal(b)
	if err != nil {
		t.Fatal(err)
	}
	back, err := place.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(b, back, cmpopts.EquateComparable(measure.Date{})); d != "" {
		t.Errorf("round trip -want +got:\n%s", d)
	}
	if n := len(b.PAM.Respondents); n != g.Size().People {
		t.Errorf("%d respondents, want %d", n, g.Size().People)
	}
	res, err := sroi.Evaluate(*b.SROI)
	if err != nil {
		t.Fatal(err)
	}
	if !res.Ratio.IsPositive() || res.Simulation == nil {
		t.Errorf("impact map evaluates to ratio %v, simulation %v", res.Ratio, res.Simulation)
	}
	big, err := New(1, Size{Areas: 10, Neighbourhoods: 1, People: MaxBundlePeople + 1})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := big.Bundle(); !errors.Is(err, ErrSize) {
		t.Errorf("a bundle of %d people: error %v, want ErrSize", MaxBundlePeople+1, err)
	}
}

// TestEvidence: the evidence records and survey observations validate, the activities count
// every participant once (by total and, for the recorded, by group), and the assessment
// accepts them.
func TestEvidence(t *testing.T) {
	g := small(t)
	ev := g.Evidence()
	if err := ev.Validate(); err != nil {
		t.Fatal(err)
	}
	obs, err := g.Observations()
	if err != nil {
		t.Fatal(err)
	}
	if err := obs.Validate(); err != nil {
		t.Fatal(err)
	}
	total, quintiles := 0, 0
	for _, a := range ev.Activities {
		total += a.Participants.Total
		for _, pg := range a.Participants.Groups {
			if pg.Dimension == "deprivation-quintile" {
				quintiles += pg.Count
			}
		}
	}
	if total != g.Size().Participants || quintiles != total || len(ev.Activities) != g.NumActivities() {
		t.Errorf("%d activities count %d participants (%d by quintile); want %d activities, %d participants",
			len(ev.Activities), total, quintiles, g.NumActivities(), g.Size().Participants)
	}
	if !cmp.Equal(ev.Activities[3], g.Activity(3), cmpopts.EquateComparable(measure.Date{})) {
		t.Error("Activity(3) differs from the evidence set's")
	}
	code, _ := measure.ParseAreaCode(PlaceCode)
	sc, err := assessment.Assess(assessment.Input{Title: PlaceName, Area: code, Period: reportYear, AsOf: asOf,
		Observations: obs.Observations, Evidence: ev})
	if err != nil {
		t.Fatal(err)
	}
	if len(sc.Computed.Diversity) != 2 {
		t.Errorf("participants compared with the community by %d dimensions, want 2", len(sc.Computed.Diversity))
	}
}
