// Command scorecard assesses a place's evidence against the Six principles for engaging people
// and communities and prints the scorecard, in plain English or as JSON.
//
// With no arguments it runs on embedded FICTIONAL sample data: "Fictional Example ICB" and
// every figure, activity and agreement in data/ are invented and describe no real place.
// Give it your own documents — an observations document (schema observations.json) and an
// evidence document (schema evidence.json) — with the assessment period and the day the
// assessment speaks for:
//
//	go run ./examples/scorecard
//	go run ./examples/scorecard -observations obs.json -evidence evidence.json \
//	    -from 2024-04-01 -to 2025-03-31 -asof 2025-07-31 -area QYG -title "NHS Example ICB"
//	go run ./examples/scorecard -json > scorecard.json
package main

import (
	"embed"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"

	"github.com/peopleandcommunities/engage/assessment"
	"github.com/peopleandcommunities/engage/indicator"
	"github.com/peopleandcommunities/engage/measure"
)

//go:embed data/*.json
var data embed.FS

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "scorecard:", err)
		os.Exit(1)
	}
}

func run(args []string, w io.Writer) error {
	fs := flag.NewFlagSet("scorecard", flag.ContinueOnError)
	obsFile := fs.String("observations", "", "observations document (default: the embedded fictional sample)")
	evFile := fs.String("evidence", "", "evidence document (default: the embedded fictional sample)")
	from := fs.String("from", "2024-04-01", "first day of the assessment period")
	to := fs.String("to", "2025-03-31", "last day of the assessment period")
	label := fs.String("label", "", "name of the period, e.g. 2024/25")
	asOf := fs.String("asof", "2025-07-31", "the day the assessment speaks for")
	area := fs.String("area", "QYG", "GSS or ODS code of the area assessed; empty for every area")
	title := fs.String("title", "Fictional Example ICB", "name of the place or programme")
	level := fs.Float64("level", 0.95, "confidence level of computed intervals and trend tests")
	feedback := fs.String("feedback-target", "", "target share of activities closing the feedback loop, e.g. 0.8")
	audit := fs.String("audit-target", "", "target share of complete audit-trail records, e.g. 0.8")
	asJSON := fs.Bool("json", false, "print the scorecard as JSON (schema scorecard.json)")
	if err := fs.Parse(args); err != nil {
		return err
	}

	obsDoc, err := load(*obsFile, "data/observations.json")
	if err != nil {
		return err
	}
	evDoc, err := load(*evFile, "data/evidence.json")
	if err != nil {
		return err
	}
	obs, err := measure.ParseObservations(obsDoc)
	if err != nil {
		return fmt.Errorf("observations: %w", err)
	}
	ev, err := indicator.ParseEvidence(evDoc)
	if err != nil {
		return fmt.Errorf("evidence: %w", err)
	}

	in := assessment.Input{Title: *title, Observations: obs.Observations, Evidence: ev, Options: assessment.Options{Level: *level}}
	if in.Period.Start, err = measure.ParseDate(*from); err != nil {
		return fmt.Errorf("-from: %w", err)
	}
	if in.Period.End, err = measure.ParseDate(*to); err != nil {
		return fmt.Errorf("-to: %w", err)
	}
	in.Period.Label = *label
	if in.AsOf, err = measure.ParseDate(*asOf); err != nil {
		return fmt.Errorf("-asof: %w", err)
	}
	if *area != "" {
		if in.Area, err = measure.ParseAreaCode(*area); err != nil {
			return fmt.Errorf("-area: %w", err)
		}
	}
	if in.Options.Targets.FeedbackLoop, err = target(*feedback); err != nil {
		return fmt.Errorf("-feedback-target: %w", err)
	}
	if in.Options.Targets.AuditTrail, err = target(*audit); err != nil {
		return fmt.Errorf("-audit-target: %w", err)
	}

	sc, err := assessment.Assess(in)
	if err != nil {
		return err
	}
	if *asJSON {
		out, err := json.MarshalIndent(sc, "", "  ")
		if err != nil {
			return err
		}
		_, err = fmt.Fprintf(w, "%s\n", out)
		return err
	}
	if *obsFile == "" || *evFile == "" {
		fmt.Fprintln(w, "FICTIONAL SAMPLE DATA: the place and every figure and record below are invented.")
		fmt.Fprintln(w)
	}
	_, err = io.WriteString(w, sc.Text())
	return err
}

// load reads a file the user names, or the embedded sample.
func load(file, sample string) ([]byte, error) {
	if file == "" {
		return data.ReadFile(sample)
	}
	return os.ReadFile(file)
}

func target(s string) (*float64, error) {
	if s == "" {
		return nil, nil
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return nil, err
	}
	return &v, nil
}
