package sample

import (
	"cmp"
	"math"
	"slices"
	"strconv"

	"github.com/peopleandcommunities/engage/equality"
)

// Neighbourhood is a group of neighbouring small areas, the size of a primary care network
// (about 25,000 residents at the small size).
type Neighbourhood struct {
	// Index is the neighbourhood's position, 0 …; Code and Name identify it.
	Index int
	Code  string
	Name  string
	// First and End delimit its areas: Areas()[First:End].
	First, End int
}

// Area is one small area, the size of a Lower layer Super Output Area (LSOA): about 1,700
// residents with an English IMD 2019 rank.
type Area struct {
	// Index is the area's position, 0 …; Code and Name identify it.
	Index int
	Code  string
	Name  string
	// Neighbourhood is the index of the neighbourhood the area belongs to.
	Neighbourhood int
	// IMDRank is the area's rank in IMD 2019, 1 (most deprived) … 32,844; Decile and Quintile
	// are the national decile and quintile of that rank (1 = most deprived).
	IMDRank, Decile, Quintile int
	// Population is the number of residents.
	Population int
	// Residents counts the residents by ethnic category, indexed by the category's position
	// among the sixteen recorded categories of the NHS code set (Categories()); the counts
	// sum to Population. They stand in for census counts.
	Residents [NumCategories]int
	// Carers is the estimated number of residents who give unpaid care, the denominator of
	// the share of carers that GP practices have identified.
	Carers int
}

// NumCategories is the number of recorded ethnic categories (A … S) of the NHS code set.
const NumCategories = 16

// Categories returns the sixteen recorded ethnic categories of the NHS Data Dictionary code
// set, in its order; Area.Residents is indexed in the same order.
func Categories() []equality.EthnicCategory {
	cs := make([]equality.EthnicCategory, 0, NumCategories)
	for _, c := range equality.EthnicCodes2001.Categories() {
		if c.Recorded() {
			cs = append(cs, c)
		}
	}
	return cs
}

// baseShares are the place's ethnic composition before the lean of deprivation and local
// clustering: invented figures that resemble an English city, in the order of Categories.
var baseShares = [NumCategories]float64{
	0.660, 0.010, 0.070, // White: British, Irish, other
	0.012, 0.006, 0.010, 0.009, // Mixed
	0.035, 0.055, 0.018, 0.018, // Asian: Indian, Pakistani, Bangladeshi, other
	0.014, 0.035, 0.006, // Black: Caribbean, African, other
	0.009, 0.017, // Chinese, any other
}

var neighbourhoodNames = []string{
	"Brackenford Central", "Northgate", "Millbrook", "Ashby Vale",
	"Riverside", "Hollins Green", "Castle Fields", "Fenwick",
}

// buildAreas draws the areas' ranks, neighbourhoods, populations, ethnic composition and
// carers, and the weights with which records are placed in them.
func (g *Generator) buildAreas() {
	r := stream(g.seed, streamAreas, 0)
	n := Edition.LSOAs()
	a := g.size.Areas

	// Ranks: every rank once at national size; otherwise a weighted sample without
	// replacement (Efraimidis and Spirakis 2006, "Weighted random sampling with a
	// reservoir", Inf Process Lett 97:181–185: keep the a largest ln(U)/w) with weights
	// falling from 1.5 at the most deprived rank to 0.5 at the least.
	type pick struct {
		rank int
		key  float64
	}
	picks := make([]pick, n)
	for i := range picks {
		w := 1.5 - float64(i)/float64(n-1)
		if a == n {
			w = 1
		}
		picks[i] = pick{rank: i + 1, key: math.Log(1-r.Float64()) / w}
	}
	if a < n {
		slices.SortFunc(picks, func(x, y pick) int { return cmp.Compare(y.key, x.key) })
		picks = picks[:a]
	}
	// Neighbours are alike: order the ranks with noise and cut the order into neighbourhoods.
	for i := range picks {
		picks[i].key = float64(picks[i].rank) + 0.12*float64(n)*r.NormFloat64()
	}
	slices.SortFunc(picks, func(x, y pick) int { return cmp.Compare(x.key, y.key) })

	k := g.size.Neighbourhoods
	g.neighbourhoods = make([]Neighbourhood, k)
	// Each neighbourhood leans towards some groups: a factor per category.
	lean := make([][NumCategories]float64, k)
	for j := range g.neighbourhoods {
		name := PlaceName + " neighbourhood " + strconv.Itoa(j+1)
		if k <= len(neighbourhoodNames) {
			name = neighbourhoodNames[j]
		}
		g.neighbourhoods[j] = Neighbourhood{Index: j, Code: neighbourhoodCode(j), Name: name,
			First: j * a / k, End: (j + 1) * a / k}
		for c := range lean[j] {
			lean[j][c] = math.Exp(0.45 * r.NormFloat64())
		}
	}

	g.areas = make([]Area, a)
	g.shares = make([][]float64, a)
	referral := make([]float64, a)
	participant := make([]float64, a)
	volunteer := make([]float64, a)
	for j, nb := range g.neighbourhoods {
		for i := nb.First; i < nb.End; i++ {
			rank := picks[i].rank
			dec, _ := equality.DeprivationDecile(Edition, rank)
			qui, _ := dec.Quintile()
			ar := Area{
				Index: i, Code: areaCode(i),
				Name:          PlaceName + " " + pad3(j+1) + letters(i-nb.First),
				Neighbourhood: j, IMDRank: rank, Decile: dec.Group, Quintile: qui.Group,
				Population: int(clamp(math.Round(1650+260*r.NormFloat64()), 1000, 3200)),
			}
			// Composition: the base shares, more diverse in more deprived areas (other than
			// White British, ×1.7 in decile 1 falling to ×0.53 in decile 10), the
			// neighbourhood's lean and the area's own variation.
			var w [NumCategories]float64
			d := float64(ar.Decile - 1)
			for c := range w {
				w[c] = baseShares[c] * lean[j][c] * math.Exp(0.25*r.NormFloat64())
				if c != 0 {
					w[c] *= 1.7 - 0.13*d
				}
			}
			ar.Residents = apportion(ar.Population, w[:])
			ws := make([]float64, NumCategories)
			for c, x := range ar.Residents {
				ws[c] = float64(x)
			}
			g.shares[i] = cumulative(ws)
			// About one resident in ten gives unpaid care, a little more in deprived areas.
			ar.Carers = int(math.Round(float64(ar.Population) * (0.105 - 0.0022*d) * math.Exp(0.08*r.NormFloat64())))
			g.areas[i] = ar

			pop := float64(ar.Population)
			referral[i] = pop * (1.5 - 0.09*d)    // referrals come more from deprived areas
			participant[i] = pop * (0.7 + 0.07*d) // engagement reaches them less
			volunteer[i] = pop * (0.75 + 0.06*d)
		}
	}
	g.referralCum = cumulative(referral)
	g.participantCum = cumulative(participant)
	g.volunteerCum = cumulative(volunteer)
}

// apportion divides total among the weights in proportion, by largest remainder (Hamilton's
// method), so that the parts are whole and sum to total exactly.
func apportion(total int, w []float64) [NumCategories]int {
	var out [NumCategories]int
	sum := 0.0
	for _, x := range w {
		sum += x
	}
	type rem struct {
		i int
		f float64
	}
	rems := make([]rem, len(w))
	given := 0
	for i, x := range w {
		q := float64(total) * x / sum
		out[i] = int(math.Floor(q))
		given += out[i]
		rems[i] = rem{i, q - math.Floor(q)}
	}
	slices.SortStableFunc(rems, func(a, b rem) int { return cmp.Compare(b.f, a.f) })
	for k := 0; given < total; k++ {
		out[rems[k%len(rems)].i]++
		given++
	}
	return out
}

// pad3 writes n with at least three digits.
func pad3(n int) string {
	s := strconv.Itoa(n)
	for len(s) < 3 {
		s = "0" + s
	}
	return s
}

// letters writes 0 as "A", 25 as "Z", 26 as "AA", as LSOA names number the areas of an MSOA.
func letters(i int) string {
	s := ""
	for {
		s = string(rune('A'+i%26)) + s
		i = i/26 - 1
		if i < 0 {
			return s
		}
	}
}
