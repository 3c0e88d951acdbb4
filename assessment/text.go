package assessment

import (
	"math"
	"strconv"
	"strings"

	"github.com/peopleandcommunities/engage/measure"
)

// num writes a value for people: four significant figures, whole numbers from 1,000 up.
func num(x float64) string {
	ax := math.Abs(x)
	switch {
	case ax >= 1000:
		return strconv.FormatFloat(x, 'f', 0, 64)
	case ax != 0 && ax < 1e-4:
		return strconv.FormatFloat(x, 'e', 2, 64)
	}
	return strconv.FormatFloat(x, 'g', 4, 64)
}

// pct writes a fraction as a percentage with one decimal place.
func pct(x float64) string { return strconv.FormatFloat(x*100, 'f', 1, 64) + "%" }

// levelText writes a confidence level as "95% CI".
func levelText(level float64) string {
	return strconv.FormatFloat(level*100, 'g', 4, 64) + "% CI"
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	if c := s[0]; c >= 'a' && c <= 'z' {
		return string(c-'a'+'A') + s[1:]
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
	return "not tested, for want of confidence limits, against"
}

func periodText(p measure.Period) string {
	if p.Label != "" {
		return p.Label
	}
	return p.Start.String() + " to " + p.End.String()
}

func subjectText(f *Finding) string {
	var b strings.Builder
	switch {
	case f.Indicator != "":
		b.WriteString(string(f.Indicator))
	case f.Part != "":
		b.WriteString(string(f.Measure) + "/" + f.Part)
	default:
		b.WriteString(string(f.Measure))
	}
	if f.Area != "" {
		b.WriteString(" in " + string(f.Area))
	}
	if f.Group != nil {
		b.WriteString(" for " + f.Group.Dimension + " " + f.Group.Value)
	}
	return b.String()
}

func valueText(value float64, lim *measure.Limits) string {
	s := num(value)
	if lim != nil {
		s += " (" + levelText(lim.Level) + " " + num(lim.Lower) + " to " + num(lim.Upper) + ")"
	}
	return s
}

func benchmarkText(f *Finding, o *measure.Observation) string {
	b := f.Benchmark
	label := b.Label
	if label == "" {
		label = "the " + b.Kind.String() + " benchmark"
		if b.Kind == measure.BenchmarkTarget {
			label = "the target"
		}
	}
	return subjectText(f) + ", " + periodText(o.Period) + ": " + valueText(o.Value, o.Limits) + ", " +
		verdictPhrase(f.Verdict) + " " + label + " (" + num(b.Value) + ")."
}

func trendText(f *Finding, latest *measure.Observation) string {
	tr := f.Trend
	var how string
	switch tr.Method {
	case measure.TrendChiSquared:
		how = "chi-squared test for trend, p = " + num(*tr.PValue)
	case measure.TrendIntervals:
		how = "comparing the " + levelText(tr.Level) + "s of the first and latest periods"
	default:
		how = "no counts or confidence limits to test it with"
	}
	var verdict string
	switch f.Verdict {
	case VerdictNoChange:
		verdict = "no significant change"
	case VerdictNotTested:
		verdict = "change not tested"
	default:
		verdict = f.Verdict.String()
	}
	return subjectText(f) + ": " + verdict + " from " + num(tr.First) + " (" + periodText(tr.From) + ") to " +
		num(tr.Latest) + " (" + periodText(tr.To) + ") over " + strconv.Itoa(tr.Points) + " periods (" + how + ")."
}

// Text returns the scorecard in plain English, for a board paper or an email: the headline,
// each principle with its status, the rule and the reason, its measures with their findings,
// the coverage of its indicators, and the checklist of the ten key actions.
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
	line("Period ", periodText(s.Period), ", as of ", s.AsOf.String(), ".")
	var ps []string
	for _, c := range s.Summary.Principles {
		ps = append(ps, strconv.Itoa(c.Count)+" "+strings.ToLower(c.Status.Label()))
	}
	line("Principles: ", strings.Join(ps, ", "), ".")
	var cs []string
	for _, c := range s.Summary.Indicators {
		cs = append(cs, strconv.Itoa(c.Count)+" "+strings.ReplaceAll(c.Coverage.String(), "-", " "))
	}
	line("Indicators: ", strings.Join(cs, ", "), ". Key actions with current evidence: ", strconv.Itoa(s.Summary.Actions), " of 10.")
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
				reported = append(reported, string(ind.Indicator))
			case OutOfDate:
				missing = append(missing, string(ind.Indicator)+" (out of date)")
			default:
				missing = append(missing, string(ind.Indicator))
			}
		}
		line("  Indicators reported: ", strconv.Itoa(len(reported)), " of ", strconv.Itoa(len(p.Indicators)), listOrNone(reported))
		line("  Not reported: ", strconv.Itoa(len(missing)), listOrNone(missing))
	}
	line()
	line("The ten key actions of the statutory guidance")
	for i := range s.Actions {
		a := &s.Actions[i]
		mark := "[ ]"
		if a.Status == Evidenced {
			mark = "[x]"
		}
		ids := make([]string, len(a.Evidence))
		for j, l := range a.Evidence {
			ids[j] = l.ID
		}
		line(mark, " ", strconv.Itoa(a.Number), ". ", a.Title, listOrNone(ids))
	}
	if len(s.Excluded) > 0 {
		line()
		line("Left out")
		for _, e := range s.Excluded {
			line("- ", e.Kind.String(), " ", e.ID, ": ", e.Reason)
		}
	}
	return b.String()
}

func listOrNone(ids []string) string {
	if len(ids) == 0 {
		return ""
	}
	return ": " + strings.Join(ids, ", ")
}
