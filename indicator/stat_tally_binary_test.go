package indicator

import (
	"bytes"
	"encoding/binary"
	"errors"
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"
)

// genTally draws a tally of fractional records, so that the compensation terms are not zero.
func genTally(t *rapid.T, label string) Tally {
	var tl Tally
	for range rapid.IntRange(0, 40).Draw(t, label+" records") {
		x := rapid.Float64Range(0, 1e6).Draw(t, label+" x")
		tl.Add(x, x+rapid.Float64Range(0, 1e9).Draw(t, label+" extra"))
	}
	return tl
}

func TestTallyBinaryRoundTrip(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		tl := genTally(t, "tally")
		data, err := tl.MarshalBinary()
		if err != nil {
			t.Fatal(err)
		}
		var back Tally
		if err := back.UnmarshalBinary(data); err != nil {
			t.Fatalf("decoding a tally's own encoding: %v", err)
		}
		if back != tl {
			t.Fatalf("round trip changed the state: %+v, %+v", tl, back)
		}
		other := genTally(t, "other")
		direct, shipped := other, other
		direct.Merge(&tl)
		shipped.Merge(&back)
		if direct != shipped {
			t.Fatalf("merging the decoded tally differs")
		}
	})
}

func TestGroupedTallyBinaryRoundTrip(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		var g GroupedTally
		word := rapid.SampledFrom([]string{"", "E01000001", "2024/25", "2025/26", "décile 1", "q\x00"})
		for range rapid.IntRange(0, 30).Draw(t, "records") {
			k := GroupKey{Area: word.Draw(t, "area"), Period: word.Draw(t, "period"), Group: word.Draw(t, "group")}
			x := rapid.Float64Range(0, 1e3).Draw(t, "x")
			if err := g.Add(k, x, x+1); err != nil {
				t.Fatal(err)
			}
		}
		data, _ := g.MarshalBinary()
		var back GroupedTally
		if err := back.UnmarshalBinary(data); err != nil {
			t.Fatalf("decoding a grouped tally's own encoding: %v", err)
		}
		if diff := cmp.Diff(g.Keys(), back.Keys()); diff != "" {
			t.Fatalf("keys changed: %s", diff)
		}
		for _, k := range g.Keys() {
			a, _ := g.Tally(k)
			b, _ := back.Tally(k)
			if a != b {
				t.Fatalf("group %v changed: %+v, %+v", k, a, b)
			}
		}
		again, _ := back.MarshalBinary()
		if !bytes.Equal(again, data) {
			t.Fatalf("re-encoding differs")
		}
	})
}

func TestTallyBinaryLayout(t *testing.T) {
	// By hand from the documented layout: records (3 of 10) and (4 of 20) sum to 7 of 30 with
	// no compensation, 2 records.
	f := func(b []byte, fs ...float64) []byte {
		for _, x := range fs {
			b = binary.LittleEndian.AppendUint64(b, math.Float64bits(x))
		}
		return b
	}
	want := binary.LittleEndian.AppendUint64(f([]byte{'I', 'T', 1}, 7, 0, 30, 0), 2)
	var tl Tally
	tl.Add(3, 10)
	tl.Add(4, 20)
	got, _ := tl.MarshalBinary()
	if !bytes.Equal(got, want) {
		t.Errorf("tally encoding\n got %x\nwant %x", got, want)
	}
	// One group {"A", "", "g"}: 1 group, then "A" (length 1), "" (length 0), "g" (length 1),
	// then the tally's fields.
	wantG := append([]byte{'I', 'G', 1, 1, 1, 'A', 0, 1, 'g'}, want[3:]...)
	var g GroupedTally
	g.Add(GroupKey{Area: "A", Group: "g"}, 3, 10)
	g.Add(GroupKey{Area: "A", Group: "g"}, 4, 20)
	gotG, _ := g.MarshalBinary()
	if !bytes.Equal(gotG, wantG) {
		t.Errorf("grouped encoding\n got %x\nwant %x", gotG, wantG)
	}
}

func TestTallyBinaryRejects(t *testing.T) {
	var tl Tally
	tl.Add(3, 10)
	good, _ := tl.MarshalBinary()
	set := func(i int, v uint64) []byte {
		b := bytes.Clone(good)
		binary.LittleEndian.PutUint64(b[3+8*i:], v)
		return b
	}
	for _, c := range []struct {
		name, path string
		data       []byte
	}{
		{"empty", "", nil},
		{"truncated", "", good[:20]},
		{"other version", "", append([]byte{'I', 'T', 9}, good[3:]...)},
		{"numerator not a number", "/numerator", set(0, math.Float64bits(math.NaN()))},
		{"negative numerator", "/numerator", set(0, math.Float64bits(-1))},
		{"infinite compensation", "/denominator", set(3, math.Float64bits(math.Inf(-1)))},
		{"denominator beyond its records", "/denominator", set(2, math.Float64bits(2e15))},
		{"negative records", "/records", set(4, math.MaxUint64)},
		{"records beyond 2^53", "/records", set(4, 1<<53+1)},
		{"sums without records", "/numerator", set(4, 0)},
	} {
		t.Run(c.name, func(t *testing.T) {
			before := tl
			err := tl.UnmarshalBinary(c.data)
			var fe *FieldError
			if !errors.Is(err, ErrOutOfRange) || !errors.As(err, &fe) || fe.Path != c.path {
				t.Errorf("error %v, want ErrOutOfRange at %q", err, c.path)
			}
			if tl != before {
				t.Errorf("a refused encoding changed the tally")
			}
		})
	}

	var g GroupedTally
	g.Add(GroupKey{Area: "A"}, 1, 2)
	g.Add(GroupKey{Area: "B"}, 1, 2)
	gb, _ := g.MarshalBinary()
	entry := (len(gb) - 4) / 2 // each group: 1+1, 0, 0 length bytes and the tally
	swapped := append(append(bytes.Clone(gb[:4]), gb[4+entry:]...), gb[4:4+entry]...)
	twice := append(bytes.Clone(gb[:4]), append(bytes.Clone(gb[4:4+entry]), gb[4:4+entry]...)...)
	huge := append([]byte{'I', 'G', 1}, binary.AppendUvarint(nil, math.MaxUint64)...)
	for _, c := range []struct {
		name, path string
		want       error
		data       []byte
	}{
		{"grouped empty", "", ErrOutOfRange, nil},
		{"grouped count beyond the data", "/groups", ErrOutOfRange, huge},
		{"grouped truncated", "/groups/1", ErrOutOfRange, gb[:len(gb)-1]},
		{"grouped trailing bytes", "", ErrOutOfRange, append(bytes.Clone(gb), 0)},
		{"grouped out of order", "/groups/1", ErrOutOfRange, swapped},
		{"grouped twice", "/groups/1", ErrDuplicate, twice},
		{"grouped bad tally", "/groups/0/records", ErrOutOfRange, func() []byte {
			b := bytes.Clone(gb)
			binary.LittleEndian.PutUint64(b[4+entry-8:], math.MaxUint64)
			return b
		}()},
	} {
		t.Run(c.name, func(t *testing.T) {
			err := g.UnmarshalBinary(c.data)
			var fe *FieldError
			if !errors.Is(err, c.want) || !errors.As(err, &fe) || fe.Path != c.path {
				t.Errorf("error %v, want %v at %q", err, c.want, c.path)
			}
			if g.Len() != 2 {
				t.Errorf("a refused encoding changed the grouped tally")
			}
		})
	}
}

// FuzzTallyUnmarshalBinary checks that any bytes decode or are refused without a panic, and
// that a grouped tally that decodes re-encodes to the same bytes and gives usable totals.
func FuzzTallyUnmarshalBinary(f *testing.F) {
	var g GroupedTally
	z, _ := g.MarshalBinary()
	f.Add(z)
	g.Add(GroupKey{Area: "E01000001", Period: "2025/26"}, 3, 10)
	g.Add(GroupKey{Area: "E01000002", Period: "2025/26", Group: "1"}, 0.1, 0.7)
	one, _ := g.MarshalBinary()
	f.Add(one)
	var tl Tally
	tl.Add(0.1, 0.3)
	tb, _ := tl.MarshalBinary()
	f.Add(tb)
	f.Fuzz(func(t *testing.T, data []byte) {
		var tl Tally
		if err := tl.UnmarshalBinary(data); err == nil {
			again, _ := tl.MarshalBinary()
			if !bytes.Equal(again, data) {
				t.Fatalf("tally re-encoding differs")
			}
		} else if !errors.Is(err, ErrOutOfRange) {
			t.Fatalf("unclassified error %v", err)
		}
		var g GroupedTally
		if err := g.UnmarshalBinary(data); err != nil {
			if !errors.Is(err, ErrOutOfRange) && !errors.Is(err, ErrDuplicate) {
				t.Fatalf("unclassified error %v", err)
			}
			return
		}
		again, _ := g.MarshalBinary()
		if !bytes.Equal(again, data) {
			t.Fatalf("grouped re-encoding differs")
		}
		total := g.Total()
		if v := total.Numerator(); math.IsNaN(v) || math.IsInf(v, 0) || v < 0 {
			t.Fatalf("total numerator %v", v)
		}
	})
}
