package pam

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// answersFor builds a response to form f whose answers, in form order, are given as a
// string: 1–4 for the scale, N for not applicable, - for blank.
func answersFor(f Form, s string) Response {
	r := Response{Form: f}
	i := 0
	for it := range f.Items() {
		switch c := s[i]; c {
		case 'N':
			r.Answers[it-1] = NotApplicable
		case '-':
		default:
			r.Answers[it-1] = Answer(c - '0')
		}
		i++
	}
	return r
}

func TestPolicyCheck(t *testing.T) {
	// DefaultPolicy: at least half the form's items answered (7 of 13, 5 of 10), at most 2 not
	// applicable, every flag rejected.
	for _, c := range []struct {
		name    string
		r       Response
		want    Flags
		counts  [3]int // answered, not applicable, not answered
		accepts bool
	}{
		{"varied, complete", answersFor(PAM13, "3433234332443"), 0, [3]int{13, 0, 0}, true},
		{"all agree", answersFor(PAM13, "3333333333333"), FlagsOf(AllSame), [3]int{13, 0, 0}, false},
		{"all agree strongly", answersFor(PAM13, "4444444444444"), FlagsOf(ExtremeLine, AllSame), [3]int{13, 0, 0}, false},
		{"all disagree strongly but N/A", answersFor(PAM10, "111N111111"), FlagsOf(ExtremeLine, AllSame), [3]int{9, 1, 0}, false},
		{"two N/A", answersFor(PAM13, "34N3234N32443"), 0, [3]int{11, 2, 0}, true},
		{"three N/A", answersFor(PAM13, "34N3234N3N443"), FlagsOf(TooManyNotApplicable), [3]int{10, 3, 0}, false},
		{"seven of 13 answered", answersFor(PAM13, "3432234------"), 0, [3]int{7, 0, 6}, true},
		{"six of 13 answered", answersFor(PAM13, "343223-------"), FlagsOf(TooFewAnswered), [3]int{6, 0, 7}, false},
		{"five of 10 answered", answersFor(PAM10, "34322-----"), 0, [3]int{5, 0, 5}, true},
		{"four of 10 answered", answersFor(PAM10, "3432------"), FlagsOf(TooFewAnswered), [3]int{4, 0, 6}, false},
		{"nothing answered", answersFor(PAM10, "NN--------"), FlagsOf(TooFewAnswered), [3]int{0, 2, 8}, false},
		{"everything wrong", answersFor(PAM13, "NNNN11-------"), FlagsOf(ExtremeLine, AllSame, TooManyNotApplicable, TooFewAnswered), [3]int{2, 4, 7}, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			v := DefaultPolicy().Check(&c.r)
			if v.Flags != c.want || [3]int{v.Answered, v.NotApplicable, v.NotAnswered} != c.counts || v.Accepted != c.accepts {
				t.Errorf("Check = %+v (flags %v); want flags %v, counts %v, accepted %v", v, v.Flags, c.want, c.counts, c.accepts)
			}
		})
	}
	// A policy that rejects nothing accepts every response with an answer, keeping its flags.
	lenient := Policy{MinAnswered: 0, MaxNotApplicable: 13}
	r := answersFor(PAM13, "4444444444444")
	if v := lenient.Check(&r); !v.Accepted || v.Flags != FlagsOf(ExtremeLine, AllSame) {
		t.Errorf("lenient: %+v", v)
	}
	blank := answersFor(PAM13, "-------------")
	if v := lenient.Check(&blank); v.Accepted || !v.Flags.Has(TooFewAnswered) {
		t.Errorf("a response with no answer is never accepted and always flagged: %+v", v)
	}
	if v := DefaultPolicy().Check(&Response{}); v != (Validity{}) {
		t.Errorf("no form: %+v", v)
	}
}

func TestPolicyValidate(t *testing.T) {
	if err := DefaultPolicy().Validate(); err != nil {
		t.Fatal(err)
	}
	got := fieldProblems(Policy{MinAnswered: -0.1, MaxNotApplicable: 14, Reject: 0x80}.Validate())
	want := []string{"/minAnswered: pam: value out of range", "/maxNotApplicable: pam: value out of range", "/reject: pam: value out of range"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestFlags(t *testing.T) {
	s := FlagsOf(TooFewAnswered, ExtremeLine, Flag(0), Flag(9))
	if !s.Has(ExtremeLine) || s.Has(AllSame) || s.Len() != 2 || s.String() != "extreme-line,too-few-answered" {
		t.Errorf("set %v", s)
	}
	if diff := cmp.Diff([]Flag{ExtremeLine, TooFewAnswered}, s.List()); diff != "" {
		t.Error(diff)
	}
	b, err := json.Marshal(s)
	if err != nil || string(b) != `["extreme-line","too-few-answered"]` {
		t.Errorf("MarshalJSON = %s, %v", b, err)
	}
	var back Flags
	if err := json.Unmarshal(b, &back); err != nil || back != s {
		t.Errorf("UnmarshalJSON = %v, %v", back, err)
	}
	if b, _ := json.Marshal(Flags(0)); string(b) != "[]" {
		t.Errorf("empty set marshals as %s", b)
	}
	if err := json.Unmarshal([]byte(`["all-same","all-same"]`), &back); !errors.Is(err, ErrDuplicate) {
		t.Errorf("repeated flag: %v", err)
	}
	if err := json.Unmarshal([]byte(`["sometimes"]`), &back); !errors.Is(err, ErrUnknown) {
		t.Errorf("unknown flag: %v", err)
	}
	if _, err := json.Marshal(Flags(0x40)); err == nil {
		t.Errorf("undeclared bits marshal")
	}
	if Flags(0x40).String() != "%!Flags(64)" || AllFlags.Len() != 4 {
		t.Errorf("String of undeclared bits")
	}
	for f := ExtremeLine; f <= TooFewAnswered; f++ {
		if f.Describe() == "" || f.Describe() == f.String() {
			t.Errorf("%v has no description", f)
		}
	}
}

func FuzzPolicyValidate(f *testing.F) {
	f.Add(0.5, 2, uint8(AllFlags))
	f.Add(0.0, 0, uint8(0))
	f.Add(1.0, 13, uint8(0xff))
	f.Fuzz(func(t *testing.T, share float64, maxNA int, reject uint8) {
		p := Policy{MinAnswered: share, MaxNotApplicable: maxNA, Reject: Flags(reject)}
		if err := p.Validate(); err != nil {
			if _, err := NewScorer(Hellstrom2019(), Insignia2024, p); err == nil {
				t.Fatalf("an invalid policy %+v prepares", p)
			}
			return
		}
		for _, f := range []Form{PAM13, PAM10} {
			if n := p.minAnswered(f); n < 1 || n > f.Len() {
				t.Fatalf("%+v: minimum %d answered on %v", p, n, f)
			}
		}
	})
}
