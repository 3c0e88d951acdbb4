// Command sroi evaluates a social-prescribing impact map with engage's sroi package and
// prints what a reader of an SROI report expects to see: the impact map, the inputs, the
// value year by year, the headline ratio, the sensitivity analysis, what-if scenarios and a
// Monte Carlo summary.
//
// Every figure in the embedded impact map (model.json) is FICTIONAL, invented to show the
// calculation; it describes no real service and comes from no real valuation source.
//
// Usage:
//
//	go run ./examples/sroi [-locale cy-GB]
package main

import (
	_ "embed"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/peopleandcommunities/engage/sroi"
	"github.com/shopspring/decimal"
)

//go:embed model.json
var modelJSON []byte

func main() {
	locale := flag.String("locale", "en-GB", "locale for money: en-GB or cy-GB")
	flag.Parse()
	if err := run(os.Stdout, *locale); err != nil {
		fmt.Fprintln(os.Stderr, "sroi:", err)
		os.Exit(1)
	}
}

func run(w io.Writer, locale string) error {
	m, err := sroi.ParseModel(modelJSON)
	if err != nil {
		return err
	}
	r, err := sroi.Evaluate(m)
	if err != nil {
		return err
	}
	f, err := sroi.NewFormatter(locale, m.Currency)
	if err != nil {
		return err
	}
	p := printer{w: w, f: f, m: m, r: r}
	p.heading()
	p.impactMap()
	p.inputs()
	p.yearByYear()
	p.headline()
	p.stakeholders()
	p.sensitivity()
	p.scenarios()
	p.uncertainty()
	return nil
}

type printer struct {
	w io.Writer
	f sroi.Formatter
	m sroi.Model
	r sroi.Result
}

func (p printer) section(title string) {
	fmt.Fprintf(p.w, "\n%s\n%s\n", title, strings.Repeat("=", len([]rune(title))))
}

// table writes a table whose first column is left-aligned and whose figures are
// right-aligned.
func (p printer) table(header []string, rows [][]string) {
	width := 0
	for _, row := range append([][]string{header}, rows...) {
		width = max(width, len([]rune(row[0])))
	}
	pad := func(row []string) string {
		first := row[0] + strings.Repeat(" ", width-len([]rune(row[0])))
		return strings.Join(append([]string{first}, row[1:]...), "\t") + "\t"
	}
	var b strings.Builder
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, pad(header))
	for _, row := range rows {
		fmt.Fprintln(tw, pad(row))
	}
	tw.Flush()
	for _, line := range strings.SplitAfter(b.String(), "\n") {
		fmt.Fprint(p.w, strings.TrimPrefix(line, "  "))
	}
}

func (p printer) leftTable(header string, rows [][]string) {
	tw := tabwriter.NewWriter(p.w, 0, 0, 2, ' ', 0)
	if header != "" {
		fmt.Fprintln(tw, header)
	}
	for _, row := range rows {
		fmt.Fprintln(tw, strings.Join(row, "\t"))
	}
	tw.Flush()
}

func (p printer) pct(x decimal.Decimal) string { return p.f.Percent(x, 0) }

// quantity writes a quantity with the places it was given.
func (p printer) quantity(x decimal.Decimal) string {
	return p.f.Number(x, max(0, -x.Exponent()))
}

// years writes a whole number of years.
func years(x decimal.Decimal) string {
	if x.Equal(decimal.NewFromInt(1)) || x.Equal(decimal.NewFromInt(-1)) {
		return x.String() + " year"
	}
	return x.String() + " years"
}

func (p printer) heading() {
	fmt.Fprintln(p.w, p.m.Title)
	fmt.Fprintln(p.w, strings.Repeat("-", len([]rune(p.m.Title))))
	fmt.Fprintln(p.w, "ALL FIGURES ARE FICTIONAL: an illustration of the calculation, not the evaluation of a real service.")
	disc := "Green Book schedule (3.5 % a year for years 1–30)"
	if p.m.Discount.Schedule != sroi.GreenBook {
		disc = p.m.Discount.Schedule.String()
	}
	fmt.Fprintf(p.w, "Money in %s at %d prices; discounting: %s, year 1 discounted one year.\n", p.m.Currency, p.m.PriceYear, disc)
}

func (p printer) impactMap() {
	p.section("Impact map")
	names := map[string]string{}
	for _, s := range p.m.Stakeholders {
		names[s.ID] = s.Name
	}
	var rows [][]string
	for i, o := range p.m.Outcomes {
		or := p.r.Outcomes[i]
		rows = append(rows, []string{
			names[o.Stakeholder], o.Description, p.quantity(o.Quantity), fmt.Sprint(o.Duration),
			p.f.Money(o.Proxy.Value) + fmt.Sprintf(" (%d)", o.Proxy.PriceYear), p.f.Money(or.Gross),
			p.pct(o.Deadweight), p.pct(o.Displacement), p.pct(o.Attribution), p.pct(o.DropOff), p.f.Money(or.Impact),
		})
	}
	p.leftTable("Stakeholder\tOutcome\tQuantity\tYears\tProxy per unit\tGross value\tDeadweight\tDisplacement\tAttribution\tDrop-off\tImpact (year 1)", rows)
	fmt.Fprintln(p.w, "\nIndicators and proxies:")
	for _, o := range p.m.Outcomes {
		fmt.Fprintf(p.w, "  %s — indicator: %s; proxy: %s; source: %s.\n", o.Description, o.Indicator, o.Proxy.Description, o.Proxy.Source)
	}
	for i, o := range p.m.Outcomes {
		if o.Proxy.PriceYear != p.m.PriceYear {
			fmt.Fprintf(p.w, "  %s: %s at %d prices is %s at %d prices (GDP deflator uplift).\n", o.Description,
				p.f.Money(o.Proxy.Value), o.Proxy.PriceYear, p.f.Money(p.r.Outcomes[i].ProxyValue), p.m.PriceYear)
		}
	}
}

func (p printer) inputs() {
	p.section("Inputs")
	var rows [][]string
	for i, in := range p.m.Inputs {
		kind := "financial"
		if in.NonFinancial {
			kind = "in kind"
		}
		rows = append(rows, []string{in.Description, kind, fmt.Sprint(in.Year), p.f.Money(in.Value), p.f.Money(p.r.Inputs[i].PresentValue)})
	}
	rows = append(rows, []string{"Total", "", "", p.f.Money(p.r.InputsValue), p.f.Money(p.r.InputsPresentValue)})
	p.leftTable("Input\tKind\tYear\tValue\tPresent value", rows)
}

func (p printer) yearByYear() {
	p.section("Value year by year")
	years := len(p.r.Years) - 1
	header := []string{"Outcome"}
	for t := 1; t <= years; t++ {
		header = append(header, fmt.Sprintf("Year %d", t))
	}
	header = append(header, "Total")
	var rows [][]string
	for i, o := range p.r.Outcomes {
		row := []string{p.m.Outcomes[i].Description}
		for t := 1; t <= years; t++ {
			v := "–"
			if t <= len(o.Years) {
				v = p.f.Money(o.Years[t-1].Value)
			}
			row = append(row, v)
		}
		rows = append(rows, append(row, p.f.Money(o.Value)))
	}
	total, factor, pv := []string{"Total value"}, []string{"Discount factor"}, []string{"Present value"}
	for t := 1; t <= years; t++ {
		y := p.r.Years[t]
		total = append(total, p.f.Money(y.Value))
		factor = append(factor, y.Factor.StringFixed(4))
		pv = append(pv, p.f.Money(y.PresentValue))
	}
	total = append(total, p.f.Money(p.r.Value))
	factor = append(factor, "")
	pv = append(pv, p.f.Money(p.r.PresentValue))
	rows = append(rows, total, factor, pv)
	p.table(header, rows)
}

func (p printer) headline() {
	p.section("Social return on investment")
	months := func(x *decimal.Decimal) string {
		if x == nil {
			return "never, within the outcomes' durations"
		}
		return p.f.Number(*x, 1) + " months"
	}
	p.leftTable("", [][]string{
		{"Total present value", p.f.Money(p.r.PresentValue)},
		{"Present value of inputs", p.f.Money(p.r.InputsPresentValue)},
		{"Net present value", p.f.Money(p.r.NetPresentValue)},
		{"SROI ratio", p.f.Ratio(p.r.Ratio)},
		{"Net SROI ratio", p.f.Ratio(p.r.NetRatio)},
		{"Payback (guide: inputs ÷ monthly year-1 impact)", months(p.r.Payback.Simple)},
		{"Payback (cumulative value, undiscounted)", months(p.r.Payback.Cumulative)},
		{"Payback (cumulative value, discounted)", months(p.r.Payback.Discounted)},
	})
	fmt.Fprintf(p.w, "\nFor every %s invested, about %s of social value is created (fictional figures).\n",
		p.f.Money(decimal.NewFromInt(1)), p.f.Money(p.r.Ratio))
}

func (p printer) stakeholders() {
	p.section("Value by stakeholder")
	var rows [][]string
	for i, s := range p.r.Stakeholders {
		share := "–"
		if p.r.PresentValue.Sign() > 0 {
			share = p.f.Percent(s.PresentValue.DivRound(p.r.PresentValue, 6), 1)
		}
		rows = append(rows, []string{p.m.Stakeholders[i].Name, p.f.Money(s.PresentValue), share, p.f.Money(s.InputsPresentValue)})
	}
	p.leftTable("Stakeholder\tPresent value received\tShare\tInputs given (present value)", rows)
}

// value writes an assumption's value in its own unit.
func (p printer) value(a sroi.Assumption, x decimal.Decimal) string {
	switch a {
	case sroi.Deadweight, sroi.Displacement, sroi.Attribution, sroi.DropOff:
		return p.f.Percent(x, 1)
	case sroi.ProxyValue, sroi.InputValue:
		return p.f.Money(x)
	case sroi.Duration:
		return years(x)
	}
	return p.f.Number(x, 1)
}

// change writes how far a switching value is from the map's value: percentage points for
// shares, years for durations, a relative change otherwise.
func (p printer) change(s sroi.SwitchingValue) string {
	diff := s.Value.Sub(s.Base)
	sign := ""
	if diff.Sign() > 0 {
		sign = "+"
	}
	switch s.Assumption {
	case sroi.Deadweight, sroi.Displacement, sroi.Attribution, sroi.DropOff:
		return sign + p.f.Number(diff.Shift(2), 1) + " points"
	case sroi.Duration:
		return sign + years(diff)
	}
	if s.Change == nil {
		return ""
	}
	return sign + p.f.Percent(*s.Change, 0)
}

func (p printer) sensitivity() {
	p.section("Sensitivity: the value each estimate would need for the ratio to fall to " + p.f.Ratio(decimal.NewFromInt(1)))
	describe := map[string]string{}
	for _, o := range p.m.Outcomes {
		describe[o.ID] = o.Description
	}
	for _, in := range p.m.Inputs {
		describe[in.ID] = in.Description
	}
	var rows [][]string
	for _, s := range p.r.Sensitivity {
		what := describe[s.Outcome]
		if s.Input != "" {
			what = describe[s.Input]
		}
		if what == "" {
			what = "All inputs (present value)"
		}
		switching, change, note := "", "", ""
		switch s.Status {
		case sroi.NoEffect:
			switching, note = "–", "no effect"
		case sroi.Unreachable:
			switching, note = "–", "cannot reach 1:1"
		default:
			switching = p.value(s.Assumption, *s.Value)
			change = p.change(s)
			note = "attainable"
			if !s.Attainable {
				note = "not attainable"
			}
			if s.Method == sroi.WholeYears {
				note += ", whole years"
			}
		}
		rows = append(rows, []string{what, s.Assumption.String(), p.value(s.Assumption, s.Base), switching, change, note})
	}
	p.leftTable("Outcome or input\tAssumption\tIn the map\tSwitching value\tChange\t", rows)
}

func (p printer) scenarios() {
	if len(p.r.Scenarios) == 0 {
		return
	}
	p.section("What if")
	rows := [][]string{{"Base case", p.f.Money(p.r.NetPresentValue), p.f.Ratio(p.r.Ratio)}}
	for _, s := range p.r.Scenarios {
		rows = append(rows, []string{s.Name, p.f.Money(s.NetPresentValue), p.f.Ratio(s.Ratio)})
	}
	p.leftTable("Scenario\tNet present value\tSROI ratio", rows)
}

func (p printer) uncertainty() {
	s := p.r.Simulation
	if s == nil {
		return
	}
	p.section(fmt.Sprintf("Uncertainty: Monte Carlo simulation, %s draws, seed %d", p.f.Number(decimal.NewFromInt(int64(s.Draws)), 0), s.Seed))
	ratio := func(x float64) string { return p.f.Ratio(decimal.NewFromFloat(x)) }
	var rows [][]string
	for _, q := range s.Ratio.Percentiles {
		rows = append(rows, []string{ordinal(q.P*100) + " percentile", ratio(q.Value),
			p.f.Money(decimal.NewFromFloat(s.NetPresentValue.Percentiles[len(rows)].Value))})
	}
	rows = append(rows, []string{"Mean", ratio(s.Ratio.Mean), p.f.Money(decimal.NewFromFloat(s.NetPresentValue.Mean))})
	p.leftTable("\tSROI ratio\tNet present value", rows)
	fmt.Fprintf(p.w, "\nProbability that the ratio exceeds 1:1: %s\n", p.f.Percent(decimal.NewFromFloat(s.ProbabilityAboveOne), 1))
}

// ordinal writes a percentile's rank in words: 5th, 50th, 2.5th, 1st, 22nd.
func ordinal(x float64) string {
	s := strconv.FormatFloat(x, 'f', -1, 64)
	if x != float64(int(x)) {
		return s + "th"
	}
	n := int(x)
	switch {
	case n%100 >= 11 && n%100 <= 13:
		return s + "th"
	case n%10 == 1:
		return s + "st"
	case n%10 == 2:
		return s + "nd"
	case n%10 == 3:
		return s + "rd"
	}
	return s + "th"
}
