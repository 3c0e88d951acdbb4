package sample

import (
	"iter"
	"math"
)

// AreaCounts are the counts the place's systems hold for one small area.
type AreaCounts struct {
	// Area is the area's index.
	Area int
	// PersonalHealthBudgets is the number of residents holding a personal health budget in
	// each of the two years (periods).
	PersonalHealthBudgets [2]int
	// CarersIdentified is the number of carers that the area's GP practices have identified
	// on their carers' registers in the later year, out of Area.Carers.
	CarersIdentified int
}

// The count model (invented): personal health budgets per 100,000 residents in each year, and
// the share of carers identified, both lower in more deprived quintiles; neighbourhoods
// differ by a random factor (how actively their practices offer budgets and find carers).
var (
	budgetRate     = [2]float64{160e-5, 205e-5}
	budgetQuintile = [5]float64{0.78, 0.88, 1.0, 1.08, 1.15}
	carerShare     = 0.28
	carerQuintile  = [5]float64{0.80, 0.90, 1.0, 1.05, 1.10}
)

// Counts returns the counts of area i (0 ≤ i < Size().Areas).
func (g *Generator) Counts(i int) AreaCounts {
	ar := &g.areas[i]
	budgets, carers := g.neighbourhoodEffects(ar.Neighbourhood)
	r := stream(g.seed, streamCounts, i)
	q := ar.Quintile - 1
	c := AreaCounts{Area: i}
	for y := range c.PersonalHealthBudgets {
		c.PersonalHealthBudgets[y] = poisson(r, float64(ar.Population)*budgetRate[y]*budgetQuintile[q]*budgets)
	}
	c.CarersIdentified = binomial(r, ar.Carers, clamp(carerShare*carerQuintile[q]*carers, 0, 0.95))
	return c
}

// AllCounts returns every area's counts in order of area.
func (g *Generator) AllCounts() iter.Seq[AreaCounts] {
	return func(yield func(AreaCounts) bool) {
		for i := range g.areas {
			if !yield(g.Counts(i)) {
				return
			}
		}
	}
}

// neighbourhoodEffects returns neighbourhood j's factors on the budget rate and on the share
// of carers identified, from a stream of its own.
func (g *Generator) neighbourhoodEffects(j int) (budgets, carers float64) {
	r := stream(g.seed, streamCounts, MaxAreas+j)
	return math.Exp(0.15 * r.NormFloat64()), math.Exp(0.2 * r.NormFloat64())
}
