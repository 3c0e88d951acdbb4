package field

import (
	"errors"
	"testing"
)

var errClass = errors.New("test: out of range")

func TestPointerEscapes(t *testing.T) {
	// RFC 6901 §3: "~" is written "~0" and "/" is written "~1".
	if got, want := Pointer("a/b", 2, "m~n"), "/a~1b/2/m~0n"; got != want {
		t.Fatalf("Pointer = %q, want %q", got, want)
	}
	if got := Pointer(); got != "" {
		t.Fatalf("Pointer() = %q, want empty", got)
	}
}

func TestListCollectsAndPrefixes(t *testing.T) {
	var inner List
	inner.Add("/deadweight", errClass, "a fraction in [0, 1]")
	inner.Add("/quantity", errClass, "not negative")
	var outer List
	outer.AddError("/outcomes/2", inner.Err())
	outer.Add("", errClass, "whole")
	if outer.Len() != 3 {
		t.Fatalf("Len = %d, want 3", outer.Len())
	}
	err := outer.Err()
	if !errors.Is(err, errClass) {
		t.Fatalf("errors.Is did not match the class")
	}
	want := "/outcomes/2/deadweight: test: out of range: a fraction in [0, 1]\n" +
		"/outcomes/2/quantity: test: out of range: not negative\n" +
		"(document): test: out of range: whole"
	if err.Error() != want {
		t.Fatalf("Error() =\n%s\nwant\n%s", err.Error(), want)
	}
	var empty List
	if empty.Err() != nil {
		t.Fatal("empty list returned an error")
	}
}

func BenchmarkPointer(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		_ = Pointer("outcomes", i&63, "deadweight")
	}
}
