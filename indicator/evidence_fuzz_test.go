package indicator_test

import (
	"encoding/json"
	"errors"
	"os"
	"testing"

	"github.com/peopleandcommunities/engage/indicator"
	"github.com/peopleandcommunities/engage/principle"
	"github.com/peopleandcommunities/engage/schemas"
)

// FuzzParseEvidence: any input either parses into a set that validates, marshals to a valid
// document and parses back the same, or gives an error of a documented class. Nothing panics.
func FuzzParseEvidence(f *testing.F) {
	if data, err := os.ReadFile("testdata/evidence.json"); err == nil {
		f.Add(data)
	}
	for _, s := range []string{``, `{}`, `[]`, `{"activities":[]}`, `{"activities":[{}]}`,
		`{"training":[{"id":"a","title":"t","date":"1850-01-01","audience":"staff","trained":1}]}`,
		`{"procurements":[{"id":"a","title":"t","awarded":"2025-01-01","value":"1e5","socialValueAct":false,"supplier":"vcse"}]}`,
		`{"community":[{"id":"c","area":"QYG","dimension":"sex","groups":[{"value":"f","count":1e300}],"source":"s"}]}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := indicator.ParseEvidence(data)
		if err != nil {
			for _, class := range []error{schemas.ErrInvalid, schemas.ErrInternal, indicator.ErrOutOfRange, indicator.ErrRequired,
				indicator.ErrDuplicate, indicator.ErrMismatch, indicator.ErrUnknownIndicator} {
				if errors.Is(err, class) {
					return
				}
			}
			t.Fatalf("unclassified error %v", err)
		}
		out, err := json.Marshal(s)
		if err != nil {
			t.Fatalf("marshal: %v", err)
		}
		if _, err := indicator.ParseEvidence(out); err != nil {
			t.Fatalf("re-parse: %v", err)
		}
	})
}

// FuzzParseEvidenceEnumerations: every evidence enumeration either parses to a value whose slug
// parses back to it, or refuses with an error matching principle.ErrUnknown.
func FuzzParseEvidenceEnumerations(f *testing.F) {
	for _, s := range []string{"co-production", "EBCD", "you said, we did", "3", "governance", "ppg", "workforce",
		"NHS", "activities", "", "\xff", "ｃｏ-ｐｒｏｄｕｃｔｉｏｎ"} {
		f.Add(s)
	}
	check := func(t *testing.T, name string, slug string, err error, again func(string) (string, error)) {
		if err != nil {
			if !errors.Is(err, principle.ErrUnknown) {
				t.Fatalf("%s: %v", name, err)
			}
			return
		}
		if back, err := again(slug); err != nil || back != slug {
			t.Fatalf("%s %q does not round-trip", name, slug)
		}
	}
	f.Fuzz(func(t *testing.T, s string) {
		a, err := indicator.ParseEngagementApproach(s)
		check(t, "approach", a.String(), err, func(x string) (string, error) { v, e := indicator.ParseEngagementApproach(x); return v.String(), e })
		st, err := indicator.ParseFeedbackStep(s)
		check(t, "step", st.String(), err, func(x string) (string, error) { v, e := indicator.ParseFeedbackStep(x); return v.String(), e })
		l, err := indicator.ParseProgrammeLevel(s)
		check(t, "level", l.String(), err, func(x string) (string, error) { v, e := indicator.ParseProgrammeLevel(x); return v.String(), e })
		r, err := indicator.ParseLayRole(s)
		check(t, "role", r.String(), err, func(x string) (string, error) { v, e := indicator.ParseLayRole(x); return v.String(), e })
		k, err := indicator.ParsePartnerKind(s)
		check(t, "partner", k.String(), err, func(x string) (string, error) { v, e := indicator.ParsePartnerKind(x); return v.String(), e })
		au, err := indicator.ParseTrainingAudience(s)
		check(t, "audience", au.String(), err, func(x string) (string, error) { v, e := indicator.ParseTrainingAudience(x); return v.String(), e })
		se, err := indicator.ParseSupplierSector(s)
		check(t, "sector", se.String(), err, func(x string) (string, error) { v, e := indicator.ParseSupplierSector(x); return v.String(), e })
		rk, err := indicator.ParseRecordKind(s)
		check(t, "record kind", rk.String(), err, func(x string) (string, error) { v, e := indicator.ParseRecordKind(x); return v.String(), e })
	})
}
