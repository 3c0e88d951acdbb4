package indicator

import (
	"slices"
	"strconv"
	"strings"

	"github.com/peopleandcommunities/engage/measure"
	"github.com/shopspring/decimal"
)

// Share is a proportion of evidence records (or of people in them) with its Wilson score
// interval, as NewProportion computes it: the share of activities that closed the feedback
// loop, of redesign projects that used co-production, of contracts awarded with the Social
// Value Act.
type Share struct {
	// Numerator and Denominator are the counts, x of n.
	Numerator   int `json:"numerator"`
	Denominator int `json:"denominator"`
	// Value is x/n, a fraction.
	Value float64 `json:"value"`
	// Level is the confidence level of the interval, and Lower and Upper its limits.
	Level float64 `json:"level"`
	Lower float64 `json:"lower"`
	Upper float64 `json:"upper"`
}

// evShare returns x of n with its Wilson interval at level c, or nil when n is 0.
func evShare(x, n int, c float64) (*Share, error) {
	if n == 0 {
		return nil, nil
	}
	p, err := NewProportion(float64(x), float64(n), Options{Levels: []float64{c}})
	if err != nil {
		return nil, err
	}
	iv := p.Limits[0]
	return &Share{Numerator: x, Denominator: n, Value: p.Value, Level: c, Lower: iv.Lower, Upper: iv.Upper}, nil
}

func evLevel(c float64) (float64, error) {
	if c == 0 {
		return Level95, nil
	}
	if err := checkLevel(c); err != nil {
		return 0, err
	}
	return c, nil
}

// AuditTrailSummary measures how complete the audit trail of engagement is over a period:
// how many activities took place, and how many of their records hold each thing an audit
// trail needs (see Activity.Complete).
type AuditTrailSummary struct {
	// Activities is the number of activities dated within the period.
	Activities int `json:"activities"`
	// WithGroups, WithExperience and WithChanges count the records that count participants
	// by group, report participants' experience of being engaged, and record what changed.
	WithGroups     int `json:"withGroups"`
	WithExperience int `json:"withExperience"`
	WithChanges    int `json:"withChanges"`
	// Completeness is the share of records that hold all three; nil when there were no
	// activities.
	Completeness *Share `json:"completeness,omitempty"`
	// Incomplete lists the IDs of the records that do not, in order.
	Incomplete []string `json:"incomplete,omitempty"`
}

// AuditTrail returns the completeness of the audit trail of engagement over period p: of the
// activities dated within p, the share whose records count participants by group, report
// their experience of being engaged and record what changed, with its Wilson score interval
// at confidence level c (0 means 0.95). The framework's second principle asks for an "audit
// trail of engagement with relevant citizens, community groups, service users, carers, etc.
// to review/redesign services, including reported experience of engagement".
func (s *EvidenceSet) AuditTrail(p measure.Period, c float64) (AuditTrailSummary, error) {
	c, err := evLevel(c)
	if err != nil {
		return AuditTrailSummary{}, err
	}
	var r AuditTrailSummary
	complete := 0
	for i := range s.Activities {
		a := &s.Activities[i]
		if !p.Contains(a.Date) {
			continue
		}
		r.Activities++
		if len(a.Participants.Groups) > 0 {
			r.WithGroups++
		}
		if a.Experience != nil && a.Experience.Respondents > 0 {
			r.WithExperience++
		}
		if a.Changes != "" {
			r.WithChanges++
		}
		if a.Complete() {
			complete++
		} else {
			r.Incomplete = append(r.Incomplete, a.ID)
		}
	}
	slices.Sort(r.Incomplete)
	r.Completeness, err = evShare(complete, r.Activities, c)
	return r, err
}

// FeedbackStepCount is the number of activities that completed one step of the feedback
// loop.
type FeedbackStepCount struct {
	// Step is the step.
	Step FeedbackStep `json:"step"`
	// Activities is the number of activities that completed it.
	Activities int `json:"activities"`
}

// FeedbackLoopSummary measures how often engagement closed the feedback loop ("you said, we
// did") over a period.
type FeedbackLoopSummary struct {
	// Activities is the number of activities dated within the period.
	Activities int `json:"activities"`
	// Steps counts the activities that completed each step, in the loop's order.
	Steps []FeedbackStepCount `json:"steps"`
	// Closed is the share of activities that completed all four steps; nil when there were
	// no activities.
	Closed *Share `json:"closed,omitempty"`
	// Open lists the IDs of the activities that did not close the loop, in order.
	Open []string `json:"open,omitempty"`
}

// FeedbackLoop returns, for the activities dated within period p, how many completed each
// step of the feedback loop — people asked for feedback, listened to, involved in how the
// insight is used, informed of what changed — and the share that completed all four, with
// its Wilson score interval at confidence level c (0 means 0.95). This is the framework's
// measure "people report being asked for feedback …, listened to, involved in how insight is
// used, informed about how feedback has informed and influenced care models" read from the
// engagement audit trail.
func (s *EvidenceSet) FeedbackLoop(p measure.Period, c float64) (FeedbackLoopSummary, error) {
	c, err := evLevel(c)
	if err != nil {
		return FeedbackLoopSummary{}, err
	}
	var r FeedbackLoopSummary
	var steps [FeedbackSteps + 1]int
	closed := 0
	for i := range s.Activities {
		a := &s.Activities[i]
		if !p.Contains(a.Date) {
			continue
		}
		r.Activities++
		var seen [FeedbackSteps + 1]bool
		for _, st := range a.Feedback {
			if st.Valid() && !seen[st] {
				seen[st] = true
				steps[st]++
			}
		}
		if a.ClosedLoop() {
			closed++
		} else {
			r.Open = append(r.Open, a.ID)
		}
	}
	r.Steps = make([]FeedbackStepCount, 0, FeedbackSteps)
	for st := StepAsked; st.Valid(); st++ {
		r.Steps = append(r.Steps, FeedbackStepCount{Step: st, Activities: steps[st]})
	}
	slices.Sort(r.Open)
	r.Closed, err = evShare(closed, r.Activities, c)
	return r, err
}

// LayLevelCoverage is the lay involvement in place at one programme level.
type LayLevelCoverage struct {
	// Level is the programme level.
	Level ProgrammeLevel `json:"level"`
	// Bodies is the number of records of lay involvement at the level in force during the
	// period, and Members the lay members they count.
	Bodies  int `json:"bodies"`
	Members int `json:"members"`
	// Records lists the IDs of those records, in order.
	Records []string `json:"records,omitempty"`
}

// LayCoverageSummary measures how far lay involvement is in place across the four programme
// levels.
type LayCoverageSummary struct {
	// Levels gives the involvement at each level, in order from the top.
	Levels []LayLevelCoverage `json:"levels"`
	// Covered is the number of levels with lay involvement in place, 0 to 4.
	Covered int `json:"covered"`
	// Missing lists the levels without it.
	Missing []ProgrammeLevel `json:"missing,omitempty"`
	// Coverage is Covered / 4.
	Coverage float64 `json:"coverage"`
}

// LayCoverage returns how many of the four programme levels the framework names — programme
// leadership, governance, planning and steering groups, redesign task and finish groups —
// had lay involvement in place at some time during period p. The framework asks for lay
// involvement "demonstrably in place at all levels", so anything below 4 of 4 is a gap.
func (s *EvidenceSet) LayCoverage(p measure.Period) LayCoverageSummary {
	var r LayCoverageSummary
	r.Levels = make([]LayLevelCoverage, ProgrammeLevels)
	for i := range r.Levels {
		r.Levels[i].Level = ProgrammeLevel(i + 1)
	}
	for i := range s.LayInvolvement {
		li := &s.LayInvolvement[i]
		if !li.Level.Valid() || li.Start.After(p.End) || (li.End != nil && li.End.Before(p.Start)) {
			continue
		}
		c := &r.Levels[li.Level-1]
		c.Bodies++
		c.Members += li.Members
		c.Records = append(c.Records, li.ID)
	}
	for i := range r.Levels {
		slices.Sort(r.Levels[i].Records)
		if r.Levels[i].Bodies > 0 {
			r.Covered++
		} else {
			r.Missing = append(r.Missing, r.Levels[i].Level)
		}
	}
	r.Coverage = float64(r.Covered) / ProgrammeLevels
	return r
}

// CoProductionSummary measures the use of recognised co-production approaches in redesign.
type CoProductionSummary struct {
	// Redesign is the number of redesign activities dated within the period.
	Redesign int `json:"redesign"`
	// CoProduced is the share of them that used co-production or experience-based
	// co-design; nil when there were none.
	CoProduced *Share `json:"coProduced,omitempty"`
}

// CoProduction returns, of the activities within period p that were part of reviewing or
// redesigning a service, the share that used a recognised co-production approach
// (EngagementApproach.CoProduces), with its Wilson score interval at level c (0 means 0.95):
// the framework's indicator "use of recognised co-production approaches in redesign
// projects".
func (s *EvidenceSet) CoProduction(p measure.Period, c float64) (CoProductionSummary, error) {
	c, err := evLevel(c)
	if err != nil {
		return CoProductionSummary{}, err
	}
	var r CoProductionSummary
	co := 0
	for i := range s.Activities {
		a := &s.Activities[i]
		if !a.Redesign || !p.Contains(a.Date) {
			continue
		}
		r.Redesign++
		if a.Approach.CoProduces() {
			co++
		}
	}
	r.CoProduced, err = evShare(co, r.Redesign, c)
	return r, err
}

// SocialValueSummary is the audit trail of the use of the Social Value Act in procurement over
// a period.
type SocialValueSummary struct {
	// Awards is the number of contracts awarded within the period.
	Awards int `json:"awards"`
	// UsingAct is the share of awards that considered social value under the Act; nil when
	// there were none.
	UsingAct *Share `json:"usingAct,omitempty"`
	// Value is the total value of the awards, ValueUsingAct that of those that used the
	// Act, and ValueToVCSE that of those won by the voluntary sector, in pounds.
	Value         decimal.Decimal `json:"value"`
	ValueUsingAct decimal.Decimal `json:"valueUsingAct"`
	ValueToVCSE   decimal.Decimal `json:"valueToVcse"`
}

// SocialValue returns, of the contracts awarded within period p, the share that considered
// social value under the Public Services (Social Value) Act 2012, with its Wilson score
// interval at level c (0 means 0.95), and the money involved: the framework's "audit trail
// showing use of Social Value Act 2012 in procurement" and the size of statutory sector
// investment in the voluntary sector. Sums of money are exact.
func (s *EvidenceSet) SocialValue(p measure.Period, c float64) (SocialValueSummary, error) {
	c, err := evLevel(c)
	if err != nil {
		return SocialValueSummary{}, err
	}
	var r SocialValueSummary
	used := 0
	for i := range s.Procurements {
		pr := &s.Procurements[i]
		if !p.Contains(pr.Awarded) {
			continue
		}
		r.Awards++
		r.Value = r.Value.Add(pr.Value)
		if pr.SocialValueAct {
			used++
			r.ValueUsingAct = r.ValueUsingAct.Add(pr.Value)
		}
		if pr.Supplier == SupplierVCSE {
			r.ValueToVCSE = r.ValueToVCSE.Add(pr.Value)
		}
	}
	r.UsingAct, err = evShare(used, r.Awards, c)
	return r, err
}

// ParticipantSummary is the number of participants in engagement by group of one dimension,
// summed over a period's activities.
type ParticipantSummary struct {
	// Dimension is the dimension counted.
	Dimension string `json:"dimension"`
	// Activities is the number of activities within the period that counted participants
	// by this dimension.
	Activities int `json:"activities"`
	// Participants is the total number of participants in those activities.
	Participants int `json:"participants"`
	// Groups gives the participants in each group, summed over those activities, in order of
	// value (numbers in numeric order).
	Groups []ParticipantGroup `json:"groups"`
	// Unrecorded is the number of their participants whose group was not recorded.
	Unrecorded int `json:"unrecorded"`
}

// ParticipantCounts sums, over the activities dated within period p that counted participants by
// the given dimension, the participants in each group. A person who took part in two
// activities counts twice: the counts are of attendances. The equality package compares the
// result with a community profile (the assessment package does so for the framework's
// "measure of diversity of participants and how this relates to diversity of community").
func (s *EvidenceSet) ParticipantCounts(p measure.Period, dimension string) ParticipantSummary {
	r := ParticipantSummary{Dimension: dimension}
	sums := map[string]int{}
	for i := range s.Activities {
		a := &s.Activities[i]
		if !p.Contains(a.Date) {
			continue
		}
		counted, recorded := false, 0
		for _, g := range a.Participants.Groups {
			if g.Dimension == dimension {
				counted = true
				sums[g.Value] += g.Count
				recorded += g.Count
			}
		}
		if counted {
			r.Activities++
			r.Participants += a.Participants.Total
			r.Unrecorded += a.Participants.Total - recorded
		}
	}
	r.Groups = make([]ParticipantGroup, 0, len(sums))
	for v, n := range sums {
		r.Groups = append(r.Groups, ParticipantGroup{Group: measure.Group{Dimension: dimension, Value: v}, Count: n})
	}
	slices.SortFunc(r.Groups, func(a, b ParticipantGroup) int { return evCompareValues(a.Value, b.Value) })
	return r
}

// Dimensions returns the dimensions by which the activities within period p counted
// participants, in order.
func (s *EvidenceSet) Dimensions(p measure.Period) []string {
	seen := map[string]bool{}
	var out []string
	for i := range s.Activities {
		a := &s.Activities[i]
		if !p.Contains(a.Date) {
			continue
		}
		for _, g := range a.Participants.Groups {
			if !seen[g.Dimension] {
				seen[g.Dimension] = true
				out = append(out, g.Dimension)
			}
		}
	}
	slices.Sort(out)
	return out
}

// evCompareValues orders group values: whole numbers numerically ("2" before "10") and before
// other values, which compare as text. It returns -1, 0 or +1.
func evCompareValues(a, b string) int {
	na, ea := strconv.Atoi(a)
	nb, eb := strconv.Atoi(b)
	switch {
	case ea == nil && eb == nil:
		switch {
		case na < nb:
			return -1
		case na > nb:
			return 1
		}
		return 0
	case ea == nil:
		return -1
	case eb == nil:
		return 1
	}
	return strings.Compare(a, b)
}
