package principle

import (
	"fmt"
	"iter"

	"github.com/peopleandcommunities/engage/internal/enum"
)

// CommitmentKind says what part a [Commitment] plays in its principle. The framework lists
// different things under different principles: key interventions under principle 1, ways
// of working ("this means we", "we therefore", "we ensure that") under principles 2, 4, 5
// and 6, the dimensions to improve and the groups to reach under principle 3, and the
// meanings of volunteering and social action under principle 6. The zero value is not a
// kind.
type CommitmentKind uint8

// The kinds of commitment.
const (
	// KeyIntervention is an intervention the framework counts as key to high quality,
	// person-centred care and support (principle 1).
	KeyIntervention CommitmentKind = 1 + iota
	// Practice is a way of working the system commits to.
	Practice
	// Dimension is an aspect of people's health and care that the principle sets out to
	// improve for every group (principle 3).
	Dimension
	// TargetGroup is a kind of group the principle asks the system to identify, reach and
	// involve (principle 3).
	TargetGroup
	// Definition fixes what the principle means by one of its terms (principle 6).
	Definition
)

var commitmentKinds = enum.NewTable[CommitmentKind]("principle.CommitmentKind",
	[]string{"key-intervention", "practice", "dimension", "target-group", "definition"}, nil)

// Valid reports whether k is a declared kind.
func (k CommitmentKind) Valid() bool { return commitmentKinds.Valid(k) }

// String returns the kind's slug, e.g. "key-intervention"; any other value prints as
// %!CommitmentKind(n).
func (k CommitmentKind) String() string { return commitmentKinds.String(k) }

// MarshalText returns the slug; an invalid kind is an error.
func (k CommitmentKind) MarshalText() ([]byte, error) { return commitmentKinds.Marshal(k) }

// UnmarshalText parses text with [ParseCommitmentKind].
func (k *CommitmentKind) UnmarshalText(text []byte) error {
	v, err := ParseCommitmentKind(string(text))
	if err == nil {
		*k = v
	}
	return err
}

// ParseCommitmentKind returns the kind named by s, forgiving about case, spaces and
// typographic dashes, or a *[ParseError] listing the slugs.
func ParseCommitmentKind(s string) (CommitmentKind, error) { return parse(commitmentKinds, s, false) }

// A Commitment is one item listed under a principle: what the system does, improves, reaches
// or means in honouring it. The text restates the framework's item in a sentence; the
// framework's own wording is in the source document.
type Commitment struct {
	// ID is the commitment's stable slug, unique among all commitments.
	ID string `json:"id"`
	// Principle is the principle the commitment is listed under.
	Principle Principle `json:"principle"`
	// Kind says what part the commitment plays in its principle.
	Kind CommitmentKind `json:"kind"`
	// Name is a short label, e.g. "Shared decision making".
	Name string `json:"name"`
	// Text states the commitment in a sentence.
	Text string `json:"text"`
}

// commitments lists every commitment in the framework's order: principle by principle,
// and within a principle in the order the source lists them.
var commitments = [...]Commitment{
	// Principle 1: "We recognise the following as key interventions for high quality care
	// and support, especially for those with long term conditions".
	{"information-support-and-advocacy", PersonCentredCare, KeyIntervention, "Information, support and advocacy",
		"Patients, service users, carers and families get information, support and advocacy pitched at their level of health literacy."},
	{"shared-decision-making", PersonCentredCare, KeyIntervention, "Shared decision making",
		"Clinical consultations share decisions with the person as a matter of course."},
	{"personalised-care-and-support-planning", PersonCentredCare, KeyIntervention, "Personalised care and support planning",
		"Personalised care and support planning is the main way of working with people who live with long term conditions."},
	{"self-management-support", PersonCentredCare, KeyIntervention, "Support for self-management",
		"Support for self-management reaches people at scale, so that they are informed, skilled and confident."},
	{"coordinated-care", PersonCentredCare, KeyIntervention, "Coordinated care",
		"Care is coordinated in the way Integrated Care: Our Shared Commitment and the Narrative for person-centred coordinated care describe."},
	{"personal-health-records", PersonCentredCare, KeyIntervention, "Access to personal health records",
		"People can read, use, correct and amend their personal health records, which give pride of place to their personalised care plans."},
	{"personal-budgets", PersonCentredCare, KeyIntervention, "Personal budgets",
		"Personal budgets are offered across health and social care."},
	{"peer-support", PersonCentredCare, KeyIntervention, "Peer support",
		"Effective peer support is widely available."},
	{"joined-up-mental-and-physical-health-care", PersonCentredCare, KeyIntervention, "Joined-up mental and physical health care",
		"Care for mental and physical health is joined up."},

	// Principle 2: "This means we".
	{"reach-diverse-citizens", ServicesInPartnership, Practice, "Reach a diverse range of citizens",
		"Reach out to and work with a wide range of citizens who reflect the diversity of the community, to hold the conversations needed about health, wellbeing, prevention and services."},
	{"citizens-in-feedback-and-insight", ServicesInPartnership, Practice, "Citizens in feedback and insight",
		"Involve citizens directly in gathering feedback on experiences of care from many sources, and in using what complaints, experience and outcomes reveal to shape care models and improvements."},
	{"community-based-approaches", ServicesInPartnership, Practice, "Community-based approaches",
		"Use the family of community-based approaches described by Public Health England and NHS England to build and use community resources for health, prevention and wellbeing."},
	{"co-production", ServicesInPartnership, Practice, "Co-production",
		"Design services together with service users, people with lived experience and carers, using co-production approaches such as Experience Co-Design."},
	{"experts-by-experience-and-lay-leaders", ServicesInPartnership, Practice, "Experts by experience and lay leaders",
		"Recruit, train, support and involve experts by experience, carers, patient leaders and lay leaders in meaningful roles, programme governance and service design among them."},
	{"voluntary-sector-and-healthwatch-as-partners", ServicesInPartnership, Practice, "Voluntary sector and Healthwatch as partners",
		"Work as partners with the voluntary, community and social enterprise sectors, patient participation groups, carers and Healthwatch."},
	{"target-deprived-and-excluded-populations", ServicesInPartnership, Practice, "Target deprived and excluded populations",
		"Address health inequalities by deliberately targeting deprived and excluded populations, working with civil society groups."},

	// Principle 3: the four things to improve for each group, then the groups it includes.
	{"knowledge-of-needs", EqualityAndInequalities, Dimension, "Knowledge of their needs",
		"Better knowledge of what each group needs."},
	{"access-to-services", EqualityAndInequalities, Dimension, "Access to services",
		"Better access to services for each group."},
	{"experience-of-services", EqualityAndInequalities, Dimension, "Experience of services",
		"Better experience of services for each group."},
	{"health-and-wellbeing-outcomes", EqualityAndInequalities, Dimension, "Health and wellbeing outcomes",
		"Better health and wellbeing outcomes for each group."},
	{"people-with-the-greatest-disadvantage", EqualityAndInequalities, TargetGroup, "People with the greatest disadvantage",
		"People whose health literacy, health status, outcomes and experience of care are the worst, because of poverty, deprivation, unemployment or poor housing."},
	{"protected-groups", EqualityAndInequalities, TargetGroup, "Groups protected by the Equality Act 2010",
		"Every group whose characteristics the Equality Act 2010 protects."},
	{"people-less-likely-to-use-services", EqualityAndInequalities, TargetGroup, "People less likely to use services",
		"People who are less likely to use services, such as homeless people, Gypsies and Travellers, and people who do not speak English."},

	// Principle 4: "We therefore".
	{"identify-carers", Carers, Practice, "Identify carers",
		"Identify carers, help people to recognise themselves as carers, and assess carers' needs."},
	{"support-carers-in-their-own-right", Carers, Practice, "Support carers in their own right",
		"Support and care for carers as individuals in their own right."},
	{"train-carers", Carers, Practice, "Train carers",
		"Train carers for the caring they do."},
	{"carers-health-and-wellbeing", Carers, Practice, "Carers' health and wellbeing",
		"Offer carers interventions for their own health and wellbeing."},
	{"carers-as-partners-in-care", Carers, Practice, "Carers as partners in care",
		"Involve carers systematically as key partners in care."},
	{"carers-organisations", Carers, Practice, "Work with carers' organisations",
		"Work with carers' organisations, including to co-produce services."},

	// Principle 5: how the system works with the sector.
	{"commission-vcse-contributions", VCSEAndHousing, Practice, "Commission the sector's contribution",
		"Commission or grant fund the sector's contributions to holistic person-centred care, such as prevention, peer support, befriending, social prescribing, health coaching, care navigation, crisis prevention, support for recovery and other social action."},
	{"vcse-as-trusted-broker", VCSEAndHousing, Practice, "The sector as a trusted broker",
		"Voluntary, community and social enterprise bodies open dialogue with service users and communities, disadvantaged and marginalised groups above all, as neutral and trusted brokers."},
	{"build-vcse-capacity", VCSEAndHousing, Practice, "Build the sector's capacity",
		"Invest in the capacity of the sector, through grant funding, asset-based community development and the Social Value Act 2012."},

	// Principle 6: what volunteering and social action mean, then "We ensure that".
	{"volunteering", VolunteeringAndSocialAction, Definition, "Volunteering",
		"Time given freely for the benefit of others, formally through organisations or informally with friends and neighbours, in any health or care setting from GP surgeries to hospitals."},
	{"social-action", VolunteeringAndSocialAction, Definition, "Social action",
		"Time spent freely with others, often through independent community groups, to tackle local problems, negotiate with public services and improve conditions for everyone, which can improve the health of individuals and communities and keep the people taking part well."},
	{"volunteering-supports-key-functions", VolunteeringAndSocialAction, Practice, "Volunteering supports key functions",
		"Volunteering and social action support key functions such as prevention, peer support, befriending, social prescribing, health coaching, care navigation, crisis prevention and support for recovery."},
	{"favourable-conditions-for-community-groups", VolunteeringAndSocialAction, Practice, "Favourable conditions for community groups",
		"Local conditions favour community groups, with places to meet, small grants and community development support."},
}

var commitmentIndex = func() map[string]int {
	m := make(map[string]int, len(commitments))
	for i, c := range commitments {
		m[c.ID] = i
	}
	return m
}()

// Commitments returns the commitments listed under p in the framework's order, or nil for an
// invalid principle. The slice is the caller's own.
func (p Principle) Commitments() []Commitment {
	var out []Commitment
	for _, c := range commitments {
		if c.Principle == p {
			out = append(out, c)
		}
	}
	return out
}

// Commitments returns every commitment, principle by principle in the framework's order.
func Commitments() iter.Seq[Commitment] {
	return func(yield func(Commitment) bool) {
		for _, c := range commitments {
			if !yield(c) {
				return
			}
		}
	}
}

// LookupCommitment returns the commitment with the given ID, forgiving about case, spaces and
// typographic dashes. An unknown ID is a *[ParseError] that matches [ErrUnknown].
func LookupCommitment(id string) (Commitment, error) {
	if i, ok := commitmentIndex[id]; ok {
		return commitments[i], nil
	}
	if i, ok := commitmentIndex[enum.Key(id)]; ok {
		return commitments[i], nil
	}
	ids := make([]string, len(commitments))
	for i, c := range commitments {
		ids[i] = c.ID
	}
	return Commitment{}, enum.NewParseError("principle.Commitment", id, ids)
}

// String returns the commitment's ID and name, e.g. "peer-support (Peer support)".
func (c Commitment) String() string { return fmt.Sprintf("%s (%s)", c.ID, c.Name) }
