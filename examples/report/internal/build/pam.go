package build

import (
	"math"
	"strconv"
	"strings"

	"github.com/peopleandcommunities/engage/equality"
	"github.com/peopleandcommunities/engage/indicator"
	"github.com/peopleandcommunities/engage/internal/dist"
	"github.com/peopleandcommunities/engage/internal/field"
	"github.com/peopleandcommunities/engage/measure"
	"github.com/peopleandcommunities/engage/pam"
)

// The catalogue entries the PAM findings speak to.
const (
	pamIndicator      indicator.ID = "patient-activation-measure"
	activationMeasure measure.ID   = "health-activation"
	gapMeasure        measure.ID   = "narrowing-the-gap"
)

// measurements name the two measurements of a respondent, [0] the baseline and [1] the
// follow-up, as the report's tables and charts label them.
var measurements = [2]string{"At referral", "At follow-up"}

// pamScores is what scoring the bundle's responses gives. Arrays of two hold the baseline
// ([0]) and the follow-up ([1]).
type pamScores struct {
	scheme      pam.LevelScheme
	cohort      [2]pam.Cohort
	byQuintile  [2][6]pam.Cohort    // by deprivation quintile, 1 … 5
	change      indicator.MeanTally // paired change, both results accepted
	changeQ     [6]indicator.MeanTally
	gains       pam.Gains
	calibration string // the calibration's title, or its name
	// dates spans the days of the baseline and follow-up responses: [0] first and last
	// baseline, [1] first and last follow-up.
	dates           [2][2]pam.Date
	withQuintile    int // respondents whose quintile is known
	withoutQuintile int
}

// score scores every response of the bundle.
func (bd *builder) score() (*pamScores, error) {
	p := bd.b.PAM
	cal := pam.Hellstrom2019()
	if p.Calibration != nil {
		cal = *p.Calibration
	}
	s := &pamScores{scheme: pam.Insignia2024}
	if p.LevelScheme.Valid() {
		s.scheme = p.LevelScheme
	}
	scorer, err := pam.NewScorer(cal, s.scheme, pam.DefaultPolicy())
	if err != nil {
		var l field.List
		l.AddError("/pam", err)
		return nil, l.Err()
	}
	bd.settings.Calibration = cal.Name
	s.calibration = cal.Name
	if cal.Title != "" {
		s.calibration = cal.Title
	}
	bd.settings.LevelScheme = s.scheme.String()
	if s.gains, err = pam.NewGains(pam.DefaultWindow(), s.scheme); err != nil {
		return nil, err
	}
	deciles := bd.b.Deciles()
	var l field.List
	for i, r := range p.Respondents {
		q := (deciles[i] + 1) / 2
		if q > 0 {
			s.withQuintile++
		} else {
			s.withoutQuintile++
		}
		// The baseline, then the follow-up if there is one and the baseline scored.
		var res [2]pam.Result
		scored := 0
		for k, resp := range [2]*pam.Response{&r.Baseline, r.FollowUp} {
			if resp == nil {
				break
			}
			rk, err := scorer.Score(*resp)
			if err != nil {
				l.AddError(field.Pointer("pam", "respondents", i, [2]string{"baseline", "followUp"}[k]), err)
				break
			}
			s.cohort[k].Add(rk)
			s.byQuintile[k][q].Add(rk)
			s.span(k, resp.Date)
			res[k], scored = rk, k+1
		}
		if scored < 2 {
			continue
		}
		rb, rf := res[0], res[1]
		s.gains.Add(rb, rf)
		if rb.Accepted && rf.Accepted {
			d := rf.Unrounded - rb.Unrounded
			if err := s.change.Add(d); err == nil {
				_ = s.changeQ[q].Add(d)
			}
		}
	}
	return s, l.Err()
}

// span widens the days of measurement k to include d.
func (s *pamScores) span(k int, d pam.Date) {
	if !d.Valid() {
		return
	}
	if first := s.dates[k][0]; first.IsZero() || d.DaysUntil(first) > 0 {
		s.dates[k][0] = d
	}
	if last := s.dates[k][1]; last.IsZero() || last.DaysUntil(d) > 0 {
		s.dates[k][1] = d
	}
}

// period returns the span of measurement k as a period, if the responses are dated.
func (s *pamScores) period(k int, label string) (measure.Period, bool) {
	a, ok1 := pamDate(s.dates[k][0])
	b, ok2 := pamDate(s.dates[k][1])
	if !ok1 || !ok2 {
		return measure.Period{}, false
	}
	return measure.Period{Start: a, End: b, Label: label}, true
}

// pam computes the findings on activation: the cohort at baseline and follow-up, the
// CBE/NQF #2483 gains, and the gap across deprivation quintiles.
func (bd *builder) pam() error {
	if bd.b.PAM == nil || len(bd.b.PAM.Respondents) == 0 {
		return nil
	}
	s, err := bd.score()
	if err != nil {
		return err
	}
	bd.pamCohort(s)
	bd.pamGains(s)
	return bd.pamGap(s)
}

// meanOf returns a cohort's accepted count, mean and 95 % limits, and whether it has them.
func meanOf(c *pam.Cohort) (n int64, mean, lower, upper, sd float64, ok bool) {
	sum := c.Summary()
	if sum.Mean == nil || sum.MeanInterval == nil || sum.SD == nil {
		return sum.Accepted, 0, 0, 0, 0, false
	}
	return sum.Accepted, *sum.Mean, sum.MeanInterval.Lower, sum.MeanInterval.Upper, *sum.SD, true
}

func (bd *builder) pamCohort(s *pamScores) {
	f := Finding{
		ID: "pam-activation", Title: "Patient activation at referral and at follow-up",
		Indicator: string(pamIndicator), Measures: []measure.ID{activationMeasure},
		Methods: []string{"pam-rasch", "pam-levels", "t-mean", "paired-mean"}, Source: "/pam", Charts: []string{"activationLevels"},
	}
	table := Table{
		Caption: "Patient Activation Measure scores (0–100) and levels (" + schemeName(s.scheme) + " cut points)",
		Columns: []Column{{Title: "Measurement"}, {Title: "Responses", Numeric: true}, {Title: "Accepted", Numeric: true},
			{Title: "Mean score (95 % CI)", Numeric: true}, {Title: "Level 1", Numeric: true}, {Title: "Level 2", Numeric: true},
			{Title: "Level 3", Numeric: true}, {Title: "Level 4", Numeric: true}},
	}
	chart := &LevelsChart{
		Title:       "Patient activation levels at referral and at follow-up",
		Description: "Share of accepted responses at each PAM level, " + schemeName(s.scheme) + " cut points.",
		Scheme:      s.scheme.String(),
	}
	var level1 [2]float64
	for i := range s.cohort {
		c, label := &s.cohort[i], measurements[i]
		sum := c.Summary()
		row := []string{label, count(sum.Results), count(sum.Accepted), "–", "–", "–", "–", "–"}
		if n, mean, lo, hi, _, ok := meanOf(c); ok {
			row[3] = cell(mean, lo, hi, 1)
			series := LevelSeries{Label: label, N: n}
			for _, sl := range sum.Levels {
				if sl.Scheme != s.scheme {
					continue
				}
				for k, ls := range sl.Levels {
					row[4+k] = pct(ls.Proportion)
					series.Shares[k] = ls.Proportion
				}
			}
			level1[i] = series.Shares[0]
			chart.Series = append(chart.Series, series)
			if p, ok := s.period(i, label); ok {
				den := float64(n)
				bd.observe(measure.Observation{ID: slug("engage", "pam", label), Indicator: string(pamIndicator), Period: p,
					Value: mean, Limits: limits(mean, lo, hi, 0.95), Denominator: &den,
					Method: measure.Method{Statistic: "pam-score", Interval: "student-t", Engage: true,
						Description: "mean activation score of the accepted responses, " + strings.ToLower(label) + ", scored by engage under " + s.calibration}})
			}
			verb := [2]string{"At referral the mean activation score was ", "At follow-up it was "}[i]
			f.Statements = append(f.Statements, verb+withCI(mean, lo, hi, 1)+" among "+count(n)+" accepted responses.")
		}
		table.Rows = append(table.Rows, row)
	}
	f.Tables = []Table{table}
	if len(chart.Series) == 2 {
		f.Statements = append(f.Statements, "The share at Level 1, the least activated, was "+pct(level1[0])+
			" at referral and "+pct(level1[1])+" at follow-up.")
	}
	highlight := ""
	if m, err := s.change.Mean(indicator.Options{Levels: []float64{0.95}}); err == nil {
		iv := m.Limits[0]
		f.Headline = estimate("Mean change in activation score, people measured twice", m.Value, iv.Lower, iv.Upper, 1, "points (0–100)")
		f.Headline.Text = signed(m.Value, 1) + " points (" + ci(iv.Lower, iv.Upper, 1) + ")"
		verdict := "no significant change"
		switch {
		case iv.Lower > 0:
			verdict = "a significant rise"
		case iv.Upper < 0:
			verdict = "a significant fall"
		}
		sentence := "Among the " + count(m.Count) + " people with accepted scores at both measurements, the mean change was " +
			signed(m.Value, 1) + " points (" + ci(iv.Lower, iv.Upper, 1) + "): " + verdict + "."
		f.Statements = append(f.Statements, sentence)
		highlight = "Patient activation: " + sentence
	}
	sum := s.cohort[0].Summary()
	if rej := sum.Scored - sum.Accepted; rej > 0 {
		f.Statements = append(f.Statements, count(rej)+" baseline "+map[bool]string{true: "response was", false: "responses were"}[rej == 1]+
			" flagged by the validity policy (such as an extreme line of identical answers) and left out of the means.")
	}
	f.Statements = append(f.Statements, "Scores use the calibration "+strconv.Quote(s.calibration)+
		"; they are comparable only with scores made under the same calibration, not with scores from another, such as the licence holder's.")
	bd.add(f, highlight)
	if len(chart.Series) > 0 {
		bd.charts.ActivationLevels = chart
	}
}

// signed writes x with an explicit sign, e.g. "+2.6" or "−1.0".
func signed(x float64, dp int) string {
	s := num(x, dp)
	if s[0] != "−"[0] && s != num(0, dp) {
		return "+" + s
	}
	return s
}

func (bd *builder) pamGains(s *pamScores) {
	g := s.gains.Summary()
	if g.Pairs == 0 {
		return
	}
	f := Finding{
		ID: "pam-gains", Title: "Gains in activation (CBE/NQF #2483)",
		Indicator: string(pamIndicator), Measures: []measure.ID{activationMeasure},
		Methods: []string{"cbe-2483", "wilson"}, Source: "/pam",
	}
	table := Table{Caption: "Pairs of baseline and follow-up results by eligibility for the gains measure",
		Columns: []Column{{Title: "Pairs"}, {Title: "Number", Numeric: true}}}
	table.Rows = append(table.Rows, []string{"All pairs", count(g.Pairs)})
	for e := pam.Exclusion(1); e.Valid(); e++ {
		if n := g.Excluded[e]; n > 0 {
			table.Rows = append(table.Rows, []string{"Excluded: " + exclusionText(e), count(n)})
		}
	}
	table.Rows = append(table.Rows, []string{"Eligible", count(g.Eligible)}, []string{"Gained 3 points or more", count(g.Achieved)},
		[]string{"Gained 6 points or more", count(g.Excellent)})
	f.Tables = []Table{table}
	highlight := ""
	if g.Proportion != nil && g.Interval != nil {
		p, iv := *g.Proportion, *g.Interval
		f.Headline = estimate("Eligible people gaining 3 points or more", 100*p, 100*iv.Lower, 100*iv.Upper, 1, "%")
		sentence := "Of " + count(g.Eligible) + " eligible people, " + f.Headline.Text +
			" gained 3 points or more within 6 to 12 months, and " + pct(float64(g.Excellent)/float64(g.Eligible)) + " gained 6 or more."
		f.Statements = append(f.Statements, sentence)
		highlight = "Gains measure (CBE/NQF #2483): " + sentence
	}
	f.Statements = append(f.Statements, "As the measure specifies, pairs are excluded when the baseline is at Level 4 or either response is an extreme line; "+
		"engage also excludes pairs with a result its validity policy rejects or a follow-up outside 6 to 12 months.")
	bd.add(f, highlight)
}

// exclusionText describes a reason a pair is left out of the gains measure.
func exclusionText(e pam.Exclusion) string {
	switch e {
	case pam.ExcludedNotScored:
		return "not scored"
	case pam.ExcludedIncomparable:
		return "different calibrations"
	case pam.ExcludedUndated:
		return "undated"
	case pam.ExcludedOutsideWindow:
		return "follow-up outside 6 to 12 months"
	case pam.ExcludedExtremeLine:
		return "extreme line response"
	case pam.ExcludedLevel4:
		return "Level 4 at baseline"
	case pam.ExcludedRejected:
		return "rejected by the validity policy"
	}
	return e.String()
}

// welch returns the difference a − b of two independent means and its 95 % interval with
// Welch's degrees of freedom:
//
//	d = m_a − m_b,  SE = √(s_a²/n_a + s_b²/n_b),
//	ν = SE⁴ / ((s_a²/n_a)²/(n_a − 1) + (s_b²/n_b)²/(n_b − 1)),  d ± t(0.975; ν)·SE
func welch(na int64, ma, sa float64, nb int64, mb, sb float64) (d, lower, upper float64, ok bool) {
	if na < 2 || nb < 2 {
		return 0, 0, 0, false
	}
	va, vb := sa*sa/float64(na), sb*sb/float64(nb)
	se := math.Sqrt(va + vb)
	d = ma - mb
	if se == 0 {
		return d, d, d, true
	}
	nu := (va + vb) * (va + vb) / (va*va/float64(na-1) + vb*vb/float64(nb-1))
	t, err := dist.TQuantile(0.975, nu)
	if err != nil {
		return 0, 0, 0, false
	}
	return d, d - t*se, d + t*se, true
}

// quintilePopulation returns the residents of each deprivation quintile from the bundle's
// areas, and whether every quintile has some.
func (bd *builder) quintilePopulation() ([6]float64, bool) {
	var pop [6]float64
	for _, a := range bd.b.Areas {
		if d, err := equality.DeprivationDecile(bd.b.IMDEdition, a.IMDRank); err == nil {
			pop[(d.Group+1)/2] += float64(a.Population)
		}
	}
	for q := 1; q <= 5; q++ {
		if pop[q] <= 0 {
			return pop, false
		}
	}
	return pop, true
}

// pamGap computes activation by deprivation quintile, the difference between the most and
// least deprived fifths, the slope index of inequality at baseline and follow-up, and
// whether the gap changed.
func (bd *builder) pamGap(s *pamScores) error {
	if s.withQuintile == 0 {
		return nil
	}
	f := Finding{
		ID: "pam-deprivation-gap", Title: "Activation across deprivation quintiles",
		Indicator: string(pamIndicator), Measures: []measure.ID{activationMeasure, gapMeasure},
		Methods: []string{"t-mean", "welch", "phe-sii", "gap-change"}, Source: "/pam", Charts: []string{"activationGradient"},
	}
	pop, havePop := bd.quintilePopulation()
	table := Table{
		Caption: "Mean activation score (0–100) by " + editionName(bd.b.IMDEdition.String()) + " deprivation quintile of where people live (1 = most deprived)",
		Columns: []Column{{Title: "Quintile"}, {Title: "Residents", Numeric: true}, {Title: "Referral: n", Numeric: true},
			{Title: "Mean (95 % CI)", Numeric: true}, {Title: "Follow-up: n", Numeric: true}, {Title: "Mean (95 % CI)", Numeric: true},
			{Title: "Change, measured twice (95 % CI)", Numeric: true}},
	}
	for q := 1; q <= 5; q++ {
		row := []string{strconv.Itoa(q), "–", "0", "–", "0", "–", "–"}
		if havePop {
			row[1] = count(int64(pop[q]))
		}
		for i := range s.byQuintile {
			n, mean, lo, hi, _, ok := meanOf(&s.byQuintile[i][q])
			row[2+2*i] = count(n)
			if ok {
				row[3+2*i] = cell(mean, lo, hi, 1)
			}
		}
		if m, err := s.changeQ[q].Mean(indicator.Options{Levels: []float64{0.95}}); err == nil {
			row[6] = signed(m.Value, 1) + " (" + num(m.Limits[0].Lower, 1) + " to " + num(m.Limits[0].Upper, 1) + ")"
		}
		table.Rows = append(table.Rows, row)
	}
	f.Tables = []Table{table}
	if s.withoutQuintile > 0 {
		f.Statements = append(f.Statements, plural(s.withoutQuintile, "respondent")+" with no deprivation decile on record "+
			map[bool]string{true: "is", false: "are"}[s.withoutQuintile == 1]+" left out of this breakdown.")
	}

	// The most against the least deprived fifth.
	var diffs [2]string
	for i := range s.byQuintile {
		cs := &s.byQuintile[i]
		n1, m1, _, _, sd1, ok1 := meanOf(&cs[1])
		n5, m5, _, _, sd5, ok5 := meanOf(&cs[5])
		if !ok1 || !ok5 {
			continue
		}
		d, lo, hi, ok := welch(n5, m5, sd5, n1, m1, sd1)
		if !ok {
			continue
		}
		when := measurements[i]
		switch {
		case lo > 0:
			diffs[i] = when + ", mean activation in the most deprived fifth was " + num(d, 1) + " points lower than in the least deprived fifth (" + ci(lo, hi, 1) + ")."
		case hi < 0:
			diffs[i] = when + ", mean activation in the most deprived fifth was " + num(-d, 1) + " points higher than in the least deprived fifth (" + ci(-hi, -lo, 1) + ")."
		default:
			diffs[i] = when + ", mean activation in the most deprived fifth differed from the least deprived fifth by " + signed(-d, 1) +
				" points (" + ci(-hi, -lo, 1) + "): no significant difference."
		}
		f.Statements = append(f.Statements, diffs[i])
	}

	// The slope index of inequality, weighted by residents (or, without areas, respondents).
	weights := "residents"
	chart := &GradientChart{
		Title:       "Mean activation by deprivation quintile, with the slope index of inequality",
		Description: "Mean PAM score with 95 % confidence interval in each deprivation quintile, placed at the quintile's mid-point rank in the population (0 = most deprived, 1 = least), and the fitted line whose rise from 0 to 1 is the slope index of inequality.",
		Unit:        "points (0–100)",
	}
	var gaps [2]*equality.Gap
	var siis [2]equality.SIIResult
	for i := range s.byQuintile {
		cs := &s.byQuintile[i]
		groups := make([]equality.QuantileGroup, 0, 5)
		var points []GradientPoint
		for q := 1; q <= 5; q++ {
			n, mean, lo, hi, sd, ok := meanOf(&cs[q])
			if !ok {
				break
			}
			w := pop[q]
			if !havePop {
				w, weights = float64(n), "respondents"
			}
			groups = append(groups, equality.QuantileGroup{Population: w, Value: mean, SE: sd / math.Sqrt(float64(n))})
			points = append(points, GradientPoint{Quintile: q, Value: mean, Lower: lo, Upper: hi})
		}
		if len(groups) < 5 {
			continue
		}
		res, err := equality.SII(groups, equality.SIIOptions{Seed: bd.opts.Seed + uint64(i), Repetitions: bd.opts.Repetitions})
		if err != nil {
			return err
		}
		siis[i] = res
		total := 0.0
		for _, g := range groups {
			total += g.Population
		}
		cum := 0.0
		for k := range points {
			points[k].Rank = (cum + groups[k].Population/2) / total
			cum += groups[k].Population
		}
		iv := res.SIILimits[0]
		chart.Series = append(chart.Series, GradientSeries{Label: measurements[i], Points: points,
			Intercept: res.Intercept, SII: res.SII, SIILower: iv.Lower, SIIUpper: iv.Upper})
		if g, err := equality.GapFromInterval(res.SII, iv, false); err == nil {
			gaps[i] = &g
		}
		if p, ok := s.period(i, chart.Series[len(chart.Series)-1].Label); ok && res.SII >= 0 {
			// The gap in outcomes across deprivation, for "narrowing the gap" (lower is better
			// while activation rises from the most to the least deprived).
			bd.observe(measure.Observation{ID: slug("engage", "pam", "sii", p.Label), Measure: gapMeasure, Part: "outcomes",
				Period: p, Value: res.SII, Limits: limits(res.SII, iv.Lower, iv.Upper, 0.95),
				Method: measure.Method{Statistic: "slope-index-of-inequality", Interval: "simulation", Engage: true,
					Description: "slope index of inequality of mean activation across deprivation quintiles, computed by engage (equality.SII)"}})
		}
		if i == 0 {
			f.Statements = append(f.Statements, "The slope index of inequality at referral was "+num(res.SII, 1)+" points ("+ci(iv.Lower, iv.Upper, 1)+
				"): the fitted difference in activation between the least and the most deprived ends of the population, "+
				"with quintiles weighted by their "+weights+".")
		} else {
			f.Statements = append(f.Statements, "At follow-up the slope index of inequality was "+num(res.SII, 1)+" points ("+ci(iv.Lower, iv.Upper, 1)+").")
		}
	}
	if len(chart.Series) > 0 {
		bd.charts.ActivationGradient = chart
		f.Headline = estimate("Slope index of inequality in activation, "+[2]string{"at referral", "at follow-up"}[len(chart.Series)-1],
			chart.Series[len(chart.Series)-1].SII, chart.Series[len(chart.Series)-1].SIILower, chart.Series[len(chart.Series)-1].SIIUpper, 1, "points (0–100)")
	}
	highlight := diffs[0]
	if gaps[0] != nil && gaps[1] != nil {
		gc, err := equality.GapChange(*gaps[0], *gaps[1], equality.GapChangeOptions{})
		if err != nil {
			return err
		}
		var sentence string
		switch gc.Trend {
		case equality.Narrowing:
			sentence = "The gap has narrowed since referral"
		case equality.Widening:
			sentence = "The gap has widened since referral"
		default:
			sentence = "There is no significant change in the gap since referral"
		}
		sentence += ": the slope index changed by " + signed(gc.Change, 1) + " points (" + ci(gc.Interval.Lower, gc.Interval.Upper, 1) + ")."
		f.Statements = append(f.Statements, sentence,
			"The change treats the two measurements as independent samples; because most people were measured both times, its interval is, if anything, wider than it need be.")
		if highlight != "" {
			highlight += " " + sentence
		}
	}
	bd.add(f, highlight)
	return nil
}

// schemeName writes a level scheme for people.
func schemeName(s pam.LevelScheme) string {
	switch s {
	case pam.Insignia2024:
		return "Insignia Health 2024"
	case pam.Hibbard2005:
		return "Hibbard 2005"
	}
	return s.String()
}
