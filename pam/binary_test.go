package pam

import (
	"bytes"
	"encoding/binary"
	"errors"
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"
)

// genCohort draws a cohort built by adding results, possibly in several parts merged.
func genCohort(t *rapid.T) Cohort {
	var c Cohort
	for _, r := range rapid.SliceOfN(rapid.Custom(genResult), 0, 50).Draw(t, "results") {
		c.Add(r)
	}
	if rapid.Bool().Draw(t, "merged") {
		var o Cohort
		for _, r := range rapid.SliceOfN(rapid.Custom(genResult), 0, 50).Draw(t, "more") {
			o.Add(r)
		}
		c.Merge(&o)
	}
	return c
}

// genGains draws a Gains with the zero value's defaults or explicit settings.
func genGains(t *rapid.T) Gains {
	var g Gains
	if rapid.Bool().Draw(t, "explicit") {
		g, _ = NewGains(Window{MinMonths: rapid.IntRange(0, 6).Draw(t, "min"), MaxMonths: rapid.IntRange(6, 18).Draw(t, "max")},
			LevelScheme(rapid.IntRange(1, numSchemes).Draw(t, "scheme")))
	}
	for range rapid.IntRange(0, 50).Draw(t, "pairs") {
		base := scoredResult(rapid.Float64Range(0, 100).Draw(t, "baseline"), "2025-01-15")
		f := scoredResult(rapid.Float64Range(0, 100).Draw(t, "follow-up"), "")
		f.Date = base.Date.AddMonths(rapid.IntRange(1, 15).Draw(t, "month"))
		f.Accepted = rapid.IntRange(0, 9).Draw(t, "rejected") != 0
		g.Add(base, f)
	}
	return g
}

func TestCohortBinaryRoundTrip(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		c := genCohort(t)
		data, err := c.MarshalBinary()
		if err != nil {
			t.Fatal(err)
		}
		var back Cohort
		if err := back.UnmarshalBinary(data); err != nil {
			t.Fatalf("decoding a cohort's own encoding: %v", err)
		}
		if back != c {
			t.Fatalf("round trip changed the state:\n%+v\n%+v", c, back)
		}
		// A cohort shipped to another worker merges bit for bit as the original does.
		other := genCohort(t)
		direct, shipped := other, other
		direct.Merge(&c)
		shipped.Merge(&back)
		if direct != shipped {
			t.Fatalf("merging the decoded cohort differs")
		}
	})
}

func TestGainsBinaryRoundTrip(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		g := genGains(t)
		data, err := g.MarshalBinary()
		if err != nil {
			t.Fatal(err)
		}
		var back Gains
		if err := back.UnmarshalBinary(data); err != nil {
			t.Fatalf("decoding a Gains' own encoding: %v", err)
		}
		if back != g {
			t.Fatalf("round trip changed the state:\n%+v\n%+v", g, back)
		}
		if back.Window() != g.Window() || back.Scheme() != g.Scheme() {
			t.Fatalf("settings changed")
		}
	})
}

// le builds an encoding from its documented layout (see binary.go): a header, then 8-byte
// little-endian fields, each given as an int64, a uint64 or a float64.
func le(header []byte, fields ...any) []byte {
	b := bytes.Clone(header)
	for _, f := range fields {
		switch v := f.(type) {
		case int:
			b = binary.LittleEndian.AppendUint64(b, uint64(int64(v)))
		case uint64:
			b = binary.LittleEndian.AppendUint64(b, v)
		case float64:
			b = binary.LittleEndian.AppendUint64(b, math.Float64bits(v))
		}
	}
	return b
}

func TestCohortBinaryLayout(t *testing.T) {
	// By hand: two accepted results scoring 40 and 60 (Level 1 under both schemes, and Level 3
	// under both) and one unscored result flagged too-few-answered. In units of 2⁻⁶⁴ points
	// the scores sum to (40 + 60)·2⁶⁴, 100 in the second word; their squares to
	// (1600 + 3600)·2¹²⁸, 5200 in the third.
	want := le([]byte{'P', 'C', 2, 4, 2},
		3, 2, 2, 0, // results, scored, accepted, invalid
		0, 0, 0, 1, // flagged: extreme-line, all-same, too-many-not-applicable, too-few-answered
		2,         // scores summed
		0, 100, 0, // Σk
		0, 0, 5200, 0, 0, // Σk²
		40.0, 60.0, // min, max
		1, 0, 1, 0, // Hibbard 2005 levels
		1, 0, 1, 0) // Insignia 2024 levels
	var c Cohort
	c.Add(scoredResult(40, ""))
	c.Add(Result{Form: PAM13, Calibration: "c", Scheme: Insignia2024, NotAnswered: 13, Flags: FlagsOf(TooFewAnswered)})
	c.Add(scoredResult(60, ""))
	got, _ := c.MarshalBinary()
	if !bytes.Equal(got, want) {
		t.Errorf("encoding\n got %x\nwant %x", got, want)
	}
	var back Cohort
	if err := back.UnmarshalBinary(want); err != nil {
		t.Fatal(err)
	}
	s := back.Summary()
	// Mean 50 and sample variance ((40 − 50)² + (60 − 50)²)/1 = 200, both exact.
	if s.Results != 3 || *s.Mean != 50 || *s.SD != math.Sqrt(200) || s.Flagged[TooFewAnswered] != 1 {
		t.Errorf("decoded summary %+v", s)
	}
}

func TestGainsBinaryLayout(t *testing.T) {
	// By hand: with the zero value's defaults, one eligible pair gaining 3.0 points (50.0 to
	// 53.0) and one excluded for its follow-up 14 months after baseline (outside-window, the
	// fourth reason). One change of 3 points: Σk = 3·2⁶⁴, Σk² = 9·2¹²⁸.
	want := le([]byte{'P', 'G', 2, 7},
		0, 0, 0, // window and scheme: the defaults
		2, 1, 1, 0, // pairs, eligible, achieved, excellent
		0, 0, 0, 1, 0, 0, 0, // excluded by reason
		1,       // changes summed
		0, 3, 0, // Σk
		0, 0, 9, 0, 0) // Σk²
	var g Gains
	g.Add(scoredResult(50, "2025-01-15"), scoredResult(53, "2025-08-15"))
	g.Add(scoredResult(50, "2025-01-15"), scoredResult(53, "2026-03-15"))
	got, _ := g.MarshalBinary()
	if !bytes.Equal(got, want) {
		t.Errorf("encoding\n got %x\nwant %x", got, want)
	}
}

func TestBinaryRejects(t *testing.T) {
	var one Cohort
	one.Add(scoredResult(40, ""))
	good, _ := one.MarshalBinary()
	// at returns the cohort encoding with the 8-byte field i (0 = results) replaced.
	at := func(i int, v any) []byte {
		b := bytes.Clone(good)
		var f []byte
		switch x := v.(type) {
		case int:
			f = binary.LittleEndian.AppendUint64(nil, uint64(int64(x)))
		case uint64:
			f = binary.LittleEndian.AppendUint64(nil, x)
		case float64:
			f = binary.LittleEndian.AppendUint64(nil, math.Float64bits(x))
		}
		copy(b[5+8*i:], f)
		return b
	}
	// The cohort holds one score of 40: a count of 1, Σk = 40·2⁶⁴ (40 in word 1 of three) and
	// Σk² = 1600·2¹²⁸ (1600 in word 2 of five).
	const countField = 4 + numFlags
	const sumField = countField + 1
	const sqField = sumField + 3
	const minField = sqField + 5
	var g Gains
	g.Add(scoredResult(50, "2025-01-15"), scoredResult(53, "2025-08-15"))
	goodGains, _ := g.MarshalBinary()
	gainsAt := func(i int, v int) []byte {
		b := bytes.Clone(goodGains)
		copy(b[4+8*i:], binary.LittleEndian.AppendUint64(nil, uint64(int64(v))))
		return b
	}
	for _, c := range []struct {
		name  string
		gains bool
		data  []byte
		want  error
	}{
		{"empty", false, nil, ErrOutOfRange},
		{"truncated", false, good[:len(good)-1], ErrOutOfRange},
		{"gains bytes as a cohort", false, goodGains, ErrOutOfRange},
		{"unknown version", false, append([]byte{'P', 'C', 3}, good[3:]...), ErrOutOfRange},
		{"version 1", false, append([]byte{'P', 'C', 1}, good[3:]...), ErrOutOfRange},
		{"negative results", false, at(0, -1), ErrOutOfRange},
		{"results beyond 2^53", false, at(0, 1<<53+1), ErrOutOfRange},
		{"more scored than results", false, at(1, 2), ErrInconsistent},
		{"flag counted beyond the results", false, at(4, 2), ErrInconsistent},
		{"scores summed not the accepted", false, at(countField, 2), ErrInconsistent},
		{"sum below the minimum", false, at(sumField+1, 39), ErrInconsistent},
		{"sum above the maximum", false, at(sumField+1, 41), ErrInconsistent},
		{"sum of squares too small", false, at(sqField+2, 1599), ErrInconsistent},
		{"sum of squares too large", false, at(sqField+2, 1601), ErrInconsistent},
		{"sums without accepted results", false, at(2, 0), ErrInconsistent},
		{"minimum not a number", false, at(minField, math.NaN()), ErrOutOfRange},
		{"minimum above maximum", false, at(minField, 50.0), ErrOutOfRange},
		{"maximum above 100", false, at(minField+1, 100.5), ErrOutOfRange},
		{"levels not summing to accepted", false, at(minField+2, 0), ErrInconsistent},
		{"levels overflowing", false, at(minField+2, math.MaxInt64), ErrInconsistent},
		{"cohort bytes as gains", true, good, ErrOutOfRange},
		{"gains truncated", true, goodGains[:10], ErrOutOfRange},
		{"unknown scheme", true, gainsAt(2, 9), ErrOutOfRange},
		{"window without a scheme", true, gainsAt(0, 6), ErrInconsistent},
		{"achieved beyond eligible", true, gainsAt(5, 2), ErrInconsistent},
		{"exclusions not adding up", true, gainsAt(7, 1), ErrInconsistent},
		{"exclusions overflowing", true, gainsAt(8, math.MaxInt64), ErrInconsistent},
		// The Gains holds one change of 3 points: count 1 (field 14), Σk = 3·2⁶⁴ (word 1 of
		// fields 15–17), Σk² = 9·2¹²⁸ (word 2 of fields 18–22).
		{"changes summed not the eligible", true, gainsAt(14, 2), ErrInconsistent},
		{"mean change beyond 100 points", true, gainsAt(16, 101), ErrInconsistent},
		{"sum of squares not the square of the one change", true, gainsAt(20, 10), ErrInconsistent},
		{"gains version 1", true, append([]byte{'P', 'G', 1}, goodGains[3:]...), ErrOutOfRange},
	} {
		t.Run(c.name, func(t *testing.T) {
			var err error
			if c.gains {
				before := g
				err = g.UnmarshalBinary(c.data)
				if g != before {
					t.Errorf("a refused encoding changed the gains")
				}
			} else {
				before := one
				err = one.UnmarshalBinary(c.data)
				if one != before {
					t.Errorf("a refused encoding changed the cohort")
				}
			}
			if !errors.Is(err, c.want) {
				t.Errorf("error %v, want %v", err, c.want)
			}
			var fe *FieldError
			if !errors.As(err, &fe) || fe.Detail == "" {
				t.Errorf("error %v is not a FieldError saying what was expected", err)
			}
		})
	}
}

// FuzzCohortUnmarshalBinary checks that any bytes decode or are refused without a panic, and
// that what decodes re-encodes to the same bytes and summarises without a NaN or an infinity.
func FuzzCohortUnmarshalBinary(f *testing.F) {
	var c Cohort
	z, _ := c.MarshalBinary()
	f.Add(z)
	c.Add(scoredResult(40, ""))
	c.Add(scoredResult(72.45, ""))
	one, _ := c.MarshalBinary()
	f.Add(one)
	f.Add(one[:7])
	f.Fuzz(func(t *testing.T, data []byte) {
		var c Cohort
		if err := c.UnmarshalBinary(data); err != nil {
			if !errors.Is(err, ErrOutOfRange) && !errors.Is(err, ErrInconsistent) {
				t.Fatalf("unclassified error %v", err)
			}
			return
		}
		again, _ := c.MarshalBinary()
		if !bytes.Equal(again, data) {
			t.Fatalf("re-encoding differs")
		}
		c.Merge(&c)
		if err := c.check(); err != nil {
			t.Fatalf("merging a decoded cohort into itself gives an impossible state: %v", err)
		}
		s := c.Summary()
		for _, v := range []*float64{s.Mean, s.SD, s.Min, s.Max} {
			if v != nil && (math.IsNaN(*v) || math.IsInf(*v, 0)) {
				t.Fatalf("non-finite summary %+v", s)
			}
		}
	})
}

// FuzzGainsUnmarshalBinary is FuzzCohortUnmarshalBinary for Gains.
func FuzzGainsUnmarshalBinary(f *testing.F) {
	var g Gains
	z, _ := g.MarshalBinary()
	f.Add(z)
	g.Add(scoredResult(50, "2025-01-15"), scoredResult(53, "2025-08-15"))
	one, _ := g.MarshalBinary()
	f.Add(one)
	h, _ := NewGains(Window{MinMonths: 3, MaxMonths: 9}, Hibbard2005)
	hb, _ := h.MarshalBinary()
	f.Add(hb)
	f.Fuzz(func(t *testing.T, data []byte) {
		var g Gains
		if err := g.UnmarshalBinary(data); err != nil {
			if !errors.Is(err, ErrOutOfRange) && !errors.Is(err, ErrInconsistent) {
				t.Fatalf("unclassified error %v", err)
			}
			return
		}
		again, _ := g.MarshalBinary()
		if !bytes.Equal(again, data) {
			t.Fatalf("re-encoding differs")
		}
		s := g.Summary()
		if diff := cmp.Diff(s.Pairs, s.Eligible+sum(s.Excluded)); diff != "" {
			t.Fatalf("pairs do not add up: %s", diff)
		}
		for _, v := range []*float64{s.Proportion, s.MeanChange, s.SDChange} {
			if v != nil && (math.IsNaN(*v) || math.IsInf(*v, 0)) {
				t.Fatalf("non-finite summary %+v", s)
			}
		}
	})
}

func sum(m map[Exclusion]int64) int64 {
	var n int64
	for _, v := range m {
		n += v
	}
	return n
}
