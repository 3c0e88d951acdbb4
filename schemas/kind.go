package schemas

import (
	"fmt"

	"github.com/peopleandcommunities/engage/internal/enum"
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
	Report                         // an engagement report for a place, principle by principle (examples/report)
	Place                          // a place's input documents bundled for the report (examples/report -in)
	kindEnd
)

type kindInfo struct {
	file string
	doc  string
}

var kinds = [...]kindInfo{
	Catalogue:      {"catalogue.json", "the framework catalogue: principles, measures of success, indicators and their links"},
	PAMResponse:    {"pam-response.json", "one Patient Activation Measure response"},
	PAMCalibration: {"pam-calibration.json", "a Rasch calibration for Patient Activation Measure scoring"},
	PAMResult:      {"pam-result.json", "a scored Patient Activation Measure response"},
	SROIModel:      {"sroi-model.json", "a Social Return on Investment impact map with its inputs"},
	SROIResult:     {"sroi-result.json", "an evaluated Social Return on Investment model"},
	IndicatorData:  {"indicator-data.json", "counts and denominators from which indicator values are computed"},
	EqualityData:   {"equality-data.json", "values by population group for inequality measures"},
	Report:         {"report.json", "an engagement report for a place: the six principles' measures, indicators and computed values"},
	Place:          {"place.json", "a place's input documents for the engagement report: areas, PAM responses, an SROI model, indicator and equality data"},
}

var kindTable = enum.NewTable[Kind]("schemas.Kind",
	[]string{"catalogue", "pam-response", "pam-calibration", "pam-result", "sroi-model", "sroi-result", "indicator-data", "equality-data", "report", "place"},
	nil)

// Kinds returns every document kind in declaration order.
func Kinds() []Kind {
	ks := make([]Kind, 0, kindEnd-1)
	for k := Kind(1); k < kindEnd; k++ {
		ks = append(ks, k)
	}
	return ks
}

// Valid reports whether k is one of the declared kinds.
func (k Kind) Valid() bool { return kindTable.Valid(k) }

// String returns the kind's slug, e.g. "pam-response"; an invalid kind prints as %!Kind(n).
func (k Kind) String() string { return kindTable.String(k) }

// Description says in a few words what documents of this kind hold; "" for an invalid kind.
func (k Kind) Description() string {
	if !k.Valid() {
		return ""
	}
	return kinds[k].doc
}

// File returns the name of the kind's schema file, e.g. "pam-response.json", which is also
// the last segment of its $id; "" for an invalid kind.
func (k Kind) File() string {
	if !k.Valid() {
		return ""
	}
	return kinds[k].file
}

// MarshalText returns the kind's slug. An invalid kind is an error.
func (k Kind) MarshalText() ([]byte, error) { return kindTable.Marshal(k) }

// UnmarshalText parses a slug with ParseKind.
func (k *Kind) UnmarshalText(text []byte) error {
	v, err := ParseKind(string(text))
	if err == nil {
		*k = v
	}
	return err
}

// ParseKind returns the kind whose slug is s, forgiving about case, spaces, underscores and
// typographic dashes ("PAM response" gives PAMResponse). Otherwise it returns an error that
// matches ErrUnknownKind and lists the valid slugs.
func ParseKind(s string) (Kind, error) {
	k, err := kindTable.Parse(s, false)
	if err != nil {
		return 0, fmt.Errorf("%w: %w", ErrUnknownKind, err)
	}
	return k, nil
}
