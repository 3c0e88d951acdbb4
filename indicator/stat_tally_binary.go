package indicator

import (
	"encoding/binary"
	"math"
	"strconv"

	"github.com/peopleandcommunities/engage/internal/exactsum"
)

// Binary encodings of the accumulators, so that a map-reduce engine (Apache Beam, Spark, a
// queue between services) can ship a partial Tally, GroupedTally, MeanTally or AgeTally
// between workers and merge it there exactly as if it had never left the process.
// Little-endian and versioned:
//
//	Tally:        "IT" 2, then the numerator's and the denominator's exact sums (24 bytes
//	              each) and int64 records (59 bytes)
//	GroupedTally: "IG" 2, uvarint number of groups, then for each group in key order
//	              (area, period, group) its three strings (uvarint length, UTF-8 bytes)
//	              and its Tally's 56 bytes after the header
//	MeanTally:    "IM" 2, then int64 count, the exact sum Σq (24 bytes) and the exact sum
//	              of squares Σq² (40 bytes) (75 bytes)
//	AgeTally:     "IA" 2, a flags byte (1 if any person had more than one event, else 0),
//	              uvarint number of bands, then for each band in order of age one byte for
//	              its first age, one for its last age plus one (0 for an open band), and its
//	              events', squared events' and population's exact sums (24 bytes each)
//
// An exact sum is the integer N with sum = N·2⁻⁶⁴ in 192-bit two's complement, as three
// 64-bit words, least significant first; Σq² is the integer N with Σq² = N·2⁻¹²⁸, unsigned,
// as five words. The encoding is the accumulator's whole state, so equal states encode to
// equal bytes and a round trip is exact.
//
// UnmarshalBinary checks that the state is one that Add and Merge could have produced and
// reports the first problem as a FieldError: ErrVersion at "/version" for an encoding of
// another version (version 1, written by earlier releases with compensated floating-point
// sums, cannot be merged exactly and is refused), ErrOutOfRange for a malformed or impossible
// encoding, ErrDuplicate for a group given twice; on error the receiver is unchanged.

const tallyBinaryVersion = 2

// Lengths of the encodings' fixed parts: a Tally's fields after the header, its whole
// encoding, a MeanTally's encoding, an age band's entry.
const (
	tallyFields         = 2*exactsum.SumSize + 8
	tallyBinarySize     = 3 + tallyFields
	meanTallyBinarySize = 3 + exactsum.MomentsSize
	bandBinarySize      = 2 + 3*exactsum.SumSize
)

// maxTallyRecords bounds the records and values UnmarshalBinary accepts: 2⁵³, far beyond any
// dataset, so that decoded tallies merge without overflowing their counts.
const maxTallyRecords = 1 << 53

func badTallyEncoding(path, detail string) error {
	return &FieldError{Path: path, Err: ErrOutOfRange, Detail: detail}
}

// checkHeader checks an encoding's type and version, naming the type in its errors; hadV1
// says whether earlier releases wrote the type's version 1.
func checkHeader(data []byte, a, b byte, typ string, hadV1 bool) error {
	switch {
	case len(data) < 3 || data[0] != a || data[1] != b:
		return badTallyEncoding("", "an "+typ+" encoding")
	case data[2] == 1 && hadV1:
		return &FieldError{Path: "/version", Err: ErrVersion, Detail: "an " + typ + " encoding of version 2; version 1 came from an earlier release of engage, whose floating-point sums cannot be merged exactly, so tally the records again with this release"}
	case data[2] != tallyBinaryVersion:
		return &FieldError{Path: "/version", Err: ErrVersion, Detail: "an " + typ + " encoding of version 2, the version this release reads"}
	}
	return nil
}

// appendFields appends the tally's fields without a header.
func (t *Tally) appendFields(b []byte) []byte {
	b = t.num.Append(b)
	b = t.den.Append(b)
	return binary.LittleEndian.AppendUint64(b, uint64(int64(t.records)))
}

// readFields decodes tallyFields bytes into a tally and checks them.
func readFields(b []byte, path string) (Tally, error) {
	num := exactsum.ReadSum(b)
	den := exactsum.ReadSum(b[exactsum.SumSize:])
	records := int64(binary.LittleEndian.Uint64(b[2*exactsum.SumSize:]))
	switch {
	case records < 0 || records > maxTallyRecords:
		return Tally{}, badTallyEncoding(path+"/records", "a number of records from 0 to 2^53")
	case !countSum(num, records):
		return Tally{}, badTallyEncoding(path+"/numerator", "a sum, not negative, of at most 1e15 per record")
	case !countSum(den, records):
		return Tally{}, badTallyEncoding(path+"/denominator", "a sum, not negative, of at most 1e15 per record")
	}
	return Tally{num: num, den: den, records: int(records)}, nil
}

// countSum reports whether s could be the sum of n counts, each in [0, MaxMagnitude]; zero
// for no records.
func countSum(s exactsum.Sum, n int64) bool {
	return s.Sign() >= 0 && s.Bounded(n, MaxMagnitude)
}

// MarshalBinary encodes the tally's whole state (see the binary encodings above), so that it
// can be sent to another worker and merged there. It never fails.
func (t *Tally) MarshalBinary() ([]byte, error) {
	b := make([]byte, 0, tallyBinarySize)
	b = append(b, 'I', 'T', tallyBinaryVersion)
	return t.appendFields(b), nil
}

// UnmarshalBinary restores a tally encoded by MarshalBinary, replacing t's state. It refuses,
// leaving t unchanged, an encoding of another type or length, one of another version
// (ErrVersion; version 1 came from an earlier release and cannot be merged exactly), a
// number of records that is negative or above 2⁵³, and sums that are negative, larger than
// the records allow, or not zero when there are no records.
func (t *Tally) UnmarshalBinary(data []byte) error {
	if err := checkHeader(data, 'I', 'T', "indicator.Tally", true); err != nil {
		return err
	}
	if len(data) != tallyBinarySize {
		return badTallyEncoding("", "an indicator.Tally encoding "+strconv.Itoa(tallyBinarySize)+" bytes long")
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
// It refuses, leaving g unchanged, an encoding of another type, one of another version
// (ErrVersion, as for Tally), a truncated or overlong one, groups out of key order
// (ErrDuplicate for a group given twice), and any group's tally that Tally.UnmarshalBinary
// would refuse; errors are located at "/groups/i/…".
func (g *GroupedTally) UnmarshalBinary(data []byte) error {
	if err := checkHeader(data, 'I', 'G', "indicator.GroupedTally", true); err != nil {
		return err
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

// MarshalBinary encodes the tally's whole state (see the binary encodings above): the count
// and the exact sums of the values and of their squares. It never fails.
func (t *MeanTally) MarshalBinary() ([]byte, error) {
	b := make([]byte, 0, meanTallyBinarySize)
	b = append(b, 'I', 'M', tallyBinaryVersion)
	return t.m.Append(b), nil
}

// UnmarshalBinary restores a mean tally encoded by MarshalBinary, replacing t's state. It
// refuses, leaving t unchanged, an encoding of another type, version (ErrVersion) or length,
// a count that is negative or above 2⁵³, and sums that values of magnitude at most 1e15
// could not have given: a sum beyond count × 1e15 in magnitude, a sum of squares beyond
// count × 1e30, a squared sum larger than count times the sum of squares (which the
// Cauchy–Schwarz inequality rules out), or, for one value or none, a sum of squares that is
// not the squared sum.
func (t *MeanTally) UnmarshalBinary(data []byte) error {
	if err := checkHeader(data, 'I', 'M', "indicator.MeanTally", false); err != nil {
		return err
	}
	if len(data) != meanTallyBinarySize {
		return badTallyEncoding("", "an indicator.MeanTally encoding "+strconv.Itoa(meanTallyBinarySize)+" bytes long")
	}
	m := exactsum.ReadMoments(data[3:])
	switch {
	case m.Count() < 0 || m.Count() > maxTallyRecords:
		return badTallyEncoding("/count", "a number of values from 0 to 2^53")
	case !m.Consistent(MaxMagnitude):
		return badTallyEncoding("/sums", "a sum and a sum of squares that this many values of magnitude at most 1e15 could give")
	}
	t.m = m
	return nil
}

// MarshalBinary encodes every age band's exact sums in order of age, and whether any person
// had more than one event (see the binary encodings above), so the same records always give
// the same bytes. It never fails.
func (t *AgeTally) MarshalBinary() ([]byte, error) {
	b := make([]byte, 0, 8+len(t.bands)*bandBinarySize)
	b = append(b, 'I', 'A', tallyBinaryVersion, 0)
	if t.nonIndependent {
		b[3] = 1
	}
	b = binary.AppendUvarint(b, uint64(len(t.bands)))
	for _, a := range t.bands {
		b = append(b, byte(a.band.From), byte(a.band.To+1))
		b = a.events.Append(b)
		b = a.sq.Append(b)
		b = a.pops.Append(b)
	}
	return b, nil
}

// UnmarshalBinary restores an age tally encoded by MarshalBinary, replacing t's state. It
// refuses, leaving t unchanged, an encoding of another type or version (ErrVersion), a
// truncated or overlong one, a flags byte other than 0 or 1, an invalid age band or bands
// out of order (ErrDuplicate for a band given twice), and sums that are negative, beyond
// 2⁶³ records of 1e15, squared events fewer than the events, or squared events different
// from the events when no person had more than one event; errors are located at
// "/bands/i/…".
func (t *AgeTally) UnmarshalBinary(data []byte) error {
	if err := checkHeader(data, 'I', 'A', "indicator.AgeTally", false); err != nil {
		return err
	}
	if len(data) < 4 {
		return badTallyEncoding("", "an indicator.AgeTally encoding with its flags and bands")
	}
	if data[3] > 1 {
		return badTallyEncoding("/flags", "a flags byte of 0 or 1")
	}
	nonIndependent := data[3] == 1
	rest := data[4:]
	n, w := uvarint(rest)
	if w <= 0 || n > uint64(len(rest)-w)/bandBinarySize {
		return badTallyEncoding("/bands", "a number of age bands that the encoding holds")
	}
	if uint64(len(rest)-w) != n*bandBinarySize {
		return badTallyEncoding("", "nothing after the last age band")
	}
	rest = rest[w:]
	bands := make([]bandAcc, n)
	for i := range bands {
		path := index("bands", i)
		e := rest[i*bandBinarySize:]
		a := bandAcc{
			band:   AgeBand{From: int(e[0]), To: int(e[1]) - 1},
			events: exactsum.ReadSum(e[2:]),
			sq:     exactsum.ReadSum(e[2+exactsum.SumSize:]),
			pops:   exactsum.ReadSum(e[2+2*exactsum.SumSize:]),
		}
		switch {
		case !a.band.Valid():
			return badTallyEncoding(path+"/band", "an age band such as 0-4 or 90+")
		case i > 0 && compareBands(bands[i-1].band, a.band) == 0:
			return &FieldError{Path: path + "/band", Err: ErrDuplicate, Detail: "each age band once"}
		case i > 0 && compareBands(bands[i-1].band, a.band) > 0:
			return badTallyEncoding(path+"/band", "age bands in order of age")
		case !countSum(a.events, math.MaxInt64):
			return badTallyEncoding(path+"/events", "a sum of events, not negative, of at most 1e15 for each of fewer than 2^63 records")
		case !countSum(a.pops, math.MaxInt64):
			return badTallyEncoding(path+"/population", "a population, not negative, of at most 1e15 for each of fewer than 2^63 records")
		case !countSum(a.sq, math.MaxInt64) || a.sq.Cmp(a.events) < 0:
			return badTallyEncoding(path+"/squaredEvents", "squared events, at least the events and at most 1e15 for each of fewer than 2^63 records")
		case !nonIndependent && a.sq != a.events:
			return badTallyEncoding(path+"/squaredEvents", "squared events equal to the events, as no person had more than one event")
		}
		bands[i] = a
	}
	t.bands = bands
	if n == 0 {
		t.bands = nil
	}
	t.nonIndependent = nonIndependent
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
