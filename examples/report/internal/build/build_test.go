package build_test

import (
	"encoding/json"
	"errors"
	"flag"
	"math"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"pgregory.net/rapid"

	"github.com/peopleandcommunities/engage/assessment"
	"github.com/peopleandcommunities/engage/equality"
	"github.com/peopleandcommunities/engage/examples/internal/place"
	"github.com/peopleandcommunities/engage/examples/internal/sample"
	"github.com/peopleandcommunities/engage/examples/report/internal/build"
	"github.com/peopleandcommunities/engage/examples/report/internal/sampledata"
	"github.com/peopleandcommunities/engage/indicator"
	"github.com/peopleandcommunities/engage/internal/field"
	"github.com/peopleandcommunities/engage/measure"
	"github.com/peopleandcommunities/engage/pam"
	"github.com/peopleandcommunities/engage/principle"
	"github.com/peopleandcommunities/engage/schemas"
	"github.com/peopleandcommunities/engage/sroi"
)

// The sample bundle and its report are built once and shared by the tests, which only read
// them.
var (
	sampleOnce   sync.Once
	sampleBundle *place.Bundle
	sampleReport *build.Report
	sampleErr    error
)

// fewRepetitions keeps the slope index's Monte Carlo limits quick in tests; the limits'
// arithmetic does not depend on the number of repetitions beyond Monte Carlo error.
const fewRepetitions = 20_000

func sampleFixture(t testing.TB) (*place.Bundle, *build.Report) {
	t.Helper()
	sampleOnce.Do(func() {
		var g *sample.Generator
		if g, sampleErr = sample.New(sampledata.Seed, sampledata.Size()); sampleErr != nil {
			return
		}
		if sampleBundle, sampleErr = g.Bundle(); sampleErr != nil {
			return
		}
		sampleReport, sampleErr = build.Build(sampleBundle, build.Options{Repetitions: fewRepetitions})
	})
	if sampleErr != nil {
		t.Fatal(sampleErr)
	}
	return sampleBundle, sampleReport
}

func finding(t *testing.T, r *build.Report, id string) build.Finding {
	t.Helper()
	for _, p := range r.Principles {
		for _, f := range p.Findings {
			if f.ID == id {
				return f
			}
		}
	}
	t.Fatalf("no finding %q", id)
	return build.Finding{}
}

// TestStructure: the six principles in the framework's order, each with every measure the
// catalogue lists under it and nothing else; every finding a measure cites is in the
// principle; every method a finding cites is listed; every indicator marked reported has a
// finding.
func TestStructure(t *testing.T) {
	_, r := sampleFixture(t)
	var got []principle.Principle
	for _, p := range r.Principles {
		got = append(got, p.ID)
		var want, have []measure.ID
		for m := range measure.ForPrinciple(p.ID) {
			want = append(want, m.ID)
		}
		for _, m := range p.Measures {
			have = append(have, m.ID)
			for _, id := range m.Findings {
				if !slices.ContainsFunc(p.Findings, func(f build.Finding) bool { return f.ID == id }) {
					t.Errorf("principle %d, measure %s cites finding %s, which the principle lacks", p.Number, m.ID, id)
				}
			}
			for _, ind := range m.Indicators {
				cited := slices.ContainsFunc(p.Findings, func(f build.Finding) bool {
					return f.Indicator == ind.ID && slices.Contains(m.Findings, f.ID)
				})
				if ind.Reported && !ind.Catalogue && !cited {
					t.Errorf("measure %s lists extra evidence %s without a finding", m.ID, ind.ID)
				}
			}
		}
		if d := cmp.Diff(want, have); d != "" {
			t.Errorf("principle %d measures -want +got:\n%s", p.Number, d)
		}
		for _, f := range p.Findings {
			if !slices.ContainsFunc(f.Measures, func(m measure.ID) bool { return slices.Contains(have, m) }) {
				t.Errorf("finding %s is under principle %d but speaks to none of its measures", f.ID, p.Number)
			}
			for _, m := range f.Methods {
				if !slices.ContainsFunc(r.Methods, func(x build.Method) bool { return x.ID == m && x.Citation != "" }) {
					t.Errorf("finding %s cites method %s, which is not listed with a citation", f.ID, m)
				}
			}
		}
	}
	want := slices.Collect(principle.All())
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("principles -want +got:\n%s", d)
	}
	if len(r.Highlights) == 0 || !r.Synthetic || r.Notice == "" {
		t.Errorf("highlights %d, synthetic %v, notice %q", len(r.Highlights), r.Synthetic, r.Notice)
	}
}

// TestJSONValidates: the report marshals to JSON that validates against the report schema.
func TestJSONValidates(t *testing.T) {
	_, r := sampleFixture(t)
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	if err := schemas.Validate(schemas.Report, b); err != nil {
		t.Fatal(err)
	}
	var back build.Report
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(r, &back); d != "" {
		t.Errorf("round trip -want +got:\n%s", d)
	}
}

// TestPAMNumbers: the activation findings equal what package pam and equality compute
// directly from the bundle's responses.
func TestPAMNumbers(t *testing.T) {
	b, r := sampleFixture(t)
	s, err := pam.NewScorer(pam.Hellstrom2019(), pam.Insignia2024, pam.DefaultPolicy())
	if err != nil {
		t.Fatal(err)
	}
	var base pam.Cohort
	var byQ [6]pam.Cohort
	var change indicator.MeanTally
	gains, _ := pam.NewGains(pam.DefaultWindow(), pam.Insignia2024)
	deciles := b.Deciles()
	for i, p := range b.PAM.Respondents {
		rb, _ := s.Score(p.Baseline)
		base.Add(rb)
		byQ[(deciles[i]+1)/2].Add(rb)
		if p.FollowUp != nil {
			rf, _ := s.Score(*p.FollowUp)
			gains.Add(rb, rf)
			if rb.Accepted && rf.Accepted {
				_ = change.Add(rf.Unrounded - rb.Unrounded)
			}
		}
	}
	approx := cmpopts.EquateApprox(0, 1e-12)

	m, err := change.Mean(indicator.Options{Levels: []float64{0.95}})
	if err != nil {
		t.Fatal(err)
	}
	h := finding(t, r, "pam-activation").Headline
	if d := cmp.Diff([3]float64{m.Value, m.Limits[0].Lower, m.Limits[0].Upper}, [3]float64{h.Value, *h.Lower, *h.Upper}, approx); d != "" {
		t.Errorf("mean change -want +got:\n%s", d)
	}
	sum := base.Summary()
	var shares [4]float64
	for _, sl := range sum.Levels {
		if sl.Scheme == pam.Insignia2024 {
			for k, ls := range sl.Levels {
				shares[k] = ls.Proportion
			}
		}
	}
	if d := cmp.Diff(shares, r.Charts.ActivationLevels.Series[0].Shares); d != "" {
		t.Errorf("baseline level shares -want +got:\n%s", d)
	}

	g := gains.Summary()
	h = finding(t, r, "pam-gains").Headline
	if d := cmp.Diff([3]float64{100 * *g.Proportion, 100 * g.Interval.Lower, 100 * g.Interval.Upper}, [3]float64{h.Value, *h.Lower, *h.Upper}, approx); d != "" {
		t.Errorf("gains -want +got:\n%s", d)
	}

	// The slope index at baseline from the quintile means, their standard errors and the
	// residents of each quintile, with the report's seed for the baseline (DefaultSeed).
	var pop [6]float64
	for _, a := range b.Areas {
		dec, _ := equality.DeprivationDecile(b.IMDEdition, a.IMDRank)
		pop[(dec.Group+1)/2] += float64(a.Population)
	}
	var groups []equality.QuantileGroup
	for q := 1; q <= 5; q++ {
		cs := byQ[q].Summary()
		groups = append(groups, equality.QuantileGroup{Population: pop[q], Value: *cs.Mean, SE: *cs.SD / math.Sqrt(float64(cs.Accepted))})
		pt := r.Charts.ActivationGradient.Series[0].Points[q-1]
		if d := cmp.Diff([3]float64{*cs.Mean, cs.MeanInterval.Lower, cs.MeanInterval.Upper}, [3]float64{pt.Value, pt.Lower, pt.Upper}, approx); d != "" {
			t.Errorf("quintile %d mean -want +got:\n%s", q, d)
		}
	}
	sii, err := equality.SII(groups, equality.SIIOptions{Seed: build.DefaultSeed, Repetitions: fewRepetitions})
	if err != nil {
		t.Fatal(err)
	}
	se := r.Charts.ActivationGradient.Series[0]
	if d := cmp.Diff([4]float64{sii.SII, sii.SIILimits[0].Lower, sii.SIILimits[0].Upper, sii.Intercept}, [4]float64{se.SII, se.SIILower, se.SIIUpper, se.Intercept}, approx); d != "" {
		t.Errorf("baseline SII -want +got:\n%s", d)
	}
}

// datasetByIndicator returns the bundle's dataset for an indicator.
func datasetByIndicator(t *testing.T, b *place.Bundle, id string) indicator.Dataset {
	t.Helper()
	for _, d := range b.Indicators {
		if d.Indicator == id {
			return d
		}
	}
	t.Fatalf("no dataset for %s", id)
	return indicator.Dataset{}
}

// TestIndicatorNumbers: the headline of each dataset finding equals the library's statistic
// of the place's totals in the reported period.
func TestIndicatorNumbers(t *testing.T) {
	b, r := sampleFixture(t)
	opts := indicator.Options{Levels: []float64{0.95}}
	sums := func(d indicator.Dataset) (x, n float64) {
		for _, row := range d.Rows {
			if row.Period == b.Period {
				x += row.Numerator
				n += row.Denominator
			}
		}
		return x, n
	}
	x, n := sums(datasetByIndicator(t, b, sample.IndicatorBudgets))
	rate, err := indicator.NewRate(x, n, opts)
	if err != nil {
		t.Fatal(err)
	}
	x, n = sums(datasetByIndicator(t, b, sample.IndicatorCarers))
	prop, err := indicator.NewProportion(x, n, indicator.Options{Levels: opts.Levels, Multiplier: 100})
	if err != nil {
		t.Fatal(err)
	}
	var hours []float64
	for _, o := range datasetByIndicator(t, b, sample.IndicatorVolunteering).Observations {
		if o.Period == b.Period {
			hours = append(hours, o.Value)
		}
	}
	mean, err := indicator.NewMean(hours, opts)
	if err != nil {
		t.Fatal(err)
	}
	for id, want := range map[string]indicator.Estimate{
		sample.IndicatorBudgets: rate.Estimate, sample.IndicatorCarers: prop.Estimate, sample.IndicatorVolunteering: mean.Estimate,
	} {
		h := finding(t, r, id).Headline
		got := [3]float64{h.Value, *h.Lower, *h.Upper}
		if d := cmp.Diff([3]float64{want.Value, want.Limits[0].Lower, want.Limits[0].Upper}, got, cmpopts.EquateApprox(1e-12, 0)); d != "" {
			t.Errorf("%s -want +got:\n%s", id, d)
		}
	}
}

// TestRepresentationAndSROINumbers: the representation findings carry the library's index of
// dissimilarity, and the SROI finding the library's ratio.
func TestRepresentationAndSROINumbers(t *testing.T) {
	b, r := sampleFixture(t)
	for i, d := range b.Equality {
		var parts, comm []float64
		for _, g := range d.Areas[0].Groups {
			parts = append(parts, *g.Participants)
			comm = append(comm, *g.Community)
		}
		want, err := equality.Dissimilarity(parts, comm)
		if err != nil {
			t.Fatal(err)
		}
		id := d.Indicator + "-by-" + d.Dimension.String()
		if got := finding(t, r, id).Headline.Value; got != want {
			t.Errorf("equality %d: dissimilarity %v, want %v", i, got, want)
		}
	}
	res, err := sroi.Evaluate(*b.SROI)
	if err != nil {
		t.Fatal(err)
	}
	want, _ := res.Ratio.Float64()
	if got := finding(t, r, "sroi").Headline.Value; got != want || r.Charts.SROITornado.Base != want {
		t.Errorf("SROI ratio %v (tornado base %v), want %v", got, r.Charts.SROITornado.Base, want)
	}
	if n := len(r.Charts.SROIByYear.Years); n != len(res.Years) {
		t.Errorf("%d years charted, want %d", n, len(res.Years))
	}
}

// TestDeterministic: the same bundle and options give the same report.
func TestDeterministic(t *testing.T) {
	b, r := sampleFixture(t)
	again, err := build.Build(b, build.Options{Repetitions: fewRepetitions})
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(r, again); d != "" {
		t.Errorf("second build differs -first +second:\n%s", d)
	}
}

// TestProgress: each step is announced once, in order.
func TestProgress(t *testing.T) {
	b, _ := sampleFixture(t)
	var steps []string
	if _, err := build.Build(b, build.Options{Repetitions: 1000, Progress: func(s string) { steps = append(steps, s) }}); err != nil {
		t.Fatal(err)
	}
	if len(steps) != 5 || !strings.Contains(steps[0], "Patient Activation") || !strings.Contains(steps[4], "principle by principle") {
		t.Errorf("steps %q", steps)
	}
}

// TestSparseBundles: bundles that hold only some parts, or parts the catalogue does not
// know, still give a whole, valid report, and say what is missing.
func TestSparseBundles(t *testing.T) {
	b, _ := sampleFixture(t)
	bare := &place.Bundle{Title: "Empty", Place: place.Area{Code: "E06000001", Name: "Nowhere"}, Period: "2025/26"}
	onlySROI := *bare
	onlySROI.SROI = b.SROI
	unknown := *bare
	unknown.Indicators = []indicator.Dataset{{Indicator: "not-in-the-catalogue", Statistic: indicator.StatisticProportion,
		Rows: []indicator.Row{{Area: "A", Period: "2025/26", Numerator: 3, Denominator: 10}}}}
	noAreas := *b
	noAreas.Areas, noAreas.Neighbourhoods = nil, nil
	noAreas.PAM = &place.PAM{Respondents: slices.Clone(b.PAM.Respondents)}
	for i := range noAreas.PAM.Respondents {
		noAreas.PAM.Respondents[i].Area = "" // the deciles stay on the respondents
	}
	noAreas.Indicators = nil // their rows are by small area
	pamOnly := &place.Bundle{Title: "PAM only", Place: bare.Place, Period: "2025/26", PAM: noAreas.PAM, IMDEdition: b.IMDEdition}
	for name, bundle := range map[string]*place.Bundle{"bare": bare, "only SROI": &onlySROI, "unknown indicator": &unknown,
		"no areas": &noAreas, "PAM only": pamOnly} {
		t.Run(name, func(t *testing.T) {
			if err := bundle.Validate(); err != nil {
				t.Fatal(err)
			}
			r, err := build.Build(bundle, build.Options{Repetitions: 1000})
			if err != nil {
				t.Fatal(err)
			}
			data, err := json.Marshal(r)
			if err != nil {
				t.Fatal(err)
			}
			if err := schemas.Validate(schemas.Report, data); err != nil {
				t.Fatal(err)
			}
			if len(r.Principles) != 6 || len(r.Highlights) == 0 {
				t.Errorf("%d principles, %d highlights", len(r.Principles), len(r.Highlights))
			}
		})
	}
	if _, err := build.Build(nil, build.Options{}); err == nil {
		t.Error("Build(nil) succeeded")
	}
}

// nonFinite matches a NaN or an infinity written into the report's text.
var nonFinite = regexp.MustCompile(`\bNaN\b|\bInf\b|%!`)

// TestAnyPlace is a property: for any seed and a range of small sizes, the generated place's
// report builds and validates against the report schema.
func TestAnyPlace(t *testing.T) {
	if testing.Short() {
		// Under -race each build is many times slower; a few cases still exercise the path.
		if err := flag.Set("rapid.checks", "5"); err != nil {
			t.Fatal(err)
		}
	}
	rapid.Check(t, func(t *rapid.T) {
		size := sample.Size{
			Areas:          rapid.IntRange(5, 60).Draw(t, "areas"),
			People:         rapid.IntRange(0, 400).Draw(t, "people"),
			Participants:   rapid.IntRange(0, 200).Draw(t, "participants"),
			Volunteers:     rapid.IntRange(0, 100).Draw(t, "volunteers"),
			Neighbourhoods: 1,
		}
		size.Neighbourhoods = rapid.IntRange(1, size.Areas).Draw(t, "neighbourhoods")
		g, err := sample.New(rapid.Uint64().Draw(t, "seed"), size)
		if err != nil {
			t.Fatal(err)
		}
		b, err := g.Bundle()
		if err != nil {
			t.Fatal(err)
		}
		if err := b.Validate(); err != nil {
			t.Fatalf("size %+v: the generated bundle is not valid: %v", size, err)
		}
		r, err := build.Build(b, build.Options{Repetitions: 1000})
		if err != nil {
			t.Fatalf("size %+v: %v", size, err)
		}
		data, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		if err := schemas.Validate(schemas.Report, data); err != nil {
			t.Fatalf("size %+v: %v", size, err)
		}
		if nonFinite.Match(data) {
			t.Fatalf("size %+v: a non-finite number in the report", size)
		}
	})
}

// TestAssessmentCarried: every principle and measure carries a status from the assessment,
// each principle the rule the assessment states for its status, and the ten key actions are
// listed.
func TestAssessmentCarried(t *testing.T) {
	_, r := sampleFixture(t)
	if r.Assessment == nil || len(r.Assessment.Actions) != 10 {
		t.Fatalf("assessment %+v", r.Assessment)
	}
	for _, p := range r.Principles {
		st, err := assessment.ParseStatus(p.Status)
		if err != nil || p.StatusLabel != st.Label() || p.Rule != assessment.PrincipleRule(st) || p.Reason == "" {
			t.Errorf("principle %d: status %q (%v), label %q, rule %q", p.Number, p.Status, err, p.StatusLabel, p.Rule)
		}
		for _, m := range p.Measures {
			ms, err := assessment.ParseStatus(m.Status)
			if err != nil || m.StatusLabel != ms.Label() || m.Reason == "" {
				t.Errorf("measure %s: status %q (%v), label %q", m.ID, m.Status, err, m.StatusLabel)
			}
			if ms != assessment.NoEvidence && len(m.Judgements) == 0 && ms != assessment.Evidenced {
				t.Errorf("measure %s is %v with no judgement", m.ID, ms)
			}
		}
	}
}

// TestAssessmentOnly: a bundle of observations and evidence alone (nothing for the report to
// compute) gives exactly the statuses, reasons and key actions that assessment.Assess gives
// for them.
func TestAssessmentOnly(t *testing.T) {
	b, _ := sampleFixture(t)
	only := &place.Bundle{Title: "Evidence only", Place: b.Place, Period: b.Period, Assessment: b.Assessment,
		Observations: b.Observations, Evidence: b.Evidence}
	r, err := build.Build(only, build.Options{})
	if err != nil {
		t.Fatal(err)
	}
	code, _ := measure.ParseAreaCode(b.Place.Code)
	sc, err := assessment.Assess(assessment.Input{Title: b.Place.Name, Area: code, Period: b.Assessment.Period, AsOf: b.Assessment.AsOf,
		Observations: b.Observations.Observations, Evidence: *b.Evidence})
	if err != nil {
		t.Fatal(err)
	}
	type verdict struct{ Status, Reason string }
	var want, got []verdict
	for i, pr := range sc.Principles {
		want = append(want, verdict{pr.Status.String(), pr.Reason})
		got = append(got, verdict{r.Principles[i].Status, r.Principles[i].Reason})
		for j, mr := range pr.Measures {
			want = append(want, verdict{mr.Status.String(), mr.Reason})
			got = append(got, verdict{r.Principles[i].Measures[j].Status, r.Principles[i].Measures[j].Reason})
		}
	}
	for i, a := range sc.Actions {
		want = append(want, verdict{a.Status.String(), a.Title + ": " + strings.Join(a.EvidenceNames(), "; ")})
		got = append(got, verdict{r.Assessment.Actions[i].Status, r.Assessment.Actions[i].Title + ": " + strings.Join(r.Assessment.Actions[i].Evidence, "; ")})
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("-assessment +report:\n%s", d)
	}
}

// readerUnfriendly matches what a reader of the report should not meet in the assessment's
// sentences: a catalogue ID, a figure with five or more decimal places, a per cent sign
// glued to its figure, or a day written as YYYY-MM-DD.
var readerUnfriendly = func() *regexp.Regexp {
	var ids []string
	for ind := range indicator.All() {
		ids = append(ids, regexp.QuoteMeta(string(ind.ID)))
	}
	for m := range measure.All() {
		ids = append(ids, regexp.QuoteMeta(string(m.ID)))
	}
	return regexp.MustCompile(`\d\.\d{5,}|\d%|\b\d{4}-\d{2}-\d{2}\b|\b(` + strings.Join(ids, "|") + `)\b`)
}()

// TestAssessmentWording: the sentences the report takes from the assessment (statuses'
// reasons, judgements, the summary, the key actions' evidence and what was left out) name
// measures and indicators as the catalogue names them and write figures and days for people.
func TestAssessmentWording(t *testing.T) {
	_, r := sampleFixture(t)
	var texts []string
	for _, p := range r.Principles {
		texts = append(texts, p.Reason)
		for _, m := range p.Measures {
			texts = append(texts, m.Reason)
			texts = append(texts, m.Judgements...)
		}
	}
	texts = append(texts, r.Assessment.Summary)
	texts = append(texts, r.Assessment.Excluded...)
	for _, a := range r.Assessment.Actions {
		texts = append(texts, a.Evidence...)
	}
	for _, s := range texts {
		if m := readerUnfriendly.FindString(s); m != "" {
			t.Errorf("%q in %q", m, s)
		}
	}
	// The sample's assessment speaks as of 2026-09-30 for the year 2025/26.
	if want := "As of 30 September 2026, for 2025/26: "; !strings.HasPrefix(r.Assessment.Summary, want) {
		t.Errorf("summary %q, want it to begin %q", r.Assessment.Summary, want)
	}
}

// TestAssessmentErrors: a problem the assessment finds in the bundle's observations is
// reported at its place in the bundle.
func TestAssessmentErrors(t *testing.T) {
	b, _ := sampleFixture(t)
	obs := *b.Observations
	obs.Observations = slices.Clone(obs.Observations)
	obs.Observations[1].Group = &measure.Group{Dimension: "deprivation-quintile", Value: "6"}
	bad := *b
	bad.Observations = &obs
	_, err := build.Build(&bad, build.Options{Repetitions: 1000})
	var fe *field.Error
	if !errors.As(err, &fe) || !strings.HasPrefix(fe.Path, "/observations/observations/1/group") {
		t.Errorf("got %v, want an error at /observations/observations/1/group", err)
	}
}

func BenchmarkBuild(b *testing.B) {
	bundle, _ := sampleFixture(b)
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		if _, err := build.Build(bundle, build.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
