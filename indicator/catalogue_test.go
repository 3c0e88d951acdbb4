package indicator_test

import (
	"bufio"
	"errors"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/peopleandcommunities/engage/indicator"
	"github.com/peopleandcommunities/engage/measure"
	"github.com/peopleandcommunities/engage/principle"
)

var catSlug = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

func catCollect[T any](seq func(func(T) bool)) []T {
	var out []T
	seq(func(v T) bool { out = append(out, v); return true })
	return out
}

// TestCatalogueCountsPerPrinciple checks the number of indicators listed under each
// principle, by tier, against the seed "Six principles for engaging people and communities:
// definitions, evaluation and measurement", counted by hand in the section named beside
// each row; and the statutory guidance's items against its own section.
func TestCatalogueCountsPerPrinciple(t *testing.T) {
	type key struct {
		p    principle.Principle
		tier indicator.Tier
	}
	want := map[key]int{
		// "Care and support is person-centred …", "Indicators and evidence / Existing
		// indicators": seven bullets.
		{principle.PersonCentredCare, indicator.TierExisting}: 7,
		// Same principle, "Indicators and evidence / Additional indicators": six bullets.
		{principle.PersonCentredCare, indicator.TierAdditional}: 6,
		// "Services are created in partnership …", "Indicators and evidence": nine bullets.
		{principle.ServicesInPartnership, indicator.TierUntiered}: 9,
		// "Focus is on equality and narrowing inequalities", "Indicators and evidence": six.
		{principle.EqualityAndInequalities, indicator.TierUntiered}: 6,
		// "Carers are identified, supported and involved", "Existing indicators": five.
		{principle.Carers, indicator.TierExisting}: 5,
		// Same principle, "Additional indicators": three.
		{principle.Carers, indicator.TierAdditional}: 3,
		// "Voluntary, community and social enterprise, and housing sectors …", "Indicators and
		// evidence": seven bullets.
		{principle.VCSEAndHousing, indicator.TierUntiered}: 7,
		// "Volunteering and social action are recognised as key enablers", "Indicators and
		// evidence": seven bullets.
		{principle.VolunteeringAndSocialAction, indicator.TierUntiered}: 7,
		// Statutory guidance "Involving people in their own health and care", "Measurement and
		// assurance": six bullets naming personal health budget trajectories; the IAF
		// indicators on people with long term conditions feeling supported and on personal
		// health budgets per 100,000 population; CQUIN 11 and the CQUIN Specialised Scheme's
		// patient activation; CQC regulation 9; national surveys (the GP Patient Survey and
		// the inpatient survey, both existing indicators of principle 1); and CQC inspection
		// of the Accessible Information Standard: seven new items, all serving principle 1,
		// the last also principle 3.
		{principle.PersonCentredCare, indicator.TierAssurance}:       7,
		{principle.EqualityAndInequalities, indicator.TierAssurance}: 1,
	}
	got := map[key]int{}
	for p := range principle.All() {
		n := 0
		for ind := range indicator.ForPrinciple(p) {
			got[key{p, ind.Tier}]++
			n++
			if !slices.Contains(ind.Principles, p) {
				t.Errorf("%s is yielded for %v but does not list it", ind.ID, p)
			}
		}
		if n == 0 {
			t.Errorf("%v has no indicators", p)
		}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("indicators per principle and tier (-seed +catalogue):\n%s", diff)
	}
	// Statutory items: the seven new ones and the two national surveys.
	var statutory []indicator.ID
	for ind := range indicator.All() {
		if ind.Statutory {
			statutory = append(statutory, ind.ID)
		}
		if (ind.Tier == indicator.TierAssurance) && !ind.Statutory {
			t.Errorf("%s is in the assurance tier but not marked statutory", ind.ID)
		}
	}
	if len(statutory) != 9 || !slices.Contains(statutory, "gp-patient-survey") || !slices.Contains(statutory, "national-patient-surveys") {
		t.Errorf("statutory indicators = %v", statutory)
	}
}

// TestCatalogueSharedIndicators checks that indicators the seed lists under several
// principles are single indicators linked to each (seed sections in brackets).
func TestCatalogueSharedIndicators(t *testing.T) {
	P := func(ps ...principle.Principle) []principle.Principle { return ps }
	for _, tc := range []struct {
		id   indicator.ID
		want []principle.Principle
	}{
		// Principle 1 existing "Patient survey results for each GP practice from the General
		// Practice Patient Survey"; principle 4 existing "GP Patient Survey".
		{"gp-patient-survey", P(principle.PersonCentredCare, principle.Carers)},
		// Principle 1 existing "National patient surveys for the CQC"; principle 4 existing
		// "Patient survey results for local NHS trusts under the national surveys programme".
		{"national-patient-surveys", P(principle.PersonCentredCare, principle.Carers)},
		// Principle 1 existing "Health Survey for England"; principle 4 existing "Health
		// Survey of England".
		{"health-survey-for-england", P(principle.PersonCentredCare, principle.Carers)},
		// Principle 1 additional "National Voices five narratives – 'I statements'";
		// principle 4 additional, the same "relating to carers".
		{"national-voices-i-statements", P(principle.PersonCentredCare, principle.Carers)},
		// Principles 2 and 5: asset-based community development, the Social Value Act audit
		// trail, partnership agreements with voluntary sector bodies and Healthwatch.
		{"asset-based-community-development", P(principle.ServicesInPartnership, principle.VCSEAndHousing)},
		{"social-value-act-audit-trail", P(principle.ServicesInPartnership, principle.VCSEAndHousing)},
		{"vcse-and-healthwatch-partnership-agreements", P(principle.ServicesInPartnership, principle.VCSEAndHousing)},
		// Principle 5 "Social value indicators such as Social Return on Investment";
		// principle 6 "Social value indicators for those investments e.g. Social Return on
		// Investment".
		{"social-return-on-investment", P(principle.VCSEAndHousing, principle.VolunteeringAndSocialAction)},
	} {
		ind, err := indicator.Lookup(tc.id)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(tc.want, ind.Principles); diff != "" {
			t.Errorf("%s principles (-want +got):\n%s", tc.id, diff)
		}
	}
	names := map[string]indicator.ID{}
	for ind := range indicator.All() {
		if prev, dup := names[strings.ToLower(ind.Name)]; dup {
			t.Errorf("%s and %s have the same name", prev, ind.ID)
		}
		names[strings.ToLower(ind.Name)] = ind.ID
	}
}

// TestCatalogueLinksResolve checks every link of every indicator, and that the catalogue
// covers the framework: every principle has measures and indicators, every measure is
// evidenced by at least one indicator, and every principle an indicator serves has at least
// one of the indicator's measures.
func TestCatalogueLinksResolve(t *testing.T) {
	evidenced := map[measure.ID]bool{}
	for ind := range indicator.All() {
		if ind.Name == "" || !ind.Tier.Valid() || !ind.Evidence.Valid() || !ind.Computation.Valid() ||
			!ind.Source.Publisher.Valid() || !ind.Source.Geography.Valid() {
			t.Errorf("%s is incomplete: %+v", ind.ID, ind)
		}
		if len(ind.Measures) == 0 || len(ind.Principles) == 0 {
			t.Errorf("%s has no measures or no principles", ind.ID)
		}
		if !catIncreasing(ind.Principles) || !catIncreasing(ind.Actions) {
			t.Errorf("%s lists principles or actions out of order or twice", ind.ID)
		}
		covered := map[principle.Principle]bool{}
		seen := map[measure.ID]bool{}
		for _, id := range ind.Measures {
			m, err := measure.Lookup(id)
			if err != nil || m.ID != id {
				t.Errorf("%s links measure %q, which does not resolve: %v", ind.ID, id, err)
				continue
			}
			if seen[id] {
				t.Errorf("%s links measure %s twice", ind.ID, id)
			}
			seen[id] = true
			evidenced[id] = true
			for _, p := range m.Principles {
				covered[p] = true
			}
		}
		for _, p := range ind.Principles {
			if !p.Valid() {
				t.Errorf("%s links invalid principle %d", ind.ID, p)
			}
			if !covered[p] {
				t.Errorf("%s serves %v but evidences none of its measures", ind.ID, p)
			}
		}
		for _, a := range ind.Actions {
			if !a.Valid() {
				t.Errorf("%s links invalid action %d", ind.ID, a)
			}
		}
		if ind.Statutory && len(ind.Actions) == 0 {
			t.Errorf("statutory indicator %s names no key action", ind.ID)
		}
		if c := ind.Computation; (c == indicator.ComputationNone) != (c.Package() == "") {
			t.Errorf("%s: computation %v has package %q", ind.ID, c, c.Package())
		}
	}
	for m := range measure.All() {
		if !evidenced[m.ID] {
			t.Errorf("no indicator evidences measure %s", m.ID)
		}
		if n := len(catCollect(indicator.ForMeasure(m.ID))); n == 0 {
			t.Errorf("ForMeasure(%s) yields nothing", m.ID)
		}
	}
	for p := range principle.All() {
		if len(catCollect(measure.ForPrinciple(p))) == 0 || len(catCollect(indicator.ForPrinciple(p))) == 0 {
			t.Errorf("%v lacks measures or indicators", p)
		}
	}
}

// TestCatalogueComputations checks the indicators that other engage packages compute, as
// issue and seed name them: PAM by pam, Social Return on Investment by sroi, the diversity of
// participants against the community by equality, rates per 100,000 by indicator.
func TestCatalogueComputations(t *testing.T) {
	for _, tc := range []struct {
		id   indicator.ID
		want indicator.Computation
		pkg  string
	}{
		{"patient-activation-measure", indicator.ComputationPAM, "github.com/peopleandcommunities/engage/pam"},
		{"cquin-specialised-patient-activation", indicator.ComputationPAM, "github.com/peopleandcommunities/engage/pam"},
		{"social-return-on-investment", indicator.ComputationSROI, "github.com/peopleandcommunities/engage/sroi"},
		{"participant-diversity", indicator.ComputationEquality, "github.com/peopleandcommunities/engage/equality"},
		{"personal-health-budgets-per-100000", indicator.ComputationRate, "github.com/peopleandcommunities/engage/indicator"},
		{"gp-patient-survey", indicator.ComputationProportion, "github.com/peopleandcommunities/engage/indicator"},
		{"engagement-audit-trail", indicator.ComputationNone, ""},
	} {
		ind, err := indicator.Lookup(tc.id)
		if err != nil {
			t.Fatal(err)
		}
		if ind.Computation != tc.want || ind.Computation.Package() != tc.pkg {
			t.Errorf("%s: computation %v (%q), want %v (%q)", tc.id, ind.Computation, ind.Computation.Package(), tc.want, tc.pkg)
		}
	}
}

func TestCatalogueLookup(t *testing.T) {
	for _, tc := range []struct {
		in   indicator.ID
		want indicator.ID
	}{
		{"gp-patient-survey", "gp-patient-survey"},
		{"GP Patient Survey", "gp-patient-survey"},
		{"GPPS", "gp-patient-survey"},
		{"pam", "patient-activation-measure"},
		{"SROI", "social-return-on-investment"},
		{"Health Survey of England", "health-survey-for-england"},
		{"cqc_regulation_9", "cqc-regulation-9"},
		{"‘i statements’", "national-voices-i-statements"},
	} {
		ind, err := indicator.Lookup(tc.in)
		if err != nil || ind.ID != tc.want {
			t.Errorf("Lookup(%q) = %s, %v; want %s", tc.in, ind.ID, err, tc.want)
		}
	}
	_, err := indicator.Lookup("no-such-indicator")
	var pe *principle.ParseError
	if !errors.Is(err, indicator.ErrUnknownIndicator) || !errors.Is(err, principle.ErrUnknown) || !errors.As(err, &pe) ||
		len(pe.Valid) != len(catCollect(indicator.All())) {
		t.Errorf("Lookup(unknown) error = %v", err)
	}
	if n := len(catCollect(indicator.ForPrinciple(0))) + len(catCollect(indicator.ForMeasure("no-such-measure"))); n != 0 {
		t.Errorf("invalid filters yielded %d indicators", n)
	}
	got := catCollect(indicator.ForMeasure("Health activation"))
	var ids []indicator.ID
	for _, ind := range got {
		ids = append(ids, ind.ID)
	}
	if diff := cmp.Diff([]indicator.ID{"patient-activation-measure", "cquin-specialised-patient-activation"}, ids); diff != "" {
		t.Errorf("ForMeasure(health activation) (-want +got):\n%s", diff)
	}
}

func TestCatalogueCopies(t *testing.T) {
	ind, _ := indicator.Lookup("gp-patient-survey")
	ind.Measures[0] = "changed"
	ind.Principles[0] = principle.Carers
	ind.Actions[0] = principle.AdvanceEquality
	again, _ := indicator.Lookup("gp-patient-survey")
	if again.Measures[0] == "changed" || again.Principles[0] != principle.PersonCentredCare || again.Actions[0] != principle.SupportPatients {
		t.Error("Lookup returns shared slices")
	}
}

func TestCatalogueEnumerations(t *testing.T) {
	type textValue interface {
		MarshalText() ([]byte, error)
		String() string
	}
	check := func(name string, n int, at func(int) textValue, parse func(string) (string, error)) {
		t.Helper()
		for i := 1; i <= n; i++ {
			v := at(i)
			b, err := v.MarshalText()
			if err != nil || string(b) != v.String() || !catSlug.Match(b) {
				t.Errorf("%s(%d).MarshalText() = %q, %v", name, i, b, err)
			}
			if got, err := parse(string(b)); err != nil || got != v.String() {
				t.Errorf("parse %s %q = %q, %v", name, b, got, err)
			}
		}
		for _, bad := range []int{0, n + 1, 255} {
			v := at(bad)
			if want := "%!" + name + "(" + catItoa(bad) + ")"; v.String() != want {
				t.Errorf("%s(%d).String() = %q, want %q", name, bad, v.String(), want)
			}
			if _, err := v.MarshalText(); !errors.Is(err, principle.ErrUnknown) {
				t.Errorf("%s(%d).MarshalText() error = %v", name, bad, err)
			}
		}
		if _, err := parse("no such value"); !errors.Is(err, principle.ErrUnknown) {
			t.Errorf("parse %s error = %v", name, err)
		}
	}
	check("Tier", 4, func(i int) textValue { return indicator.Tier(i) },
		func(s string) (string, error) { v, err := indicator.ParseTier(s); return v.String(), err })
	check("EvidenceKind", 13, func(i int) textValue { return indicator.EvidenceKind(i) },
		func(s string) (string, error) { v, err := indicator.ParseEvidenceKind(s); return v.String(), err })
	check("Geography", 7, func(i int) textValue { return indicator.Geography(i) },
		func(s string) (string, error) { v, err := indicator.ParseGeography(s); return v.String(), err })
	check("Computation", 6, func(i int) textValue { return indicator.Computation(i) },
		func(s string) (string, error) { v, err := indicator.ParseComputation(s); return v.String(), err })
	check("Publisher", 3, func(i int) textValue { return indicator.Publisher(i) },
		func(s string) (string, error) {
			var p indicator.Publisher
			err := p.UnmarshalText([]byte(s))
			return p.String(), err
		})
	for _, tc := range []struct{ got, want string }{
		{catMust(indicator.ParseGeography("CCG")), "commissioner"},
		{catMust(indicator.ParseGeography("GP practice")), "practice"},
		{catMust(indicator.ParseTier("Additional indicators")), "additional"},
		{catMust(indicator.ParseComputation("Social Return on Investment")), "sroi"},
		{catMust(indicator.ParseEvidenceKind("Audit Trail")), "audit-trail"},
		{indicator.PublisherCQC.Name(), "Care Quality Commission"},
		{indicator.Publisher(0).Name() + indicator.Computation(0).Package() + indicator.Computation(9).Description(), ""},
	} {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
}

func catIncreasing[T ~uint8](s []T) bool {
	for i := 1; i < len(s); i++ {
		if s[i] <= s[i-1] {
			return false
		}
	}
	return true
}

func catMust[T interface{ String() string }](v T, err error) string {
	if err != nil {
		return err.Error()
	}
	return v.String()
}

func catItoa(i int) string {
	if i == 0 {
		return "0"
	}
	s := ""
	for ; i > 0; i /= 10 {
		s = string(rune('0'+i%10)) + s
	}
	return s
}

// TestCatalogueReleasedIDs compares the indicator IDs and enumeration slugs with
// testdata/catalogue-ids.txt, the record of every identifier ever released ("kind id" a
// line, optionally followed by "retired"). A released identifier never changes or
// disappears (it may only be retired, and a retired one is never reused); a new one is
// added to the file in the same change. For enumerations the order of the lines pins the
// values.
func TestCatalogueReleasedIDs(t *testing.T) {
	f, err := os.Open("testdata/catalogue-ids.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	released := map[string][]string{}
	retired := map[string]bool{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fs := strings.Fields(line)
		if len(fs) < 2 || len(fs) > 3 || (len(fs) == 3 && fs[2] != "retired") {
			t.Fatalf("malformed line %q", line)
		}
		released[fs[0]] = append(released[fs[0]], fs[1])
		if len(fs) == 3 {
			retired[fs[0]+" "+fs[1]] = true
		}
	}
	current := catCurrentIDs()
	seen := map[string]bool{}
	for _, id := range current["indicator"] {
		if !catSlug.MatchString(id) || len(id) > 80 {
			t.Errorf("indicator %q is not slug-shaped", id)
		}
		if seen[id] {
			t.Errorf("indicator %q is used twice", id)
		}
		seen[id] = true
	}
	for kind, ids := range current {
		for _, id := range ids {
			if !slices.Contains(released[kind], id) {
				t.Errorf("%s %q is not recorded in testdata/catalogue-ids.txt", kind, id)
			}
			if retired[kind+" "+id] {
				t.Errorf("%s %q was retired and may not be reused", kind, id)
			}
		}
		if kind != "indicator" {
			rel := released[kind]
			if !slices.Equal(rel, ids[:min(len(rel), len(ids))]) {
				t.Errorf("%s values out of released order:\nreleased %v\ncurrent  %v", kind, rel, ids)
			}
		}
	}
	for kind, rel := range released {
		for _, id := range rel {
			if !retired[kind+" "+id] && !slices.Contains(current[kind], id) {
				t.Errorf("released %s %q has disappeared", kind, id)
			}
		}
	}
}

func catCurrentIDs() map[string][]string {
	ids := map[string][]string{}
	for ind := range indicator.All() {
		ids["indicator"] = append(ids["indicator"], string(ind.ID))
	}
	for v := indicator.Tier(1); v.Valid(); v++ {
		ids["tier"] = append(ids["tier"], v.String())
	}
	for v := indicator.EvidenceKind(1); v.Valid(); v++ {
		ids["evidence-kind"] = append(ids["evidence-kind"], v.String())
	}
	for v := indicator.Publisher(1); v.Valid(); v++ {
		ids["publisher"] = append(ids["publisher"], v.String())
	}
	for v := indicator.Geography(1); v.Valid(); v++ {
		ids["geography"] = append(ids["geography"], v.String())
	}
	for v := indicator.Computation(1); v.Valid(); v++ {
		ids["computation"] = append(ids["computation"], v.String())
	}
	return ids
}
