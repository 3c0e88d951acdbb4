package pam

import (
	"bytes"
	"encoding/json"
	"math"
	"strconv"
	"strings"

	"github.com/peopleandcommunities/engage/internal/enum"
	"github.com/peopleandcommunities/engage/internal/field"
)

// Flag is a reason to doubt a response: a pattern of answers that a validity Policy raises.
// A flag never removes a response or its score; the Policy decides which flags make a result
// unacceptable for analysis (Result.Accepted), and cohorts count every flag by reason. The
// zero value is not a flag.
type Flag uint8

// The flags, in the order they are reported.
const (
	// ExtremeLine: every answered item has the same extreme answer, all Disagree Strongly
	// or all Agree Strongly — the "extreme line response set" that the quality measure
	// CBE/NQF #2483 (CMS MIPS 503) excludes. Such a pattern has no finite Rasch estimate and
	// scores 0 or 100.
	ExtremeLine Flag = 1 + iota
	// AllSame: every answered item has the same answer, whichever it is ("straight-lining").
	// An extreme line is also all-same.
	AllSame
	// TooManyNotApplicable: more items were marked not applicable than the policy allows.
	TooManyNotApplicable
	// TooFewAnswered: fewer items were answered on the 1–4 scale than the policy requires.
	// A response with no such answer has no score at all.
	TooFewAnswered
	flagEnd
)

// numFlags is the number of flags.
const numFlags = int(flagEnd - 1)

var flags = enum.NewTable[Flag]("pam.Flag",
	[]string{"extreme-line", "all-same", "too-many-not-applicable", "too-few-answered"},
	map[string]Flag{"extreme-line-response": ExtremeLine, "straight-line": AllSame})

// Valid reports whether f is one of the declared flags.
func (f Flag) Valid() bool { return flags.Valid(f) }

// String returns the flag's slug, e.g. "extreme-line"; any other value prints as %!Flag(n).
func (f Flag) String() string { return flags.String(f) }

// MarshalText returns the slug; an invalid flag is an error.
func (f Flag) MarshalText() ([]byte, error) { return flags.Marshal(f) }

// UnmarshalText parses text with ParseFlag.
func (f *Flag) UnmarshalText(text []byte) error {
	v, err := ParseFlag(string(text))
	if err == nil {
		*f = v
	}
	return err
}

// ParseFlag returns the flag named by s, in any case. Otherwise it returns an error listing
// the valid slugs.
func ParseFlag(s string) (Flag, error) { return flags.Parse(s, false) }

// Describe says in a sentence what the flag means.
func (f Flag) Describe() string {
	switch f {
	case ExtremeLine:
		return "every answered item has the same extreme answer (all disagree strongly or all agree strongly)"
	case AllSame:
		return "every answered item has the same answer"
	case TooManyNotApplicable:
		return "more items were marked not applicable than the validity policy allows"
	case TooFewAnswered:
		return "fewer items were answered on the 1–4 scale than the validity policy requires"
	}
	return f.String()
}

// Flags is a set of flags. The zero value is the empty set.
type Flags uint8

// AllFlags is the set of every flag.
const AllFlags Flags = 1<<numFlags - 1

// FlagsOf returns the set of the given flags; invalid flags are ignored.
func FlagsOf(fs ...Flag) Flags {
	var s Flags
	for _, f := range fs {
		s = s.With(f)
	}
	return s
}

// Has reports whether the set holds f.
func (s Flags) Has(f Flag) bool { return f.Valid() && s&(1<<(f-1)) != 0 }

// With returns the set with f added; an invalid flag leaves it unchanged.
func (s Flags) With(f Flag) Flags {
	if !f.Valid() {
		return s
	}
	return s | 1<<(f-1)
}

// Valid reports whether the set holds only declared flags.
func (s Flags) Valid() bool { return s&^AllFlags == 0 }

// Len returns the number of flags in the set.
func (s Flags) Len() int {
	n := 0
	for f := Flag(1); f < flagEnd; f++ {
		if s.Has(f) {
			n++
		}
	}
	return n
}

// List returns the flags in the set in declaration order.
func (s Flags) List() []Flag {
	out := make([]Flag, 0, s.Len())
	for f := Flag(1); f < flagEnd; f++ {
		if s.Has(f) {
			out = append(out, f)
		}
	}
	return out
}

// String lists the flags' slugs separated by commas, "" for the empty set; undeclared bits
// print as %!Flags(n).
func (s Flags) String() string {
	if !s.Valid() {
		return "%!Flags(" + strconv.Itoa(int(s)) + ")"
	}
	var parts []string
	for _, f := range s.List() {
		parts = append(parts, f.String())
	}
	return strings.Join(parts, ",")
}

// MarshalJSON writes the set as an array of slugs in declaration order, [] when empty.
func (s Flags) MarshalJSON() ([]byte, error) {
	if !s.Valid() {
		return nil, &FieldError{Err: ErrOutOfRange, Detail: "a set of declared flags"}
	}
	var b bytes.Buffer
	b.WriteByte('[')
	for i, f := range s.List() {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteByte('"')
		b.WriteString(f.String())
		b.WriteByte('"')
	}
	b.WriteByte(']')
	return b.Bytes(), nil
}

// UnmarshalJSON reads an array of flag slugs; a repeated flag is an error.
func (s *Flags) UnmarshalJSON(data []byte) error {
	var list []string
	if err := json.Unmarshal(data, &list); err != nil {
		return &FieldError{Err: ErrOutOfRange, Detail: "an array of flag slugs"}
	}
	var l field.List
	var out Flags
	for i, t := range list {
		f, err := ParseFlag(t)
		if err != nil {
			l.AddError(field.Pointer(i), err)
			continue
		}
		if out.Has(f) {
			l.Add(field.Pointer(i), ErrDuplicate, "each flag once")
		}
		out = out.With(f)
	}
	if err := l.Err(); err != nil {
		return err
	}
	*s = out
	return nil
}

// Policy is a set of validity rules for responses. It never drops a response: it raises
// flags, and names in Reject the flags that make a result unacceptable for analysis. Start
// from DefaultPolicy and change what your governance requires.
//
// No rule here is published by the licence holder; the defaults and their sources are
// described on DefaultPolicy.
type Policy struct {
	// MinAnswered is the share of the form's items, in [0, 1], that must be answered on the
	// 1–4 scale: TooFewAnswered is raised when fewer than ⌈MinAnswered × items⌉ are, and
	// always when none is.
	MinAnswered float64
	// MaxNotApplicable is the most items that may be marked not applicable, 0 … 13;
	// TooManyNotApplicable is raised above it.
	MaxNotApplicable int
	// Reject is the set of flags that make a result unacceptable for analysis: a rejected
	// result keeps its score but has Accepted false, and cohorts leave it out of their
	// statistics while counting it by reason.
	Reject Flags
}

// DefaultPolicy returns engage's default validity rules:
//
//   - MinAnswered 0.5: at least half the form's items answered on the 1–4 scale (7 of
//     PAM-13, 5 of PAM-10), the "half rule" for missing items in multi-item scales (Fairclough
//     DL, Cella DF. Qual Life Res 1996;5:321–329). The licence holder's service scores
//     responses with any number of missing items, but the error grows quickly as items go
//     missing: a mean absolute percentage error of 2.5–4.3% with one item missing and
//     29.7–44.4% with twelve (Measurement error in PAM scores with missing responses,
//     doi:10.1155/2015/270168).
//   - MaxNotApplicable 2: three or more items marked not applicable is an unusual pattern,
//     the rule one published PAM-10 client applies before submitting to the licence holder's
//     service; engage applies it to both forms.
//   - Reject every flag: extreme lines are excluded by CBE/NQF #2483 (CMS MIPS 503); the
//     same published client also rejects ten identical Agree answers and three or more N/A,
//     and engage extends the identical-answers rule to every category.
func DefaultPolicy() Policy {
	return Policy{MinAnswered: 0.5, MaxNotApplicable: 2, Reject: AllFlags}
}

// Validate checks the policy's values and reports every problem at once.
func (p Policy) Validate() error {
	var l field.List
	if !(p.MinAnswered >= 0 && p.MinAnswered <= 1) {
		l.Add("/minAnswered", ErrOutOfRange, "a share of the form's items in [0, 1]")
	}
	if p.MaxNotApplicable < 0 || p.MaxNotApplicable > NumItems {
		l.Add("/maxNotApplicable", ErrOutOfRange, "a number of items from 0 to 13")
	}
	if !p.Reject.Valid() {
		l.Add("/reject", ErrOutOfRange, "a set of declared flags")
	}
	return l.Err()
}

// minAnswered returns the fewest items to be answered on the 1–4 scale on form f, at least 1.
func (p Policy) minAnswered(f Form) int {
	n := int(math.Ceil(p.MinAnswered*float64(f.Len()) - 1e-9))
	return max(n, 1)
}

// Validity is what a Policy finds in one response: how many of the form's items were
// answered on the 1–4 scale, marked not applicable and left blank, the flags raised, and
// whether the response is acceptable for analysis.
type Validity struct {
	// Answered is the number of the form's items answered on the 1–4 scale: the items that
	// are scored.
	Answered int
	// NotApplicable is the number of items marked not applicable.
	NotApplicable int
	// NotAnswered is the number of the form's items left blank.
	NotAnswered int
	// Flags is the set of flags raised.
	Flags Flags
	// Accepted is true when at least one item was answered and no flag in the policy's
	// Reject set was raised.
	Accepted bool
}

// Check applies the policy to response r, which should be valid (see Response.Validate);
// answers outside the form or not among the five answers are ignored. Check allocates
// nothing, so a plugged-in Scorer can call it for every response.
func (p Policy) Check(r *Response) Validity {
	var v Validity
	if !r.Form.Valid() {
		return v
	}
	mask := formMask[r.Form]
	lo, hi := Answer(255), Answer(0)
	for i, a := range r.Answers {
		if mask&(1<<i) == 0 {
			continue
		}
		switch {
		case a >= DisagreeStrongly && a <= AgreeStrongly:
			v.Answered++
			lo, hi = min(lo, a), max(hi, a)
		case a == NotApplicable:
			v.NotApplicable++
		default:
			v.NotAnswered++
		}
	}
	v.Flags = p.flags(r.Form, v.Answered, v.NotApplicable, lo, hi)
	v.Accepted = v.Answered > 0 && v.Flags&p.Reject == 0
	return v
}

// flags computes the flags from the counts and the lowest and highest answer given.
func (p Policy) flags(f Form, answered, na int, lo, hi Answer) Flags {
	var s Flags
	if answered > 0 && lo == hi {
		s |= 1 << (AllSame - 1)
		if lo == DisagreeStrongly || lo == AgreeStrongly {
			s |= 1 << (ExtremeLine - 1)
		}
	}
	if na > p.MaxNotApplicable {
		s |= 1 << (TooManyNotApplicable - 1)
	}
	if answered < p.minAnswered(f) {
		s |= 1 << (TooFewAnswered - 1)
	}
	return s
}
