package measure

import "github.com/peopleandcommunities/engage/internal/enum"

// AreaScheme says which coding system an AreaCode belongs to. The zero value is not a scheme.
type AreaScheme uint8

// The area coding schemes.
const (
	// AreaGSS is the Government Statistical Service coding of the Office for National
	// Statistics: nine characters, a country letter (E England, W Wales, S Scotland, N
	// Northern Ireland, K for areas spanning countries) and eight digits whose first two
	// give the entity type, e.g. E92000001 (England), E54000008 (an integrated care board),
	// E38000050 (a sub-ICB location), E06000001 (a unitary authority). Codes are never
	// reused. ONS, Register of Geographic Codes.
	AreaGSS AreaScheme = 1 + iota
	// AreaODS is an organisation code of the NHS Organisation Data Service: three to eight
	// letters and digits, e.g. QYG (an integrated care board), 01A (a sub-ICB location),
	// RTH (an NHS trust), A81001 (a general practice). NHS Data Model and Dictionary,
	// ORGANISATION CODE and its coding frames.
	AreaODS
)

var areaSchemes = enum.NewTable[AreaScheme]("measure.AreaScheme",
	[]string{"gss", "ods"},
	map[string]AreaScheme{"ons": AreaGSS, "organisation": AreaODS})

// Valid reports whether s is a declared scheme.
func (s AreaScheme) Valid() bool { return areaSchemes.Valid(s) }

// String returns the slug, "gss" or "ods"; any other value prints as %!AreaScheme(n).
func (s AreaScheme) String() string { return areaSchemes.String(s) }

// MarshalText returns the slug; an invalid scheme is an error.
func (s AreaScheme) MarshalText() ([]byte, error) { return areaSchemes.Marshal(s) }

// UnmarshalText parses text with ParseAreaScheme.
func (s *AreaScheme) UnmarshalText(text []byte) error {
	v, err := ParseAreaScheme(string(text))
	if err == nil {
		*s = v
	}
	return err
}

// ParseAreaScheme returns the scheme named by s ("gss", "ods", or "ons" for GSS), forgiving
// about case and spacing, or a *principle.ParseError listing the slugs.
func ParseAreaScheme(s string) (AreaScheme, error) { return areaSchemes.Parse(s, false) }

// An AreaCode identifies the area or organisation an observation describes: an ONS GSS code
// for a geography (England, a region, an integrated care board's area, a local authority) or
// an NHS ODS organisation code (a trust, a practice, a commissioner). The two schemes cannot
// be confused: a GSS code has nine characters, an ODS code at most eight.
//
// Codes are stored in capitals; ParseAreaCode accepts lower case and surrounding spaces.
type AreaCode string

// ParseAreaCode returns the canonical form of an area code: capitals, no surrounding spaces.
// Text that is neither a GSS code (a letter E, W, S, N or K then eight digits) nor an ODS code
// (three to eight letters and digits) is an error matching ErrOutOfRange.
func ParseAreaCode(s string) (AreaCode, error) {
	i, j := 0, len(s)
	for i < j && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	for j > i && (s[j-1] == ' ' || s[j-1] == '\t') {
		j--
	}
	if j-i > 9 {
		return "", areaCodeError()
	}
	var b [9]byte
	n := 0
	for k := i; k < j; k++ {
		c := s[k]
		if c >= 'a' && c <= 'z' {
			c -= 'a' - 'A'
		}
		b[n] = c
		n++
	}
	code := AreaCode(b[:n])
	if code.Scheme() == 0 {
		return "", areaCodeError()
	}
	return code, nil
}

func areaCodeError() error {
	return &FieldError{Err: ErrOutOfRange, Detail: "an ONS GSS code such as E92000001 or an NHS ODS organisation code such as QYG"}
}

// Scheme returns the scheme the code belongs to, or 0 when the code is not in canonical form
// or belongs to neither.
func (c AreaCode) Scheme() AreaScheme {
	s := string(c)
	switch {
	case len(s) == 9:
		switch s[0] {
		case 'E', 'W', 'S', 'N', 'K':
		default:
			return 0
		}
		for i := 1; i < 9; i++ {
			if s[i] < '0' || s[i] > '9' {
				return 0
			}
		}
		return AreaGSS
	case len(s) >= 3 && len(s) <= 8:
		for i := 0; i < len(s); i++ {
			c := s[i]
			if !(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z') {
				return 0
			}
		}
		return AreaODS
	}
	return 0
}

// Valid reports whether c is a canonical GSS or ODS code.
func (c AreaCode) Valid() bool { return c.Scheme() != 0 }

// String returns the code.
func (c AreaCode) String() string { return string(c) }

// MarshalText returns the code; a code that is not valid is an error.
func (c AreaCode) MarshalText() ([]byte, error) {
	if !c.Valid() {
		return nil, areaCodeError()
	}
	return []byte(c), nil
}

// UnmarshalText parses text with ParseAreaCode.
func (c *AreaCode) UnmarshalText(text []byte) error {
	v, err := ParseAreaCode(string(text))
	if err == nil {
		*c = v
	}
	return err
}
