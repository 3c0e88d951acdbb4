package indicator

import (
	"bytes"
	"encoding/binary"
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"
)

// genTally draws a tally of fractional records.
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

// words appends exact sums given as their 64-bit words, least significant first.
func words(b []byte, ws ...uint64) []byte {
	for _, w := range ws {
		b = binary.LittleEndian.AppendUint64(b, w)
	}
	return b
}

func TestTallyBinaryLayout(t *testing.T) {
	// By hand from the documented layout. Records (3 of 10) and (4.5 of 20) sum to 7.5 of 30:
	// 7.5·2⁶⁴ has words 2⁶³, 7, 0 and 30·2⁶⁴ has words 0, 30, 0; then 2 records.
	want := words([]byte{'I', 'T', 2}, 1<<63, 7, 0, 0, 30, 0, 2)
	var tl Tally
	tl.Add(3, 10)
	tl.Add(4.5, 20)
	got, _ := tl.MarshalBinary()
	if !bytes.Equal(got, want) {
		t.Errorf("tally encoding\n got %x\nwant %x", got, want)
	}
	// One group {"A", "", "g"}: 1 group, then "A" (length 1), "" (length 0), "g" (length 1),
	// then the tally's fields.
	wantG := append([]byte{'I', 'G', 2, 1, 1, 'A', 0, 1, 'g'}, want[3:]...)
	var g GroupedTally
	g.Add(GroupKey{Area: "A", Group: "g"}, 3, 10)
	g.Add(GroupKey{Area: "A", Group: "g"}, 4.5, 20)
	gotG, _ := g.MarshalBinary()
	if !bytes.Equal(gotG, wantG) {
		t.Errorf("grouped encoding\n got %x\nwant %x", gotG, wantG)
	}
	// A mean of 0.5 and −2.25 hours: count 2; Σq = −1.75, whose integer −(2⁶⁴ + 3·2⁶²) has
	// two's-complement words 2⁶², 2⁶⁴ − 2, 2⁶⁴ − 1; Σq² = 0.25 + 5.0625 = 5.3125, whose
	// integer 5.3125·2¹²⁸ has words 0, 0.3125·2⁶⁴ = 0x5000000000000000, 5, 0, 0.
	wantM := words([]byte{'I', 'M', 2}, 2, 1<<62, math.MaxUint64-1, math.MaxUint64, 0, 0x5000000000000000, 5, 0, 0)
	var m MeanTally
	m.Add(0.5)
	m.Add(-2.25)
	gotM, _ := m.MarshalBinary()
	if !bytes.Equal(gotM, wantM) {
		t.Errorf("mean encoding\n got %x\nwant %x", gotM, wantM)
	}
	// An age tally: 3 events in 100 people aged 0-4, and 1.5 people aged 65+ with 2 events
	// each. Flags 1 (a person had more than one event), 2 bands. 0-4: bytes 0, 5; events and
	// squared events 3, population 100. 65+: bytes 65, 0 (open); events 2 × 1.5 = 3, squared
	// events 4 × 1.5 = 6, population 0.
	wantA := []byte{'I', 'A', 2, 1, 2, 0, 5}
	wantA = words(wantA, 0, 3, 0, 0, 3, 0, 0, 100, 0)
	wantA = append(wantA, 65, 0)
	wantA = words(wantA, 0, 3, 0, 0, 6, 0, 0, 0, 0)
	var a AgeTally
	a.Add(AgeBand{0, 4}, 3, 100)
	a.AddPersons(AgeBand{65, OpenEnded}, 2, 1.5)
	gotA, _ := a.MarshalBinary()
	if !bytes.Equal(gotA, wantA) {
		t.Errorf("age encoding\n got %x\nwant %x", gotA, wantA)
	}
}

// wantError checks that err is a FieldError matching want at path.
func wantError(t *testing.T, err, want error, path string) {
	t.Helper()
	var fe *FieldError
	if !errors.Is(err, want) || !errors.As(err, &fe) || fe.Path != path {
		t.Errorf("error %v, want %v at %q", err, want, path)
	}
}

func TestTallyBinaryRejects(t *testing.T) {
	var tl Tally
	tl.Add(3, 10)
	good, _ := tl.MarshalBinary()
	set := func(word int, v uint64) []byte {
		b := bytes.Clone(good)
		binary.LittleEndian.PutUint64(b[3+8*word:], v)
		return b
	}
	// An encoding of version 1, by hand from its layout: "IT" 1, float64 numerator sum and
	// compensation, denominator sum and compensation, int64 records.
	v1 := words([]byte{'I', 'T', 1}, math.Float64bits(3), 0, math.Float64bits(10), 0, 1)
	for _, c := range []struct {
		name, path string
		want       error
		data       []byte
	}{
		{"empty", "", ErrOutOfRange, nil},
		{"another type", "", ErrOutOfRange, append([]byte{'I', 'M'}, good[2:]...)},
		{"truncated", "", ErrOutOfRange, good[:20]},
		{"version 1", "/version", ErrVersion, v1},
		{"a later version", "/version", ErrVersion, append([]byte{'I', 'T', 9}, good[3:]...)},
		{"negative numerator", "/numerator", ErrOutOfRange, set(2, math.MaxUint64)},
		{"numerator beyond its records", "/numerator", ErrOutOfRange, set(1, 1e15+1)},
		{"denominator beyond its records", "/denominator", ErrOutOfRange, set(4, 2e15)},
		{"denominator in the top word", "/denominator", ErrOutOfRange, set(5, 1)},
		{"negative records", "/records", ErrOutOfRange, set(6, math.MaxUint64)},
		{"records beyond 2^53", "/records", ErrOutOfRange, set(6, 1<<53+1)},
		{"sums without records", "/numerator", ErrOutOfRange, set(6, 0)},
	} {
		t.Run(c.name, func(t *testing.T) {
			before := tl
			wantError(t, tl.UnmarshalBinary(c.data), c.want, c.path)
			if tl != before {
				t.Errorf("a refused encoding changed the tally")
			}
		})
	}
	var fe *FieldError
	if err := tl.UnmarshalBinary(v1); !errors.As(err, &fe) || !strings.Contains(fe.Detail, "earlier release") {
		t.Errorf("version 1 refused without saying why: %v", err)
	}

	var g GroupedTally
	g.Add(GroupKey{Area: "A"}, 1, 2)
	g.Add(GroupKey{Area: "B"}, 1, 2)
	gb, _ := g.MarshalBinary()
	entry := (len(gb) - 4) / 2 // each group: 1+1, 0, 0 length bytes and the tally
	swapped := append(append(bytes.Clone(gb[:4]), gb[4+entry:]...), gb[4:4+entry]...)
	twice := append(bytes.Clone(gb[:4]), append(bytes.Clone(gb[4:4+entry]), gb[4:4+entry]...)...)
	huge := append([]byte{'I', 'G', 2}, binary.AppendUvarint(nil, math.MaxUint64)...)
	for _, c := range []struct {
		name, path string
		want       error
		data       []byte
	}{
		{"grouped empty", "", ErrOutOfRange, nil},
		{"grouped version 1", "/version", ErrVersion, []byte("IG\x01\x80\x00")},
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
			wantError(t, g.UnmarshalBinary(c.data), c.want, c.path)
			if g.Len() != 2 {
				t.Errorf("a refused encoding changed the grouped tally")
			}
		})
	}
}

func TestMeanTallyBinaryRejects(t *testing.T) {
	var m MeanTally
	m.Add(3)
	m.Add(-1)
	good, _ := m.MarshalBinary()
	set := func(word int, v uint64) []byte {
		b := bytes.Clone(good)
		binary.LittleEndian.PutUint64(b[3+8*word:], v)
		return b
	}
	// words: 0 count, 1–3 Σq, 4–8 Σq²; here Σq = 2·2⁶⁴ and Σq² = 10·2¹²⁸.
	for _, c := range []struct {
		name, path string
		want       error
		data       []byte
	}{
		{"empty", "", ErrOutOfRange, nil},
		{"truncated", "", ErrOutOfRange, good[:len(good)-1]},
		{"another version", "/version", ErrVersion, append([]byte{'I', 'M', 1}, good[3:]...)},
		{"negative count", "/count", ErrOutOfRange, set(0, math.MaxUint64)},
		{"count beyond 2^53", "/count", ErrOutOfRange, set(0, 1<<53+1)},
		{"sum beyond the count", "/sums", ErrOutOfRange, set(2, 2e15+1)},
		{"squares beyond the count", "/sums", ErrOutOfRange, set(8, 1)},      // 2²⁵⁶ > 2·(1e15·2⁶⁴)²
		{"squares below the squared sum", "/sums", ErrOutOfRange, set(6, 1)}, // 2·1 < 2²
		{"one value whose square is not its sum squared", "/sums", ErrOutOfRange, set(0, 1)},
		{"sums without values", "/sums", ErrOutOfRange, set(0, 0)},
	} {
		t.Run(c.name, func(t *testing.T) {
			before := m
			wantError(t, m.UnmarshalBinary(c.data), c.want, c.path)
			if m != before {
				t.Errorf("a refused encoding changed the tally")
			}
		})
	}
}

func TestAgeTallyBinaryRejects(t *testing.T) {
	var a AgeTally
	a.Add(AgeBand{0, 4}, 3, 100)
	a.Add(AgeBand{5, 9}, 1, 90)
	good, _ := a.MarshalBinary()
	const head = 5 // "IA" 2, flags, number of bands
	entry := (len(good) - head) / 2
	// word i of band j's sums: events 0–2, squared events 3–5, population 6–8
	set := func(band, word int, v uint64) []byte {
		b := bytes.Clone(good)
		binary.LittleEndian.PutUint64(b[head+band*entry+2+8*word:], v)
		return b
	}
	setByte := func(i int, v byte) []byte {
		b := bytes.Clone(good)
		b[i] = v
		return b
	}
	for _, c := range []struct {
		name, path string
		want       error
		data       []byte
	}{
		{"empty", "", ErrOutOfRange, nil},
		{"header only", "", ErrOutOfRange, good[:3]},
		{"another version", "/version", ErrVersion, append([]byte{'I', 'A', 1}, good[3:]...)},
		{"flags", "/flags", ErrOutOfRange, setByte(3, 2)},
		{"bands beyond the data", "/bands", ErrOutOfRange, setByte(4, 3)},
		{"trailing bytes", "", ErrOutOfRange, append(bytes.Clone(good), 0)},
		{"invalid band", "/bands/1/band", ErrOutOfRange, setByte(head+entry, 200)},
		{"bands out of order", "/bands/1/band", ErrOutOfRange, append(bytes.Clone(good[:head]), append(bytes.Clone(good[head+entry:]), good[head:head+entry]...)...)},
		{"band twice", "/bands/1/band", ErrDuplicate, append(good[:head+entry:head+entry], good[head:head+entry]...)},
		{"negative events", "/bands/0/events", ErrOutOfRange, set(0, 2, math.MaxUint64)},
		{"negative population", "/bands/1/population", ErrOutOfRange, set(1, 8, math.MaxUint64)},
		{"population beyond 2^63 records", "/bands/1/population", ErrOutOfRange, set(1, 8, 1<<62)},
		{"squared events below the events", "/bands/0/squaredEvents", ErrOutOfRange, set(0, 4, 2)},
		{"squared events above the events without repeat events", "/bands/0/squaredEvents", ErrOutOfRange, set(0, 4, 4)},
	} {
		t.Run(c.name, func(t *testing.T) {
			before, _ := a.MarshalBinary()
			wantError(t, a.UnmarshalBinary(c.data), c.want, c.path)
			if after, _ := a.MarshalBinary(); !bytes.Equal(before, after) {
				t.Errorf("a refused encoding changed the tally")
			}
		})
	}
	// With the flag set, squared events above the events are what repeat events give.
	ok := set(0, 4, 4)
	ok[3] = 1
	if err := a.UnmarshalBinary(ok); err != nil || !a.NonIndependent() || a.Bands()[0].SquaredEvents != 4 {
		t.Errorf("repeat events refused: %v", err)
	}
}

// FuzzTallyUnmarshalBinary checks that any bytes decode or are refused with a classified
// error and without a panic, for every accumulator; that an encoding that decodes re-encodes
// to the same bytes; and that a decoded accumulator reads out usable numbers and merges.
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
	var m MeanTally
	m.Add(-0.1)
	m.Add(2.25)
	mb, _ := m.MarshalBinary()
	f.Add(mb)
	var a AgeTally
	a.Add(AgeBand{0, 4}, 3, 100.5)
	a.AddPersons(AgeBand{65, OpenEnded}, 3, 2)
	ab, _ := a.MarshalBinary()
	f.Add(ab)
	classified := func(t *testing.T, err error) {
		if !errors.Is(err, ErrOutOfRange) && !errors.Is(err, ErrDuplicate) && !errors.Is(err, ErrVersion) {
			t.Fatalf("unclassified error %v", err)
		}
	}
	reencodes := func(t *testing.T, name string, enc func() ([]byte, error), data []byte) {
		if again, _ := enc(); !bytes.Equal(again, data) {
			t.Fatalf("%s re-encoding differs", name)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var tl Tally
		if err := tl.UnmarshalBinary(data); err != nil {
			classified(t, err)
		} else {
			reencodes(t, "tally", tl.MarshalBinary, data)
			tl.Merge(&tl)
			if v := tl.Numerator(); math.IsNaN(v) || math.IsInf(v, 0) || v < 0 {
				t.Fatalf("numerator %v", v)
			}
		}
		var m MeanTally
		if err := m.UnmarshalBinary(data); err != nil {
			classified(t, err)
		} else {
			reencodes(t, "mean tally", m.MarshalBinary, data)
			if r, err := m.Mean(Options{}); err == nil {
				sane(t, r.Estimate)
			}
		}
		var a AgeTally
		if err := a.UnmarshalBinary(data); err != nil {
			classified(t, err)
		} else {
			reencodes(t, "age tally", a.MarshalBinary, data)
			a.Merge(&a)
			for _, b := range a.Bands() {
				if !checkFinite(b.Events, b.Population, b.SquaredEvents) || b.SquaredEvents < b.Events {
					t.Fatalf("band %+v", b)
				}
			}
		}
		var g GroupedTally
		if err := g.UnmarshalBinary(data); err != nil {
			classified(t, err)
			return
		}
		reencodes(t, "grouped tally", g.MarshalBinary, data)
		total := g.Total()
		if v := total.Numerator(); math.IsNaN(v) || math.IsInf(v, 0) || v < 0 {
			t.Fatalf("total numerator %v", v)
		}
	})
}
