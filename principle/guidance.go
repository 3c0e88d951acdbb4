package principle

import (
	"iter"
	"slices"
	"strconv"

	"github.com/peopleandcommunities/engage/internal/enum"
)

// This file models NHS England's statutory guidance Involving people in their own health and
// care (2017) for clinical commissioning groups and NHS England: the ways of involving people
// it describes, the legal duties it rests on, and its ten key actions.

// Approach is one of the ways of involving people in their own health and care that the
// statutory guidance describes. Each shifts the conversation from what is the matter with a
// person to what matters to them. The zero value is not an approach.
type Approach uint8

// The ways of involving people, in the order the guidance describes them.
const (
	// CareAndSupportPlanning is personalised care and support planning.
	CareAndSupportPlanning Approach = 1 + iota
	// SharedDecisionMaking is shared decision making.
	SharedDecisionMaking
	// SocialPrescribing is social prescribing (also called community referral).
	SocialPrescribing
	// PersonalHealthBudgets is personal health budgets and integrated personal commissioning.
	PersonalHealthBudgets
	// SelfManagement is support for self-management.
	SelfManagement
	// AccessibleInformation is making health and social care accessible: accessible
	// information, quality-assured information and attention to health literacy.
	AccessibleInformation
)

var approachInfos = [...]struct {
	name, summary string
	principles    []Principle
}{
	CareAndSupportPlanning: {"Personalised care and support planning",
		"A planned, proactive conversation, repeated over time, between a person living with one or more long term conditions and their clinician or care professionals about what matters most to the person and the support they need: information is shared, medical and other needs identified, options discussed, goals set and contingencies planned, the result is written down, often as a care plan, and progress is reviewed regularly. The House of Care is one way to put it in place systematically.",
		[]Principle{PersonCentredCare}},
	SharedDecisionMaking: {"Shared decision making",
		"A person facing a change in their health and their clinician choose tests, treatments, management or support together, weighing evidence on every reasonable option, doing nothing included, against the person's own values, preferences and attitude to risk, with decision support and a record of the choice made.",
		[]Principle{PersonCentredCare}},
	SocialPrescribing: {"Social prescribing",
		"A non-medical route from primary care to support in the community, which GPs can use alongside other treatment to improve health and wellbeing, often through a coordinator who plans the support with the person. Voluntary organisations and volunteers provide much of what is prescribed.",
		[]Principle{PersonCentredCare, VCSEAndHousing, VolunteeringAndSocialAction}},
	PersonalHealthBudgets: {"Personal health budgets and integrated personal commissioning",
		"Money for a person's health and wellbeing needs, planned and agreed through personalised care and support planning, that gives more choice and control over how the needs are met; integrated personal commissioning joins health and social care funding into one personalised model for people with the most complex needs.",
		[]Principle{PersonCentredCare}},
	SelfManagement: {"Self-management",
		"Approaches such as self-management education and peer support that build on people's expertise in their own lives and help those living with long term conditions to grow the skills, knowledge and confidence to manage their own health.",
		[]Principle{PersonCentredCare}},
	AccessibleInformation: {"Making health and social care accessible",
		"Information everyone can use: the Accessible Information Standard, which every provider of NHS or adult social care must follow for people with a disability, impairment or sensory loss; quality-assured health information; and attention to each person's health literacy.",
		[]Principle{PersonCentredCare, EqualityAndInequalities}},
}

var approaches = enum.NewTable[Approach]("principle.Approach",
	[]string{"personalised-care-and-support-planning", "shared-decision-making", "social-prescribing",
		"personal-health-budgets", "self-management", "accessible-information"},
	map[string]Approach{
		"care-and-support-planning": CareAndSupportPlanning,
		"care-planning":             CareAndSupportPlanning,
		"sdm":                       SharedDecisionMaking,
		"community-referral":        SocialPrescribing,
		"personal-health-budgets-and-integrated-personal-commissioning": PersonalHealthBudgets,
		"integrated-personal-commissioning":                             PersonalHealthBudgets,
		"phb":                                                           PersonalHealthBudgets,
		"ipc":                                                           PersonalHealthBudgets,
		"making-health-and-social-care-accessible": AccessibleInformation,
	})

// Approaches returns the ways of involving people in the order the guidance describes them.
func Approaches() iter.Seq[Approach] {
	return func(yield func(Approach) bool) {
		for a := CareAndSupportPlanning; a <= AccessibleInformation; a++ {
			if !yield(a) {
				return
			}
		}
	}
}

// Valid reports whether a is a declared approach.
func (a Approach) Valid() bool { return approaches.Valid(a) }

// String returns the slug, e.g. "shared-decision-making"; any other value prints as
// %!Approach(n).
func (a Approach) String() string { return approaches.String(a) }

// Name returns the approach's name as the guidance heads it, or "" for an invalid value.
func (a Approach) Name() string {
	if !a.Valid() {
		return ""
	}
	return approachInfos[a].name
}

// Summary describes the approach in a few sentences, or "" for an invalid value.
func (a Approach) Summary() string {
	if !a.Valid() {
		return ""
	}
	return approachInfos[a].summary
}

// Principles returns the principles whose commitments include the approach: principle 1
// names each of them among its key interventions, principles 5 and 6 name social
// prescribing among what the voluntary sector and volunteers provide, and principle 3's
// groups include the disabled people the Accessible Information Standard protects. The slice
// is the caller's own.
func (a Approach) Principles() []Principle {
	if !a.Valid() {
		return nil
	}
	return slices.Clone(approachInfos[a].principles)
}

// MarshalText returns the slug; an invalid approach is an error.
func (a Approach) MarshalText() ([]byte, error) { return approaches.Marshal(a) }

// UnmarshalText parses text with [ParseApproach].
func (a *Approach) UnmarshalText(text []byte) error {
	v, err := ParseApproach(string(text))
	if err == nil {
		*a = v
	}
	return err
}

// ParseApproach returns the approach named by s: its slug, its number in the guidance's order
// (1 to 6), its name or a common abbreviation ("sdm", "phb", "ipc"), forgiving about case and
// spacing. Otherwise it returns a *[ParseError] listing the slugs.
func ParseApproach(s string) (Approach, error) { return parse(approaches, s, true) }

// Body is a statutory body that holds one of the legal duties in the guidance. The zero
// value is not a body.
//
// The guidance addresses clinical commissioning groups (CCGs) and NHS England. The Health and
// Care Act 2022 abolished CCGs on 1 July 2022 and gave their functions, with equivalent
// duties, to integrated care boards; the catalogue records the duties as the guidance cites
// them.
type Body uint8

// The bodies that hold duties.
const (
	// ClinicalCommissioningGroup is a clinical commissioning group (CCG).
	ClinicalCommissioningGroup Body = 1 + iota
	// NHSEngland is NHS England, named the NHS Commissioning Board in the 2012 legislation.
	NHSEngland
)

var bodies = enum.NewTable[Body]("principle.Body",
	[]string{"clinical-commissioning-group", "nhs-england"},
	map[string]Body{"ccg": ClinicalCommissioningGroup, "nhse": NHSEngland, "nhs-commissioning-board": NHSEngland,
		"the-board": NHSEngland})

// Valid reports whether b is a declared body.
func (b Body) Valid() bool { return bodies.Valid(b) }

// String returns the slug, e.g. "nhs-england"; any other value prints as %!Body(n).
func (b Body) String() string { return bodies.String(b) }

// MarshalText returns the slug; an invalid body is an error.
func (b Body) MarshalText() ([]byte, error) { return bodies.Marshal(b) }

// UnmarshalText parses text with [ParseBody].
func (b *Body) UnmarshalText(text []byte) error {
	v, err := ParseBody(string(text))
	if err == nil {
		*b = v
	}
	return err
}

// ParseBody returns the body named by s: its slug or "ccg", "nhse" or "NHS Commissioning
// Board", forgiving about case and spacing. Otherwise it returns a *[ParseError].
func ParseBody(s string) (Body, error) { return parse(bodies, s, false) }

// Duty is one of the legal duties on which the statutory guidance rests: the duties of the
// National Health Service Act 2006 (as amended by the Health and Social Care Act 2012) to
// promote each patient's involvement and choice and to promote the NHS Constitution, the
// rights and duties of the NHS Commissioning Board and Clinical Commissioning Groups
// (Responsibilities and Standing Rules) Regulations 2012 (SI 2012/2996) on personal health
// budgets and choice of provider, and the public sector equality duty of the Equality Act
// 2010, which the guidance's tenth action invokes. The zero value is not a duty.
type Duty uint8

// The duties, in the order the guidance cites them.
const (
	// Section14U is the CCG's duty to promote the involvement of each patient.
	Section14U Duty = 1 + iota
	// Section13H is NHS England's duty to promote the involvement of each patient.
	Section13H
	// Section14V is the CCG's duty as to patient choice.
	Section14V
	// Section13I is NHS England's duty as to patient choice.
	Section13I
	// Section14P is the CCG's duty to promote the NHS Constitution.
	Section14P
	// StandingRulesPart6A is Part 6A of the Standing Rules: personal health budgets for
	// people eligible for NHS continuing healthcare or continuing care for children.
	StandingRulesPart6A
	// StandingRulesPart8 is Part 8 of the Standing Rules: choice of provider and team for an
	// elective referral.
	StandingRulesPart8
	// PublicSectorEqualityDuty is the public sector equality duty, section 149 of the
	// Equality Act 2010.
	PublicSectorEqualityDuty
)

const (
	nhsAct        = "National Health Service Act 2006"
	standingRules = "National Health Service Commissioning Board and Clinical Commissioning Groups (Responsibilities and Standing Rules) Regulations 2012"
	equalityAct   = "Equality Act 2010"
)

var dutyInfos = [...]struct {
	instrument, provision, title, summary string
	holders                               []Body
}{
	Section14U: {nhsAct, "section 14U", "Duty to promote involvement of each patient",
		"In exercising its functions, each CCG must promote the involvement of patients, and of their carers and representatives, in decisions about preventing or diagnosing their illness and about their care or treatment. NHS England must publish guidance on the duty and CCGs must have regard to it; the statutory guidance is that guidance. The duty puts shared decision making — no decision about me without me — into law.",
		[]Body{ClinicalCommissioningGroup}},
	Section13H: {nhsAct, "section 13H", "Duty to promote involvement of each patient",
		"NHS England carries, for its own functions, the same duty as CCGs to promote the involvement of patients, carers and representatives in decisions about prevention, diagnosis, care and treatment.",
		[]Body{NHSEngland}},
	Section14V: {nhsAct, "section 14V", "Duty as to patient choice",
		"In exercising its functions, each CCG must act with a view to enabling patients to make choices about aspects of the health services provided to them.",
		[]Body{ClinicalCommissioningGroup}},
	Section13I: {nhsAct, "section 13I", "Duty as to patient choice",
		"NHS England must, for its own functions, act with a view to enabling patients to make choices about the health services provided to them.",
		[]Body{NHSEngland}},
	Section14P: {nhsAct, "section 14P", "Duty to promote NHS Constitution",
		"Each CCG must act with a view to securing that health services are provided in a way that promotes the NHS Constitution, including the rights it gives people to be involved in and to make choices about their care, and must promote awareness of the Constitution.",
		[]Body{ClinicalCommissioningGroup}},
	StandingRulesPart6A: {standingRules, "Part 6A", "Personal health budgets",
		"Since 1 October 2014, adults eligible for NHS continuing healthcare and children eligible for continuing care have had the right to a personal health budget. The CCG must offer and deliver it, publicise and promote the availability of personal health budgets to these people and their representatives, and give them information, advice and support.",
		[]Body{ClinicalCommissioningGroup}},
	StandingRulesPart8: {standingRules, "Part 8", "Patient choice",
		"A person who needs an elective referral has the right to choose the provider and the clinically appropriate team, led by a named consultant or, in mental health, a named healthcare professional. Commissioners must make arrangements that give effect to these choices, and publicise and promote information about providers and teams and where to find it.",
		[]Body{ClinicalCommissioningGroup, NHSEngland}},
	PublicSectorEqualityDuty: {equalityAct, "section 149", "Public sector equality duty",
		"Public bodies must have due regard to the need to eliminate discrimination, advance equality of opportunity and foster good relations between people who share a protected characteristic and those who do not. The guidance holds that commissioners cannot meet it in a meaningful way without involving individuals effectively in their own care.",
		[]Body{ClinicalCommissioningGroup, NHSEngland}},
}

var duties = enum.NewTable[Duty]("principle.Duty",
	[]string{"nhs-act-2006-s14u", "nhs-act-2006-s13h", "nhs-act-2006-s14v", "nhs-act-2006-s13i",
		"nhs-act-2006-s14p", "standing-rules-part-6a", "standing-rules-part-8", "equality-act-2010-s149"},
	dutyAliases())

// dutyAliases accepts "14U", "s14U", "section 14U", "Part 6A", "PSED" and the like.
func dutyAliases() map[string]Duty {
	m := map[string]Duty{
		"part-6a": StandingRulesPart6A, "6a": StandingRulesPart6A,
		"part-8": StandingRulesPart8,
		"psed":   PublicSectorEqualityDuty, "s149": PublicSectorEqualityDuty, "section-149": PublicSectorEqualityDuty,
		"public-sector-equality-duty": PublicSectorEqualityDuty,
	}
	for d, s := range map[Duty]string{Section14U: "14u", Section13H: "13h", Section14V: "14v", Section13I: "13i", Section14P: "14p"} {
		m[s] = d
		m["s"+s] = d
		m["section-"+s] = d
	}
	return m
}

// Duties returns the duties in the order the guidance cites them.
func Duties() iter.Seq[Duty] {
	return func(yield func(Duty) bool) {
		for d := Section14U; d <= PublicSectorEqualityDuty; d++ {
			if !yield(d) {
				return
			}
		}
	}
}

// Valid reports whether d is a declared duty.
func (d Duty) Valid() bool { return duties.Valid(d) }

// String returns the slug, e.g. "nhs-act-2006-s14u"; any other value prints as %!Duty(n).
func (d Duty) String() string { return duties.String(d) }

// Instrument returns the Act or regulations that impose the duty, e.g. "National Health
// Service Act 2006", or "" for an invalid value.
func (d Duty) Instrument() string {
	if !d.Valid() {
		return ""
	}
	return dutyInfos[d].instrument
}

// Provision returns the section or part of the instrument, e.g. "section 14U" or "Part 6A",
// or "" for an invalid value.
func (d Duty) Provision() string {
	if !d.Valid() {
		return ""
	}
	return dutyInfos[d].provision
}

// Citation returns the instrument and provision together, e.g. "National Health Service Act
// 2006, section 14U", or "" for an invalid value.
func (d Duty) Citation() string {
	if !d.Valid() {
		return ""
	}
	return dutyInfos[d].instrument + ", " + dutyInfos[d].provision
}

// Title returns the provision's heading, e.g. "Duty as to patient choice", or "" for an
// invalid value.
func (d Duty) Title() string {
	if !d.Valid() {
		return ""
	}
	return dutyInfos[d].title
}

// Summary says in plain words what the duty requires, or "" for an invalid value.
func (d Duty) Summary() string {
	if !d.Valid() {
		return ""
	}
	return dutyInfos[d].summary
}

// Holders returns the bodies the duty falls on. The slice is the caller's own.
func (d Duty) Holders() []Body {
	if !d.Valid() {
		return nil
	}
	return slices.Clone(dutyInfos[d].holders)
}

// MarshalText returns the slug; an invalid duty is an error.
func (d Duty) MarshalText() ([]byte, error) { return duties.Marshal(d) }

// UnmarshalText parses text with [ParseDuty].
func (d *Duty) UnmarshalText(text []byte) error {
	v, err := ParseDuty(string(text))
	if err == nil {
		*d = v
	}
	return err
}

// ParseDuty returns the duty named by s: its slug, or the provision alone ("14U", "s14V",
// "section 13H", "Part 6A", "part 8", "s149", "PSED"), forgiving about case and spacing.
// Otherwise it returns a *[ParseError] listing the slugs.
func ParseDuty(s string) (Duty, error) { return parse(duties, s, false) }

// Action is one of the ten key actions that the statutory guidance asks CCGs and NHS England
// to take to involve people in their own health and care, numbered 1 to 10 in the guidance's
// order. The zero value is not an action.
type Action uint8

// The ten key actions.
const (
	SupportPatients              Action = 1 + iota // 1. Support patients, carers and representatives
	PromotePersonalHealthBudgets                   // 2. Publicise and promote personal health budgets
	PromoteChoice                                  // 3. Publicise and promote the choices available to patients
	CommissionForInvolvement                       // 4. Commission for involvement
	PromoteInvolvement                             // 5. Promote and publicise the involvement of individuals
	AssureProviders                                // 6. Assure themselves that providers are involving people to an acceptable standard
	UseTools                                       // 7. Use and promote tools and resources
	AssureCommissioning                            // 8. Assure themselves that services match the needs and preferences of the population
	WorkforceStrategy                              // 9. Implement a workforce strategy
	AdvanceEquality                                // 10. Advance equality and reduce health inequalities
)

var actionInfos = [...]struct {
	title      string
	points     []string
	principles []Principle
	duties     []Duty
	approaches []Approach
}{
	SupportPatients: {
		"Support patients, carers and representatives",
		[]string{
			"Tell people, in a form they can understand, of their right to be involved in their care and to make choices about it.",
			"Ask people how involved they are in their care and how they could become more involved.",
			"Make it easier for patients to get information about their health.",
			"Use existing insight, from national surveys such as the GP Patient Survey and from local feedback and research, to understand the views, experiences and preferences of communities and groups as context for what each person wants and needs.",
			"Require providers to take the same kinds of measures.",
		},
		[]Principle{PersonCentredCare, Carers},
		[]Duty{Section14U, Section13H, Section14V, Section13I, Section14P},
		[]Approach{AccessibleInformation},
	},
	PromotePersonalHealthBudgets: {
		"Publicise and promote personal health budgets",
		[]string{
			"Publish the local offer of personal health budgets: where they are or will be offered, and how to find out more.",
			"Tell adults receiving NHS continuing healthcare, and children receiving continuing care, of their legal right to a personal health budget.",
		},
		[]Principle{PersonCentredCare},
		[]Duty{StandingRulesPart6A},
		[]Approach{PersonalHealthBudgets},
	},
	PromoteChoice: {
		"Publicise and promote the choices available to patients",
		[]string{
			"Publicise, and promote awareness of, information about the providers people can choose for an elective referral.",
			"Publicise, and promote awareness of, where that information can be found.",
		},
		[]Principle{PersonCentredCare},
		[]Duty{Section14V, Section13I, StandingRulesPart8},
		nil,
	},
	CommissionForInvolvement: {
		"Commission for involvement",
		[]string{
			"Build requirements and incentives for individual involvement into contracts, service specifications and tenders.",
			"Consider individual involvement in every part of commissioning: prevention, diagnosis, care planning, treatment and care management.",
			"Learn from providers and professionals what helps and what hinders them in involving people in their care.",
			"Co-produce services and pathways with patients, carers and the public, to learn what helps and hinders their involvement and to make services more effective.",
		},
		[]Principle{PersonCentredCare, ServicesInPartnership},
		[]Duty{Section14U, Section13H},
		[]Approach{CareAndSupportPlanning},
	},
	PromoteInvolvement: {
		"Promote and publicise the involvement of individuals",
		[]string{
			"Make the case for involving people in their own health and care in conversations with staff, providers and the public.",
			"Publicise how people can be involved in their own health and care, and share good practice.",
			"Publicise people's right to be involved in, and make choices about, their care.",
		},
		[]Principle{PersonCentredCare},
		[]Duty{Section14U, Section13H, Section14V, Section13I, Section14P},
		nil,
	},
	AssureProviders: {
		"Assure themselves that providers are involving people in their own health and care to an acceptable standard",
		[]string{
			"Do providers systematically find and engage people with long term conditions or disabilities who would benefit from more personalised support, including integrated personal commissioning or a personal health budget, for example by using the Patient Activation Measure?",
			"Do they systematically offer personalised care and support planning to people with long term conditions or disabilities who would benefit from a more personalised approach, or from support to build their knowledge, skills and confidence?",
			"Do they give people access to their own health records?",
			"Do their clinicians and care professionals share decisions systematically across every care pathway?",
			"Do they follow the Accessible Information Standard, as every provider of NHS or adult social care must?",
			"Are carers' needs considered?",
			"Do they know of the Information Standard, use information from its members, and tailor information to each person's health literacy?",
			"Do they offer patients meaningful choice of care and support services?",
			"Do they provide and promote online services for patients that support shared decision making and help people make the best use of health services?",
		},
		[]Principle{PersonCentredCare, EqualityAndInequalities, Carers},
		[]Duty{Section14U, Section13H, Section14V, Section13I, StandingRulesPart6A},
		[]Approach{CareAndSupportPlanning, SharedDecisionMaking, PersonalHealthBudgets, SelfManagement, AccessibleInformation},
	},
	UseTools: {
		"Use and promote tools and resources",
		[]string{
			"Think Local Act Personal's personalised care and support planning tool, for leaders, commissioners, planners, clinicians and practitioners.",
			"NHS England's handbook and materials on personalised care and support planning, and its materials promoting online services.",
			"NHS England's resource pack for commissioners on embedding shared decision making.",
			"A curated collection of resources on health literacy.",
		},
		[]Principle{PersonCentredCare},
		[]Duty{Section14U, Section13H},
		[]Approach{CareAndSupportPlanning, SharedDecisionMaking, AccessibleInformation},
	},
	AssureCommissioning: {
		"Assure themselves that they are commissioning services that match the needs and preferences of their population",
		[]string{
			"Commission services that address what people say matters to them, and change or decommission those that do not.",
			"Commission supported self-care: the right mix of generic and condition-specific self-management education, face to face or online; health coaching for people with long term conditions whose knowledge, skills and confidence are low; and peer support and group activities as a core offer.",
			"Draw on local community assets — organisations, groups, activities and resources — to widen the range of services, for example through social prescribing with link workers or local area coordinators, working closely with the local authority, the voluntary sector and faith organisations.",
			"Identify, support and involve carers systematically, as the Commitment to Carers describes.",
		},
		[]Principle{PersonCentredCare, Carers, VCSEAndHousing},
		[]Duty{Section14U, Section13H},
		[]Approach{SocialPrescribing, SelfManagement},
	},
	WorkforceStrategy: {
		"Implement a workforce strategy to support health and care professionals to involve people in their own health and care",
		[]string{
			"Make sure everyone working in health and care has person-centred and community-centred skills, competencies, values and behaviours.",
			"Identify the roles that would benefit from training in personalised care and support planning, shared decision making, health coaching, and partnership roles such as care coordinators, link workers and health and care navigators.",
			"Invest in training based on Health Education England's person-centred core skills framework, with toolkits such as the Royal College of General Practitioners' Collaborative Care and Support Planning Toolkit and HEE's health coaching quality framework.",
		},
		[]Principle{PersonCentredCare},
		[]Duty{Section14U, Section13H},
		[]Approach{CareAndSupportPlanning, SharedDecisionMaking},
	},
	AdvanceEquality: {
		"Advance equality and reduce health inequalities",
		[]string{
			"Reach out to people with the greatest health needs, people who face barriers to access and participation, and groups protected under the Equality Act 2010, identifying them with an equality and health inequalities analysis.",
			"Make access to person-centred care fair whatever a person's culture, language, religion or communication needs, paying particular attention to people most excluded from traditional services, such as homeless people, sex workers, recent migrants and Travellers, and to health literacy.",
			"Connect with patient, service user and voluntary sector organisations to reach into, and learn from, diverse communities.",
			"Audit and monitor personalised care planning for people from protected groups, to improve reach and reduce health inequalities.",
			"Meet the public sector equality duty, using the Equality Delivery System for the NHS (EDS2).",
			"Have regard to these duties, and to the Accessible Information Standard, when managing contracts with providers.",
		},
		[]Principle{EqualityAndInequalities},
		[]Duty{Section14U, Section13H, PublicSectorEqualityDuty},
		[]Approach{CareAndSupportPlanning, AccessibleInformation},
	},
}

var actions = enum.NewTable[Action]("principle.Action",
	[]string{"support-patients-carers-and-representatives", "promote-personal-health-budgets", "promote-patient-choice",
		"commission-for-involvement", "promote-involvement", "assure-providers", "use-tools-and-resources",
		"assure-commissioning", "workforce-strategy", "advance-equality"},
	actionAliases())

// actionAliases accepts "action 3", "a3" and each title.
func actionAliases() map[string]Action {
	m := make(map[string]Action)
	for a := SupportPatients; a <= AdvanceEquality; a++ {
		n := strconv.Itoa(int(a))
		m["action "+n] = a
		m["a"+n] = a
		m[actionInfos[a].title] = a
	}
	return m
}

// Actions returns the ten key actions in the guidance's order.
func Actions() iter.Seq[Action] {
	return func(yield func(Action) bool) {
		for a := SupportPatients; a <= AdvanceEquality; a++ {
			if !yield(a) {
				return
			}
		}
	}
}

// Valid reports whether a is one of the ten actions.
func (a Action) Valid() bool { return actions.Valid(a) }

// Number returns the action's number in the guidance, 1 to 10, or 0 for an invalid value.
func (a Action) Number() int {
	if !a.Valid() {
		return 0
	}
	return int(a)
}

// String returns the slug, e.g. "commission-for-involvement"; any other value prints as
// %!Action(n).
func (a Action) String() string { return actions.String(a) }

// Title returns the action's heading as the guidance words it, or "" for an invalid value.
func (a Action) Title() string {
	if !a.Valid() {
		return ""
	}
	return actionInfos[a].title
}

// Points returns what the action involves, one point a sentence, restating the guidance's
// bullets (for action 6, the questions commissioners ask of providers; for action 7, the
// tools and resources named). The slice is the caller's own.
func (a Action) Points() []string {
	if !a.Valid() {
		return nil
	}
	return slices.Clone(actionInfos[a].points)
}

// Principles returns the principles the action serves. The guidance is about involving
// people in their own care, so every action but the tenth serves principle 1; an action also
// serves another principle where its points take that principle's ground (carers for
// principle 4, co-production for principle 2, equality for principle 3, the voluntary sector
// and community assets for principle 5). The slice is the caller's own.
func (a Action) Principles() []Principle {
	if !a.Valid() {
		return nil
	}
	return slices.Clone(actionInfos[a].principles)
}

// Duties returns the legal duties the action helps CCGs and NHS England to discharge. The
// slice is the caller's own.
func (a Action) Duties() []Duty {
	if !a.Valid() {
		return nil
	}
	return slices.Clone(actionInfos[a].duties)
}

// Approaches returns the ways of involving people that the action's points name. The slice is
// the caller's own and may be empty.
func (a Action) Approaches() []Approach {
	if !a.Valid() {
		return nil
	}
	return slices.Clone(actionInfos[a].approaches)
}

// MarshalText returns the slug; an invalid action is an error.
func (a Action) MarshalText() ([]byte, error) { return actions.Marshal(a) }

// UnmarshalText parses text with [ParseAction].
func (a *Action) UnmarshalText(text []byte) error {
	v, err := ParseAction(string(text))
	if err == nil {
		*a = v
	}
	return err
}

// ParseAction returns the action named by s: its slug, its number ("6"), "action 6" or "a6",
// or its title, forgiving about case, spacing and typographic dashes. Otherwise it returns a
// *[ParseError] listing the slugs.
func ParseAction(s string) (Action, error) { return parse(actions, s, true) }

// Actions returns the ten key actions that serve p, in the guidance's order. The slice is the
// caller's own and may be empty: the guidance's actions concern individual involvement, so
// none is framed around volunteering and social action.
func (p Principle) Actions() []Action {
	var out []Action
	for a := SupportPatients; a <= AdvanceEquality; a++ {
		if slices.Contains(actionInfos[a].principles, p) {
			out = append(out, a)
		}
	}
	return out
}
