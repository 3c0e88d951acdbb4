// Command equality runs a Fingertips-style inequality analysis on embedded FICTIONAL sample
// data (the areas, counts and panel are invented for demonstration and describe no real
// place): the slope and relative index of inequality of a proportion across IMD 2019
// deprivation deciles with 95 % and 99.8 % limits, whether the gap narrowed between two
// periods, the WHO HEAT summary table for the same deciles, and how the members of a
// community panel represent the residents they come from.
//
//	go run ./examples/equality
package main

import (
	_ "embed"
	"fmt"
	"math"
	"os"
	"strconv"
	"text/tabwriter"

	"github.com/peopleandcommunities/engage/equality"
)

//go:embed sii.json
var siiDoc []byte

//go:embed representation.json
var representationDoc []byte

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "equality:", err)
		os.Exit(1)
	}
}

func run() error {
	fmt.Println("FICTIONAL SAMPLE DATA: every area, count and panel below is invented.")
	fmt.Println()
	results, err := sii()
	if err != nil {
		return err
	}
	if err := gap(results); err != nil {
		return err
	}
	if err := heat(); err != nil {
		return err
	}
	return representation()
}

// sii computes the slope and relative index of inequality for every area and period, as
// Fingertips does: proportions with 95 % Wilson limits per decile, phe_sii's regression on the
// logit scale (transform), results in percentage points.
func sii() ([]equality.AreaSII, error) {
	d, err := equality.ParseData(siiDoc)
	if err != nil {
		return nil, err
	}
	res, err := d.SII(equality.SIIOptions{
		Transform:  true,
		Multiplier: 100,
		Confidence: []float64{0.95, 0.998},
		RII:        true,
		Seed:       20250401,
	})
	if err != nil {
		return nil, err
	}
	fmt.Println(d.Title)
	fmt.Printf("Slope index of inequality (percentage points, decile 10 minus decile 1 on the fitted line), %d repetitions\n", res[0].Repetitions)
	w := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(w, "area\tperiod\tSII\t95% limits\t99.8% limits\tRII\t95% limits\t")
	for _, r := range res {
		fmt.Fprintf(w, "%s\t%s\t%.1f\t%.1f to %.1f\t%.1f to %.1f\t%.2f\t%.2f to %.2f\t\n",
			r.Name, r.Period, r.SII,
			r.SIILimits[0].Lower, r.SIILimits[0].Upper, r.SIILimits[1].Lower, r.SIILimits[1].Upper,
			r.RII, r.RIILimits[0].Lower, r.RIILimits[0].Upper)
	}
	if err := w.Flush(); err != nil {
		return nil, err
	}
	fmt.Println()
	return res, nil
}

// gap asks whether Northfield's gap narrowed between its two periods, recovering each SII's
// standard error from its 95 % limits.
func gap(res []equality.AreaSII) error {
	var periods []equality.AreaSII
	for _, r := range res {
		if r.Area == "FICT01" {
			periods = append(periods, r)
		}
	}
	if len(periods) != 2 {
		return fmt.Errorf("expected two periods for FICT01, found %d", len(periods))
	}
	var gaps [2]equality.Gap
	for i, p := range periods {
		g, err := equality.GapFromInterval(p.SII, p.SIILimits[0], false)
		if err != nil {
			return err
		}
		gaps[i] = g
	}
	ch, err := equality.GapChange(gaps[0], gaps[1], equality.GapChangeOptions{})
	if err != nil {
		return err
	}
	fmt.Printf("Is Northfield's gap narrowing? SII %.1f (%s) → %.1f (%s): change %.1f points (95%% %.1f to %.1f): %v\n\n",
		periods[0].SII, periods[0].Period, periods[1].SII, periods[1].Period,
		ch.Change, ch.Interval.Lower, ch.Interval.Upper, ch.Trend)
	return nil
}

// heat summarises the latest period of Northfield's deciles with every summary measure the WHO
// Health Equity Assessment Toolkit gives for an ordered dimension. Each decile's estimate is
// the percentage of respondents, with the binomial standard error √(p(1−p)/n) that HEAT uses
// for survey estimates; decile 1 (most deprived) is order 1.
func heat() error {
	d, err := equality.ParseData(siiDoc)
	if err != nil {
		return err
	}
	var area *equality.DataArea
	for i := range d.Areas {
		if a := &d.Areas[i]; a.Area == "FICT01" && a.Period == "2022-24" {
			area = a
		}
	}
	if area == nil {
		return fmt.Errorf("no 2022-24 period for FICT01")
	}
	groups := make([]equality.Subgroup, 0, len(area.Groups))
	for _, g := range area.Groups {
		order, err := strconv.Atoi(g.Group)
		if err != nil {
			return fmt.Errorf("decile %q: %v", g.Group, err)
		}
		p := *g.Count / *g.Population
		se := 100 * math.Sqrt(p*(1-p) / *g.Population)
		groups = append(groups, equality.Subgroup{
			Name: "decile " + g.Group, Estimate: 100 * p, SE: &se, Population: *g.Population, Order: order,
		})
	}
	table, err := equality.SummariseAll(groups, equality.SummaryOptions{
		Ordered: true, Favourability: equality.Favourable, Scale: 100, Seed: 20250401,
	})
	if err != nil {
		return err
	}
	fmt.Printf("WHO HEAT summary measures, %s, %s (deciles as an ordered dimension, a favourable indicator)\n", area.Name, area.Period)
	w := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, "measure\testimate\t95% interval\tmethod\t")
	for _, r := range table.Results {
		ci := "–"
		if r.Interval != nil {
			ci = fmt.Sprintf("%.2f to %.2f", r.Interval.Lower, r.Interval.Upper)
		}
		fmt.Fprintf(w, "%v\t%.2f\t%s\t%v\t\n", r.Measure, r.Estimate, ci, r.Method)
	}
	if err := w.Flush(); err != nil {
		return err
	}
	for _, o := range table.Omitted {
		fmt.Printf("  not computed: %v\n", o)
	}
	fmt.Println()
	return nil
}

// representation compares the panel's members with the residents of each quintile.
func representation() error {
	d, err := equality.ParseData(representationDoc)
	if err != nil {
		return err
	}
	res, err := d.Representation(equality.RepresentationOptions{})
	if err != nil {
		return err
	}
	fmt.Println(d.Title)
	for _, a := range res {
		w := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
		fmt.Fprintln(w, "IMD quintile\tpanel\tshare\tresidents\tshare\tratio\t95% interval\t\t")
		for i, g := range a.Groups {
			part, comm := d.Areas[0].Groups[i].Participants, d.Areas[0].Groups[i].Community
			fmt.Fprintf(w, "%s\t%.0f\t%.1f%%\t%.0f\t%.1f%%\t%.2f\t%.2f to %.2f\t%v\t\n",
				g.Group, *part, 100*g.ParticipantShare, *comm, 100*g.CommunityShare,
				g.Ratio, g.Interval.Lower, g.Interval.Upper, g.Flag)
		}
		if err := w.Flush(); err != nil {
			return err
		}
		fmt.Printf("Index of dissimilarity %.3f: %.1f%% of the panel would have to come from other quintiles to match the residents.\n",
			a.Dissimilarity, 100*a.Dissimilarity)
		fmt.Printf("Chi-square %.2f on %d df, p = %.2g (%s).\n", a.Fit.Statistic, a.Fit.DF, a.Fit.PValue, a.Fit.Method)
		fmt.Printf("Effective number of quintiles (inverse Simpson): panel %.2f, residents %.2f.\n",
			a.ParticipantDiversity.SimpsonEffective, a.CommunityDiversity.SimpsonEffective)
	}
	return nil
}
