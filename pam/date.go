package pam

import (
	"fmt"
	"time"
)

// Date is a calendar date with no time of day or zone, as a response's date is recorded: the
// day the person completed the questionnaire, supplied by the caller (engage reads no clock).
// The zero value means "no date".
type Date struct {
	Year  int        // the year, 1 … 9999
	Month time.Month // the month, January … December
	Day   int        // the day of the month, from 1
}

// IsZero reports whether d is the zero Date, "no date".
func (d Date) IsZero() bool { return d == Date{} }

// Valid reports whether d is a real calendar date in the years 1 … 9999 (29 February only in
// leap years).
func (d Date) Valid() bool {
	if d.Year < 1 || d.Year > 9999 || d.Month < time.January || d.Month > time.December || d.Day < 1 {
		return false
	}
	return d.Day <= daysIn(d.Year, d.Month)
}

// validOrZero reports whether d is the zero Date or a valid one, deciding the common case
// without calendar arithmetic.
func (d Date) validOrZero() bool {
	if d.Day >= 1 && d.Day <= 28 && d.Month >= time.January && d.Month <= time.December && d.Year >= 1 && d.Year <= 9999 {
		return true
	}
	return d.IsZero() || d.Valid()
}

// daysIn returns the number of days in month m (January … December) of year y, in the
// proleptic Gregorian calendar.
func daysIn(y int, m time.Month) int {
	switch m {
	case time.February:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case time.April, time.June, time.September, time.November:
		return 30
	}
	return 31
}

// String returns the date in ISO 8601 extended form, "2026-04-01", or "" for the zero Date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
}

// MarshalText writes the date as YYYY-MM-DD; an invalid or zero date is an error.
func (d Date) MarshalText() ([]byte, error) {
	if !d.Valid() {
		return nil, &FieldError{Err: ErrOutOfRange, Detail: "a calendar date YYYY-MM-DD"}
	}
	return []byte(d.String()), nil
}

// UnmarshalText parses text with ParseDate.
func (d *Date) UnmarshalText(text []byte) error {
	v, err := ParseDate(string(text))
	if err == nil {
		*d = v
	}
	return err
}

// ParseDate parses an ISO 8601 calendar date in extended form, "2026-04-01". Anything else,
// including a date that does not exist, is an error matching ErrOutOfRange.
func ParseDate(s string) (Date, error) {
	bad := &FieldError{Err: ErrOutOfRange, Detail: "a calendar date YYYY-MM-DD"}
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return Date{}, bad
	}
	num := func(t string) int {
		n := 0
		for i := 0; i < len(t); i++ {
			c := t[i]
			if c < '0' || c > '9' {
				return -1
			}
			n = n*10 + int(c-'0')
		}
		return n
	}
	d := Date{Year: num(s[:4]), Month: time.Month(num(s[5:7])), Day: num(s[8:])}
	if !d.Valid() {
		return Date{}, bad
	}
	return d, nil
}

// days returns the number of days from 1970-01-01 to d.
func (d Date) days() int64 {
	return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC).Unix() / 86400
}

// DaysUntil returns the number of days from d to e, negative when e is earlier. Both dates
// must be valid.
func (d Date) DaysUntil(e Date) int { return int(e.days() - d.days()) }

// AddMonths returns the date n calendar months after d (before it for negative n), keeping
// the day of the month where it exists and otherwise taking the month's last day: 31 August
// plus 6 months is the last day of February.
func (d Date) AddMonths(n int) Date {
	m := int(d.Month) - 1 + n
	y := d.Year + m/12
	if m %= 12; m < 0 {
		m += 12
		y--
	}
	month := time.Month(m + 1)
	return Date{Year: y, Month: month, Day: min(d.Day, daysIn(y, month))}
}

// Before reports whether d is earlier than e.
func (d Date) Before(e Date) bool {
	if d.Year != e.Year {
		return d.Year < e.Year
	}
	if d.Month != e.Month {
		return d.Month < e.Month
	}
	return d.Day < e.Day
}
