package indicator

import (
	"slices"

	"github.com/peopleandcommunities/engage/measure"
	"github.com/peopleandcommunities/engage/principle"
	"github.com/shopspring/decimal"
)

// Limits on evidence documents, checked before any work is done.
const (
	// MaxEvidenceRecords is the most records, of all kinds together, one evidence set may
	// hold.
	MaxEvidenceRecords = 100000
	// MaxEvidenceCount bounds every count of people in an evidence record.
	MaxEvidenceCount = 1000000000
	// MaxEvidenceText is the longest title, name or source, in bytes; MaxEvidenceNote the
	// longest free-text account (such as what changed after an activity).
	MaxEvidenceText = 500
	MaxEvidenceNote = 4000
	// MaxEvidenceLinks is the most indicators, actions, principles, roles, feedback steps or
	// groups one record may list.
	MaxEvidenceLinks = 200
)

// EvidenceRecord is what every evidence record has: an identifier that scorecards cite, a
// title, the catalogue indicators it evidences, the statutory guidance's key actions it shows
// being taken, and where the record itself is kept.
//
// When Indicators is empty, a record evidences the indicators its kind evidences by default
// (each record type's Evidences method says which); when it is given, it replaces them.
type EvidenceRecord struct {
	// ID identifies the record within its evidence set, a slug such as
	// "stroke-pathway-workshop-2025-01".
	ID string `json:"id"`
	// Title says what the record is, e.g. "Stroke pathway redesign workshop".
	Title string `json:"title"`
	// Indicators lists the catalogue indicators the record evidences.
	Indicators []ID `json:"indicators,omitempty"`
	// Actions lists the statutory guidance's key actions the record shows being taken.
	Actions []principle.Action `json:"actions,omitempty"`
	// Source says where the record is kept: a minute, a report, a register, a web address.
	Source string `json:"source,omitempty"`
}

// Participants counts the people who took part in an activity, in total and by population
// group. Counts by group may cover only some participants (people who did not say), so the
// counts of one dimension may add up to less than the total, never more.
type Participants struct {
	// Total is the number of people who took part.
	Total int `json:"total"`
	// Groups counts participants by group, for as many dimensions as were recorded.
	Groups []ParticipantGroup `json:"groups,omitempty"`
}

// ParticipantGroup is the number of participants in one population group, named as
// measure.Group names it (a dimension such as "ethnic-group" and a value such as "asian").
type ParticipantGroup struct {
	measure.Group
	// Count is the number of participants in the group.
	Count int `json:"count"`
}

// ExperienceReport is what participants said about their experience of being engaged: how
// many were asked, and how many reported a good experience. The framework's audit trail of
// engagement includes "reported experience of engagement".
type ExperienceReport struct {
	// Respondents is the number of participants who gave their view.
	Respondents int `json:"respondents"`
	// Positive is the number who reported a good experience, at most Respondents.
	Positive int `json:"positive"`
}

// An Activity is one entry of the audit trail of engagement that the framework's second
// principle asks for: engagement with citizens, community groups, people who use services
// and carers to review or redesign services, with who took part, how, to what end, what they
// made of it and what changed.
type Activity struct {
	EvidenceRecord
	// Date is the day the activity took place, or its last day.
	Date measure.Date `json:"date"`
	// Level is the level of empowerment the activity worked at: people's own care, services,
	// or the system's strategy.
	Level principle.EmpowermentLevel `json:"level"`
	// Approach is how the activity involved people.
	Approach EngagementApproach `json:"approach"`
	// Principles lists the principles the activity served.
	Principles []principle.Principle `json:"principles"`
	// Redesign reports that the activity was part of reviewing or redesigning a service.
	Redesign bool `json:"redesign,omitempty"`
	// Participants counts who took part.
	Participants Participants `json:"participants"`
	// Feedback lists the steps of the feedback loop the activity completed for its
	// participants; the loop is closed when all four are listed.
	Feedback []FeedbackStep `json:"feedback,omitempty"`
	// Experience is what participants reported about being engaged; nil when not asked.
	Experience *ExperienceReport `json:"experience,omitempty"`
	// Changes records what changed as a result ("you said, we did"); empty when nothing is
	// recorded.
	Changes string `json:"changes,omitempty"`
}

// ClosedLoop reports whether the activity completed all four steps of the feedback loop.
func (a *Activity) ClosedLoop() bool {
	var seen [FeedbackSteps + 1]bool
	n := 0
	for _, s := range a.Feedback {
		if s.Valid() && !seen[s] {
			seen[s] = true
			n++
		}
	}
	return n == FeedbackSteps
}

// Complete reports whether the activity's record holds everything an audit trail of
// engagement needs: participants counted by group, their reported experience of being
// engaged, and what changed as a result.
func (a *Activity) Complete() bool {
	return len(a.Participants.Groups) > 0 && a.Experience != nil && a.Experience.Respondents > 0 && a.Changes != ""
}

// Evidences returns the indicators the activity evidences: its Indicators when given;
// otherwise the engagement audit trail, use of co-production approaches in redesign for a
// redesign activity that co-produced, and the diversity of participants when participants
// were counted by group.
func (a *Activity) Evidences() []ID {
	if len(a.Indicators) > 0 {
		return slices.Clone(a.Indicators)
	}
	ids := []ID{"engagement-audit-trail"}
	if a.Redesign && a.Approach.CoProduces() {
		ids = append(ids, "co-production-in-redesign")
	}
	if len(a.Participants.Groups) > 0 {
		ids = append(ids, "participant-diversity")
	}
	return ids
}

// LayInvolvement records members of the public taking part in one body of a programme: so
// many experts by experience, carers, patient leaders or lay leaders on a programme board, a
// governance committee, a steering group or a redesign task and finish group, from a start
// day until an end day (or still in place).
type LayInvolvement struct {
	EvidenceRecord
	// Programme names the programme, e.g. "Urgent and emergency care transformation".
	Programme string `json:"programme"`
	// Level is the programme level of the body.
	Level ProgrammeLevel `json:"level"`
	// Roles lists the lay roles the members hold.
	Roles []LayRole `json:"roles"`
	// Members is the number of lay members, at least 1.
	Members int `json:"members"`
	// Start is the first day lay members took part.
	Start measure.Date `json:"start"`
	// End is the last day, or nil while they still take part.
	End *measure.Date `json:"end,omitempty"`
}

// Evidences returns the indicators the record evidences: its Indicators when given;
// otherwise lay involvement at all levels.
func (r *LayInvolvement) Evidences() []ID {
	if len(r.Indicators) > 0 {
		return slices.Clone(r.Indicators)
	}
	return []ID{"lay-involvement-at-all-levels"}
}

// Partnership records a partnership agreement with a voluntary sector body, Healthwatch, a
// carers' organisation, a patient participation group or a housing body, in force from the
// day it was signed until it ends.
type Partnership struct {
	EvidenceRecord
	// Partner names the partner organisation.
	Partner string `json:"partner"`
	// Kind says what kind of body the partner is.
	Kind PartnerKind `json:"kind"`
	// Signed is the day the agreement was signed and took effect.
	Signed measure.Date `json:"signed"`
	// End is the last day of the agreement, or nil while it runs.
	End *measure.Date `json:"end,omitempty"`
}

// Evidences returns the indicators the agreement evidences: its Indicators when given;
// otherwise partnerships with carers' organisations for a carers' organisation, and
// partnership agreements with voluntary sector bodies and Healthwatch for any other partner.
func (r *Partnership) Evidences() []ID {
	if len(r.Indicators) > 0 {
		return slices.Clone(r.Indicators)
	}
	if r.Kind == PartnerCarers {
		return []ID{"carers-organisation-partnerships"}
	}
	return []ID{"vcse-and-healthwatch-partnership-agreements"}
}

// Training records training given on one day to experts by experience, lay leaders, patient
// leaders, carers or staff.
type Training struct {
	EvidenceRecord
	// Date is the day of the training, or its last day.
	Date measure.Date `json:"date"`
	// Audience says who was trained.
	Audience TrainingAudience `json:"audience"`
	// Trained is the number of people trained, at least 1.
	Trained int `json:"trained"`
}

// Evidences returns the indicators the training evidences: its Indicators when given;
// otherwise training provided to experts by experience and lay and patient leaders, for those
// audiences, and nothing for carers and staff (link them to indicators or to the ninth key
// action explicitly).
func (r *Training) Evidences() []ID {
	if len(r.Indicators) > 0 {
		return slices.Clone(r.Indicators)
	}
	if r.Audience.Lay() {
		return []ID{"lay-leader-training"}
	}
	return nil
}

// Procurement records a contract award, for the audit trail of the use of the Public Services
// (Social Value) Act 2012 in procurement that the framework's second and fifth principles ask
// for: whether social value was considered, with what weight, and which sector won it.
type Procurement struct {
	EvidenceRecord
	// Awarded is the day the contract was awarded.
	Awarded measure.Date `json:"awarded"`
	// Value is the contract's value in pounds, a decimal string in JSON.
	Value decimal.Decimal `json:"value"`
	// SocialValueAct reports that the commissioner considered social value under the Public
	// Services (Social Value) Act 2012.
	SocialValueAct bool `json:"socialValueAct"`
	// SocialValueWeighting is the share of the tender evaluation given to social value, a
	// fraction in [0, 1]; nil when not stated. Only with SocialValueAct.
	SocialValueWeighting *float64 `json:"socialValueWeighting,omitempty"`
	// Supplier is the sector of the organisation the contract was awarded to.
	Supplier SupplierSector `json:"supplier"`
}

// Evidences returns the indicators the award evidences: its Indicators when given; otherwise
// the Social Value Act audit trail (whether or not the Act was used, the award belongs in the
// trail) and, for an award to the voluntary sector, the size of statutory investment in it.
func (r *Procurement) Evidences() []ID {
	if len(r.Indicators) > 0 {
		return slices.Clone(r.Indicators)
	}
	if r.Supplier == SupplierVCSE {
		return []ID{"social-value-act-audit-trail", "statutory-investment-in-vcse"}
	}
	return []ID{"social-value-act-audit-trail"}
}

// A Document is any other evidence that something is in place: a strategy that adopts the
// Marmot principles, a published personal health budget offer, a joint strategic needs
// assessment chapter, a programme of asset-based community development. It is in force from
// its date until it is superseded, and must name the indicators or key actions it evidences.
type Document struct {
	EvidenceRecord
	// Date is the day the document was published or adopted.
	Date measure.Date `json:"date"`
	// Until is the last day the document was in force, or nil while it is.
	Until *measure.Date `json:"until,omitempty"`
}

// Evidences returns the document's Indicators; a document has no default.
func (r *Document) Evidences() []ID { return slices.Clone(r.Indicators) }

// CommunityProfile is the make-up of the community by one dimension: how many people of each
// group live in an area, from a census, a population estimate or a register. The assessment
// compares participants in engagement with it (the framework's "measure of diversity of
// participants and how this relates to diversity of community").
type CommunityProfile struct {
	// ID identifies the profile within its evidence set.
	ID string `json:"id"`
	// Area is the area described.
	Area measure.AreaCode `json:"area"`
	// Dimension names what the groups are, as measure.Group names it.
	Dimension string `json:"dimension"`
	// Groups gives the number of people in each group.
	Groups []CommunityGroup `json:"groups"`
	// Sampled reports that the counts come from a sample survey rather than a census,
	// register or population estimate, so that their sampling error must be allowed for.
	Sampled bool `json:"sampled,omitempty"`
	// Source names the census table, estimate or register.
	Source string `json:"source"`
	// Date is the reference day of the counts, e.g. census day; nil when not stated.
	Date *measure.Date `json:"date,omitempty"`
}

// CommunityGroup is the number of people in one group of a community profile.
type CommunityGroup struct {
	// Value names the group within the profile's dimension.
	Value string `json:"value"`
	// Count is the number of people, greater than 0.
	Count float64 `json:"count"`
}

// EvidenceSet is an evidence document (schema kind schemas.Evidence): the records of
// engagement a place brings to an assessment, with the community profiles its participants
// are compared with. Record IDs are unique across the whole set.
type EvidenceSet struct {
	// Schema is the URI of the document's JSON Schema.
	Schema string `json:"$schema,omitempty"`
	// Activities is the audit trail of engagement.
	Activities []Activity `json:"activities,omitempty"`
	// LayInvolvement records lay members of programme bodies.
	LayInvolvement []LayInvolvement `json:"layInvolvement,omitempty"`
	// Partnerships records partnership agreements.
	Partnerships []Partnership `json:"partnerships,omitempty"`
	// Training records training given.
	Training []Training `json:"training,omitempty"`
	// Procurements records contract awards.
	Procurements []Procurement `json:"procurements,omitempty"`
	// Documents records other evidence.
	Documents []Document `json:"documents,omitempty"`
	// Community holds the community profiles.
	Community []CommunityProfile `json:"community,omitempty"`
}
