package indicator

import (
	"cmp"
	"math"
	"slices"

	"github.com/peopleandcommunities/engage/internal/enum"
	"github.com/peopleandcommunities/engage/internal/field"
)

// QuantileOrder says which end of the values quantile 1 is. The zero value is not an order.
type QuantileOrder uint8

// The orders.
const (
	// HighestFirst puts the highest values in quantile 1, phe_quantile's default
	// (invert = TRUE): with IMD scores, quantile 1 is the most deprived.
	HighestFirst QuantileOrder = 1 + iota
	// LowestFirst puts the lowest values in quantile 1 (invert = FALSE): with IMD ranks,
	// where rank 1 is the most deprived, quantile 1 is the most deprived.
	LowestFirst
)

var quantileOrders = enum.NewTable[QuantileOrder]("indicator.QuantileOrder",
	[]string{"highest-first", "lowest-first"},
	map[string]QuantileOrder{"inverted": HighestFirst, "invert": HighestFirst, "direct": LowestFirst})

// Valid reports whether q is one of the declared orders.
func (q QuantileOrder) Valid() bool { return quantileOrders.Valid(q) }

// String returns the order's slug, e.g. "highest-first"; any other value prints as
// %!QuantileOrder(n).
func (q QuantileOrder) String() string { return quantileOrders.String(q) }

// MarshalText returns the slug; an invalid order is an error.
func (q QuantileOrder) MarshalText() ([]byte, error) { return quantileOrders.Marshal(q) }

// UnmarshalText parses text with ParseQuantileOrder.
func (q *QuantileOrder) UnmarshalText(text []byte) error {
	v, err := ParseQuantileOrder(string(text))
	if err == nil {
		*q = v
	}
	return err
}

// ParseQuantileOrder returns the order named by s ("highest-first", "lowest-first").
func ParseQuantileOrder(s string) (QuantileOrder, error) { return quantileOrders.Parse(s, false) }

// MaxQuantiles is the most quantiles AssignQuantiles divides areas into.
const MaxQuantiles = 1000

// AssignQuantiles assigns each of N areas, given by its value, to one of q quantiles
// (5 for quintiles, 10 for deciles) exactly as OHID's PHEindicatormethods phe_quantile
// does, returning the quantiles (1 … q) in the order of values:
//
//	rank     = rank of the value (HighestFirst: of −value), ties taking the lowest rank
//	quantile = (q + 1) − ⌈((N + 1) − rank) / (N/q)⌉,   and 0 becomes 1
//
// computed in float64 as R does, so that areas at a boundary fall where phe_quantile puts
// them. Tied values share a rank and so a quantile, which can leave quantiles of unequal
// size (the PHE technical guide advises reviewing ties across a boundary). N counts only
// the values given: leave out areas with no value. Fewer values than quantiles is an error
// matching ErrTooFewAreas, where phe_quantile returns NA for the whole group. Values must be
// finite; q runs from 1 to MaxQuantiles.
//
// Public Health England, Technical Guide: Assigning Deprivation Categories (2017).
func AssignQuantiles(values []float64, q int, ord QuantileOrder) ([]int, error) {
	var l field.List
	if q < 1 || q > MaxQuantiles {
		l.Add("/quantiles", ErrOutOfRange, "from 1 to 1000 quantiles")
	}
	if !ord.Valid() {
		l.Add("/order", ErrOutOfRange, "highest-first or lowest-first")
	}
	bad := 0
	for i, v := range values {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			if bad < 20 {
				l.Add(field.Pointer("values", i), ErrOutOfRange, "a finite value")
			}
			bad++
		}
	}
	if l.Len() == 0 && len(values) < q {
		l.Add("/values", ErrTooFewAreas, "at least as many areas as quantiles")
	}
	if err := l.Err(); err != nil {
		return nil, err
	}
	n := len(values)
	type keyed struct {
		key float64
		at  int
	}
	order := make([]keyed, n)
	for i, v := range values {
		if ord == HighestFirst {
			v = -v
		}
		order[i] = keyed{v + 0, i} // + 0 turns −0 into +0, which compares equal anyway
	}
	slices.SortFunc(order, func(a, b keyed) int { return cmp.Compare(a.key, b.key) })
	out := make([]int, n)
	size := float64(n) / float64(q)
	rank := 0
	for pos, k := range order {
		if pos == 0 || k.key != order[pos-1].key {
			rank = pos + 1 // ties.method = "min"
		}
		qv := math.Floor(float64(q+1) - math.Ceil((float64(n+1)-float64(rank))/size))
		if qv == 0 {
			qv = 1
		}
		out[k.at] = int(qv)
	}
	return out, nil
}
