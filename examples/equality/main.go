// Command equality runs a Fingertips-style inequality analysis on embedded FICTIONAL sample
// data (the areas, counts and panel are invented for demonstration and describe no real
// place): the slope and relative index of inequality of a proportion across IMD 2019
// deprivation deciles with 95 % and 99.8 % limits, whether the gap narrowed between two
// periods, and how the members of a community panel represent the residents they come from.
//
//	go run ./examples/equality
package main

import (
	_ "embed"
	"fmt"
	"os"
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
