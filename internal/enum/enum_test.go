package enum

import (
	"errors"
	"testing"
)

type colour uint8

func TestKey(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Level 3", "level-3"},
		{"LEVEL_3", "level-3"},
		{"level–3", "level-3"}, // en dash
		{" level-3 ", "level-3"},
		{"‘Shared decision-making’", "shared-decision-making"},
		{"ｌｅｖｅｌ３", "level3"}, // full-width forms fold under NFKC
		{"--a--b--", "a-b"},
	} {
		if got := Key(c.in); got != c.want {
			t.Errorf("Key(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestTable(t *testing.T) {
	tab := NewTable[colour]("x.Colour", []string{"red", "dark-blue"}, map[string]colour{"navy": 2})
	for _, c := range []struct {
		in   string
		want colour
	}{{"Red", 1}, {"Dark Blue", 2}, {"navy", 2}, {"2", 2}} {
		got, err := tab.Parse(c.in, true)
		if err != nil || got != c.want {
			t.Errorf("Parse(%q) = %v, %v; want %v", c.in, got, err, c.want)
		}
	}
	_, err := tab.Parse("green", true)
	var pe *ParseError
	if !errors.As(err, &pe) || !errors.Is(err, ErrUnknown) || len(pe.Valid) != 2 {
		t.Fatalf("Parse(green) error = %v", err)
	}
	if _, err := tab.Parse("3", true); err == nil {
		t.Error("Parse(3) accepted a number past the last value")
	}
	if _, err := tab.Parse("1", false); err == nil {
		t.Error("Parse(1) accepted a number when numbers are off")
	}
	if got := tab.String(7); got != "%!Colour(7)" {
		t.Errorf("String(7) = %q", got)
	}
	if _, err := tab.Marshal(0); err == nil {
		t.Error("Marshal(0) succeeded")
	}
}
