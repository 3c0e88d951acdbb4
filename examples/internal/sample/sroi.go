package sample

import (
	"math"

	"github.com/shopspring/decimal"

	"github.com/peopleandcommunities/engage/pam"
	"github.com/peopleandcommunities/engage/sroi"
)

// fictionalProxy is the source and licence every proxy of the sample carries: none is a
// published value.
const (
	fictionalSource  = "FICTIONAL value invented for engage's synthetic sample; not a published proxy"
	fictionalLicence = "Not applicable: fictional figure"
)

// Referrals counts what the social prescribing impact map needs from the PAM cohort.
type Referrals struct {
	// Referred is the number of people referred; FollowedUp those measured again.
	Referred, FollowedUp int
	// Gained is the number whose activation rose by the CBE/NQF #2483 measure's 3 points or
	// more (pam.Gains, Hellström 2019 calibration, the licence holder's current levels).
	Gained int
}

// Referrals scores every person's responses with the library's scorer and counts the cohort.
func (g *Generator) Referrals() (Referrals, error) {
	s, err := pam.NewScorer(pam.Hellstrom2019(), pam.Insignia2024, pam.DefaultPolicy())
	if err != nil {
		return Referrals{}, err
	}
	var gains pam.Gains
	c := Referrals{}
	for p := range g.People() {
		c.Referred++
		if !p.FollowUp.Taken() {
			continue
		}
		c.FollowedUp++
		b, err := s.Score(p.Baseline.Response)
		if err != nil {
			return Referrals{}, err
		}
		f, err := s.Score(p.FollowUp.Response)
		if err != nil {
			return Referrals{}, err
		}
		gains.Add(b, f)
	}
	c.Gained = int(gains.Summary().Achieved)
	return c, nil
}

// SROIModel returns the impact map of the place's social prescribing service for the later
// year: inputs from the integrated care board, the council, the voluntary sector and
// volunteers, and outcomes for the people referred, the NHS and volunteers, with quantities
// taken from the generated cohort c and volunteers. Every proxy value, share and cost is
// invented and labelled so; the discounting is HM Treasury's Green Book schedule. The model
// carries what-if scenarios, distributions on its most uncertain assumptions and a seeded
// Monte Carlo simulation.
func (g *Generator) SROIModel(c Referrals) sroi.Model {
	n := float64(c.Referred)
	fu := float64(c.FollowedUp)
	vols := math.Round(0.2 * float64(g.size.Volunteers)) // volunteers running groups people are referred to
	q := func(x float64) decimal.Decimal { return decimal.NewFromFloat(math.Round(x)) }
	money := func(x float64) decimal.Decimal { return decimal.NewFromFloat(math.Round(x*100) / 100).Round(2) }
	share := func(s string) decimal.Decimal { return decimal.RequireFromString(s) }
	dist := func(shape sroi.Shape, lo, mode, hi decimal.Decimal) *sroi.Distribution {
		if shape == sroi.Uniform {
			mode = decimal.Decimal{} // a uniform distribution has no mode
		}
		return &sroi.Distribution{Shape: shape, Min: lo, Mode: mode, Max: hi}
	}
	proxy := func(desc string, value float64) sroi.Proxy {
		return sroi.Proxy{Description: desc + " (FICTIONAL)", Value: money(value), Source: fictionalSource, PriceYear: 2025, Licence: fictionalLicence}
	}
	output := q(n).String() + " people referred to a link worker"
	volunteerHours := vols * 60
	m := sroi.Model{
		Title: "Link-worker social prescribing in " + PlaceName + ", " + periods[1] + " — SYNTHETIC sample data",
		Description: Notice + " Quantities come from the generated cohort (people referred, followed up, " +
			"and gaining 3 or more activation points); every proxy value, cost and share is invented.",
		Currency:  "GBP",
		PriceYear: 2025,
		Stakeholders: []sroi.Stakeholder{
			{ID: "people", Name: "People referred to a link worker", Description: "Adults referred by GP practices and other services for non-medical support (fictional)."},
			{ID: "nhs", Name: "NHS: general practice and hospital", Description: "The place's primary care networks and acute trust (fictional)."},
			{ID: "volunteers", Name: "Volunteers", Description: "Volunteers who run the groups people are referred to (fictional)."},
			{ID: "funders", Name: "Funders", Description: "The integrated care board, the council and voluntary sector partners (fictional)."},
		},
		Inputs: []sroi.Input{
			{ID: "icb-grant", Stakeholder: "funders", Description: "Integrated care board funding for link workers (fictional)", Value: money(110 * n)},
			{ID: "council-grant", Stakeholder: "funders", Description: "Council grant for community groups (fictional)", Value: money(25 * n)},
			{ID: "vcse-in-kind", Stakeholder: "funders", Description: "Voluntary sector venues and management time, valued (fictional)", Value: money(20 * n), NonFinancial: true},
		},
		Outcomes: []sroi.Outcome{
			{
				ID: "more-activated", Stakeholder: "people", Description: "More able to manage their own health",
				Output: output, Indicator: "Patient Activation Measure score up by 3 points or more at 6 to 12 months (CBE/NQF #2483)",
				IndicatorSource: "The PAM responses of this sample", Quantity: q(float64(c.Gained)), Duration: 1,
				Proxy:      proxy("Value of a year of greater confidence to manage one's health", 650),
				Deadweight: share("0.25"), Displacement: share("0"), Attribution: share("0.25"), DropOff: share("0"),
				Uncertainty: &sroi.Uncertainty{
					Deadweight:  dist(sroi.PERT, share("0.1"), share("0.25"), share("0.45")),
					Attribution: dist(sroi.Triangular, share("0.15"), share("0.25"), share("0.4")),
				},
			},
			{
				ID: "better-wellbeing", Stakeholder: "people", Description: "Better mental wellbeing",
				Output: output, Indicator: "WEMWBS score up by 3 or more at follow-up",
				IndicatorSource: "Link worker records (fictional)", Quantity: q(0.40 * fu), Duration: 2,
				Proxy:      proxy("Value of improved mental wellbeing for a year", 1200),
				Deadweight: share("0.3"), Displacement: share("0"), Attribution: share("0.3"), DropOff: share("0.4"),
				Uncertainty: &sroi.Uncertainty{
					Quantity:   dist(sroi.Triangular, q(0.32*fu), q(0.40*fu), q(0.45*fu)),
					Deadweight: dist(sroi.PERT, share("0.15"), share("0.3"), share("0.5")),
					DropOff:    dist(sroi.Uniform, share("0.25"), share("0.4"), share("0.6")),
				},
			},
			{
				ID: "less-lonely", Stakeholder: "people", Description: "Feel less lonely",
				Output: output, Indicator: "UCLA 3-item loneliness score down by 2 or more at follow-up",
				IndicatorSource: "Link worker records (fictional)", Quantity: q(0.35 * fu), Duration: 2,
				Proxy:      proxy("Value of feeling less lonely for a year", 1500),
				Deadweight: share("0.25"), Displacement: share("0"), Attribution: share("0.35"), DropOff: share("0.5"),
				Uncertainty: &sroi.Uncertainty{
					Attribution: dist(sroi.Triangular, share("0.2"), share("0.35"), share("0.5")),
					DropOff:     dist(sroi.Uniform, share("0.3"), share("0.5"), share("0.7")),
				},
			},
			{
				ID: "fewer-gp-appointments", Stakeholder: "nhs", Description: "Fewer GP appointments",
				Output: output, Indicator: "GP appointments in the 12 months after referral against the 12 months before",
				IndicatorSource: "Practice systems (fictional)", Quantity: q(1.6 * n), Duration: 1,
				Proxy:      proxy("Cost of a GP appointment (stand-in for a published unit cost)", 42),
				Deadweight: share("0.2"), Displacement: share("0"), Attribution: share("0.2"), DropOff: share("0"),
				Uncertainty: &sroi.Uncertainty{Quantity: dist(sroi.PERT, q(1.0*n), q(1.6*n), q(2.0*n))},
			},
			{
				ID: "fewer-ae-attendances", Stakeholder: "nhs", Description: "Fewer A&E attendances",
				Output: output, Indicator: "A&E attendances in the 12 months after referral against the 12 months before",
				IndicatorSource: "Hospital episode data (fictional)", Quantity: q(0.12 * n), Duration: 1,
				Proxy:      proxy("Cost of an A&E attendance (stand-in for a published unit cost)", 180),
				Deadweight: share("0.2"), Displacement: share("0.1"), Attribution: share("0.25"), DropOff: share("0"),
			},
		},
		Discount: sroi.Discount{Schedule: sroi.GreenBook},
		Scenarios: []sroi.Scenario{
			{Name: "Deadweight 40% for every outcome", Description: "Had half as much again happened anyway.",
				Changes: []sroi.Change{{Assumption: sroi.Deadweight, Value: share("0.4")}}},
			{Name: "Attribution 50% for every outcome", Description: "Other services and people owed half of every change.",
				Changes: []sroi.Change{{Assumption: sroi.Attribution, Value: share("0.5")}}},
			{Name: "Wellbeing and loneliness last one year", Description: "No benefit carried into the second year.",
				Changes: []sroi.Change{
					{Outcome: "better-wellbeing", Assumption: sroi.Duration, Value: share("1")},
					{Outcome: "less-lonely", Assumption: sroi.Duration, Value: share("1")},
				}},
		},
		Simulation: &sroi.Simulation{Draws: 10_000, Seed: g.seed & sroi.MaxSeed},
	}
	if vols > 0 {
		m.Inputs = append(m.Inputs, sroi.Input{ID: "volunteer-time", Stakeholder: "volunteers",
			Description: q(volunteerHours).String() + " volunteer hours valued at £12 an hour (fictional rate)",
			Value:       money(12 * volunteerHours), NonFinancial: true,
			Uncertainty: dist(sroi.Uniform, money(9*volunteerHours), money(12*volunteerHours), money(15*volunteerHours))})
		m.Outcomes = append(m.Outcomes, sroi.Outcome{
			ID: "volunteer-wellbeing", Stakeholder: "volunteers", Description: "Volunteers' own wellbeing improves",
			Output: q(vols).String() + " volunteers running groups", Indicator: "Volunteers reporting better wellbeing in the annual survey",
			IndicatorSource: "Volunteer survey (fictional)", Quantity: q(0.6 * vols), Duration: 1,
			Proxy:      proxy("Value of improved wellbeing from volunteering for a year", 1000),
			Deadweight: share("0.2"), Displacement: share("0"), Attribution: share("0.2"), DropOff: share("0"),
		})
	}
	return m
}
