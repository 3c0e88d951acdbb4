package schemas

import (
	"encoding/json"
	"strconv"
)

// A format is a custom value of the JSON Schema "format" keyword that engage's schemas use.
// Validate asserts every format (draft 2020-12 treats formats as annotations unless told
// otherwise). A format applies to strings, to numbers, or to both; values of other types
// pass, as JSON Schema requires ("type" is the keyword that rules on types).
type format struct {
	str    func(string) bool // checks a string; nil when the format does not apply to strings
	num    func(string) bool // checks a number as written in the document; nil likewise
	expect string            // completes "must be …" in the message for a value that fails
}

// check is the form of the format the validator library takes.
func (f format) check(v any) bool {
	switch v := v.(type) {
	case string:
		return f.str == nil || f.str(v)
	case json.Number:
		return f.num == nil || f.num(string(v))
	}
	return true
}

// formats are engage's custom formats, registered on engage's own compiler (never in the
// validator library's package-level registry). The standard formats engage's schemas use
// ("date", "date-time", "uri") are the validator's own; expectations lists what their
// messages say.
var formats = map[string]format{
	"decimal": {str: validDecimal,
		expect: "a decimal number written as a string, such as \"1250.00\" or \"-12.5\": an optional minus sign, " +
			"at most 18 digits before the decimal point and at most 12 after it, and no exponent"},
	"nhs-number": {str: validNHSNumber,
		expect: "a valid NHS number: exactly 10 digits with no spaces or other separators, the last " +
			"being the modulus 11 check digit of the first nine"},
	"gss-code": {str: validGSSCode,
		expect: "an ONS GSS area code: 9 characters, a country letter (E, W, S or N) and 8 digits, such as \"E38000050\""},
	"whole-number": {num: validWholeNumber,
		expect: "written as a whole number (digits with an optional minus sign), without a decimal point or an exponent"},
	"financial-year": {str: validFinancialYear,
		expect: "a UK financial year written YYYY-YY with consecutive years, such as \"2025-26\""},
}

// expectations completes "must be …" for the standard formats engage's schemas use.
var expectations = map[string]string{
	"date":      "a calendar date written YYYY-MM-DD, such as \"2026-04-01\"",
	"date-time": "a date and time in RFC 3339 form with a time zone, such as \"2026-04-01T09:30:00Z\"",
	"time":      "a time of day in RFC 3339 form with a time zone, such as \"09:30:00Z\"",
	"uri":       "an absolute URI, such as \"https://www.england.nhs.uk/\"",
	"email":     "an email address",
	"uuid":      "a UUID such as \"123e4567-e89b-12d3-a456-426614174000\"",
	"duration":  "an ISO 8601 duration such as \"P1Y2M\"",
}

// validDecimal reports whether s is a decimal string as the "decimal" format defines it:
//
//	-?(0|[1-9][0-9]{0,17})(\.[0-9]{1,12})?
//
// Bounding the digits keeps every amount far from the sizes at which decimal arithmetic
// becomes slow, and the absent exponent keeps "1e999999999" out altogether.
func validDecimal(s string) bool {
	i := 0
	if i < len(s) && s[i] == '-' {
		i++
	}
	start := i
	for i < len(s) && isDigit(s[i]) {
		i++
	}
	n := i - start
	if n == 0 || n > 18 || n > 1 && s[start] == '0' {
		return false
	}
	if i == len(s) {
		return true
	}
	if s[i] != '.' {
		return false
	}
	i++
	start = i
	for i < len(s) && isDigit(s[i]) {
		i++
	}
	n = i - start
	return i == len(s) && n >= 1 && n <= 12
}

// validNHSNumber reports whether s is an NHS number: exactly ten ASCII digits whose tenth is
// the modulus 11 check digit of the first nine, as the NHS Data Dictionary defines it (data
// element NHS NUMBER, format n10):
//
//	sum   = Σ dᵢ × (11 − i)  for i = 1 … 9   (weights 10, 9, …, 2)
//	check = 11 − (sum mod 11); a check of 11 becomes 0, and a check of 10 means the
//	        nine digits can never form a valid NHS number
//
// The number is valid when check equals the tenth digit. Numbers with all ten digits the
// same ("0000000000" … "9999999999") pass that arithmetic, since 54 × d ≡ −d (mod 11), but are
// never issued, so they are rejected. Numbers are not checked against the ranges issued, so
// test numbers (engage's examples use 999 000 0018) are accepted when their check digit is
// right.
//
// Documents carry the number as the ten digits alone, never in the 3-3-4 display form with
// spaces or hyphens, so that one person's number has one spelling in every document and
// systems can compare numbers as strings.
func validNHSNumber(s string) bool {
	if len(s) != 10 {
		return false
	}
	same := true
	sum := 0
	for i := 0; i < 10; i++ {
		c := s[i]
		if !isDigit(c) {
			return false
		}
		if c != s[0] {
			same = false
		}
		if i < 9 {
			sum += int(c-'0') * (10 - i)
		}
	}
	if same {
		return false
	}
	check := 11 - sum%11
	if check == 11 {
		check = 0
	}
	return check != 10 && check == int(s[9]-'0')
}

// validGSSCode reports whether s has the shape of a Government Statistical Service (ONS)
// geography code: nine characters, a country letter (E England, W Wales, S Scotland,
// N Northern Ireland), two digits naming the entity type (E01 lower layer super output
// area, E38 sub-ICB location, E54 integrated care board, …) and six digits naming the
// area. Codes for the UK or Great Britain as a whole (K…) and for the Channel Islands and
// the Isle of Man (L…, M…) are not area codes engage's datasets use and are rejected. The
// check is of shape only: whether a code has been issued is a matter for the ONS Register
// of Geographic Codes.
func validGSSCode(s string) bool {
	if len(s) != 9 {
		return false
	}
	switch s[0] {
	case 'E', 'W', 'S', 'N':
	default:
		return false
	}
	for i := 1; i < 9; i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return true
}

// validWholeNumber reports whether a number is written as a whole number: JSON Schema's
// "integer" type also admits 1.0 and 1e2, which Go's encoding/json refuses to store in an
// int, so engage's counts and codes carry this format as well.
func validWholeNumber(s string) bool {
	if len(s) > 0 && s[0] == '-' {
		s = s[1:]
	}
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return true
}

// validFinancialYear reports whether s names a UK financial year (1 April to 31 March) as
// "YYYY-YY", the second pair being the last two digits of the year after the first, as in
// "2025-26" and "1999-00".
func validFinancialYear(s string) bool {
	if len(s) != 7 || s[4] != '-' {
		return false
	}
	for i, c := range []byte(s) {
		if i != 4 && !isDigit(c) {
			return false
		}
	}
	y, _ := strconv.Atoi(s[:4])
	next, _ := strconv.Atoi(s[5:])
	return (y+1)%100 == next
}
