package equality

import (
	"maps"
	"math"
	"math/bits"
	"slices"
	"strconv"

	"github.com/peopleandcommunities/engage/internal/field"
)

// GroupCounts counts records (people, events, contacts) per group label. It is a mergeable
// accumulator: counts built on different workers, or from different files, combine with
// Merge exactly as if every record had been added to one, because counts are integers. The
// zero value is empty and ready to use. A GroupCounts is not safe for concurrent use; give
// each worker its own and merge them.
type GroupCounts struct {
	counts   map[string]int64
	total    int64
	overflow bool
}

// Add counts one record in group.
func (c *GroupCounts) Add(group string) { c.add(group, 1) }

// AddN counts n records in group. A negative n is an error and changes nothing.
func (c *GroupCounts) AddN(group string, n int64) error {
	if n < 0 {
		return &FieldError{Path: "/n", Err: ErrOutOfRange, Detail: "a count, not negative"}
	}
	c.add(group, n)
	return nil
}

func (c *GroupCounts) add(group string, n int64) {
	if c.counts == nil {
		c.counts = make(map[string]int64)
	}
	c.counts[group] = c.satAdd(c.counts[group], n)
	c.total = c.satAdd(c.total, n)
}

// satAdd adds non-negative counts, saturating and remembering an overflow.
func (c *GroupCounts) satAdd(a, b int64) int64 {
	s, carry := bits.Add64(uint64(a), uint64(b), 0)
	if carry != 0 || s > math.MaxInt64 {
		c.overflow = true
		return math.MaxInt64
	}
	return int64(s)
}

// Merge adds every count of o to c. o is unchanged; merging c into itself doubles it.
func (c *GroupCounts) Merge(o *GroupCounts) {
	if o == nil {
		return
	}
	if o.overflow {
		c.overflow = true
	}
	if c == o {
		for g, n := range maps.Clone(o.counts) {
			c.add(g, n)
		}
		return
	}
	for g, n := range o.counts {
		c.add(g, n)
	}
}

// Count returns the number of records in group.
func (c *GroupCounts) Count(group string) int64 { return c.counts[group] }

// Total returns the number of records in all groups.
func (c *GroupCounts) Total() int64 { return c.total }

// Len returns the number of distinct groups seen (including groups added with n = 0).
func (c *GroupCounts) Len() int { return len(c.counts) }

// Groups returns the group labels seen, sorted.
func (c *GroupCounts) Groups() []string {
	out := make([]string, 0, len(c.counts))
	for g := range c.counts {
		out = append(out, g)
	}
	slices.Sort(out)
	return out
}

// Err reports whether a count overflowed (passed 2⁶³ − 1), in which case the counts are
// capped and must not be used.
func (c *GroupCounts) Err() error {
	if c.overflow {
		return &FieldError{Err: ErrOutOfRange, Detail: "counts below 2^63"}
	}
	return nil
}

// RepresentationGroups pairs participants' and community counts into the groups of a
// representation analysis, in the order given (nil: the sorted union of both sets of
// labels). A group missing from one side counts 0 there; Representation then reports a group
// absent from the community as an error.
func RepresentationGroups(participants, community *GroupCounts, order []string) ([]RepresentationGroup, error) {
	var l field.List
	if participants != nil {
		l.AddError("/participants", participants.Err())
	}
	if community != nil {
		l.AddError("/community", community.Err())
	}
	if err := l.Err(); err != nil {
		return nil, err
	}
	if participants == nil {
		participants = &GroupCounts{}
	}
	if community == nil {
		community = &GroupCounts{}
	}
	if order == nil {
		order = slices.Concat(participants.Groups(), community.Groups())
		slices.Sort(order)
		order = slices.Compact(order)
	} else {
		seen := make(map[string]bool, len(order))
		for i, g := range order {
			if seen[g] {
				l.Add(field.Pointer("order", i), ErrDuplicateGroup, "each group once")
			}
			seen[g] = true
		}
		for _, side := range []struct {
			path string
			c    *GroupCounts
		}{{"/participants", participants}, {"/community", community}} {
			for _, g := range side.c.Groups() {
				if !seen[g] && side.c.Count(g) > 0 {
					l.Add(side.path, ErrOutOfRange, "only groups named in the order; one is not")
					break
				}
			}
		}
		if err := l.Err(); err != nil {
			return nil, err
		}
	}
	out := make([]RepresentationGroup, len(order))
	for i, g := range order {
		out[i] = RepresentationGroup{Group: g, Participants: float64(participants.Count(g)), Community: float64(community.Count(g))}
	}
	return out, nil
}

// QuantileCounts accumulates, for each quantile 1 … MaxQuantileGroups, the number of people
// and the number of them with an event or attribute, from record-level data. It is a
// mergeable accumulator like GroupCounts, with fixed-size state; the zero value is empty and
// ready to use.
type QuantileCounts struct {
	events, population [MaxQuantileGroups + 1]int64
	overflow           bool
}

// Add counts one person in quantile q (1 = most deprived), with or without the event.
func (c *QuantileCounts) Add(q int, event bool) error {
	var e int64
	if event {
		e = 1
	}
	return c.AddN(q, e, 1)
}

// AddN counts population people in quantile q, events of whom have the event;
// 0 ≤ events ≤ population.
func (c *QuantileCounts) AddN(q int, events, population int64) error {
	if q < 1 || q > MaxQuantileGroups {
		return &FieldError{Path: "/quantile", Err: ErrOutOfRange, Detail: "a quantile from 1 to " + strconv.Itoa(MaxQuantileGroups)}
	}
	if events < 0 || population < 0 || events > population {
		return &FieldError{Path: "/events", Err: ErrOutOfRange, Detail: "0 ≤ events ≤ population"}
	}
	c.events[q] = c.satAdd(c.events[q], events)
	c.population[q] = c.satAdd(c.population[q], population)
	return nil
}

func (c *QuantileCounts) satAdd(a, b int64) int64 {
	s, carry := bits.Add64(uint64(a), uint64(b), 0)
	if carry != 0 || s > math.MaxInt64 {
		c.overflow = true
		return math.MaxInt64
	}
	return int64(s)
}

// Merge adds every count of o to c; o is unchanged.
func (c *QuantileCounts) Merge(o *QuantileCounts) {
	if o == nil {
		return
	}
	ov := o.overflow
	for q := range c.events {
		c.events[q] = c.satAdd(c.events[q], o.events[q])
		c.population[q] = c.satAdd(c.population[q], o.population[q])
	}
	c.overflow = c.overflow || ov
}

// Count returns the events and population counted in quantile q (zeros outside 1 … 100).
func (c *QuantileCounts) Count(q int) (events, population int64) {
	if q < 1 || q > MaxQuantileGroups {
		return 0, 0
	}
	return c.events[q], c.population[q]
}

// Groups returns quantiles 1 … k as proportions for SII with ValueProportion and
// FromLimits: each group's Value is x/n and its Lower and Upper are the 95 % Wilson score
// limits, as PHEindicatormethods phe_proportion computes them (Wilson 1927; see
// Representation) and as Fingertips passes them to phe_sii. Every quantile needs people, and
// events strictly between 0 and all of them, because phe_sii works on the logit scale.
func (c *QuantileCounts) Groups(k int) ([]QuantileGroup, error) {
	var l field.List
	if c.overflow {
		l.Add("", ErrOutOfRange, "counts below 2^63")
	}
	if k < MinQuantileGroups || k > MaxQuantileGroups {
		l.Add("/k", ErrOutOfRange, "from "+strconv.Itoa(MinQuantileGroups)+" to "+strconv.Itoa(MaxQuantileGroups)+" quantiles")
	}
	if err := l.Err(); err != nil {
		return nil, err
	}
	for q := k + 1; q <= MaxQuantileGroups; q++ {
		if c.population[q] > 0 {
			l.Add(field.Pointer(q), ErrOutOfRange, "no records beyond quantile "+strconv.Itoa(k))
			break
		}
	}
	out := make([]QuantileGroup, k)
	for q := 1; q <= k; q++ {
		x, n := float64(c.events[q]), float64(c.population[q])
		if !(n > 0) || !(x > 0) || !(x < n) {
			l.Add(field.Pointer(q), ErrOutOfRange, "people in the quantile, some but not all of them with the event")
			continue
		}
		lo, hi := wilson(x, n, z95)
		out[q-1] = QuantileGroup{Population: n, Value: x / n, Lower: lo, Upper: hi}
	}
	if err := l.Err(); err != nil {
		return nil, err
	}
	return out, nil
}
