package indicator

import (
	"encoding/json"
	"errors"
	"math"
	"strconv"

	"github.com/peopleandcommunities/engage/internal/enum"
	"github.com/peopleandcommunities/engage/internal/field"
	"github.com/peopleandcommunities/engage/measure"
	"github.com/peopleandcommunities/engage/principle"
	"github.com/peopleandcommunities/engage/schemas"
	"github.com/shopspring/decimal"
)

// RecordKind says which kind of evidence record an EvidenceItem summarises. The zero value is
// not a kind.
type RecordKind uint8

// The record kinds, in the order an EvidenceSet holds them.
const (
	RecordActivity       RecordKind = 1 + iota // an Activity
	RecordLayInvolvement                       // a LayInvolvement
	RecordPartnership                          // a Partnership
	RecordTraining                             // a Training
	RecordProcurement                          // a Procurement
	RecordDocument                             // a Document
)

var evKinds = enum.NewTable[RecordKind]("indicator.RecordKind",
	[]string{"activity", "lay-involvement", "partnership", "training", "procurement", "document"},
	map[string]RecordKind{"activities": RecordActivity, "partnerships": RecordPartnership,
		"procurements": RecordProcurement, "documents": RecordDocument})

// Valid reports whether k is a declared kind.
func (k RecordKind) Valid() bool { return evKinds.Valid(k) }

// String returns the slug, e.g. "lay-involvement"; any other value prints as
// %!RecordKind(n).
func (k RecordKind) String() string { return evKinds.String(k) }

// MarshalText returns the slug; an invalid kind is an error.
func (k RecordKind) MarshalText() ([]byte, error) { return evKinds.Marshal(k) }

// UnmarshalText parses text with ParseRecordKind.
func (k *RecordKind) UnmarshalText(text []byte) error {
	v, err := ParseRecordKind(string(text))
	if err == nil {
		*k = v
	}
	return err
}

// ParseRecordKind returns the kind named by s, singular or plural, forgiving about case and
// spacing. Otherwise it returns a *principle.ParseError listing the slugs.
func ParseRecordKind(s string) (RecordKind, error) { return evKinds.Parse(s, false) }

// EvidenceItem summarises one evidence record for linking it to the framework: what it is,
// when it applies, and what it evidences.
type EvidenceItem struct {
	// Kind is the record's kind and Index its position in the set's list of that kind.
	Kind  RecordKind
	Index int
	// ID and Title are the record's.
	ID    string
	Title string
	// Start and End are the days the record applies from and to: the same day for an
	// activity, training or award; the time in force for lay involvement, a partnership or
	// a document. End is the zero Date while the record is still in force.
	Start, End measure.Date
	// Indicators are the indicators the record evidences (its Evidences), Actions the key
	// actions it names, and Principles those an activity served.
	Indicators []ID
	Actions    []principle.Action
	Principles []principle.Principle
}

// Current reports whether the record applies to the assessment period p as known on day
// asOf: it began on or before asOf and before p ended, and it had not ended before p began.
func (it EvidenceItem) Current(p measure.Period, asOf measure.Date) bool {
	if it.Start.After(asOf) || it.Start.After(p.End) {
		return false
	}
	return it.End.IsZero() || !it.End.Before(p.Start)
}

// Items returns a summary of every record in the set, kind by kind in the set's order.
func (s *EvidenceSet) Items() []EvidenceItem {
	out := make([]EvidenceItem, 0, s.records())
	end := func(d *measure.Date) measure.Date {
		if d == nil {
			return measure.Date{}
		}
		return *d
	}
	for i := range s.Activities {
		r := &s.Activities[i]
		out = append(out, EvidenceItem{RecordActivity, i, r.ID, r.Title, r.Date, r.Date, r.Evidences(),
			evClone(r.Actions), evClone(r.Principles)})
	}
	for i := range s.LayInvolvement {
		r := &s.LayInvolvement[i]
		out = append(out, EvidenceItem{RecordLayInvolvement, i, r.ID, r.Title, r.Start, end(r.End), r.Evidences(), evClone(r.Actions), nil})
	}
	for i := range s.Partnerships {
		r := &s.Partnerships[i]
		out = append(out, EvidenceItem{RecordPartnership, i, r.ID, r.Title, r.Signed, end(r.End), r.Evidences(), evClone(r.Actions), nil})
	}
	for i := range s.Training {
		r := &s.Training[i]
		out = append(out, EvidenceItem{RecordTraining, i, r.ID, r.Title, r.Date, r.Date, r.Evidences(), evClone(r.Actions), nil})
	}
	for i := range s.Procurements {
		r := &s.Procurements[i]
		out = append(out, EvidenceItem{RecordProcurement, i, r.ID, r.Title, r.Awarded, r.Awarded, r.Evidences(), evClone(r.Actions), nil})
	}
	for i := range s.Documents {
		r := &s.Documents[i]
		out = append(out, EvidenceItem{RecordDocument, i, r.ID, r.Title, r.Date, end(r.Until), r.Evidences(), evClone(r.Actions), nil})
	}
	return out
}

func evClone[T any](s []T) []T {
	if len(s) == 0 {
		return nil
	}
	return append([]T(nil), s...)
}

func (s *EvidenceSet) records() int {
	return len(s.Activities) + len(s.LayInvolvement) + len(s.Partnerships) + len(s.Training) +
		len(s.Procurements) + len(s.Documents) + len(s.Community)
}

// ParseEvidence reads an evidence document: it checks the JSON against the schema
// (schemas.Evidence; a failure is a *schemas.Error matching schemas.ErrInvalid), decodes it,
// and checks its meaning with Validate, reporting every problem at once as *FieldErrors
// located by JSON Pointer.
func ParseEvidence(data []byte) (EvidenceSet, error) {
	if err := schemas.Validate(schemas.Evidence, data); err != nil {
		return EvidenceSet{}, err
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil {
		return EvidenceSet{}, &FieldError{Err: ErrOutOfRange, Detail: "a JSON object"}
	}
	var s EvidenceSet
	var l field.List
	if v, ok := raw["$schema"]; ok {
		_ = json.Unmarshal(v, &s.Schema)
	}
	s.Activities = evDecode[Activity](raw, "activities", &l)
	s.LayInvolvement = evDecode[LayInvolvement](raw, "layInvolvement", &l)
	s.Partnerships = evDecode[Partnership](raw, "partnerships", &l)
	s.Training = evDecode[Training](raw, "training", &l)
	s.Procurements = evDecode[Procurement](raw, "procurements", &l)
	s.Documents = evDecode[Document](raw, "documents", &l)
	s.Community = evDecode[CommunityProfile](raw, "community", &l)
	if err := l.Err(); err != nil {
		return EvidenceSet{}, err
	}
	if err := s.Validate(); err != nil {
		return EvidenceSet{}, err
	}
	return s, nil
}

// evDecode decodes one list of the document element by element, so that a value the schema
// lets through but the types refuse (a date before 1900, an indicator ID that the catalogue
// has retired) is reported at its element.
func evDecode[T any](raw map[string]json.RawMessage, name string, l *field.List) []T {
	v, ok := raw[name]
	if !ok {
		return nil
	}
	var elems []json.RawMessage
	if err := json.Unmarshal(v, &elems); err != nil {
		l.Add("/"+name, ErrOutOfRange, "an array of records")
		return nil
	}
	out := make([]T, len(elems))
	for i, e := range elems {
		if err := json.Unmarshal(e, &out[i]); err != nil {
			at := "/" + name + "/" + strconv.Itoa(i)
			switch {
			case errors.Is(err, ErrUnknownIndicator):
				l.Add(at+"/indicators", ErrUnknownIndicator, "IDs of indicators in the catalogue")
			default:
				detail := "a record as the schema describes it"
				var fe *FieldError
				if errors.As(err, &fe) && fe.Detail != "" {
					detail = fe.Detail
				}
				l.Add(at, ErrOutOfRange, detail)
			}
		}
	}
	return out
}

// Validate checks the meaning of every record, reporting every problem at once, located by
// JSON Pointer ("/activities/2/participants/groups/0/count"):
//
//   - every record has an ID slug, unique across the set, and a title; its indicators are in
//     the catalogue and its actions are key actions, each listed once;
//   - dates are given, and an end is not before its start;
//   - enumerations (level, approach, programme level, roles, partner kind, audience,
//     supplier sector) are valid; an activity serves at least one principle;
//   - counts are whole numbers from 0 to MaxEvidenceCount, the counts of one dimension of
//     an activity's participants add up to at most its total, and positive experiences to
//     at most the respondents, who are at most the participants;
//   - a contract's value is not negative, and a social value weighting is a fraction given
//     only when the Act was used;
//   - a document names at least one indicator or action;
//   - a community profile's area is a GSS or ODS code, its groups are distinct slugs with
//     positive, finite counts.
func (s *EvidenceSet) Validate() error {
	var l field.List
	if n := s.records(); n > MaxEvidenceRecords {
		l.Add("", ErrOutOfRange, "at most "+strconv.Itoa(MaxEvidenceRecords)+" records")
		return l.Err()
	}
	ids := make(map[string]string, s.records())
	id := func(at, v string) {
		if !measure.IsSlug(v) {
			l.Add(at+"/id", ErrRequired, "an identifier slug")
			return
		}
		if prev, dup := ids[v]; dup {
			l.Add(at+"/id", ErrDuplicate, "an ID not used by "+prev)
			return
		}
		ids[v] = at
	}
	for i := range s.Activities {
		at := "/activities/" + strconv.Itoa(i)
		id(at, s.Activities[i].ID)
		s.Activities[i].evValidate(&l, at)
	}
	for i := range s.LayInvolvement {
		at := "/layInvolvement/" + strconv.Itoa(i)
		id(at, s.LayInvolvement[i].ID)
		s.LayInvolvement[i].evValidate(&l, at)
	}
	for i := range s.Partnerships {
		at := "/partnerships/" + strconv.Itoa(i)
		id(at, s.Partnerships[i].ID)
		s.Partnerships[i].evValidate(&l, at)
	}
	for i := range s.Training {
		at := "/training/" + strconv.Itoa(i)
		id(at, s.Training[i].ID)
		s.Training[i].evValidate(&l, at)
	}
	for i := range s.Procurements {
		at := "/procurements/" + strconv.Itoa(i)
		id(at, s.Procurements[i].ID)
		s.Procurements[i].evValidate(&l, at)
	}
	for i := range s.Documents {
		at := "/documents/" + strconv.Itoa(i)
		id(at, s.Documents[i].ID)
		s.Documents[i].evValidate(&l, at)
	}
	for i := range s.Community {
		at := "/community/" + strconv.Itoa(i)
		id(at, s.Community[i].ID)
		s.Community[i].evValidate(&l, at)
	}
	return l.Err()
}

func evText(l *field.List, at, v, what string, required bool, max int) {
	switch {
	case v == "" && required:
		l.Add(at, ErrRequired, what)
	case len(v) > max:
		l.Add(at, ErrOutOfRange, what+" of at most "+strconv.Itoa(max)+" bytes")
	}
}

func evCount(l *field.List, at string, n, min int, what string) bool {
	if n < min || n > MaxEvidenceCount {
		l.Add(at, ErrOutOfRange, what+" from "+strconv.Itoa(min)+" to "+strconv.Itoa(MaxEvidenceCount))
		return false
	}
	return true
}

func evDate(l *field.List, at string, d measure.Date, what string) {
	if d.IsZero() {
		l.Add(at, ErrRequired, what)
	}
}

func evEnd(l *field.List, at string, start measure.Date, end *measure.Date) {
	if end == nil {
		return
	}
	switch {
	case end.IsZero():
		l.Add(at, ErrRequired, "a date, or no field at all while still in force")
	case !start.IsZero() && end.Before(start):
		l.Add(at, ErrOutOfRange, "a last day on or after the first")
	}
}

// evList checks a list of enumeration values: at most MaxEvidenceLinks, each valid, none
// twice.
func evList[T comparable](l *field.List, at string, vs []T, valid func(T) bool, what string) {
	if len(vs) > MaxEvidenceLinks {
		l.Add(at, ErrOutOfRange, "at most "+strconv.Itoa(MaxEvidenceLinks)+" entries")
		return
	}
	for i, v := range vs {
		p := at + "/" + strconv.Itoa(i)
		if !valid(v) {
			l.Add(p, ErrOutOfRange, what)
			continue
		}
		for _, w := range vs[:i] {
			if w == v {
				l.Add(p, ErrDuplicate, "each entry once")
				break
			}
		}
	}
}

func (r *EvidenceRecord) evValidate(l *field.List, at string) {
	evText(l, at+"/title", r.Title, "a title", true, MaxEvidenceText)
	evText(l, at+"/source", r.Source, "a source", false, MaxEvidenceText)
	evList(l, at+"/indicators", r.Indicators, func(id ID) bool { _, ok := catIndex[id]; return ok },
		"the canonical ID of an indicator in the catalogue")
	evList(l, at+"/actions", r.Actions, principle.Action.Valid, "one of the statutory guidance's ten key actions")
}

func (a *Activity) evValidate(l *field.List, at string) {
	a.EvidenceRecord.evValidate(l, at)
	evDate(l, at+"/date", a.Date, "the day of the activity")
	if !a.Level.Valid() {
		l.Add(at+"/level", ErrRequired, "an empowerment level: individual, services or system")
	}
	if !a.Approach.Valid() {
		l.Add(at+"/approach", ErrRequired, "an engagement approach such as co-production or consultation")
	}
	if len(a.Principles) == 0 {
		l.Add(at+"/principles", ErrRequired, "at least one principle the activity served")
	}
	evList(l, at+"/principles", a.Principles, principle.Principle.Valid, "one of the six principles")
	evList(l, at+"/feedback", a.Feedback, FeedbackStep.Valid, "a step of the feedback loop")
	totalOK := evCount(l, at+"/participants/total", a.Participants.Total, 0, "a number of participants")
	gs := a.Participants.Groups
	if len(gs) > MaxEvidenceLinks {
		l.Add(at+"/participants/groups", ErrOutOfRange, "at most "+strconv.Itoa(MaxEvidenceLinks)+" groups")
	} else {
		sums := map[string]int{}
		bad := map[string]bool{}
		for i, g := range gs {
			p := at + "/participants/groups/" + strconv.Itoa(i)
			if err := g.Group.Validate(); err != nil {
				l.AddError(p, err)
				continue
			}
			if !evCount(l, p+"/count", g.Count, 0, "a number of participants") {
				bad[g.Dimension] = true
				continue
			}
			for _, h := range gs[:i] {
				if h.Group == g.Group {
					l.Add(p, ErrDuplicate, "each group once")
					bad[g.Dimension] = true
					break
				}
			}
			sums[g.Dimension] += g.Count
		}
		if totalOK {
			for i, g := range gs {
				if sums[g.Dimension] > a.Participants.Total && !bad[g.Dimension] {
					l.Add(at+"/participants/groups/"+strconv.Itoa(i), ErrMismatch,
						"counts of dimension "+g.Dimension+" that add up to at most the total participants")
					bad[g.Dimension] = true
				}
			}
		}
	}
	if e := a.Experience; e != nil {
		if evCount(l, at+"/experience/respondents", e.Respondents, 0, "a number of respondents") &&
			evCount(l, at+"/experience/positive", e.Positive, 0, "a number of respondents") {
			if e.Positive > e.Respondents {
				l.Add(at+"/experience/positive", ErrOutOfRange, "at most the number of respondents")
			}
			if totalOK && e.Respondents > a.Participants.Total {
				l.Add(at+"/experience/respondents", ErrMismatch, "at most the number of participants")
			}
		}
	}
	evText(l, at+"/changes", a.Changes, "an account of what changed", false, MaxEvidenceNote)
}

func (r *LayInvolvement) evValidate(l *field.List, at string) {
	r.EvidenceRecord.evValidate(l, at)
	evText(l, at+"/programme", r.Programme, "the programme's name", true, MaxEvidenceText)
	if !r.Level.Valid() {
		l.Add(at+"/level", ErrRequired, "a programme level such as governance")
	}
	if len(r.Roles) == 0 {
		l.Add(at+"/roles", ErrRequired, "at least one lay role")
	}
	evList(l, at+"/roles", r.Roles, LayRole.Valid, "a lay role such as expert-by-experience")
	evCount(l, at+"/members", r.Members, 1, "a number of lay members")
	evDate(l, at+"/start", r.Start, "the first day lay members took part")
	evEnd(l, at+"/end", r.Start, r.End)
}

func (r *Partnership) evValidate(l *field.List, at string) {
	r.EvidenceRecord.evValidate(l, at)
	evText(l, at+"/partner", r.Partner, "the partner's name", true, MaxEvidenceText)
	if !r.Kind.Valid() {
		l.Add(at+"/kind", ErrRequired, "a kind of partner such as vcse or healthwatch")
	}
	evDate(l, at+"/signed", r.Signed, "the day the agreement was signed")
	evEnd(l, at+"/end", r.Signed, r.End)
}

func (r *Training) evValidate(l *field.List, at string) {
	r.EvidenceRecord.evValidate(l, at)
	evDate(l, at+"/date", r.Date, "the day of the training")
	if !r.Audience.Valid() {
		l.Add(at+"/audience", ErrRequired, "who was trained, such as lay-leaders")
	}
	evCount(l, at+"/trained", r.Trained, 1, "a number of people trained")
}

// evMaxContract bounds a contract's value: 18 integer digits, as engage's money format allows.
var evMaxContract = decimal.New(1, 18)

func (r *Procurement) evValidate(l *field.List, at string) {
	r.EvidenceRecord.evValidate(l, at)
	evDate(l, at+"/awarded", r.Awarded, "the day the contract was awarded")
	if r.Value.IsNegative() || r.Value.Cmp(evMaxContract) >= 0 {
		l.Add(at+"/value", ErrOutOfRange, "a contract value from 0 to less than 1e18 pounds")
	}
	if !r.Supplier.Valid() {
		l.Add(at+"/supplier", ErrRequired, "the supplier's sector: vcse, private or public")
	}
	if w := r.SocialValueWeighting; w != nil {
		switch {
		case !r.SocialValueAct:
			l.Add(at+"/socialValueWeighting", ErrMismatch, "a weighting only when the Social Value Act was used")
		case !(*w >= 0 && *w <= 1):
			l.Add(at+"/socialValueWeighting", ErrOutOfRange, "a fraction in [0, 1]")
		}
	}
}

func (r *Document) evValidate(l *field.List, at string) {
	r.EvidenceRecord.evValidate(l, at)
	evDate(l, at+"/date", r.Date, "the day the document was published or adopted")
	evEnd(l, at+"/until", r.Date, r.Until)
	if len(r.Indicators) == 0 && len(r.Actions) == 0 {
		l.Add(at+"/indicators", ErrRequired, "the indicators or key actions the document evidences")
	}
}

func (c *CommunityProfile) evValidate(l *field.List, at string) {
	if c.Area == "" {
		l.Add(at+"/area", ErrRequired, "an ONS GSS code or NHS ODS organisation code")
	} else if !c.Area.Valid() {
		l.Add(at+"/area", ErrOutOfRange, "an ONS GSS code or NHS ODS organisation code, in capitals")
	}
	if !measure.IsSlug(c.Dimension) {
		l.Add(at+"/dimension", ErrRequired, "a dimension slug such as ethnic-group")
	}
	evText(l, at+"/source", c.Source, "the census table, estimate or register", true, MaxEvidenceText)
	if c.Date != nil && c.Date.IsZero() {
		l.Add(at+"/date", ErrRequired, "a date")
	}
	switch {
	case len(c.Groups) == 0:
		l.Add(at+"/groups", ErrRequired, "the number of people in each group")
	case len(c.Groups) > MaxEvidenceLinks:
		l.Add(at+"/groups", ErrOutOfRange, "at most "+strconv.Itoa(MaxEvidenceLinks)+" groups")
	default:
		for i, g := range c.Groups {
			p := at + "/groups/" + strconv.Itoa(i)
			if !measure.IsSlug(g.Value) {
				l.Add(p+"/value", ErrRequired, "a group slug")
			} else {
				for _, h := range c.Groups[:i] {
					if h.Value == g.Value {
						l.Add(p+"/value", ErrDuplicate, "each group once")
						break
					}
				}
			}
			if !(g.Count > 0 && g.Count <= MaxMagnitude) || math.IsInf(g.Count, 0) {
				l.Add(p+"/count", ErrOutOfRange, "a number of people greater than 0 and at most 1e15")
			}
		}
	}
}
