package pam

import (
	"bytes"
	"encoding/json"
	"sort"
	"strconv"
	"unicode/utf8"

	"github.com/peopleandcommunities/engage/internal/field"
	"github.com/peopleandcommunities/engage/schemas"
)

// MaxIDLength is the longest response identifier accepted, in characters.
const MaxIDLength = 128

// Response is one person's answers to one Patient Activation Measure questionnaire.
//
// Answers is indexed by item: Answers[PA1-1] is the answer to item 1, Answers[PA13-1] the
// answer to item 13, whatever the form. An entry is NotAnswered for an item left blank and
// must be NotAnswered for an item the form does not ask. The answers are a fixed array held
// in the Response itself, so that scoring one allocates nothing.
//
// ID and Date are optional and supplied by the caller (a pseudonymous identifier and the
// day the questionnaire was completed); engage carries them into the Result unchanged and
// uses Date only to place follow-up measurements in a window. The zero Response has no
// form and is not valid.
type Response struct {
	// Form is the questionnaire answered.
	Form Form
	// ID is the caller's identifier for the response; optional, at most MaxIDLength
	// characters. It is never written into an error.
	ID string
	// Date is the day the questionnaire was completed; optional.
	Date Date
	// Answers holds the answer to each item, indexed by item number minus one.
	Answers [NumItems]Answer
}

// NewResponse returns a response to form f with the given answers in the form's item order:
// 13 answers for PAM-13, 10 for PAM-10 (to items 1, 2, 4, 5, 6, 7, 10, 11, 12, 13). Use
// NotAnswered for an item left blank. The response is checked with Validate.
func NewResponse(f Form, answers ...Answer) (Response, error) {
	r := Response{Form: f}
	if !f.Valid() {
		return r, &FieldError{Path: "/form", Err: ErrMissing, Detail: "a form, pam-13 or pam-10"}
	}
	if len(answers) != f.Len() {
		return r, &FieldError{Path: "/answers", Err: ErrInconsistent,
			Detail: "one answer for each of the form's " + strconv.Itoa(f.Len()) + " items, in form order"}
	}
	i := 0
	for it := range f.Items() {
		r.Answers[it-1] = answers[i]
		i++
	}
	return r, r.Validate()
}

// Answer returns the answer to item it, or NotAnswered for an invalid item.
func (r *Response) Answer(it Item) Answer {
	if !it.Valid() {
		return NotAnswered
	}
	return r.Answers[it-1]
}

// Set records answer a to item it. An invalid item is an error matching ErrOutOfRange; the
// answer itself is checked by Validate.
func (r *Response) Set(it Item, a Answer) error {
	if !it.Valid() {
		return &FieldError{Path: "/answers", Err: ErrOutOfRange, Detail: "an item from pa1 to pa13"}
	}
	r.Answers[it-1] = a
	return nil
}

// Validate checks the response's meaning and reports every problem at once: a missing or
// unknown form, an answer that is not one of the five answers, an answer to an item the form
// does not ask, an identifier that is too long or not UTF-8, an impossible date. Each problem
// is a *FieldError whose Path is the JSON Pointer of the field in engage's JSON form.
func (r Response) Validate() error { return r.validate(engagePath) }

// validID reports whether id is UTF-8 of at most MaxIDLength characters.
func validID(id string) bool {
	return utf8.ValidString(id) && (len(id) <= MaxIDLength || utf8.RuneCountInString(id) <= MaxIDLength)
}

func engagePath(it Item) string  { return "/answers/" + it.String() }
func licencePath(it Item) string { return "/" + it.Code() }

func (r Response) validate(path func(Item) string) error {
	var l field.List
	if !r.Form.Valid() {
		l.Add("/form", ErrMissing, "a form, pam-13 or pam-10")
	}
	if !validID(r.ID) {
		l.Add("/id", ErrOutOfRange, "UTF-8 text of at most "+strconv.Itoa(MaxIDLength)+" characters")
	}
	if !r.Date.IsZero() && !r.Date.Valid() {
		l.Add("/date", ErrOutOfRange, "a calendar date YYYY-MM-DD")
	}
	for i, a := range r.Answers {
		it := Item(i + 1)
		switch {
		case a == NotAnswered:
		case !a.Valid():
			l.Add(path(it), ErrOutOfRange, "one of disagree-strongly, disagree, agree, agree-strongly, not-applicable")
		case r.Form.Valid() && !r.Form.Has(it):
			l.Add(path(it), ErrNotOnForm, r.Form.String()+" does not ask this item")
		}
	}
	return l.Err()
}

// ParseResponse reads one response from JSON in either of two codings, checking it in three
// steps: schemas.Validate against the pam-response schema (shape; the error is a
// *schemas.Error), decoding, and Validate (meaning; *FieldErrors).
//
// engage's own coding names the form and gives each answered item's answer as a slug,
// leaving blank items out:
//
//	{"form": "pam-13", "id": "r-0001", "date": "2026-04-01",
//	 "answers": {"pa1": "agree", "pa2": "agree-strongly", "pa3": "not-applicable", …}}
//
// The licence holder's coding, as its scoring service takes answers, gives each item's code
// as a member named PA1 … PA13: 1 … 4 for the scale and 0 for not applicable; a blank item is
// left out. It may also carry "form", "id" and "date". Without "form", a response with any of
// PA3, PA8 or PA9 is PAM-13 and one without them PAM-10 (which item set is answered decides
// the score; the form decides only the validity flags):
//
//	{"PA1": 3, "PA2": 4, "PA3": 0, …}
func ParseResponse(data []byte) (Response, error) {
	if err := schemas.Validate(schemas.PAMResponse, data); err != nil {
		return Response{}, err
	}
	r, licence, err := decodeResponse(data)
	if err != nil {
		return Response{}, err
	}
	path := engagePath
	if licence {
		path = licencePath
	}
	if err := r.validate(path); err != nil {
		return Response{}, err
	}
	return r, nil
}

// MarshalJSON writes the response in engage's coding, items in form order.
func (r Response) MarshalJSON() ([]byte, error) {
	if err := r.Validate(); err != nil {
		return nil, err
	}
	var b bytes.Buffer
	b.WriteString(`{"form":"`)
	b.WriteString(r.Form.String())
	b.WriteByte('"')
	if r.ID != "" {
		id, _ := json.Marshal(r.ID) // a valid UTF-8 string always marshals
		b.WriteString(`,"id":`)
		b.Write(id)
	}
	if !r.Date.IsZero() {
		b.WriteString(`,"date":"`)
		b.WriteString(r.Date.String())
		b.WriteByte('"')
	}
	b.WriteString(`,"answers":{`)
	first := true
	for i, a := range r.Answers {
		if a == NotAnswered {
			continue
		}
		if !first {
			b.WriteByte(',')
		}
		first = false
		b.WriteByte('"')
		b.WriteString(Item(i + 1).String())
		b.WriteString(`":"`)
		b.WriteString(a.String())
		b.WriteByte('"')
	}
	b.WriteString("}}")
	return b.Bytes(), nil
}

// UnmarshalJSON reads a response in either coding ParseResponse accepts. It checks the
// values it decodes but not the response as a whole; call Validate, or use ParseResponse,
// which also checks the document against its schema.
func (r *Response) UnmarshalJSON(data []byte) error {
	v, _, err := decodeResponse(data)
	if err != nil {
		return err
	}
	*r = v
	return nil
}

// decodeResponse decodes either coding and reports whether it was the licence holder's.
func decodeResponse(data []byte) (Response, bool, error) {
	var top map[string]json.RawMessage
	if err := json.Unmarshal(data, &top); err != nil {
		return Response{}, false, &FieldError{Err: ErrUnexpected, Detail: "a JSON object"}
	}
	if top == nil {
		return Response{}, false, &FieldError{Err: ErrUnexpected, Detail: "a JSON object"}
	}
	keys := make([]string, 0, len(top))
	for k := range top {
		keys = append(keys, k)
	}
	sort.Strings(keys)

	var r Response
	var l field.List
	_, engage := top["answers"]
	licence := false
	formGiven := false
	for _, k := range keys {
		raw := top[k]
		p := field.Pointer(k)
		switch k {
		case "form":
			var s string
			if json.Unmarshal(raw, &s) != nil {
				l.Add(p, ErrOutOfRange, "a form, pam-13 or pam-10")
				continue
			}
			f, err := ParseForm(s)
			if err != nil {
				l.AddError(p, err)
				continue
			}
			r.Form, formGiven = f, true
		case "id":
			if json.Unmarshal(raw, &r.ID) != nil {
				l.Add(p, ErrOutOfRange, "a string")
			}
		case "date":
			var s string
			if json.Unmarshal(raw, &s) != nil {
				l.Add(p, ErrOutOfRange, "a calendar date YYYY-MM-DD")
				continue
			}
			d, err := ParseDate(s)
			if err != nil {
				l.AddError(p, err)
				continue
			}
			r.Date = d
		case "answers":
			var m map[string]json.RawMessage
			if json.Unmarshal(raw, &m) != nil || m == nil {
				l.Add(p, ErrOutOfRange, "an object of answers keyed by item")
				continue
			}
			decodeAnswers(&r, m, p, &l)
		default:
			it, ok := licenceItem(k)
			if !ok {
				l.Add(p, ErrUnexpected, "a member engage defines (form, id, date, answers, or PA1 … PA13)")
				continue
			}
			licence = true
			if engage {
				l.Add(p, ErrUnexpected, "answers in one coding only: an answers object or PA1 … PA13 members")
				continue
			}
			var c int
			if json.Unmarshal(raw, &c) != nil {
				l.Add(p, ErrOutOfRange, "an answer code from 0 (not applicable) to 4 (agree strongly)")
				continue
			}
			a, err := AnswerFromCode(c)
			if err != nil {
				l.AddError(p, err)
				continue
			}
			r.Answers[it-1] = a
		}
	}
	if _, present := top["form"]; engage && !present {
		l.Add("/form", ErrMissing, "a form, pam-13 or pam-10")
	}
	if !engage && !formGiven {
		r.Form = PAM10
		for _, it := range [...]Item{PA3, PA8, PA9} {
			if _, ok := top[it.Code()]; ok {
				r.Form = PAM13
			}
		}
	}
	if err := l.Err(); err != nil {
		return Response{}, licence, err
	}
	return r, licence && !engage, nil
}

func decodeAnswers(r *Response, m map[string]json.RawMessage, parent string, l *field.List) {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		p := field.Join(parent, field.Pointer(k))
		it, err := ParseItem(k)
		if err != nil || k != it.String() {
			l.Add(p, ErrUnexpected, "an item from pa1 to pa13")
			continue
		}
		var s string
		if json.Unmarshal(m[k], &s) != nil {
			l.Add(p, ErrOutOfRange, "one of disagree-strongly, disagree, agree, agree-strongly, not-applicable")
			continue
		}
		a, err := ParseAnswer(s)
		if err != nil {
			l.AddError(p, err)
			continue
		}
		r.Answers[it-1] = a
	}
}

// licenceItem returns the item whose licence-holder code is exactly k ("PA1" … "PA13").
func licenceItem(k string) (Item, bool) {
	if len(k) < 3 || len(k) > 4 || k[0] != 'P' || k[1] != 'A' || k[2] == '0' {
		return 0, false
	}
	n := 0
	for i := 2; i < len(k); i++ {
		if k[i] < '0' || k[i] > '9' {
			return 0, false
		}
		n = n*10 + int(k[i]-'0')
	}
	if n < 1 || n > NumItems {
		return 0, false
	}
	return Item(n), true
}
