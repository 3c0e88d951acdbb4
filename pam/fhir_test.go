package pam

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func fhirProblems(err error) []string {
	var out []string
	var walk func(error)
	walk = func(e error) {
		if j, ok := e.(interface{ Unwrap() []error }); ok {
			for _, x := range j.Unwrap() {
				walk(x)
			}
			return
		}
		var fe *FieldError
		if errors.As(e, &fe) {
			out = append(out, fe.Path)
		}
	}
	if err != nil {
		walk(err)
	}
	return out
}

// TestParseFHIR reads the fictional resource in testdata: items in a group and at the top
// level, integer and coded answers, a blank item (PA7, no answer; PA11, an empty answer
// list), lower-case linkId, ignored meta, text, subject and extensions.
func TestParseFHIR(t *testing.T) {
	data, err := os.ReadFile("testdata/fhir-questionnaire-response.json")
	if err != nil {
		t.Fatal(err)
	}
	r, err := ParseFHIR(data, FHIROptions{})
	if err != nil {
		t.Fatalf("ParseFHIR: %v", err)
	}
	want := Response{Form: PAM13, ID: "pam-qr-0001", Date: Date{2025, 3, 31}, Answers: [NumItems]Answer{
		AgreeStrongly, Agree, Agree, AgreeStrongly, Disagree, NotApplicable, NotAnswered,
		NotApplicable, DisagreeStrongly, Agree, NotAnswered, Agree, AgreeStrongly,
	}}
	if diff := cmp.Diff(want, r); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestParseFHIRForms(t *testing.T) {
	pam10 := `{"resourceType":"QuestionnaireResponse","status":"amended","item":[
		{"linkId":"PA1","answer":[{"valueInteger":1}]},{"linkId":"PA2","answer":[{"valueInteger":2}]},
		{"linkId":"PA4","answer":[{"valueInteger":3}]},{"linkId":"PA13","answer":[{"valueInteger":4}]}]}`
	r, err := ParseFHIR([]byte(pam10), FHIROptions{})
	if err != nil || r.Form != PAM10 || r.Answers[PA13-1] != AgreeStrongly || !r.Date.IsZero() {
		t.Errorf("without PA3, PA8 or PA9: %+v, %v", r, err)
	}
	r, err = ParseFHIR([]byte(pam10), FHIROptions{Form: PAM13})
	if err != nil || r.Form != PAM13 {
		t.Errorf("with the form given: %+v, %v", r, err)
	}
	// PA3 left blank still marks the response as PAM-13.
	blank3 := `{"resourceType":"QuestionnaireResponse","status":"completed","item":[{"linkId":"PA3"},{"linkId":"PA1","answer":[{"valueInteger":4}]}]}`
	if r, err := ParseFHIR([]byte(blank3), FHIROptions{}); err != nil || r.Form != PAM13 {
		t.Errorf("blank PA3: %v, %v", r.Form, err)
	}
	// Another question is an error unless allowed.
	other := `{"resourceType":"QuestionnaireResponse","status":"completed","item":[{"linkId":"consent","answer":[{"valueBoolean":true}]},{"linkId":"PA1","answer":[{"valueInteger":4}]}]}`
	if _, err := ParseFHIR([]byte(other), FHIROptions{}); !errors.Is(err, ErrUnexpected) {
		t.Errorf("other item: %v", err)
	}
	if r, err := ParseFHIR([]byte(other), FHIROptions{OtherItems: true}); err != nil || r.Answers[0] != AgreeStrongly {
		t.Errorf("other item allowed: %v, %v", r, err)
	}
}

func TestParseFHIRErrors(t *testing.T) {
	const ok = `"resourceType":"QuestionnaireResponse","status":"completed"`
	tests := []struct {
		name  string
		doc   string
		opts  FHIROptions
		paths []string
		class error
	}{
		{"not JSON", `{`, FHIROptions{}, []string{""}, ErrOutOfRange},
		{"an array", `[]`, FHIROptions{}, []string{""}, ErrOutOfRange},
		{"two values", `{` + ok + `} {}`, FHIROptions{}, []string{""}, ErrOutOfRange},
		{"another resource", `{"resourceType":"Observation","status":"final"}`, FHIROptions{}, []string{"/resourceType", "/status"}, ErrUnexpected},
		{"missing type and status", `{}`, FHIROptions{}, []string{"/resourceType", "/status"}, ErrMissing},
		{"in progress", `{"resourceType":"QuestionnaireResponse","status":"in-progress"}`, FHIROptions{}, []string{"/status"}, ErrUnexpected},
		{"entered in error", `{"resourceType":"QuestionnaireResponse","status":"entered-in-error"}`, FHIROptions{}, []string{"/status"}, ErrUnexpected},
		{"modifier extension", `{` + ok + `,"modifierExtension":[{"url":"x"}]}`, FHIROptions{}, []string{"/modifierExtension"}, ErrUnexpected},
		{"implicit rules", `{` + ok + `,"implicitRules":"https://example.org/rules"}`, FHIROptions{}, []string{"/implicitRules"}, ErrUnexpected},
		{"unknown member", `{` + ok + `,"answers":{}}`, FHIROptions{}, []string{"/answers"}, ErrUnexpected},
		{"bad id", `{` + ok + `,"id":"has space"}`, FHIROptions{}, []string{"/id"}, ErrOutOfRange},
		{"partial date", `{` + ok + `,"authored":"2025-03"}`, FHIROptions{}, []string{"/authored"}, ErrOutOfRange},
		{"bad time", `{` + ok + `,"authored":"2025-03-31T25:00:00Z"}`, FHIROptions{}, []string{"/authored"}, ErrOutOfRange},
		{"no such day", `{` + ok + `,"authored":"2025-02-30"}`, FHIROptions{}, []string{"/authored"}, ErrOutOfRange},
		{"item without linkId", `{` + ok + `,"item":[{"answer":[{"valueInteger":1}]}]}`, FHIROptions{}, []string{"/item/0/linkId"}, ErrMissing},
		{"unknown item", `{` + ok + `,"item":[{"linkId":"PA14","answer":[{"valueInteger":1}]}]}`, FHIROptions{}, []string{"/item/0/linkId"}, ErrUnexpected},
		{"item twice", `{` + ok + `,"item":[{"linkId":"PA1"},{"linkId":"g","item":[{"linkId":"PA1","answer":[{"valueInteger":2}]}]}]}`, FHIROptions{}, []string{"/item/1/item/0/linkId"}, ErrDuplicate},
		{"two answers", `{` + ok + `,"item":[{"linkId":"PA1","answer":[{"valueInteger":1},{"valueInteger":2}]}]}`, FHIROptions{}, []string{"/item/0/answer"}, ErrUnexpected},
		{"code out of range", `{` + ok + `,"item":[{"linkId":"PA1","answer":[{"valueInteger":5}]}]}`, FHIROptions{}, []string{"/item/0/answer/0/valueInteger"}, ErrOutOfRange},
		{"not an integer", `{` + ok + `,"item":[{"linkId":"PA1","answer":[{"valueInteger":2.0}]}]}`, FHIROptions{}, []string{"/item/0/answer/0/valueInteger"}, ErrOutOfRange},
		{"a string value", `{` + ok + `,"item":[{"linkId":"PA1","answer":[{"valueString":"agree"}]}]}`, FHIROptions{}, []string{"/item/0/answer/0/valueString"}, ErrUnexpected},
		{"two values", `{` + ok + `,"item":[{"linkId":"PA1","answer":[{"valueInteger":1,"valueCoding":{"code":"1"}}]}]}`, FHIROptions{}, []string{"/item/0/answer/0"}, ErrUnexpected},
		{"no value", `{` + ok + `,"item":[{"linkId":"PA1","answer":[{}]}]}`, FHIROptions{}, []string{"/item/0/answer/0"}, ErrMissing},
		{"unknown code", `{` + ok + `,"item":[{"linkId":"PA1","answer":[{"valueCoding":{"code":"maybe"}}]}]}`, FHIROptions{}, []string{"/item/0/answer/0/valueCoding/code"}, ErrOutOfRange},
		{"coding without code", `{` + ok + `,"item":[{"linkId":"PA1","answer":[{"valueCoding":{"display":"Agree"}}]}]}`, FHIROptions{}, []string{"/item/0/answer/0/valueCoding/code"}, ErrMissing},
		{"answer with items", `{` + ok + `,"item":[{"linkId":"PA1","answer":[{"valueInteger":1,"item":[]}]}]}`, FHIROptions{}, []string{"/item/0/answer/0/item"}, ErrUnexpected},
		{"item modifier extension", `{` + ok + `,"item":[{"linkId":"PA1","modifierExtension":[]}]}`, FHIROptions{}, []string{"/item/0/modifierExtension"}, ErrUnexpected},
		{"PA3 on PAM-10", `{` + ok + `,"item":[{"linkId":"PA3","answer":[{"valueInteger":1}]}]}`, FHIROptions{Form: PAM10}, []string{"/item/0"}, ErrNotOnForm},
		{"every problem at once", `{"resourceType":"QuestionnaireResponse","status":"stopped","authored":"x","item":[{"linkId":"PA1","answer":[{"valueInteger":9}]},{"linkId":"PA2","answer":[{"valueBoolean":true}]}]}`,
			FHIROptions{}, []string{"/authored", "/item/0/answer/0/valueInteger", "/item/1/answer/0/valueBoolean", "/status"}, ErrOutOfRange},
		{"bad option", `{` + ok + `}`, FHIROptions{Form: 9}, []string{"/form"}, ErrOutOfRange},
		{"too deep", `{` + ok + `,"item":[` + strings.Repeat(`{"linkId":"g","item":[`, 9) + `{"linkId":"PA1"}` + strings.Repeat(`]}`, 9) + `]}`, FHIROptions{},
			[]string{"/item/0/item/0/item/0/item/0/item/0/item/0/item/0/item/0/item"}, ErrOutOfRange},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseFHIR([]byte(tc.doc), tc.opts)
			if !errors.Is(err, tc.class) {
				t.Fatalf("error %v does not match %v", err, tc.class)
			}
			if diff := cmp.Diff(tc.paths, fhirProblems(err)); diff != "" {
				t.Errorf("paths (-want +got):\n%s\n%v", diff, err)
			}
		})
	}
	big := make([]byte, MaxFHIRBytes+1)
	if _, err := ParseFHIR(big, FHIROptions{}); !errors.Is(err, ErrOutOfRange) {
		t.Errorf("oversized: %v", err)
	}
	many := `{` + ok + `,"item":[` + strings.TrimSuffix(strings.Repeat(`{"linkId":"g","item":[]},`, MaxFHIRItems+1), ",") + `]}`
	if _, err := ParseFHIR([]byte(many), FHIROptions{}); !errors.Is(err, ErrOutOfRange) {
		t.Errorf("too many items: %v", err)
	}
}

func TestFHIRTime(t *testing.T) {
	for s, want := range map[string]bool{
		"T14:05:00Z": true, "T14:05:00+01:00": true, "T14:05:00.123-05:30": true, "T23:59:60Z": true,
		"T14:05Z": false, "T24:00:00Z": false, "T14:05:00": false, "T14:05:00.Z": false, "T14:05:00+1:00": false, " 14:05:00Z": false,
	} {
		if got := fhirTime(s); got != want {
			t.Errorf("fhirTime(%q) = %v", s, got)
		}
	}
}

// FuzzParseFHIR: any input gives a valid response or a classified, located error; a response
// written back as integer answers reads back the same. Nothing panics.
func FuzzParseFHIR(f *testing.F) {
	if data, err := os.ReadFile("testdata/fhir-questionnaire-response.json"); err == nil {
		f.Add(data, false)
	}
	for _, s := range []string{``, `{}`, `null`, `[]`, `{"resourceType":"QuestionnaireResponse","status":"completed"}`,
		`{"resourceType":"QuestionnaireResponse","status":"completed","item":[{"linkId":"PA1","answer":[{"valueInteger":1e400}]}]}`,
		`{"resourceType":"QuestionnaireResponse","status":"completed","item":[{"linkId":"g","item":[{"linkId":"pa2","answer":[{"valueCoding":{"code":"N/A"}}]}]}]}`,
		`{"resourceType":"QuestionnaireResponse","status":"completed","authored":"2025-01-01T00:00:00.5Z","item":[{"linkId":"x"}]}`,
	} {
		f.Add([]byte(s), true)
	}
	f.Fuzz(func(t *testing.T, data []byte, other bool) {
		r, err := ParseFHIR(data, FHIROptions{OtherItems: other})
		if err != nil {
			for _, class := range []error{ErrOutOfRange, ErrMissing, ErrUnexpected, ErrDuplicate, ErrNotOnForm} {
				if errors.Is(err, class) {
					return
				}
			}
			t.Fatalf("unclassified error %v", err)
		}
		if err := r.Validate(); err != nil {
			t.Fatalf("result does not validate: %v", err)
		}
		var b strings.Builder
		b.WriteString(`{"resourceType":"QuestionnaireResponse","status":"completed","item":[`)
		first := true
		for it := range r.Form.Items() {
			if !first {
				b.WriteByte(',')
			}
			first = false
			b.WriteString(`{"linkId":"` + it.Code() + `"`)
			if a := r.Answers[it-1]; a != NotAnswered {
				b.WriteString(`,"answer":[{"valueInteger":` + string(rune('0'+a.Code())) + `}]`)
			}
			b.WriteByte('}')
		}
		b.WriteString(`]}`)
		back, err := ParseFHIR([]byte(b.String()), FHIROptions{Form: r.Form})
		if err != nil {
			t.Fatalf("written back: %v", err)
		}
		if back.Answers != r.Answers || back.Form != r.Form {
			t.Fatalf("written back as %+v, read %+v", r, back)
		}
	})
}

func BenchmarkParseFHIR(b *testing.B) {
	data, err := os.ReadFile("testdata/fhir-questionnaire-response.json")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		if _, err := ParseFHIR(data, FHIROptions{}); err != nil {
			b.Fatal(err)
		}
	}
}
