package sample

import (
	"github.com/peopleandcommunities/engage/equality"
	"github.com/peopleandcommunities/engage/examples/internal/place"
	"github.com/peopleandcommunities/engage/indicator"
	"github.com/peopleandcommunities/engage/pam"
)

// MaxBundlePeople is the most people a bundle may hold: a bundle is one JSON document, and
// engage's schema validation accepts at most 1,000,000 JSON values in one document. Larger
// populations are streamed with People instead.
const MaxBundlePeople = 20_000

// Bundle returns the whole place as one place bundle: its areas and neighbourhoods, every
// person's PAM responses, the social prescribing impact map (when someone was referred), the
// indicator datasets, the equality data, the survey observations and the evidence records,
// with the assessment period (reportYear) and day (asOf). Sizes beyond MaxBundlePeople people, or 20,000 areas, are refused with
// ErrSize.
func (g *Generator) Bundle() (*place.Bundle, error) {
	if g.size.People > MaxBundlePeople || g.size.Areas > 20_000 {
		return nil, ErrSize
	}
	b := &place.Bundle{
		Title:      PlaceName + " engagement evidence, " + periods[1] + " — SYNTHETIC sample data",
		Synthetic:  true,
		Notice:     Notice,
		Place:      place.Area{Code: PlaceCode, Name: PlaceName},
		Period:     periods[1],
		IMDEdition: Edition,
		Indicators: []indicator.Dataset{g.BudgetsDataset(), g.CarersDataset()},
		Equality:   []equality.Data{g.ParticipantsByEthnicGroup(), g.ParticipantsByDeprivation(), g.VolunteersByEthnicGroup()},
	}
	obs, err := g.Observations()
	if err != nil {
		return nil, err
	}
	ev := g.Evidence()
	b.Assessment = &place.Assessment{Period: reportYear, AsOf: asOf}
	b.Observations = &obs
	b.Evidence = &ev
	if g.NumVolunteers() > 0 {
		b.Indicators = append(b.Indicators, g.VolunteeringDataset())
	}
	if g.size.People > 0 {
		// The impact map describes the social prescribing service, which a place with no
		// referrals does not have.
		ref, err := g.Referrals()
		if err != nil {
			return nil, err
		}
		model := g.SROIModel(ref)
		b.SROI = &model
	}
	for _, n := range g.neighbourhoods {
		b.Neighbourhoods = append(b.Neighbourhoods, place.Area{Code: n.Code, Name: n.Name})
	}
	for _, a := range g.areas {
		b.Areas = append(b.Areas, place.SmallArea{
			Code: a.Code, Name: a.Name, Neighbourhood: g.neighbourhoods[a.Neighbourhood].Code,
			IMDRank: a.IMDRank, Population: a.Population,
		})
	}
	b.PAM = &place.PAM{LevelScheme: pam.Insignia2024, Respondents: make([]place.Respondent, 0, g.size.People)}
	for p := range g.People() {
		r := place.Respondent{ID: p.ID, Area: p.AreaCode, IMDDecile: p.Decile, EthnicCategory: p.Ethnic, Baseline: p.Baseline.Response}
		if p.FollowUp.Taken() {
			f := p.FollowUp.Response
			r.FollowUp = &f
		}
		b.PAM.Respondents = append(b.PAM.Respondents, r)
	}
	return b, nil
}
