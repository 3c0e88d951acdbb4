package main

import (
	"errors"
	"fmt"
	"math"
	"reflect"
	"slices"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
	"github.com/peopleandcommunities/engage/equality"
	"github.com/peopleandcommunities/engage/indicator"
	"github.com/peopleandcommunities/engage/pam"
)

// engage's mergeable accumulators as Beam CombineFns. Each CombineFn is a struct with Beam's
// structural methods: CreateAccumulator returns the accumulator's zero value (an empty
// cohort, tally or count), AddInput adds one record with the accumulator's Add,
// MergeAccumulators combines partial accumulators built on different workers with its
// Merge, and ExtractOutput wraps the final accumulator in a Part for the join that assembles
// each key's line. A runner may lift the combine: it adds inputs into partial accumulators
// before the shuffle, encodes them with the coders registered below, and merges them after.

// Part is one accumulator's final state on its way to the join of its key: which one it is
// (Kind), a label when a key has several of one kind (the place's tallies: the indicator and
// period), and the accumulator's binary encoding.
type Part struct {
	Kind  string
	Label GroupKey
	Data  []byte
}

// The kinds of Part.
const (
	partArea         = "area"
	partBaseline     = "baseline"
	partFollowUp     = "follow-up"
	partGains        = "gains"
	partIndicators   = "indicators"
	partTally        = "tally"
	partParticipants = "participants"
	partResidents    = "residents"
	partLowBaseline  = "low-activation-baseline"
	partLowFollowUp  = "low-activation-follow-up"
)

// TallyInput is one record of an indicator's counts: a numerator and a denominator for one
// indicator in one period.
type TallyInput struct {
	Period, Indicator      string
	Numerator, Denominator float64
}

// GroupCount is a count of records in one group (participants or residents of a broad ethnic
// group).
type GroupCount struct {
	Group string
	N     int64
}

// QuantileInput is one accepted PAM result in a deprivation decile, with or without low
// activation.
type QuantileInput struct {
	Decile int
	Low    bool
}

// cohortFn combines PAM results into a pam.Cohort.
type cohortFn struct{ Kind string }

func (fn *cohortFn) CreateAccumulator() pam.Cohort { return pam.Cohort{} }
func (fn *cohortFn) AddInput(c pam.Cohort, r pam.Result) pam.Cohort {
	c.Add(r)
	return c
}
func (fn *cohortFn) MergeAccumulators(a, b pam.Cohort) pam.Cohort {
	a.Merge(&b)
	return a
}
func (fn *cohortFn) ExtractOutput(c pam.Cohort) (Part, error) {
	b, err := c.MarshalBinary()
	return Part{Kind: fn.Kind, Data: b}, err
}

// gainsFn combines pairs of baseline and follow-up results into a pam.Gains (the zero value:
// the measure's 6-to-12-month window, Insignia 2024 levels).
type gainsFn struct{}

func (fn *gainsFn) CreateAccumulator() pam.Gains { return pam.Gains{} }
func (fn *gainsFn) AddInput(g pam.Gains, p Pair) pam.Gains {
	g.Add(p.Baseline, p.FollowUp)
	return g
}
func (fn *gainsFn) MergeAccumulators(a, b pam.Gains) (pam.Gains, error) {
	err := a.Merge(&b)
	return a, err
}
func (fn *gainsFn) ExtractOutput(g pam.Gains) (Part, error) {
	b, err := g.MarshalBinary()
	return Part{Kind: partGains, Data: b}, err
}

// groupedTallyFn combines indicator records into an indicator.GroupedTally with one group per
// indicator and period.
type groupedTallyFn struct{}

func (fn *groupedTallyFn) CreateAccumulator() indicator.GroupedTally { return indicator.GroupedTally{} }
func (fn *groupedTallyFn) AddInput(g indicator.GroupedTally, in TallyInput) (indicator.GroupedTally, error) {
	err := g.Add(GroupKey{Period: in.Period, Group: in.Indicator}, in.Numerator, in.Denominator)
	return g, err
}
func (fn *groupedTallyFn) MergeAccumulators(a, b indicator.GroupedTally) indicator.GroupedTally {
	a.Merge(&b)
	return a
}
func (fn *groupedTallyFn) ExtractOutput(g indicator.GroupedTally) (Part, error) {
	b, err := g.MarshalBinary()
	return Part{Kind: partIndicators, Data: b}, err
}

// tallyFn combines one indicator's records in one period into an indicator.Tally.
type tallyFn struct{}

func (fn *tallyFn) CreateAccumulator() indicator.Tally { return indicator.Tally{} }
func (fn *tallyFn) AddInput(t indicator.Tally, in TallyInput) (indicator.Tally, error) {
	err := t.Add(in.Numerator, in.Denominator)
	return t, err
}
func (fn *tallyFn) MergeAccumulators(a, b indicator.Tally) indicator.Tally {
	a.Merge(&b)
	return a
}
func (fn *tallyFn) ExtractOutput(t indicator.Tally) (Part, error) {
	b, err := t.MarshalBinary()
	return Part{Kind: partTally, Data: b}, err
}

// groupCountsFn combines counts by group into an equality.GroupCounts.
type groupCountsFn struct{ Kind string }

func (fn *groupCountsFn) CreateAccumulator() equality.GroupCounts { return equality.GroupCounts{} }
func (fn *groupCountsFn) AddInput(c equality.GroupCounts, in GroupCount) (equality.GroupCounts, error) {
	err := c.AddN(in.Group, in.N)
	return c, err
}
func (fn *groupCountsFn) MergeAccumulators(a, b equality.GroupCounts) equality.GroupCounts {
	a.Merge(&b)
	return a
}
func (fn *groupCountsFn) ExtractOutput(c equality.GroupCounts) (Part, error) {
	b, err := encodeGroupCounts(c)
	return Part{Kind: fn.Kind, Data: b}, err
}

// quantileCountsFn combines accepted results by decile into an equality.QuantileCounts of
// people with low activation.
type quantileCountsFn struct{ Kind string }

func (fn *quantileCountsFn) CreateAccumulator() equality.QuantileCounts {
	return equality.QuantileCounts{}
}
func (fn *quantileCountsFn) AddInput(c equality.QuantileCounts, in QuantileInput) (equality.QuantileCounts, error) {
	err := c.Add(in.Decile, in.Low)
	return c, err
}
func (fn *quantileCountsFn) MergeAccumulators(a, b equality.QuantileCounts) equality.QuantileCounts {
	a.Merge(&b)
	return a
}
func (fn *quantileCountsFn) ExtractOutput(c equality.QuantileCounts) (Part, error) {
	b, err := encodeQuantileCounts(c)
	return Part{Kind: fn.Kind, Data: b}, err
}

// encodeGroupCounts encodes counts by group: the number of groups, then each group's label
// and count in label order. equality.GroupCounts exposes everything needed to rebuild it,
// so the example encodes it itself. Counts that overflowed are refused: they must not be used.
func encodeGroupCounts(c equality.GroupCounts) ([]byte, error) {
	if err := c.Err(); err != nil {
		return nil, err
	}
	groups := c.Groups()
	e := enc{}
	e.u(uint64(len(groups)))
	for _, g := range groups {
		e.s(g)
		e.u(uint64(c.Count(g)))
	}
	return e.b, nil
}

func decodeGroupCounts(b []byte) (equality.GroupCounts, error) {
	d := dec{b: b}
	var c equality.GroupCounts
	n := d.u()
	if n > uint64(len(d.b)) {
		d.fail()
	}
	for range n {
		g, k := d.s(), d.u()
		if d.err != nil {
			break
		}
		if k > math.MaxInt64 {
			return c, errors.New("decoding group counts: count out of range")
		}
		if err := c.AddN(g, int64(k)); err != nil {
			return c, err
		}
	}
	return c, d.done("group counts")
}

// encodeQuantileCounts encodes the events and population of quantiles 1 … 100.
func encodeQuantileCounts(c equality.QuantileCounts) ([]byte, error) {
	e := enc{}
	for q := 1; q <= equality.MaxQuantileGroups; q++ {
		x, n := c.Count(q)
		if x == math.MaxInt64 || n == math.MaxInt64 {
			return nil, fmt.Errorf("quantile %d: counts overflowed", q)
		}
		e.u(uint64(x))
		e.u(uint64(n))
	}
	return e.b, nil
}

func decodeQuantileCounts(b []byte) (equality.QuantileCounts, error) {
	d := dec{b: b}
	var c equality.QuantileCounts
	for q := 1; q <= equality.MaxQuantileGroups; q++ {
		x, n := d.u(), d.u()
		if d.err != nil {
			break
		}
		if x > n || n > math.MaxInt64 {
			return c, errors.New("decoding quantile counts: counts out of range")
		}
		if n > 0 {
			if err := c.AddN(q, int64(x), int64(n)); err != nil {
				return c, err
			}
		}
	}
	return c, d.done("quantile counts")
}

func encodePart(p Part) []byte {
	e := enc{make([]byte, 0, len(p.Data)+32)}
	e.s(p.Kind)
	e.s(p.Label.Area)
	e.s(p.Label.Period)
	e.s(p.Label.Group)
	e.s(string(p.Data))
	return e.b
}

func decodePart(b []byte) (Part, error) {
	d := dec{b: b}
	p := Part{Kind: d.s(), Label: GroupKey{Area: d.s(), Period: d.s(), Group: d.s()}}
	p.Data = []byte(d.s())
	return p, d.done("a part")
}

// The coders' functions. Beam finds a coder's functions by name on every worker, so each is
// a named, non-generic function.
func encodeCohort(c pam.Cohort) ([]byte, error) { return c.MarshalBinary() }
func decodeCohort(b []byte) (c pam.Cohort, err error) {
	err = c.UnmarshalBinary(b)
	return c, err
}
func encodeGains(g pam.Gains) ([]byte, error) { return g.MarshalBinary() }
func decodeGains(b []byte) (g pam.Gains, err error) {
	err = g.UnmarshalBinary(b)
	return g, err
}
func encodeTally(t indicator.Tally) ([]byte, error) { return t.MarshalBinary() }
func decodeTally(b []byte) (t indicator.Tally, err error) {
	err = t.UnmarshalBinary(b)
	return t, err
}
func encodeGroupedTally(g indicator.GroupedTally) ([]byte, error) { return g.MarshalBinary() }
func decodeGroupedTally(b []byte) (g indicator.GroupedTally, err error) {
	err = g.UnmarshalBinary(b)
	return g, err
}

func typeOf[T any]() reflect.Type { return reflect.TypeOf((*T)(nil)).Elem() }

func init() {
	// Coders: accumulators through engage's MarshalBinary (pam, indicator) or the example's
	// own encodings (equality's counts, whose state is fully exposed); records through the
	// compact encodings of records.go.
	beam.RegisterCoder(typeOf[pam.Cohort](), encodeCohort, decodeCohort)
	beam.RegisterCoder(typeOf[pam.Gains](), encodeGains, decodeGains)
	beam.RegisterCoder(typeOf[indicator.Tally](), encodeTally, decodeTally)
	beam.RegisterCoder(typeOf[indicator.GroupedTally](), encodeGroupedTally, decodeGroupedTally)
	beam.RegisterCoder(typeOf[equality.GroupCounts](), encodeGroupCounts, decodeGroupCounts)
	beam.RegisterCoder(typeOf[equality.QuantileCounts](), encodeQuantileCounts, decodeQuantileCounts)
	beam.RegisterCoder(typeOf[pam.Result](), encodeResult, decodeResult)
	beam.RegisterCoder(typeOf[Pair](), encodePair, decodePair)
	beam.RegisterCoder(typeOf[Part](), encodePart, decodePart)
	beam.RegisterCoder(typeOf[ResponseRecord](), encodeResponseRecord, decodeResponseRecord)
	beam.RegisterCoder(typeOf[ScoredRecord](), encodeScoredRecord, decodeScoredRecord)
	beam.RegisterCoder(typeOf[AreaRecord](), encodeAreaRecord, decodeAreaRecord)
	beam.RegisterCoder(typeOf[ParticipantRecord](), encodeParticipantRecord, decodeParticipantRecord)
	beam.RegisterCoder(typeOf[Shard](), encodeShard, decodeShard)

	register.Combiner3[pam.Cohort, pam.Result, Part](&cohortFn{})
	register.Combiner3[pam.Gains, Pair, Part](&gainsFn{})
	register.Combiner3[indicator.GroupedTally, TallyInput, Part](&groupedTallyFn{})
	register.Combiner3[indicator.Tally, TallyInput, Part](&tallyFn{})
	register.Combiner3[equality.GroupCounts, GroupCount, Part](&groupCountsFn{})
	register.Combiner3[equality.QuantileCounts, QuantileInput, Part](&quantileCountsFn{})
}

// decodeParts decodes one key's parts into accumulators.
func decodeParts(parts []Part) (*Accumulated, error) {
	slices.SortFunc(parts, func(a, b Part) int { return compareParts(a, b) })
	a := &Accumulated{}
	for _, p := range parts {
		var err error
		switch p.Kind {
		case partArea:
			var r AreaRecord
			r, err = decodeAreaRecord(p.Data)
			a.Area = &r
		case partBaseline, partFollowUp:
			var c pam.Cohort
			err = c.UnmarshalBinary(p.Data)
			if p.Kind == partBaseline {
				a.Baseline = &c
			} else {
				a.FollowUp = &c
			}
		case partGains:
			a.Gains = new(pam.Gains)
			err = a.Gains.UnmarshalBinary(p.Data)
		case partIndicators:
			a.Indicators = new(indicator.GroupedTally)
			err = a.Indicators.UnmarshalBinary(p.Data)
		case partTally:
			var t indicator.Tally
			err = t.UnmarshalBinary(p.Data)
			if a.Tallies == nil {
				a.Tallies = make(map[GroupKey]*indicator.Tally)
			}
			a.Tallies[p.Label] = &t
		case partParticipants, partResidents:
			var c equality.GroupCounts
			c, err = decodeGroupCounts(p.Data)
			if p.Kind == partParticipants {
				a.Participants = &c
			} else {
				a.Residents = &c
			}
		case partLowBaseline, partLowFollowUp:
			var c equality.QuantileCounts
			c, err = decodeQuantileCounts(p.Data)
			if p.Kind == partLowBaseline {
				a.LowActivation[Baseline] = &c
			} else {
				a.LowActivation[FollowUp] = &c
			}
		default:
			err = fmt.Errorf("unknown part %q", p.Kind)
		}
		if err != nil {
			return nil, fmt.Errorf("part %s: %w", p.Kind, err)
		}
	}
	return a, nil
}

func compareParts(a, b Part) int {
	if a.Kind != b.Kind {
		if a.Kind < b.Kind {
			return -1
		}
		return 1
	}
	switch {
	case a.Label.Period < b.Label.Period:
		return -1
	case a.Label.Period > b.Label.Period:
		return 1
	case a.Label.Group < b.Label.Group:
		return -1
	case a.Label.Group > b.Label.Group:
		return 1
	}
	return 0
}
