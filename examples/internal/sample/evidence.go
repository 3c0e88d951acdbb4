package sample

import (
	"math"
	"strconv"
	"time"

	"github.com/shopspring/decimal"

	"github.com/peopleandcommunities/engage/indicator"
	"github.com/peopleandcommunities/engage/measure"
	"github.com/peopleandcommunities/engage/principle"
)

// The later year, the one reported on, as the assessment reads it, and the day the
// assessment speaks for: after every follow-up questionnaire (the last are taken in August
// 2026) and after the surveys of the year are published.
var (
	// These are set once here and never changed; ReportYear, EarlierYear and AsOf return them.
	reportYear  = measure.Period{Start: date(2025, time.April, 1), End: date(2026, time.March, 31), Label: periods[1]}
	earlierYear = measure.Period{Start: date(2024, time.April, 1), End: date(2025, time.March, 31), Label: periods[0]}
	asOf        = date(2026, time.September, 30)
)

// ReportYear returns the financial year the sample reports on, 2025/26, as a period.
func ReportYear() measure.Period { return reportYear }

// EarlierYear returns the financial year before it, 2024/25.
func EarlierYear() measure.Period { return earlierYear }

// AsOf returns the day the sample's assessment speaks for, 30 September 2026.
func AsOf() measure.Date { return asOf }

func date(y int, m time.Month, d int) measure.Date {
	v, err := measure.NewDate(y, m, d)
	if err != nil {
		panic("sample: invalid date literal") // the literals above are valid
	}
	return v
}

// fictional is the source every generated record and observation names.
const fictional = "FICTIONAL record generated for engage's synthetic sample; describes no real place"

// activityTopics name the activities, in turn; the approaches are drawn.
var activityTopics = []string{
	"Diabetes pathway", "Community mental health", "Frailty and falls", "Maternity voices",
	"Carers' respite", "Urgent care access", "Children's asthma", "Social prescribing offer",
	"Cancer screening uptake", "Stroke recovery", "Digital access to GP services", "Hospital discharge",
}

// approachWeights are the chances of each engagement approach, in indicator.EngagementApproach
// order: co-production, experience-based co-design, deliberation, community development,
// outreach, consultation, feedback (invented).
var approachWeights = []float64{0.15, 0.10, 0.05, 0.10, 0.20, 0.25, 0.15}

// Activity returns engagement activity j (0 ≤ j < NumActivities()) with the participants the
// generator placed in it, counted by broad ethnic group and deprivation quintile. Counting
// every participant, it costs one pass over them; Evidence counts all activities in one pass.
func (g *Generator) Activity(j int) indicator.Activity {
	counts := g.activityCounts()
	return g.activity(j, &counts[j])
}

// activityCount is what the generator counts of an activity's participants.
type activityCount struct {
	total  int
	ethnic [6]int // by equality.EthnicGroup, recorded categories only
	quint  [6]int
}

func (g *Generator) activityCounts() []activityCount {
	counts := make([]activityCount, g.NumActivities())
	for p := range g.Participants() {
		c := &counts[p.Activity]
		c.total++
		if p.Ethnic.Recorded() {
			c.ethnic[p.Ethnic.Group()]++
		}
		c.quint[p.Quintile]++
	}
	return counts
}

func (g *Generator) activity(j int, c *activityCount) indicator.Activity {
	r := stream(g.seed, streamActivities, j)
	n := g.NumActivities()
	approach := indicator.EngagementApproach(categorical(r, cumulative(approachWeights)) + 1)
	day := (j*365)/n + r.IntN(max(1, 365/n))
	when := time.Date(2025, time.April, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, min(day, 364))
	a := indicator.Activity{
		EvidenceRecord: indicator.EvidenceRecord{
			ID:     "activity-" + pad3(j+1),
			Title:  activityTopics[j%len(activityTopics)] + ": " + approachTitle(approach) + " (fictional)",
			Source: fictional,
		},
		Date:       date(when.Year(), when.Month(), when.Day()),
		Level:      principle.EmpowermentLevel(categorical(r, cumulative([]float64{0.2, 0.5, 0.3})) + 1),
		Approach:   approach,
		Principles: []principle.Principle{principle.ServicesInPartnership},
	}
	switch approach {
	case indicator.Outreach, indicator.CommunityDevelopment:
		a.Principles = append(a.Principles, principle.EqualityAndInequalities)
	}
	if j%len(activityTopics) == 4 {
		a.Principles = append(a.Principles, principle.Carers)
	}
	switch approach {
	case indicator.CoProduction, indicator.ExperienceBasedCoDesign, indicator.Consultation:
		a.Redesign = r.Float64() < 0.7
	}
	a.Participants.Total = c.total
	for _, eg := range broadGroups {
		if c.ethnic[eg] > 0 {
			a.Participants.Groups = append(a.Participants.Groups, indicator.ParticipantGroup{
				Group: measure.Group{Dimension: "ethnic-group", Value: eg.String()}, Count: c.ethnic[eg]})
		}
	}
	for q := 1; q <= 5; q++ {
		if c.quint[q] > 0 {
			a.Participants.Groups = append(a.Participants.Groups, indicator.ParticipantGroup{
				Group: measure.Group{Dimension: "deprivation-quintile", Value: strconv.Itoa(q)}, Count: c.quint[q]})
		}
	}
	// The feedback loop: each step usually follows the one before; fewer activities close it.
	for k, chance := range []float64{0.95, 0.92, 0.65, 0.8} {
		if r.Float64() >= chance {
			break
		}
		a.Feedback = append(a.Feedback, indicator.FeedbackStep(k+1))
	}
	if c.total > 0 && r.Float64() < 0.8 {
		resp := int(math.Round(0.7 * float64(c.total)))
		if resp > 0 {
			a.Experience = &indicator.ExperienceReport{Respondents: resp, Positive: binomial(r, resp, 0.8)}
		}
	}
	if len(a.Feedback) == indicator.FeedbackSteps {
		a.Changes = "Changes agreed with participants and reported back to them (fictional)"
	}
	return a
}

func approachTitle(a indicator.EngagementApproach) string {
	switch a {
	case indicator.CoProduction:
		return "co-production group"
	case indicator.ExperienceBasedCoDesign:
		return "experience-based co-design"
	case indicator.Deliberation:
		return "citizens' panel"
	case indicator.CommunityDevelopment:
		return "community development"
	case indicator.Outreach:
		return "outreach sessions"
	case indicator.Consultation:
		return "consultation"
	}
	return "feedback survey"
}

// Evidence returns the place's records of engagement for the assessment: its activities
// (from the generated participants), lay involvement in a programme at all four levels,
// partnership agreements, training, contract awards, documents, and the community profiles
// (residents by broad ethnic group and by deprivation quintile) that participants are
// compared with. Every record is fictional and says so.
func (g *Generator) Evidence() indicator.EvidenceSet {
	var ev indicator.EvidenceSet
	if g.size.Participants > 0 {
		counts := g.activityCounts()
		for j := range counts {
			ev.Activities = append(ev.Activities, g.activity(j, &counts[j]))
		}
	}
	rec := func(id, title string) indicator.EvidenceRecord {
		return indicator.EvidenceRecord{ID: id, Title: title + " (fictional)", Source: fictional}
	}
	programme := PlaceName + " community health programme"
	ended := date(2025, time.December, 31)
	ev.LayInvolvement = []indicator.LayInvolvement{
		{EvidenceRecord: rec("lay-programme-board", "Lay leaders on the programme board"), Programme: programme,
			Level: indicator.LevelLeadership, Roles: []indicator.LayRole{indicator.LayLeader}, Members: 2, Start: date(2024, time.January, 15)},
		{EvidenceRecord: rec("lay-assurance-committee", "Lay members of the quality and assurance committee"), Programme: programme,
			Level: indicator.LevelGovernance, Roles: []indicator.LayRole{indicator.LayLeader}, Members: 2, Start: date(2024, time.March, 1)},
		{EvidenceRecord: rec("lay-steering-group", "Experts by experience and carers on the steering group"), Programme: programme,
			Level: indicator.LevelPlanning, Roles: []indicator.LayRole{indicator.ExpertByExperience, indicator.CarerRole}, Members: 4, Start: date(2025, time.May, 1)},
		{EvidenceRecord: rec("lay-discharge-task-group", "Experts by experience on the discharge task and finish group"), Programme: programme,
			Level: indicator.LevelRedesign, Roles: []indicator.LayRole{indicator.ExpertByExperience}, Members: 3, Start: date(2025, time.June, 1), End: &ended},
	}
	ev.Partnerships = []indicator.Partnership{
		{EvidenceRecord: rec("healthwatch-agreement", "Partnership agreement with Healthwatch"), Partner: "Healthwatch " + PlaceName + " (fictional)",
			Kind: indicator.PartnerHealthwatch, Signed: date(2024, time.June, 1)},
		{EvidenceRecord: rec("vcse-alliance-agreement", "Partnership agreement with the voluntary sector alliance"), Partner: PlaceName + " VCSE Alliance (fictional)",
			Kind: indicator.PartnerVCSE, Signed: date(2025, time.May, 12)},
		{EvidenceRecord: rec("carers-centre-agreement", "Partnership agreement with the carers' centre"), Partner: PlaceName + " Carers Centre (fictional)",
			Kind: indicator.PartnerCarers, Signed: date(2023, time.October, 2)},
		{EvidenceRecord: rec("housing-agreement", "Partnership agreement with the housing association"), Partner: PlaceName + " Homes (fictional)",
			Kind: indicator.PartnerHousing, Signed: date(2025, time.September, 1)},
	}
	ev.Training = []indicator.Training{
		{EvidenceRecord: rec("lay-leader-course", "Lay leadership course"), Date: date(2025, time.September, 18), Audience: indicator.TrainedLayLeaders, Trained: 12},
		{EvidenceRecord: rec("experts-induction", "Induction for experts by experience"), Date: date(2025, time.November, 5), Audience: indicator.TrainedExperts, Trained: 9},
		{EvidenceRecord: rec("carers-skills", "Skills for caring course"), Date: date(2025, time.October, 8), Audience: indicator.TrainedCarers, Trained: 25},
		{EvidenceRecord: indicator.EvidenceRecord{ID: "staff-care-planning", Title: "Personalised care and support planning training (fictional)", Source: fictional,
			Actions: []principle.Action{principle.WorkforceStrategy}}, Date: date(2026, time.January, 20), Audience: indicator.TrainedStaff, Trained: 60},
	}
	weight := 0.1
	ev.Procurements = []indicator.Procurement{
		{EvidenceRecord: rec("award-social-prescribing", "Social prescribing link worker service"), Awarded: date(2025, time.April, 28),
			Value: decimal.RequireFromString("330000"), SocialValueAct: true, SocialValueWeighting: &weight, Supplier: indicator.SupplierVCSE},
		{EvidenceRecord: rec("award-community-transport", "Community transport to appointments"), Awarded: date(2025, time.July, 14),
			Value: decimal.RequireFromString("85000"), SocialValueAct: true, SocialValueWeighting: &weight, Supplier: indicator.SupplierVCSE},
		{EvidenceRecord: rec("award-patient-transport", "Non-emergency patient transport"), Awarded: date(2025, time.October, 3),
			Value: decimal.RequireFromString("1200000"), Supplier: indicator.SupplierPrivate},
		{EvidenceRecord: rec("award-carers-breaks", "Carers' breaks service"), Awarded: date(2026, time.February, 9),
			Value: decimal.RequireFromString("140000"), SocialValueAct: true, Supplier: indicator.SupplierVCSE},
	}
	ev.Documents = []indicator.Document{
		{EvidenceRecord: indicator.EvidenceRecord{ID: "inequalities-strategy", Title: "Health inequalities strategy adopting the Marmot principles (fictional)",
			Source: fictional, Indicators: []indicator.ID{"marmot-principles"}, Actions: []principle.Action{principle.AdvanceEquality}}, Date: date(2024, time.November, 1)},
		{EvidenceRecord: indicator.EvidenceRecord{ID: "jsna-excluded-groups", Title: "Joint strategic needs assessment chapter on excluded groups (fictional)",
			Source: fictional, Indicators: []indicator.ID{"target-group-data"}}, Date: date(2025, time.June, 30)},
		{EvidenceRecord: indicator.EvidenceRecord{ID: "phb-offer", Title: "Published personal health budget offer (fictional)",
			Source: fictional, Actions: []principle.Action{principle.PromotePersonalHealthBudgets}}, Date: date(2025, time.April, 1)},
	}
	census := date(2021, time.March, 21)
	res := g.residentsByGroup()
	ethnic := indicator.CommunityProfile{ID: "residents-by-ethnic-group", Area: PlaceCode, Dimension: "ethnic-group", Date: &census,
		Source: "Residents by broad ethnic group of the generated small areas (fictional census-style counts)"}
	for _, eg := range broadGroups {
		if res[eg] > 0 {
			ethnic.Groups = append(ethnic.Groups, indicator.CommunityGroup{Value: eg.String(), Count: res[eg]})
		}
	}
	var pop [6]float64
	for i := range g.areas {
		pop[g.areas[i].Quintile] += float64(g.areas[i].Population)
	}
	quint := indicator.CommunityProfile{ID: "residents-by-deprivation-quintile", Area: PlaceCode, Dimension: "deprivation-quintile", Date: &census,
		Source: "Residents by IMD 2019 quintile of the generated small areas (fictional)"}
	for q := 1; q <= 5; q++ {
		if pop[q] > 0 {
			quint.Groups = append(quint.Groups, indicator.CommunityGroup{Value: strconv.Itoa(q), Count: pop[q]})
		}
	}
	ev.Community = []indicator.CommunityProfile{ethnic, quint}
	return ev
}

// surveys are the place's results in surveys run by others, all invented: the share of
// respondents giving the favourable answer, the number of respondents, and a benchmark that
// is equally fictional.
var surveys = []struct {
	id, measure, part, indicator string
	period                       measure.Period
	respondents                  float64
	share                        float64
	benchmark                    measure.Benchmark
	description                  string
}{
	{"involvement-2024-25", "experience-of-care", "involvement-in-decisions", "", earlierYear, 2400, 0.87,
		measure.Benchmark{Kind: measure.BenchmarkNational, Label: "England (fictional)", Value: 0.89},
		"share of survey respondents who felt involved as much as they wanted in decisions about their care"},
	{"involvement-2025-26", "experience-of-care", "involvement-in-decisions", "", reportYear, 2350, 0.845,
		measure.Benchmark{Kind: measure.BenchmarkNational, Label: "England (fictional)", Value: 0.885},
		"share of survey respondents who felt involved as much as they wanted in decisions about their care"},
	{"ltc-supported-2025-26", "", "", "long-term-conditions-feeling-supported", reportYear, 1900, 0.612,
		measure.Benchmark{Kind: measure.BenchmarkNational, Label: "England (fictional)", Value: 0.62},
		"share of people with a long term condition who feel supported to manage it"},
	{"carers-satisfied-2025-26", "", "", "survey-of-adult-carers", reportYear, 420, 0.41,
		measure.Benchmark{Kind: measure.BenchmarkNational, Label: "England (fictional)", Value: 0.36},
		"share of carers extremely or very satisfied with the support they receive"},
	{"volunteers-useful-2025-26", "", "", "volunteer-experience", reportYear, 210, 0.86,
		measure.Benchmark{Kind: measure.BenchmarkTarget, Label: "local ambition (fictional)", Value: 0.75},
		"share of volunteers who feel useful and supported"},
}

// Observations returns the place's results in surveys that others run (invented, with
// fictional benchmarks), as an observations document, each value a percentage with its
// Wilson limits from the respondents.
func (g *Generator) Observations() (measure.ObservationSet, error) {
	var set measure.ObservationSet
	for _, s := range surveys {
		x := math.Round(s.share * s.respondents)
		p, err := indicator.NewProportion(x, s.respondents, indicator.Options{Levels: []float64{0.95}})
		if err != nil {
			return set, err
		}
		iv := p.Limits[0]
		n, d := x, s.respondents
		published := date(s.period.End.Year(), time.July, 10)
		bm := s.benchmark
		if bm.Kind == measure.BenchmarkNational {
			bm.Area = "E92000001"
		}
		set.Observations = append(set.Observations, measure.Observation{
			ID: s.id, Measure: measure.ID(s.measure), Part: s.part, Indicator: s.indicator,
			Area: PlaceCode, AreaName: PlaceName, Period: s.period,
			Value: p.Value, Limits: &measure.Limits{Level: iv.Level, Lower: iv.Lower, Upper: iv.Upper},
			Numerator: &n, Denominator: &d, Benchmark: &bm,
			Method:    measure.Method{Statistic: "proportion", Interval: "wilson", Engage: true, Description: s.description},
			Source:    "FICTIONAL survey result generated for engage's synthetic sample",
			Published: &published,
		})
	}
	return set, nil
}
