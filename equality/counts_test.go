package equality

import (
	"errors"
	"math"
	"strconv"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"pgregory.net/rapid"
)

func TestGroupCounts(t *testing.T) {
	var c GroupCounts // the zero value is usable
	if c.Total() != 0 || c.Len() != 0 || c.Count("x") != 0 || len(c.Groups()) != 0 || c.Err() != nil {
		t.Fatal("zero value not empty")
	}
	c.Add("b")
	c.Add("a")
	c.Add("b")
	if err := c.AddN("c", 0); err != nil {
		t.Fatal(err)
	}
	if err := c.AddN("a", -1); !errors.Is(err, ErrOutOfRange) {
		t.Errorf("negative AddN: %v", err)
	}
	if c.Count("b") != 2 || c.Total() != 3 || c.Len() != 3 {
		t.Errorf("counts %v total %d", c.counts, c.Total())
	}
	if d := cmp.Diff([]string{"a", "b", "c"}, c.Groups()); d != "" {
		t.Errorf("groups:\n%s", d)
	}
	c.Merge(&c) // into itself: doubles
	if c.Count("b") != 4 || c.Total() != 6 {
		t.Errorf("self-merge: %v", c.counts)
	}
	var big GroupCounts
	_ = big.AddN("x", math.MaxInt64)
	big.Add("x")
	if !errors.Is(big.Err(), ErrOutOfRange) || big.Count("x") != math.MaxInt64 {
		t.Errorf("overflow not reported: %v %d", big.Err(), big.Count("x"))
	}
}

func TestGroupCountsMergeEqualsOnePass(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		records := rapid.SliceOf(rapid.SampledFrom([]string{"A", "B", "C", "Z", "99"})).Draw(t, "records")
		parts := rapid.IntRange(1, 5).Draw(t, "parts")
		var one GroupCounts
		shards := make([]GroupCounts, parts)
		for i, r := range records {
			one.Add(r)
			shards[i%parts].Add(r)
		}
		var merged GroupCounts
		for i := range shards {
			merged.Merge(&shards[i])
		}
		if !cmp.Equal(one.counts, merged.counts, cmpopts.EquateEmpty()) || one.Total() != merged.Total() {
			t.Fatalf("one pass %v, merged %v", one.counts, merged.counts)
		}
	})
}

func TestQuantileCountsMergeEqualsOnePass(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		n := rapid.IntRange(0, 300).Draw(t, "n")
		parts := rapid.IntRange(1, 4).Draw(t, "parts")
		var one QuantileCounts
		shards := make([]QuantileCounts, parts)
		for i := range n {
			q := rapid.IntRange(1, 10).Draw(t, "q")
			e := rapid.Bool().Draw(t, "event")
			if err := one.Add(q, e); err != nil {
				t.Fatal(err)
			}
			_ = shards[i%parts].Add(q, e)
		}
		var merged QuantileCounts
		for i := range shards {
			merged.Merge(&shards[i])
		}
		if one != merged {
			t.Fatalf("one pass and merged differ")
		}
	})
}

// TestQuantileCountsGroups checks the proportions and 95 % Wilson limits passed to the SII;
// for 30 of 100 the Wilson limits are [0.21894885294932764, 0.39584854633346667]
// (hand-computed from the formula in Representation's documentation).
func TestQuantileCountsGroups(t *testing.T) {
	var c QuantileCounts
	for q := 1; q <= 5; q++ {
		if err := c.AddN(q, 30, 100); err != nil {
			t.Fatal(err)
		}
	}
	g, err := c.Groups(5)
	if err != nil {
		t.Fatal(err)
	}
	want := QuantileGroup{Population: 100, Value: 0.3, Lower: 0.21894885294932764, Upper: 0.39584854633346667}
	if d := cmp.Diff(want, g[2], cmpopts.EquateApprox(1e-14, 0)); d != "" {
		t.Errorf("-want +got:\n%s", d)
	}
	// Equal proportions: no inequality.
	r, err := SII(g, SIIOptions{ValueType: ValueProportion, FromLimits: true, Repetitions: 1000, Multiplier: 100})
	if err != nil || !pheNear(r.SII, 0, 1e-12) {
		t.Errorf("SII %v, %v", r.SII, err)
	}
	// Errors: a quantile with no events, records beyond k, bad AddN.
	_ = c.AddN(7, 1, 2)
	if err := c.AddN(3, 5, 4); !errors.Is(err, ErrOutOfRange) {
		t.Errorf("events > population: %v", err)
	}
	if err := c.AddN(0, 0, 1); !errors.Is(err, ErrOutOfRange) {
		t.Errorf("quantile 0: %v", err)
	}
	_, err = c.Groups(6)
	if d := cmp.Diff([]string{"/7", "/6"}, locatedPaths(err)); d != "" {
		t.Errorf("paths -want +got:\n%s\n%v", d, err)
	}
}

func TestRepresentationGroups(t *testing.T) {
	var p, c GroupCounts
	for _, r := range []string{"A", "A", "B"} {
		p.Add(r)
	}
	_ = c.AddN("A", 500)
	_ = c.AddN("B", 300)
	_ = c.AddN("C", 200)
	got, err := RepresentationGroups(&p, &c, nil)
	want := []RepresentationGroup{{"A", 2, 500}, {"B", 1, 300}, {"C", 0, 200}}
	if err != nil || !cmp.Equal(want, got) {
		t.Errorf("RepresentationGroups = %v, %v", got, err)
	}
	got, err = RepresentationGroups(&p, &c, []string{"C", "B", "A"})
	if err != nil || got[0].Group != "C" {
		t.Errorf("ordered: %v, %v", got, err)
	}
	_, err = RepresentationGroups(&p, &c, []string{"A", "A"})
	if !errors.Is(err, ErrDuplicateGroup) || !errors.Is(err, ErrOutOfRange) {
		t.Errorf("duplicate and missing from order: %v", err)
	}
}

func FuzzQuantileCounts(f *testing.F) {
	f.Add(1, int64(1), int64(2), 5)
	f.Add(0, int64(-1), int64(0), 0)
	f.Add(100, int64(math.MaxInt64), int64(math.MaxInt64), 100)
	f.Fuzz(func(t *testing.T, q int, e, n int64, k int) {
		var c QuantileCounts
		for range 2 {
			_ = c.AddN(q, e, n)
		}
		c.Merge(&c)
		g, err := c.Groups(k)
		if err != nil {
			return
		}
		for _, x := range g {
			if !finite(x.Value) || !(x.Lower <= x.Value && x.Value <= x.Upper) {
				t.Fatalf("group %+v", x)
			}
		}
	})
}

func BenchmarkGroupCounts(b *testing.B) {
	labels := make([]string, 20)
	for i := range labels {
		labels[i] = "group-" + strconv.Itoa(i)
	}
	b.ReportAllocs()
	var c GroupCounts
	for i := range b.N {
		c.Add(labels[i%20])
	}
}
