package measure

import "github.com/peopleandcommunities/engage/principle"

// The measures of success of "Six principles for engaging people and communities:
// definitions, evaluation and measurement" (People and Communities Board), the section
// "Measures of success" of each principle. Names keep the framework's wording, with its
// typing slips corrected.

type def struct {
	id       ID
	name     string
	kind     Kind
	polarity Polarity
	parts    []Part
}

// defs lists every measure once, in the order of its first appearance in the framework.
var defs = [...]def{
	// Principle 1: care and support is person-centred.
	{"person-centred-outcomes", "Improvement in health and wellbeing outcomes attributable to person-centred interventions", Outcome, HigherIsBetter, nil},
	{"health-activation", "Improvement in people's health 'activation', especially among the least health literate groups", Capability, HigherIsBetter, nil},
	{"supported-to-attain-goals", "People feel supported to attain their own health and wellbeing goals, i.e. what matters to them", Experience, HigherIsBetter, nil},
	{"experience-of-care", "People's experiences of involvement in decisions, control and independence, wellbeing and confidence to manage, and feeling supported", Experience, HigherIsBetter, []Part{
		{"involvement-in-decisions", "Involvement in decisions"},
		{"control-and-independence", "Control and independence"},
		{"wellbeing-and-confidence-to-manage", "Wellbeing and confidence to manage"},
		{"feeling-supported", "Feeling supported"},
	}},
	{"access-to-care-planning", "People's reported access to personalised care and support planning", Access, HigherIsBetter, nil},
	{"experience-of-care-coordination", "People's experience of care coordination, including discharge and transitions", Experience, HigherIsBetter, nil},
	{"access-to-records-and-budgets", "Access to records and personal budgets", Access, HigherIsBetter, []Part{
		{"records", "Access to records"},
		{"personal-budgets", "Access to personal budgets"},
	}},
	{"professionals-person-centred-skills", "Care professionals' knowledge, confidence and skills in person-centred approaches", Capability, HigherIsBetter, nil},

	// Principle 2: services are created in partnership with citizens and communities.
	{"community-intervention-outcomes", "Improvement in health and wellbeing outcomes attributable to community based interventions", Outcome, HigherIsBetter, nil},
	{"groups-report-partnership", "Different groups of people report being listened to, involved, supported, and worked with in partnership", Experience, HigherIsBetter, []Part{
		{"listened-to", "Listened to"},
		{"involved", "Involved"},
		{"supported", "Supported"},
		{"worked-with-in-partnership", "Worked with in partnership"},
	}},
	{"feedback-loop", "People report being asked for feedback about their experience of care, listened to, involved in how insight is used, and informed about how feedback has influenced care models", Experience, HigherIsBetter, []Part{
		{"asked-for-feedback", "Asked for feedback about experience of care"},
		{"listened-to", "Listened to"},
		{"involved-in-use-of-insight", "Involved in how insight is used"},
		{"informed-of-influence", "Informed about how feedback has informed and influenced care models"},
	}},
	{"voluntary-sector-experience-of-commissioning", "Voluntary sector organisations report good experience of involvement in commissioning", Relationship, HigherIsBetter, nil},
	{"less-heard-groups-heard", "Improvement in the number of less-heard people/groups listened to and relevant actions taken", Responsiveness, HigherIsBetter, nil},
	{"jsna-data-on-excluded-groups", "The area's Joint Strategic Needs Assessment has good data on deprived and excluded groups", Insight, HigherIsBetter, nil},
	{"lay-leaders-make-a-difference", "Experts by experience, carers, patient leaders and lay leaders report that they are making a real difference", Experience, HigherIsBetter, nil},

	// Principle 3: focus is on equality and narrowing inequalities.
	{"outreach-outcomes", "Improvement in health and wellbeing outcomes attributable to outreach interventions", Outcome, HigherIsBetter, nil},
	{"narrowing-the-gap", "Narrowing the gap on measures of access, outcomes, and experience", Inequality, LowerIsBetter, []Part{
		{"access", "Access"},
		{"outcomes", "Outcomes"},
		{"experience", "Experience"},
	}},
	{"excluded-groups-access-person-centred-care", "Person-centred interventions accessed by the most deprived/excluded groups (e.g. care planning, support for self management, peer support)", Access, HigherIsBetter, nil},

	// Principle 4: carers are identified, supported and involved.
	{"carers-quality-of-life", "Carers' quality of life: experience of recognition, support, health and wellbeing, involvement, and their ability to perform their caring role", Outcome, HigherIsBetter, []Part{
		{"recognition", "Recognition"},
		{"support", "Support"},
		{"health-and-wellbeing", "Health and wellbeing"},
		{"involvement", "Involvement"},
		{"ability-to-care", "Ability to perform their caring role"},
	}},
	{"acting-on-what-matters-to-carers", "Being aware of what matters to carers and taking action accordingly", Responsiveness, HigherIsBetter, nil},

	// Principle 5: voluntary, community and social enterprise, and housing sectors are
	// involved as key partners and enablers.
	{"vcse-positive-about-relationships", "Local voluntary, community and social enterprise sector partners are positive about their relationships with us and their ability to add value", Relationship, HigherIsBetter, nil},
	{"vcse-represented-in-strategic-partnerships", "The voluntary, community and social enterprise sector is adequately represented in key strategic partnerships (devolution body/STP area, vanguard, pioneer, health and wellbeing boards)", Representation, HigherIsBetter, []Part{
		{"devolution-body-or-stp-area", "Devolution body or STP area"},
		{"vanguard", "Vanguard"},
		{"pioneer", "Pioneer"},
		{"health-and-wellbeing-board", "Health and wellbeing board"},
	}},

	// Principle 6: volunteering and social action are recognised as key enablers.
	{"volunteering-level-and-diversity", "Increase in level and diversity of volunteering effort", Participation, HigherIsBetter, []Part{
		{"level", "Level of volunteering effort"},
		{"diversity", "Diversity of volunteering effort"},
	}},
	{"volunteers-feel-useful-and-supported", "Volunteers report feeling useful and supported", Experience, HigherIsBetter, nil},
	{"wellbeing-of-supported-people-and-volunteers", "Wellbeing outcomes for supported people and for volunteers themselves", Outcome, HigherIsBetter, []Part{
		{"supported-people", "Supported people"},
		{"volunteers", "Volunteers"},
	}},
	{"community-groups", "Extent and condition of community groups", Community, HigherIsBetter, []Part{
		{"extent", "Extent of community groups"},
		{"condition", "Condition of community groups"},
	}},
	{"responsiveness-to-community-voice", "Responsiveness of health commissioners and agencies to community voice", Responsiveness, HigherIsBetter, nil},
	{"volunteering-seen-as-normal", "People see volunteering and social action as normal, enjoyable and valuable, and recognise the role it plays in improving their health and wellbeing, as well as that of others", Attitude, HigherIsBetter, nil},
	{"giving-as-well-as-receiving", "People using health, care and support services are as likely to be giving their time and sharing their skills as taking or receiving", Participation, HigherIsBetter, nil},
	// The framework prints the next two as one bullet of two sentences; they measure
	// different things (belonging to a community; the openness and accountability of local
	// services), so the catalogue keeps them apart.
	{"community-belonging", "People feel part of their community and are able to look to that community when things become difficult for them", Community, HigherIsBetter, nil},
	{"transparent-accountable-services", "Local health and care service policies and practices are more transparent, better understood, and held to account", Responsiveness, HigherIsBetter, nil},
	{"nhs-as-social-movement", "The community recognises the NHS as a social movement for health and wellbeing, and everyone feels they have a role to play in this, whether or not they currently use or need health and care services", Attitude, HigherIsBetter, nil},
	{"volunteering-valued-by-commissioners-and-providers", "Volunteering and social action are recognised and valued by commissioners and providers", Attitude, HigherIsBetter, nil},
	{"volunteers-seen-as-equals", "People who are employed to provide services see volunteers as equals, with a vital contribution to make to health, care and wellbeing", Attitude, HigherIsBetter, nil},
	{"wider-range-of-person-centred-support", "There is a wider range of person-centred support available, and providers and professionals can use their time and skills to best effect", Access, HigherIsBetter, nil},
}

// byPrinciple lists, for each principle, its measures in the order the framework lists them.
var byPrinciple = [...][]ID{
	principle.PersonCentredCare: {
		"person-centred-outcomes",
		"health-activation",
		"supported-to-attain-goals",
		"experience-of-care",
		"access-to-care-planning",
		"experience-of-care-coordination",
		"access-to-records-and-budgets",
		"professionals-person-centred-skills",
	},
	principle.ServicesInPartnership: {
		"community-intervention-outcomes",
		"experience-of-care", // repeated from principle 1
		"groups-report-partnership",
		"feedback-loop",
		"voluntary-sector-experience-of-commissioning",
		"less-heard-groups-heard",
		"jsna-data-on-excluded-groups",
		"lay-leaders-make-a-difference",
	},
	principle.EqualityAndInequalities: {
		"outreach-outcomes",
		"narrowing-the-gap",
		"excluded-groups-access-person-centred-care",
	},
	principle.Carers: {
		"carers-quality-of-life",
		"acting-on-what-matters-to-carers",
	},
	principle.VCSEAndHousing: {
		"vcse-positive-about-relationships",
		"vcse-represented-in-strategic-partnerships",
	},
	principle.VolunteeringAndSocialAction: {
		"volunteering-level-and-diversity",
		"volunteers-feel-useful-and-supported",
		"wellbeing-of-supported-people-and-volunteers",
		"community-groups",
		"responsiveness-to-community-voice",
		"volunteering-seen-as-normal",
		"giving-as-well-as-receiving",
		"community-belonging",
		"transparent-accountable-services",
		"nhs-as-social-movement",
		"volunteering-valued-by-commissioners-and-providers",
		"volunteers-seen-as-equals",
		"wider-range-of-person-centred-support",
	},
}

// aliases are further spellings that name a measure.
var aliases = map[string]ID{
	"activation":          "health-activation",
	"patient-activation":  "health-activation",
	"peoples-experiences": "experience-of-care",
	"carers-qol":          "carers-quality-of-life",
	"feedback":            "feedback-loop",
	"gap":                 "narrowing-the-gap",
}
