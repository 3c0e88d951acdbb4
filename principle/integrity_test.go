package principle_test

import (
	"bufio"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/peopleandcommunities/engage/principle"
)

// slugPattern is the shape of every identifier: the "slug" of schemas/common.json.
var slugPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// TestCommitmentCounts checks the number of commitments of each kind against the seed
// document "Six principles for engaging people and communities: definitions, evaluation and
// measurement", counted by hand from the section named beside each row.
func TestCommitmentCounts(t *testing.T) {
	type key struct {
		p principle.Principle
		k principle.CommitmentKind
	}
	want := map[key]int{
		// Principle 1, "We recognise the following as key interventions for high quality care
		// and support, especially for those with long term conditions:" — nine bullets.
		{principle.PersonCentredCare, principle.KeyIntervention}: 9,
		// Principle 2, "This means we:" — seven bullets.
		{principle.ServicesInPartnership, principle.Practice}: 7,
		// Principle 3, "We tackle the 'social gradient' in health by identifying, reaching out
		// to, and involving different groups in order to improve:" — four bullets.
		{principle.EqualityAndInequalities, principle.Dimension}: 4,
		// Principle 3, "This includes:" — three bullets.
		{principle.EqualityAndInequalities, principle.TargetGroup}: 3,
		// Principle 4, "We therefore:" — six bullets.
		{principle.Carers, principle.Practice}: 6,
		// Principle 5, "We work strategically and in partnership with the voluntary, community
		// and social enterprise sector …" — three bullets.
		{principle.VCSEAndHousing, principle.Practice}: 3,
		// Principle 6, "We recognise the value of volunteering and social action understood
		// as:" — two bullets.
		{principle.VolunteeringAndSocialAction, principle.Definition}: 2,
		// Principle 6, "We ensure that:" — two bullets.
		{principle.VolunteeringAndSocialAction, principle.Practice}: 2,
	}
	got := map[key]int{}
	for c := range principle.Commitments() {
		got[key{c.Principle, c.Kind}]++
	}
	for k, n := range want {
		if got[k] != n {
			t.Errorf("principle %d, %v: %d commitments, seed lists %d", k.p, k.k, got[k], n)
		}
	}
	for k, n := range got {
		if _, ok := want[k]; !ok {
			t.Errorf("principle %d has %d commitments of kind %v the seed does not list", k.p, n, k.k)
		}
	}
	for p := range principle.All() {
		if len(p.Commitments()) == 0 {
			t.Errorf("%v has no commitments", p)
		}
	}
}

// TestGuidanceCounts checks the statutory guidance "Involving people in their own health and
// care: statutory guidance for clinical commissioning groups and NHS England" (seed 004).
func TestGuidanceCounts(t *testing.T) {
	count := func(n int, what string, want int) {
		t.Helper()
		if n != want {
			t.Errorf("%s: %d, want %d", what, n, want)
		}
	}
	// "Ways of involving people in their own health and care": six headed subsections.
	count(len(collect(principle.Approaches())), "ways of involving people", 6)
	// "It is a legal duty" and Appendix A: sections 14U, 13H, 14V, 13I, 14P; Standing Rules
	// Parts 6A and 8; and, from key action 10, the public sector equality duty.
	count(len(collect(principle.Duties())), "legal duties", 8)
	// "What should CCGs and NHS England do in practice?": ten numbered actions.
	count(len(collect(principle.Actions())), "key actions", 10)
	// Points per action. Actions 1–6 and 8 have bullets, counted by hand; actions 7, 9 and
	// 10 are written as paragraphs, restated here as one point per resource (7: four
	// resources), per requirement (9: skills, roles to train, investment in training) and
	// per paragraph (10: six paragraphs of requirements).
	points := map[principle.Action]int{
		principle.SupportPatients:              5, // "1. Support patients, carers and representatives"
		principle.PromotePersonalHealthBudgets: 2, // "2. Publicise and promote personal health budgets"
		principle.PromoteChoice:                2, // "3. Publicise and promote the choices available to patients"
		principle.CommissionForInvolvement:     4, // "4. Commission for involvement"
		principle.PromoteInvolvement:           3, // "5. Promote and publicise the involvement of individuals"
		principle.AssureProviders:              9, // "6. Assure themselves that providers …": nine questions
		principle.UseTools:                     4, // "7. Use and promote tools and resources"
		principle.AssureCommissioning:          4, // "8. Assure themselves that they are commissioning …"
		principle.WorkforceStrategy:            3, // "9. Implement a workforce strategy …"
		principle.AdvanceEquality:              6, // "10. Advance equality and reduce health inequalities"
	}
	for a, n := range points {
		count(len(a.Points()), "points of action "+a.String(), n)
	}
	// LGA "Empowering patients, service users and communities" (seed 000): "Empowerment
	// should occur at all levels of the system": three bullets.
	count(len(collect(principle.EmpowermentLevels())), "empowerment levels", 3)
	// "Engaging and empowering communities" (seed 002): "principles that underpin all
	// community empowerment approaches": five bullets; agreed actions: three bullets, the
	// second holding two actions (commissioners; the sector's evidence and measures).
	count(len(collect(principle.NarrativePrinciples())), "narrative principles", 5)
	count(len(collect(principle.AgreedActions())), "agreed actions", 4)
}

func TestLinksResolve(t *testing.T) {
	servedDuty := map[principle.Duty]bool{}
	usedApproach := map[principle.Approach]bool{}
	for a := range principle.Actions() {
		if a.Title() == "" || len(a.Points()) == 0 || len(a.Principles()) == 0 || len(a.Duties()) == 0 {
			t.Errorf("action %v is missing a title, points, principles or duties", a)
		}
		for _, p := range a.Principles() {
			if !p.Valid() {
				t.Errorf("action %v links invalid principle %d", a, p)
			}
			if !slices.Contains(p.Actions(), a) {
				t.Errorf("%v.Actions() lacks %v", p, a)
			}
		}
		for _, d := range a.Duties() {
			if !d.Valid() {
				t.Errorf("action %v links invalid duty %d", a, d)
			}
			servedDuty[d] = true
		}
		for _, ap := range a.Approaches() {
			if !ap.Valid() {
				t.Errorf("action %v links invalid approach %d", a, ap)
			}
			usedApproach[ap] = true
		}
		if !isSortedUnique(a.Principles()) || !isSortedUnique(a.Duties()) || !isSortedUnique(a.Approaches()) {
			t.Errorf("action %v lists links out of order or twice", a)
		}
	}
	for d := range principle.Duties() {
		if !servedDuty[d] {
			t.Errorf("no action serves duty %v", d)
		}
		if len(d.Holders()) == 0 || d.Citation() == "" || d.Title() == "" || d.Summary() == "" {
			t.Errorf("duty %v is incomplete", d)
		}
	}
	for ap := range principle.Approaches() {
		if !usedApproach[ap] {
			t.Errorf("no action names approach %v", ap)
		}
		if len(ap.Principles()) == 0 || !slices.Contains(ap.Principles(), principle.PersonCentredCare) {
			t.Errorf("approach %v does not serve principle 1", ap)
		}
	}
	// Every principle but the sixth is served by at least one action (the guidance is about
	// individual involvement and has no action framed around volunteering).
	for p := range principle.All() {
		if p != principle.VolunteeringAndSocialAction && len(p.Actions()) == 0 {
			t.Errorf("no action serves %v", p)
		}
	}
}

func isSortedUnique[T ~uint8](s []T) bool {
	for i := 1; i < len(s); i++ {
		if s[i] <= s[i-1] {
			return false
		}
	}
	return true
}

// currentIDs lists every identifier the package releases, by kind, in declaration order.
func currentIDs() map[string][]string {
	ids := map[string][]string{}
	add := func(kind string, s string) { ids[kind] = append(ids[kind], s) }
	for p := range principle.All() {
		add("principle", p.String())
	}
	for k := principle.CommitmentKind(1); k.Valid(); k++ {
		add("commitment-kind", k.String())
	}
	for c := range principle.Commitments() {
		add("commitment", c.ID)
	}
	for l := range principle.EmpowermentLevels() {
		add("empowerment-level", l.String())
	}
	for n := range principle.NarrativePrinciples() {
		add("narrative-principle", n.String())
	}
	for a := range principle.AgreedActions() {
		add("agreed-action", a.ID)
	}
	for a := range principle.Approaches() {
		add("approach", a.String())
	}
	for b := principle.Body(1); b.Valid(); b++ {
		add("body", b.String())
	}
	for d := range principle.Duties() {
		add("duty", d.String())
	}
	for a := range principle.Actions() {
		add("action", a.String())
	}
	return ids
}

func TestIDsAreUniqueSlugs(t *testing.T) {
	for kind, list := range currentIDs() {
		seen := map[string]bool{}
		for _, id := range list {
			if !slugPattern.MatchString(id) || len(id) > 80 {
				t.Errorf("%s %q is not slug-shaped", kind, id)
			}
			if seen[id] {
				t.Errorf("%s %q is used twice", kind, id)
			}
			seen[id] = true
		}
	}
}

// TestReleasedIDs compares the identifiers with testdata/ids.txt, the record of every
// identifier ever released. Each line is "kind id", optionally followed by "retired". A
// released identifier may never change or disappear (it may only be marked retired, and a
// retired identifier may never come back for something else); a new identifier must be added
// to the file in the same change. For enumerations the order of the lines is the order of
// the values, so their numbers are pinned too.
func TestReleasedIDs(t *testing.T) {
	f, err := os.Open("testdata/ids.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	released := map[string][]string{}
	retired := map[string]map[string]bool{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Fields(line)
		if len(fields) < 2 || len(fields) > 3 || (len(fields) == 3 && fields[2] != "retired") {
			t.Fatalf("testdata/ids.txt: malformed line %q", line)
		}
		kind, id := fields[0], fields[1]
		released[kind] = append(released[kind], id)
		if len(fields) == 3 {
			if retired[kind] == nil {
				retired[kind] = map[string]bool{}
			}
			retired[kind][id] = true
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	current := currentIDs()
	ordered := map[string]bool{"principle": true, "commitment-kind": true, "empowerment-level": true,
		"narrative-principle": true, "approach": true, "body": true, "duty": true, "action": true}
	for kind, ids := range current {
		rel := released[kind]
		for _, id := range ids {
			if !slices.Contains(rel, id) {
				t.Errorf("%s %q is not recorded in testdata/ids.txt; add it when releasing it", kind, id)
			}
			if retired[kind][id] {
				t.Errorf("%s %q was retired and may not be used again", kind, id)
			}
		}
		if ordered[kind] {
			// Enumerations never retire values; their order pins their numbers.
			if !slices.Equal(rel, ids[:min(len(ids), len(rel))]) {
				t.Errorf("%s values are out of the released order:\nreleased %v\ncurrent  %v", kind, rel, ids)
			}
		}
	}
	for kind, rel := range released {
		for _, id := range rel {
			if !retired[kind][id] && !slices.Contains(current[kind], id) {
				t.Errorf("released %s %q has disappeared; identifiers never change once released", kind, id)
			}
		}
	}
}
