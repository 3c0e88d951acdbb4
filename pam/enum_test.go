package pam

import (
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/peopleandcommunities/engage/internal/enum"
	"pgregory.net/rapid"
)

// textEnum is what every enumeration of the package offers.
type textEnum interface {
	String() string
	MarshalText() ([]byte, error)
}

// TestEnumerations checks every enumeration the same way: valid values marshal to their slug
// and parse back, the zero value and an out-of-range value print without panicking and do not
// marshal, and unknown text is an *enum.ParseError matching ErrUnknown.
func TestEnumerations(t *testing.T) {
	type enumCase struct {
		name   string
		values []textEnum
		slugs  []string
		parse  func(string) (textEnum, error)
		zero   textEnum
		bad    textEnum
		badStr string
	}
	wrap := func(f func(string) (textEnum, error)) func(string) (textEnum, error) { return f }
	cases := []enumCase{
		{"Item", []textEnum{PA1, PA9, PA13}, []string{"pa1", "pa9", "pa13"},
			wrap(func(s string) (textEnum, error) { return ParseItem(s) }), Item(0), Item(14), "%!Item(14)"},
		{"Form", []textEnum{PAM13, PAM10}, []string{"pam-13", "pam-10"},
			wrap(func(s string) (textEnum, error) { return ParseForm(s) }), Form(0), Form(3), "%!Form(3)"},
		{"Answer", []textEnum{DisagreeStrongly, Disagree, Agree, AgreeStrongly, NotApplicable},
			[]string{"disagree-strongly", "disagree", "agree", "agree-strongly", "not-applicable"},
			wrap(func(s string) (textEnum, error) { return ParseAnswer(s) }), NotAnswered, Answer(6), "%!Answer(6)"},
		{"Flag", []textEnum{ExtremeLine, AllSame, TooManyNotApplicable, TooFewAnswered},
			[]string{"extreme-line", "all-same", "too-many-not-applicable", "too-few-answered"},
			wrap(func(s string) (textEnum, error) { return ParseFlag(s) }), Flag(0), Flag(5), "%!Flag(5)"},
		{"Level", []textEnum{Level1, Level2, Level3, Level4}, []string{"level-1", "level-2", "level-3", "level-4"},
			wrap(func(s string) (textEnum, error) { return ParseLevel(s) }), Level(0), Level(5), "%!Level(5)"},
		{"LevelScheme", []textEnum{Hibbard2005, Insignia2024}, []string{"hibbard-2005", "insignia-2024"},
			wrap(func(s string) (textEnum, error) { return ParseLevelScheme(s) }), LevelScheme(0), LevelScheme(3), "%!LevelScheme(3)"},
		{"Model", []textEnum{RatingScale, PartialCredit}, []string{"rating-scale", "partial-credit"},
			wrap(func(s string) (textEnum, error) { return ParseModel(s) }), Model(0), Model(9), "%!Model(9)"},
		{"Exclusion", []textEnum{ExcludedNotScored, ExcludedIncomparable, ExcludedUndated, ExcludedOutsideWindow,
			ExcludedExtremeLine, ExcludedLevel4, ExcludedRejected},
			[]string{"not-scored", "incomparable", "undated", "outside-window", "extreme-line", "level-4-at-baseline", "rejected"},
			wrap(func(s string) (textEnum, error) { return ParseExclusion(s) }), NotExcluded, Exclusion(8), "%!Exclusion(8)"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			for i, v := range c.values {
				b, err := v.MarshalText()
				if err != nil || string(b) != c.slugs[i] || v.String() != c.slugs[i] {
					t.Errorf("%v: MarshalText = %q, %v; String = %q; want %q", v, b, err, v.String(), c.slugs[i])
				}
				got, err := c.parse(c.slugs[i])
				if err != nil || got != v {
					t.Errorf("parse(%q) = %v, %v; want %v", c.slugs[i], got, err, v)
				}
			}
			if _, err := c.zero.MarshalText(); err == nil {
				t.Errorf("zero value marshals")
			}
			if _, err := c.bad.MarshalText(); err == nil {
				t.Errorf("%v marshals", c.badStr)
			}
			if got := c.bad.String(); got != c.badStr {
				t.Errorf("String() = %q, want %q", got, c.badStr)
			}
			_, err := c.parse("no such value")
			var pe *enum.ParseError
			if !errors.As(err, &pe) || !errors.Is(err, ErrUnknown) || len(pe.Valid) < len(c.values) {
				t.Errorf("parse(unknown) error = %v", err)
			}
		})
	}
}

func TestZeroValueStrings(t *testing.T) {
	for _, c := range []struct{ got, want string }{
		{NotAnswered.String(), "not-answered"},
		{NotExcluded.String(), "not-excluded"},
		{Item(0).String(), "%!Item(0)"},
		{Level(0).String(), "%!Level(0)"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}

func TestParseAliases(t *testing.T) {
	// The licence holder's service names surveys "PAM13_S" and "PAM10" and answers "PA1" …;
	// people write answers in either word order and N/A as "N/A".
	for _, c := range []struct {
		in   string
		want any
		got  func(string) (any, error)
	}{
		{"PAM13_S", PAM13, func(s string) (any, error) { return ParseForm(s) }},
		{"PAM10", PAM10, func(s string) (any, error) { return ParseForm(s) }},
		{"PA12", PA12, func(s string) (any, error) { return ParseItem(s) }},
		{"Strongly agree", AgreeStrongly, func(s string) (any, error) { return ParseAnswer(s) }},
		{"Disagree Strongly", DisagreeStrongly, func(s string) (any, error) { return ParseAnswer(s) }},
		{"N/A", NotApplicable, func(s string) (any, error) { return ParseAnswer(s) }},
		{"Level 3", Level3, func(s string) (any, error) { return ParseLevel(s) }},
		{"3", Level3, func(s string) (any, error) { return ParseLevel(s) }},
		{"original", Hibbard2005, func(s string) (any, error) { return ParseLevelScheme(s) }},
		{"PCM", PartialCredit, func(s string) (any, error) { return ParseModel(s) }},
	} {
		got, err := c.got(c.in)
		if err != nil || got != c.want {
			t.Errorf("parse(%q) = %v, %v; want %v", c.in, got, err, c.want)
		}
	}
}

func TestForms(t *testing.T) {
	// PAM-10 asks PAM-13 items 1, 2, 4, 5, 6, 7, 10, 11, 12 and 13 (the licence holder's
	// 10-item form as mapped onto PAM-13 numbers in published client code).
	want10 := []Item{PA1, PA2, PA4, PA5, PA6, PA7, PA10, PA11, PA12, PA13}
	if got := slices.Collect(PAM10.Items()); !cmp.Equal(got, want10) {
		t.Errorf("PAM10.Items() = %v, want %v", got, want10)
	}
	if got := slices.Collect(PAM13.Items()); len(got) != 13 || got[0] != PA1 || got[12] != PA13 {
		t.Errorf("PAM13.Items() = %v", got)
	}
	if PAM13.Len() != 13 || PAM10.Len() != 10 || Form(0).Len() != 0 {
		t.Errorf("Len: %d %d %d", PAM13.Len(), PAM10.Len(), Form(0).Len())
	}
	if PAM10.Has(PA3) || PAM10.Has(PA8) || PAM10.Has(PA9) || !PAM10.Has(PA10) || Form(0).Has(PA1) || PAM13.Has(Item(0)) {
		t.Errorf("Has is wrong")
	}
	for range Form(7).Items() {
		t.Errorf("an invalid form has items")
	}
	// Stopping early works.
	for it := range PAM13.Items() {
		if it != PA1 {
			t.Errorf("first item %v", it)
		}
		break
	}
}

func TestAnswerCodes(t *testing.T) {
	// The licence holder's service codes Disagree Strongly … Agree Strongly as 1 … 4 and N/A
	// as 0.
	for code, want := range []Answer{NotApplicable, DisagreeStrongly, Disagree, Agree, AgreeStrongly} {
		got, err := AnswerFromCode(code)
		if err != nil || got != want || want.Code() != code {
			t.Errorf("AnswerFromCode(%d) = %v, %v; Code() = %d", code, got, err, want.Code())
		}
	}
	for _, code := range []int{-1, 5, 99} {
		if _, err := AnswerFromCode(code); !errors.Is(err, ErrOutOfRange) {
			t.Errorf("AnswerFromCode(%d) error = %v", code, err)
		}
	}
	if NotAnswered.Code() != -1 || Answer(9).Code() != -1 {
		t.Errorf("codes of non-answers")
	}
	for a, want := range map[Answer]int{DisagreeStrongly: 1, AgreeStrongly: 4} {
		if p, ok := a.Points(); !ok || p != want {
			t.Errorf("%v.Points() = %d, %v", a, p, ok)
		}
	}
	for _, a := range []Answer{NotApplicable, NotAnswered, Answer(8)} {
		if _, ok := a.Points(); ok {
			t.Errorf("%v has points", a)
		}
	}
	if PA7.Code() != "PA7" || Item(0).Code() != "" {
		t.Errorf("Item.Code")
	}
}

func TestDates(t *testing.T) {
	for _, c := range []struct {
		in   string
		want Date
		ok   bool
	}{
		{"2026-04-01", Date{2026, time.April, 1}, true},
		{"2024-02-29", Date{2024, time.February, 29}, true}, // leap year
		{"2023-02-29", Date{}, false},
		{"2026-13-01", Date{}, false},
		{"2026-4-1", Date{}, false},
		{"0000-01-01", Date{}, false},
		{"2026-04-01T00:00", Date{}, false},
		{"20x6-04-01", Date{}, false},
	} {
		got, err := ParseDate(c.in)
		if (err == nil) != c.ok || got != c.want {
			t.Errorf("ParseDate(%q) = %v, %v", c.in, got, err)
		}
		if c.ok && got.String() != c.in {
			t.Errorf("String() = %q", got.String())
		}
	}
	// Calendar months: 31 August plus 6 months is the last day of February.
	for _, c := range []struct {
		d    Date
		n    int
		want Date
	}{
		{Date{2025, time.August, 31}, 6, Date{2026, time.February, 28}},
		{Date{2023, time.August, 31}, 6, Date{2024, time.February, 29}},
		{Date{2026, time.January, 15}, 12, Date{2027, time.January, 15}},
		{Date{2026, time.March, 31}, -1, Date{2026, time.February, 28}},
	} {
		if got := c.d.AddMonths(c.n); got != c.want {
			t.Errorf("%v + %d months = %v, want %v", c.d, c.n, got, c.want)
		}
	}
	if n := (Date{2026, time.January, 1}).DaysUntil(Date{2027, time.January, 1}); n != 365 {
		t.Errorf("DaysUntil = %d", n)
	}
	if _, err := (Date{}).MarshalText(); err == nil {
		t.Errorf("zero date marshals")
	}
	var d Date
	if err := d.UnmarshalText([]byte("2026-04-01")); err != nil || d != (Date{2026, time.April, 1}) {
		t.Errorf("UnmarshalText: %v %v", d, err)
	}
}

func TestAddMonthsAgreesWithTime(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		d := Date{rapid.IntRange(1000, 9000).Draw(t, "year"), time.Month(rapid.IntRange(1, 12).Draw(t, "month")), 1}
		d.Day = rapid.IntRange(1, daysIn(d.Year, d.Month)).Draw(t, "day")
		n := rapid.IntRange(-240, 240).Draw(t, "months")
		// With package time: the first of the target month, then the day clamped to that
		// month's length (time normalises 31 February into March, which is not wanted here).
		first := time.Date(d.Year, d.Month+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
		last := first.AddDate(0, 1, -1).Day()
		want := Date{first.Year(), first.Month(), min(d.Day, last)}
		if got := d.AddMonths(n); got != want || !got.Valid() {
			t.Fatalf("%v + %d months = %v, want %v", d, n, got, want)
		}
	})
}

func FuzzParseEnums(f *testing.F) {
	for _, s := range []string{"pa1", "PA13", "pam-13", "PAM13_S", "agree", "N/A", "Strongly agree", "level 3", "4",
		"hibbard-2005", "current", "pcm", "extreme-line", "outside-window", "", "\xff", "ｐａ１"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		// Every parser either fails with an error matching ErrUnknown or returns a valid value
		// whose slug parses back to it.
		check := func(v textEnum, valid bool, err error, parse func(string) (textEnum, error)) {
			if err != nil {
				if !errors.Is(err, ErrUnknown) {
					t.Fatalf("%q: error %v does not match ErrUnknown", s, err)
				}
				return
			}
			if !valid {
				t.Fatalf("%q parsed to invalid %v", s, v)
			}
			back, err := parse(v.String())
			if err != nil || back != v {
				t.Fatalf("%q → %v → %v, %v", s, v, back, err)
			}
		}
		it, err := ParseItem(s)
		check(it, it.Valid(), err, func(s string) (textEnum, error) { return ParseItem(s) })
		fm, err := ParseForm(s)
		check(fm, fm.Valid(), err, func(s string) (textEnum, error) { return ParseForm(s) })
		a, err := ParseAnswer(s)
		check(a, a.Valid(), err, func(s string) (textEnum, error) { return ParseAnswer(s) })
		fl, err := ParseFlag(s)
		check(fl, fl.Valid(), err, func(s string) (textEnum, error) { return ParseFlag(s) })
		l, err := ParseLevel(s)
		check(l, l.Valid(), err, func(s string) (textEnum, error) { return ParseLevel(s) })
		ls, err := ParseLevelScheme(s)
		check(ls, ls.Valid(), err, func(s string) (textEnum, error) { return ParseLevelScheme(s) })
		m, err := ParseModel(s)
		check(m, m.Valid(), err, func(s string) (textEnum, error) { return ParseModel(s) })
		e, err := ParseExclusion(s)
		check(e, e.Valid(), err, func(s string) (textEnum, error) { return ParseExclusion(s) })
	})
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2026-04-01", "2024-02-29", "2023-02-29", "0000-00-00", "9999-12-31", "2026-4-1", "２０２６-04-01", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			if !errors.Is(err, ErrOutOfRange) || d != (Date{}) {
				t.Fatalf("%q: %v, %v", s, d, err)
			}
			return
		}
		if !d.Valid() || d.String() != s {
			t.Fatalf("%q parsed to %v", s, d)
		}
		// The date agrees with package time's reading of it.
		tm, err := time.Parse(time.DateOnly, s)
		if err != nil || tm.Year() != d.Year || tm.Month() != d.Month || tm.Day() != d.Day {
			t.Fatalf("%q: time.Parse gives %v, %v", s, tm, err)
		}
	})
}
