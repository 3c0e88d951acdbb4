package build

import (
	"errors"
	"slices"
	"strconv"
	"strings"

	"github.com/peopleandcommunities/engage/equality"
	"github.com/peopleandcommunities/engage/examples/internal/place"
	"github.com/peopleandcommunities/engage/indicator"
	"github.com/peopleandcommunities/engage/measure"
	"github.com/peopleandcommunities/engage/principle"
)

// DefaultSeed seeds the Monte Carlo limits of the slope index of inequality unless Options
// says otherwise, so that the report is the same on every run.
const DefaultSeed = 20251121

// Options are the report's settings. The zero value asks for the defaults.
type Options struct {
	// Seed seeds the Monte Carlo limits of the slope index of inequality; 0 means DefaultSeed.
	Seed uint64
	// Repetitions is the number of Monte Carlo repetitions of each slope index of
	// inequality; 0 means equality.DefaultSIIRepetitions (100,000, phe_sii's default).
	Repetitions int
	// Progress, when not nil, is told the name of each step as it starts.
	Progress func(step string)
}

// ErrNoBundle classifies a call without a bundle.
var ErrNoBundle = errors.New("build: no bundle")

// builder holds the state of one Build.
type builder struct {
	b        *place.Bundle
	opts     Options
	findings []Finding
	charts   Charts
	settings Settings
	// highlights are collected in the order findings are made, keyed by finding.
	highlights map[string]string
	// observed are the values computed here that the assessment judges with the bundle's
	// own observations; accessGap records that an access gap has been observed.
	observed  []measure.Observation
	accessGap bool
}

// Build computes the report for bundle b, which should have passed place.Parse or
// (*place.Bundle).Validate. The computation is deterministic: the same bundle and options
// give the same report on every run and at any GOMAXPROCS.
func Build(b *place.Bundle, opts Options) (*Report, error) {
	if b == nil {
		return nil, ErrNoBundle
	}
	if opts.Seed == 0 {
		opts.Seed = DefaultSeed
	}
	if opts.Repetitions == 0 {
		opts.Repetitions = equality.DefaultSIIRepetitions
	}
	bd := &builder{b: b, opts: opts, highlights: map[string]string{}}
	bd.settings = Settings{Confidence: 0.95, Seed: opts.Seed, Repetitions: opts.Repetitions}
	steps := []struct {
		name string
		run  func() error
	}{
		{"scoring Patient Activation Measure responses", bd.pam},
		{"computing indicators", bd.datasets},
		{"comparing participants with the community", bd.equality},
		{"evaluating the Social Return on Investment", bd.sroi},
	}
	for _, s := range steps {
		if opts.Progress != nil {
			opts.Progress(s.name)
		}
		if err := s.run(); err != nil {
			return nil, err
		}
	}
	r := &Report{
		Title: "Engaging people and communities: " + b.Place.Name + ", " + b.Period,
		// The place and period are the bundle's; its title is not repeated.
		Place:     Area{Code: b.Place.Code, Name: b.Place.Name},
		Period:    b.Period,
		Synthetic: b.Synthetic,
		Notice:    b.Notice,
		Framework: "Six principles for engaging people and communities: definitions, evaluation and measurement (People and Communities Board, NHS England)",
		Charts:    bd.charts,
		Methods:   methodList(bd.findings),
		Settings:  bd.settings,
	}
	if r.Methods == nil {
		r.Methods = []Method{}
	}
	r.Principles = bd.principles()
	if opts.Progress != nil {
		opts.Progress("assessing the evidence principle by principle")
	}
	if err := bd.assess(r); err != nil {
		return nil, err
	}
	if r.Assessment != nil {
		r.Highlights = append(r.Highlights, "Assessment: "+r.Assessment.Summary)
		m := methods["assessment"]
		m.ID = "assessment"
		r.Methods = append(r.Methods, m)
	}
	for i := range r.Principles {
		r.Principles[i].Coverage = coverage(&r.Principles[i])
	}
	for _, p := range r.Principles {
		for _, f := range p.Findings {
			if h, ok := bd.highlights[f.ID]; ok && !slices.Contains(r.Highlights, h) {
				r.Highlights = append(r.Highlights, h)
			}
		}
	}
	if len(r.Highlights) == 0 {
		r.Highlights = []string{"The documents supplied hold no data from which a value could be computed."}
	}
	return r, nil
}

// syntheticMark is how the sample generator labels each document of a synthetic bundle; a
// report on a synthetic bundle states it once, in its notice, rather than in every title.
const syntheticMark = " — SYNTHETIC"

// title returns a document's title for a finding or a table.
func (bd *builder) title(t string) string {
	if bd.b.Synthetic {
		if i := strings.Index(t, syntheticMark); i > 0 {
			return t[:i]
		}
	}
	return t
}

// add records a finding, making its ID unique, and returns the ID used.
func (bd *builder) add(f Finding, highlight string) string {
	f.Title = bd.title(f.Title)
	for i := range f.Tables {
		f.Tables[i].Caption = bd.title(f.Tables[i].Caption)
	}
	base, id := f.ID, f.ID
	for n := 2; bd.has(id); n++ {
		id = base + "-" + strconv.Itoa(n)
	}
	f.ID = id
	if f.Statements == nil {
		f.Statements = []string{}
	}
	if f.Measures == nil {
		f.Measures = []measure.ID{}
	}
	if f.Methods == nil {
		f.Methods = []string{}
	}
	bd.findings = append(bd.findings, f)
	if highlight != "" {
		bd.highlights[id] = highlight
	}
	return id
}

func (bd *builder) has(id string) bool {
	return slices.ContainsFunc(bd.findings, func(f Finding) bool { return f.ID == id })
}

// measuresOf returns the measures of success the catalogue links to indicator id, or nil for
// an identifier the catalogue does not know.
func measuresOf(id string) []measure.ID {
	ind, err := indicator.Lookup(indicator.ID(id))
	if err != nil {
		return nil
	}
	return ind.Measures
}

// canonical returns the catalogue's ID for id, or "" when the catalogue does not know it.
func canonical(id string) indicator.ID {
	ind, err := indicator.Lookup(indicator.ID(id))
	if err != nil {
		return ""
	}
	return ind.ID
}

// polarity returns the polarity of the first measure of indicator id, HigherIsBetter when
// the catalogue does not say.
func polarity(id indicator.ID) measure.Polarity {
	for _, m := range measuresOf(string(id)) {
		if ms, err := measure.Lookup(m); err == nil {
			return ms.Polarity
		}
	}
	return measure.HigherIsBetter
}

// principles assembles the six principles: their measures from the catalogue, each measure's
// indicators marked reported or not, and the findings that speak to the principle's measures.
func (bd *builder) principles() []Principle {
	reported := map[string]bool{}
	for _, f := range bd.findings {
		reported[f.Indicator] = true
	}
	var out []Principle
	for p := range principle.All() {
		pr := Principle{ID: p, Number: p.Number(), Name: p.Name(), Title: p.Title(), Summary: p.Summary(),
			Measures: []Measure{}, Findings: []Finding{}}
		for m := range measure.ForPrinciple(p) {
			ms := Measure{ID: m.ID, Name: m.Name, Kind: m.Kind, Polarity: m.Polarity, Indicators: []IndicatorRef{}, Findings: []string{}}
			for ind := range indicator.ForMeasure(m.ID) {
				ms.Indicators = append(ms.Indicators, IndicatorRef{ID: string(ind.ID), Name: ind.Name, Catalogue: true, Reported: reported[string(ind.ID)]})
			}
			for _, f := range bd.findings {
				if !slices.Contains(f.Measures, m.ID) {
					continue
				}
				ms.Findings = append(ms.Findings, f.ID)
				if !slices.ContainsFunc(ms.Indicators, func(r IndicatorRef) bool { return r.ID == f.Indicator }) {
					name := string(f.Indicator)
					if ind, err := indicator.Lookup(indicator.ID(f.Indicator)); err == nil {
						name = ind.Name
					}
					ms.Indicators = append(ms.Indicators, IndicatorRef{ID: f.Indicator, Name: name, Reported: true})
				}
				if !slices.ContainsFunc(pr.Findings, func(g Finding) bool { return g.ID == f.ID }) {
					pr.Findings = append(pr.Findings, f)
				}
			}
			pr.Measures = append(pr.Measures, ms)
		}
		// List each measure's findings in the order the principle presents them.
		for k := range pr.Measures {
			slices.SortStableFunc(pr.Measures[k].Findings, func(a, b string) int {
				return slices.IndexFunc(pr.Findings, func(f Finding) bool { return f.ID == a }) -
					slices.IndexFunc(pr.Findings, func(f Finding) bool { return f.ID == b })
			})
		}
		out = append(out, pr)
	}
	return out
}

// coverage says how many of a principle's measures have evidence: a finding computed here, or
// current evidence in the assessment.
func coverage(p *Principle) string {
	n := 0
	for _, m := range p.Measures {
		if len(m.Findings) > 0 || (m.Status != "" && m.Status != "no-evidence") {
			n++
		}
	}
	verb := "have"
	if n == 1 {
		verb = "has"
	}
	return count(n) + " of " + plural(len(p.Measures), "measure") + " of success " + verb + " evidence in these documents."
}
