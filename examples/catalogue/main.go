// Command catalogue prints the framework catalogue of engage: the six principles for
// engaging people and communities, each with its commitments, its measures of success and,
// under every measure, the indicators that evidence it and the engage package that computes
// them; then the statutory guidance's ways of involving people, legal duties and ten key
// actions, and the empowerment levels and shared-narrative principles.
//
// Usage:
//
//	go run ./examples/catalogue               # the whole outline
//	go run ./examples/catalogue -principle 4  # one principle
//	go run ./examples/catalogue -json         # the catalogue export as JSON
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path"
	"slices"
	"strings"

	"github.com/peopleandcommunities/engage/indicator"
	"github.com/peopleandcommunities/engage/measure"
	"github.com/peopleandcommunities/engage/principle"
)

func main() {
	asJSON := flag.Bool("json", false, "print the catalogue export as JSON (valid against schemas.Catalogue)")
	only := flag.String("principle", "", "print only this principle (number, slug or name)")
	flag.Parse()

	out := bufio.NewWriter(os.Stdout)
	var err error
	switch {
	case *asJSON:
		err = writeJSON(out)
	default:
		var p principle.Principle
		if *only != "" {
			if p, err = principle.ParsePrinciple(*only); err != nil {
				break
			}
		}
		err = writeOutline(out, p)
	}
	if err == nil {
		err = out.Flush()
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "catalogue:", err)
		os.Exit(1)
	}
}

// writeJSON writes the catalogue export, indented for reading.
func writeJSON(w io.Writer) error {
	data, err := indicator.ExportJSON()
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := json.Indent(&buf, data, "", "  "); err != nil {
		return err
	}
	buf.WriteByte('\n')
	_, err = buf.WriteTo(w)
	return err
}

// writeOutline writes the readable outline: every principle, or only p when p is valid.
func writeOutline(w io.Writer, only principle.Principle) error {
	o := &outliner{w: w}
	nm, ni := len(collect(measure.All())), len(collect(indicator.All()))
	o.printf("Six principles for engaging people and communities\n")
	o.printf("%d measures of success, %d indicators and sources of evidence\n", nm, ni)
	for p := range principle.All() {
		if only.Valid() && p != only {
			continue
		}
		o.principle(p)
	}
	if !only.Valid() {
		o.guidance()
		o.context()
	}
	return o.err
}

type outliner struct {
	w   io.Writer
	err error
}

func (o *outliner) printf(format string, args ...any) {
	if o.err == nil {
		_, o.err = fmt.Fprintf(o.w, format, args...)
	}
}

func (o *outliner) principle(p principle.Principle) {
	o.printf("\n%d. %s\n   [%s]\n", p.Number(), p.Title(), p)
	o.printf("\n   Commitments\n")
	var kind principle.CommitmentKind
	for _, c := range p.Commitments() {
		if c.Kind != kind {
			kind = c.Kind
			o.printf("     %s:\n", kindHeading[kind])
		}
		o.printf("       - %s\n", c.Name)
	}
	o.printf("\n   Measures of success, with their indicators\n")
	for m := range measure.ForPrinciple(p) {
		o.printf("     * %s\n       [%s; %s, %s]\n", m.Name, m.ID, m.Kind, m.Polarity)
		for _, part := range m.Parts {
			o.printf("         · %s\n", part.Name)
		}
		for ind := range indicator.ForMeasure(m.ID) {
			note := ""
			if !slices.Contains(ind.Principles, p) {
				note = fmt.Sprintf(" (listed under principle %d)", ind.Principles[0].Number())
			}
			o.printf("         → %s%s\n           %s\n", ind.Name, note, describe(ind))
		}
	}
	if acts := p.Actions(); len(acts) > 0 {
		o.printf("\n   Key actions of the statutory guidance that serve it:")
		for _, a := range acts {
			o.printf(" %d", a.Number())
		}
		o.printf("\n")
	}
}

var kindHeading = map[principle.CommitmentKind]string{
	principle.KeyIntervention: "Key interventions",
	principle.Practice:        "Ways of working",
	principle.Dimension:       "Improves, for every group",
	principle.TargetGroup:     "Groups to reach",
	principle.Definition:      "What it means by",
}

var geographyPhrase = map[indicator.Geography]string{
	indicator.GeographyNational:       "for England",
	indicator.GeographyCommissioner:   "per commissioner",
	indicator.GeographyLocalAuthority: "per local authority",
	indicator.GeographyTrust:          "per NHS trust",
	indicator.GeographyPractice:       "per GP practice",
	indicator.GeographyProvider:       "per care provider",
	indicator.GeographyLocal:          "for the local area",
}

// describe says in one line what sort of evidence an indicator is, where it comes from and
// what computes it.
func describe(ind indicator.Indicator) string {
	var b strings.Builder
	fmt.Fprintf(&b, "[%s] %s, %s", ind.ID, ind.Tier, strings.ReplaceAll(ind.Evidence.String(), "-", " "))
	fmt.Fprintf(&b, "; %s, %s", ind.Source.Publisher.Name(), geographyPhrase[ind.Source.Geography])
	if pkg := ind.Computation.Package(); pkg != "" {
		fmt.Fprintf(&b, "; computed by %s: %s", path.Base(pkg), ind.Computation.Description())
	}
	return b.String()
}

func (o *outliner) guidance() {
	o.printf("\nInvolving people in their own health and care (statutory guidance)\n")
	o.printf("\n   Ways of involving people\n")
	for a := range principle.Approaches() {
		o.printf("     - %s [%s]\n", a.Name(), a)
	}
	o.printf("\n   Legal duties\n")
	for d := range principle.Duties() {
		o.printf("     - %s: %s\n", d.Citation(), d.Title())
	}
	o.printf("\n   Ten key actions\n")
	for a := range principle.Actions() {
		o.printf("     %2d. %s\n", a.Number(), a.Title())
		var ps, ds []string
		for _, p := range a.Principles() {
			ps = append(ps, fmt.Sprint(p.Number()))
		}
		for _, d := range a.Duties() {
			ds = append(ds, d.Provision())
		}
		o.printf("         principles %s; duties %s\n", strings.Join(ps, ", "), strings.Join(ds, ", "))
		var inds []string
		for ind := range indicator.All() {
			if slices.Contains(ind.Actions, a) {
				inds = append(inds, string(ind.ID))
			}
		}
		if len(inds) > 0 {
			o.printf("         evidence: %s\n", strings.Join(inds, ", "))
		}
	}
}

func (o *outliner) context() {
	o.printf("\nLevels of empowerment\n")
	for l := range principle.EmpowermentLevels() {
		o.printf("   - %s: %s\n", l.Name(), l.Summary())
	}
	o.printf("\nShared-narrative principles of community empowerment\n")
	for n := range principle.NarrativePrinciples() {
		o.printf("   - %s: %s\n", n.Name(), n.Summary())
	}
}

func collect[T any](seq func(func(T) bool)) []T {
	var out []T
	seq(func(v T) bool { out = append(out, v); return true })
	return out
}
