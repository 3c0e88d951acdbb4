package indicator

import "github.com/peopleandcommunities/engage/internal/enum"

// EngagementApproach is the way an engagement activity involved people. The framework's
// second principle asks for co-production approaches such as experience-based co-design in
// redesign projects, for community-based approaches, and for reaching out to a wide range of
// citizens, alongside the consultation and gathering of feedback that much engagement is.
// The zero value is not an approach.
type EngagementApproach uint8

// The approaches, from those that share most power with people to those that share least.
const (
	// CoProduction: people who use services, carers and communities work with professionals
	// as equal partners from the start, sharing decisions about design and delivery.
	CoProduction EngagementApproach = 1 + iota
	// ExperienceBasedCoDesign: staff and people who use a service capture experience,
	// identify touch points and redesign the service together (the Point of Care
	// Foundation's experience-based co-design; the framework's "Experience-Based Design").
	ExperienceBasedCoDesign
	// Deliberation: a citizens' panel, jury or assembly weighs evidence and makes
	// recommendations.
	Deliberation
	// CommunityDevelopment: asset-based community development, building on what a community
	// already has (the family of community-centred approaches of Public Health England and
	// NHS England).
	CommunityDevelopment
	// Outreach: going to where people are — community venues, groups and events — to reach
	// people who are seldom heard.
	Outreach
	// Consultation: people are asked for their views on proposals the system has drawn up.
	Consultation
	// Feedback: people's experiences of care are gathered (surveys, stories, complaints,
	// the Friends and Family Test) to inform improvement.
	Feedback
)

var evApproaches = enum.NewTable[EngagementApproach]("indicator.EngagementApproach",
	[]string{"co-production", "experience-based-co-design", "deliberation", "community-development", "outreach", "consultation", "feedback"},
	map[string]EngagementApproach{"coproduction": CoProduction, "ebcd": ExperienceBasedCoDesign,
		"experience-based-design": ExperienceBasedCoDesign, "ebd": ExperienceBasedCoDesign,
		"citizens-jury": Deliberation, "citizens-panel": Deliberation, "citizens-assembly": Deliberation,
		"asset-based-community-development": CommunityDevelopment, "abcd": CommunityDevelopment})

// Valid reports whether a is a declared approach.
func (a EngagementApproach) Valid() bool { return evApproaches.Valid(a) }

// String returns the slug, e.g. "co-production"; any other value prints as
// %!EngagementApproach(n).
func (a EngagementApproach) String() string { return evApproaches.String(a) }

// MarshalText returns the slug; an invalid approach is an error.
func (a EngagementApproach) MarshalText() ([]byte, error) { return evApproaches.Marshal(a) }

// UnmarshalText parses text with ParseEngagementApproach.
func (a *EngagementApproach) UnmarshalText(text []byte) error {
	v, err := ParseEngagementApproach(string(text))
	if err == nil {
		*a = v
	}
	return err
}

// ParseEngagementApproach returns the approach named by s: its slug or a common name ("EBCD",
// "experience-based design", "citizens' jury", "ABCD"), forgiving about case and spacing.
// Otherwise it returns a *principle.ParseError listing the slugs.
func ParseEngagementApproach(s string) (EngagementApproach, error) {
	return evApproaches.Parse(s, false)
}

// CoProduces reports whether the approach is a recognised co-production approach, which the
// framework's indicator "use of recognised co-production approaches in redesign projects"
// counts: co-production and experience-based co-design.
func (a EngagementApproach) CoProduces() bool {
	return a == CoProduction || a == ExperienceBasedCoDesign
}

// FeedbackStep is one of the four steps of the feedback loop that the framework's second
// principle measures: people report being asked for feedback about their experience of
// care, listened to, involved in how insight is used, and informed about how their feedback
// has influenced care models ("you said, we did"). The slugs are the IDs of the parts of the
// measure "feedback-loop". The zero value is not a step.
type FeedbackStep uint8

// The steps, in the order the loop runs.
const (
	// StepAsked: people were asked for feedback about their experience.
	StepAsked FeedbackStep = 1 + iota
	// StepListenedTo: what people said was heard and recorded.
	StepListenedTo
	// StepInvolved: people were involved in deciding how the insight is used.
	StepInvolved
	// StepInformed: people were told what changed as a result.
	StepInformed
)

// FeedbackSteps is the number of steps in the loop.
const FeedbackSteps = 4

var evSteps = enum.NewTable[FeedbackStep]("indicator.FeedbackStep",
	[]string{"asked-for-feedback", "listened-to", "involved-in-use-of-insight", "informed-of-influence"},
	map[string]FeedbackStep{"asked": StepAsked, "listened": StepListenedTo, "involved": StepInvolved,
		"informed": StepInformed, "you-said-we-did": StepInformed, "you said, we did": StepInformed})

// Valid reports whether s is one of the four steps.
func (s FeedbackStep) Valid() bool { return evSteps.Valid(s) }

// String returns the slug, e.g. "listened-to"; any other value prints as %!FeedbackStep(n).
func (s FeedbackStep) String() string { return evSteps.String(s) }

// MarshalText returns the slug; an invalid step is an error.
func (s FeedbackStep) MarshalText() ([]byte, error) { return evSteps.Marshal(s) }

// UnmarshalText parses text with ParseFeedbackStep.
func (s *FeedbackStep) UnmarshalText(text []byte) error {
	v, err := ParseFeedbackStep(string(text))
	if err == nil {
		*s = v
	}
	return err
}

// ParseFeedbackStep returns the step named by s: its slug, a short form ("asked",
// "informed"), "you said, we did" for the last, or its number 1 to 4. Otherwise it returns a
// *principle.ParseError listing the slugs.
func ParseFeedbackStep(s string) (FeedbackStep, error) { return evSteps.Parse(s, true) }

// ProgrammeLevel is a level of a programme at which the framework asks for lay involvement to
// be "demonstrably in place at all levels including programme leadership, governance,
// planning and steering groups, and redesign task and finish groups". The zero value is not
// a level.
type ProgrammeLevel uint8

// The programme levels, from the top.
const (
	// LevelLeadership: programme leadership, such as a programme board.
	LevelLeadership ProgrammeLevel = 1 + iota
	// LevelGovernance: governance, such as an assurance or oversight committee.
	LevelGovernance
	// LevelPlanning: planning and steering groups.
	LevelPlanning
	// LevelRedesign: redesign task and finish groups.
	LevelRedesign
)

// ProgrammeLevels is the number of programme levels.
const ProgrammeLevels = 4

var evLevels = enum.NewTable[ProgrammeLevel]("indicator.ProgrammeLevel",
	[]string{"programme-leadership", "governance", "planning-and-steering-groups", "redesign-task-and-finish-groups"},
	map[string]ProgrammeLevel{"leadership": LevelLeadership, "planning": LevelPlanning, "steering": LevelPlanning,
		"redesign": LevelRedesign, "task-and-finish": LevelRedesign})

// Valid reports whether l is a declared level.
func (l ProgrammeLevel) Valid() bool { return evLevels.Valid(l) }

// String returns the slug, e.g. "governance"; any other value prints as %!ProgrammeLevel(n).
func (l ProgrammeLevel) String() string { return evLevels.String(l) }

// MarshalText returns the slug; an invalid level is an error.
func (l ProgrammeLevel) MarshalText() ([]byte, error) { return evLevels.Marshal(l) }

// UnmarshalText parses text with ParseProgrammeLevel.
func (l *ProgrammeLevel) UnmarshalText(text []byte) error {
	v, err := ParseProgrammeLevel(string(text))
	if err == nil {
		*l = v
	}
	return err
}

// ParseProgrammeLevel returns the level named by s: its slug, a short form ("leadership",
// "planning", "redesign") or its number 1 to 4, forgiving about case and spacing. Otherwise it
// returns a *principle.ParseError listing the slugs.
func ParseProgrammeLevel(s string) (ProgrammeLevel, error) { return evLevels.Parse(s, true) }

// LayRole is the role in which a member of the public takes part in a programme, as the
// framework names them: experts by experience, carers, patient leaders and lay leaders. The
// zero value is not a role.
type LayRole uint8

// The lay roles.
const (
	// ExpertByExperience: someone with lived experience of a condition or service.
	ExpertByExperience LayRole = 1 + iota
	// CarerRole: a carer, bringing the experience of caring.
	CarerRole
	// PatientLeader: a patient who takes a leadership role in improving services.
	PatientLeader
	// LayLeader: a member of the public in a lay leadership role, such as a lay member of a
	// board.
	LayLeader
)

var evRoles = enum.NewTable[LayRole]("indicator.LayRole",
	[]string{"expert-by-experience", "carer", "patient-leader", "lay-leader"},
	map[string]LayRole{"experts-by-experience": ExpertByExperience, "lived-experience": ExpertByExperience,
		"carers": CarerRole, "patient-leaders": PatientLeader, "lay-leaders": LayLeader, "lay-member": LayLeader})

// Valid reports whether r is a declared role.
func (r LayRole) Valid() bool { return evRoles.Valid(r) }

// String returns the slug, e.g. "patient-leader"; any other value prints as %!LayRole(n).
func (r LayRole) String() string { return evRoles.String(r) }

// MarshalText returns the slug; an invalid role is an error.
func (r LayRole) MarshalText() ([]byte, error) { return evRoles.Marshal(r) }

// UnmarshalText parses text with ParseLayRole.
func (r *LayRole) UnmarshalText(text []byte) error {
	v, err := ParseLayRole(string(text))
	if err == nil {
		*r = v
	}
	return err
}

// ParseLayRole returns the role named by s, singular or plural ("experts by experience",
// "lay member"), forgiving about case and spacing. Otherwise it returns a
// *principle.ParseError listing the slugs.
func ParseLayRole(s string) (LayRole, error) { return evRoles.Parse(s, false) }

// PartnerKind is the kind of body a partnership agreement is with. The framework asks for
// partnership agreements with voluntary sector bodies and Healthwatch (principles 2 and 5)
// and partnerships with carers' organisations (principle 4), and names patient participation
// groups and the housing sector as partners. The zero value is not a kind.
type PartnerKind uint8

// The kinds of partner.
const (
	// PartnerVCSE: a voluntary, community or social enterprise sector body.
	PartnerVCSE PartnerKind = 1 + iota
	// PartnerHealthwatch: the local Healthwatch.
	PartnerHealthwatch
	// PartnerCarers: a carers' organisation.
	PartnerCarers
	// PartnerPPG: a patient participation group.
	PartnerPPG
	// PartnerHousing: a housing association or other housing-sector body.
	PartnerHousing
)

var evPartners = enum.NewTable[PartnerKind]("indicator.PartnerKind",
	[]string{"vcse", "healthwatch", "carers-organisation", "patient-participation-group", "housing"},
	map[string]PartnerKind{"voluntary-sector": PartnerVCSE, "voluntary": PartnerVCSE, "charity": PartnerVCSE,
		"carers": PartnerCarers, "carers-organisations": PartnerCarers, "ppg": PartnerPPG,
		"housing-association": PartnerHousing})

// Valid reports whether k is a declared kind.
func (k PartnerKind) Valid() bool { return evPartners.Valid(k) }

// String returns the slug, e.g. "healthwatch"; any other value prints as %!PartnerKind(n).
func (k PartnerKind) String() string { return evPartners.String(k) }

// MarshalText returns the slug; an invalid kind is an error.
func (k PartnerKind) MarshalText() ([]byte, error) { return evPartners.Marshal(k) }

// UnmarshalText parses text with ParsePartnerKind.
func (k *PartnerKind) UnmarshalText(text []byte) error {
	v, err := ParsePartnerKind(string(text))
	if err == nil {
		*k = v
	}
	return err
}

// ParsePartnerKind returns the kind named by s: its slug or a common name ("voluntary
// sector", "charity", "PPG", "carers"), forgiving about case and spacing. Otherwise it
// returns a *principle.ParseError listing the slugs.
func ParsePartnerKind(s string) (PartnerKind, error) { return evPartners.Parse(s, false) }

// TrainingAudience is who a training record trained. The framework's second principle counts
// "training provided to experts by experience, lay leaders and patient leaders"; its fourth
// asks that carers be trained for their caring role; the statutory guidance's ninth action
// asks for a workforce strategy that trains staff in person-centred approaches. The zero
// value is not an audience.
type TrainingAudience uint8

// The audiences.
const (
	// TrainedExperts: experts by experience.
	TrainedExperts TrainingAudience = 1 + iota
	// TrainedLayLeaders: lay leaders.
	TrainedLayLeaders
	// TrainedPatientLeaders: patient leaders.
	TrainedPatientLeaders
	// TrainedCarers: carers, for their caring role.
	TrainedCarers
	// TrainedStaff: health and care staff, in person-centred and community-centred
	// approaches.
	TrainedStaff
)

var evAudiences = enum.NewTable[TrainingAudience]("indicator.TrainingAudience",
	[]string{"experts-by-experience", "lay-leaders", "patient-leaders", "carers", "staff"},
	map[string]TrainingAudience{"expert-by-experience": TrainedExperts, "lay-leader": TrainedLayLeaders,
		"patient-leader": TrainedPatientLeaders, "carer": TrainedCarers, "workforce": TrainedStaff,
		"professionals": TrainedStaff})

// Valid reports whether a is a declared audience.
func (a TrainingAudience) Valid() bool { return evAudiences.Valid(a) }

// String returns the slug, e.g. "lay-leaders"; any other value prints as
// %!TrainingAudience(n).
func (a TrainingAudience) String() string { return evAudiences.String(a) }

// MarshalText returns the slug; an invalid audience is an error.
func (a TrainingAudience) MarshalText() ([]byte, error) { return evAudiences.Marshal(a) }

// UnmarshalText parses text with ParseTrainingAudience.
func (a *TrainingAudience) UnmarshalText(text []byte) error {
	v, err := ParseTrainingAudience(string(text))
	if err == nil {
		*a = v
	}
	return err
}

// ParseTrainingAudience returns the audience named by s, singular or plural, or "workforce"
// for staff, forgiving about case and spacing. Otherwise it returns a *principle.ParseError
// listing the slugs.
func ParseTrainingAudience(s string) (TrainingAudience, error) { return evAudiences.Parse(s, false) }

// Lay reports whether the audience is one the framework's indicator "training provided to
// experts by experience, lay leaders and patient leaders" counts.
func (a TrainingAudience) Lay() bool {
	return a == TrainedExperts || a == TrainedLayLeaders || a == TrainedPatientLeaders
}

// SupplierSector is the sector of the organisation a contract was awarded to. The zero value
// is not a sector.
type SupplierSector uint8

// The sectors.
const (
	// SupplierVCSE: the voluntary, community and social enterprise sector.
	SupplierVCSE SupplierSector = 1 + iota
	// SupplierPrivate: a private company.
	SupplierPrivate
	// SupplierPublic: a public body, such as an NHS trust or a council.
	SupplierPublic
)

var evSectors = enum.NewTable[SupplierSector]("indicator.SupplierSector",
	[]string{"vcse", "private", "public"},
	map[string]SupplierSector{"voluntary-sector": SupplierVCSE, "voluntary": SupplierVCSE,
		"social-enterprise": SupplierVCSE, "independent": SupplierPrivate, "nhs": SupplierPublic})

// Valid reports whether s is a declared sector.
func (s SupplierSector) Valid() bool { return evSectors.Valid(s) }

// String returns the slug, e.g. "vcse"; any other value prints as %!SupplierSector(n).
func (s SupplierSector) String() string { return evSectors.String(s) }

// MarshalText returns the slug; an invalid sector is an error.
func (s SupplierSector) MarshalText() ([]byte, error) { return evSectors.Marshal(s) }

// UnmarshalText parses text with ParseSupplierSector.
func (s *SupplierSector) UnmarshalText(text []byte) error {
	v, err := ParseSupplierSector(string(text))
	if err == nil {
		*s = v
	}
	return err
}

// ParseSupplierSector returns the sector named by s ("vcse", "voluntary sector", "social
// enterprise", "private", "NHS", ...), forgiving about case and spacing. Otherwise it returns
// a *principle.ParseError listing the slugs.
func ParseSupplierSector(s string) (SupplierSector, error) { return evSectors.Parse(s, false) }
