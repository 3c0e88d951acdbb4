package equality

import (
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"
)

// GroupCounts and QuantileCounts add integers, so their state after any sequence of Add,
// AddN and Merge over the same records is the same: each count is the true count, or
// 2⁶³ − 1 with the overflow flag set once a true count passes it (saturating addition of
// counts that are not negative gives min(true count, 2⁶³ − 1) in any order, and a count
// passes the cap in some order exactly when it passes it in every order). These properties
// split records at random between workers, add them in random orders, merge the workers in a
// random binary tree and require the state to equal one pass's, with counts large enough to
// overflow now and then.

// mergeTree feeds records to workers and merges them in a random binary tree.
func mergeTree[R, A any](t *rapid.T, records []R, add func(*A, R), merge func(*A, *A)) *A {
	if len(records) <= 1 || rapid.IntRange(0, 3).Draw(t, "leaf") == 0 {
		var a A
		for _, i := range rapid.Permutation(indexes(len(records))).Draw(t, "order") {
			add(&a, records[i])
		}
		return &a
	}
	cut := rapid.IntRange(0, len(records)).Draw(t, "cut")
	left := mergeTree(t, records[:cut], add, merge)
	right := mergeTree(t, records[cut:], add, merge)
	if rapid.Bool().Draw(t, "swap") {
		left, right = right, left
	}
	merge(left, right)
	return left
}

func indexes(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i
	}
	return out
}

// genCount draws a count, now and then one so large that a few of them overflow.
func genCount(t *rapid.T, label string) int64 {
	if rapid.IntRange(0, 9).Draw(t, label+" large") == 0 {
		return rapid.SampledFrom([]int64{math.MaxInt64, math.MaxInt64 / 2, math.MaxInt64/2 + 1, math.MaxInt64 / 3}).Draw(t, label)
	}
	return rapid.Int64Range(0, 1000).Draw(t, label)
}

func TestPropertyGroupCountsAreOrderIndependent(t *testing.T) {
	type record struct {
		group string
		n     int64
	}
	rapid.Check(t, func(t *rapid.T) {
		records := rapid.SliceOfN(rapid.Custom(func(t *rapid.T) record {
			return record{rapid.SampledFrom([]string{"A", "B", "C", "Z", "99", ""}).Draw(t, "group"), genCount(t, "n")}
		}), 0, 60).Draw(t, "records")
		add := func(c *GroupCounts, r record) {
			if r.n == 1 && r.group != "" {
				c.Add(r.group)
			} else if err := c.AddN(r.group, r.n); err != nil {
				t.Fatal(err)
			}
		}
		var one GroupCounts
		for _, r := range records {
			add(&one, r)
		}
		got := mergeTree(t, rapid.Permutation(records).Draw(t, "shuffled"), add, func(a, b *GroupCounts) { a.Merge(b) })
		if diff := cmp.Diff(one.counts, got.counts); diff != "" {
			t.Fatalf("counts: -one pass +merged\n%s", diff)
		}
		if one.total != got.total || one.overflow != got.overflow {
			t.Fatalf("total %d (overflow %v), one pass %d (%v)", got.total, got.overflow, one.total, one.overflow)
		}
	})
}

func TestPropertyQuantileCountsAreOrderIndependent(t *testing.T) {
	type record struct {
		q                  int
		events, population int64
	}
	rapid.Check(t, func(t *rapid.T) {
		records := rapid.SliceOfN(rapid.Custom(func(t *rapid.T) record {
			n := genCount(t, "population")
			return record{rapid.IntRange(1, 10).Draw(t, "q"), rapid.Int64Range(0, n).Draw(t, "events"), n}
		}), 0, 60).Draw(t, "records")
		add := func(c *QuantileCounts, r record) {
			if err := c.AddN(r.q, r.events, r.population); err != nil {
				t.Fatal(err)
			}
		}
		var one QuantileCounts
		for _, r := range records {
			add(&one, r)
		}
		got := mergeTree(t, rapid.Permutation(records).Draw(t, "shuffled"), add, func(a, b *QuantileCounts) { a.Merge(b) })
		if *got != one {
			t.Fatalf("merged state differs from one pass")
		}
	})
}
