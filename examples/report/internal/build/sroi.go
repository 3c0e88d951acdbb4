package build

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/peopleandcommunities/engage/indicator"
	"github.com/peopleandcommunities/engage/internal/field"
	"github.com/peopleandcommunities/engage/measure"
	"github.com/peopleandcommunities/engage/sroi"
)

const sroiIndicator indicator.ID = "social-return-on-investment"

// assumptionName writes an assumption for people.
func assumptionName(a sroi.Assumption) string {
	switch a {
	case sroi.ProxyValue:
		return "proxy value"
	case sroi.DropOff:
		return "drop-off"
	case sroi.InputValue:
		return "value"
	}
	return a.String()
}

// sroi evaluates the bundle's impact map: the ratio, values, payback, scenarios, switching
// values, Monte Carlo summary and a one-at-a-time sensitivity analysis.
func (bd *builder) sroi() error {
	m := bd.b.SROI
	if m == nil {
		return nil
	}
	located := func(err error) error {
		var l field.List
		l.AddError("/sroi", err)
		return l.Err()
	}
	res, err := sroi.Evaluate(*m)
	if err != nil {
		return located(err)
	}
	fm, err := sroi.NewFormatter("en-GB", m.Currency)
	if err != nil {
		return located(err)
	}
	one := strings.TrimSuffix(fm.Money(decimal.NewFromInt(1)), ".00")
	f := Finding{
		ID: "sroi", Title: "Social Return on Investment: " + m.Title, Indicator: string(sroiIndicator), Measures: measuresOf(string(sroiIndicator)),
		Methods: []string{"sroi", "sroi-scenarios"}, Source: "/sroi", Charts: []string{"sroiByYear", "sroiTornado"},
	}
	ratio, _ := res.Ratio.Float64()
	f.Headline = &Estimate{Label: "SROI ratio (present value of outcomes per unit of inputs)", Value: ratio, Unit: m.Currency + " per " + m.Currency + " 1",
		Text: fm.Money(res.Ratio) + " : " + one}
	headline := "An SROI ratio of " + f.Headline.Text + ": an estimated " + fm.Money(res.Ratio) + " of social value for every " +
		one + " put in (present value " + fm.Money(res.PresentValue) + " against inputs of " +
		fm.Money(res.InputsPresentValue) + "; net present value " + fm.Money(res.NetPresentValue) + ")."
	f.Statements = append(f.Statements, headline)
	if res.Payback.Simple != nil {
		f.Statements = append(f.Statements, "Simple payback (stage 5.5 of the guide): "+fm.Number(*res.Payback.Simple, 1)+" months.")
	}
	highlight := "Social Return on Investment: " + headline
	if s := res.Simulation; s != nil {
		f.Methods = append(f.Methods, "sroi-monte-carlo")
		var p5, p95 *float64
		for _, p := range s.Ratio.Percentiles {
			switch p.P {
			case 0.05:
				p5 = &p.Value
			case 0.95:
				p95 = &p.Value
			}
		}
		sentence := "In " + count(s.Draws) + " Monte Carlo draws over the uncertain assumptions (seed " + strconv.FormatUint(s.Seed, 10) + ")"
		if p5 != nil && p95 != nil {
			sentence += ", the ratio's 5th to 95th percentiles were " + num(*p5, 2) + " to " + num(*p95, 2)
		}
		sentence += ", and the ratio exceeded " + one + " : " + one + " in " + pct(s.ProbabilityAboveOne) + " of draws."
		f.Statements = append(f.Statements, sentence)
		highlight += " " + sentence
	}
	f.Statements = append(f.Statements, "A ratio depends on the financial proxies and deductions chosen; the guide warns that ratios from different analyses are not comparable on their own.")

	years := Table{Caption: "Value and inputs by year (" + m.Currency + ", " + strconv.Itoa(m.PriceYear) + " prices)",
		Columns: []Column{{Title: "Year"}, {Title: "Discount factor", Numeric: true}, {Title: "Value", Numeric: true}, {Title: "Present value", Numeric: true},
			{Title: "Inputs", Numeric: true}, {Title: "Inputs, present value", Numeric: true}}}
	chart := &YearsChart{Title: "Present value of outcomes and inputs by year", Currency: m.Currency,
		Description: "Present value of the outcomes in each year after discounting, against the inputs' present value (year 0 is the start, undiscounted)."}
	for _, y := range res.Years {
		years.Rows = append(years.Rows, []string{strconv.Itoa(y.Year), fm.Number(y.Factor, 4), fm.Money(y.Value), fm.Money(y.PresentValue),
			fm.Money(y.InputsValue), fm.Money(y.InputsPresentValue)})
		chart.Years = append(chart.Years, YearValue{Year: y.Year, PresentValue: sroi.Round(y.PresentValue).String(), InputsPresentValue: sroi.Round(y.InputsPresentValue).String()})
	}
	names := map[string]string{}
	for _, s := range m.Stakeholders {
		names[s.ID] = s.Name
	}
	stakeholders := Table{Caption: "Present value by stakeholder (" + m.Currency + ")",
		Columns: []Column{{Title: "Stakeholder"}, {Title: "Value received, present value", Numeric: true}, {Title: "Inputs given, present value", Numeric: true}}}
	for _, s := range res.Stakeholders {
		stakeholders.Rows = append(stakeholders.Rows, []string{names[s.Stakeholder], fm.Money(s.PresentValue), fm.Money(s.InputsPresentValue)})
	}
	f.Tables = append(f.Tables, years, stakeholders)
	if len(res.Scenarios) > 0 {
		t := Table{Caption: "What-if scenarios", Columns: []Column{{Title: "Scenario"}, {Title: "Ratio", Numeric: true}, {Title: "Net present value", Numeric: true}}}
		for _, s := range res.Scenarios {
			t.Rows = append(t.Rows, []string{s.Name, fm.Money(s.Ratio) + " : " + one, fm.Money(s.NetPresentValue)})
		}
		f.Tables = append(f.Tables, t)
	}
	bd.switching(&f, m, res, fm, one)
	bd.charts.SROIByYear = chart
	if err := bd.tornado(m, ratio); err != nil {
		return located(err)
	}
	bd.add(f, highlight)
	if a, ok := bd.b.AssessmentPeriod(); ok {
		o := measure.Observation{ID: "engage-sroi-ratio", Indicator: string(sroiIndicator), Period: a.Period, Value: ratio,
			Benchmark: &measure.Benchmark{Kind: measure.BenchmarkTarget, Label: "break-even, 1 : 1", Value: 1},
			Method:    measure.Method{Statistic: "sroi-ratio", Engage: true, Description: "SROI ratio of the impact map, computed by engage (sroi.Evaluate)"}}
		if s := res.Simulation; s != nil {
			var p5, p95 float64
			for _, p := range s.Ratio.Percentiles {
				switch p.P {
				case 0.05:
					p5 = p.Value
				case 0.95:
					p95 = p.Value
				}
			}
			if p95 > p5 {
				o.Limits = limits(ratio, p5, p95, 0.9)
				o.Method.Interval = "simulation"
			}
		}
		bd.observe(o)
	}
	return nil
}

// switching tabulates the switching values closest to the assumptions' own values: how far
// each would have to move for the ratio to fall to 1 : 1.
func (bd *builder) switching(f *Finding, m *sroi.Model, res sroi.Result, fm sroi.Formatter, one string) {
	outcomes := map[string]string{}
	for _, o := range m.Outcomes {
		outcomes[o.ID] = o.Description
	}
	type sv struct {
		input  bool
		what   string
		base   string
		value  string
		change decimal.Decimal
	}
	var found []sv
	for _, s := range res.Sensitivity {
		if s.Status != sroi.Found || !s.Attainable || s.Change == nil || s.Value == nil {
			continue
		}
		what := outcomes[s.Outcome] + ": " + assumptionName(s.Assumption)
		base, value := fm.Number(s.Base, 2), fm.Number(*s.Value, 2)
		switch {
		case s.Outcome == "" && s.Input == "":
			what = "All inputs: present value"
			base, value = fm.Money(s.Base), fm.Money(*s.Value)
		case s.Outcome == "":
			what = "Input " + s.Input + ": value"
			base, value = fm.Money(s.Base), fm.Money(*s.Value)
		case s.Assumption == sroi.ProxyValue:
			base, value = fm.Money(s.Base), fm.Money(*s.Value)
		case s.Assumption == sroi.Deadweight || s.Assumption == sroi.Displacement || s.Assumption == sroi.Attribution || s.Assumption == sroi.DropOff:
			base, value = fm.Percent(s.Base, 1), fm.Percent(*s.Value, 1)
		}
		found = append(found, sv{s.Outcome == "", what, base, value, *s.Change})
	}
	if len(found) == 0 {
		f.Statements = append(f.Statements, "No single assumption, moved within its possible range, brings the ratio down to "+one+" : "+one+".")
		return
	}
	slices.SortStableFunc(found, func(a, b sv) int { return a.change.Abs().Cmp(b.change.Abs()) })
	t := Table{Caption: "Switching values: what each assumption would have to become, everything else unchanged, for the ratio to fall to 1 : 1 (the closest first)",
		Columns: []Column{{Title: "Assumption"}, {Title: "In the model", Numeric: true}, {Title: "Switching value", Numeric: true}, {Title: "Change needed", Numeric: true}}}
	for i, s := range found {
		if i == 8 {
			break
		}
		t.Rows = append(t.Rows, []string{s.what, s.base, s.value, signedPercent(s.change)})
	}
	f.Tables = append(f.Tables, t)
	for _, s := range found {
		if s.input {
			continue
		}
		f.Statements = append(f.Statements, "Of the outcomes' assumptions, the closest to its switching value is "+s.what+", which would have to change by "+
			signedPercent(s.change)+" (from "+s.base+" to "+s.value+") for the ratio to fall to "+one+" : "+one+".")
		break
	}
}

func signedPercent(d decimal.Decimal) string {
	x, _ := d.Float64()
	return signed(100*x, 0) + " %"
}

// tornado evaluates the model with each uncertain assumption at the lowest and the highest
// value of its distribution, one at a time, as what-if scenarios of the library.
func (bd *builder) tornado(m *sroi.Model, base float64) error {
	type bar struct {
		label    string
		lo, hi   sroi.Change
		loL, hiL string
	}
	fm, _ := sroi.NewFormatter("en-GB", m.Currency)
	show := func(a sroi.Assumption, d decimal.Decimal) string {
		switch a {
		case sroi.ProxyValue, sroi.InputValue:
			return fm.Money(d)
		case sroi.Deadweight, sroi.Displacement, sroi.Attribution, sroi.DropOff:
			return fm.Percent(d, 0)
		}
		return fm.Number(d, 0)
	}
	var bars []bar
	addBar := func(label, outcome, input string, a sroi.Assumption, d *sroi.Distribution) {
		if d == nil || d.Shape == sroi.Point {
			return
		}
		bars = append(bars, bar{label: label,
			lo: sroi.Change{Outcome: outcome, Input: input, Assumption: a, Value: d.Min}, hi: sroi.Change{Outcome: outcome, Input: input, Assumption: a, Value: d.Max},
			loL: show(a, d.Min), hiL: show(a, d.Max)})
	}
	for _, o := range m.Outcomes {
		u := o.Uncertainty
		if u == nil {
			continue
		}
		for _, x := range []struct {
			a sroi.Assumption
			d *sroi.Distribution
		}{{sroi.Quantity, u.Quantity}, {sroi.ProxyValue, u.ProxyValue}, {sroi.Deadweight, u.Deadweight}, {sroi.Displacement, u.Displacement},
			{sroi.Attribution, u.Attribution}, {sroi.DropOff, u.DropOff}, {sroi.Duration, u.Duration}} {
			addBar(o.Description+": "+assumptionName(x.a), o.ID, "", x.a, x.d)
		}
	}
	for _, in := range m.Inputs {
		addBar(in.Description, "", in.ID, sroi.InputValue, in.Uncertainty)
	}
	if len(bars) == 0 {
		return nil
	}
	what := *m
	what.Simulation = nil
	what.Scenarios = nil
	for i, b := range bars {
		what.Scenarios = append(what.Scenarios,
			sroi.Scenario{Name: "low " + strconv.Itoa(i), Changes: []sroi.Change{b.lo}},
			sroi.Scenario{Name: "high " + strconv.Itoa(i), Changes: []sroi.Change{b.hi}})
	}
	res, err := sroi.Evaluate(what)
	if err != nil {
		return err
	}
	chart := &TornadoChart{Title: "Sensitivity of the SROI ratio to each uncertain assumption", Base: base,
		Description: "The ratio with one assumption at the lowest and at the highest value of its distribution, everything else as in the impact map; the widest ranges first."}
	for i, b := range bars {
		lo, _ := res.Scenarios[2*i].Ratio.Float64()
		hi, _ := res.Scenarios[2*i+1].Ratio.Float64()
		chart.Bars = append(chart.Bars, TornadoBar{Label: b.label, Low: lo, High: hi, LowLabel: b.loL, HighLabel: b.hiL})
	}
	width := func(t TornadoBar) float64 { return max(t.Low, t.High) - min(t.Low, t.High) }
	slices.SortStableFunc(chart.Bars, func(a, b TornadoBar) int { return cmp.Compare(width(b), width(a)) })
	bd.charts.SROITornado = chart
	return nil
}
