package assessment

import (
	"math"
	"strconv"
	"strings"

	"github.com/peopleandcommunities/engage/equality"
	"github.com/peopleandcommunities/engage/internal/figure"
	"github.com/peopleandcommunities/engage/measure"
)

// voice holds what the sentences of one assessment need besides the findings themselves:
// the area assessed, which no sentence repeats, and the names of the areas observed.
type voice struct {
	area  measure.AreaCode
	names map[measure.AreaCode]string
}

// where says where a value is from, " in Example ICB" (its name, or its code when it has
// none), or nothing when the assessment is of that one area.
func (v *voice) where(code measure.AreaCode) string {
	if code == "" || v.area != "" {
		return ""
	}
	if n := v.names[code]; n != "" {
		return " in " + n
	}
	return " in " + string(code)
}

// gapNames name the kinds of value that measure a gap between groups (see judgedBy).
var gapNames = map[string]string{
	"slope-index-of-inequality":    "slope index of inequality",
	"relative-index-of-inequality": "relative index of inequality",
	"gap":                          "gap between groups",
}

// subject names what a finding on observations of kind statistic is about: the indicator,
// the measure's part or the measure, by its name in the catalogue, with what the value is
// when it measures a gap, the area and the group.
func (v *voice) subject(f *Finding, statistic string) string {
	var s string
	switch {
	case f.Indicator != "":
		s = indicatorName(f.Indicator)
	case f.Part != "":
		s = partName(f.Measure, f.Part)
	default:
		s = measureName(f.Measure)
	}
	if g, ok := gapNames[statistic]; ok {
		s += " (" + g + ")"
	}
	s += v.where(f.Area)
	if f.Group != nil {
		s += " " + groupPhrase(f.Group)
	}
	return s
}

// verdictPhrase words a comparison with a benchmark or target.
func verdictPhrase(v Verdict) string {
	switch v {
	case VerdictBetter:
		return "significantly better than"
	case VerdictSimilar:
		return "not significantly different from"
	case VerdictWorse:
		return "significantly worse than"
	case VerdictHigher:
		return "significantly higher than"
	case VerdictLower:
		return "significantly lower than"
	}
	return "not tested against"
}

// trendPhrase words a change over time.
func trendPhrase(v Verdict) string {
	switch v {
	case VerdictImproving:
		return "improved significantly"
	case VerdictWorsening:
		return "worsened significantly"
	case VerdictIncreasing:
		return "rose significantly"
	case VerdictDecreasing:
		return "fell significantly"
	case VerdictNoChange:
		return "no significant change"
	}
	return "change not tested"
}

// benchmarkName names a benchmark: its label, or what its kind makes it.
func benchmarkName(b *measure.Benchmark) string {
	if b.Label != "" {
		return b.Label
	}
	switch b.Kind {
	case measure.BenchmarkNational:
		return "the national value"
	case measure.BenchmarkRegion:
		return "the regional value"
	case measure.BenchmarkComparators:
		return "the value for similar areas"
	}
	return "the target"
}

// against words a comparison with a benchmark and its figure: "significantly worse than
// England at 90.0 %", "significantly worse than the target of 95.0 %".
func against(v Verdict, b *measure.Benchmark, fig string) string {
	name := benchmarkName(b)
	at := " at "
	if name == "the target" {
		at = " of "
	}
	return verdictPhrase(v) + " " + name + at + fig
}

// benchmarkText says a finding on a value against its benchmark or target, and labels it for
// the measure's reason.
func (v *voice) benchmarkText(f *Finding, o *measure.Observation) (text, label string) {
	s := scaleOf(o)
	subject := v.subject(f, o.Method.Statistic)
	text = subject + ", " + periodText(o.Period) + ": " + s.valueText(o.Value, o.Limits) + ", " +
		against(f.Verdict, f.Benchmark, s.value(f.Benchmark.Value))
	if f.Verdict == VerdictNotTested {
		text += ", for want of confidence limits"
	}
	return text + ".", subject + ", " + verdictPhrase(f.Verdict) + " " + benchmarkName(f.Benchmark)
}

// trendText says a finding on a series over time, and labels it for the measure's reason.
func (v *voice) trendText(f *Finding, latest *measure.Observation) (text, label string) {
	tr := f.Trend
	s := scaleOf(latest, tr.First)
	var how string
	switch tr.Method {
	case measure.TrendChiSquared:
		how = "chi-squared test for trend, " + pText(*tr.PValue)
	case measure.TrendIntervals:
		how = "comparing the " + levelText(tr.Level) + " confidence intervals of the first and latest periods"
	default:
		how = "no counts or confidence limits to test it with"
	}
	subject := v.subject(f, latest.Method.Statistic)
	change := "from " + s.value(tr.First) + " (" + periodText(tr.From) + ") to " + s.value(tr.Latest) + " (" + periodText(tr.To) +
		") over " + count(tr.Points, "period", "periods")
	if f.Verdict == VerdictNotTested {
		text = subject + ": a change " + change + ", not tested (" + how + ")."
	} else {
		text = subject + ": " + trendPhrase(f.Verdict) + " " + change + " (" + how + ")."
	}
	label = subject + ", " + trendPhrase(f.Verdict) + " from " + periodText(tr.From) + " to " + periodText(tr.To)
	return text, label
}

// A share describes a share computed from the evidence records: what it counts, at length
// for its finding and briefly for a label.
type share struct {
	what, brief string
}

// The shares computed from the records.
var (
	auditTrailShare   = share{"complete audit-trail records (participants by group, experience of engagement, what changed)", "Complete audit-trail records"}
	feedbackLoopShare = share{"activities that closed the feedback loop (asked, listened to, involved in using the insight, told what changed)", "Activities closing the feedback loop"}
	coProductionShare = share{"redesign activities that used co-production or experience-based co-design", "Redesign activities using co-production"}
	socialValueShare  = share{"contract awards that considered social value under the Social Value Act 2012", "Contract awards using the Social Value Act"}
)

// shareText says a share with its interval, against its target when it has one: "2 of 3
// activities …: 66.7 % (95 % CI 20.8 % to 93.9 %), significantly worse than the target of
// 95.0 %."
func shareText(f *Finding, numerator, denominator int, sh share) (text, label string) {
	text = figure.Whole(numerator) + " of " + figure.Whole(denominator) + " " + sh.what + ": " + percentScale.valueText(f.Value, f.Limits)
	label = sh.brief
	if f.Benchmark != nil {
		target := verdictPhrase(f.Verdict) + " the target of " + percent(f.Benchmark.Value)
		text += ", " + target
		label += ", " + target
	}
	return text + ".", label
}

// ratioFig writes a representation ratio or one of its limits to two decimal places.
func ratioFig(x float64) string { return figure.Fixed(x, 2) }

// representationText says how participants counted by a dimension compare with the
// community of area, naming each group significantly under-represented with its ratio ("Asian or
// Asian British, ratio 0.72 (95 % CI 0.60 to 0.86)"), and labels the finding for the
// measure's reason.
func (v *voice) representationText(dim string, area measure.AreaCode, source string, activities int, rep *equality.RepresentationResult) (text, label string) {
	var under, names []string
	for _, g := range rep.Groups {
		if g.Flag != equality.UnderRepresented {
			continue
		}
		name := groupName(dim, g.Group)
		names = append(names, name)
		under = append(under, name+", ratio "+ratioFig(g.Ratio)+" ("+
			ciText(measure.Limits{Level: g.Interval.Level, Lower: g.Interval.Lower, Upper: g.Interval.Upper}, ratioFig)+")")
	}
	text = "Participants counted by " + dimensionName(dim) + " (" + count(int(math.Round(rep.Participants)), "attendance", "attendances") +
		" at " + count(activities, "activity", "activities") + ") against the community" + v.where(area) + " as counted in " + quoted(source) +
		": index of dissimilarity " + figure.Fixed(rep.Dissimilarity, 3) + "; "
	label = "Participants by " + dimensionName(dim)
	if len(under) == 0 {
		return text + "no group significantly under-represented.", label + ", no group significantly under-represented"
	}
	return text + "under-represented: " + strings.Join(under, "; ") + ".", label + ", " + figure.List(names) + " significantly under-represented"
}

// findingsReason says why a measure with favourable or unfavourable findings has its
// status, naming the findings by their labels.
func findingsReason(fav, unfav []string) string {
	switch {
	case len(fav) == 0:
		return count(len(unfav), "unfavourable finding", "unfavourable findings") + " and no favourable one: " + strings.Join(unfav, "; ") + "."
	case len(unfav) == 0:
		return count(len(fav), "favourable finding", "favourable findings") + " and no unfavourable one: " + strings.Join(fav, "; ") + "."
	}
	return count(len(fav), "favourable finding", "favourable findings") + ": " + strings.Join(fav, "; ") + ". " +
		capitalise(count(len(unfav), "unfavourable finding", "unfavourable findings")) + ": " + strings.Join(unfav, "; ") + "."
}

// statusPredicate says what n measures with status s are: "is good", "have no current
// evidence".
func statusPredicate(s Status, n int) string {
	one := n == 1
	pick := func(a, b string) string {
		if one {
			return a
		}
		return b
	}
	switch s {
	case Concern:
		return pick("is a concern", "are concerns")
	case Mixed:
		return pick("is mixed", "are mixed")
	case Good:
		return pick("is good", "are good")
	case Evidenced:
		return pick("is evidenced", "are evidenced")
	}
	return pick("has no current evidence", "have no current evidence")
}

// Text returns the scorecard in plain English, for a board paper or an email: the headline,
// each principle with its status, the rule and the reason, its measures with their findings,
// the coverage of its indicators, the checklist of the ten key actions, and what was left
// out. Figures, dates and names are written by the house rule of the package overview.
func (s *Scorecard) Text() string {
	var b strings.Builder
	line := func(parts ...string) {
		for _, p := range parts {
			b.WriteString(p)
		}
		b.WriteByte('\n')
	}
	title := s.Title
	if title == "" {
		title = "Assessment"
	}
	head := title
	if s.Area != "" {
		head += " (" + string(s.Area) + ")"
	}
	line(head + ": the six principles for engaging people and communities")
	period := spanText(s.Period)
	if s.Period.Label != "" {
		period = s.Period.Label + " (" + period + ")"
	}
	line("Period: ", period, ", as of ", dateText(s.AsOf), ".")
	var ps []string
	for _, c := range s.Summary.Principles {
		ps = append(ps, figure.Whole(c.Count)+" "+strings.ToLower(c.Status.Label()))
	}
	line("Principles: ", strings.Join(ps, ", "), ".")
	var cs []string
	for _, c := range s.Summary.Indicators {
		cs = append(cs, figure.Whole(c.Count)+" "+words(c.Coverage.String()))
	}
	line("Indicators: ", strings.Join(cs, ", "), ". Key actions with current evidence: ", figure.Whole(s.Summary.Actions), " of 10.")
	for i := range s.Principles {
		p := &s.Principles[i]
		line()
		line("Principle ", strconv.Itoa(p.Number), ". ", p.Title, ": ", strings.ToUpper(p.Status.Label()))
		line("  Rule: ", p.Rule)
		line("  Why: ", p.Reason)
		for j := range p.Measures {
			m := &p.Measures[j]
			line("  - [", m.Status.Label(), "] ", m.Name)
			line("    ", m.Reason)
			for k := range m.Findings {
				line("    * ", m.Findings[k].Text)
			}
		}
		var reported, missing []string
		for _, ind := range p.Indicators {
			switch ind.Coverage {
			case Reported:
				reported = append(reported, ind.Name)
			case OutOfDate:
				missing = append(missing, ind.Name+" (out of date)")
			default:
				missing = append(missing, ind.Name)
			}
		}
		line("  Indicators reported: ", figure.Whole(len(reported)), " of ", figure.Whole(len(p.Indicators)), listOrNone(reported))
		line("  Not reported: ", figure.Whole(len(missing)), listOrNone(missing))
	}
	line()
	line("The ten key actions of the statutory guidance")
	for i := range s.Actions {
		a := &s.Actions[i]
		mark := "[ ]"
		if a.Status == Evidenced {
			mark = "[x]"
		}
		line(mark, " ", strconv.Itoa(a.Number), ". ", a.Title, listOrNone(a.EvidenceNames()))
	}
	if len(s.Excluded) > 0 {
		line()
		line("Left out")
		for _, e := range s.Excluded {
			line("- ", e.Text())
		}
	}
	return b.String()
}

// listOrNone writes ": a; b; c", or nothing for no items. Items are separated by
// semicolons because the catalogue's names hold commas of their own.
func listOrNone(items []string) string {
	if len(items) == 0 {
		return ""
	}
	return ": " + strings.Join(items, "; ")
}

// EvidenceNames names the evidence that the action is being taken, for people: the
// indicators the action names that are reported, by their names in the catalogue, then the
// records that name the action itself, by their titles (or IDs when untitled).
func (a *ActionCheck) EvidenceNames() []string {
	var names []string
	shown := map[Link]bool{}
	for _, ind := range a.Indicators {
		if ind.Coverage != Reported {
			continue
		}
		names = append(names, ind.Name)
		for _, l := range ind.Evidence {
			shown[l] = true
		}
	}
	for _, l := range a.Evidence {
		if shown[l] {
			continue
		}
		if l.Title != "" && l.Kind != LinkObservation {
			names = append(names, l.Title)
		} else {
			names = append(names, kindName(l.Kind)+" "+l.ID)
		}
	}
	return names
}

// Text says what was left out and why, naming the observation or record by its kind and ID
// (and title, for a record): "Activity autumn-event (“Autumn event”): dated after the as-of
// day, 31 July 2025."
func (e Exclusion) Text() string {
	s := capitalise(kindName(e.Kind)) + " " + e.ID
	if e.Title != "" && e.Kind != LinkObservation {
		s += " (" + quoted(e.Title) + ")"
	}
	return s + ": " + e.Reason + "."
}
