package assessment

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"github.com/peopleandcommunities/engage/equality"
	"github.com/peopleandcommunities/engage/indicator"
	"github.com/peopleandcommunities/engage/internal/figure"
	"github.com/peopleandcommunities/engage/measure"
	"github.com/peopleandcommunities/engage/principle"
)

// Assess judges the evidence in, principle by principle, and returns the scorecard. It does
// no I/O and reads no clock; the same input gives the same scorecard whatever the order of
// its observations and records.
//
// What is current. An observation is known once it was available (its published day, or the
// end of its period) on or before the as-of day; a known observation is current when its
// period overlaps the assessment period, and one that begins after the period is left out. An evidence record is current when it began on or
// before the as-of day and before the period ended, and had not ended before the period
// began (indicator.EvidenceItem.Current). Known observations and records that are not
// current make their indicators out of date rather than missing. When Input.Area is given,
// observations of other areas are left out.
//
// Findings. For every series of observations (one subject, area, group and kind of value)
// whose latest known observation is current:
//
//   - against its benchmark or target, when it has one: with confidence limits, the
//     comparison of OHID's Fingertips profiles (indicator.Compare) — better, similar or
//     worse, or higher, similar or lower when the polarity makes no judgement; without
//     limits, not tested;
//   - over time, when the series has two or more known observations: measure.TrendOf at the
//     assessment's level.
//
// The polarity is the catalogue's: the measure's own, or for an indicator the polarity
// shared by every measure it evidences (no judgement when they differ). From the evidence
// records, over the period up to the as-of day:
//
//   - lay involvement (indicator lay-involvement-at-all-levels), when any is recorded: met
//     when it is in place at all four programme levels, as the framework asks, not met
//     otherwise;
//   - the shares of complete audit-trail records (engagement-audit-trail), of activities
//     closing the feedback loop (measure feedback-loop), of redesign activities using
//     co-production (co-production-in-redesign) and of contracts using the Social Value Act
//     (social-value-act-audit-trail), each with its Wilson interval: judged against its
//     target like a benchmark when Options.Targets gives one, otherwise only reported;
//   - the representation of participants against the community profile of each dimension
//     both record (participant-diversity), by equality.Representation: unfavourable when any
//     group is significantly under-represented, in proportion otherwise.
//
// Verdicts count as favourable (better, improving, met), unfavourable (worse, worsening,
// not met, under-represented) or neutral. A measure's findings are its own and those of the
// indicators that evidence it; its status, and each principle's, follow the rules that
// MeasureRule and PrincipleRule state. A key action is evidenced when a current record names
// it or a current observation or record evidences an indicator the catalogue links to it.
//
// Invalid input is reported all at once as *FieldErrors located by JSON Pointer
// ("/observations/2/group/value", "/evidence/activities/0/date", "/asOf").
func Assess(in Input) (Scorecard, error) {
	level, err := validate(&in)
	if err != nil {
		return Scorecard{}, err
	}
	a := newRun(&in, level)
	a.observations()
	a.records()
	if err := a.computed(); err != nil {
		return Scorecard{}, err
	}
	return a.scorecard(), nil
}

// run holds the working state of one assessment.
type run struct {
	in    *Input
	level float64
	// upTo is the part of the period known by the as-of day.
	upTo measure.Period
	// current and stale hold, for each subject ("m:" measure or "i:" indicator ID), the
	// links to current and to known but not current evidence.
	current map[string][]Link
	stale   map[string][]Link
	// actionLinks holds the current records that name each action.
	actionLinks map[principle.Action][]Link
	findings    []judged
	computedRes Computed
	excluded    []Exclusion
	// voice writes the sentences.
	voice voice
}

// judged is a finding with the label that names it in the reason of a measure's status,
// and the latest observation of the series it rests on, if it rests on one.
type judged struct {
	Finding
	label  string
	latest *measure.Observation
}

func newRun(in *Input, level float64) *run {
	upTo := in.Period
	if in.AsOf.Before(upTo.End) {
		upTo.End = in.AsOf
	}
	return &run{in: in, level: level, upTo: upTo, current: map[string][]Link{}, stale: map[string][]Link{},
		actionLinks: map[principle.Action][]Link{}, voice: voice{area: in.Area, names: map[measure.AreaCode]string{}}}
}

func measureKey(id measure.ID) string     { return "m:" + string(id) }
func indicatorKey(id indicator.ID) string { return "i:" + string(id) }

func obsKey(o *measure.Observation) string {
	if o.Indicator != "" {
		return indicatorKey(indicator.ID(o.Indicator))
	}
	return measureKey(o.Measure)
}

func obsLink(o *measure.Observation) Link {
	return Link{Kind: LinkObservation, ID: o.ID, Title: o.Source}
}

// judgedBy returns the measures of success an observation of an indicator speaks to, and the
// polarity that judges it. An indicator evidences measures that may differ in polarity and
// in kind: target groups' registrations with general practice evidence "narrowing the gap"
// (an inequality measure, where lower is better) although a registration rate is not a gap.
// So a value that is a gap (statistic gap, slope-index-of-inequality or
// relative-index-of-inequality) speaks to the indicator's inequality measures, and any other
// value to its other measures; the polarity is the one those measures share, or no judgement
// when they differ or when none is left (the value then speaks, without judgement, to all
// of the indicator's measures).
func judgedBy(ind indicator.Indicator, statistic string) ([]measure.ID, measure.Polarity) {
	_, gap := gapNames[statistic]
	var ids []measure.ID
	var p measure.Polarity
	for _, id := range ind.Measures {
		m, err := measure.Lookup(id)
		if err != nil || (m.Kind == measure.Inequality) != gap {
			continue
		}
		ids = append(ids, id)
		switch {
		case p == 0:
			p = m.Polarity
		case p != m.Polarity:
			p = measure.NoJudgement
		}
	}
	if len(ids) == 0 {
		return slices.Clone(ind.Measures), measure.NoJudgement
	}
	return ids, p
}

// subjectJudgement returns the measures an observation speaks to and its polarity: a
// measure's own, or judgedBy's for an indicator.
func subjectJudgement(o *measure.Observation) ([]measure.ID, measure.Polarity) {
	if o.Indicator == "" {
		m, err := measure.Lookup(o.Measure)
		if err != nil {
			return []measure.ID{o.Measure}, measure.NoJudgement
		}
		return []measure.ID{m.ID}, m.Polarity
	}
	ind, err := indicator.Lookup(indicator.ID(o.Indicator))
	if err != nil {
		return nil, measure.NoJudgement
	}
	return judgedBy(ind, o.Method.Statistic)
}

// indicatorMeasures returns the measures a value computed from evidence records (a share, a
// coverage, a representation) speaks to.
func indicatorMeasures(id indicator.ID) []measure.ID {
	ind, err := indicator.Lookup(id)
	if err != nil {
		return nil
	}
	ms, _ := judgedBy(ind, "proportion")
	return ms
}

// observations sorts the observations into series and makes their findings.
func (a *run) observations() {
	obs := a.in.Observations
	series := map[measure.Series][]int{}
	var keys []measure.Series
	for i := range obs {
		o := &obs[i]
		switch {
		case a.in.Area != "" && o.Area != a.in.Area:
			a.excluded = append(a.excluded, Exclusion{Link: obsLink(o), Reason: "describes " + string(o.Area) + ", not " + string(a.in.Area) + ", the area assessed"})
			continue
		case o.Available().After(a.in.AsOf):
			a.excluded = append(a.excluded, Exclusion{Link: obsLink(o), Reason: "not available by the as-of day, " + dateText(a.in.AsOf)})
			continue
		case o.Period.Start.After(a.in.Period.End):
			a.excluded = append(a.excluded, Exclusion{Link: obsLink(o), Reason: "begins after the assessment period, which ends on " + dateText(a.in.Period.End)})
			continue
		}
		if n := o.AreaName; n != "" {
			// The first name in alphabetical order, whatever the order of the observations.
			if have, ok := a.voice.names[o.Area]; !ok || n < have {
				a.voice.names[o.Area] = n
			}
		}
		k := o.Series()
		if _, ok := series[k]; !ok {
			keys = append(keys, k)
		}
		series[k] = append(series[k], i)
		if o.Period.Overlaps(a.in.Period) {
			a.current[obsKey(o)] = append(a.current[obsKey(o)], obsLink(o))
		} else {
			a.stale[obsKey(o)] = append(a.stale[obsKey(o)], obsLink(o))
		}
	}
	for _, k := range keys {
		idx := series[k]
		slices.SortFunc(idx, func(x, y int) int {
			px, py := obs[x].Period, obs[y].Period
			if c := px.End.Compare(py.End); c != 0 {
				return c
			}
			return px.Start.Compare(py.Start)
		})
		latest := &obs[idx[len(idx)-1]]
		if !latest.Period.Overlaps(a.in.Period) {
			continue
		}
		ms, p := subjectJudgement(latest)
		if latest.Benchmark != nil {
			f := benchmarkFinding(latest, p)
			f.Measures = ms
			a.findings = append(a.findings, judged{Finding: f, latest: latest})
		}
		if len(idx) >= 2 {
			points := make([]measure.Observation, len(idx))
			links := make([]Link, len(idx))
			for j, i := range idx {
				points[j] = obs[i]
				links[j] = obsLink(&obs[i])
			}
			tr, err := measure.TrendOf(points, p, a.level)
			if err != nil {
				a.excluded = append(a.excluded, Exclusion{Link: obsLink(latest), Reason: "no trend could be tested: " + err.Error()})
				continue
			}
			f := trendFinding(latest, tr, links)
			f.Measures = slices.Clone(ms)
			a.findings = append(a.findings, judged{Finding: f, latest: latest})
		}
	}
	// The sentences are written once every area's name is known.
	for i := range a.findings {
		j := &a.findings[i]
		if j.Kind == FindingTrend {
			j.Text, j.label = a.voice.trendText(&j.Finding, j.latest)
		} else {
			j.Text, j.label = a.voice.benchmarkText(&j.Finding, j.latest)
		}
	}
}

func subjectOf(o *measure.Observation) Finding {
	f := Finding{Measure: o.Measure, Part: o.Part, Indicator: indicator.ID(o.Indicator), Area: o.Area, Period: o.Period, Value: o.Value}
	if o.Group != nil {
		g := *o.Group
		f.Group = &g
	}
	if o.Limits != nil {
		lim := *o.Limits
		f.Limits = &lim
	}
	return f
}

func benchmarkFinding(o *measure.Observation, p measure.Polarity) Finding {
	f := subjectOf(o)
	b := *o.Benchmark
	f.Benchmark = &b
	f.Kind = FindingBenchmark
	if b.Kind == measure.BenchmarkTarget {
		f.Kind = FindingTarget
	}
	f.Evidence = []Link{obsLink(o)}
	f.Verdict = VerdictNotTested
	if o.Limits != nil {
		s, err := indicator.Compare(indicator.Interval{Level: o.Limits.Level, Lower: o.Limits.Lower, Upper: o.Limits.Upper}, b.Value, p)
		if err == nil {
			f.Verdict = fromSignificance(s)
		}
	}
	f.Effect = f.Verdict.Effect()
	return f
}

func fromSignificance(s indicator.Significance) Verdict {
	switch s {
	case indicator.Better:
		return VerdictBetter
	case indicator.Similar:
		return VerdictSimilar
	case indicator.Worse:
		return VerdictWorse
	case indicator.Higher:
		return VerdictHigher
	case indicator.Lower:
		return VerdictLower
	}
	return VerdictNotTested
}

func fromTrend(t measure.Trend) Verdict {
	switch t {
	case measure.TrendImproving:
		return VerdictImproving
	case measure.TrendWorsening:
		return VerdictWorsening
	case measure.TrendIncreasing:
		return VerdictIncreasing
	case measure.TrendDecreasing:
		return VerdictDecreasing
	case measure.TrendNoSignificantChange:
		return VerdictNoChange
	}
	return VerdictNotTested
}

func trendFinding(latest *measure.Observation, tr measure.TrendResult, links []Link) Finding {
	f := subjectOf(latest)
	f.Kind = FindingTrend
	f.Trend = &tr
	f.Verdict = fromTrend(tr.Trend)
	f.Effect = f.Verdict.Effect()
	slices.SortFunc(links, compareLinks)
	f.Evidence = links
	return f
}

// records sorts the evidence records into current and stale, by indicator and action.
func (a *run) records() {
	for _, it := range a.in.Evidence.Items() {
		link := Link{Kind: linkKind(it.Kind), ID: it.ID, Title: it.Title}
		if it.Start.After(a.in.AsOf) {
			a.excluded = append(a.excluded, Exclusion{Link: link, Reason: "dated after the as-of day, " + dateText(a.in.AsOf)})
			continue
		}
		cur := it.Current(a.in.Period, a.in.AsOf)
		for _, id := range it.Indicators {
			if cur {
				a.current[indicatorKey(id)] = append(a.current[indicatorKey(id)], link)
			} else {
				a.stale[indicatorKey(id)] = append(a.stale[indicatorKey(id)], link)
			}
		}
		if cur {
			for _, act := range it.Actions {
				a.actionLinks[act] = append(a.actionLinks[act], link)
			}
		}
	}
}

// computed works out the indicators computed from the records and their findings.
func (a *run) computed() error {
	ev := &a.in.Evidence
	c := &a.computedRes
	var err error
	if c.AuditTrail, err = ev.AuditTrail(a.upTo, a.level); err != nil {
		return err
	}
	if c.FeedbackLoop, err = ev.FeedbackLoop(a.upTo, a.level); err != nil {
		return err
	}
	c.LayCoverage = ev.LayCoverage(a.upTo)
	if c.CoProduction, err = ev.CoProduction(a.upTo, a.level); err != nil {
		return err
	}
	if c.SocialValue, err = ev.SocialValue(a.upTo, a.level); err != nil {
		return err
	}
	inPeriod := func(pred func(*indicator.Activity) bool) []Link {
		var out []Link
		for i := range ev.Activities {
			act := &ev.Activities[i]
			if a.upTo.Contains(act.Date) && pred(act) {
				out = append(out, Link{Kind: LinkActivity, ID: act.ID, Title: act.Title})
			}
		}
		slices.SortFunc(out, compareLinks)
		return out
	}
	t := a.in.Options.Targets
	if sh := c.AuditTrail.Completeness; sh != nil {
		a.shareFinding(sh, t.AuditTrail, "", "engagement-audit-trail", auditTrailShare,
			inPeriod(func(*indicator.Activity) bool { return true }))
	}
	if sh := c.FeedbackLoop.Closed; sh != nil {
		a.shareFinding(sh, t.FeedbackLoop, "feedback-loop", "", feedbackLoopShare,
			inPeriod(func(*indicator.Activity) bool { return true }))
	}
	if sh := c.CoProduction.CoProduced; sh != nil {
		a.shareFinding(sh, t.CoProduction, "", "co-production-in-redesign", coProductionShare,
			inPeriod(func(x *indicator.Activity) bool { return x.Redesign }))
	}
	if sh := c.SocialValue.UsingAct; sh != nil {
		var links []Link
		for i := range ev.Procurements {
			p := &ev.Procurements[i]
			if a.upTo.Contains(p.Awarded) {
				links = append(links, Link{Kind: LinkProcurement, ID: p.ID, Title: p.Title})
			}
		}
		slices.SortFunc(links, compareLinks)
		a.shareFinding(sh, t.SocialValue, "", "social-value-act-audit-trail", socialValueShare, links)
	}
	if lc := c.LayCoverage; lc.Covered > 0 {
		f := Finding{Kind: FindingLevels, Indicator: "lay-involvement-at-all-levels", Measures: indicatorMeasures("lay-involvement-at-all-levels"),
			Period: a.upTo, Value: lc.Coverage}
		for _, lv := range lc.Levels {
			for _, id := range lv.Records {
				f.Evidence = append(f.Evidence, Link{Kind: LinkLayInvolvement, ID: id})
			}
		}
		slices.SortFunc(f.Evidence, compareLinks)
		var label string
		if lc.Covered == indicator.ProgrammeLevels {
			f.Verdict = VerdictMet
			f.Text = "Lay involvement was in place at all four programme levels, as the framework asks."
			label = "Lay involvement in place at all four programme levels"
		} else {
			f.Verdict = VerdictNotMet
			missing := make([]string, len(lc.Missing))
			for i, m := range lc.Missing {
				missing[i] = words(m.String())
			}
			f.Text = "Lay involvement was in place at " + strconv.Itoa(lc.Covered) + " of the four programme levels; the framework asks for all four. Missing: " +
				strings.Join(missing, "; ") + "."
			label = "Lay involvement in place at only " + strconv.Itoa(lc.Covered) + " of the four programme levels"
		}
		f.Effect = f.Verdict.Effect()
		a.findings = append(a.findings, judged{Finding: f, label: label})
	}
	a.diversity()
	return nil
}

// shareFinding reports a share computed from the records, judged against a target if any.
func (a *run) shareFinding(sh *indicator.Share, target *float64, m measure.ID, ind indicator.ID, what share, links []Link) {
	ms := []measure.ID{m}
	if ind != "" {
		ms = indicatorMeasures(ind)
	}
	f := Finding{Kind: FindingShare, Measure: m, Measures: ms, Indicator: ind, Period: a.upTo, Value: sh.Value,
		Limits: &measure.Limits{Level: sh.Level, Lower: sh.Lower, Upper: sh.Upper}, Evidence: links, Verdict: VerdictReported}
	if target != nil {
		f.Kind = FindingTarget
		f.Benchmark = &measure.Benchmark{Kind: measure.BenchmarkTarget, Label: "target", Value: *target}
		s, err := indicator.Compare(indicator.Interval{Level: sh.Level, Lower: sh.Lower, Upper: sh.Upper}, *target, measure.HigherIsBetter)
		if err == nil {
			f.Verdict = fromSignificance(s)
		}
	}
	f.Effect = f.Verdict.Effect()
	j := judged{Finding: f}
	j.Text, j.label = shareText(&f, sh.Numerator, sh.Denominator, what)
	a.findings = append(a.findings, j)
}

// diversity compares participants with the community, dimension by dimension.
func (a *run) diversity() {
	ev := &a.in.Evidence
	for _, dim := range ev.Dimensions(a.upTo) {
		var candidates []int
		for i := range ev.Community {
			if ev.Community[i].Dimension == dim {
				candidates = append(candidates, i)
			}
		}
		if a.in.Area != "" {
			candidates = slices.DeleteFunc(candidates, func(i int) bool { return ev.Community[i].Area != a.in.Area })
		}
		note := func(reason string) {
			a.excluded = append(a.excluded, Exclusion{Link: Link{Kind: LinkCommunityProfile, ID: dim}, Reason: reason})
		}
		switch {
		case len(candidates) == 0:
			note("no community profile by " + dimensionName(dim) + " for the area assessed to compare them with")
			continue
		case len(candidates) > 1:
			note("several community profiles by " + dimensionName(dim) + "; give the assessment an area to choose one")
			continue
		}
		prof := &ev.Community[candidates[0]]
		pc := ev.ParticipantCounts(a.upTo, dim)
		counts := map[string]int{}
		for _, g := range pc.Groups {
			counts[g.Value] = g.Count
		}
		groups := make([]equality.RepresentationGroup, len(prof.Groups))
		inProfile := map[string]bool{}
		for i, g := range prof.Groups {
			groups[i] = equality.RepresentationGroup{Group: g.Value, Participants: float64(counts[g.Value]), Community: g.Count}
			inProfile[g.Value] = true
		}
		var unmatched []string
		for _, g := range pc.Groups {
			if !inProfile[g.Value] && g.Count > 0 {
				unmatched = append(unmatched, g.Value)
			}
		}
		rep, err := equality.Representation(groups, equality.RepresentationOptions{Confidence: a.level, CommunitySampled: prof.Sampled})
		if err != nil {
			note("no comparison could be made with " + quoted(prof.Source) + ": " + err.Error())
			continue
		}
		d := Diversity{Dimension: dim, Profile: prof.ID, Participants: pc, Representation: rep, Unmatched: unmatched}
		a.computedRes.Diversity = append(a.computedRes.Diversity, d)
		f := Finding{Kind: FindingRepresentation, Indicator: "participant-diversity", Measures: indicatorMeasures("participant-diversity"),
			Area: prof.Area, Period: a.upTo,
			Value: rep.Dissimilarity, Verdict: VerdictInProportion}
		if slices.ContainsFunc(rep.Groups, func(g equality.GroupRepresentation) bool { return g.Flag == equality.UnderRepresented }) {
			f.Verdict = VerdictUnderRepresented
		}
		f.Effect = f.Verdict.Effect()
		j := judged{Finding: f}
		j.Text, j.label = a.voice.representationText(dim, prof.Area, prof.Source, pc.Activities, &rep)
		for i := range ev.Activities {
			act := &ev.Activities[i]
			if !a.upTo.Contains(act.Date) {
				continue
			}
			if slices.ContainsFunc(act.Participants.Groups, func(g indicator.ParticipantGroup) bool { return g.Dimension == dim }) {
				j.Evidence = append(j.Evidence, Link{Kind: LinkActivity, ID: act.ID, Title: act.Title})
			}
		}
		j.Evidence = append(j.Evidence, Link{Kind: LinkCommunityProfile, ID: prof.ID, Title: prof.Source})
		slices.SortFunc(j.Evidence, compareLinks)
		a.findings = append(a.findings, j)
	}
}

func compareLinks(x, y Link) int {
	if c := cmp.Compare(x.Kind, y.Kind); c != 0 {
		return c
	}
	if c := strings.Compare(x.ID, y.ID); c != 0 {
		return c
	}
	return strings.Compare(x.Title, y.Title)
}

func sortLinks(ls []Link) []Link {
	if len(ls) == 0 {
		return nil
	}
	out := slices.Clone(ls)
	slices.SortFunc(out, compareLinks)
	return slices.Compact(out)
}

func subjectString(f *Finding) string {
	switch {
	case f.Indicator != "":
		return "i:" + string(f.Indicator)
	case f.Part != "":
		return "m:" + string(f.Measure) + "/" + f.Part
	}
	return "m:" + string(f.Measure)
}

func compareFindings(x, y Finding) int {
	if c := strings.Compare(subjectString(&x), subjectString(&y)); c != 0 {
		return c
	}
	if c := strings.Compare(string(x.Area), string(y.Area)); c != 0 {
		return c
	}
	gx, gy := "", ""
	if x.Group != nil {
		gx = x.Group.String()
	}
	if y.Group != nil {
		gy = y.Group.String()
	}
	if c := strings.Compare(gx, gy); c != 0 {
		return c
	}
	if c := cmp.Compare(x.Kind, y.Kind); c != 0 {
		return c
	}
	if c := x.Period.End.Compare(y.Period.End); c != 0 {
		return c
	}
	return slices.CompareFunc(x.Evidence, y.Evidence, compareLinks)
}

// coverage returns an indicator's coverage and its links.
func (a *run) coverage(id indicator.ID) (Coverage, []Link) {
	if cur := a.current[indicatorKey(id)]; len(cur) > 0 {
		return Reported, sortLinks(cur)
	}
	if st := a.stale[indicatorKey(id)]; len(st) > 0 {
		return OutOfDate, sortLinks(st)
	}
	return Missing, nil
}

func (a *run) indicatorResult(id indicator.ID) IndicatorResult {
	ind, _ := indicator.Lookup(id)
	c, links := a.coverage(id)
	return IndicatorResult{Indicator: id, Name: ind.Name, Coverage: c, Evidence: links}
}

func (a *run) scorecard() Scorecard {
	slices.SortStableFunc(a.findings, func(x, y judged) int { return compareFindings(x.Finding, y.Finding) })
	for i := range a.findings {
		if a.findings[i].Evidence == nil {
			a.findings[i].Evidence = []Link{}
		}
	}
	sc := Scorecard{Schema: schemaURI(), Title: a.in.Title, Area: a.in.Area, Period: a.in.Period, AsOf: a.in.AsOf,
		Level: a.level, Computed: a.computedRes}
	// Measures, each assessed once.
	measures := map[measure.ID]MeasureResult{}
	for m := range measure.All() {
		measures[m.ID] = a.measureResult(m)
	}
	var mcount [Good + 1]int
	for _, r := range measures {
		mcount[r.Status]++
	}
	var pcount [Good + 1]int
	for p := range principle.All() {
		pr := PrincipleResult{Principle: p, Number: p.Number(), Title: p.Title()}
		for m := range measure.ForPrinciple(p) {
			pr.Measures = append(pr.Measures, measures[m.ID])
		}
		for ind := range indicator.ForPrinciple(p) {
			pr.Indicators = append(pr.Indicators, a.indicatorResult(ind.ID))
		}
		pr.Status, pr.Reason = principleStatus(pr.Measures)
		pr.Rule = PrincipleRule(pr.Status)
		pcount[pr.Status]++
		sc.Principles = append(sc.Principles, pr)
	}
	for s := NoEvidence; s <= Good; s++ {
		if pcount[s] > 0 {
			sc.Summary.Principles = append(sc.Summary.Principles, StatusCount{s, pcount[s]})
		}
		if mcount[s] > 0 {
			sc.Summary.Measures = append(sc.Summary.Measures, StatusCount{s, mcount[s]})
		}
	}
	var ccount [Missing + 1]int
	for ind := range indicator.All() {
		c, _ := a.coverage(ind.ID)
		ccount[c]++
	}
	for c := Reported; c <= Missing; c++ {
		if ccount[c] > 0 {
			sc.Summary.Indicators = append(sc.Summary.Indicators, CoverageCount{c, ccount[c]})
		}
	}
	// The ten key actions.
	for act := range principle.Actions() {
		ac := ActionCheck{Action: act, Number: act.Number(), Title: act.Title()}
		links := slices.Clone(a.actionLinks[act])
		for ind := range indicator.All() {
			if !slices.Contains(ind.Actions, act) {
				continue
			}
			r := a.indicatorResult(ind.ID)
			ac.Indicators = append(ac.Indicators, r)
			if r.Coverage == Reported {
				links = append(links, r.Evidence...)
			}
		}
		ac.Evidence = sortLinks(links)
		ac.Status = NoEvidence
		if len(ac.Evidence) > 0 {
			ac.Status = Evidenced
			sc.Summary.Actions++
		}
		ac.Rule = ActionRule(ac.Status)
		sc.Actions = append(sc.Actions, ac)
	}
	slices.SortFunc(a.excluded, func(x, y Exclusion) int {
		if c := compareLinks(x.Link, y.Link); c != 0 {
			return c
		}
		return strings.Compare(x.Reason, y.Reason)
	})
	sc.Excluded = slices.CompactFunc(a.excluded, func(x, y Exclusion) bool { return x == y })
	return sc
}

func (a *run) measureResult(m measure.Measure) MeasureResult {
	r := MeasureResult{Measure: m.ID, Name: m.Name, Polarity: m.Polarity, Evidence: sortLinks(a.current[measureKey(m.ID)])}
	var inds []indicator.ID
	for ind := range indicator.ForMeasure(m.ID) {
		inds = append(inds, ind.ID)
		switch c, _ := a.coverage(ind.ID); c {
		case Reported:
			r.Reported = append(r.Reported, ind.ID)
		case OutOfDate:
			r.OutOfDate = append(r.OutOfDate, ind.ID)
		default:
			r.Missing = append(r.Missing, ind.ID)
		}
	}
	var fav, unfav []string
	for i := range a.findings {
		j := &a.findings[i]
		if !slices.Contains(j.Measures, m.ID) {
			continue
		}
		r.Findings = append(r.Findings, j.Finding)
		switch j.Effect {
		case Favourable:
			fav = append(fav, j.label)
		case Unfavourable:
			unfav = append(unfav, j.label)
		}
	}
	r.Status, r.Reason = measureStatus(&r, len(inds), fav, unfav)
	r.Rule = MeasureRule(r.Status)
	return r
}

// measureStatus applies the measure rules; fav and unfav label the favourable and
// unfavourable findings.
func measureStatus(r *MeasureResult, indicators int, fav, unfav []string) (Status, string) {
	if len(r.Evidence) == 0 && len(r.Reported) == 0 {
		reason := "It has no current observation, and none of its " + figure.Whole(indicators) + " indicators is reported"
		if indicators == 1 {
			reason = "It has no current observation, and its one indicator is not reported"
		}
		if len(r.OutOfDate) > 0 {
			reason += "; the evidence of " + quotedIndicators(r.OutOfDate) + " is out of date"
		}
		return NoEvidence, reason + "."
	}
	switch {
	case len(unfav) > 0 && len(fav) == 0:
		return Concern, findingsReason(fav, unfav)
	case len(unfav) > 0:
		return Mixed, findingsReason(fav, unfav)
	case len(fav) > 0:
		return Good, findingsReason(fav, unfav)
	}
	reason := "Current evidence: " + count(len(r.Evidence), "observation", "observations") + " of the measure itself, and " +
		count(len(r.Reported), "indicator", "indicators") + " reported"
	if len(r.Reported) > 0 {
		reason += " (" + quotedIndicators(r.Reported) + ")"
	}
	switch len(r.Findings) {
	case 0:
		reason += "; nothing to judge it against"
	case 1:
		reason += "; its one finding judges it neither better nor worse"
	default:
		reason += "; its " + figure.Whole(len(r.Findings)) + " findings judge it neither better nor worse"
	}
	return Evidenced, reason + "."
}

// principleStatus applies the principle rules to its measures. The reason names the
// measures of each status by their names in the catalogue, unless all share one status.
func principleStatus(ms []MeasureResult) (Status, string) {
	byStatus := map[Status][]string{}
	for _, m := range ms {
		byStatus[m.Status] = append(byStatus[m.Status], quoted(m.Name))
	}
	n := len(ms)
	var reason string
	for _, s := range []Status{Concern, Mixed, Good, Evidenced, NoEvidence} {
		names := byStatus[s]
		switch {
		case len(names) == 0:
			continue
		case len(names) == n && s == NoEvidence:
			reason = "None of its " + figure.Whole(n) + " measures of success has current evidence."
		case len(names) == n && n == 2:
			reason = "Both its measures of success " + statusPredicate(s, n) + "."
		case len(names) == n:
			reason = "All " + figure.Whole(n) + " of its measures of success " + statusPredicate(s, n) + "."
		default:
			if reason == "" {
				reason = "Of its " + figure.Whole(n) + " measures of success, "
			} else {
				reason += "; "
			}
			reason += figure.Whole(len(names)) + " " + statusPredicate(s, len(names)) + " (" + figure.List(names) + ")"
		}
	}
	if !strings.HasSuffix(reason, ".") {
		reason += "."
	}
	switch {
	case len(byStatus[NoEvidence]) == n:
		return NoEvidence, reason
	case len(byStatus[Concern]) > 0:
		return Concern, reason
	case len(byStatus[Mixed]) > 0:
		return Mixed, reason
	case len(byStatus[NoEvidence]) > 0:
		return Partial, reason
	case len(byStatus[Good]) > 0:
		return Good, reason
	}
	return Evidenced, reason
}
