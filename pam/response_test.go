package pam

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/peopleandcommunities/engage/schemas"
	"pgregory.net/rapid"
)

func TestParseResponse(t *testing.T) {
	full13 := Response{Form: PAM13, Answers: [NumItems]Answer{
		Agree, AgreeStrongly, NotApplicable, Agree, Agree, Disagree, Agree, Agree, Agree, Disagree, Agree, Agree, DisagreeStrongly}}
	pam10 := Response{Form: PAM10, Answers: [NumItems]Answer{
		PA1 - 1: Agree, PA2 - 1: Agree, PA4 - 1: NotApplicable, PA5 - 1: Disagree, PA6 - 1: Agree,
		PA7 - 1: Agree, PA10 - 1: AgreeStrongly, PA11 - 1: Agree, PA12 - 1: Disagree}}
	for _, c := range []struct {
		name string
		doc  string
		want Response
	}{
		{"engage coding", `{"form":"pam-13","id":"r-0001","date":"2026-04-01","answers":{
			"pa1":"agree","pa2":"agree-strongly","pa3":"not-applicable","pa4":"agree","pa5":"agree","pa6":"disagree",
			"pa7":"agree","pa8":"agree","pa9":"agree","pa10":"disagree","pa11":"agree","pa12":"agree","pa13":"disagree-strongly"}}`,
			func() Response { r := full13; r.ID = "r-0001"; r.Date = Date{2026, time.April, 1}; return r }()},
		{"licence holder's coding, all 13 (N/A = 0)", `{"PA1":3,"PA2":4,"PA3":0,"PA4":3,"PA5":3,"PA6":2,"PA7":3,"PA8":3,"PA9":3,"PA10":2,"PA11":3,"PA12":3,"PA13":1}`,
			full13},
		{"licence holder's coding without PA3, PA8, PA9 is PAM-10", `{"PA1":3,"PA2":3,"PA4":0,"PA5":2,"PA6":3,"PA7":3,"PA10":4,"PA11":3,"PA12":2}`,
			pam10},
		{"licence holder's coding with PA9 only of the PAM-13 items is PAM-13", `{"PA9":1}`,
			Response{Form: PAM13, Answers: [NumItems]Answer{PA9 - 1: DisagreeStrongly}}},
		{"licence holder's coding with a form, id and date", `{"form":"pam-13","id":"x","date":"2025-12-31","PA1":4}`,
			Response{Form: PAM13, ID: "x", Date: Date{2025, time.December, 31}, Answers: [NumItems]Answer{AgreeStrongly}}},
		{"an empty licence-holder response is a PAM-10 with nothing answered", `{}`, Response{Form: PAM10}},
		{"engage coding with nothing answered", `{"form":"pam-10","answers":{}}`, Response{Form: PAM10}},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := ParseResponse([]byte(c.doc))
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(c.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestResponseSchemaRejects(t *testing.T) {
	// Each document breaks the pam-response schema; the violation's pointer and code say where
	// and how.
	for _, c := range []struct {
		name string
		doc  string
		want []string
	}{
		{"not an object", `[1,2]`, []string{" type"}},
		{"engage coding without a form", `{"answers":{"pa1":"agree"}}`, []string{"/form required"}},
		{"unknown form", `{"form":"pam-22","answers":{}}`, []string{"/form enum"}},
		{"unknown answer", `{"form":"pam-13","answers":{"pa1":"maybe"}}`, []string{"/answers/pa1 enum"}},
		{"unknown item", `{"form":"pam-13","answers":{"pa14":"agree"}}`, []string{"/answers/pa14 additionalProperties"}},
		{"licence codes inside answers", `{"form":"pam-13","answers":{"pa1":3}}`, []string{"/answers/pa1 type"}},
		{"both codings", `{"form":"pam-13","answers":{},"PA1":3}`, []string{"/PA1 additionalProperties"}},
		{"licence code too high", `{"PA1":5}`, []string{"/PA1 maximum"}},
		{"licence code negative", `{"PA2":-1}`, []string{"/PA2 minimum"}},
		{"licence code as text", `{"PA3":"3"}`, []string{"/PA3 type"}},
		{"licence code fractional", `{"PA4":2.5}`, []string{"/PA4 type"}},
		{"lowercase licence member", `{"pa1":3}`, []string{"/pa1 additionalProperties"}},
		{"impossible date", `{"form":"pam-13","date":"2026-02-30","answers":{}}`, []string{"/date format"}},
		{"id too long", `{"PA1":3,"id":"` + strings.Repeat("x", 129) + `"}`, []string{"/id maxLength"}},
		{"trailing data", `{"PA1":3} {}`, []string{" syntax"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := ParseResponse([]byte(c.doc))
			if diff := cmp.Diff(c.want, violations(t, err)); diff != "" {
				t.Errorf("violations (-want +got):\n%s", diff)
			}
		})
	}
}

func TestParseResponseMeaning(t *testing.T) {
	// Documents that pass the schema but not Validate, located in the coding they came in.
	for _, c := range []struct {
		name string
		doc  string
		want []string
	}{
		{"PAM-10 answering item 3, engage coding", `{"form":"pam-10","answers":{"pa3":"agree","pa9":"agree"}}`,
			[]string{"/answers/pa3: pam: item not on the response's form", "/answers/pa9: pam: item not on the response's form"}},
		{"PAM-10 answering item 8, licence holder's coding", `{"form":"pam-10","PA8":3}`,
			[]string{"/PA8: pam: item not on the response's form"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := ParseResponse([]byte(c.doc))
			if errors.Is(err, schemas.ErrInvalid) {
				t.Fatalf("rejected by the schema: %v", err)
			}
			if diff := cmp.Diff(c.want, fieldProblems(err)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestResponseUnmarshalJSON(t *testing.T) {
	// json.Unmarshal bypasses the schema; UnmarshalJSON still reports located, classified
	// problems.
	for _, c := range []struct {
		name  string
		doc   string
		want  []string
		class error
	}{
		{"unknown answer", `{"form":"pam-13","answers":{"pa1":"maybe"}}`, []string{"/answers/pa1: engage: unknown value"}, ErrUnknown},
		{"answer not text", `{"form":"pam-13","answers":{"pa1":3}}`, []string{"/answers/pa1: pam: value out of range"}, ErrOutOfRange},
		{"uppercase item in answers", `{"form":"pam-13","answers":{"PA1":"agree"}}`, []string{"/answers/PA1: pam: unexpected member"}, ErrUnexpected},
		{"licence code out of range", `{"PA1":9}`, []string{"/PA1: pam: value out of range"}, ErrOutOfRange},
		{"both codings", `{"form":"pam-13","answers":{},"PA1":1}`, []string{"/PA1: pam: unexpected member"}, ErrUnexpected},
		{"unknown member", `{"PA1":1,"score":50}`, []string{"/score: pam: unexpected member"}, ErrUnexpected},
		{"form missing", `{"answers":{"pa1":"agree"}}`, []string{"/form: pam: required value missing"}, ErrMissing},
		{"unknown form", `{"form":"pam-22","PA1":1}`, []string{"/form: engage: unknown value"}, ErrUnknown},
		{"bad date", `{"date":"01/04/2026","PA1":1}`, []string{"/date: pam: value out of range"}, ErrOutOfRange},
		{"id not text", `{"id":7,"PA1":1}`, []string{"/id: pam: value out of range"}, ErrOutOfRange},
		{"not an object", `"PA1"`, []string{": pam: unexpected member"}, ErrUnexpected},
		{"null", `null`, []string{": pam: unexpected member"}, ErrUnexpected},
	} {
		t.Run(c.name, func(t *testing.T) {
			var r Response
			err := json.Unmarshal([]byte(c.doc), &r)
			if !errors.Is(err, c.class) {
				t.Errorf("error %v does not match %v", err, c.class)
			}
			if diff := cmp.Diff(c.want, fieldProblems(err)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestNewResponse(t *testing.T) {
	r, err := NewResponse(PAM10, Agree, Agree, Disagree, Agree, AgreeStrongly, NotAnswered, Agree, NotApplicable, Agree, Disagree)
	if err != nil {
		t.Fatal(err)
	}
	// PAM-10's answers go to PAM-13 items 1, 2, 4, 5, 6, 7, 10, 11, 12, 13.
	want := [NumItems]Answer{PA1 - 1: Agree, PA2 - 1: Agree, PA4 - 1: Disagree, PA5 - 1: Agree, PA6 - 1: AgreeStrongly,
		PA10 - 1: Agree, PA11 - 1: NotApplicable, PA12 - 1: Agree, PA13 - 1: Disagree}
	if r.Answers != want || r.Answer(PA13) != Disagree || r.Answer(PA3) != NotAnswered || r.Answer(Item(0)) != NotAnswered {
		t.Errorf("answers %v", r.Answers)
	}
	if _, err := NewResponse(PAM13, Agree); !errors.Is(err, ErrInconsistent) {
		t.Errorf("one answer for PAM-13: %v", err)
	}
	if _, err := NewResponse(0); !errors.Is(err, ErrMissing) {
		t.Errorf("no form: %v", err)
	}
	if _, err := NewResponse(PAM10, Agree, Agree, Answer(7), Agree, Agree, Agree, Agree, Agree, Agree, Agree); !errors.Is(err, ErrOutOfRange) {
		t.Errorf("answer 7: %v", err)
	}
	if err := r.Set(PA3, Agree); err != nil || r.Validate() == nil {
		t.Errorf("setting item 3 on PAM-10 is caught by Validate: %v", err)
	}
	if err := r.Set(Item(14), Agree); !errors.Is(err, ErrOutOfRange) {
		t.Errorf("Set(14): %v", err)
	}
}

// genFullResponse draws a valid response with an identifier and date.
func genFullResponse(t *rapid.T) Response {
	f := rapid.SampledFrom([]Form{PAM13, PAM10}).Draw(t, "form")
	r := genResponse(t, f)
	r.ID = rapid.StringN(0, 20, 128).Draw(t, "id")
	if rapid.Bool().Draw(t, "dated") {
		r.Date = Date{rapid.IntRange(1, 9999).Draw(t, "year"), time.Month(rapid.IntRange(1, 12).Draw(t, "month")), rapid.IntRange(1, 28).Draw(t, "day")}
	}
	return r
}

func TestResponseJSONRoundTrip(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		r := genFullResponse(t)
		b, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		if err := schemas.Validate(schemas.PAMResponse, b); err != nil {
			t.Fatalf("%s does not validate: %v", b, err)
		}
		got, err := ParseResponse(b)
		if err != nil {
			t.Fatalf("%s: %v", b, err)
		}
		if got != r {
			t.Fatalf("round trip: %+v → %s → %+v", r, b, got)
		}
		// The licence holder's coding of the same answers parses to the same answers.
		m := map[string]any{"form": r.Form.String()}
		for it := range r.Form.Items() {
			if a := r.Answers[it-1]; a != NotAnswered {
				m[it.Code()] = a.Code()
			}
		}
		lb, _ := json.Marshal(m)
		lr, err := ParseResponse(lb)
		if err != nil || lr.Answers != r.Answers || lr.Form != r.Form {
			t.Fatalf("licence coding %s: %+v, %v", lb, lr, err)
		}
	})
}

func TestResponseMarshalRefusesInvalid(t *testing.T) {
	r := Response{Form: PAM10, Answers: [NumItems]Answer{PA3 - 1: Agree}}
	if _, err := json.Marshal(r); !errors.Is(err, ErrNotOnForm) {
		t.Errorf("marshalling an invalid response: %v", err)
	}
}

func FuzzParseResponse(f *testing.F) {
	for _, seed := range []string{
		`{"form":"pam-13","id":"r-1","date":"2026-04-01","answers":{"pa1":"agree","pa3":"not-applicable"}}`,
		`{"PA1":3,"PA2":4,"PA3":0,"PA13":1}`,
		`{"form":"pam-10","PA3":3}`,
		`{}`, `[]`, `null`, `{"answers":null}`, `{"form":"pam-13","answers":{"pa1":"Agree"}}`,
		`{"PA1":1e999999}`, `{"PA01":1}`, `{"PA1":3,"PA1":4}`, `{"id":"\u0000"}`,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := ParseResponse(data)
		if err != nil {
			if !classified(err) {
				t.Fatalf("unclassified error %v", err)
			}
			return
		}
		if err := r.Validate(); err != nil {
			t.Fatalf("parsed an invalid response: %v", err)
		}
		b, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		again, err := ParseResponse(b)
		if err != nil || again != r {
			t.Fatalf("re-parse of %s: %+v, %v", b, again, err)
		}
	})
}
