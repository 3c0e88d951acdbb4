package pam

import (
	"encoding/binary"
	"math"
	"strconv"

	"github.com/peopleandcommunities/engage/internal/exactsum"
)

// Binary encodings of the accumulators, so that a map-reduce engine (Apache Beam, Spark, a
// queue between services) can ship a Cohort or a Gains between workers and merge it there
// exactly as if it had never left the process. The encodings are fixed-size, little-endian
// and versioned:
//
//	Cohort: "PC" 2 nFlags nSchemes, then int64 results, scored, accepted, invalid,
//	        nFlags × int64 flagged, the scores' moments (below), float64 min, max,
//	        nSchemes × 4 × int64 levels
//	Gains:  "PG" 2 nExclusions, then int64 minMonths, maxMonths, scheme, pairs, eligible,
//	        achieved, excellent, nExclusions × int64 excluded, the changes' moments
//	Moments: int64 count, 3 × uint64 Σk and 5 × uint64 Σk², each least significant word
//	        first, where k = x·2⁶⁴ is each value held as a whole number of units of 2⁻⁶⁴
//
// Floats are stored as their IEEE 754 bits, so a round trip is exact. UnmarshalBinary checks
// that the state is one that Add and Merge could have produced and reports the first problem
// as a FieldError (ErrOutOfRange for a malformed or impossible encoding, ErrInconsistent for
// counts and sums that do not agree); on error the receiver is unchanged. Version 1, written by
// earlier releases, kept running means in floating point, which cannot merge exactly with
// version 2's sums; it is refused with a message saying so, and such an accumulator has to be
// rebuilt from its results.

const binaryVersion = 2

var (
	cohortMagic = [2]byte{'P', 'C'}
	gainsMagic  = [2]byte{'P', 'G'}
)

// maxBinaryCount bounds the counts UnmarshalBinary accepts: 2⁵³, beyond which a count no
// longer converts exactly to the float64 of the statistics, and far beyond any real cohort.
// Two decoded accumulators can then be merged without overflowing.
const maxBinaryCount = 1 << 53

// cohortBinarySize is the length of a Cohort's encoding.
const cohortBinarySize = 5 + 8*(4+numFlags) + exactsum.MomentsSize + 8*(2+numSchemes*4)

// gainsBinarySize is the length of a Gains' encoding.
const gainsBinarySize = 4 + 8*(7+numExclusions) + exactsum.MomentsSize

// binWriter appends fixed-size little-endian fields.
type binWriter struct{ b []byte }

func (w *binWriter) i64(v int64)   { w.b = binary.LittleEndian.AppendUint64(w.b, uint64(v)) }
func (w *binWriter) f64(v float64) { w.b = binary.LittleEndian.AppendUint64(w.b, math.Float64bits(v)) }

// binReader reads what binWriter wrote; the caller has checked the length.
type binReader struct{ b []byte }

func (r *binReader) i64() int64 {
	v := int64(binary.LittleEndian.Uint64(r.b))
	r.b = r.b[8:]
	return v
}

func (r *binReader) moments() exactsum.Moments {
	m := exactsum.ReadMoments(r.b)
	r.b = r.b[exactsum.MomentsSize:]
	return m
}

func (r *binReader) f64() float64 {
	v := math.Float64frombits(binary.LittleEndian.Uint64(r.b))
	r.b = r.b[8:]
	return v
}

// badEncoding returns the error for an encoding that could not have come from MarshalBinary.
func badEncoding(detail string) error {
	return &FieldError{Err: ErrOutOfRange, Detail: detail}
}

// badHeader returns the error for an encoding of the wrong type, version or length: what was
// expected, and why a version-1 encoding cannot be taken.
func badHeader(typ string, size int, version byte) error {
	d := "a " + typ + " encoding of version " + strconv.Itoa(binaryVersion) + ", " + strconv.Itoa(size) + " bytes long"
	if version == 1 {
		d += "; version 1 came from an earlier release, whose floating-point means cannot be merged exactly: rebuild it from its results"
	}
	return badEncoding(d)
}

// MarshalBinary encodes the cohort's whole state (see the package's binary encodings above),
// so that it can be sent to another worker and merged there. It never fails.
func (c *Cohort) MarshalBinary() ([]byte, error) {
	w := binWriter{make([]byte, 0, cohortBinarySize)}
	w.b = append(w.b, cohortMagic[0], cohortMagic[1], binaryVersion, byte(numFlags), byte(numSchemes))
	w.i64(c.results)
	w.i64(c.scored)
	w.i64(c.moments.Count())
	w.i64(c.invalid)
	for _, n := range c.flagged {
		w.i64(n)
	}
	w.b = c.moments.Append(w.b)
	w.f64(c.lo)
	w.f64(c.hi)
	for s := range c.levels {
		for _, n := range c.levels[s] {
			w.i64(n)
		}
	}
	return w.b, nil
}

// UnmarshalBinary restores a cohort encoded by MarshalBinary, replacing c's state. It refuses,
// leaving c unchanged, an encoding of another type, version or length, negative counts or
// counts above 2⁵³, counts that do not add up (more scored than results, levels that do not
// sum to the accepted count), and statistics that are not finite or lie outside [0, 100].
func (c *Cohort) UnmarshalBinary(data []byte) error {
	if len(data) != cohortBinarySize || data[0] != cohortMagic[0] || data[1] != cohortMagic[1] ||
		data[2] != binaryVersion || data[3] != byte(numFlags) || data[4] != byte(numSchemes) {
		return badHeader("pam.Cohort", cohortBinarySize, version(data, cohortMagic))
	}
	r := binReader{data[5:]}
	var v Cohort
	var accepted int64
	v.results, v.scored, accepted, v.invalid = r.i64(), r.i64(), r.i64(), r.i64()
	for i := range v.flagged {
		v.flagged[i] = r.i64()
	}
	v.moments = r.moments()
	if v.moments.Count() != accepted {
		return &FieldError{Err: ErrInconsistent, Detail: "as many scores summed as accepted results"}
	}
	v.lo, v.hi = r.f64(), r.f64()
	for s := range v.levels {
		for l := range v.levels[s] {
			v.levels[s][l] = r.i64()
		}
	}
	if v.results > maxBinaryCount || v.invalid > maxBinaryCount {
		return badEncoding("counts up to 2^53")
	}
	if err := v.check(); err != nil {
		return err
	}
	*c = v
	return nil
}

// check reports whether a decoded state is one that Add and Merge can produce.
func (c *Cohort) check() error {
	accepted := c.moments.Count()
	if c.results < 0 || c.scored < 0 || accepted < 0 || c.invalid < 0 {
		return badEncoding("counts not negative")
	}
	if c.scored > c.results || accepted > c.scored {
		return &FieldError{Err: ErrInconsistent, Detail: "accepted ≤ scored ≤ results"}
	}
	for _, n := range c.flagged {
		if n < 0 || n > c.results {
			return &FieldError{Err: ErrInconsistent, Detail: "each flag counted at most once per result"}
		}
	}
	for s := range c.levels {
		left := accepted // subtracting, so that no sum can overflow
		for _, n := range c.levels[s] {
			if n < 0 || n > left {
				return &FieldError{Err: ErrInconsistent, Detail: "level counts that sum to the accepted results"}
			}
			left -= n
		}
		if left != 0 {
			return &FieldError{Err: ErrInconsistent, Detail: "level counts that sum to the accepted results"}
		}
	}
	if accepted == 0 {
		if c.moments != (exactsum.Moments{}) || c.lo != 0 || c.hi != 0 {
			return &FieldError{Err: ErrInconsistent, Detail: "no statistics without accepted results"}
		}
		return nil
	}
	if !(c.lo >= 0 && c.lo <= c.hi && c.hi <= 100) {
		return badEncoding("a minimum and maximum score in [0, 100]")
	}
	// Every score lies in [min, max], so n·min ≤ Σx ≤ n·max, and the sums of squares must be
	// ones real scores give.
	var least exactsum.Sum
	least.AddMultiple(c.lo, uint64(accepted))
	if !c.moments.Consistent(c.hi) || c.moments.Sum().Cmp(least) < 0 {
		return &FieldError{Err: ErrInconsistent, Detail: "sums of scores and of their squares that the count and range allow"}
	}
	return nil
}

// version returns the version byte of an encoding with the given magic, or 0.
func version(data []byte, magic [2]byte) byte {
	if len(data) < 3 || data[0] != magic[0] || data[1] != magic[1] {
		return 0
	}
	return data[2]
}

// MarshalBinary encodes the Gains' whole state, its window and scheme included (see the
// package's binary encodings above), so that it can be sent to another worker and merged
// there. It never fails.
func (g *Gains) MarshalBinary() ([]byte, error) {
	w := binWriter{make([]byte, 0, gainsBinarySize)}
	w.b = append(w.b, gainsMagic[0], gainsMagic[1], binaryVersion, byte(numExclusions))
	w.i64(int64(g.window.MinMonths))
	w.i64(int64(g.window.MaxMonths))
	w.i64(int64(g.scheme))
	w.i64(g.pairs)
	w.i64(g.changes.Count())
	w.i64(g.achieved)
	w.i64(g.excellent)
	for _, n := range g.excluded {
		w.i64(n)
	}
	w.b = g.changes.Append(w.b)
	return w.b, nil
}

// UnmarshalBinary restores a Gains encoded by MarshalBinary, replacing g's state. It refuses,
// leaving g unchanged, an encoding of another type, version or length, an invalid window or
// scheme, negative counts, counts above 2⁵³ or counts that do not add up, and sums of
// changes that the count of eligible pairs does not allow.
func (g *Gains) UnmarshalBinary(data []byte) error {
	if len(data) != gainsBinarySize || data[0] != gainsMagic[0] || data[1] != gainsMagic[1] ||
		data[2] != binaryVersion || data[3] != byte(numExclusions) {
		return badHeader("pam.Gains", gainsBinarySize, version(data, gainsMagic))
	}
	r := binReader{data[4:]}
	var v Gains
	minM, maxM, scheme := r.i64(), r.i64(), r.i64()
	var eligible int64
	v.pairs, eligible, v.achieved, v.excellent = r.i64(), r.i64(), r.i64(), r.i64()
	for i := range v.excluded {
		v.excluded[i] = r.i64()
	}
	v.changes = r.moments()
	if v.changes.Count() != eligible {
		return &FieldError{Err: ErrInconsistent, Detail: "as many changes summed as eligible pairs"}
	}
	switch {
	case scheme == 0 && (minM != 0 || maxM != 0):
		return &FieldError{Err: ErrInconsistent, Detail: "the zero window with the zero scheme (the defaults)"}
	case scheme < 0 || scheme > int64(numSchemes):
		return badEncoding("a level scheme, or 0 for the default")
	case minM < 0 || maxM < 0 || minM > 120 || maxM > 120:
		return badEncoding("a window of 0 to 120 months")
	}
	v.window, v.scheme = Window{MinMonths: int(minM), MaxMonths: int(maxM)}, LevelScheme(scheme)
	if scheme != 0 {
		if err := v.window.Validate(); err != nil {
			return err
		}
	}
	if v.pairs > maxBinaryCount {
		return badEncoding("counts up to 2^53")
	}
	if err := v.check(); err != nil {
		return err
	}
	*g = v
	return nil
}

// check reports whether a decoded state is one that Add and Merge can produce.
func (g *Gains) check() error {
	eligible := g.changes.Count()
	if g.pairs < 0 || eligible < 0 || g.achieved < 0 || g.excellent < 0 {
		return badEncoding("counts not negative")
	}
	if g.excellent > g.achieved || g.achieved > eligible {
		return &FieldError{Err: ErrInconsistent, Detail: "excellent ≤ achieved ≤ eligible"}
	}
	if eligible > g.pairs {
		return &FieldError{Err: ErrInconsistent, Detail: "eligible and excluded pairs that add up to the pairs"}
	}
	left := g.pairs - eligible // subtracting, so that no sum can overflow
	for _, n := range g.excluded {
		if n < 0 {
			return badEncoding("counts not negative")
		}
		if n > left {
			return &FieldError{Err: ErrInconsistent, Detail: "eligible and excluded pairs that add up to the pairs"}
		}
		left -= n
	}
	if left != 0 {
		return &FieldError{Err: ErrInconsistent, Detail: "eligible and excluded pairs that add up to the pairs"}
	}
	if !g.changes.Consistent(100) {
		return &FieldError{Err: ErrInconsistent, Detail: "sums of changes and of their squares that the count allows, each change within 100 points"}
	}
	return nil
}
