package indicator

import (
	"cmp"
	"slices"

	"github.com/peopleandcommunities/engage/internal/exactsum"
)

// Tally accumulates a numerator and a denominator over many records (people, events, small
// areas, person-years), for a proportion or a crude rate. The zero value is an empty tally.
//
// Tallies built on different workers combine with Merge, and the result does not depend on
// how the records were split, nor on the order of Add and Merge: the state after any
// sequence of them over the same records is identical, bit for bit, and so are Numerator,
// Denominator, the statistics and the binary encoding. Each numerator and denominator is
// held as an integer multiple of 2⁻⁶⁴, which every value from 2⁻¹² up already is (a smaller
// one moves to the nearest multiple, by at most 2⁻⁶⁵ ≈ 2.7·10⁻²⁰), and the multiples are
// added as 192-bit integers, which cannot overflow before 2⁶³ records of MaxMagnitude.
// Numerator and Denominator are the exact totals rounded once to the nearest float64, so
// totals of integer counts below 2⁵³ are exact and fractional ones (0.5 person-years, 2.25
// hours) are as close as a float64 can be. This is an exact fixed-point accumulator in the
// manner of Kulisch's (Kulisch U, Computer Arithmetic and Validity, 2nd ed., de Gruyter
// 2013).
//
// A Tally is not safe for concurrent use; give each worker its own.
type Tally struct {
	num, den exactsum.Sum
	records  int
}

// Add adds one record's numerator and denominator (for a record per person: 1 or 0, and 1).
// Each must be finite, not negative and at most MaxMagnitude; a record that is not is
// rejected with an error matching ErrOutOfRange and leaves the tally unchanged.
func (t *Tally) Add(numerator, denominator float64) error {
	switch {
	case !count(numerator):
		return &FieldError{Path: "/numerator", Err: ErrOutOfRange, Detail: "a numerator from 0 to 1e15"}
	case !count(denominator):
		return &FieldError{Path: "/denominator", Err: ErrOutOfRange, Detail: "a denominator from 0 to 1e15"}
	}
	// t.num.Add(numerator) and t.den.Add(denominator), taken apart so that they inline
	nh, nl := exactsum.Magnitude(numerator)
	dh, dl := exactsum.Magnitude(denominator)
	t.num.AddMagnitude(nh, nl)
	t.den.AddMagnitude(dh, dl)
	t.records++
	return nil
}

// Merge adds every record of other into t, exactly. other is not changed.
func (t *Tally) Merge(other *Tally) {
	t.num.Merge(other.num)
	t.den.Merge(other.den)
	t.records += other.records
}

// Numerator returns the sum of the numerators added, rounded once to the nearest float64.
func (t *Tally) Numerator() float64 { return t.num.Float64() }

// Denominator returns the sum of the denominators added, rounded once to the nearest float64.
func (t *Tally) Denominator() float64 { return t.den.Float64() }

// Records returns how many records were added.
func (t *Tally) Records() int { return t.records }

// Proportion returns the proportion of the totals; see [NewProportion].
func (t *Tally) Proportion(o Options) (Proportion, error) {
	return NewProportion(t.Numerator(), t.Denominator(), o)
}

// Rate returns the crude rate of the totals; see [NewRate].
func (t *Tally) Rate(o Options) (Rate, error) {
	return NewRate(t.Numerator(), t.Denominator(), o)
}

// GroupKey identifies one group of records: an area, a period and an optional breakdown
// (a deprivation quintile, an ethnic group, a sex). Empty fields are allowed, so a key can
// be as coarse as the analysis needs.
type GroupKey struct {
	Area   string
	Period string
	Group  string
}

// compareKeys orders keys by area, then period, then group.
func compareKeys(a, b GroupKey) int {
	if c := cmp.Compare(a.Area, b.Area); c != 0 {
		return c
	}
	if c := cmp.Compare(a.Period, b.Period); c != 0 {
		return c
	}
	return cmp.Compare(a.Group, b.Group)
}

// GroupedTally keeps one Tally per group, for the counts and denominators of many areas or
// breakdowns in one pass over the records. The zero value is empty and ready to use; grouped
// tallies from different workers combine with Merge, and, each group's Tally being exact,
// the groups, their states and the binary encoding do not depend on the split or the order
// of Add and Merge. Not safe for concurrent use.
type GroupedTally struct {
	groups map[GroupKey]*Tally
}

// Add adds one record to the tally of group k; see [Tally.Add].
func (g *GroupedTally) Add(k GroupKey, numerator, denominator float64) error {
	t := g.tally(k)
	return t.Add(numerator, denominator)
}

func (g *GroupedTally) tally(k GroupKey) *Tally {
	if g.groups == nil {
		g.groups = make(map[GroupKey]*Tally)
	}
	t, ok := g.groups[k]
	if !ok {
		t = &Tally{}
		g.groups[k] = t
	}
	return t
}

// Merge adds every group of other into g. other is not changed.
func (g *GroupedTally) Merge(other *GroupedTally) {
	for k, t := range other.groups {
		g.tally(k).Merge(t)
	}
}

// Len returns the number of groups.
func (g *GroupedTally) Len() int { return len(g.groups) }

// Keys returns the groups' keys ordered by area, period and group.
func (g *GroupedTally) Keys() []GroupKey {
	keys := make([]GroupKey, 0, len(g.groups))
	for k := range g.groups {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, compareKeys)
	return keys
}

// Tally returns a copy of group k's tally, and whether the group has any records.
func (g *GroupedTally) Tally(k GroupKey) (Tally, bool) {
	t, ok := g.groups[k]
	if !ok {
		return Tally{}, false
	}
	return *t, true
}

// Total returns one tally of every group's records, e.g. the benchmark of all areas, equal
// to the tally of all the records in one pass.
func (g *GroupedTally) Total() Tally {
	var total Tally
	for _, t := range g.groups {
		total.Merge(t) // exact, so the map's order does not matter
	}
	return total
}

// sortedKeys returns a map's group keys ordered by area, period and group.
func sortedKeys[V any](m map[GroupKey]V) []GroupKey {
	keys := make([]GroupKey, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, compareKeys)
	return keys
}
