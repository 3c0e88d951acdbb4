package measure

import (
	"strconv"
	"time"
)

// Limits on dates. Evidence about engagement is dated within living memory, and a four-digit
// year keeps every date in the ISO 8601 form YYYY-MM-DD.
const (
	MinYear = 1900
	MaxYear = 2999
)

// A Date is a calendar day, without a time or a zone: the day an observation was published,
// an engagement activity took place or an agreement was signed. It marshals as the ISO 8601
// extended form "2025-03-31". The zero value is no date: IsZero reports it, and it does not
// marshal.
//
// Dates compare with Compare, Before and After; the library never reads a clock, so "today"
// is always a Date the caller gives.
type Date struct {
	year  uint16
	month uint8
	day   uint8
}

// NewDate returns the date year-month-day, or an error matching ErrOutOfRange when no such day
// exists (a 30th of February, a 13th month) or the year is outside [MinYear, MaxYear].
func NewDate(year int, month time.Month, day int) (Date, error) {
	if year < MinYear || year > MaxYear || month < time.January || month > time.December ||
		day < 1 || day > daysIn(year, month) {
		return Date{}, &FieldError{Err: ErrOutOfRange, Detail: "a calendar date from 1900-01-01 to 2999-12-31"}
	}
	return Date{uint16(year), uint8(month), uint8(day)}, nil
}

// ParseDate reads a date in the form YYYY-MM-DD. Anything else, or a day that does not exist,
// is an error matching ErrOutOfRange.
func ParseDate(s string) (Date, error) {
	bad := &FieldError{Err: ErrOutOfRange, Detail: "a date in the form YYYY-MM-DD"}
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return Date{}, bad
	}
	y, ok1 := digits(s[0:4])
	m, ok2 := digits(s[5:7])
	d, ok3 := digits(s[8:10])
	if !ok1 || !ok2 || !ok3 {
		return Date{}, bad
	}
	date, err := NewDate(y, time.Month(m), d)
	if err != nil {
		return Date{}, bad
	}
	return date, nil
}

func digits(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

func isLeap(y int) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }

func daysIn(y int, m time.Month) int {
	switch m {
	case time.February:
		if isLeap(y) {
			return 29
		}
		return 28
	case time.April, time.June, time.September, time.November:
		return 30
	}
	return 31
}

// Year returns the date's year, or 0 for the zero Date.
func (d Date) Year() int { return int(d.year) }

// Month returns the date's month, or 0 for the zero Date.
func (d Date) Month() time.Month { return time.Month(d.month) }

// Day returns the date's day of the month, or 0 for the zero Date.
func (d Date) Day() int { return int(d.day) }

// IsZero reports whether d is the zero Date, which stands for no date.
func (d Date) IsZero() bool { return d == Date{} }

// Before reports whether d is an earlier day than e.
func (d Date) Before(e Date) bool { return d.Compare(e) < 0 }

// After reports whether d is a later day than e.
func (d Date) After(e Date) bool { return d.Compare(e) > 0 }

// Compare returns -1, 0 or +1 as d is before, the same day as, or after e. The zero Date
// is before every other date.
func (d Date) Compare(e Date) int {
	a, b := d.key(), e.key()
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func (d Date) key() int { return int(d.year)*10000 + int(d.month)*100 + int(d.day) }

// Days returns the number of days from d to e, negative when e is before d. Both should be
// dates other than the zero Date, whose result means nothing.
func (d Date) Days(e Date) int { return e.ordinal() - d.ordinal() }

// ordinal is the day number of the date in the proleptic Gregorian calendar, counted from
// 0001-01-01 as day 1.
func (d Date) ordinal() int {
	y := int(d.year) - 1
	n := y*365 + y/4 - y/100 + y/400
	for m := time.January; m < time.Month(d.month); m++ {
		n += daysIn(int(d.year), m)
	}
	return n + int(d.day)
}

// String returns the date as YYYY-MM-DD, or "" for the zero Date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	b := make([]byte, 0, 10)
	return string(d.appendTo(b))
}

func (d Date) appendTo(b []byte) []byte {
	b = append(b, '0'+byte(d.year/1000), '0'+byte(d.year/100%10), '0'+byte(d.year/10%10), '0'+byte(d.year%10), '-')
	b = append(b, '0'+d.month/10, '0'+d.month%10, '-')
	return append(b, '0'+d.day/10, '0'+d.day%10)
}

// MarshalText returns the date as YYYY-MM-DD; the zero Date is an error matching
// ErrRequired.
func (d Date) MarshalText() ([]byte, error) {
	if d.IsZero() {
		return nil, &FieldError{Err: ErrRequired, Detail: "a date"}
	}
	return d.appendTo(make([]byte, 0, 10)), nil
}

// UnmarshalText parses text with ParseDate.
func (d *Date) UnmarshalText(text []byte) error {
	v, err := ParseDate(string(text))
	if err == nil {
		*d = v
	}
	return err
}

// A Period is a span of whole days, both ends included: a financial year (2024-04-01 to
// 2025-03-31), a survey's fieldwork window, the time an agreement is in force. Label is an
// optional name for it as publications write it ("2024/25", "Q3 2024/25").
type Period struct {
	// Start is the first day of the period.
	Start Date `json:"start"`
	// End is the last day of the period, on or after Start.
	End Date `json:"end"`
	// Label names the period as the source does, e.g. "2024/25"; it is not interpreted.
	Label string `json:"label,omitempty"`
}

// NewPeriod returns the period from start to end inclusive, or an error when either is the
// zero Date (ErrRequired) or end is before start (ErrOutOfRange).
func NewPeriod(start, end Date) (Period, error) {
	p := Period{Start: start, End: end}
	if err := p.Validate(); err != nil {
		return Period{}, err
	}
	return p, nil
}

// MaxLabel is the longest period label, in bytes.
const MaxLabel = 40

// Validate checks that both dates are given, that the end is not before the start, and that
// the label is at most MaxLabel bytes. Errors are located at "/start", "/end" and "/label".
func (p Period) Validate() error {
	var l fieldList
	if p.Start.IsZero() {
		l.Add("/start", ErrRequired, "the first day of the period")
	}
	if p.End.IsZero() {
		l.Add("/end", ErrRequired, "the last day of the period")
	}
	if !p.Start.IsZero() && !p.End.IsZero() && p.End.Before(p.Start) {
		l.Add("/end", ErrOutOfRange, "a last day on or after the first day")
	}
	if len(p.Label) > MaxLabel {
		l.Add("/label", ErrOutOfRange, "a label of at most "+strconv.Itoa(MaxLabel)+" bytes")
	}
	return l.Err()
}

// Contains reports whether day d falls within the period.
func (p Period) Contains(d Date) bool { return !d.Before(p.Start) && !d.After(p.End) }

// Overlaps reports whether the two periods share at least one day.
func (p Period) Overlaps(q Period) bool { return !p.End.Before(q.Start) && !q.End.Before(p.Start) }

// Days returns the number of days in the period, counting both ends.
func (p Period) Days() int { return p.Start.Days(p.End) + 1 }

// String returns "start to end", with the label in brackets when there is one.
func (p Period) String() string {
	s := p.Start.String() + " to " + p.End.String()
	if p.Label != "" {
		s += " (" + p.Label + ")"
	}
	return s
}
