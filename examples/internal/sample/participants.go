package sample

import (
	"iter"
	"math"

	"github.com/peopleandcommunities/engage/equality"
)

// Participant is one person who took part in one of the place's engagement activities.
type Participant struct {
	// Index is the participant's position, 0 … Size.Participants − 1.
	Index int
	// Activity is the index of the activity taken part in, 0 … NumActivities() − 1.
	Activity int
	// Area, AreaCode, Decile and Quintile say where the participant lives, as for Person.
	Area             int
	AreaCode         string
	Decile, Quintile int
	// Ethnic is the participant's ethnic category as recorded.
	Ethnic equality.EthnicCategory
}

// Volunteer is one volunteer of the place's voluntary and community sector, with the hours
// given in each of two years.
type Volunteer struct {
	// Index is the volunteer's position, 0 … NumVolunteers() − 1; ID a pseudonymous identifier.
	Index int
	ID    string
	// Area, AreaCode, Decile and Quintile say where the volunteer lives, as for Person.
	Area             int
	AreaCode         string
	Decile, Quintile int
	// Ethnic is the volunteer's ethnic category as recorded.
	Ethnic equality.EthnicCategory
	// Hours holds the hours given in the earlier and the later year (periods[0] and
	// periods[1]); 0 when the volunteer was not active that year.
	Hours [2]float64
}

// periods are the two financial years the sample covers; the later one is the year reported.
var periods = [2]string{"2024/25", "2025/26"}

// Periods returns the two financial years the sample covers, "2024/25" and "2025/26"; the
// later one is the year reported.
func Periods() [2]string { return periods }

// How engagement and volunteering reach each broad ethnic group, relative to the group's share
// of residents (invented): indexed by equality.EthnicGroup.
var (
	participantReach = [6]float64{0, 1.0, 0.8, 0.62, 0.55, 0.7}
	volunteerReach   = [6]float64{0, 1.0, 0.85, 0.75, 0.8, 0.8}
	// activeEarlier is the share of the later year's volunteers who were also active in the
	// earlier year; leavers adds volunteers active only in the earlier year.
	activeEarlier = 0.75
	leavers       = 0.10
	// hoursMedian and hoursSpread shape the hours a volunteer gives in a year: log-normal
	// with this median and log-scale standard deviation, a little more in the later year.
	hoursMedian = 42.0
	hoursSpread = 0.75
	hoursGrowth = 1.08
)

// NumActivities returns the number of engagement activities participants took part in: one
// per 75 participants, at least one and at most 5,000.
func (g *Generator) NumActivities() int {
	return max(1, min(5000, (g.size.Participants+74)/75))
}

// Participant returns participant i (0 ≤ i < Size().Participants).
func (g *Generator) Participant(i int) Participant {
	r := stream(g.seed, streamParticipants, i)
	ai := categorical(r, g.participantCum)
	ar := &g.areas[ai]
	return Participant{
		Index: i, Activity: r.IntN(g.NumActivities()),
		Area: ai, AreaCode: ar.Code, Decile: ar.Decile, Quintile: ar.Quintile,
		Ethnic: g.ethnic(r, ai, &participantReach),
	}
}

// Participants returns every participant in order of index.
func (g *Generator) Participants() iter.Seq[Participant] {
	return func(yield func(Participant) bool) {
		for i := range g.size.Participants {
			if !yield(g.Participant(i)) {
				return
			}
		}
	}
}

// NumVolunteers returns the number of volunteer records: Size().Volunteers active in the
// later year, and those who left after the earlier one.
func (g *Generator) NumVolunteers() int {
	return g.size.Volunteers + int(math.Round(leavers*float64(g.size.Volunteers)))
}

// Volunteer returns volunteer i (0 ≤ i < NumVolunteers()).
func (g *Generator) Volunteer(i int) Volunteer {
	r := stream(g.seed, streamVolunteers, i)
	ai := categorical(r, g.volunteerCum)
	ar := &g.areas[ai]
	v := Volunteer{
		Index: i, ID: recordID('V', i),
		Area: ai, AreaCode: ar.Code, Decile: ar.Decile, Quintile: ar.Quintile,
		Ethnic: g.ethnic(r, ai, &volunteerReach),
	}
	hours := func(scale float64) float64 {
		h := hoursMedian * scale * math.Exp(hoursSpread*r.NormFloat64())
		return math.Max(1, math.Round(2*h)/2)
	}
	earlier := i >= g.size.Volunteers || r.Float64() < activeEarlier
	if earlier {
		v.Hours[0] = hours(1)
	}
	if i < g.size.Volunteers {
		v.Hours[1] = hours(hoursGrowth)
	}
	return v
}

// Volunteers returns every volunteer record in order of index.
func (g *Generator) Volunteers() iter.Seq[Volunteer] {
	return func(yield func(Volunteer) bool) {
		for i := range g.NumVolunteers() {
			if !yield(g.Volunteer(i)) {
				return
			}
		}
	}
}
