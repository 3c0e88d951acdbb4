package build

import "slices"

// methods are the methods the report can name, with their sources.
var methods = map[string]Method{
	"pam-rasch": {Name: "Patient Activation Measure scored by Rasch maximum likelihood (engage pam.NewScorer)",
		Citation: "Hibbard JH et al. Development of the Patient Activation Measure. Health Serv Res 2004;39:1005–1026; " +
			"Hibbard JH et al. Development and testing of a short form of the PAM. Health Serv Res 2005;40:1918–1930; " +
			"calibration: Hellström A et al. BMC Public Health 2019;19:1701 (a published Swedish calibration, not the licence holder's), unless the bundle supplies another"},
	"pam-levels": {Name: "PAM levels from the score's cut points (engage pam.LevelScheme)",
		Citation: "Insignia Health's current cut points 47.0 / 55.1 / 72.4 as recorded by the Shirley Ryan AbilityLab Rehabilitation Measures Database (2024); " +
			"or the original 47.0 / 55.1 / 67.0 of Hibbard et al. 2005"},
	"t-mean": {Name: "Mean with a Student t confidence interval (engage pam.Cohort, indicator.NewMean)",
		Citation: "OHID PHEindicatormethods phe_mean; Public Health England, Technical Guide: Confidence Intervals (2018)"},
	"welch": {Name: "Difference between two independent means with Welch's interval",
		Citation: "Welch BL. The generalization of 'Student's' problem when several different population variances are involved. Biometrika 1947;34:28–35"},
	"paired-mean": {Name: "Mean change within the same people with a Student t interval on the paired differences (engage indicator.MeanTally)",
		Citation: "Altman DG. Practical Statistics for Medical Research. Chapman & Hall, 1991 (paired data)"},
	"cbe-2483": {Name: "CBE/NQF #2483 Gains in Patient Activation Measure scores: share of eligible pairs gaining 3 points or more in 6 to 12 months (engage pam.Gains)",
		Citation: "Battelle Partnership for Quality Measurement, CBE #2483 (steward Insignia Health); CMS MIPS quality measure 503"},
	"wilson": {Name: "Proportion with the Wilson score interval (engage indicator.NewProportion)",
		Citation: "Wilson EB. Probable inference, the law of succession, and statistical inference. J Am Stat Assoc 1927;22:209–212; OHID PHEindicatormethods phe_proportion"},
	"newcombe": {Name: "Difference between two independent proportions with Newcombe's hybrid score interval",
		Citation: "Newcombe RG. Interval estimation for the difference between independent proportions: comparison of eleven methods. Stat Med 1998;17:873–890 (method 10)"},
	"poisson-rate": {Name: "Crude rate with exact Poisson limits below 10 events and Byar's approximation from 10 (engage indicator.NewRate)",
		Citation: "OHID PHEindicatormethods phe_rate; Breslow NE, Day NE. Statistical Methods in Cancer Research vol II, IARC 1987; Public Health England, Technical Guide: Confidence Intervals (2018)"},
	"rate-ratio": {Name: "Ratio of two rates with the large-sample interval on the log scale, exp(ln RR ± z·√(1/O₁ + 1/O₂))",
		Citation: "Rothman KJ, Greenland S, Lash TL. Modern Epidemiology, 3rd edn. Lippincott Williams & Wilkins, 2008"},
	"benchmark": {Name: "Comparison with a benchmark: significantly better or worse when the 95 % interval excludes it (engage indicator.Compare)",
		Citation: "Public Health England, Technical Guide: Confidence Intervals (2018); OHID Fingertips, Public Health Profiles"},
	"phe-sii": {Name: "Slope index of inequality across deprivation quintiles with Monte Carlo limits (engage equality.SII)",
		Citation: "Low A, Low A. Measuring the gap: quantifying and comparing local health inequalities. J Public Health 2004;26:388–395; OHID PHEindicatormethods phe_sii"},
	"gap-change": {Name: "Change in a gap between two periods, as the difference of two independent estimates (engage equality.GapChange)",
		Citation: "Altman DG, Bland JM. Interaction revisited: the difference between two estimates. BMJ 2003;326:219"},
	"representation": {Name: "Representation ratio (participants' share over the community's) with a Wilson interval, index of dissimilarity and Pearson chi-square test (engage equality.Representation)",
		Citation: "Wilson EB 1927; Duncan OD, Duncan B. Am Sociol Rev 1955;20:210–217; Pearson K. Philos Mag 1900;50:157–175"},
	"sroi": {Name: "Social Return on Investment: impact map, deductions, drop-off, discounting, ratio, net present value and payback (engage sroi.Evaluate)",
		Citation: "Cabinet Office, Office of the Third Sector. A guide to Social Return on Investment, 2009 (SROI Network update 2012); HM Treasury, The Green Book (2022), Annex A6 discount rates"},
	"sroi-scenarios": {Name: "What-if scenarios and one-at-a-time sensitivity at each uncertain assumption's lowest and highest value (engage sroi.Evaluate)",
		Citation: "A guide to Social Return on Investment, stage 5.4 (sensitivity analysis)"},
	"assessment": {Name: "Principle-by-principle assessment of observations and evidence records: values against benchmarks and targets, trends, lay involvement, the feedback loop and representation, with statuses by written rules (engage assessment.Assess)",
		Citation: "Six principles for engaging people and communities: definitions, evaluation and measurement (People and Communities Board); NHS England, Involving people in their own health and care: statutory guidance, key actions; benchmark comparison as Public Health England, Technical Guide: Confidence Intervals (2018)"},
	"sroi-monte-carlo": {Name: "Seeded Monte Carlo simulation over the impact map's uniform, triangular and PERT distributions (engage sroi.Simulate)",
		Citation: "engage sroi package documentation; PERT draws after Marsaglia G, Tsang WW. ACM Trans Math Softw 2000;26:363–372"},
}

// methodList returns the methods named by the findings, in order of first use.
func methodList(findings []Finding) []Method {
	var out []Method
	var seen []string
	for _, f := range findings {
		for _, id := range f.Methods {
			if slices.Contains(seen, id) {
				continue
			}
			seen = append(seen, id)
			m := methods[id]
			m.ID = id
			out = append(out, m)
		}
	}
	return out
}
