package build

import (
	"math"
	"slices"
	"strconv"

	"github.com/peopleandcommunities/engage/equality"
	"github.com/peopleandcommunities/engage/examples/internal/place"
	"github.com/peopleandcommunities/engage/indicator"
	"github.com/peopleandcommunities/engage/internal/dist"
	"github.com/peopleandcommunities/engage/internal/field"
	"github.com/peopleandcommunities/engage/internal/figure"
	"github.com/peopleandcommunities/engage/measure"
)

// accessMeasure is principle three's measure of person-centred interventions reaching the
// most deprived; a deprivation breakdown of an access indicator speaks to it.
const accessMeasure measure.ID = "excluded-groups-access-person-centred-care"

// areaInfo is what the bundle says about one small area.
type areaInfo struct {
	neighbourhood string
	quintile      int
	population    float64
}

func (bd *builder) areaIndex() map[string]areaInfo {
	m := make(map[string]areaInfo, len(bd.b.Areas))
	for _, a := range bd.b.Areas {
		info := areaInfo{neighbourhood: a.Neighbourhood, population: float64(a.Population)}
		if d, err := equality.DeprivationDecile(bd.b.IMDEdition, a.IMDRank); err == nil {
			info.quintile = (d.Group + 1) / 2
		}
		m[a.Code] = info
	}
	return m
}

// relabel returns a copy of d whose rows and observations are regrouped by key: the
// function maps a row's area to the new area and group, or reports false to leave it out.
// The library then sums and computes the regrouped data exactly as it would any dataset.
func relabel(d *indicator.Dataset, key func(area, group string) (string, string, bool)) indicator.Dataset {
	out := *d
	out.Rows = nil
	out.Observations = nil
	for _, r := range d.Rows {
		if a, g, ok := key(r.Area, r.Group); ok {
			r.Area, r.AreaName, r.Group = a, "", g
			out.Rows = append(out.Rows, r)
		}
	}
	for _, o := range d.Observations {
		if a, g, ok := key(o.Area, o.Group); ok {
			o.Area, o.Group = a, g
			out.Observations = append(out.Observations, o)
		}
	}
	return out
}

// unit describes the scale of a dataset's values.
func unit(d *indicator.Dataset) string {
	m := d.Multiplier
	switch d.Statistic {
	case indicator.StatisticProportion:
		if m == 100 {
			return "%"
		}
		return "proportion"
	case indicator.StatisticCrudeRate, indicator.StatisticDSR, indicator.StatisticISRate:
		if m == 0 {
			m = 100_000
		}
		return "per " + num(m, 0)
	case indicator.StatisticMean:
		return "mean"
	}
	return "ratio"
}

// resultCell writes a result for a table whose heading says "(95 % CI)".
func resultCell(r indicator.Result, dp int) string {
	if r.Err != nil {
		return "not computed"
	}
	iv, _ := r.Estimate.At(0.95)
	return cell(r.Estimate.Value, iv.Lower, iv.Upper, dp)
}

// resultText writes a result with its unit and interval for a sentence.
func resultText(r indicator.Result, dp int, unit string) string {
	if r.Err != nil {
		return "not computed"
	}
	iv, _ := r.Estimate.At(0.95)
	return inline(r.Estimate.Value, dp, unit) + " (" + ciIn(iv.Lower, iv.Upper, dp, unit) + ")"
}

// datasets computes the findings of every indicator dataset: the value for the place in each
// period and the change between the first and last; the value by neighbourhood against the
// place; and the value by deprivation quintile with its slope index of inequality.
func (bd *builder) datasets() error {
	areas := bd.areaIndex()
	for i := range bd.b.Indicators {
		if err := bd.dataset(i, areas); err != nil {
			// The dataset is valid but cannot be computed as the report regroups it (for
			// example, non-independent events whose age-band populations differ between
			// areas): say so where the finding would be.
			d := &bd.b.Indicators[i]
			id, title := bd.datasetName(i)
			fid := string(id)
			if fid == "" {
				fid = "indicator-" + strconv.Itoa(i+1)
			}
			bd.add(Finding{ID: fid, Title: title, Indicator: string(id), Measures: measuresOf(string(id)),
				Methods: []string{methodOf(d.Statistic)}, Source: field.Pointer("indicators", i),
				Statements: []string{"The dataset could not be computed for the place as a whole: " + err.Error() + "."}}, "")
		}
	}
	return nil
}

// datasetName returns the catalogue ID of dataset i's indicator ("" when the catalogue does
// not know it) and the name to give it: the catalogue's, else the dataset's own title, else
// its place in the bundle.
func (bd *builder) datasetName(i int) (indicator.ID, string) {
	d := &bd.b.Indicators[i]
	id := canonical(d.Indicator)
	name := d.Title
	if ind, err := indicator.Lookup(id); err == nil {
		name = ind.Name
	}
	if name == "" {
		name = "Indicator dataset " + strconv.Itoa(i+1)
	}
	return id, name
}

func (bd *builder) dataset(i int, areas map[string]areaInfo) error {
	d := &bd.b.Indicators[i]
	id, name := bd.datasetName(i)
	src := field.Pointer("indicators", i)
	dp := 1
	pol := polarity(id)
	levels := []float64{0.95}

	// The place, period by period.
	placeCode := bd.b.Place.Code
	whole := relabel(d, func(string, string) (string, string, bool) { return placeCode, "", true })
	res, err := whole.Evaluate(levels...)
	if err != nil {
		return err
	}
	if len(res) == 0 {
		return nil
	}
	bd.observeDataset(i, d, res)
	latest := res[len(res)-1]
	for _, r := range res {
		if r.Key.Period == bd.b.Period {
			latest = r
		}
	}
	f := Finding{
		ID: string(id), Title: name, Indicator: string(id), Measures: measuresOf(string(id)), Source: src,
		Methods: []string{methodOf(d.Statistic)},
	}
	if f.ID == "" {
		f.ID = "indicator-" + strconv.Itoa(i+1)
	}
	table := Table{Caption: name + ": " + bd.b.Place.Name + " by period (" + unit(d) + ")",
		Columns: []Column{{Title: "Period"}, {Title: "Numerator", Numeric: true}, {Title: "Denominator", Numeric: true}, {Title: "Value (95 % CI)", Numeric: true}}}
	if d.Statistic == indicator.StatisticMean {
		table.Columns[1].Title, table.Columns[2].Title = "Total", "Count"
	}
	for _, r := range res {
		table.Rows = append(table.Rows, []string{r.Key.Period, num(r.Numerator, numberPlaces(r.Numerator)), num(r.Denominator, numberPlaces(r.Denominator)), resultCell(r, dp)})
	}
	f.Tables = append(f.Tables, table)
	highlight := ""
	if latest.Err == nil {
		iv, _ := latest.Estimate.At(0.95)
		f.Headline = estimate(name+", "+latest.Key.Period, latest.Estimate.Value, iv.Lower, iv.Upper, dp, unit(d))
		sentence := valueSentence(d, latest, iv, dp)
		f.Statements = append(f.Statements, sentence)
		highlight = name + ": " + sentence
	}
	if len(res) > 1 && res[0].Err == nil && latest.Err == nil && res[0].Key.Period != latest.Key.Period {
		if s, method, ok := bd.periodChange(d, &whole, res[0], latest, pol); ok {
			f.Statements = append(f.Statements, s)
			f.Methods = append(f.Methods, method)
			highlight += " " + s
		}
	}

	// By neighbourhood, in the latest period, against the place.
	if len(bd.b.Neighbourhoods) > 0 {
		nb := relabel(d, func(area, _ string) (string, string, bool) {
			a, ok := areas[area]
			return a.neighbourhood, "", ok && a.neighbourhood != ""
		})
		if len(nb.Rows)+len(nb.Observations) > 0 {
			if err := bd.neighbourhoods(&f, &nb, latest, pol, dp, unit(d)); err != nil {
				f.Statements = append(f.Statements, "The values by neighbourhood could not be computed: "+err.Error()+".")
			}
		}
	}
	bd.add(f, highlight)

	// By deprivation quintile, in the latest period.
	byQ := relabel(d, func(area, _ string) (string, string, bool) {
		a, ok := areas[area]
		return placeCode, strconv.Itoa(a.quintile), ok && a.quintile > 0
	})
	if len(byQ.Rows)+len(byQ.Observations) > 0 {
		return bd.quintiles(d, &byQ, id, name, src, latest, areas)
	}
	return nil
}

// numberPlaces is the decimal places to write a count with: none for whole numbers, one
// otherwise.
func numberPlaces(x float64) int {
	if x == math.Trunc(x) {
		return 0
	}
	return 1
}

func methodOf(s indicator.Statistic) string {
	switch s {
	case indicator.StatisticProportion:
		return "wilson"
	case indicator.StatisticMean:
		return "t-mean"
	}
	return "poisson-rate"
}

// valueSentence states a dataset's value in one period.
func valueSentence(d *indicator.Dataset, r indicator.Result, iv indicator.Interval, dp int) string {
	v := withCI(r.Estimate.Value, iv.Lower, iv.Upper, dp)
	n, den := num(r.Numerator, numberPlaces(r.Numerator)), num(r.Denominator, numberPlaces(r.Denominator))
	in := "In " + r.Key.Period + " "
	switch d.Statistic {
	case indicator.StatisticMean:
		return in + "the mean was " + v + ", over " + den + " values totalling " + n + "."
	case indicator.StatisticProportion:
		u := unit(d)
		if u != "%" {
			u = ""
		}
		return in + "the share was " + inline(r.Estimate.Value, dp, u) + " (" + ciIn(iv.Lower, iv.Upper, dp, u) + "): " + n + " of " + den + "."
	case indicator.StatisticCrudeRate:
		return in + "the rate was " + num(r.Estimate.Value, dp) + " " + unit(d) + " (" + ci(iv.Lower, iv.Upper, dp) + "): " + n + " among " + den + "."
	}
	return in + "the value was " + v + " " + unit(d) + "."
}

// periodChange compares the first and the latest period: a difference of proportions
// (Newcombe), a ratio of rates (log method) or a difference of means (Welch).
func (bd *builder) periodChange(d *indicator.Dataset, whole *indicator.Dataset, first, last indicator.Result, pol measure.Polarity) (string, string, bool) {
	direction := func(lower, upper, none float64, what string) string {
		switch {
		case lower > none:
			return "a significant rise" + judgement(pol, true)
		case upper < none:
			return "a significant fall" + judgement(pol, false)
		}
		return "no significant " + what
	}
	between := " between " + first.Key.Period + " and " + last.Key.Period
	switch d.Statistic {
	case indicator.StatisticProportion:
		a, err1 := indicator.WilsonLimits(first.Numerator, first.Denominator, 0.95)
		b, err2 := indicator.WilsonLimits(last.Numerator, last.Denominator, 0.95)
		if err1 != nil || err2 != nil {
			return "", "", false
		}
		p1, p2 := first.Numerator/first.Denominator, last.Numerator/last.Denominator
		diff := p2 - p1
		lo := diff - math.Sqrt((p2-b.Lower)*(p2-b.Lower)+(a.Upper-p1)*(a.Upper-p1))
		hi := diff + math.Sqrt((b.Upper-p2)*(b.Upper-p2)+(p1-a.Lower)*(p1-a.Lower))
		m := d.Multiplier
		if m == 0 {
			m = 1
		}
		u := map[bool]string{true: " percentage points", false: ""}[m == 100]
		return "The change" + between + " was " + signed(m*diff, 1) + u + " (" + ci(m*lo, m*hi, 1) + "): " + direction(lo, hi, 0, "change") + ".", "newcombe", true
	case indicator.StatisticCrudeRate:
		if first.Numerator <= 0 || last.Numerator <= 0 {
			return "", "", false
		}
		rr := (last.Numerator / last.Denominator) / (first.Numerator / first.Denominator)
		z, _ := dist.Z(0.95)
		se := math.Sqrt(1/first.Numerator + 1/last.Numerator)
		lo, hi := rr*math.Exp(-z*se), rr*math.Exp(z*se)
		return "The rate in " + last.Key.Period + " was " + num(rr, 2) + " times that in " + first.Key.Period + " (" + ci(lo, hi, 2) + "): " +
			direction(lo, hi, 1, "change") + ".", "rate-ratio", true
	case indicator.StatisticMean:
		var tallies [2]indicator.MeanTally
		for _, o := range whole.Observations {
			switch o.Period {
			case first.Key.Period:
				_ = tallies[0].Add(o.Value)
			case last.Key.Period:
				_ = tallies[1].Add(o.Value)
			}
		}
		m1, err1 := tallies[0].Mean(indicator.Options{Levels: []float64{0.95}})
		m2, err2 := tallies[1].Mean(indicator.Options{Levels: []float64{0.95}})
		if err1 != nil || err2 != nil {
			return "", "", false
		}
		diff, lo, hi, ok := welch(int64(m2.Count), m2.Value, m2.SD, int64(m1.Count), m1.Value, m1.SD)
		if !ok {
			return "", "", false
		}
		return "The mean changed by " + signed(diff, 1) + between + " (" + ci(lo, hi, 1) + "): " + direction(lo, hi, 0, "change") +
			"; the number of values went from " + count(m1.Count) + " to " + count(m2.Count) + " and their total from " +
			num(m1.Sum, 0) + " to " + num(m2.Sum, 0) + ".", "welch", true
	}
	return "", "", false
}

// judgement adds whether a significant change is an improvement, from the polarity.
func judgement(p measure.Polarity, rise bool) string {
	switch {
	case p == measure.HigherIsBetter && rise, p == measure.LowerIsBetter && !rise:
		return ", an improvement"
	case p == measure.HigherIsBetter, p == measure.LowerIsBetter:
		return ", a deterioration"
	}
	return ""
}

// compareText writes an indicator.Significance for a table.
func compareText(s indicator.Significance) string {
	switch s {
	case indicator.Better:
		return "better"
	case indicator.Worse:
		return "worse"
	case indicator.Higher:
		return "higher"
	case indicator.Lower:
		return "lower"
	}
	return "similar"
}

// neighbourhoods adds the value of each neighbourhood in the latest period, compared with the
// place's.
func (bd *builder) neighbourhoods(f *Finding, nb *indicator.Dataset, place indicator.Result, pol measure.Polarity, dp int, u string) error {
	res, err := nb.Evaluate(0.95)
	if err != nil {
		return err
	}
	names := map[string]string{}
	for _, n := range bd.b.Neighbourhoods {
		names[n.Code] = n.Name
	}
	table := Table{Caption: f.Title + " by neighbourhood, " + place.Key.Period + " (" + u + "), compared with " + bd.b.Place.Name + " as a whole",
		Columns: []Column{{Title: "Neighbourhood"}, {Title: "Numerator", Numeric: true}, {Title: "Denominator", Numeric: true},
			{Title: "Value (95 % CI)", Numeric: true}, {Title: "Compared with " + bd.b.Place.Name}}}
	var worse, better []string
	for _, r := range res {
		if r.Key.Period != place.Key.Period {
			continue
		}
		cmpText := "–"
		if r.Err == nil && place.Err == nil {
			iv, _ := r.Estimate.At(0.95)
			s, err := indicator.Compare(iv, place.Estimate.Value, pol)
			if err == nil {
				cmpText = compareText(s)
				switch s {
				case indicator.Worse, indicator.Lower:
					worse = append(worse, names[r.Key.Area])
				case indicator.Better, indicator.Higher:
					better = append(better, names[r.Key.Area])
				}
			}
		}
		table.Rows = append(table.Rows, []string{names[r.Key.Area], num(r.Numerator, numberPlaces(r.Numerator)), num(r.Denominator, numberPlaces(r.Denominator)), resultCell(r, dp), cmpText})
	}
	f.Tables = append(f.Tables, table)
	f.Methods = append(f.Methods, "benchmark")
	word := map[measure.Polarity][2]string{measure.NoJudgement: {"lower", "higher"}}[pol]
	if word[0] == "" {
		word = [2]string{"worse", "better"}
	}
	n := len(table.Rows)
	switch {
	case len(worse) == 0 && len(better) == 0:
		f.Statements = append(f.Statements, "No neighbourhood differs significantly from "+bd.b.Place.Name+" as a whole.")
	default:
		var parts []string
		if len(worse) > 0 {
			parts = append(parts, count(len(worse))+" of "+count(n)+" neighbourhoods "+map[bool]string{true: "is", false: "are"}[len(worse) == 1]+
				" significantly "+word[0]+" than "+bd.b.Place.Name+" as a whole ("+figure.List(worse)+")")
		}
		if len(better) > 0 {
			parts = append(parts, count(len(better))+" significantly "+word[1]+" ("+figure.List(better)+")")
		}
		f.Statements = append(f.Statements, capitalise(figure.List(parts))+".")
	}
	return nil
}

// quintiles adds a finding for the value by deprivation quintile in period, with its slope
// index of inequality.
func (bd *builder) quintiles(d, byQ *indicator.Dataset, id indicator.ID, name, src string, whole indicator.Result, areas map[string]areaInfo) error {
	period := whole.Key.Period
	res, err := byQ.Evaluate(0.95)
	var pop [6]float64
	for _, a := range areas {
		pop[a.quintile] += a.population
	}
	measures := []measure.ID{gapMeasure}
	for _, m := range measuresOf(string(id)) {
		if ms, err := measure.Lookup(m); err == nil && ms.Kind == measure.Access {
			measures = append(measures, accessMeasure)
			break
		}
	}
	f := Finding{ID: string(id) + "-by-deprivation", Title: name + " by deprivation quintile", Indicator: string(id), Measures: measures,
		Source: src, Methods: []string{methodOf(d.Statistic), "phe-sii"}}
	table := Table{Caption: name + " by " + editionName(bd.b.IMDEdition.String()) + " deprivation quintile (1 = most deprived), " + period + " (" + unit(d) + ")",
		Columns: []Column{{Title: "Quintile"}, {Title: "Numerator", Numeric: true}, {Title: "Denominator", Numeric: true}, {Title: "Value (95 % CI)", Numeric: true}}}
	groups := make([]equality.QuantileGroup, 0, 5)
	vt := equality.ValueOther
	scale := 1.0
	switch d.Statistic {
	case indicator.StatisticProportion:
		vt = equality.ValueProportion
		scale = d.Multiplier
		if scale == 0 {
			scale = 1
		}
	case indicator.StatisticCrudeRate, indicator.StatisticDSR, indicator.StatisticISRate:
		vt = equality.ValueRate
	}
	byGroup := map[string]indicator.Result{}
	for _, r := range res {
		if r.Key.Period == period {
			byGroup[r.Key.Group] = r
		}
	}
	for q := 1; q <= 5; q++ {
		r, ok := byGroup[strconv.Itoa(q)]
		if !ok {
			continue
		}
		table.Rows = append(table.Rows, []string{strconv.Itoa(q), num(r.Numerator, numberPlaces(r.Numerator)), num(r.Denominator, numberPlaces(r.Denominator)), resultCell(r, 1)})
		if r.Err != nil {
			continue
		}
		iv, _ := r.Estimate.At(0.95)
		w := pop[q]
		if w <= 0 {
			w = r.Denominator
		}
		groups = append(groups, equality.QuantileGroup{Population: w, Value: r.Estimate.Value / scale, Lower: iv.Lower / scale, Upper: iv.Upper / scale})
	}
	f.Tables = []Table{table}
	switch {
	case err != nil:
		f.Tables = nil
		f.Statements = append(f.Statements, "The values by deprivation quintile could not be computed: "+err.Error()+".")
	case len(groups) == 5:
		sii, err := equality.SII(groups, equality.SIIOptions{ValueType: vt, FromLimits: true, Multiplier: scale,
			Seed: bd.opts.Seed, Repetitions: bd.opts.Repetitions})
		if err == nil {
			iv := sii.SIILimits[0]
			u := unit(d)
			if u == "%" {
				u = "percentage points"
			}
			f.Headline = estimate("Slope index of inequality, "+period, sii.SII, iv.Lower, iv.Upper, 1, u)
			if p, ok := place.FinancialYear(period); ok && !bd.accessGap && sii.SII >= 0 && slices.Contains(measures, accessMeasure) {
				// The gap in access across deprivation, for "narrowing the gap" (lower is better
				// while access rises from the most to the least deprived).
				bd.accessGap = true
				bd.observe(measure.Observation{ID: slug("engage", string(id), "sii", period), Measure: gapMeasure, Part: "access",
					Period: p, Value: sii.SII, Limits: limits(sii.SII, iv.Lower, iv.Upper, 0.95),
					Method: measure.Method{Statistic: "slope-index-of-inequality", Interval: "simulation", Engage: true,
						Description: "slope index of inequality of " + name + " across deprivation quintiles, computed by engage (equality.SII)"}})
			}
			verdict := "no significant gradient across deprivation"
			switch {
			case iv.Lower > 0:
				verdict = "the value rises significantly from the most to the least deprived"
			case iv.Upper < 0:
				verdict = "the value falls significantly from the most to the least deprived"
			}
			f.Statements = append(f.Statements, "The slope index of inequality in "+period+" was "+f.Headline.Text+": "+verdict+".")
		} else {
			f.Statements = append(f.Statements, "The slope index of inequality could not be computed: "+err.Error()+".")
		}
	default:
		f.Statements = append(f.Statements, "The slope index of inequality needs a value in every quintile; "+count(len(groups))+" of 5 have one.")
	}
	if q1, ok := byGroup["1"]; ok && q1.Err == nil && whole.Err == nil && slices.Contains(measures, accessMeasure) {
		if p, ok := place.FinancialYear(period); ok {
			// Access by the most deprived fifth, judged against parity with the place as a whole.
			iv, _ := q1.Estimate.At(0.95)
			num, den := q1.Numerator, q1.Denominator
			bd.observe(measure.Observation{ID: slug("engage", string(id), "quintile-1", period), Measure: accessMeasure,
				Period: p, Group: &measure.Group{Dimension: "deprivation-quintile", Value: "1"},
				Value: q1.Estimate.Value, Limits: limits(q1.Estimate.Value, iv.Lower, iv.Upper, 0.95), Numerator: &num, Denominator: &den,
				Benchmark: &measure.Benchmark{Kind: measure.BenchmarkTarget, Label: "parity with " + bd.b.Place.Name + " as a whole", Value: whole.Estimate.Value},
				Method: measure.Method{Statistic: d.Statistic.String(), Interval: q1.Estimate.Method.String(), Engage: true,
					Description: name + " among residents of the most deprived fifth, computed by engage"}})
		}
	}
	if first, last := quintileEnds(byGroup); first != nil && last != nil {
		f.Statements = slices.Insert(f.Statements, 0, "In "+period+", "+quintileName(1)+": "+resultText(*first, 1, unit(d))+"; "+quintileName(5)+": "+resultText(*last, 1, unit(d))+".")
	}
	bd.add(f, "")
	return nil
}

func quintileEnds(m map[string]indicator.Result) (*indicator.Result, *indicator.Result) {
	a, ok1 := m["1"]
	b, ok5 := m["5"]
	if !ok1 || !ok5 || a.Err != nil || b.Err != nil {
		return nil, nil
	}
	return &a, &b
}
