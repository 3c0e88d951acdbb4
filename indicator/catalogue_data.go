package indicator

import (
	"github.com/peopleandcommunities/engage/measure"
	"github.com/peopleandcommunities/engage/principle"
)

// The indicators of "Six principles for engaging people and communities: definitions,
// evaluation and measurement" (People and Communities Board), section "Indicators and
// evidence" of each principle, and the items of the section "Measurement and assurance" of
// "Involving people in their own health and care: statutory guidance for clinical
// commissioning groups and NHS England" (NHS England, 2017). Names keep the sources'
// wording, with typing slips corrected.

type catDef struct {
	id          ID
	name        string
	focus       string
	tier        Tier
	evidence    EvidenceKind
	source      Source
	computation Computation
	measures    []measure.ID
	actions     []principle.Action
	statutory   bool
}

// Frequently used sources.
var (
	catLocal     = Source{Publisher: PublisherLocal, Geography: GeographyLocal}
	catLocalPrac = Source{Publisher: PublisherLocal, Geography: GeographyPractice}
	catLocalLA   = Source{Publisher: PublisherLocal, Geography: GeographyLocalAuthority}
)

// catDefs lists every indicator once: the framework's, principle by principle at their first
// appearance, then those only the statutory guidance names.
var catDefs = [...]catDef{
	// Principle 1, existing indicators.
	{id: "adult-social-care-survey", name: "Adult Social Care Survey",
		tier: TierExisting, evidence: EvidenceNationalSurvey,
		source:      Source{PublisherNHSEngland, GeographyLocalAuthority, "Personal Social Services Adult Social Care Survey, England (annual)"},
		computation: ComputationProportion,
		measures:    []measure.ID{"person-centred-outcomes", "experience-of-care"}},
	{id: "personalised-outcomes-evaluation-tool", name: "Personalised Outcomes Evaluation Tool (POETs)",
		tier: TierExisting, evidence: EvidenceInstrument,
		source:      Source{PublisherLocal, GeographyLocal, "POET surveys of personal budget holders and carers (In Control with Lancaster University)"},
		computation: ComputationProportion,
		measures:    []measure.ID{"person-centred-outcomes", "experience-of-care", "access-to-records-and-budgets"}},
	{id: "national-patient-surveys", name: "National patient surveys for the CQC",
		focus: "The question on involvement in decisions, with results for each local NHS trust; under principle 4, the results for carers and families",
		tier:  TierExisting, evidence: EvidenceNationalSurvey,
		source:      Source{PublisherCQC, GeographyTrust, "NHS Patient Survey Programme, including the adult inpatient survey (Care Quality Commission)"},
		computation: ComputationProportion,
		measures:    []measure.ID{"experience-of-care", "experience-of-care-coordination", "carers-quality-of-life"},
		actions:     []principle.Action{principle.SupportPatients}, statutory: true},
	{id: "gp-patient-survey", name: "GP Patient Survey",
		focus: "Questions on care planning, with results for each GP practice",
		tier:  TierExisting, evidence: EvidenceNationalSurvey,
		source:      Source{PublisherNHSEngland, GeographyPractice, "GP Patient Survey (annual; NHS England)"},
		computation: ComputationProportion,
		measures:    []measure.ID{"supported-to-attain-goals", "experience-of-care", "access-to-care-planning", "carers-quality-of-life"},
		actions:     []principle.Action{principle.SupportPatients}, statutory: true},
	{id: "nhs-staff-survey", name: "NHS Staff Survey results for local NHS trusts",
		focus: "Questions on the quality of care provided to patients",
		tier:  TierExisting, evidence: EvidenceNationalSurvey,
		source:      Source{PublisherNHSEngland, GeographyTrust, "NHS Staff Survey (annual; NHS England)"},
		computation: ComputationProportion,
		measures:    []measure.ID{"professionals-person-centred-skills"}},
	{id: "health-survey-for-england", name: "Health Survey for England",
		tier: TierExisting, evidence: EvidenceNationalSurvey,
		source:      Source{PublisherNHSEngland, GeographyNational, "Health Survey for England (annual)"},
		computation: ComputationProportion,
		measures:    []measure.ID{"person-centred-outcomes", "carers-quality-of-life"}},
	{id: "community-mental-health-survey", name: "Community Mental Health Survey",
		focus: "Questions on care planning and on the coordination of physical and mental health care",
		tier:  TierExisting, evidence: EvidenceNationalSurvey,
		source:      Source{PublisherCQC, GeographyTrust, "Community mental health survey, NHS Patient Survey Programme (Care Quality Commission)"},
		computation: ComputationProportion,
		measures:    []measure.ID{"access-to-care-planning", "experience-of-care-coordination"}},

	// Principle 1, additional indicators.
	{id: "patient-activation-measure", name: "Patient Activation Measure (PAM)",
		focus: "Assesses a person's knowledge, skills and confidence to manage their own health",
		tier:  TierAdditional, evidence: EvidenceInstrument,
		source:      Source{PublisherLocal, GeographyLocal, "Patient Activation Measure (Insignia Health, now Phreesia; used under licence)"},
		computation: ComputationPAM,
		measures:    []measure.ID{"health-activation"},
		actions:     []principle.Action{principle.AssureProviders}},
	{id: "self-reporting-tools", name: "Self-reporting tools such as used by the #HelloOurAimIs campaign",
		tier: TierAdditional, evidence: EvidenceInstrument, source: catLocal,
		computation: ComputationNone,
		measures:    []measure.ID{"supported-to-attain-goals", "experience-of-care"}},
	{id: "online-health-record-users", name: "Numbers of people actively using online health record",
		tier: TierAdditional, evidence: EvidenceCount, source: catLocalPrac,
		computation: ComputationProportion,
		measures:    []measure.ID{"access-to-records-and-budgets"},
		actions:     []principle.Action{principle.AssureProviders}},
	{id: "personal-budget-holders", name: "Numbers of people with access to a personal budget",
		tier: TierAdditional, evidence: EvidenceCount, source: catLocal,
		computation: ComputationRate,
		measures:    []measure.ID{"access-to-records-and-budgets"},
		actions:     []principle.Action{principle.PromotePersonalHealthBudgets}},
	{id: "national-voices-i-statements", name: "National Voices five narratives – 'I statements'",
		focus: "Under principle 4, the statements relating to carers",
		tier:  TierAdditional, evidence: EvidenceFramework,
		source:      Source{PublisherLocal, GeographyLocal, "National Voices' narratives of person-centred care, written as 'I statements'"},
		computation: ComputationNone,
		measures:    []measure.ID{"experience-of-care", "experience-of-care-coordination", "carers-quality-of-life", "acting-on-what-matters-to-carers"}},
	{id: "integrated-care-shared-commitment", name: "Integrated Care: Our Shared Commitment",
		tier: TierAdditional, evidence: EvidenceFramework,
		source:      Source{PublisherLocal, GeographyLocal, "Integrated Care and Support: Our Shared Commitment (National Collaboration for Integrated Care and Support, 2013)"},
		computation: ComputationNone,
		measures:    []measure.ID{"experience-of-care-coordination"}},

	// Principle 2 (the framework does not split its indicators).
	{id: "engagement-audit-trail", name: "Audit trail of engagement with relevant citizens, community groups, service users, carers, etc. to review/redesign services, including reported experience of engagement",
		tier: TierUntiered, evidence: EvidenceAuditTrail, source: catLocal, computation: ComputationNone,
		measures: []measure.ID{"groups-report-partnership", "feedback-loop", "less-heard-groups-heard"}},
	{id: "lay-involvement-at-all-levels", name: "Lay involvement demonstrably in place at all levels including programme leadership, governance, planning and steering groups, and redesign task and finish groups",
		tier: TierUntiered, evidence: EvidenceAuditTrail, source: catLocal, computation: ComputationNone,
		measures: []measure.ID{"groups-report-partnership", "lay-leaders-make-a-difference"}},
	{id: "asset-based-community-development", name: "Demonstrable programme of asset-based community development (shared with other authorities locally)",
		tier: TierUntiered, evidence: EvidenceAuditTrail, source: catLocal, computation: ComputationNone,
		measures: []measure.ID{"community-intervention-outcomes", "vcse-positive-about-relationships"}},
	{id: "social-value-act-audit-trail", name: "Audit trail showing use of Social Value Act 2012 in procurement",
		tier: TierUntiered, evidence: EvidenceAuditTrail,
		source:      Source{PublisherLocal, GeographyLocal, "Public Services (Social Value) Act 2012"},
		computation: ComputationNone,
		measures:    []measure.ID{"voluntary-sector-experience-of-commissioning", "vcse-positive-about-relationships"}},
	{id: "vcse-and-healthwatch-partnership-agreements", name: "Partnership agreements with voluntary sector bodies and Healthwatch",
		tier: TierUntiered, evidence: EvidenceAuditTrail, source: catLocal, computation: ComputationNone,
		measures: []measure.ID{"voluntary-sector-experience-of-commissioning", "vcse-positive-about-relationships", "vcse-represented-in-strategic-partnerships"}},
	{id: "lay-leader-training", name: "Training provided to experts by experience/lay leaders/patient leaders",
		tier: TierUntiered, evidence: EvidenceAuditTrail, source: catLocal, computation: ComputationNone,
		measures: []measure.ID{"lay-leaders-make-a-difference"}},
	{id: "co-production-in-redesign", name: "Use of recognised co-production approaches in redesign projects, e.g. Experience-Based Design",
		tier: TierUntiered, evidence: EvidenceAuditTrail, source: catLocal, computation: ComputationNone,
		measures: []measure.ID{"groups-report-partnership", "feedback-loop"}},
	{id: "participant-diversity", name: "Measure of diversity of participants and how this relates to diversity of community",
		tier: TierUntiered, evidence: EvidenceLocalData, source: catLocal, computation: ComputationEquality,
		measures: []measure.ID{"groups-report-partnership", "less-heard-groups-heard"}},
	{id: "community-centred-approaches-guide", name: "Public Health England guide to community-centred approaches",
		tier: TierUntiered, evidence: EvidenceFramework,
		source:      Source{PublisherLocal, GeographyLocal, "A guide to community-centred approaches for health and wellbeing (Public Health England and NHS England, 2015)"},
		computation: ComputationNone,
		measures:    []measure.ID{"community-intervention-outcomes"}},

	// Principle 3 (not split).
	{id: "target-group-data", name: "Accurate, up-to-date data on target groups held in public health datasets and Joint Strategic Needs Assessments",
		tier: TierUntiered, evidence: EvidenceLocalData, source: catLocalLA, computation: ComputationNone,
		measures: []measure.ID{"jsna-data-on-excluded-groups", "narrowing-the-gap"}},
	{id: "marmot-principles", name: "Marmot principles adopted and used to provide clear evidence of a focus on inequalities in all strategies and programme redesign",
		tier: TierUntiered, evidence: EvidenceFramework,
		source:      Source{PublisherLocal, GeographyLocal, "Fair Society, Healthy Lives: the Marmot Review (2010)"},
		computation: ComputationNone,
		measures:    []measure.ID{"outreach-outcomes", "narrowing-the-gap"}},
	{id: "target-group-gp-registration", name: "Registrations of target groups onto general practice lists",
		tier: TierUntiered, evidence: EvidenceLocalData, source: catLocalPrac, computation: ComputationEquality,
		measures: []measure.ID{"narrowing-the-gap"}},
	{id: "target-group-attendance", name: "Attendance of target groups for regular checks, screening, and follow-ups",
		tier: TierUntiered, evidence: EvidenceLocalData, source: catLocal, computation: ComputationEquality,
		measures: []measure.ID{"outreach-outcomes", "narrowing-the-gap"}},
	{id: "target-group-community-participation", name: "Participation of target groups in community health activities",
		tier: TierUntiered, evidence: EvidenceLocalData, source: catLocal, computation: ComputationEquality,
		measures: []measure.ID{"outreach-outcomes", "narrowing-the-gap"}},
	{id: "target-group-access-to-person-centred-care", name: "Monitoring data showing whether target groups are achieving access to the person-centred interventions listed under principle one",
		tier: TierUntiered, evidence: EvidenceLocalData, source: catLocal, computation: ComputationEquality,
		measures: []measure.ID{"narrowing-the-gap", "excluded-groups-access-person-centred-care"}},

	// Principle 4, existing indicators (three more are principle 1's surveys again).
	{id: "survey-of-adult-carers", name: "Survey of Adult Carers in England",
		tier: TierExisting, evidence: EvidenceNationalSurvey,
		source:      Source{PublisherNHSEngland, GeographyLocalAuthority, "Personal Social Services Survey of Adult Carers in England (every two years)"},
		computation: ComputationProportion,
		measures:    []measure.ID{"carers-quality-of-life", "acting-on-what-matters-to-carers"}},
	// The carers' counterpart of principle 3's target-group monitoring: the same
	// interventions, another population, so a separate indicator.
	{id: "carers-access-to-person-centred-care", name: "Carers achieving access to the person-centred interventions listed under principle one",
		tier: TierExisting, evidence: EvidenceLocalData, source: catLocal, computation: ComputationProportion,
		measures: []measure.ID{"carers-quality-of-life", "acting-on-what-matters-to-carers"}},

	// Principle 4, additional indicators (the 'I statements' are principle 1's again).
	{id: "carers-identified-and-supported", name: "Local data: numbers of carers identified and known to be supported (in Joint Strategic Needs Assessment)",
		tier: TierAdditional, evidence: EvidenceCount, source: catLocalLA, computation: ComputationProportion,
		measures: []measure.ID{"carers-quality-of-life", "acting-on-what-matters-to-carers"}},
	{id: "carers-organisation-partnerships", name: "Audit evidence of partnerships with carers' organisations",
		tier: TierAdditional, evidence: EvidenceAuditTrail, source: catLocal, computation: ComputationNone,
		measures: []measure.ID{"acting-on-what-matters-to-carers"}},

	// Principle 5 (not split; three items are principle 2's again).
	{id: "statutory-investment-in-vcse", name: "Size of statutory sector investment in VCSE sector locally",
		tier: TierUntiered, evidence: EvidenceInvestment, source: catLocal, computation: ComputationNone,
		measures: []measure.ID{"vcse-positive-about-relationships"}},
	{id: "vcse-contract-outcomes", name: "Monitoring data on voluntary, community and social enterprise sector contract outcomes",
		tier: TierUntiered, evidence: EvidenceLocalData, source: catLocal, computation: ComputationNone,
		measures: []measure.ID{"vcse-positive-about-relationships"}},
	{id: "vcse-in-leadership-and-governance", name: "Demonstrable representation of these sectors in strategic leadership, governance, and programme planning and redesign",
		tier: TierUntiered, evidence: EvidenceAuditTrail, source: catLocal, computation: ComputationNone,
		measures: []measure.ID{"vcse-represented-in-strategic-partnerships"}},
	{id: "social-return-on-investment", name: "Social value indicators such as Social Return on Investment",
		focus: "Under principle 6, the social value of investment in volunteering and community development",
		tier:  TierUntiered, evidence: EvidenceSocialValue,
		source:      Source{PublisherLocal, GeographyLocal, "A guide to Social Return on Investment (Cabinet Office, 2009; revised by the SROI Network, now Social Value UK, 2012)"},
		computation: ComputationSROI,
		measures:    []measure.ID{"vcse-positive-about-relationships", "wellbeing-of-supported-people-and-volunteers", "volunteering-valued-by-commissioners-and-providers"}},

	// Principle 6 (not split; social value indicators are principle 5's again).
	{id: "community-group-health-improvement", name: "Improvement in neighbourhood health and wellbeing attributable to actions of community groups",
		tier: TierUntiered, evidence: EvidenceEvaluation, source: catLocal, computation: ComputationNone,
		measures: []measure.ID{"wellbeing-of-supported-people-and-volunteers", "community-groups"}},
	{id: "volunteering-investment", name: "Investment in volunteering schemes/programmes",
		tier: TierUntiered, evidence: EvidenceInvestment, source: catLocal, computation: ComputationNone,
		measures: []measure.ID{"volunteering-level-and-diversity", "volunteering-valued-by-commissioners-and-providers"}},
	{id: "community-development-investment", name: "Investment in community development",
		tier: TierUntiered, evidence: EvidenceInvestment, source: catLocal, computation: ComputationNone,
		measures: []measure.ID{"community-groups"}},
	{id: "volunteer-hours", name: "Numbers of volunteer hours",
		tier: TierUntiered, evidence: EvidenceCount, source: catLocal, computation: ComputationNone,
		measures: []measure.ID{"volunteering-level-and-diversity"}},
	{id: "volunteer-experience", name: "Volunteer experience and satisfaction",
		tier: TierUntiered, evidence: EvidenceLocalSurvey, source: catLocal, computation: ComputationProportion,
		measures: []measure.ID{"volunteers-feel-useful-and-supported", "wellbeing-of-supported-people-and-volunteers", "volunteers-seen-as-equals"}},
	{id: "local-community-and-voluntary-sector-survey", name: "Survey of the local community and voluntary sector",
		tier: TierUntiered, evidence: EvidenceLocalSurvey, source: catLocal, computation: ComputationProportion,
		measures: []measure.ID{"community-groups", "responsiveness-to-community-voice", "volunteering-seen-as-normal",
			"giving-as-well-as-receiving", "community-belonging", "transparent-accountable-services", "nhs-as-social-movement",
			"wider-range-of-person-centred-support"}},

	// Statutory guidance, "Measurement and assurance" (its national surveys are the GP
	// Patient Survey and the national patient surveys above).
	{id: "personal-health-budget-trajectory", name: "Progress towards trajectories to expand the uptake of personal health budgets",
		focus: "Each CCG's share of the Mandate commitment of 50,000 personal health budgets by March 2019",
		tier:  TierAssurance, evidence: EvidenceCount,
		source:      Source{PublisherNHSEngland, GeographyCommissioner, "NHS Operational Planning and Contracting Guidance 2017–19"},
		computation: ComputationNone,
		measures:    []measure.ID{"access-to-records-and-budgets"},
		actions:     []principle.Action{principle.PromotePersonalHealthBudgets}, statutory: true},
	{id: "personal-health-budgets-per-100000", name: "Personal health budgets per 100,000 population",
		tier: TierAssurance, evidence: EvidenceRate,
		source:      Source{PublisherNHSEngland, GeographyCommissioner, "CCG Improvement and Assessment Framework 2016/17, published on MyNHS"},
		computation: ComputationRate,
		measures:    []measure.ID{"access-to-records-and-budgets"},
		actions:     []principle.Action{principle.PromotePersonalHealthBudgets}, statutory: true},
	{id: "long-term-conditions-feeling-supported", name: "People with long term conditions feeling supported to manage their condition",
		tier: TierAssurance, evidence: EvidenceNationalSurvey,
		source:      Source{PublisherNHSEngland, GeographyCommissioner, "CCG Improvement and Assessment Framework 2016/17, from the GP Patient Survey, published on MyNHS"},
		computation: ComputationProportion,
		measures:    []measure.ID{"supported-to-attain-goals", "experience-of-care"},
		actions:     []principle.Action{principle.SupportPatients}, statutory: true},
	{id: "cquin-personalised-care-and-support-planning", name: "CQUIN 11: personalised care and support planning",
		tier: TierAssurance, evidence: EvidenceIncentive,
		source:      Source{PublisherLocal, GeographyTrust, "National Commissioning for Quality and Innovation (CQUIN) scheme 2017–19, indicator 11 (NHS England)"},
		computation: ComputationNone,
		measures:    []measure.ID{"access-to-care-planning"},
		actions:     []principle.Action{principle.CommissionForInvolvement, principle.AssureProviders}, statutory: true},
	{id: "cquin-specialised-patient-activation", name: "CQUIN Specialised Scheme: measurement of patient activation for long term conditions",
		tier: TierAssurance, evidence: EvidenceIncentive,
		source:      Source{PublisherLocal, GeographyTrust, "CQUIN Specialised Scheme 2017–19 (NHS England)"},
		computation: ComputationPAM,
		measures:    []measure.ID{"health-activation"},
		actions:     []principle.Action{principle.CommissionForInvolvement, principle.AssureProviders}, statutory: true},
	{id: "cqc-regulation-9", name: "CQC regulation 9: person-centred care",
		focus: "Providers must support people to understand and make informed decisions about their care and treatment options",
		tier:  TierAssurance, evidence: EvidenceRegulation,
		source:      Source{PublisherCQC, GeographyProvider, "Health and Social Care Act 2008 (Regulated Activities) Regulations 2014, regulation 9"},
		computation: ComputationNone,
		measures:    []measure.ID{"experience-of-care"},
		actions:     []principle.Action{principle.AssureProviders}, statutory: true},
	{id: "cqc-accessible-information-inspection", name: "CQC inspection reports on how providers apply the Accessible Information Standard",
		focus: "From October 2017 every inspection report says how the provider applies the standard",
		tier:  TierAssurance, evidence: EvidenceRegulation,
		source:      Source{PublisherCQC, GeographyProvider, "Care Quality Commission equality objectives 2017–2019"},
		computation: ComputationNone,
		measures:    []measure.ID{"experience-of-care", "narrowing-the-gap"},
		actions:     []principle.Action{principle.AssureProviders, principle.AdvanceEquality}, statutory: true},
}

// catByPrinciple lists, for each principle, its indicators in the order the framework lists
// them under it, then the statutory guidance's items that serve it.
var catByPrinciple = [...][]ID{
	principle.PersonCentredCare: {
		// Existing indicators.
		"adult-social-care-survey",
		"personalised-outcomes-evaluation-tool",
		"national-patient-surveys",
		"gp-patient-survey",
		"nhs-staff-survey",
		"health-survey-for-england",
		"community-mental-health-survey",
		// Additional indicators.
		"patient-activation-measure",
		"self-reporting-tools",
		"online-health-record-users",
		"personal-budget-holders",
		"national-voices-i-statements",
		"integrated-care-shared-commitment",
		// Statutory guidance, measurement and assurance.
		"personal-health-budget-trajectory",
		"personal-health-budgets-per-100000",
		"long-term-conditions-feeling-supported",
		"cquin-personalised-care-and-support-planning",
		"cquin-specialised-patient-activation",
		"cqc-regulation-9",
		"cqc-accessible-information-inspection",
	},
	principle.ServicesInPartnership: {
		"engagement-audit-trail",
		"lay-involvement-at-all-levels",
		"asset-based-community-development",
		"social-value-act-audit-trail",
		"vcse-and-healthwatch-partnership-agreements",
		"lay-leader-training",
		"co-production-in-redesign",
		"participant-diversity",
		"community-centred-approaches-guide",
	},
	principle.EqualityAndInequalities: {
		"target-group-data",
		"marmot-principles",
		"target-group-gp-registration",
		"target-group-attendance",
		"target-group-community-participation",
		"target-group-access-to-person-centred-care",
		// Statutory guidance, measurement and assurance.
		"cqc-accessible-information-inspection",
	},
	principle.Carers: {
		// Existing indicators.
		"survey-of-adult-carers",
		"national-patient-surveys",
		"health-survey-for-england",
		"gp-patient-survey",
		"carers-access-to-person-centred-care",
		// Additional indicators.
		"national-voices-i-statements",
		"carers-identified-and-supported",
		"carers-organisation-partnerships",
	},
	principle.VCSEAndHousing: {
		"asset-based-community-development",
		"social-value-act-audit-trail",
		"vcse-and-healthwatch-partnership-agreements",
		"statutory-investment-in-vcse",
		"vcse-contract-outcomes",
		"vcse-in-leadership-and-governance",
		"social-return-on-investment",
	},
	principle.VolunteeringAndSocialAction: {
		"community-group-health-improvement",
		"volunteering-investment",
		"community-development-investment",
		"social-return-on-investment",
		"volunteer-hours",
		"volunteer-experience",
		"local-community-and-voluntary-sector-survey",
	},
}

// catAliases are further spellings that name an indicator.
var catAliases = map[string]ID{
	"ascs":                              "adult-social-care-survey",
	"poet":                              "personalised-outcomes-evaluation-tool",
	"poets":                             "personalised-outcomes-evaluation-tool",
	"pam":                               "patient-activation-measure",
	"gpps":                              "gp-patient-survey",
	"general-practice-patient-survey":   "gp-patient-survey",
	"nhs-patient-survey-programme":      "national-patient-surveys",
	"hse":                               "health-survey-for-england",
	"health-survey-of-england":          "health-survey-for-england",
	"i-statements":                      "national-voices-i-statements",
	"sace":                              "survey-of-adult-carers",
	"survey-of-adult-carers-in-england": "survey-of-adult-carers",
	"sroi":                              "social-return-on-investment",
	"social-value-act":                  "social-value-act-audit-trail",
	"abcd":                              "asset-based-community-development",
	"cquin-11":                          "cquin-personalised-care-and-support-planning",
	"regulation-9":                      "cqc-regulation-9",
	"phb-per-100000":                    "personal-health-budgets-per-100000",
}
