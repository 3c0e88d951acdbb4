package indicator

import (
	"bytes"
	"encoding"
	"fmt"
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"
)

// The accumulators promise that the state after any sequence of Add and Merge over the same
// records is identical. Each property below splits records at random between workers, has
// each worker add its share in a random order, ships every partial accumulator through
// MarshalBinary and UnmarshalBinary, merges the partials in a random binary tree, and
// requires the state, every output and the encoding to equal, with ==, those of one
// accumulator fed the records in order.

// genAmount draws a count, population or amount in [0, MaxMagnitude] of the kinds the
// accumulators see: whole counts, half person-years, quarter hours, pence, arbitrary binary
// fractions, values so small that they move to the 2⁻⁶⁴ grid, and the largest allowed.
func genAmount() *rapid.Generator[float64] {
	return rapid.Custom(func(t *rapid.T) float64 {
		switch rapid.IntRange(0, 6).Draw(t, "kind") {
		case 0:
			return float64(rapid.IntRange(0, 1000).Draw(t, "count"))
		case 1:
			return float64(rapid.IntRange(0, 20000).Draw(t, "half years")) / 2
		case 2:
			return float64(rapid.IntRange(0, 400).Draw(t, "quarter hours")) * 0.25
		case 3:
			return float64(rapid.IntRange(0, 10_000_000).Draw(t, "pence")) / 100
		case 4:
			return rapid.Float64Range(0, MaxMagnitude).Draw(t, "any")
		case 5:
			return math.Ldexp(rapid.Float64Range(1, 2).Draw(t, "tiny significand"), rapid.IntRange(-1074, -12).Draw(t, "tiny exponent"))
		}
		return rapid.SampledFrom([]float64{0, MaxMagnitude, 0x1p-12, 0x1p-64, 0x1p-65, 0.1, 1.0 / 3}).Draw(t, "extreme")
	})
}

// shipped returns a copy of a made through its binary encoding, as a worker would send it.
func shipped[A any, P interface {
	*A
	encoding.BinaryMarshaler
	encoding.BinaryUnmarshaler
}](t *rapid.T, a P) P {
	data, err := a.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	var back A
	if err := P(&back).UnmarshalBinary(data); err != nil {
		t.Fatalf("decoding a partial accumulator: %v", err)
	}
	return &back
}

// splitMerge feeds records to workers and merges them as the package comment above says.
func splitMerge[R, A any, P interface {
	*A
	encoding.BinaryMarshaler
	encoding.BinaryUnmarshaler
}](t *rapid.T, records []R, add func(P, R), merge func(P, P)) P {
	if len(records) <= 1 || rapid.IntRange(0, 3).Draw(t, "leaf") == 0 {
		var a A
		for _, i := range rapid.Permutation(sequence(len(records))).Draw(t, "order") {
			add(&a, records[i])
		}
		return shipped[A, P](t, &a)
	}
	cut := rapid.IntRange(0, len(records)).Draw(t, "cut")
	left := splitMerge[R, A, P](t, records[:cut], add, merge)
	right := splitMerge[R, A, P](t, records[cut:], add, merge)
	if rapid.Bool().Draw(t, "swap") {
		left, right = right, left
	}
	merge(left, right)
	return shipped[A, P](t, left)
}

func sequence(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i
	}
	return out
}

// same reports a difference between two results of a statistic, errors included.
func same[T any](t *rapid.T, what string, want T, wantErr error, got T, gotErr error) {
	if fmt.Sprint(wantErr) != fmt.Sprint(gotErr) {
		t.Fatalf("%s: error %v, one pass %v", what, gotErr, wantErr)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Fatalf("%s: -one pass +merged\n%s", what, diff)
	}
}

func sameBytes(t *rapid.T, what string, want, got encoding.BinaryMarshaler) {
	a, _ := want.MarshalBinary()
	b, _ := got.MarshalBinary()
	if !bytes.Equal(a, b) {
		t.Fatalf("%s: encodings differ\none pass %x\n  merged %x", what, a, b)
	}
}

type countRecord struct{ num, den float64 }

func TestPropertyTallyIsExact(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		records := rapid.SliceOfN(rapid.Custom(func(t *rapid.T) countRecord {
			x := genAmount().Draw(t, "numerator")
			return countRecord{x, math.Min(MaxMagnitude, x+genAmount().Draw(t, "more"))}
		}), 0, 80).Draw(t, "records")
		var one Tally
		for _, r := range records {
			if err := one.Add(r.num, r.den); err != nil {
				t.Fatal(err)
			}
		}
		got := splitMerge[countRecord, Tally](t, rapid.Permutation(records).Draw(t, "shuffled"),
			func(a *Tally, r countRecord) { _ = a.Add(r.num, r.den) },
			func(a, b *Tally) { a.Merge(b) })
		if *got != one {
			t.Fatalf("state %+v, one pass %+v", *got, one)
		}
		if got.Numerator() != one.Numerator() || got.Denominator() != one.Denominator() || got.Records() != one.Records() {
			t.Fatalf("totals differ")
		}
		sameBytes(t, "tally", &one, got)
		wp, we := one.Proportion(Options{})
		gp, ge := got.Proportion(Options{})
		same(t, "proportion", wp, we, gp, ge)
		wr, we := one.Rate(Options{})
		gr, ge := got.Rate(Options{})
		same(t, "rate", wr, we, gr, ge)
	})
}

type groupRecord struct {
	key GroupKey
	countRecord
}

func TestPropertyGroupedTallyIsExact(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		word := rapid.SampledFrom([]string{"", "E06000001", "E06000002", "2025/26", "1"})
		records := rapid.SliceOfN(rapid.Custom(func(t *rapid.T) groupRecord {
			x := genAmount().Draw(t, "numerator")
			return groupRecord{GroupKey{word.Draw(t, "area"), word.Draw(t, "period"), word.Draw(t, "group")},
				countRecord{x, math.Min(MaxMagnitude, x+genAmount().Draw(t, "more"))}}
		}), 0, 80).Draw(t, "records")
		var one GroupedTally
		for _, r := range records {
			if err := one.Add(r.key, r.num, r.den); err != nil {
				t.Fatal(err)
			}
		}
		got := splitMerge[groupRecord, GroupedTally](t, rapid.Permutation(records).Draw(t, "shuffled"),
			func(a *GroupedTally, r groupRecord) { _ = a.Add(r.key, r.num, r.den) },
			func(a, b *GroupedTally) { a.Merge(b) })
		sameBytes(t, "grouped tally", &one, got)
		if diff := cmp.Diff(one.Keys(), got.Keys()); diff != "" {
			t.Fatalf("keys: %s", diff)
		}
		for _, k := range one.Keys() {
			a, _ := one.Tally(k)
			b, _ := got.Tally(k)
			if a != b {
				t.Fatalf("group %v: %+v, one pass %+v", k, b, a)
			}
		}
		if one.Total() != got.Total() {
			t.Fatalf("totals differ")
		}
	})
}

func TestPropertyMeanTallyIsExact(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		values := rapid.SliceOfN(rapid.Custom(func(t *rapid.T) float64 {
			x := genAmount().Draw(t, "magnitude")
			if rapid.Bool().Draw(t, "negative") {
				return -x
			}
			return x
		}), 0, 80).Draw(t, "values")
		var one MeanTally
		for _, x := range values {
			if err := one.Add(x); err != nil {
				t.Fatal(err)
			}
		}
		got := splitMerge[float64, MeanTally](t, rapid.Permutation(values).Draw(t, "shuffled"),
			func(a *MeanTally, x float64) { _ = a.Add(x) },
			func(a, b *MeanTally) { a.Merge(b) })
		if *got != one {
			t.Fatalf("state %+v, one pass %+v", *got, one)
		}
		sameBytes(t, "mean tally", &one, got)
		o := Options{Levels: []float64{0.95, 0.998}}
		wm, we := one.Mean(o)
		gm, ge := got.Mean(o)
		same(t, "mean", wm, we, gm, ge)
		// NewMean on the values in any order is the same computation.
		nm, ne := NewMean(rapid.Permutation(values).Draw(t, "reordered"), o)
		same(t, "NewMean", wm, we, nm, ne)
	})
}

type ageRecord struct {
	band       AgeBand
	frequency  int // 0: Add(band, events, population)
	events     float64
	population float64
}

func TestPropertyAgeTallyIsExact(t *testing.T) {
	std := threeBand()
	rapid.Check(t, func(t *rapid.T) {
		band := rapid.SampledFrom([]AgeBand{{0, 39}, {40, 64}, {65, OpenEnded}})
		records := rapid.SliceOfN(rapid.Custom(func(t *rapid.T) ageRecord {
			r := ageRecord{band: band.Draw(t, "band")}
			if rapid.IntRange(0, 3).Draw(t, "repeat events") == 0 {
				r.frequency = rapid.IntRange(1, 5).Draw(t, "frequency")
				r.events = genAmount().Draw(t, "persons") / 26 // frequency² × persons ≤ 1e15
			} else {
				r.events, r.population = genAmount().Draw(t, "events"), genAmount().Draw(t, "population")
			}
			return r
		}), 0, 80).Draw(t, "records")
		add := func(a *AgeTally, r ageRecord) error {
			if r.frequency == 0 {
				return a.Add(r.band, r.events, r.population)
			}
			return a.AddPersons(r.band, r.frequency, r.events)
		}
		var one AgeTally
		for _, r := range records {
			if err := add(&one, r); err != nil {
				t.Fatal(err)
			}
		}
		got := splitMerge[ageRecord, AgeTally](t, rapid.Permutation(records).Draw(t, "shuffled"),
			func(a *AgeTally, r ageRecord) { _ = add(a, r) },
			func(a, b *AgeTally) { a.Merge(b) })
		sameBytes(t, "age tally", &one, got)
		if diff := cmp.Diff(one.Bands(), got.Bands()); diff != "" {
			t.Fatalf("bands: -one pass +merged\n%s", diff)
		}
		if one.NonIndependent() != got.NonIndependent() {
			t.Fatalf("non-independence differs")
		}
		wd, we := one.DSR(std, Options{})
		gd, ge := got.DSR(std, Options{})
		same(t, "DSR", wd, we, gd, ge)
		var ref AgeTally
		_ = ref.Add(AgeBand{0, 39}, 120, 50000)
		_ = ref.Add(AgeBand{40, 64}, 300, 30000)
		_ = ref.Add(AgeBand{65, OpenEnded}, 900, 10000)
		wi, we := one.ISRatio(&ref, Options{})
		gi, ge := got.ISRatio(&ref, Options{})
		same(t, "ISRatio", wi, we, gi, ge)
	})
}
