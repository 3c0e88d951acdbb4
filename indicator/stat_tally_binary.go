package indicator

import (
	"encoding/binary"
	"math"
	"strconv"
)

// Binary encodings of Tally and GroupedTally, so that a map-reduce engine (Apache Beam, Spark,
// a queue between services) can ship a partial tally between workers and merge it there
// exactly as if it had never left the process. Little-endian and versioned:
//
//	Tally:        "IT" 1, then float64 numerator sum and its compensation, float64
//	              denominator sum and its compensation, int64 records (43 bytes)
//	GroupedTally: "IG" 1, uvarint number of groups, then for each group in key order
//	              (area, period, group) its three strings (uvarint length, UTF-8 bytes)
//	              and its Tally's 40 bytes after the header
//
// Floats are stored as their IEEE 754 bits, so a round trip is exact, the compensation terms
// of the sums included. UnmarshalBinary reports the first problem as a FieldError matching
// ErrOutOfRange (a malformed or impossible encoding) or ErrDuplicate (a group given twice);
// on error the receiver is unchanged.

const tallyBinaryVersion = 1

// tallyFields is the length of a Tally's fields, tallyBinarySize of its whole encoding.
const (
	tallyFields     = 5 * 8
	tallyBinarySize = 3 + tallyFields
)

// maxTallyRecords bounds the records UnmarshalBinary accepts: 2⁵³, far beyond any dataset,
// so that decoded tallies merge without overflowing.
const maxTallyRecords = 1 << 53

func badTallyEncoding(path, detail string) error {
	return &FieldError{Path: path, Err: ErrOutOfRange, Detail: detail}
}

// appendFields appends the tally's fields without a header.
func (t *Tally) appendFields(b []byte) []byte {
	for _, f := range [4]float64{t.num.s, t.num.c, t.den.s, t.den.c} {
		b = binary.LittleEndian.AppendUint64(b, math.Float64bits(f))
	}
	return binary.LittleEndian.AppendUint64(b, uint64(int64(t.records)))
}

// readFields decodes tallyFields bytes into a tally and checks them.
func readFields(b []byte, path string) (Tally, error) {
	var f [4]float64
	for i := range f {
		f[i] = math.Float64frombits(binary.LittleEndian.Uint64(b[8*i:]))
	}
	records := int64(binary.LittleEndian.Uint64(b[32:]))
	t := Tally{num: ksum{f[0], f[1]}, den: ksum{f[2], f[3]}, records: int(records)}
	switch {
	case records < 0 || records > maxTallyRecords:
		return Tally{}, badTallyEncoding(path+"/records", "a number of records from 0 to 2^53")
	case !sumOK(t.num, records):
		return Tally{}, badTallyEncoding(path+"/numerator", "a finite sum, not negative, of at most 1e15 per record")
	case !sumOK(t.den, records):
		return Tally{}, badTallyEncoding(path+"/denominator", "a finite sum, not negative, of at most 1e15 per record")
	}
	return t, nil
}

// sumOK reports whether a compensated sum of n records, each in [0, MaxMagnitude], is
// possible: finite parts, a value in [0, n·MaxMagnitude], and zero for no records.
func sumOK(k ksum, n int64) bool {
	if math.IsNaN(k.s) || math.IsInf(k.s, 0) || math.IsNaN(k.c) || math.IsInf(k.c, 0) {
		return false
	}
	if n == 0 {
		return k.s == 0 && k.c == 0
	}
	v := k.value()
	return v >= 0 && v <= float64(n)*MaxMagnitude
}

// MarshalBinary encodes the tally's whole state (see the binary encodings above), so that it
// can be sent to another worker and merged there. It never fails.
func (t *Tally) MarshalBinary() ([]byte, error) {
	b := make([]byte, 0, tallyBinarySize)
	b = append(b, 'I', 'T', tallyBinaryVersion)
	return t.appendFields(b), nil
}

// UnmarshalBinary restores a tally encoded by MarshalBinary, replacing t's state. It refuses,
// leaving t unchanged, an encoding of another type, version or length, a number of records
// that is negative or above 2⁵³, and sums that are not finite, negative, larger than the
// records allow, or not zero when there are no records.
func (t *Tally) UnmarshalBinary(data []byte) error {
	if len(data) != tallyBinarySize || data[0] != 'I' || data[1] != 'T' || data[2] != tallyBinaryVersion {
		return badTallyEncoding("", "an indicator.Tally encoding of version 1, "+strconv.Itoa(tallyBinarySize)+" bytes long")
	}
	v, err := readFields(data[3:], "")
	if err != nil {
		return err
	}
	*t = v
	return nil
}

// MarshalBinary encodes every group's key and tally in key order (see the binary encodings
// above), so the same groups always give the same bytes. It never fails.
func (g *GroupedTally) MarshalBinary() ([]byte, error) {
	keys := g.Keys()
	b := append(make([]byte, 0, 8+len(keys)*(tallyFields+24)), 'I', 'G', tallyBinaryVersion)
	b = binary.AppendUvarint(b, uint64(len(keys)))
	for _, k := range keys {
		for _, s := range [3]string{k.Area, k.Period, k.Group} {
			b = binary.AppendUvarint(b, uint64(len(s)))
			b = append(b, s...)
		}
		b = g.groups[k].appendFields(b)
	}
	return b, nil
}

// UnmarshalBinary restores a grouped tally encoded by MarshalBinary, replacing g's groups.
// It refuses, leaving g unchanged, an encoding of another type or version, a truncated or
// overlong one, groups out of key order (ErrDuplicate for a group given twice), and any
// group's tally that Tally.UnmarshalBinary would refuse; errors are located at
// "/groups/i/…".
func (g *GroupedTally) UnmarshalBinary(data []byte) error {
	if len(data) < 3 || data[0] != 'I' || data[1] != 'G' || data[2] != tallyBinaryVersion {
		return badTallyEncoding("", "an indicator.GroupedTally encoding of version 1")
	}
	rest := data[3:]
	n, w := uvarint(rest)
	// Each group takes at least three length bytes and its tally's fields.
	if w <= 0 || n > uint64(len(rest)-w)/(3+tallyFields) {
		return badTallyEncoding("/groups", "a number of groups that the encoding holds")
	}
	rest = rest[w:]
	groups := make(map[GroupKey]*Tally, n)
	var prev GroupKey
	for i := range int(n) {
		path := index("groups", i)
		var parts [3]string
		for j := range parts {
			l, w := uvarint(rest)
			if w <= 0 || l > uint64(len(rest)-w) {
				return badTallyEncoding(path, "a key of three strings within the encoding")
			}
			parts[j] = string(rest[w : w+int(l)])
			rest = rest[w+int(l):]
		}
		k := GroupKey{Area: parts[0], Period: parts[1], Group: parts[2]}
		if i > 0 {
			switch c := compareKeys(prev, k); {
			case c == 0:
				return &FieldError{Path: path, Err: ErrDuplicate, Detail: "each group once"}
			case c > 0:
				return badTallyEncoding(path, "groups in order of area, period and group")
			}
		}
		if len(rest) < tallyFields {
			return badTallyEncoding(path, "a tally of "+strconv.Itoa(tallyFields)+" bytes")
		}
		t, err := readFields(rest[:tallyFields], path)
		if err != nil {
			return err
		}
		rest = rest[tallyFields:]
		groups[k] = &t
		prev = k
	}
	if len(rest) != 0 {
		return badTallyEncoding("", "nothing after the last group")
	}
	g.groups = groups
	if n == 0 {
		g.groups = nil
	}
	return nil
}

// uvarint decodes a uvarint in its shortest form, as binary.AppendUvarint writes it, so that
// one value has one encoding; w ≤ 0 for anything else.
func uvarint(b []byte) (v uint64, w int) {
	v, w = binary.Uvarint(b)
	if w > 1 && b[w-1] == 0 {
		return 0, -1
	}
	return v, w
}
