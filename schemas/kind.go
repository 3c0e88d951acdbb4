package schemas

import (
	"fmt"
	"strconv"
	"strings"
)

// Kind names one kind of document that engage reads or writes. The zero value is not a kind.
// Kinds are written as their stable slugs ("pam-response"); the numeric values may change
// between releases and are never a wire format.
type Kind uint8

// The document kinds, each with one embedded schema.
const (
	Catalogue      Kind = 1 + iota // the framework catalogue export (indicator.Export, indicator.ExportJSON)
	PAMResponse                    // one Patient Activation Measure response (pam.Response)
	PAMCalibration                 // a Rasch calibration for PAM scoring (pam.Calibration)
	PAMResult                      // a scored PAM response (pam.Result)
	SROIModel                      // an SROI impact map with its inputs (sroi.Model)
	SROIResult                     // an evaluated SROI model (sroi.Result)
	IndicatorData                  // counts and denominators for indicator statistics
	EqualityData                   // values by group for inequality measures
	Observations                   // values of measures and indicators by area, period and group (measure.ObservationSet)
	Evidence                       // engagement evidence records: activities, lay involvement, partnerships, training, procurement (indicator.EvidenceSet)
	Scorecard                      // a principle-by-principle assessment (assessment.Scorecard)
	kindEnd
)

type kindInfo struct {
	slug string
	file string
	doc  string
}

var kinds = [...]kindInfo{
	Catalogue:      {"catalogue", "catalogue.json", "the framework catalogue: principles, measures of success, indicators and their links"},
	PAMResponse:    {"pam-response", "pam-response.json", "one Patient Activation Measure response"},
	PAMCalibration: {"pam-calibration", "pam-calibration.json", "a Rasch calibration for Patient Activation Measure scoring"},
	PAMResult:      {"pam-result", "pam-result.json", "a scored Patient Activation Measure response"},
	SROIModel:      {"sroi-model", "sroi-model.json", "a Social Return on Investment impact map with its inputs"},
	SROIResult:     {"sroi-result", "sroi-result.json", "an evaluated Social Return on Investment model"},
	IndicatorData:  {"indicator-data", "indicator-data.json", "counts and denominators from which indicator values are computed"},
	EqualityData:   {"equality-data", "equality-data.json", "values by population group for inequality measures"},
	Observations:   {"observations", "observations.json", "values of measures of success and indicators by area, period and group"},
	Evidence:       {"evidence", "evidence.json", "records of engagement: activities, lay involvement, partnerships, training, procurement and documents"},
	Scorecard:      {"scorecard", "scorecard.json", "a principle-by-principle assessment of the evidence against the framework"},
}

// Kinds returns every document kind in declaration order.
func Kinds() []Kind {
	ks := make([]Kind, 0, kindEnd-1)
	for k := Kind(1); k < kindEnd; k++ {
		ks = append(ks, k)
	}
	return ks
}

func (k Kind) valid() bool { return k >= 1 && k < kindEnd }

// String returns the kind's slug, e.g. "pam-response"; an invalid kind prints as %!Kind(n).
func (k Kind) String() string {
	if k.valid() {
		return kinds[k].slug
	}
	return "%!Kind(" + strconv.Itoa(int(k)) + ")"
}

// Description says in a few words what documents of this kind hold.
func (k Kind) Description() string {
	if k.valid() {
		return kinds[k].doc
	}
	return ""
}

// MarshalText returns the kind's slug. An invalid kind is an error.
func (k Kind) MarshalText() ([]byte, error) {
	if !k.valid() {
		return nil, fmt.Errorf("schemas: cannot marshal invalid %s", k)
	}
	return []byte(kinds[k].slug), nil
}

// UnmarshalText parses a slug with ParseKind.
func (k *Kind) UnmarshalText(text []byte) error {
	v, err := ParseKind(string(text))
	if err != nil {
		return err
	}
	*k = v
	return nil
}

// ParseKind returns the kind whose slug is s, ignoring case and surrounding space.
func ParseKind(s string) (Kind, error) {
	t := strings.ToLower(strings.TrimSpace(s))
	for k := Kind(1); k < kindEnd; k++ {
		if kinds[k].slug == t {
			return k, nil
		}
	}
	valid := make([]string, 0, kindEnd-1)
	for k := Kind(1); k < kindEnd; k++ {
		valid = append(valid, kinds[k].slug)
	}
	return 0, fmt.Errorf("%w: %q is not a document kind; valid kinds are %s", ErrUnknownKind, s, strings.Join(valid, ", "))
}
