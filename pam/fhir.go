package pam

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strconv"
	"unicode/utf8"

	"github.com/peopleandcommunities/engage/internal/field"
)

// Limits on FHIR documents, checked before any decoding.
const (
	// MaxFHIRBytes is the largest QuestionnaireResponse ParseFHIR accepts.
	MaxFHIRBytes = 1 << 20
	// MaxFHIRItems is the most items, at all levels together, it accepts.
	MaxFHIRItems = 200
	// MaxFHIRDepth is the deepest nesting of group items it accepts.
	MaxFHIRDepth = 8
)

// FHIROptions tune ParseFHIR. The zero value infers the form and rejects items that are not
// Patient Activation Measure items.
type FHIROptions struct {
	// Form is the questionnaire answered. When zero, the form is PAM-13 if any of items PA3,
	// PA8 and PA9 appears among the items (answered or not) and PAM-10 otherwise, as
	// ParseResponse does for the licence holder's coding.
	Form Form
	// OtherItems lets the QuestionnaireResponse carry items whose linkId is not PA1 … PA13
	// (other questions of a longer questionnaire); they are skipped. Otherwise they are
	// errors.
	OtherItems bool
}

// ParseFHIR reads a Patient Activation Measure response from a HL7 FHIR R4
// QuestionnaireResponse resource in its JSON form (http://hl7.org/fhir/R4/
// questionnaireresponse.html), without a FHIR library: it decodes the small subset below with
// encoding/json and rejects everything else with a *FieldError whose Path is the JSON Pointer
// of the offending member in the FHIR document, reporting every problem at once.
//
// The resource:
//
//	resourceType   "QuestionnaireResponse" (required)
//	status         "completed" or "amended" (required); in-progress, stopped and
//	               entered-in-error responses are refused
//	id             copied into Response.ID
//	authored       the date, or the date part of the date-time, becomes Response.Date;
//	               a partial date (year, or year and month) is refused
//	item           the answers, as below
//	meta, text, language, contained, extension, identifier, basedOn, partOf,
//	questionnaire, subject, encounter, author, source
//	               allowed and ignored: they do not change the answers, and the
//	               subject and author are not read
//	implicitRules, modifierExtension
//	               refused: FHIR forbids processing a resource whose implicit rules or
//	               modifier extensions are not understood
//
// Each item has a linkId naming a PAM item, "PA1" … "PA13" (in any case), and at most one
// answer with one of:
//
//	valueInteger   the licence holder's code: 1 (disagree strongly) … 4 (agree
//	               strongly), 0 for not applicable
//	valueCoding    whose code is that number as text, or an answer ParseAnswer accepts
//	               ("agree-strongly", "N/A"); the system is not interpreted
//
// An item with no answer was left blank. An item may be a group: no answer, a linkId that is
// not a PAM item, and the PAM items nested in its own item list. Items may also carry id,
// definition, text and extension, which are ignored; answers id and extension; codings
// system, version, display, userSelected, id and extension. Items with another linkId are
// errors unless FHIROptions.OtherItems is set. A PAM item given twice, two answers to one
// item, an answer's own nested items, another value type (valueString, valueDecimal, ...),
// or a code outside the scale are errors.
//
// Errors match ErrUnexpected (a member outside the subset, a refused status), ErrMissing (a
// required member absent), ErrOutOfRange (a value outside its range, a malformed document or
// one beyond MaxFHIRBytes, MaxFHIRItems or MaxFHIRDepth), ErrDuplicate (an item twice) or
// ErrNotOnForm (an answer to an item the form does not ask). The result is checked with
// Validate.
func ParseFHIR(data []byte, o FHIROptions) (Response, error) {
	if len(data) > MaxFHIRBytes {
		return Response{}, &FieldError{Err: ErrOutOfRange, Detail: "a resource of at most " + strconv.Itoa(MaxFHIRBytes) + " bytes"}
	}
	if o.Form != 0 && !o.Form.Valid() {
		return Response{}, &FieldError{Path: "/form", Err: ErrOutOfRange, Detail: "pam-13, pam-10, or zero to infer the form"}
	}
	var doc any
	d := json.NewDecoder(bytes.NewReader(data))
	d.UseNumber()
	err := d.Decode(&doc)
	if err == nil {
		// Anything after the resource is an error too.
		if _, e := d.Token(); e != io.EOF {
			err = errFHIRTrailing
		}
	}
	root, isObject := doc.(map[string]any)
	if err != nil || !isObject {
		return Response{}, &FieldError{Err: ErrOutOfRange, Detail: "a JSON object: a FHIR R4 QuestionnaireResponse"}
	}
	p := fhirParser{opts: o}
	var r Response
	l := &p.l
	for _, k := range fhirKeys(root) {
		v := root[k]
		at := "/" + k
		switch k {
		case "resourceType":
			if s, _ := v.(string); s != "QuestionnaireResponse" {
				l.Add(at, ErrUnexpected, "the resource type QuestionnaireResponse")
			}
		case "status":
			s, isString := v.(string)
			switch {
			case !isString:
				l.Add(at, ErrOutOfRange, "a status code")
			case s != "completed" && s != "amended":
				l.Add(at, ErrUnexpected, "a completed or amended response")
			}
		case "id":
			if s, _ := v.(string); !fhirID(s) {
				l.Add(at, ErrOutOfRange, "a FHIR id: 1 to 64 letters, digits, hyphens and dots")
			} else {
				r.ID = s
			}
		case "authored":
			s, _ := v.(string)
			if d, ok := fhirDate(s); ok {
				r.Date = d
			} else {
				l.Add(at, ErrOutOfRange, "a date YYYY-MM-DD or a date-time that begins with one")
			}
		case "item":
			p.items(v, at, 1)
		case "meta", "text", "language", "contained", "extension", "identifier", "basedOn", "partOf",
			"questionnaire", "subject", "encounter", "author", "source":
		case "implicitRules", "modifierExtension":
			l.Add(at, ErrUnexpected, "no "+k+": the reader does not understand them, and FHIR forbids ignoring them")
		default:
			l.Add(field.Pointer(k), ErrUnexpected, "a member of the QuestionnaireResponse subset engage reads")
		}
	}
	if _, ok := root["resourceType"]; !ok {
		l.Add("/resourceType", ErrMissing, "the resource type QuestionnaireResponse")
	}
	if _, ok := root["status"]; !ok {
		l.Add("/status", ErrMissing, "the response's status, completed or amended")
	}
	r.Form = o.Form
	if r.Form == 0 {
		r.Form = PAM10
		if p.seen[PA3-1] || p.seen[PA8-1] || p.seen[PA9-1] {
			r.Form = PAM13
		}
	}
	for i, a := range p.answers {
		if p.seen[i] {
			r.Answers[i] = a
			if a != NotAnswered && !r.Form.Has(Item(i+1)) {
				l.Add(p.where[i], ErrNotOnForm, r.Form.String()+" does not ask this item")
			}
		}
	}
	if err := l.Err(); err != nil {
		return Response{}, err
	}
	return r, r.Validate()
}

// fhirParser collects the answers and problems of one resource.
type fhirParser struct {
	opts    FHIROptions
	l       field.List
	answers [NumItems]Answer
	seen    [NumItems]bool
	where   [NumItems]string
	count   int
}

var errFHIRTrailing = errors.New("pam: more than one JSON value")

// fhirKeys returns an object's member names in order, so that problems come out in the same
// order on every run.
func fhirKeys(m map[string]any) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	// An insertion sort: objects here have a handful of members.
	for i := 1; i < len(ks); i++ {
		for j := i; j > 0 && ks[j] < ks[j-1]; j-- {
			ks[j], ks[j-1] = ks[j-1], ks[j]
		}
	}
	return ks
}

// fhirItem returns the item a linkId names: "PA1" … "PA13" in any case.
func fhirItem(linkID string) (Item, bool) {
	if len(linkID) < 3 || len(linkID) > 4 || (linkID[0] != 'P' && linkID[0] != 'p') || (linkID[1] != 'A' && linkID[1] != 'a') {
		return 0, false
	}
	if linkID[2] == '0' {
		return 0, false
	}
	n, err := strconv.Atoi(linkID[2:])
	if err != nil || n < 1 || n > NumItems {
		return 0, false
	}
	return Item(n), true
}

func (p *fhirParser) items(v any, at string, depth int) {
	if depth > MaxFHIRDepth {
		p.l.Add(at, ErrOutOfRange, "items nested at most "+strconv.Itoa(MaxFHIRDepth)+" deep")
		return
	}
	list, ok := v.([]any)
	if !ok {
		p.l.Add(at, ErrOutOfRange, "an array of items")
		return
	}
	for i, e := range list {
		p.count++
		if p.count > MaxFHIRItems {
			p.l.Add(at, ErrOutOfRange, "at most "+strconv.Itoa(MaxFHIRItems)+" items")
			return
		}
		p.item(e, at+"/"+strconv.Itoa(i), depth)
	}
}

func (p *fhirParser) item(v any, at string, depth int) {
	m, ok := v.(map[string]any)
	if !ok {
		p.l.Add(at, ErrOutOfRange, "an item object")
		return
	}
	raw, ok := m["linkId"]
	if !ok {
		p.l.Add(at+"/linkId", ErrMissing, "the item's linkId")
		return
	}
	linkID, ok := raw.(string)
	if !ok {
		p.l.Add(at+"/linkId", ErrOutOfRange, "a linkId string")
		return
	}
	it, pamItem := fhirItem(linkID)
	for _, k := range fhirKeys(m) {
		switch k {
		case "linkId", "id", "definition", "text", "extension", "answer", "item":
		case "modifierExtension":
			p.l.Add(at+"/"+k, ErrUnexpected, "no modifierExtension: the reader does not understand it, and FHIR forbids ignoring it")
		default:
			p.l.Add(at+field.Pointer(k), ErrUnexpected, "a member of the item subset engage reads")
		}
	}
	answers, hasAnswer := m["answer"]
	children, hasChildren := m["item"]
	if !pamItem {
		switch {
		case hasChildren && !hasAnswer:
			p.items(children, at+"/item", depth+1)
		case p.opts.OtherItems:
		default:
			p.l.Add(at+"/linkId", ErrUnexpected, "a PAM item, PA1 to PA13, or a group of them")
		}
		return
	}
	if hasChildren {
		p.l.Add(at+"/item", ErrUnexpected, "no nested items under a PAM item")
	}
	i := it - 1
	if p.seen[i] {
		p.l.Add(at+"/linkId", ErrDuplicate, "each PAM item once; it already appeared at "+p.where[i])
		return
	}
	p.seen[i], p.where[i] = true, at
	if !hasAnswer {
		return
	}
	list, ok := answers.([]any)
	if !ok {
		p.l.Add(at+"/answer", ErrOutOfRange, "an array of answers")
		return
	}
	switch len(list) {
	case 0:
		return
	case 1:
	default:
		p.l.Add(at+"/answer", ErrUnexpected, "at most one answer to a PAM item")
		return
	}
	if a, ok := p.answer(list[0], at+"/answer/0"); ok {
		p.answers[i] = a
	}
}

const fhirCodes = "an integer code: 1 to 4, or 0 for not applicable"

func (p *fhirParser) answer(v any, at string) (Answer, bool) {
	m, isObject := v.(map[string]any)
	if !isObject {
		p.l.Add(at, ErrOutOfRange, "an answer object")
		return 0, false
	}
	var a Answer
	values := 0
	ok := true
	for _, k := range fhirKeys(m) {
		switch k {
		case "id", "extension":
		case "valueInteger":
			values++
			n, isNumber := m[k].(json.Number)
			c, err := strconv.Atoi(string(n))
			if !isNumber || err != nil {
				p.l.Add(at+"/valueInteger", ErrOutOfRange, fhirCodes)
				ok = false
				continue
			}
			if a, err = AnswerFromCode(c); err != nil {
				p.l.Add(at+"/valueInteger", ErrOutOfRange, fhirCodes)
				ok = false
			}
		case "valueCoding":
			values++
			var c bool
			if a, c = p.coding(m[k], at+"/valueCoding"); !c {
				ok = false
			}
		case "item":
			p.l.Add(at+"/item", ErrUnexpected, "no items nested under an answer")
			ok = false
		case "modifierExtension":
			p.l.Add(at+"/"+k, ErrUnexpected, "no modifierExtension: the reader does not understand it, and FHIR forbids ignoring it")
			ok = false
		default:
			p.l.Add(at+field.Pointer(k), ErrUnexpected, "valueInteger or valueCoding")
			ok = false
		}
	}
	switch {
	case values == 0 && ok:
		p.l.Add(at, ErrMissing, "valueInteger or valueCoding")
		return 0, false
	case values > 1:
		p.l.Add(at, ErrUnexpected, "one value, valueInteger or valueCoding")
		return 0, false
	}
	return a, ok
}

func (p *fhirParser) coding(v any, at string) (Answer, bool) {
	m, isObject := v.(map[string]any)
	if !isObject {
		p.l.Add(at, ErrOutOfRange, "a Coding object")
		return 0, false
	}
	ok := true
	for _, k := range fhirKeys(m) {
		switch k {
		case "system", "version", "code", "display", "userSelected", "id", "extension":
		default:
			p.l.Add(at+field.Pointer(k), ErrUnexpected, "a member of a FHIR Coding")
			ok = false
		}
	}
	raw, has := m["code"]
	if !has {
		p.l.Add(at+"/code", ErrMissing, "the answer's code")
		return 0, false
	}
	code, isString := raw.(string)
	if !isString {
		p.l.Add(at+"/code", ErrOutOfRange, "a code string")
		return 0, false
	}
	const want = "a code 1 to 4 or 0 for not applicable, or an answer such as agree-strongly or N/A"
	if n, err := strconv.Atoi(code); err == nil {
		a, err := AnswerFromCode(n)
		if err != nil {
			p.l.Add(at+"/code", ErrOutOfRange, want)
			return 0, false
		}
		return a, ok
	}
	a, err := ParseAnswer(code)
	if err != nil || a == NotAnswered {
		p.l.Add(at+"/code", ErrOutOfRange, want)
		return 0, false
	}
	return a, ok
}

// fhirID reports whether s is a FHIR id: 1 to 64 of A–Z, a–z, 0–9, "-" and ".".
func fhirID(s string) bool {
	if len(s) == 0 || len(s) > 64 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.') {
			return false
		}
	}
	return true
}

// fhirDate returns the date of a FHIR date or dateTime that gives at least the day:
// "2025-03-31" or "2025-03-31T14:05:00+01:00". The day is the one written, in the author's
// own time zone.
func fhirDate(s string) (Date, bool) {
	if !utf8.ValidString(s) || len(s) < 10 {
		return Date{}, false
	}
	if len(s) > 10 && !fhirTime(s[10:]) {
		return Date{}, false
	}
	d, err := ParseDate(s[:10])
	if err != nil {
		return Date{}, false
	}
	return d, true
}

// fhirTime reports whether s is the time part of a FHIR dateTime: "T", hh:mm:ss, an optional
// fraction of a second, and a zone, "Z" or ±hh:mm.
func fhirTime(s string) bool {
	two := func(s string, max int) bool {
		if len(s) < 2 || s[0] < '0' || s[0] > '9' || s[1] < '0' || s[1] > '9' {
			return false
		}
		return int(s[0]-'0')*10+int(s[1]-'0') <= max
	}
	if len(s) < 10 || s[0] != 'T' || !two(s[1:], 23) || s[3] != ':' || !two(s[4:], 59) || s[6] != ':' || !two(s[7:], 60) {
		return false
	}
	s = s[9:]
	if len(s) > 0 && s[0] == '.' {
		n := 1
		for n < len(s) && s[n] >= '0' && s[n] <= '9' {
			n++
		}
		if n == 1 {
			return false
		}
		s = s[n:]
	}
	switch {
	case s == "Z":
		return true
	case len(s) == 6 && (s[0] == '+' || s[0] == '-') && two(s[1:], 14) && s[3] == ':' && two(s[4:], 59):
		return true
	}
	return false
}
