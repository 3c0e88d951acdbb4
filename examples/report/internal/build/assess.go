package build

import (
	"errors"
	"slices"
	"strconv"
	"strings"

	"github.com/peopleandcommunities/engage/assessment"
	"github.com/peopleandcommunities/engage/examples/internal/place"
	"github.com/peopleandcommunities/engage/indicator"
	"github.com/peopleandcommunities/engage/internal/field"
	"github.com/peopleandcommunities/engage/measure"
	"github.com/peopleandcommunities/engage/pam"
)

// observe records a value the report computed as an observation for the assessment, when the
// place's code is one the assessment reads (a GSS or ODS code) and the indicator is in the
// catalogue.
func (bd *builder) observe(o measure.Observation) {
	code, err := measure.ParseAreaCode(bd.b.Place.Code)
	if err != nil || (o.Indicator != "" && canonical(o.Indicator) == "") {
		return
	}
	o.Area, o.AreaName = code, bd.b.Place.Name
	if o.Source == "" {
		o.Source = "computed by engage from the place bundle"
	}
	bd.observed = append(bd.observed, o)
}

// slug makes an observation ID from parts: lower case, with anything but letters and digits
// turned into single hyphens.
func slug(parts ...string) string {
	var b strings.Builder
	hyphen := false
	for _, c := range strings.ToLower(strings.Join(parts, "-")) {
		if c >= 'a' && c <= 'z' || c >= '0' && c <= '9' {
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(c)
			hyphen = false
			continue
		}
		hyphen = true
	}
	return b.String()
}

// limits converts an interval for an observation, or nil when it does not contain the value.
func limits(v, lower, upper, level float64) *measure.Limits {
	if lower > v || v > upper {
		return nil
	}
	return &measure.Limits{Level: level, Lower: lower, Upper: upper}
}

// pamDate converts a response's date.
func pamDate(d pam.Date) (measure.Date, bool) {
	m, err := measure.NewDate(d.Year, d.Month, d.Day)
	return m, err == nil
}

// observeDataset records the place's value of a dataset in each period written as a
// financial year.
func (bd *builder) observeDataset(i int, d *indicator.Dataset, res []indicator.Result) {
	id := canonical(d.Indicator)
	if id == "" {
		return
	}
	for _, r := range res {
		p, ok := place.FinancialYear(r.Key.Period)
		if r.Err != nil || !ok {
			continue
		}
		iv, _ := r.Estimate.At(0.95)
		num, den := r.Numerator, r.Denominator
		bd.observe(measure.Observation{
			ID: slug("engage", string(id), r.Key.Period), Indicator: string(id), Period: p,
			Value: r.Estimate.Value, Limits: limits(r.Estimate.Value, iv.Lower, iv.Upper, 0.95),
			Numerator: &num, Denominator: &den,
			Method: measure.Method{Statistic: d.Statistic.String(), Interval: r.Estimate.Method.String(), Engage: true,
				Description: "the place's value, computed by engage from the rows of " + field.Pointer("indicators", i) + " of the place bundle"},
		})
	}
}

// assess judges the bundle's observations and evidence, with the values the report computed,
// principle by principle, and carries the scorecard into the report.
func (bd *builder) assess(r *Report) error {
	a, ok := bd.b.AssessmentPeriod()
	if !ok {
		return nil
	}
	in := assessment.Input{Title: bd.b.Place.Name, Period: a.Period, AsOf: a.AsOf}
	if code, err := measure.ParseAreaCode(bd.b.Place.Code); err == nil {
		in.Area = code
	}
	own := 0
	if bd.b.Observations != nil {
		in.Observations = append(in.Observations, bd.b.Observations.Observations...)
		own = len(in.Observations)
	}
	in.Observations = append(in.Observations, bd.observed...)
	if bd.b.Evidence != nil {
		in.Evidence = *bd.b.Evidence
	}
	sc, err := assessment.Assess(in)
	if err != nil {
		return relocate(err, own)
	}
	bd.apply(r, &sc)
	return nil
}

// relocate places the assessment's errors in the bundle: its observations are the bundle's
// observations document, then the report's own (which a problem should never reach).
func relocate(err error, own int) error {
	var l field.List
	var errs []error
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		errs = j.Unwrap()
	} else {
		errs = []error{err}
	}
	for _, e := range errs {
		var fe *field.Error
		if !errors.As(e, &fe) {
			l.AddError("", e)
			continue
		}
		path := fe.Path
		if rest, ok := strings.CutPrefix(path, "/observations/"); ok {
			n, tail, _ := strings.Cut(rest, "/")
			if i, err := strconv.Atoi(n); err == nil && i >= own {
				path = "(a value the report computed)/" + tail
			} else {
				path = "/observations" + path
			}
		}
		l.Add(path, fe.Err, fe.Detail)
	}
	return l.Err()
}

// apply carries the scorecard's statuses, rules, reasons, judgements and coverage into the
// report's principles and measures, and its checklist of key actions into the report.
func (bd *builder) apply(r *Report, sc *assessment.Scorecard) {
	for i := range r.Principles {
		p := &r.Principles[i]
		k := slices.IndexFunc(sc.Principles, func(x assessment.PrincipleResult) bool { return x.Principle == p.ID })
		if k < 0 {
			continue
		}
		pr := &sc.Principles[k]
		p.Status, p.StatusLabel, p.Rule, p.Reason = pr.Status.String(), pr.Status.Label(), pr.Rule, pr.Reason
		for j := range p.Measures {
			m := &p.Measures[j]
			n := slices.IndexFunc(pr.Measures, func(x assessment.MeasureResult) bool { return x.Measure == m.ID })
			if n < 0 {
				continue
			}
			mr := &pr.Measures[n]
			m.Status, m.StatusLabel, m.Reason = mr.Status.String(), mr.Status.Label(), mr.Reason
			for _, f := range mr.Findings {
				m.Judgements = append(m.Judgements, f.Text)
			}
			coverage := map[string]string{}
			for c, ids := range map[assessment.Coverage][]indicator.ID{
				assessment.Reported: mr.Reported, assessment.OutOfDate: mr.OutOfDate, assessment.Missing: mr.Missing} {
				for _, id := range ids {
					coverage[string(id)] = c.String()
				}
			}
			for x := range m.Indicators {
				ind := &m.Indicators[x]
				if c, ok := coverage[ind.ID]; ok {
					ind.Coverage = c
					ind.Reported = ind.Reported || c == assessment.Reported.String()
				}
			}
		}
	}
	as := &Assessment{Period: sc.Period.Label, Start: sc.Period.Start.String(), End: sc.Period.End.String(), AsOf: sc.AsOf.String(),
		Actions: []Action{}}
	if as.Period == "" {
		as.Period = day(sc.Period.Start) + " to " + day(sc.Period.End)
	}
	for _, a := range sc.Actions {
		act := Action{Number: a.Number, Title: a.Title, Status: a.Status.String(), StatusLabel: a.Status.Label(), Evidence: []string{}}
		act.Evidence = append(act.Evidence, a.EvidenceNames()...)
		as.Actions = append(as.Actions, act)
	}
	for _, e := range sc.Excluded {
		as.Excluded = append(as.Excluded, e.Text())
	}
	var parts []string
	for _, p := range r.Principles {
		if p.StatusLabel != "" {
			parts = append(parts, strconv.Itoa(p.Number)+" "+p.Name+": "+strings.ToLower(p.StatusLabel))
		}
	}
	as.Summary = "As of " + day(sc.AsOf) + ", for " + as.Period + ": " + strings.Join(parts, "; ") + ". " +
		strconv.Itoa(sc.Summary.Actions) + " of the statutory guidance's 10 key actions have current evidence."
	r.Assessment = as
}
