package pam

import (
	"iter"
	"strconv"

	"github.com/peopleandcommunities/engage/internal/enum"
)

// Item identifies one item of the Patient Activation Measure by its position on the 13-item
// form, PA1 … PA13, the order of Hibbard et al. 2005 (Health Serv Res 40(6):1918–1930) and
// the identifiers the licence holder's scoring service uses for answers. Items keep their
// PAM-13 numbers on PAM-10, which asks 10 of them. engage holds no item wording: the wording
// and its translations belong to the licence holder. The zero value is not an item.
type Item uint8

// The thirteen items of PAM-13, in form order.
const (
	PA1 Item = 1 + iota
	PA2
	PA3
	PA4
	PA5
	PA6
	PA7
	PA8
	PA9
	PA10
	PA11
	PA12
	PA13
)

// NumItems is the number of items on PAM-13, the longest form.
const NumItems = 13

var items = enum.NewTable[Item]("pam.Item",
	[]string{"pa1", "pa2", "pa3", "pa4", "pa5", "pa6", "pa7", "pa8", "pa9", "pa10", "pa11", "pa12", "pa13"},
	nil)

// Valid reports whether it is one of PA1 … PA13.
func (it Item) Valid() bool { return items.Valid(it) }

// String returns the item's slug, "pa1" … "pa13"; any other value prints as %!Item(n).
func (it Item) String() string { return items.String(it) }

// Code returns the licence holder's identifier for the item, "PA1" … "PA13", as used by its
// scoring service and by ParseResponse's licence-holder coding; "" for an invalid item.
func (it Item) Code() string {
	if !it.Valid() {
		return ""
	}
	return "PA" + strconv.Itoa(int(it))
}

// MarshalText returns the slug; an invalid item is an error.
func (it Item) MarshalText() ([]byte, error) { return items.Marshal(it) }

// UnmarshalText parses text with ParseItem.
func (it *Item) UnmarshalText(text []byte) error {
	v, err := ParseItem(string(text))
	if err == nil {
		*it = v
	}
	return err
}

// ParseItem returns the item named by s: its slug or the licence holder's code, in any case
// ("pa4", "PA4"). Otherwise it returns an error listing the valid slugs.
func ParseItem(s string) (Item, error) { return items.Parse(s, false) }

// Form is a version of the Patient Activation Measure questionnaire. The zero value is not a
// form.
type Form uint8

// The forms engage scores.
const (
	// PAM13 is the 13-item short form of Hibbard et al. 2005, Health Serv Res
	// 40(6):1918–1930.
	PAM13 Form = 1 + iota
	// PAM10 is the licence holder's 10-item form: PAM-13 without items 3, 8 and 9.
	PAM10
)

var forms = enum.NewTable[Form]("pam.Form",
	[]string{"pam-13", "pam-10"},
	map[string]Form{"pam13": PAM13, "pam13-s": PAM13, "pam10": PAM10})

// pam10Items are the PAM-13 items asked on PAM-10.
var pam10Items = [...]Item{PA1, PA2, PA4, PA5, PA6, PA7, PA10, PA11, PA12, PA13}

// formMask[f] has bit i-1 set for each item i on form f.
var formMask = [...]uint16{
	PAM13: 1<<NumItems - 1,
	PAM10: (1<<NumItems - 1) &^ (1<<(PA3-1) | 1<<(PA8-1) | 1<<(PA9-1)),
}

// Valid reports whether f is PAM13 or PAM10.
func (f Form) Valid() bool { return forms.Valid(f) }

// String returns the form's slug, "pam-13" or "pam-10"; any other value prints as %!Form(n).
func (f Form) String() string { return forms.String(f) }

// MarshalText returns the slug; an invalid form is an error.
func (f Form) MarshalText() ([]byte, error) { return forms.Marshal(f) }

// UnmarshalText parses text with ParseForm.
func (f *Form) UnmarshalText(text []byte) error {
	v, err := ParseForm(string(text))
	if err == nil {
		*f = v
	}
	return err
}

// ParseForm returns the form named by s: its slug ("pam-13"), or the survey names of the
// licence holder's service ("PAM13", "PAM13_S", "PAM10"), in any case. Otherwise it returns
// an error listing the valid slugs.
func ParseForm(s string) (Form, error) { return forms.Parse(s, false) }

// Len returns the number of items on the form: 13, 10, or 0 for an invalid form.
func (f Form) Len() int {
	switch f {
	case PAM13:
		return NumItems
	case PAM10:
		return len(pam10Items)
	}
	return 0
}

// Has reports whether the form asks item it.
func (f Form) Has(it Item) bool {
	return f.Valid() && it.Valid() && formMask[f]&(1<<(it-1)) != 0
}

// Items returns the form's items in form order. PAM-10 asks PAM-13 items 1, 2, 4, 5, 6, 7,
// 10, 11, 12 and 13, as the licence holder's 10-item form is mapped onto PAM-13 numbers in
// published client code; its items keep their PAM-13 identifiers.
func (f Form) Items() iter.Seq[Item] {
	return func(yield func(Item) bool) {
		for it := PA1; it <= PA13; it++ {
			if f.Has(it) && !yield(it) {
				return
			}
		}
	}
}

// Answer is the answer to one item. The four points of the agreement scale are numbered 1 to
// 4 as the licence holder codes them (Disagree Strongly = 1 … Agree Strongly = 4); no item is
// reverse-scored, so a higher answer always means more activation. NotApplicable records that
// the person marked the item as not applying to them; it is not scored. The zero value,
// NotAnswered, records that the item was left blank; it is not scored either, and an item
// marked not applicable scores exactly like one left blank.
type Answer uint8

// The answers.
const (
	// NotAnswered is the zero value: the item was not answered. It is not a valid answer.
	NotAnswered Answer = iota
	DisagreeStrongly
	Disagree
	Agree
	AgreeStrongly
	NotApplicable
)

var answers = enum.NewTable[Answer]("pam.Answer",
	[]string{"disagree-strongly", "disagree", "agree", "agree-strongly", "not-applicable"},
	map[string]Answer{
		"strongly-disagree": DisagreeStrongly, "strongly-agree": AgreeStrongly,
		"n-a": NotApplicable, "na": NotApplicable, "not-applicable-to-me": NotApplicable,
	})

// Valid reports whether a is one of the five answers (the four points of the scale or
// NotApplicable). NotAnswered is not valid: it is the absence of an answer.
func (a Answer) Valid() bool { return answers.Valid(a) }

// String returns the answer's slug ("disagree-strongly", "disagree", "agree",
// "agree-strongly", "not-applicable"), "not-answered" for NotAnswered, and %!Answer(n) for
// any other value.
func (a Answer) String() string {
	if a == NotAnswered {
		return "not-answered"
	}
	return answers.String(a)
}

// MarshalText returns the slug; NotAnswered and invalid values are errors, because an item
// left blank is written by leaving it out.
func (a Answer) MarshalText() ([]byte, error) { return answers.Marshal(a) }

// UnmarshalText parses text with ParseAnswer.
func (a *Answer) UnmarshalText(text []byte) error {
	v, err := ParseAnswer(string(text))
	if err == nil {
		*a = v
	}
	return err
}

// ParseAnswer returns the answer named by s: its slug, or the wording with the words in
// either order ("Strongly agree"), or "N/A", in any case. Otherwise it returns an error
// listing the valid slugs.
func ParseAnswer(s string) (Answer, error) { return answers.Parse(s, false) }

// Points returns the answer's value on the agreement scale, 1 … 4, and false for
// NotApplicable, NotAnswered and invalid values.
func (a Answer) Points() (int, bool) {
	if a >= DisagreeStrongly && a <= AgreeStrongly {
		return int(a), true
	}
	return 0, false
}

// Code returns the licence holder's numeric code for a valid answer: 1 … 4 for the scale
// and 0 for NotApplicable (as its scoring service codes N/A). It returns -1 for NotAnswered
// and invalid values, which have no code.
func (a Answer) Code() int {
	switch {
	case a >= DisagreeStrongly && a <= AgreeStrongly:
		return int(a)
	case a == NotApplicable:
		return 0
	}
	return -1
}

// AnswerFromCode returns the answer with the licence holder's numeric code c: 1 … 4 for the
// scale and 0 for not applicable. Any other code is an error matching ErrOutOfRange.
func AnswerFromCode(c int) (Answer, error) {
	switch {
	case c >= 1 && c <= 4:
		return Answer(c), nil
	case c == 0:
		return NotApplicable, nil
	}
	return NotAnswered, &FieldError{Err: ErrOutOfRange, Detail: "an answer code from 0 (not applicable) to 4 (agree strongly)"}
}
