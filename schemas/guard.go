package schemas

import (
	"strconv"
	"unicode/utf8"
)

// Limits on documents. Validate checks them in one pass over the raw bytes, before anything
// is decoded and before the schema validator sees the document, so that hostile input can
// neither make validation panic nor make it spend unbounded time or memory. A document beyond
// a limit is rejected with a single Violation whose message states the limit.
const (
	// MaxDocumentBytes is the size of the largest document Validate accepts: 8 MiB, room for
	// an equality dataset over every one of England's 33,755 small areas (LSOA 2021).
	MaxDocumentBytes = 8 << 20

	// MaxDepth is the deepest nesting of arrays and objects Validate accepts; the document
	// itself, if it is an array or object, is level 1. engage's documents nest fewer than ten
	// levels.
	MaxDepth = 32

	// MaxArrayLength is the largest number of items one array may hold.
	MaxArrayLength = 100_000

	// MaxObjectMembers is the largest number of fields one object may hold.
	MaxObjectMembers = 100_000

	// MaxValues is the largest number of JSON values (objects, arrays, strings, numbers,
	// true, false and null, at any depth) a document may hold.
	MaxValues = 1_000_000

	// MaxNumberDigits is the largest number of digits a JSON number may have before its
	// exponent, counting those before and after the decimal point. Amounts of money travel
	// as decimal strings, not JSON numbers, and have limits of their own (the "decimal"
	// format).
	MaxNumberDigits = 40

	// MaxViolations is the largest number of violations Validate lists for one document; a
	// longer list ends with one violation of code "tooManyViolations". Beyond a person's use,
	// a document failing in many more places would make validation costly.
	MaxViolations = 1000

	// MaxNumberExponent and MinNumberExponent bound the size of JSON numbers. Written in
	// normalised scientific notation d.ddd × 10ⁿ, every number that is not zero must have
	// MinNumberExponent ≤ n ≤ MaxNumberExponent: a magnitude below 1e301, so every accepted
	// number decodes into a float64 without overflow, and of at least 1e-324, the smallest
	// magnitude a float64 holds, so that every float64 that Go's encoding/json writes
	// (7.4e-301 included) is accepted. A zero may not carry a written exponent beyond the
	// limits either.
	MaxNumberExponent = 300
	MinNumberExponent = -324
)

// The codes of violations found before schema validation.
const (
	codeSyntax        = "syntax"
	codeTooLarge      = "tooLarge"
	codeTooDeep       = "tooDeep"
	codeTooLong       = "tooLong"
	codeTooManyValues = "tooManyValues"
	codeNumber        = "number"
	codeDuplicate     = "duplicateField"

	codeTooManyViolations = "tooManyViolations"
)

// guard checks data for well-formed JSON (RFC 8259, UTF-8) within the limits, in one pass
// and without allocating unless it finds a problem. It returns the first problem found, or
// nil.
func guard(data []byte) *Violation {
	if len(data) > MaxDocumentBytes {
		return &Violation{Code: codeTooLarge, Message: "the document is " + strconv.Itoa(len(data)) +
			" bytes long; at most " + strconv.Itoa(MaxDocumentBytes) + " bytes are accepted"}
	}
	var keys [32]keySpan
	s := scanner{data: data, keys: keys[:0]}
	if len(data) >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF {
		return s.syntax("starts with a byte order mark (U+FEFF); remove it and send plain UTF-8")
	}
	s.space()
	if s.pos == len(data) {
		return &Violation{Code: codeSyntax, Message: "the document is empty; a JSON value was expected"}
	}
	if !s.value() {
		return s.bad
	}
	s.space()
	if s.pos < len(data) {
		return s.syntax("has more data after the end of the JSON document")
	}
	return nil
}

// A step is one level of the path from the document to the value being scanned.
type step struct {
	object   bool
	index    int // the array index, or -1 before an object's first field name is read
	keyStart int // the object field name's bytes, between its quotes
	keyEnd   int
}

type scanner struct {
	data   []byte
	pos    int
	depth  int
	values int
	path   [MaxDepth]step
	bad    *Violation
	keys   []keySpan // field names of the objects being scanned, innermost object last
}

// A keySpan locates a field name: the bytes between its quotes.
type keySpan struct {
	start, end int
	escaped    bool
}

// smallObject is the number of field names an object may have before duplicates are looked
// for with a hash table rather than by comparing each new name with every earlier one.
const smallObject = 16

// space skips JSON whitespace.
func (s *scanner) space() {
	for s.pos < len(s.data) {
		switch s.data[s.pos] {
		case ' ', '\t', '\n', '\r':
			s.pos++
		default:
			return
		}
	}
}

func (s *scanner) value() bool {
	s.values++
	if s.values > MaxValues {
		return s.fail(codeTooManyValues, s.pointer(s.depth), "makes the document hold more than "+
			strconv.Itoa(MaxValues)+" values; at most "+strconv.Itoa(MaxValues)+" are accepted")
	}
	if s.pos >= len(s.data) {
		s.bad = s.syntax("ends where a value was expected")
		return false
	}
	switch c := s.data[s.pos]; {
	case c == '{' || c == '[':
		return s.container(c == '{')
	case c == '"':
		return s.str()
	case c == '-' || c >= '0' && c <= '9':
		return s.number()
	case c == 't':
		return s.literal("true")
	case c == 'f':
		return s.literal("false")
	case c == 'n':
		return s.literal("null")
	}
	s.bad = s.syntax("has " + describeByte(s.data[s.pos]) + " where a value was expected")
	return false
}

func (s *scanner) literal(word string) bool {
	if len(s.data)-s.pos >= len(word) && string(s.data[s.pos:s.pos+len(word)]) == word {
		s.pos += len(word)
		return true
	}
	s.bad = s.syntax("has an unknown word where a value was expected (only true, false and null are allowed)")
	return false
}

// container scans an object or array whose opening bracket is at s.pos.
func (s *scanner) container(object bool) bool {
	if s.depth == MaxDepth {
		return s.fail(codeTooDeep, s.pointer(s.depth), "nests arrays and objects more than "+
			strconv.Itoa(MaxDepth)+" levels deep; at most "+strconv.Itoa(MaxDepth)+" are accepted")
	}
	level := s.depth
	s.path[level] = step{object: object, index: -1}
	if !object {
		s.path[level].index = 0
	}
	s.depth++
	s.pos++
	closing := byte(']')
	if object {
		closing = '}'
	}
	s.space()
	if s.pos < len(s.data) && s.data[s.pos] == closing {
		s.pos++
		s.depth--
		return true
	}
	base := len(s.keys)
	var table *keyTable
	var mask uint64 // one bit per cheap hash of the names seen, to skip most comparisons
	for n := 1; ; n++ {
		if object {
			if n > MaxObjectMembers {
				return s.fail(codeTooLong, s.pointer(level), "has more than "+strconv.Itoa(MaxObjectMembers)+
					" fields; at most "+strconv.Itoa(MaxObjectMembers)+" are accepted in one object")
			}
			s.path[level].index = -1 // until the field name is read, errors point at the object
			if s.pos >= len(s.data) || s.data[s.pos] != '"' {
				s.bad = s.syntax("needs a field name in double quotes here")
				return false
			}
			start := s.pos + 1
			if !s.str() {
				return false
			}
			s.path[level].keyStart, s.path[level].keyEnd, s.path[level].index = start, s.pos-1, 0
			k := keySpan{start, s.pos - 1, bytesIndex(s.data[start:s.pos-1], '\\') >= 0}
			if table == nil && n > smallObject {
				table = newKeyTable(s, s.keys[base:])
			}
			bit := uint64(1) << (s.cheapHash(k) & 63)
			if (mask&bit != 0 || table != nil) && s.duplicate(k, s.keys[base:], table) {
				return s.fail(codeDuplicate, s.pointer(level+1), "is a field name that appears more than once in the same "+
					"object; each field may be given only once")
			}
			mask |= bit
			s.keys = append(s.keys, k)
			if table != nil {
				table.insert(s, len(s.keys)-1-base, base)
			}
			s.space()
			if s.pos >= len(s.data) || s.data[s.pos] != ':' {
				s.bad = s.syntax("needs a colon (:) after the field name")
				return false
			}
			s.pos++
			s.space()
		} else {
			if n > MaxArrayLength {
				return s.fail(codeTooLong, s.pointer(level), "has more than "+strconv.Itoa(MaxArrayLength)+
					" items; at most "+strconv.Itoa(MaxArrayLength)+" are accepted in one array")
			}
			s.path[level].index = n - 1
		}
		if !s.value() {
			return false
		}
		s.space()
		if s.pos < len(s.data) {
			switch s.data[s.pos] {
			case ',':
				s.pos++
				s.space()
				continue
			case closing:
				s.pos++
				s.depth--
				s.keys = s.keys[:base]
				return true
			}
		}
		if object {
			s.bad = s.syntax("needs a comma (,) or a closing brace (}) after the field's value")
		} else {
			s.bad = s.syntax("needs a comma (,) or a closing bracket (]) after the item")
		}
		return false
	}
}

// plain marks the bytes a string may hold with no further check: printable ASCII other
// than the quote and the backslash.
var plain = func() (t [256]bool) {
	for c := 0x20; c < 0x7F; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// str scans a string whose opening quote is at s.pos.
func (s *scanner) str() bool {
	s.pos++
	for s.pos < len(s.data) {
		for s.pos < len(s.data) && plain[s.data[s.pos]] {
			s.pos++
		}
		if s.pos == len(s.data) {
			break
		}
		c := s.data[s.pos]
		switch {
		case c == '"':
			s.pos++
			return true
		case c == '\\':
			if s.pos+1 >= len(s.data) {
				s.bad = s.syntax("ends inside a string; a closing double quote is missing")
				return false
			}
			switch s.data[s.pos+1] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				s.pos += 2
			case 'u':
				if len(s.data)-s.pos < 6 || !isHex(s.data[s.pos+2]) || !isHex(s.data[s.pos+3]) ||
					!isHex(s.data[s.pos+4]) || !isHex(s.data[s.pos+5]) {
					s.bad = s.syntax(`has a \u escape that is not followed by four hexadecimal digits`)
					return false
				}
				s.pos += 6
			default:
				s.bad = s.syntax(`has an unknown escape in a string (valid escapes are \" \\ \/ \b \f \n \r \t and \uXXXX)`)
				return false
			}
		case c < 0x20:
			s.bad = s.syntax("has a control character inside a string; write it as an escape such as \\n")
			return false
		case c < utf8.RuneSelf:
			s.pos++
		default:
			r, size := utf8.DecodeRune(s.data[s.pos:])
			if r == utf8.RuneError && size == 1 {
				s.bad = s.syntax("is not valid UTF-8 text; the document must be encoded in UTF-8")
				return false
			}
			s.pos += size
		}
	}
	s.bad = s.syntax("ends inside a string; a closing double quote is missing")
	return false
}

func isHex(c byte) bool { return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' }

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// number scans a number literal at s.pos and applies MaxNumberDigits and MaxNumberExponent.
// It stops reading as soon as a limit is passed, so a megabyte of digits costs nothing.
func (s *scanner) number() bool {
	tooBig := func() bool {
		return s.fail(codeNumber, s.pointer(s.depth), "is a number beyond the limits accepted: at most "+
			strconv.Itoa(MaxNumberDigits)+" digits, and a decimal exponent from "+strconv.Itoa(MinNumberExponent)+
			" to "+strconv.Itoa(MaxNumberExponent)+" (a magnitude from 1e"+strconv.Itoa(MinNumberExponent)+
			" to below 1e"+strconv.Itoa(MaxNumberExponent+1)+")")
	}
	if s.data[s.pos] == '-' {
		s.pos++
	}
	if s.pos >= len(s.data) || !isDigit(s.data[s.pos]) {
		s.bad = s.syntax("has a number without digits")
		return false
	}
	digits, intDigits := 0, 0
	leadingFracZeros, nonZero := 0, false
	if s.data[s.pos] == '0' {
		s.pos++
		digits = 1
		if s.pos < len(s.data) && isDigit(s.data[s.pos]) {
			s.bad = s.syntax("has a number with a leading zero, which JSON does not allow")
			return false
		}
	} else {
		nonZero = true
		for s.pos < len(s.data) && isDigit(s.data[s.pos]) {
			digits++
			if digits > MaxNumberDigits {
				return tooBig()
			}
			s.pos++
		}
		intDigits = digits
	}
	if s.pos < len(s.data) && s.data[s.pos] == '.' {
		s.pos++
		if s.pos >= len(s.data) || !isDigit(s.data[s.pos]) {
			s.bad = s.syntax("has a number with no digits after its decimal point")
			return false
		}
		for s.pos < len(s.data) && isDigit(s.data[s.pos]) {
			digits++
			if digits > MaxNumberDigits {
				return tooBig()
			}
			if !nonZero {
				if s.data[s.pos] == '0' {
					leadingFracZeros++
				} else {
					nonZero = true
				}
			}
			s.pos++
		}
	}
	exp := 0
	if s.pos < len(s.data) && (s.data[s.pos] == 'e' || s.data[s.pos] == 'E') {
		s.pos++
		negative := false
		if s.pos < len(s.data) && (s.data[s.pos] == '+' || s.data[s.pos] == '-') {
			negative = s.data[s.pos] == '-'
			s.pos++
		}
		if s.pos >= len(s.data) || !isDigit(s.data[s.pos]) {
			s.bad = s.syntax("has a number with no digits in its exponent")
			return false
		}
		for s.pos < len(s.data) && isDigit(s.data[s.pos]) {
			exp = exp*10 + int(s.data[s.pos]-'0')
			if exp > -MinNumberExponent+MaxNumberDigits {
				return tooBig()
			}
			s.pos++
		}
		if negative {
			exp = -exp
		}
	}
	// The exponent of the leading significant digit in scientific notation.
	magnitude := exp
	switch {
	case !nonZero:
	case intDigits > 0:
		magnitude += intDigits - 1
	default:
		magnitude -= leadingFracZeros + 1
	}
	if magnitude > MaxNumberExponent || magnitude < MinNumberExponent {
		return tooBig()
	}
	return true
}

func (s *scanner) fail(code, pointer, message string) bool {
	s.bad = &Violation{Pointer: pointer, Code: code, Message: message}
	return false
}

// syntax describes a syntax error at s.pos, with its line and column (both from 1; the
// column counts bytes) and the pointer of the value being read.
func (s *scanner) syntax(problem string) *Violation {
	line, col := 1, 1
	for _, c := range s.data[:min(s.pos, len(s.data))] {
		if c == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
	}
	return &Violation{
		Pointer: s.pointer(s.depth),
		Code:    codeSyntax,
		Message: "is not well-formed JSON: the document " + problem + " (line " + strconv.Itoa(line) +
			", column " + strconv.Itoa(col) + ", byte " + strconv.Itoa(s.pos+1) + ")",
	}
}

// pointer returns the JSON Pointer of the value being scanned at the given depth: the
// path through the first depth levels. An object whose first field name has not been read
// yet ends the pointer at the object itself.
func (s *scanner) pointer(depth int) string {
	var b []byte
	for _, st := range s.path[:depth] {
		if st.index < 0 {
			break
		}
		b = append(b, '/')
		if st.object {
			b = appendPointerToken(b, unquote(s.data[st.keyStart:st.keyEnd]))
		} else {
			b = strconv.AppendInt(b, int64(st.index), 10)
		}
	}
	return string(b)
}

// appendPointerToken appends a reference token escaped as RFC 6901 requires.
func appendPointerToken(b []byte, token string) []byte {
	for i := 0; i < len(token); i++ {
		switch c := token[i]; c {
		case '~':
			b = append(b, '~', '0')
		case '/':
			b = append(b, '~', '1')
		default:
			b = append(b, c)
		}
	}
	return b
}

func describeByte(c byte) string {
	if c > ' ' && c < 0x7F {
		return "the character " + strconv.QuoteRune(rune(c))
	}
	return "the byte 0x" + strconv.FormatUint(uint64(c), 16)
}

// duplicate reports whether the field name k equals one of the names before it in the same
// object, comparing the names as decoded (so "a" and "\u0061" are the same name).
func (s *scanner) duplicate(k keySpan, earlier []keySpan, table *keyTable) bool {
	if table != nil {
		return table.contains(s, k, earlier)
	}
	for _, e := range earlier {
		if s.sameKey(k, e) {
			return true
		}
	}
	return false
}

// cheapHash hashes a field name from its length and its first and last bytes, as decoded.
func (s *scanner) cheapHash(k keySpan) uint {
	raw := s.data[k.start:k.end]
	if k.escaped {
		raw = []byte(unquote(raw))
	}
	if len(raw) == 0 {
		return 0
	}
	return uint(len(raw))*7 + uint(raw[0])*3 + uint(raw[len(raw)-1])
}

func (s *scanner) sameKey(a, b keySpan) bool {
	ra, rb := s.data[a.start:a.end], s.data[b.start:b.end]
	if !a.escaped && !b.escaped {
		return string(ra) == string(rb)
	}
	return unquote(ra) == unquote(rb)
}

// keyHash hashes a field name as decoded (FNV-1a).
func (s *scanner) keyHash(k keySpan) uint32 {
	raw := s.data[k.start:k.end]
	if k.escaped {
		raw = []byte(unquote(raw))
	}
	h := uint32(2166136261)
	for _, c := range raw {
		h = (h ^ uint32(c)) * 16777619
	}
	return h
}

// A keyTable is an open-addressing hash set of one large object's field names, holding
// their indices (plus one) among the object's names.
type keyTable struct {
	slots []int32
	count int
}

func newKeyTable(s *scanner, names []keySpan) *keyTable {
	t := &keyTable{slots: make([]int32, 64)}
	for i := range names {
		t.insertAt(s, names, i)
	}
	return t
}

func (t *keyTable) contains(s *scanner, k keySpan, names []keySpan) bool {
	mask := uint32(len(t.slots) - 1)
	for i := s.keyHash(k) & mask; t.slots[i] != 0; i = (i + 1) & mask {
		if s.sameKey(k, names[t.slots[i]-1]) {
			return true
		}
	}
	return false
}

// insert adds the object's name number i, its names being s.keys[base:].
func (t *keyTable) insert(s *scanner, i, base int) {
	names := s.keys[base:]
	if (t.count+1)*2 > len(t.slots) {
		t.slots = make([]int32, len(t.slots)*2)
		t.count = 0
		for j := 0; j < i; j++ {
			t.insertAt(s, names, j)
		}
	}
	t.insertAt(s, names, i)
}

func (t *keyTable) insertAt(s *scanner, names []keySpan, i int) {
	mask := uint32(len(t.slots) - 1)
	j := s.keyHash(names[i]) & mask
	for t.slots[j] != 0 {
		j = (j + 1) & mask
	}
	t.slots[j] = int32(i + 1)
	t.count++
}

func bytesIndex(b []byte, c byte) int {
	for i, x := range b {
		if x == c {
			return i
		}
	}
	return -1
}
