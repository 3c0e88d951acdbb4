// Package place defines the place bundle: one JSON document (schema kind schemas.Place) that
// holds everything engage's engagement report reads about a place — its small areas and their
// deprivation, Patient Activation Measure responses at baseline and follow-up with each
// respondent's area, deprivation decile and ethnic category, a Social Return on Investment
// impact map, indicator datasets, equality data, observations from other sources and the
// records of engagement with the community profiles they are compared with — each part in
// the form of its own engage document. Parse checks a bundle's shape against its schema, decodes it, and checks its
// meaning, reporting every problem located by JSON Pointer.
package place

import (
	"encoding/json"
	"errors"
	"strconv"
	"time"

	"github.com/peopleandcommunities/engage/equality"
	"github.com/peopleandcommunities/engage/indicator"
	"github.com/peopleandcommunities/engage/internal/field"
	"github.com/peopleandcommunities/engage/measure"
	"github.com/peopleandcommunities/engage/pam"
	"github.com/peopleandcommunities/engage/schemas"
	"github.com/peopleandcommunities/engage/sroi"
)

// Sentinel errors classifying problems of meaning in a bundle; parts that are themselves
// engage documents report with their own packages' sentinels.
var (
	// ErrDuplicate classifies a code or identifier given twice.
	ErrDuplicate = errors.New("place: duplicate identifier")
	// ErrUnknownRef classifies a reference to an area or neighbourhood the bundle lacks.
	ErrUnknownRef = errors.New("place: reference to an unknown area")
	// ErrInconsistent classifies fields that contradict each other.
	ErrInconsistent = errors.New("place: inconsistent fields")
	// ErrRequired classifies a field that must be given.
	ErrRequired = errors.New("place: required field missing")
)

// Bundle is a place's input documents for the engagement report.
type Bundle struct {
	// Title describes the bundle, e.g. "Brackenford engagement evidence, 2025/26".
	Title string `json:"title"`
	// Synthetic marks generated, fictional data; Notice says so in words. A report on a
	// synthetic bundle repeats the notice.
	Synthetic bool   `json:"synthetic,omitempty"`
	Notice    string `json:"notice,omitempty"`
	// Place identifies the place the bundle describes.
	Place Area `json:"place"`
	// Period is the period reported on, e.g. "2025/26"; datasets may hold earlier periods
	// for comparison.
	Period string `json:"period"`
	// IMDEdition is the edition of the Index of Multiple Deprivation that areas' ranks and
	// respondents' deciles come from; required when any is given.
	IMDEdition equality.IMDEdition `json:"imdEdition,omitempty"`
	// Neighbourhoods group the small areas (primary care networks, wards); optional.
	Neighbourhoods []Area `json:"neighbourhoods,omitempty"`
	// Areas are the small areas, with their deprivation and population; optional.
	Areas []SmallArea `json:"areas,omitempty"`
	// PAM holds Patient Activation Measure responses; optional.
	PAM *PAM `json:"pam,omitempty"`
	// SROI is a Social Return on Investment impact map; optional.
	SROI *sroi.Model `json:"sroi,omitempty"`
	// Indicators are indicator datasets, each for one catalogue indicator; optional.
	Indicators []indicator.Dataset `json:"indicators,omitempty"`
	// Equality are equality data documents (representation of participants, values by
	// deprivation quantile); optional.
	Equality []equality.Data `json:"equality,omitempty"`
	// Assessment sets the period the principle-by-principle assessment covers and the day it
	// speaks for; optional (see AssessmentPeriod).
	Assessment *Assessment `json:"assessment,omitempty"`
	// Observations are values of measures and indicators from other sources (surveys,
	// published statistics), an observations document; optional.
	Observations *measure.ObservationSet `json:"observations,omitempty"`
	// Evidence holds records of engagement (activities, lay involvement, partnerships,
	// training, procurement, documents) and community profiles, an evidence document;
	// optional.
	Evidence *indicator.EvidenceSet `json:"evidence,omitempty"`
}

// Assessment is the period a principle-by-principle assessment covers and the day it speaks
// for (engage reads no clock).
type Assessment struct {
	Period measure.Period `json:"period"`
	AsOf   measure.Date   `json:"asOf"`
}

// AssessmentPeriod returns the assessment's period and as-of day: the bundle's Assessment
// when given; otherwise, for a Period written as a financial year ("2025/26"), that year with
// the as-of day at its end. ok is false when neither applies.
func (b *Bundle) AssessmentPeriod() (a Assessment, ok bool) {
	if b.Assessment != nil {
		return *b.Assessment, true
	}
	p, ok := FinancialYear(b.Period)
	if !ok {
		return a, false
	}
	return Assessment{Period: p, AsOf: p.End}, true
}

// FinancialYear returns the period of a financial year written as the NHS and councils write
// it, "2025/26": 1 April 2025 to 31 March 2026, labelled as written. ok is false for any
// other text.
func FinancialYear(label string) (p measure.Period, ok bool) {
	if len(label) != 7 || label[4] != '/' {
		return p, false
	}
	y, err1 := strconv.Atoi(label[:4])
	yy, err2 := strconv.Atoi(label[5:])
	if err1 != nil || err2 != nil || y < 1000 || (y+1)%100 != yy {
		return p, false
	}
	start, err1 := measure.NewDate(y, time.April, 1)
	end, err2 := measure.NewDate(y+1, time.March, 31)
	if err1 != nil || err2 != nil {
		return p, false
	}
	return measure.Period{Start: start, End: end, Label: label}, true
}

// Area identifies a place or a neighbourhood.
type Area struct {
	// Code is the area's code: a GSS code, an ODS code or a local code.
	Code string `json:"code"`
	// Name is the area's name.
	Name string `json:"name"`
}

// SmallArea is one small area (an LSOA or similar) of the place.
type SmallArea struct {
	Code string `json:"code"`
	Name string `json:"name,omitempty"`
	// Neighbourhood is the code of the neighbourhood the area belongs to; optional.
	Neighbourhood string `json:"neighbourhood,omitempty"`
	// IMDRank is the area's rank in the bundle's IMD edition, 1 = most deprived; optional.
	IMDRank int `json:"imdRank,omitempty"`
	// Population is the number of residents; optional.
	Population int `json:"population,omitempty"`
}

// PAM holds Patient Activation Measure responses at baseline and follow-up.
type PAM struct {
	// Calibration scores the responses; absent means pam.Hellstrom2019, the published
	// Swedish calibration (not the licence holder's).
	Calibration *pam.Calibration `json:"calibration,omitempty"`
	// LevelScheme bands scores into levels; absent means pam.Insignia2024.
	LevelScheme pam.LevelScheme `json:"levelScheme,omitempty"`
	// Respondents are the people measured.
	Respondents []Respondent `json:"respondents"`
}

// Respondent is one person's baseline and, if taken, follow-up responses, with what is known
// of where they live and their ethnic category.
type Respondent struct {
	// ID is a pseudonymous identifier, unique in the bundle.
	ID string `json:"id"`
	// Area is the code of the small area the person lives in; optional.
	Area string `json:"area,omitempty"`
	// IMDDecile is the national IMD decile of where the person lives, 1 (most deprived) …
	// 10; optional, and when absent taken from the area's rank.
	IMDDecile int `json:"imdDecile,omitempty"`
	// EthnicCategory is the NHS ethnic category code; optional.
	EthnicCategory equality.EthnicCategory `json:"ethnicCategory,omitempty"`
	// Baseline is the first response; FollowUp the later one, if taken.
	Baseline pam.Response  `json:"baseline"`
	FollowUp *pam.Response `json:"followUp,omitempty"`
}

// Parse reads a bundle: it checks the document against its schema (schemas.Place; a failure
// is a *schemas.Error listing every violation), decodes it, and checks its meaning with
// Validate (every problem a *field.Error located by JSON Pointer, joined).
func Parse(data []byte) (*Bundle, error) {
	if err := schemas.Validate(schemas.Place, data); err != nil {
		return nil, err
	}
	var b Bundle
	if err := json.Unmarshal(data, &b); err != nil {
		return nil, &field.Error{Err: ErrInconsistent, Detail: "a document that decodes as a place bundle: " + err.Error()}
	}
	if err := b.Validate(); err != nil {
		return nil, err
	}
	return &b, nil
}

// Validate checks the bundle's meaning and reports every problem at once: each part is
// checked by its own package's Validate (its errors located under the part's pointer, e.g.
// "/indicators/1/rows/4/numerator"); codes and identifiers are unique; areas, neighbourhoods
// and deciles that respondents and areas refer to exist and agree; an IMD edition is given
// with ranks and deciles, and every rank is within it; a follow-up is not dated before its
// baseline.
func (b *Bundle) Validate() error {
	var l field.List
	if b.Title == "" {
		l.Add("/title", ErrRequired, "a title")
	}
	if b.Period == "" {
		l.Add("/period", ErrRequired, "the period reported on, e.g. 2025/26")
	}
	if b.Place.Code == "" || b.Place.Name == "" {
		l.Add("/place", ErrRequired, "the place's code and name")
	}
	needEdition := false
	nbs := map[string]bool{}
	for i, n := range b.Neighbourhoods {
		if nbs[n.Code] {
			l.Add(field.Pointer("neighbourhoods", i, "code"), ErrDuplicate, "a code given once")
		}
		nbs[n.Code] = true
	}
	areas := make(map[string]int, len(b.Areas))
	for i, a := range b.Areas {
		if _, dup := areas[a.Code]; dup {
			l.Add(field.Pointer("areas", i, "code"), ErrDuplicate, "a code given once")
		}
		areas[a.Code] = i
		if a.Neighbourhood != "" && !nbs[a.Neighbourhood] {
			l.Add(field.Pointer("areas", i, "neighbourhood"), ErrUnknownRef, "the code of one of the bundle's neighbourhoods")
		}
		if a.IMDRank != 0 {
			needEdition = true
			if b.IMDEdition.Valid() && (a.IMDRank < 1 || a.IMDRank > b.IMDEdition.LSOAs()) {
				l.Add(field.Pointer("areas", i, "imdRank"), equality.ErrOutOfRange,
					"a rank from 1 to "+strconv.Itoa(b.IMDEdition.LSOAs())+" in "+b.IMDEdition.String())
			}
		}
	}
	if b.PAM != nil {
		b.validatePAM(&l, areas, &needEdition)
	}
	if needEdition && !b.IMDEdition.Valid() {
		l.Add("/imdEdition", ErrRequired, "the IMD edition the ranks and deciles come from")
	}
	if b.SROI != nil {
		l.AddError("/sroi", b.SROI.Validate())
	}
	for i := range b.Indicators {
		l.AddError(field.Pointer("indicators", i), b.Indicators[i].Validate())
	}
	for i := range b.Equality {
		l.AddError(field.Pointer("equality", i), b.Equality[i].Validate())
	}
	if a := b.Assessment; a != nil {
		l.AddError("/assessment/period", a.Period.Validate())
		if a.AsOf.IsZero() {
			l.Add("/assessment/asOf", ErrRequired, "the day the assessment speaks for")
		} else if a.Period.Validate() == nil && a.AsOf.Before(a.Period.Start) {
			l.Add("/assessment/asOf", ErrInconsistent, "a day on or after the period's start")
		}
	}
	if b.Observations != nil {
		l.AddError("/observations", b.Observations.Validate())
	}
	if b.Evidence != nil {
		l.AddError("/evidence", b.Evidence.Validate())
	}
	return l.Err()
}

func (b *Bundle) validatePAM(l *field.List, areas map[string]int, needEdition *bool) {
	p := b.PAM
	if p.Calibration != nil {
		l.AddError("/pam/calibration", p.Calibration.Validate())
	}
	if p.LevelScheme != 0 && !p.LevelScheme.Valid() {
		l.Add("/pam/levelScheme", pam.ErrOutOfRange, "a level scheme: hibbard-2005 or insignia-2024")
	}
	ids := make(map[string]bool, len(p.Respondents))
	for i, r := range p.Respondents {
		at := func(tokens ...any) string { return field.Pointer(append([]any{"pam", "respondents", i}, tokens...)...) }
		if r.ID == "" {
			l.Add(at("id"), ErrRequired, "an identifier")
		} else if ids[r.ID] {
			l.Add(at("id"), ErrDuplicate, "an identifier given once")
		}
		ids[r.ID] = true
		if r.Area != "" {
			ai, ok := areas[r.Area]
			switch {
			case !ok:
				l.Add(at("area"), ErrUnknownRef, "the code of one of the bundle's areas")
			case r.IMDDecile != 0 && b.Areas[ai].IMDRank != 0 && b.IMDEdition.Valid():
				if d, err := equality.DeprivationDecile(b.IMDEdition, b.Areas[ai].IMDRank); err == nil && d.Group != r.IMDDecile {
					l.Add(at("imdDecile"), ErrInconsistent, "the decile of the area's IMD rank")
				}
			}
		}
		if r.IMDDecile != 0 {
			*needEdition = true
			if r.IMDDecile < 1 || r.IMDDecile > 10 {
				l.Add(at("imdDecile"), equality.ErrOutOfRange, "a decile from 1 to 10")
			}
		}
		if r.EthnicCategory != 0 && !r.EthnicCategory.Valid() {
			l.Add(at("ethnicCategory"), equality.ErrUnknownValue, "an NHS ethnic category code")
		}
		l.AddError(at("baseline"), r.Baseline.Validate())
		if r.FollowUp != nil {
			l.AddError(at("followUp"), r.FollowUp.Validate())
			bd, fd := r.Baseline.Date, r.FollowUp.Date
			if bd.Valid() && fd.Valid() && bd.DaysUntil(fd) < 0 {
				l.Add(at("followUp", "date"), ErrInconsistent, "a date on or after the baseline's")
			}
		}
	}
}

// Deciles returns the IMD decile of each respondent, in order: the respondent's own, or
// that of its area's rank; 0 when neither is known.
func (b *Bundle) Deciles() []int {
	if b.PAM == nil {
		return nil
	}
	byArea := make(map[string]int, len(b.Areas))
	for _, a := range b.Areas {
		if d, err := equality.DeprivationDecile(b.IMDEdition, a.IMDRank); err == nil {
			byArea[a.Code] = d.Group
		}
	}
	out := make([]int, len(b.PAM.Respondents))
	for i, r := range b.PAM.Respondents {
		out[i] = r.IMDDecile
		if out[i] == 0 {
			out[i] = byArea[r.Area]
		}
	}
	return out
}
