package sample

import (
	"strconv"

	"github.com/peopleandcommunities/engage/equality"
	"github.com/peopleandcommunities/engage/indicator"
)

// The catalogue indicators the generated documents are evidence for.
const (
	IndicatorBudgets      = "personal-health-budgets-per-100000"
	IndicatorCarers       = "carers-identified-and-supported"
	IndicatorVolunteering = "volunteer-hours"
	IndicatorDiversity    = "participant-diversity"
	IndicatorReach        = "target-group-community-participation"
)

// synthetic labels a document title as generated.
func synthetic(title string) string {
	return title + ", " + PlaceName + " — SYNTHETIC sample data"
}

// BudgetsDataset returns the personal health budgets held and the residents of every small
// area in both years, for the crude rate per 100,000 (the statutory guidance's measure of
// personal health budgets).
func (g *Generator) BudgetsDataset() indicator.Dataset {
	d := indicator.Dataset{
		Indicator:  IndicatorBudgets,
		Title:      synthetic("Personal health budgets per 100,000 residents by small area, " + periods[0] + " and " + periods[1]),
		Statistic:  indicator.StatisticCrudeRate,
		Multiplier: 100_000,
		Rows:       make([]indicator.Row, 0, 2*len(g.areas)),
	}
	for c := range g.AllCounts() {
		ar := &g.areas[c.Area]
		for y, p := range periods {
			d.Rows = append(d.Rows, indicator.Row{
				Area: ar.Code, AreaName: ar.Name, Period: p,
				Numerator: float64(c.PersonalHealthBudgets[y]), Denominator: float64(ar.Population),
			})
		}
	}
	return d
}

// CarersDataset returns the carers identified by GP practices out of the estimated carers
// of every small area in the later year, for the percentage identified.
func (g *Generator) CarersDataset() indicator.Dataset {
	d := indicator.Dataset{
		Indicator:  IndicatorCarers,
		Title:      synthetic("Carers identified on GP carers' registers, % of estimated carers, by small area, " + periods[1]),
		Statistic:  indicator.StatisticProportion,
		Multiplier: 100,
		Rows:       make([]indicator.Row, 0, len(g.areas)),
	}
	for c := range g.AllCounts() {
		ar := &g.areas[c.Area]
		d.Rows = append(d.Rows, indicator.Row{
			Area: ar.Code, AreaName: ar.Name, Period: periods[1],
			Numerator: float64(c.CarersIdentified), Denominator: float64(ar.Carers),
		})
	}
	return d
}

// VolunteeringDataset returns the hours each volunteer gave in each year they were active,
// for the mean hours per volunteer (the number of observations is the number of volunteers,
// their sum the total hours).
func (g *Generator) VolunteeringDataset() indicator.Dataset {
	d := indicator.Dataset{
		Indicator: IndicatorVolunteering,
		Title:     synthetic("Hours given per volunteer in the voluntary and community sector, " + periods[0] + " and " + periods[1]),
		Statistic: indicator.StatisticMean,
	}
	for v := range g.Volunteers() {
		for y, h := range v.Hours {
			if h > 0 {
				d.Observations = append(d.Observations, indicator.Observation{Area: PlaceCode, Period: periods[y], Value: h})
			}
		}
	}
	return d
}

// broadGroups are the broad ethnic groups that representation is judged on.
var broadGroups = []equality.EthnicGroup{
	equality.EthnicGroupWhite, equality.EthnicGroupMixed, equality.EthnicGroupAsian,
	equality.EthnicGroupBlack, equality.EthnicGroupOther,
}

// residentsByGroup returns the place's residents by broad ethnic group, indexed by group.
func (g *Generator) residentsByGroup() [6]float64 {
	var n [6]float64
	cats := Categories()
	for i := range g.areas {
		for c, x := range g.areas[i].Residents {
			n[cats[c].Group()] += float64(x)
		}
	}
	return n
}

// ethnicGroupData returns counts by broad ethnic group (those recorded as not stated or not
// known are left out) against the residents.
func (g *Generator) ethnicGroupData(indicatorID, title string, counts [6]float64) equality.Data {
	res := g.residentsByGroup()
	area := equality.DataArea{Area: PlaceCode, Name: PlaceName, Period: periods[1]}
	for _, eg := range broadGroups {
		area.Groups = append(area.Groups, equality.DataGroup{
			Group: eg.String(), Participants: ptr(counts[eg]), Community: ptr(res[eg]),
		})
	}
	return equality.Data{
		Title: synthetic(title), Indicator: indicatorID,
		Dimension: equality.ByEthnicGroup, Areas: []equality.DataArea{area},
	}
}

// ParticipantsByEthnicGroup returns the participants of the year's engagement activities by
// broad ethnic group against the residents of each group, for principle two's "diversity of
// participants and how this relates to diversity of community".
func (g *Generator) ParticipantsByEthnicGroup() equality.Data {
	var n [6]float64
	for p := range g.Participants() {
		if p.Ethnic.Recorded() {
			n[p.Ethnic.Group()]++
		}
	}
	return g.ethnicGroupData(IndicatorDiversity,
		"Participants in engagement activities by ethnic group against residents, "+periods[1], n)
}

// ParticipantsByDeprivation returns the participants of the year's engagement activities by
// IMD 2019 quintile of where they live against the residents of each quintile.
func (g *Generator) ParticipantsByDeprivation() equality.Data {
	var n, res [6]float64
	for p := range g.Participants() {
		n[p.Quintile]++
	}
	for i := range g.areas {
		res[g.areas[i].Quintile] += float64(g.areas[i].Population)
	}
	area := equality.DataArea{Area: PlaceCode, Name: PlaceName, Period: periods[1]}
	for q := 1; q <= 5; q++ {
		if res[q] == 0 {
			continue // the place has no area in this quintile
		}
		area.Groups = append(area.Groups, equality.DataGroup{
			Group: strconv.Itoa(q), Participants: ptr(n[q]), Community: ptr(res[q]),
		})
	}
	return equality.Data{
		Title:     synthetic("Participants in engagement activities by deprivation quintile against residents, " + periods[1]),
		Indicator: IndicatorReach, Dimension: equality.ByDeprivationQuintile, IMDEdition: Edition,
		Areas: []equality.DataArea{area},
	}
}

// VolunteersByEthnicGroup returns the later year's volunteers by broad ethnic group against
// the residents of each group, for the diversity of volunteering.
func (g *Generator) VolunteersByEthnicGroup() equality.Data {
	var n [6]float64
	for v := range g.Volunteers() {
		if v.Hours[1] > 0 && v.Ethnic.Recorded() {
			n[v.Ethnic.Group()]++
		}
	}
	return g.ethnicGroupData(IndicatorVolunteering,
		"Volunteers by ethnic group against residents, "+periods[1], n)
}

func ptr(x float64) *float64 { return &x }
