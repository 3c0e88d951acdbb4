package measure_test

import (
	"bufio"
	"encoding/json"
	"errors"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/peopleandcommunities/engage/measure"
	"github.com/peopleandcommunities/engage/principle"
)

var slugPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// TestCountsPerPrinciple checks the number of measures of success under each principle
// against the seed "Six principles for engaging people and communities: definitions,
// evaluation and measurement", counted by hand in the "Measures of success" section of each
// principle.
func TestCountsPerPrinciple(t *testing.T) {
	want := map[principle.Principle]int{
		// "Care and support is person-centred …", Measures of success: eight bullets (the
		// fourth, "People's experiences of:", with four sub-items).
		principle.PersonCentredCare: 8,
		// "Services are created in partnership …", Measures of success: six bullets plus two
		// un-bulleted lists, "People's experiences of:" (the measure of principle 1 again) and
		// "People report Being:" (four sub-items): eight.
		principle.ServicesInPartnership: 8,
		// "Focus is on equality and narrowing inequalities", Measures of success: three bullets.
		principle.EqualityAndInequalities: 3,
		// "Carers are identified, supported and involved", Measures of success: two bullets.
		principle.Carers: 2,
		// "Voluntary, community and social enterprise, and housing sectors …", Measures of
		// success: two bullets.
		principle.VCSEAndHousing: 2,
		// "Volunteering and social action are recognised as key enablers", Measures of success:
		// twelve bullets, the eighth holding two sentences that measure different things
		// ("People feel part of their community …" and "Local health and care service
		// policies and practices are more transparent …"), counted as two: thirteen.
		principle.VolunteeringAndSocialAction: 13,
	}
	total := 0
	for p := range principle.All() {
		n := 0
		for m := range measure.ForPrinciple(p) {
			n++
			if !slices.Contains(m.Principles, p) {
				t.Errorf("%s is yielded for %v but does not list it", m.ID, p)
			}
		}
		if n != want[p] {
			t.Errorf("%v: %d measures, seed lists %d", p, n, want[p])
		}
		total += n
	}
	// One measure, people's experiences, is listed under principles 1 and 2.
	all := collect(measure.All())
	if len(all) != total-1 {
		t.Errorf("%d distinct measures; want %d listings less the one repeated", len(all), total)
	}
	shared, _ := measure.Lookup("experience-of-care")
	if diff := cmp.Diff([]principle.Principle{principle.PersonCentredCare, principle.ServicesInPartnership}, shared.Principles); diff != "" {
		t.Errorf("experience-of-care principles (-want +got):\n%s", diff)
	}
}

// TestParts checks the parts the seed spells out, counted by hand.
func TestParts(t *testing.T) {
	for _, tc := range []struct {
		id   measure.ID
		want []string
	}{
		// Principle 1, "People's experiences of:" — four sub-items.
		{"experience-of-care", []string{"Involvement in decisions", "Control and independence", "Wellbeing and confidence to manage", "Feeling supported"}},
		// Principle 2, "People report Being:" — four sub-items.
		{"feedback-loop", []string{"Asked for feedback about experience of care", "Listened to", "Involved in how insight is used", "Informed about how feedback has informed and influenced care models"}},
		// Principle 4, "Carers' quality of life: experience of recognition, support, health
		// and wellbeing, involvement, and their ability to perform their caring role" — five.
		{"carers-quality-of-life", []string{"Recognition", "Support", "Health and wellbeing", "Involvement", "Ability to perform their caring role"}},
		// Principle 3, "Narrowing the gap on measures of access, outcomes, and experience".
		{"narrowing-the-gap", []string{"Access", "Outcomes", "Experience"}},
	} {
		m, err := measure.Lookup(tc.id)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, p := range m.Parts {
			got = append(got, p.Name)
		}
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("%s parts (-want +got):\n%s", tc.id, diff)
		}
	}
}

func TestEveryMeasureIsWellFormed(t *testing.T) {
	seen := map[measure.ID]bool{}
	for m := range measure.All() {
		if !slugPattern.MatchString(string(m.ID)) || len(m.ID) > 80 {
			t.Errorf("%q is not slug-shaped", m.ID)
		}
		if seen[m.ID] {
			t.Errorf("%s appears twice", m.ID)
		}
		seen[m.ID] = true
		if m.Name == "" || !m.Kind.Valid() || !m.Polarity.Valid() || len(m.Principles) == 0 {
			t.Errorf("%s is incomplete: %+v", m.ID, m)
		}
		if !slices.IsSorted(m.Principles) {
			t.Errorf("%s lists principles out of order", m.ID)
		}
		parts := map[string]bool{}
		for _, p := range m.Parts {
			if !slugPattern.MatchString(p.ID) || p.Name == "" || parts[p.ID] {
				t.Errorf("%s has a malformed or repeated part %q", m.ID, p.ID)
			}
			parts[p.ID] = true
		}
		if len(m.Parts) == 1 {
			t.Errorf("%s has a single part", m.ID)
		}
	}
}

// TestPolarity: every measure of success is an improvement when it rises, except the gap
// between groups, which the framework asks to narrow.
func TestPolarity(t *testing.T) {
	for m := range measure.All() {
		want := measure.HigherIsBetter
		if m.Kind == measure.Inequality {
			want = measure.LowerIsBetter
		}
		if m.Polarity != want {
			t.Errorf("%s: polarity %v, want %v", m.ID, m.Polarity, want)
		}
	}
}

func TestLookup(t *testing.T) {
	for _, tc := range []struct {
		in   measure.ID
		want measure.ID
	}{
		{"carers-quality-of-life", "carers-quality-of-life"},
		{"Carers Quality of Life", "carers-quality-of-life"},
		{"carers_quality_of_life", "carers-quality-of-life"},
		{"“narrowing–the–gap”", "narrowing-the-gap"},
		{"patient activation", "health-activation"},
	} {
		m, err := measure.Lookup(tc.in)
		if err != nil || m.ID != tc.want {
			t.Errorf("Lookup(%q) = %s, %v; want %s", tc.in, m.ID, err, tc.want)
		}
		id, err := measure.ParseID(string(tc.in))
		if err != nil || id != tc.want {
			t.Errorf("ParseID(%q) = %s, %v; want %s", tc.in, id, err, tc.want)
		}
	}
	_, err := measure.Lookup("no-such-measure")
	var pe *principle.ParseError
	if !errors.Is(err, measure.ErrUnknownMeasure) || !errors.Is(err, principle.ErrUnknown) || !errors.As(err, &pe) {
		t.Fatalf("Lookup(unknown) error = %v", err)
	}
	if len(pe.Valid) != len(collect(measure.All())) {
		t.Errorf("error lists %d IDs", len(pe.Valid))
	}
	if n := len(collect(measure.ForPrinciple(0))); n != 0 {
		t.Errorf("ForPrinciple(0) yielded %d measures", n)
	}
}

func TestCopies(t *testing.T) {
	m, _ := measure.Lookup("experience-of-care")
	m.Principles[0] = principle.Carers
	m.Parts[0].Name = "changed"
	again, _ := measure.Lookup("experience-of-care")
	if again.Principles[0] != principle.PersonCentredCare || again.Parts[0].Name == "changed" {
		t.Error("Lookup returns shared slices")
	}
}

func TestJSONRoundTrip(t *testing.T) {
	for m := range measure.All() {
		b, err := json.Marshal(m)
		if err != nil {
			t.Fatalf("%s: %v", m.ID, err)
		}
		var back measure.Measure
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatalf("%s: %v", m.ID, err)
		}
		if diff := cmp.Diff(m, back); diff != "" {
			t.Errorf("%s round trip (-want +got):\n%s", m.ID, diff)
		}
	}
	m, _ := measure.Lookup("narrowing-the-gap")
	b, _ := json.Marshal(m)
	const want = `{"id":"narrowing-the-gap","name":"Narrowing the gap on measures of access, outcomes, and experience","kind":"inequality","polarity":"lower-is-better","principles":["equality-and-inequalities"],"parts":[{"id":"access","name":"Access"},{"id":"outcomes","name":"Outcomes"},{"id":"experience","name":"Experience"}]}`
	if string(b) != want {
		t.Errorf("json:\n%s\nwant\n%s", b, want)
	}
	var id measure.ID
	if err := json.Unmarshal([]byte(`"Narrowing the gap"`), &id); err != nil || id != "narrowing-the-gap" {
		t.Errorf("unmarshal forgiving ID = %q, %v", id, err)
	}
	if err := json.Unmarshal([]byte(`"not-a-measure"`), &id); !errors.Is(err, measure.ErrUnknownMeasure) {
		t.Errorf("unmarshal unknown ID error = %v", err)
	}
	if _, err := json.Marshal(measure.ID("not-a-measure")); !errors.Is(err, measure.ErrUnknownMeasure) {
		t.Errorf("marshal unknown ID error = %v", err)
	}
}

func TestKindAndPolarityText(t *testing.T) {
	for k := measure.Kind(1); k.Valid(); k++ {
		b, err := k.MarshalText()
		if err != nil {
			t.Fatal(err)
		}
		var back measure.Kind
		if err := back.UnmarshalText(b); err != nil || back != k {
			t.Errorf("kind %v round trip = %v, %v", k, back, err)
		}
	}
	if got := measure.Kind(0).String(); got != "%!Kind(0)" {
		t.Errorf("Kind(0) = %q", got)
	}
	if got := measure.Kind(13).String(); got != "%!Kind(13)" {
		t.Errorf("Kind(13) = %q", got)
	}
	if _, err := measure.Kind(0).MarshalText(); !errors.Is(err, principle.ErrUnknown) {
		t.Errorf("Kind(0).MarshalText error = %v", err)
	}
	if k, err := measure.ParseKind(" Relationship "); err != nil || k != measure.Relationship {
		t.Errorf("ParseKind = %v, %v", k, err)
	}
	if p, err := measure.ParsePolarity("Low is good"); err != nil || p != measure.LowerIsBetter {
		t.Errorf("ParsePolarity = %v, %v", p, err)
	}
}

func collect[T any](seq func(func(T) bool)) []T {
	var out []T
	seq(func(v T) bool { out = append(out, v); return true })
	return out
}

// TestReleasedIDs compares the measure IDs with testdata/ids.txt, the record of every ID
// ever released ("kind id" a line, optionally followed by "retired"). A released ID never
// changes or disappears (it may only be retired, and a retired ID is never reused); a new ID
// is added to the file in the same change. Kinds and polarities are enumerations: the order
// of their lines pins their values.
func TestReleasedIDs(t *testing.T) {
	f, err := os.Open("testdata/ids.txt")
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
	current := map[string][]string{}
	for m := range measure.All() {
		current["measure"] = append(current["measure"], string(m.ID))
		for _, p := range m.Parts {
			current["part"] = append(current["part"], string(m.ID)+"/"+p.ID)
		}
	}
	for k := measure.Kind(1); k.Valid(); k++ {
		current["kind"] = append(current["kind"], k.String())
	}
	for p := measure.Polarity(1); p.Valid(); p++ {
		current["polarity"] = append(current["polarity"], p.String())
	}
	for kind, ids := range current {
		for _, id := range ids {
			if !slices.Contains(released[kind], id) {
				t.Errorf("%s %q is not recorded in testdata/ids.txt", kind, id)
			}
			if retired[kind+" "+id] {
				t.Errorf("%s %q was retired and may not be reused", kind, id)
			}
		}
	}
	for _, kind := range []string{"kind", "polarity"} {
		rel := released[kind]
		if !slices.Equal(rel, current[kind][:min(len(rel), len(current[kind]))]) {
			t.Errorf("%s values out of released order:\nreleased %v\ncurrent  %v", kind, rel, current[kind])
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
