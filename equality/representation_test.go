package equality

import (
	"errors"
	"math"
	"slices"
	"strconv"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"pgregory.net/rapid"
)

// TestWilsonNewcombe checks the Wilson score interval against the published examples of
// Newcombe RG, Two-sided confidence intervals for the single proportion: comparison of seven
// methods, Stat Med 1998;17:857–872, Table II, method 3 (score, no continuity correction),
// given there to 4 decimal places.
func TestWilsonNewcombe(t *testing.T) {
	cases := []struct {
		x, n   float64
		lo, hi float64
	}{
		{81, 263, 0.2553, 0.3662},
		{15, 148, 0.0624, 0.1605},
		{0, 20, 0, 0.1611},
		{1, 29, 0.0061, 0.1718},
	}
	for _, c := range cases {
		lo, hi := wilson(c.x, c.n, z95)
		if d := cmp.Diff([2]float64{c.lo, c.hi}, [2]float64{lo, hi}, cmpopts.EquateApprox(0, 0.00005)); d != "" {
			t.Errorf("%v/%v -want +got:\n%s", c.x, c.n, d)
		}
	}
}

// repExample: 100 participants (30, 50, 20) from a community of 10,000 (5,000, 3,000, 2,000).
// Hand derivation: participant shares 0.3, 0.5, 0.2; community shares 0.5, 0.3, 0.2; ratios
// 0.6, 5/3, 1. Wilson 95 % limits of 30/100, 50/100, 20/100 (formula in Representation's doc,
// z = 1.959963984540054) are [0.21894885294932764, 0.39584854633346667],
// [0.4038315303659956, 0.5961684696340044], [0.13336693333103253, 0.2888291655931589];
// divided by the community shares they give the ratio limits below. Dissimilarity
// ½(0.2 + 0.2 + 0) = 0.2. Goodness of fit: expected 50, 30, 20, X² = 400/50 + 400/30 =
// 21.333…, df 2, and for 2 df the chi-square tail is exp(−X²/2) = 2.3309101142936975e-05.
// Participants' Simpson 1 − (0.09 + 0.25 + 0.04) = 0.62, effective 1/0.38; Shannon
// −(0.3 ln 0.3 + 0.5 ln 0.5 + 0.2 ln 0.2) = 1.0296530140645737, effective e^H =
// 2.8000940728538315; the community has the same shares in another order, so the same
// diversity.
var repExample = []RepresentationGroup{
	{Group: "A", Participants: 30, Community: 5000},
	{Group: "B", Participants: 50, Community: 3000},
	{Group: "C", Participants: 20, Community: 2000},
}

func TestRepresentationKnownCommunity(t *testing.T) {
	got, err := Representation(repExample, RepresentationOptions{})
	if err != nil {
		t.Fatal(err)
	}
	div := Diversity{Groups: 3, Simpson: 0.62, SimpsonEffective: 1 / 0.38, Shannon: 1.0296530140645737, ShannonEffective: 2.8000940728538315}
	want := RepresentationResult{
		Groups: []GroupRepresentation{
			{Group: "A", ParticipantShare: 0.3, CommunityShare: 0.5, Ratio: 0.6,
				Interval: Interval{Level: 0.95, Lower: 0.4378977058986553, Upper: 0.7916970926669333}, Flag: UnderRepresented, Expected: 50},
			{Group: "B", ParticipantShare: 0.5, CommunityShare: 0.3, Ratio: 5.0 / 3,
				Interval: Interval{Level: 0.95, Lower: 1.3461051012199854, Upper: 1.987228232113348}, Flag: OverRepresented, Expected: 30},
			{Group: "C", ParticipantShare: 0.2, CommunityShare: 0.2, Ratio: 1,
				Interval: Interval{Level: 0.95, Lower: 0.6668346666551626, Upper: 1.4441458279657944}, Flag: InProportion, Expected: 20},
		},
		Participants: 100, Community: 10000, Dissimilarity: 0.2,
		Fit:                  FitTest{Statistic: 64.0 / 3, DF: 2, PValue: 2.3309101142936975e-05, MinExpected: 20, Method: "goodness-of-fit"},
		ParticipantDiversity: div, CommunityDiversity: div,
		Confidence: 0.95, Method: "wilson",
	}
	if d := cmp.Diff(want, got, cmpopts.EquateApprox(1e-9, 1e-12)); d != "" {
		t.Errorf("-want +got:\n%s", d)
	}
}

// TestRepresentationSampledCommunity uses the Katz log interval, hand-computed from
// exp(ln RR ± z√(1/x − 1/n + 1/c − 1/C)) for the participants above against a community
// survey of 500 (250, 150, 100): ratios 0.6, 5/3, 1 with limits
// [0.4392079524500061, 0.8196572898824683], [1.314507666851168, 2.113169704389625],
// [0.6508952249576261, 1.536345577070566]. Homogeneity test of the 2 × 3 table: pooled shares
// 280/600, 200/600, 120/600; X² = 17.142857142857146 (hand-summed over the six cells); 2 df
// tail exp(−X²/2) = 0.00018944182523289392.
func TestRepresentationSampledCommunity(t *testing.T) {
	groups := slices.Clone(repExample)
	for i, c := range []float64{250, 150, 100} {
		groups[i].Community = c
	}
	got, err := Representation(groups, RepresentationOptions{CommunitySampled: true})
	if err != nil {
		t.Fatal(err)
	}
	wantIv := []Interval{
		{Level: 0.95, Lower: 0.4392079524500061, Upper: 0.8196572898824683},
		{Level: 0.95, Lower: 1.314507666851168, Upper: 2.113169704389625},
		{Level: 0.95, Lower: 0.6508952249576261, Upper: 1.536345577070566},
	}
	var gotIv []Interval
	for _, g := range got.Groups {
		gotIv = append(gotIv, g.Interval)
	}
	if d := cmp.Diff(wantIv, gotIv, cmpopts.EquateApprox(1e-12, 0)); d != "" {
		t.Errorf("intervals -want +got:\n%s", d)
	}
	wantFit := FitTest{Statistic: 17.142857142857146, DF: 2, PValue: 0.00018944182523289392, MinExpected: 120.0 / 600 * 100, Method: "homogeneity"}
	if d := cmp.Diff(wantFit, got.Fit, cmpopts.EquateApprox(1e-9, 0)); d != "" {
		t.Errorf("fit -want +got:\n%s", d)
	}
	if got.Method != "katz-log" {
		t.Errorf("method %q", got.Method)
	}
}

// TestRepresentationZeroParticipants: a group nobody from took part. Known community: Wilson
// gives lower 0 and upper (z² + z·√z²)/(2(n + z²)) = z²/(n + z²) for x = 0; with n = 100 that
// is 3.841458820694124/103.84145882069412 = 0.036993963. Sampled community (Katz with the
// Haldane correction, hand-computed): 0 of 100 against 100 of 500 gives upper
// 0.3940170851828884.
func TestRepresentationZeroParticipants(t *testing.T) {
	groups := []RepresentationGroup{{"x", 0, 100}, {"y", 100, 400}}
	got, err := Representation(groups, RepresentationOptions{})
	if err != nil {
		t.Fatal(err)
	}
	z2 := z95 * z95
	want := Interval{Level: 0.95, Lower: 0, Upper: z2 / (100 + z2) / 0.2}
	if d := cmp.Diff(want, got.Groups[0].Interval, cmpopts.EquateApprox(1e-12, 0)); d != "" || got.Groups[0].Flag != UnderRepresented {
		t.Errorf("wilson zero: %s flag %v", d, got.Groups[0].Flag)
	}
	got, err = Representation(groups, RepresentationOptions{CommunitySampled: true})
	if err != nil {
		t.Fatal(err)
	}
	want = Interval{Level: 0.95, Lower: 0, Upper: 0.3940170851828884}
	if d := cmp.Diff(want, got.Groups[0].Interval, cmpopts.EquateApprox(1e-12, 0)); d != "" {
		t.Errorf("katz zero: %s", d)
	}
}

func TestRepresentationErrors(t *testing.T) {
	cases := []struct {
		name   string
		groups []RepresentationGroup
		opts   RepresentationOptions
		paths  []string
		class  error
	}{
		{"one group", repExample[:1], RepresentationOptions{}, []string{"/groups"}, ErrTooFewGroups},
		{"every bad count reported", []RepresentationGroup{{"a", -1, 10}, {"b", 1, 0}, {"c", math.NaN(), math.Inf(1)}},
			RepresentationOptions{}, []string{"/groups/0/participants", "/groups/1/community", "/groups/2/participants", "/groups/2/community"}, ErrOutOfRange},
		{"no participants", []RepresentationGroup{{"a", 0, 10}, {"b", 0, 5}}, RepresentationOptions{}, []string{"/groups"}, ErrOutOfRange},
		{"bad confidence", repExample, RepresentationOptions{Confidence: 0.5}, []string{"/options/confidence"}, ErrOutOfRange},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Representation(c.groups, c.opts)
			if !errors.Is(err, c.class) {
				t.Fatalf("error %v does not match %v", err, c.class)
			}
			if d := cmp.Diff(c.paths, locatedPaths(err)); d != "" {
				t.Errorf("paths -want +got:\n%s", d)
			}
		})
	}
}

func TestDissimilarityAndDiversity(t *testing.T) {
	// Duncan & Duncan's index: identical shares 0, disjoint groups 1, the example above 0.2.
	cases := []struct {
		a, b []float64
		want float64
	}{
		{[]float64{1, 2, 3}, []float64{10, 20, 30}, 0},
		{[]float64{5, 0}, []float64{0, 7}, 1},
		{[]float64{30, 50, 20}, []float64{5000, 3000, 2000}, 0.2},
	}
	for _, c := range cases {
		got, err := Dissimilarity(c.a, c.b)
		if err != nil || !pheNear(got, c.want, 1e-15) {
			t.Errorf("Dissimilarity(%v, %v) = %v, %v; want %v", c.a, c.b, got, err, c.want)
		}
	}
	if _, err := Dissimilarity([]float64{1, 2}, []float64{1}); !errors.Is(err, ErrOutOfRange) {
		t.Errorf("length mismatch: %v", err)
	}
	// Four equal groups: Simpson 1 − 4/16 = 0.75, effective 4; Shannon ln 4, effective 4.
	d, err := MeasureDiversity([]float64{7, 7, 7, 7, 0})
	want := Diversity{Groups: 4, Simpson: 0.75, SimpsonEffective: 4, Shannon: math.Log(4), ShannonEffective: 4}
	if err != nil || !cmp.Equal(want, d, cmpopts.EquateApprox(1e-14, 0)) {
		t.Errorf("MeasureDiversity = %+v, %v; want %+v", d, err, want)
	}
	if _, err := MeasureDiversity([]float64{0, 0}); !errors.Is(err, ErrOutOfRange) {
		t.Errorf("all-zero counts: %v", err)
	}
}

func genRepresentation(t *rapid.T) []RepresentationGroup {
	k := rapid.IntRange(2, 20).Draw(t, "k")
	g := make([]RepresentationGroup, k)
	for i := range g {
		g[i] = RepresentationGroup{
			Group:        strconv.Itoa(i),
			Participants: float64(rapid.IntRange(0, 500).Draw(t, "participants")),
			Community:    float64(rapid.IntRange(1, 100000).Draw(t, "community")),
		}
	}
	g[0].Participants++ // at least one participant
	return g
}

func TestRepresentationProperties(t *testing.T) {
	t.Run("intervals bracket the ratio and flags follow them", rapid.MakeCheck(func(t *rapid.T) {
		g := genRepresentation(t)
		sampled := rapid.Bool().Draw(t, "sampled")
		r, err := Representation(g, RepresentationOptions{CommunitySampled: sampled, Confidence: rapid.Float64Range(0.9, 0.999).Draw(t, "c")})
		if err != nil {
			t.Fatal(err)
		}
		for _, gr := range r.Groups {
			if !gr.Interval.Contains(gr.Ratio) || gr.Interval.Lower < 0 {
				t.Fatalf("%+v", gr)
			}
			excl := gr.Interval.Upper < 1 || gr.Interval.Lower > 1
			if excl == (gr.Flag == InProportion) {
				t.Fatalf("flag %v for interval %v", gr.Flag, gr.Interval)
			}
		}
		if r.Dissimilarity < 0 || r.Dissimilarity > 1 || r.Fit.PValue < 0 || r.Fit.PValue > 1 {
			t.Fatalf("out of range: %+v", r)
		}
	}))
	t.Run("scaling counts leaves shares, ratios and dissimilarity unchanged", rapid.MakeCheck(func(t *rapid.T) {
		g := genRepresentation(t)
		k := rapid.Float64Range(0.01, 1000).Draw(t, "k")
		s := slices.Clone(g)
		for i := range s {
			s[i].Participants *= k
			s[i].Community *= k
		}
		a, err1 := Representation(g, RepresentationOptions{})
		b, err2 := Representation(s, RepresentationOptions{})
		if err1 != nil || err2 != nil {
			t.Fatal(err1, err2)
		}
		if !pheNear(a.Dissimilarity, b.Dissimilarity, 1e-12) {
			t.Fatalf("dissimilarity %v → %v", a.Dissimilarity, b.Dissimilarity)
		}
		for i := range a.Groups {
			if !pheNear(a.Groups[i].Ratio, b.Groups[i].Ratio, 1e-12*(1+a.Groups[i].Ratio)) {
				t.Fatalf("ratio %v → %v", a.Groups[i].Ratio, b.Groups[i].Ratio)
			}
		}
		if !cmp.Equal(a.ParticipantDiversity, b.ParticipantDiversity, cmpopts.EquateApprox(1e-12, 1e-12)) {
			t.Fatalf("diversity %+v → %+v", a.ParticipantDiversity, b.ParticipantDiversity)
		}
	}))
	t.Run("participants matching the community give zero dissimilarity and no flags", rapid.MakeCheck(func(t *rapid.T) {
		g := genRepresentation(t)
		for i := range g {
			g[i].Participants = g[i].Community
		}
		r, err := Representation(g, RepresentationOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if !pheNear(r.Dissimilarity, 0, 1e-12) || !pheNear(r.Fit.Statistic, 0, 1e-9) {
			t.Fatalf("%+v", r)
		}
		for _, gr := range r.Groups {
			if gr.Flag != InProportion || !pheNear(gr.Ratio, 1, 1e-12) {
				t.Fatalf("%+v", gr)
			}
		}
	}))
}

func FuzzRepresentation(f *testing.F) {
	f.Add([]byte{0})
	f.Add([]byte{3, 10, 20, 30, 40, 50, 60})
	f.Add([]byte{255, 0, 255, 0, 255, 0, 1, 2, 3})
	f.Fuzz(rapid.MakeFuzz(func(t *rapid.T) {
		num := rapid.OneOf(rapid.Float64(), rapid.Float64Range(0, 100),
			rapid.SampledFrom([]float64{0, 1, -1, math.NaN(), math.Inf(1), 1e308, 5e-324}))
		k := rapid.IntRange(0, 8).Draw(t, "k")
		g := make([]RepresentationGroup, k)
		for i := range g {
			g[i] = RepresentationGroup{Participants: num.Draw(t, "p"), Community: num.Draw(t, "c")}
		}
		r, err := Representation(g, RepresentationOptions{CommunitySampled: rapid.Bool().Draw(t, "s"), Confidence: num.Draw(t, "conf")})
		if err != nil {
			return
		}
		vals := []float64{r.Dissimilarity, r.Fit.Statistic, r.Fit.PValue, r.Fit.MinExpected,
			r.ParticipantDiversity.Shannon, r.ParticipantDiversity.SimpsonEffective, r.CommunityDiversity.ShannonEffective}
		for _, gr := range r.Groups {
			vals = append(vals, gr.Ratio, gr.Interval.Lower, gr.Interval.Upper, gr.ParticipantShare, gr.CommunityShare, gr.Expected)
			if gr.Interval.Lower > gr.Interval.Upper {
				t.Fatalf("interval out of order %+v", gr)
			}
		}
		for _, v := range vals {
			if !finite(v) {
				t.Fatalf("non-finite result %+v", r)
			}
		}
	}))
}

func BenchmarkRepresentation(b *testing.B) {
	// The target: representation over 20 groups in ≤ 5 µs.
	g := make([]RepresentationGroup, 20)
	for i := range g {
		g[i] = RepresentationGroup{Group: strconv.Itoa(i), Participants: float64(10 + 3*i), Community: float64(1000 + 97*i)}
	}
	for _, sampled := range []bool{false, true} {
		name := "groups=20/known"
		if sampled {
			name = "groups=20/sampled"
		}
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for range b.N {
				if _, err := Representation(g, RepresentationOptions{CommunitySampled: sampled}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func TestRepresentationTinyCommunityShare(t *testing.T) {
	// A community share so small that the ratio overflows is an error, not an infinity.
	_, err := Representation([]RepresentationGroup{{"a", 1, 5e-324}, {"b", 1, 1}}, RepresentationOptions{})
	if !errors.Is(err, ErrUndefined) {
		t.Fatalf("error %v, want ErrUndefined", err)
	}
}

func FuzzDissimilarityAndDiversity(f *testing.F) {
	f.Add([]byte{1, 2, 3, 4})
	f.Add([]byte{0, 0, 255, 255, 7})
	f.Fuzz(rapid.MakeFuzz(func(t *rapid.T) {
		num := rapid.OneOf(rapid.Float64(), rapid.Float64Range(0, 100),
			rapid.SampledFrom([]float64{0, -1, math.NaN(), math.Inf(1), 1e308, 5e-324}))
		a := rapid.SliceOfN(num, 0, 6).Draw(t, "a")
		b := rapid.SliceOfN(num, 0, 6).Draw(t, "b")
		if d, err := Dissimilarity(a, b); err == nil && !(d >= 0 && d <= 1) {
			t.Fatalf("dissimilarity %v", d)
		}
		if d, err := MeasureDiversity(a); err == nil {
			for _, v := range []float64{d.Simpson, d.SimpsonEffective, d.Shannon, d.ShannonEffective} {
				if !finite(v) || v < 0 {
					t.Fatalf("diversity %+v", d)
				}
			}
		}
		var p, c GroupCounts
		for i, x := range a {
			_ = p.AddN(strconv.Itoa(i), int64(x))
		}
		for i, x := range b {
			_ = c.AddN(strconv.Itoa(i), int64(x))
		}
		if g, err := RepresentationGroups(&p, &c, nil); err == nil {
			_, _ = Representation(g, RepresentationOptions{})
		}
	}))
}
