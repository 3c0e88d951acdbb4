package indicator_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/peopleandcommunities/engage/indicator"
	"github.com/peopleandcommunities/engage/internal/field"
	"github.com/peopleandcommunities/engage/measure"
	"github.com/peopleandcommunities/engage/principle"
	"github.com/peopleandcommunities/engage/schemas"
	"github.com/shopspring/decimal"
)

// evFictional reads the fictional evidence set in testdata/evidence.json: a made-up
// integrated care board's records, built for these tests.
func evFictional(t testing.TB) indicator.EvidenceSet {
	t.Helper()
	data, err := os.ReadFile("testdata/evidence.json")
	if err != nil {
		t.Fatal(err)
	}
	s, err := indicator.ParseEvidence(data)
	if err != nil {
		t.Fatalf("ParseEvidence: %v", err)
	}
	return s
}

func evDate(t testing.TB, s string) measure.Date {
	t.Helper()
	d, err := measure.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// evYear is the assessment year of the fictional set, 1 April 2024 to 31 March 2025.
func evYear(t testing.TB) measure.Period {
	return measure.Period{Start: evDate(t, "2024-04-01"), End: evDate(t, "2025-03-31")}
}

func evPaths(err error) []string {
	var out []string
	var walk func(error)
	walk = func(e error) {
		if j, ok := e.(interface{ Unwrap() []error }); ok {
			for _, x := range j.Unwrap() {
				walk(x)
			}
			return
		}
		var fe *field.Error
		if errors.As(e, &fe) {
			out = append(out, fe.Path)
		}
	}
	if err != nil {
		walk(err)
	}
	return out
}

func TestEvidenceParseRoundTrip(t *testing.T) {
	s := evFictional(t)
	if len(s.Activities) != 5 || len(s.LayInvolvement) != 3 || len(s.Procurements) != 4 || len(s.Community) != 1 {
		t.Fatalf("unexpected sizes: %d activities, %d lay, %d procurements", len(s.Activities), len(s.LayInvolvement), len(s.Procurements))
	}
	a := s.Activities[0]
	if a.Level != principle.ServicesLevel || a.Approach != indicator.ExperienceBasedCoDesign || !a.Redesign ||
		!a.ClosedLoop() || !a.Complete() || a.Participants.Groups[1].Value != "asian" {
		t.Errorf("activity 0 decoded as %+v", a)
	}
	if got := s.Procurements[0].Value; !got.Equal(decimal.RequireFromString("250000")) {
		t.Errorf("contract value %v", got)
	}
	out, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	if err := schemas.Validate(schemas.Evidence, out); err != nil {
		t.Fatalf("marshalled set does not validate: %v", err)
	}
	back, err := indicator.ParseEvidence(out)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(s, back, cmp.AllowUnexported(measure.Date{})); diff != "" {
		t.Errorf("round trip (-want +got):\n%s", diff)
	}
	again, _ := json.Marshal(back)
	if !bytes.Equal(out, again) {
		t.Error("re-marshalled document differs")
	}
}

// TestEvidenceSchemaEnumerations keeps the schema's lists of identifiers and slugs equal to
// the catalogue's and the enumerations'.
func TestEvidenceSchemaEnumerations(t *testing.T) {
	src, err := schemas.Source(schemas.Evidence)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Defs map[string]json.RawMessage `json:"$defs"`
	}
	if err := json.Unmarshal(src, &doc); err != nil {
		t.Fatal(err)
	}
	enumOf := func(def string, path ...string) []string {
		var node any
		if err := json.Unmarshal(doc.Defs[def], &node); err != nil {
			t.Fatal(err)
		}
		for _, p := range path {
			node = node.(map[string]any)[p]
		}
		var out []string
		for _, v := range node.(map[string]any)["enum"].([]any) {
			out = append(out, v.(string))
		}
		return out
	}
	var ids, ps, as, ls []string
	for ind := range indicator.All() {
		ids = append(ids, string(ind.ID))
	}
	for p := range principle.All() {
		ps = append(ps, p.String())
	}
	for a := range principle.Actions() {
		as = append(as, a.String())
	}
	for l := range principle.EmpowermentLevels() {
		ls = append(ls, l.String())
	}
	slugs := func(n int, f func(int) string) []string {
		var out []string
		for i := 1; i <= n; i++ {
			out = append(out, f(i))
		}
		return out
	}
	tests := []struct {
		name      string
		got, want []string
	}{
		{"indicatorId", enumOf("indicatorId"), ids},
		{"principleId", enumOf("principleId"), ps},
		{"actionId", enumOf("actionId"), as},
		{"activity level", enumOf("activity", "properties", "level"), ls},
		{"approach", enumOf("activity", "properties", "approach"), slugs(7, func(i int) string { return indicator.EngagementApproach(i).String() })},
		{"feedback", enumOf("activity", "properties", "feedback", "items"), slugs(4, func(i int) string { return indicator.FeedbackStep(i).String() })},
		{"programme level", enumOf("layInvolvement", "properties", "level"), slugs(4, func(i int) string { return indicator.ProgrammeLevel(i).String() })},
		{"roles", enumOf("layInvolvement", "properties", "roles", "items"), slugs(4, func(i int) string { return indicator.LayRole(i).String() })},
		{"partner kind", enumOf("partnership", "properties", "kind"), slugs(5, func(i int) string { return indicator.PartnerKind(i).String() })},
		{"audience", enumOf("training", "properties", "audience"), slugs(5, func(i int) string { return indicator.TrainingAudience(i).String() })},
		{"supplier", enumOf("procurement", "properties", "supplier"), slugs(3, func(i int) string { return indicator.SupplierSector(i).String() })},
	}
	for _, tc := range tests {
		if diff := cmp.Diff(tc.want, tc.got); diff != "" {
			t.Errorf("%s (-package +schema):\n%s", tc.name, diff)
		}
	}
	// The feedback steps are the parts of the feedback-loop measure.
	m, err := measure.Lookup("feedback-loop")
	if err != nil {
		t.Fatal(err)
	}
	for i, p := range m.Parts {
		if got := indicator.FeedbackStep(i + 1).String(); got != p.ID {
			t.Errorf("step %d is %q, the measure's part is %q", i+1, got, p.ID)
		}
	}
}

func TestEvidenceValidateLocatesEveryProblem(t *testing.T) {
	s := evFictional(t)
	s.Activities[0].ID = s.Activities[1].ID                                          // duplicate ID
	s.Activities[1].Participants.Groups[0].Count = 100                               // 100+12+6+2 > 30
	s.Activities[2].Experience.Positive = 13                                         // more positive than respondents
	s.Activities[3].Principles = nil                                                 // no principle
	s.Activities[3].Feedback = append(s.Activities[3].Feedback, indicator.StepAsked) // a step twice
	s.LayInvolvement[0].Members = 0
	s.LayInvolvement[1].Start = evDate(t, "2025-01-01") // after its end, 2024-12-31
	s.Partnerships[0].Kind = 0
	s.Training[0].Trained = -1
	s.Procurements[1].SocialValueWeighting = new(float64) // weighting without the Act
	s.Procurements[2].Value = decimal.RequireFromString("-1")
	s.Documents[0].Indicators, s.Documents[0].Actions = nil, nil
	s.Community[0].Groups[1].Value = "white"
	s.Community[0].Groups[2].Count = 0
	s.Activities[4].Indicators = []indicator.ID{"no-such-indicator"}
	err := s.Validate()
	want := []string{
		"/activities/1/id",
		"/activities/1/participants/groups/0",
		"/activities/2/experience/positive",
		"/activities/3/principles",
		"/activities/3/feedback/3",
		"/activities/4/indicators/0",
		"/layInvolvement/0/members",
		"/layInvolvement/1/end",
		"/partnerships/0/kind",
		"/training/0/trained",
		"/procurements/1/socialValueWeighting",
		"/procurements/2/value",
		"/documents/0/indicators",
		"/community/0/groups/1/value",
		"/community/0/groups/2/count",
	}
	got := evPaths(err)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("problem paths (-want +got):\n%s\n%v", diff, err)
	}
	for _, class := range []error{indicator.ErrDuplicate, indicator.ErrMismatch, indicator.ErrOutOfRange, indicator.ErrRequired} {
		if !errors.Is(err, class) {
			t.Errorf("no problem matches %v", class)
		}
	}
}

func TestParseEvidenceErrors(t *testing.T) {
	tests := []struct {
		name  string
		doc   string
		class error
		paths []string
	}{
		{"not JSON", `{`, schemas.ErrInvalid, nil},
		{"unknown approach", `{"activities":[{"id":"a","title":"t","date":"2025-01-01","level":"system","approach":"chat","principles":["carers"],"participants":{"total":1}}]}`, schemas.ErrInvalid, nil},
		{"unknown indicator", `{"training":[{"id":"a","title":"t","date":"2025-01-01","audience":"staff","trained":1,"indicators":["pam"]}]}`, schemas.ErrInvalid, nil},
		{"document without links", `{"documents":[{"id":"a","title":"t","date":"2025-01-01"}]}`, schemas.ErrInvalid, nil},
		{"date before 1900", `{"training":[{"id":"a","title":"t","date":"1850-01-01","audience":"staff","trained":1}]}`, indicator.ErrOutOfRange, []string{"/training/0"}},
		{"too many in a group", `{"activities":[{"id":"a","title":"t","date":"2025-01-01","level":"system","approach":"feedback","principles":["carers"],"participants":{"total":1,"groups":[{"dimension":"sex","value":"female","count":2}]}}]}`, indicator.ErrMismatch, []string{"/activities/0/participants/groups/0"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := indicator.ParseEvidence([]byte(tc.doc))
			if !errors.Is(err, tc.class) {
				t.Fatalf("error %v does not match %v", err, tc.class)
			}
			if tc.paths != nil {
				if diff := cmp.Diff(tc.paths, evPaths(err)); diff != "" {
					t.Errorf("paths (-want +got):\n%s", diff)
				}
			}
		})
	}
}

// Wilson score limits worked by hand at 95 % (z = 1.959964, z² = 3.841459), from
//
//	(2x + z² ∓ z·√(z² + 4x(1 − x/n))) / (2(n + z²))
//
// for x = 2, n = 4: (4 + 3.841459 ∓ 1.959964·√(3.841459 + 4)) / 15.682918
// = (7.841459 ∓ 5.488410) / 15.682918 = 0.150039, 0.849961;
// for x = 1, n = 2: (2 + 3.841459 ∓ 1.959964·√(3.841459 + 2)) / 11.682918
// = (5.841459 ∓ 4.737059) / 11.682918 = 0.094531, 0.905469;
// for x = 2, n = 3: (4 + 3.841459 ∓ 1.959964·√(3.841459 + 8/3)) / 13.682918
// = (7.841459 ∓ 5.000070) / 13.682918 = 0.207660, 0.938508.
var evWilson = map[[2]int][2]float64{
	{2, 4}: {0.150039, 0.849961},
	{1, 2}: {0.094531, 0.905469},
	{2, 3}: {0.207660, 0.938508},
}

func evShare(x, n int) *indicator.Share {
	iv := evWilson[[2]int{x, n}]
	return &indicator.Share{Numerator: x, Denominator: n, Value: float64(x) / float64(n), Level: 0.95, Lower: iv[0], Upper: iv[1]}
}

// TestEvidenceComputed derives every computed indicator of the fictional set by hand. The
// year 2024/25 holds four of its five activities (old-activity is dated December 2023).
func TestEvidenceComputed(t *testing.T) {
	s := evFictional(t)
	year := evYear(t)
	approx := cmpopts.EquateApprox(0, 5e-6)

	// Audit trail: groups counted by stroke, maternity, ucc (3); experience reported by
	// stroke, carers, ucc (3); changes recorded by stroke, carers, ucc (3); all three by
	// stroke and ucc: 2 of 4.
	at, err := s.AuditTrail(year, 0)
	if err != nil {
		t.Fatal(err)
	}
	wantAT := indicator.AuditTrailSummary{Activities: 4, WithGroups: 3, WithExperience: 3, WithChanges: 3,
		Completeness: evShare(2, 4), Incomplete: []string{"carers-forum-2024-11", "maternity-listening-event"}}
	if diff := cmp.Diff(wantAT, at, approx); diff != "" {
		t.Errorf("audit trail (-want +got):\n%s", diff)
	}

	// Feedback loop: all four asked and listened to; stroke and carers involved people in
	// using the insight; stroke, carers and ucc told people what changed; stroke and carers
	// closed the loop: 2 of 4.
	fl, err := s.FeedbackLoop(year, 0.95)
	if err != nil {
		t.Fatal(err)
	}
	wantFL := indicator.FeedbackLoopSummary{Activities: 4, Steps: []indicator.FeedbackStepCount{
		{Step: indicator.StepAsked, Activities: 4}, {Step: indicator.StepListenedTo, Activities: 4},
		{Step: indicator.StepInvolved, Activities: 2}, {Step: indicator.StepInformed, Activities: 3}},
		Closed: evShare(2, 4), Open: []string{"maternity-listening-event", "ucc-consultation"}}
	if diff := cmp.Diff(wantFL, fl, approx); diff != "" {
		t.Errorf("feedback loop (-want +got):\n%s", diff)
	}

	// Lay involvement: governance (in place since 2023) and redesign (May to December 2024);
	// the leadership record ended on 31 March 2024, the day before the year began.
	lc := s.LayCoverage(year)
	wantLC := indicator.LayCoverageSummary{Levels: []indicator.LayLevelCoverage{
		{Level: indicator.LevelLeadership},
		{Level: indicator.LevelGovernance, Bodies: 1, Members: 2, Records: []string{"ucc-governance-lay-members"}},
		{Level: indicator.LevelPlanning},
		{Level: indicator.LevelRedesign, Bodies: 1, Members: 3, Records: []string{"stroke-task-group"}},
	}, Covered: 2, Missing: []indicator.ProgrammeLevel{indicator.LevelLeadership, indicator.LevelPlanning}, Coverage: 0.5}
	if diff := cmp.Diff(wantLC, lc); diff != "" {
		t.Errorf("lay coverage (-want +got):\n%s", diff)
	}

	// Co-production: two redesign activities (stroke, by experience-based co-design; ucc, by
	// consultation): 1 of 2.
	cp, err := s.CoProduction(year, 0)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(indicator.CoProductionSummary{Redesign: 2, CoProduced: evShare(1, 2)}, cp, approx); diff != "" {
		t.Errorf("co-production (-want +got):\n%s", diff)
	}

	// Social value: three awards in the year (the fourth is dated April 2025); two used the
	// Act. Values: 250000.00 + 1200000 + 80000.50 = 1530000.50; using the Act 250000.00 +
	// 80000.50 = 330000.50; to the voluntary sector 250000.00.
	sv, err := s.SocialValue(year, 0)
	if err != nil {
		t.Fatal(err)
	}
	wantSV := indicator.SocialValueSummary{Awards: 3, UsingAct: evShare(2, 3),
		Value: decimal.RequireFromString("1530000.50"), ValueUsingAct: decimal.RequireFromString("330000.50"),
		ValueToVCSE: decimal.RequireFromString("250000")}
	if diff := cmp.Diff(wantSV, sv, approx); diff != "" {
		t.Errorf("social value (-want +got):\n%s", diff)
	}

	// Participants by ethnic group: stroke (20; 14 white, 4 asian, 1 black), maternity (30;
	// 10, 12, 6 and 2 mixed) and ucc (200; 150, 30, 10 and 5 other): 250 participants, 244
	// recorded, so 6 unrecorded.
	pc := s.ParticipantCounts(year, "ethnic-group")
	g := func(v string, n int) indicator.ParticipantGroup {
		return indicator.ParticipantGroup{Group: measure.Group{Dimension: "ethnic-group", Value: v}, Count: n}
	}
	wantPC := indicator.ParticipantSummary{Dimension: "ethnic-group", Activities: 3, Participants: 250, Unrecorded: 6,
		Groups: []indicator.ParticipantGroup{g("asian", 46), g("black", 17), g("mixed", 2), g("other", 5), g("white", 174)}}
	if diff := cmp.Diff(wantPC, pc); diff != "" {
		t.Errorf("participants (-want +got):\n%s", diff)
	}
	if got := s.Dimensions(year); !slices.Equal(got, []string{"ethnic-group"}) {
		t.Errorf("Dimensions = %v", got)
	}
	if _, err := s.FeedbackLoop(year, 0.5); !errors.Is(err, indicator.ErrOutOfRange) {
		t.Errorf("level 0.5: %v", err)
	}
}

func TestEvidenceComputedEmpty(t *testing.T) {
	var s indicator.EvidenceSet
	year := evYear(t)
	at, err := s.AuditTrail(year, 0)
	if err != nil || at.Completeness != nil || at.Activities != 0 {
		t.Errorf("empty audit trail = %+v, %v", at, err)
	}
	lc := s.LayCoverage(year)
	if lc.Covered != 0 || len(lc.Missing) != 4 || lc.Coverage != 0 {
		t.Errorf("empty coverage = %+v", lc)
	}
	pc := s.ParticipantCounts(year, "sex")
	if pc.Groups == nil || len(pc.Groups) != 0 {
		t.Errorf("empty participants = %+v", pc)
	}
}

func TestEvidenceItemsAndDefaults(t *testing.T) {
	s := evFictional(t)
	items := s.Items()
	if len(items) != 5+3+2+2+4+1 {
		t.Fatalf("%d items", len(items))
	}
	byID := map[string]indicator.EvidenceItem{}
	for _, it := range items {
		byID[it.ID] = it
	}
	year := evYear(t)
	asOf := evDate(t, "2025-06-30")
	tests := []struct {
		id         string
		kind       indicator.RecordKind
		indicators []indicator.ID
		current    bool
	}{
		{"stroke-redesign-workshop", indicator.RecordActivity, []indicator.ID{"engagement-audit-trail", "co-production-in-redesign", "participant-diversity"}, true},
		{"carers-forum-2024-11", indicator.RecordActivity, []indicator.ID{"engagement-audit-trail"}, true},
		{"old-activity", indicator.RecordActivity, []indicator.ID{"engagement-audit-trail"}, false},
		{"old-board", indicator.RecordLayInvolvement, []indicator.ID{"lay-involvement-at-all-levels"}, false},
		{"ucc-governance-lay-members", indicator.RecordLayInvolvement, []indicator.ID{"lay-involvement-at-all-levels"}, true},
		{"carers-centre-agreement", indicator.RecordPartnership, []indicator.ID{"carers-organisation-partnerships"}, true},
		{"healthwatch-agreement", indicator.RecordPartnership, []indicator.ID{"vcse-and-healthwatch-partnership-agreements"}, true},
		{"lay-leader-course", indicator.RecordTraining, []indicator.ID{"lay-leader-training"}, true},
		{"staff-pcsp-training", indicator.RecordTraining, nil, true},
		{"social-prescribing-contract", indicator.RecordProcurement, []indicator.ID{"social-value-act-audit-trail", "statutory-investment-in-vcse"}, true},
		{"patient-transport-contract", indicator.RecordProcurement, []indicator.ID{"social-value-act-audit-trail"}, true},
		{"next-year-contract", indicator.RecordProcurement, []indicator.ID{"social-value-act-audit-trail", "statutory-investment-in-vcse"}, false},
		{"health-inequalities-strategy", indicator.RecordDocument, []indicator.ID{"marmot-principles"}, true},
	}
	for _, tc := range tests {
		it, ok := byID[tc.id]
		if !ok {
			t.Errorf("no item %s", tc.id)
			continue
		}
		if it.Kind != tc.kind || !slices.Equal(it.Indicators, tc.indicators) || it.Current(year, asOf) != tc.current {
			t.Errorf("%s: kind %v, indicators %v, current %v; want %v, %v, %v", tc.id, it.Kind, it.Indicators,
				it.Current(year, asOf), tc.kind, tc.indicators, tc.current)
		}
	}
	// Known only from its date: as of 1 July 2024 the ucc consultation has not happened.
	if byID["ucc-consultation"].Current(year, evDate(t, "2024-07-01")) {
		t.Error("an activity after the as-of day is current")
	}
	// Explicit links replace the defaults.
	s.Activities[0].Indicators = []indicator.ID{"gp-patient-survey"}
	if got := s.Activities[0].Evidences(); !slices.Equal(got, []indicator.ID{"gp-patient-survey"}) {
		t.Errorf("explicit indicators give %v", got)
	}
}

func TestEvidenceEnumerations(t *testing.T) {
	type parser struct {
		name  string
		n     int
		parse func(string) (string, error)
		str   func(int) string
	}
	ps := []parser{
		{"EngagementApproach", 7, func(s string) (string, error) { v, err := indicator.ParseEngagementApproach(s); return v.String(), err },
			func(i int) string { return indicator.EngagementApproach(i).String() }},
		{"FeedbackStep", 4, func(s string) (string, error) { v, err := indicator.ParseFeedbackStep(s); return v.String(), err },
			func(i int) string { return indicator.FeedbackStep(i).String() }},
		{"ProgrammeLevel", 4, func(s string) (string, error) { v, err := indicator.ParseProgrammeLevel(s); return v.String(), err },
			func(i int) string { return indicator.ProgrammeLevel(i).String() }},
		{"LayRole", 4, func(s string) (string, error) { v, err := indicator.ParseLayRole(s); return v.String(), err },
			func(i int) string { return indicator.LayRole(i).String() }},
		{"PartnerKind", 5, func(s string) (string, error) { v, err := indicator.ParsePartnerKind(s); return v.String(), err },
			func(i int) string { return indicator.PartnerKind(i).String() }},
		{"TrainingAudience", 5, func(s string) (string, error) { v, err := indicator.ParseTrainingAudience(s); return v.String(), err },
			func(i int) string { return indicator.TrainingAudience(i).String() }},
		{"SupplierSector", 3, func(s string) (string, error) { v, err := indicator.ParseSupplierSector(s); return v.String(), err },
			func(i int) string { return indicator.SupplierSector(i).String() }},
		{"RecordKind", 6, func(s string) (string, error) { v, err := indicator.ParseRecordKind(s); return v.String(), err },
			func(i int) string { return indicator.RecordKind(i).String() }},
	}
	for _, p := range ps {
		for i := 1; i <= p.n; i++ {
			slug := p.str(i)
			if got, err := p.parse(strings.ToUpper(strings.ReplaceAll(slug, "-", " "))); err != nil || got != slug {
				t.Errorf("%s: %q parses to %q, %v", p.name, slug, got, err)
			}
		}
		if got := p.str(0); got != "%!"+p.name+"(0)" {
			t.Errorf("%s(0) prints %q", p.name, got)
		}
		if got := p.str(p.n + 1); !strings.HasPrefix(got, "%!"+p.name) {
			t.Errorf("%s(%d) prints %q", p.name, p.n+1, got)
		}
		if _, err := p.parse("nonsense"); !errors.Is(err, principle.ErrUnknown) {
			t.Errorf("%s accepts nonsense: %v", p.name, err)
		}
	}
	aliases := map[string]string{"EBCD": "experience-based-co-design", "citizens' jury": "deliberation", "ABCD": "community-development"}
	for in, want := range aliases {
		if got, _ := indicator.ParseEngagementApproach(in); got.String() != want {
			t.Errorf("%q = %v", in, got)
		}
	}
	if got, _ := indicator.ParseFeedbackStep("you said, we did"); got != indicator.StepInformed {
		t.Errorf("you said, we did = %v", got)
	}
	if got, _ := indicator.ParseFeedbackStep("3"); got != indicator.StepInvolved {
		t.Errorf("step 3 = %v", got)
	}
	if !indicator.CoProduction.CoProduces() || indicator.Consultation.CoProduces() || !indicator.TrainedExperts.Lay() || indicator.TrainedStaff.Lay() {
		t.Error("CoProduces or Lay wrong")
	}
}
