package principle_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/peopleandcommunities/engage/principle"
)

// The titles, numbers and order below are those of the seed document "Six principles for
// engaging people and communities: definitions, evaluation and measurement" (People and
// Communities Board), one principle a page, in the order the document presents them.
func TestPrincipleTitlesAndOrder(t *testing.T) {
	want := []struct {
		number int
		title  string
	}{
		{1, "Care and support is person-centred: personalised, coordinated, and empowering"},
		{2, "Services are created in partnership with citizens and communities"},
		{3, "Focus is on equality and narrowing inequalities"},
		{4, "Carers are identified, supported and involved"},
		{5, "Voluntary, community and social enterprise, and housing sectors are involved as key partners and enablers"},
		{6, "Volunteering and social action are recognised as key enablers"},
	}
	var got []struct {
		number int
		title  string
	}
	for p := range principle.All() {
		got = append(got, struct {
			number int
			title  string
		}{p.Number(), p.Title()})
		if p.Name() == "" || len(p.Summary()) < 100 {
			t.Errorf("%v: missing name or summary", p)
		}
	}
	if diff := cmp.Diff(want, got, cmp.AllowUnexported(struct {
		number int
		title  string
	}{})); diff != "" {
		t.Errorf("principles (-want +got):\n%s", diff)
	}
}

func TestParsePrinciple(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want principle.Principle
	}{
		{"person-centred-care", principle.PersonCentredCare},
		{"1", principle.PersonCentredCare},
		{"Principle 2", principle.ServicesInPartnership},
		{"P3", principle.EqualityAndInequalities},
		{"CARERS", principle.Carers},
		{" carers ", principle.Carers},
		{"Carers are identified, supported and involved", principle.Carers},
		{"VCSE_and_housing_partners", principle.VCSEAndHousing},
		{"Volunteering and social action", principle.VolunteeringAndSocialAction},
		{"volunteering–and–social–action", principle.VolunteeringAndSocialAction}, // en dashes
		{"Equality and inequalities", principle.EqualityAndInequalities},
		{"Services in partnership", principle.ServicesInPartnership},
	} {
		got, err := principle.ParsePrinciple(tc.in)
		if err != nil || got != tc.want {
			t.Errorf("ParsePrinciple(%q) = %v, %v; want %v", tc.in, got, err, tc.want)
		}
	}
	for _, bad := range []string{"", "0", "7", "principle", "p0", "carer s", "volunteering"} {
		_, err := principle.ParsePrinciple(bad)
		var pe *principle.ParseError
		if !errors.Is(err, principle.ErrUnknown) || !errors.As(err, &pe) || len(pe.Valid) != 6 {
			t.Errorf("ParsePrinciple(%q) error = %v; want a ParseError listing six slugs", bad, err)
		}
	}
}

func TestInvalidValuesNeverPanic(t *testing.T) {
	for _, tc := range []struct{ got, want string }{
		{principle.Principle(0).String(), "%!Principle(0)"},
		{principle.Principle(7).String(), "%!Principle(7)"},
		{principle.CommitmentKind(9).String(), "%!CommitmentKind(9)"},
		{principle.EmpowermentLevel(0).String(), "%!EmpowermentLevel(0)"},
		{principle.NarrativePrinciple(6).String(), "%!NarrativePrinciple(6)"},
		{principle.Approach(255).String(), "%!Approach(255)"},
		{principle.Body(3).String(), "%!Body(3)"},
		{principle.Duty(9).String(), "%!Duty(9)"},
		{principle.Action(11).String(), "%!Action(11)"},
		{principle.Principle(0).Title() + principle.Principle(7).Name() + principle.Principle(9).Summary(), ""},
		{principle.Duty(0).Citation() + principle.Duty(0).Title() + principle.Duty(0).Summary(), ""},
		{principle.Action(0).Title() + principle.Approach(0).Name() + principle.EmpowermentLevel(4).Name(), ""},
	} {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
	if principle.Principle(0).Number() != 0 || principle.Action(11).Number() != 0 {
		t.Error("Number of an invalid value is not 0")
	}
	if principle.Principle(0).Commitments() != nil || principle.Action(0).Points() != nil ||
		principle.Duty(0).Holders() != nil || principle.Approach(0).Principles() != nil {
		t.Error("slices of an invalid value are not nil")
	}
	for _, m := range []interface{ MarshalText() ([]byte, error) }{
		principle.Principle(0), principle.CommitmentKind(0), principle.EmpowermentLevel(0),
		principle.NarrativePrinciple(0), principle.Approach(0), principle.Body(0), principle.Duty(0), principle.Action(0),
	} {
		if _, err := m.MarshalText(); !errors.Is(err, principle.ErrUnknown) {
			t.Errorf("%T(0).MarshalText() error = %v; want ErrUnknown", m, err)
		}
	}
}

// enumCase checks one enumeration's text round trip: every value's slug parses back to it,
// and its JSON is the quoted slug.
type textRoundTripper interface {
	MarshalText() ([]byte, error)
	String() string
}

func checkRoundTrip[T textRoundTripper](t *testing.T, values []T, parse func(string) (T, error), newPtr func() interface {
	UnmarshalText([]byte) error
}) {
	t.Helper()
	for _, v := range values {
		b, err := v.MarshalText()
		if err != nil || string(b) != v.String() {
			t.Errorf("%v.MarshalText() = %q, %v", v, b, err)
		}
		got, err := parse(string(b))
		if err != nil || got.String() != v.String() {
			t.Errorf("parse(%q) = %v, %v", b, got, err)
		}
		u := newPtr()
		if err := u.UnmarshalText(b); err != nil {
			t.Errorf("UnmarshalText(%q): %v", b, err)
		}
		if err := newPtr().UnmarshalText([]byte("no-such-value")); !errors.Is(err, principle.ErrUnknown) {
			t.Errorf("UnmarshalText(no-such-value) error = %v", err)
		}
	}
}

func collect[T any](seq func(func(T) bool)) []T {
	var out []T
	seq(func(v T) bool { out = append(out, v); return true })
	return out
}

func TestTextRoundTrips(t *testing.T) {
	checkRoundTrip(t, collect(principle.All()), principle.ParsePrinciple, func() interface{ UnmarshalText([]byte) error } { return new(principle.Principle) })
	checkRoundTrip(t, []principle.CommitmentKind{principle.KeyIntervention, principle.Practice, principle.Dimension, principle.TargetGroup, principle.Definition},
		principle.ParseCommitmentKind, func() interface{ UnmarshalText([]byte) error } { return new(principle.CommitmentKind) })
	checkRoundTrip(t, collect(principle.EmpowermentLevels()), principle.ParseEmpowermentLevel, func() interface{ UnmarshalText([]byte) error } { return new(principle.EmpowermentLevel) })
	checkRoundTrip(t, collect(principle.NarrativePrinciples()), principle.ParseNarrativePrinciple, func() interface{ UnmarshalText([]byte) error } { return new(principle.NarrativePrinciple) })
	checkRoundTrip(t, collect(principle.Approaches()), principle.ParseApproach, func() interface{ UnmarshalText([]byte) error } { return new(principle.Approach) })
	checkRoundTrip(t, []principle.Body{principle.ClinicalCommissioningGroup, principle.NHSEngland}, principle.ParseBody, func() interface{ UnmarshalText([]byte) error } { return new(principle.Body) })
	checkRoundTrip(t, collect(principle.Duties()), principle.ParseDuty, func() interface{ UnmarshalText([]byte) error } { return new(principle.Duty) })
	checkRoundTrip(t, collect(principle.Actions()), principle.ParseAction, func() interface{ UnmarshalText([]byte) error } { return new(principle.Action) })
}

func TestJSON(t *testing.T) {
	type doc struct {
		Principle principle.Principle        `json:"principle"`
		Duties    []principle.Duty           `json:"duties"`
		Action    principle.Action           `json:"action"`
		Level     principle.EmpowermentLevel `json:"level"`
	}
	in := doc{principle.Carers, []principle.Duty{principle.Section14U, principle.StandingRulesPart8}, principle.AssureProviders, principle.SystemLevel}
	b, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	const want = `{"principle":"carers","duties":["nhs-act-2006-s14u","standing-rules-part-8"],"action":"assure-providers","level":"system"}`
	if string(b) != want {
		t.Errorf("json = %s\nwant   %s", b, want)
	}
	var out doc
	if err := json.Unmarshal([]byte(`{"principle":"4","duties":["14U","Part 8"],"action":"Action 6","level":"System level"}`), &out); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(in, out); diff != "" {
		t.Errorf("unmarshal (-want +got):\n%s", diff)
	}
	if err := json.Unmarshal([]byte(`{"principle":"seven"}`), &out); !errors.Is(err, principle.ErrUnknown) {
		t.Errorf("unmarshal of an unknown principle: %v", err)
	}
}

func TestParseAliases(t *testing.T) {
	// Each alias and the value the source documents give it.
	for _, tc := range []struct {
		got  func() (string, error)
		want string
	}{
		{func() (string, error) { d, err := principle.ParseDuty("section 14U"); return d.String(), err }, "nhs-act-2006-s14u"},
		{func() (string, error) { d, err := principle.ParseDuty("s13H"); return d.String(), err }, "nhs-act-2006-s13h"},
		{func() (string, error) { d, err := principle.ParseDuty("14v"); return d.String(), err }, "nhs-act-2006-s14v"},
		{func() (string, error) { d, err := principle.ParseDuty("Section 13I"); return d.String(), err }, "nhs-act-2006-s13i"},
		{func() (string, error) { d, err := principle.ParseDuty("S14P"); return d.String(), err }, "nhs-act-2006-s14p"},
		{func() (string, error) { d, err := principle.ParseDuty("Part 6A"); return d.String(), err }, "standing-rules-part-6a"},
		{func() (string, error) { d, err := principle.ParseDuty("PSED"); return d.String(), err }, "equality-act-2010-s149"},
		{func() (string, error) { a, err := principle.ParseAction("10"); return a.String(), err }, "advance-equality"},
		{func() (string, error) {
			a, err := principle.ParseAction("Commission for involvement")
			return a.String(), err
		}, "commission-for-involvement"},
		{func() (string, error) { a, err := principle.ParseAction("A6"); return a.String(), err }, "assure-providers"},
		{func() (string, error) { a, err := principle.ParseApproach("SDM"); return a.String(), err }, "shared-decision-making"},
		{func() (string, error) {
			a, err := principle.ParseApproach("Community referral")
			return a.String(), err
		}, "social-prescribing"},
		{func() (string, error) {
			a, err := principle.ParseApproach("Making health and social care accessible")
			return a.String(), err
		}, "accessible-information"},
		{func() (string, error) { b, err := principle.ParseBody("CCG"); return b.String(), err }, "clinical-commissioning-group"},
		{func() (string, error) {
			n, err := principle.ParseNarrativePrinciple("Co-production")
			return n.String(), err
		}, "co-production"},
		{func() (string, error) { l, err := principle.ParseEmpowermentLevel("1"); return l.String(), err }, "individual"},
	} {
		got, err := tc.got()
		if err != nil || got != tc.want {
			t.Errorf("got %q, %v; want %q", got, err, tc.want)
		}
	}
}

func TestReturnedSlicesAreCopies(t *testing.T) {
	c := principle.PersonCentredCare.Commitments()
	c[0].Name = "changed"
	if principle.PersonCentredCare.Commitments()[0].Name == "changed" {
		t.Error("Commitments shares its backing array")
	}
	pts := principle.AssureProviders.Points()
	pts[0] = "changed"
	if principle.AssureProviders.Points()[0] == "changed" {
		t.Error("Points shares its backing array")
	}
	d := principle.AdvanceEquality.Duties()
	d[0] = 0
	if principle.AdvanceEquality.Duties()[0] == 0 {
		t.Error("Duties shares its backing array")
	}
	h := principle.StandingRulesPart8.Holders()
	h[0] = 0
	if principle.StandingRulesPart8.Holders()[0] == 0 {
		t.Error("Holders shares its backing array")
	}
	ap := principle.SocialPrescribing.Principles()
	ap[0] = 0
	if principle.SocialPrescribing.Principles()[0] == 0 {
		t.Error("Approach.Principles shares its backing array")
	}
}

func TestLookupCommitment(t *testing.T) {
	c, err := principle.LookupCommitment("Shared Decision Making")
	if err != nil || c.ID != "shared-decision-making" || c.Principle != principle.PersonCentredCare || c.Kind != principle.KeyIntervention {
		t.Errorf("LookupCommitment = %+v, %v", c, err)
	}
	if got := c.String(); got != "shared-decision-making (Shared decision making)" {
		t.Errorf("String = %q", got)
	}
	_, err = principle.LookupCommitment("no-such-commitment")
	var pe *principle.ParseError
	if !errors.As(err, &pe) || !errors.Is(err, principle.ErrUnknown) || !strings.Contains(err.Error(), "peer-support") {
		t.Errorf("unknown commitment error = %v", err)
	}
}

func TestIteratorsStopEarly(t *testing.T) {
	n := 0
	for range principle.All() {
		n++
		break
	}
	for range principle.Commitments() {
		n++
		break
	}
	for range principle.Actions() {
		n++
		break
	}
	for range principle.Duties() {
		n++
		break
	}
	for range principle.Approaches() {
		n++
		break
	}
	for range principle.EmpowermentLevels() {
		n++
		break
	}
	for range principle.NarrativePrinciples() {
		n++
		break
	}
	for range principle.AgreedActions() {
		n++
		break
	}
	if n != 8 {
		t.Errorf("iterators yielded %d values before stopping; want 8", n)
	}
}
