// Package enum holds the machinery behind engage's typed enumerations: forgiving parsing of
// slugs typed by people or exported from spreadsheets, and the error that lists valid values.
package enum

import (
	"errors"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

// ErrUnknown classifies text that names no value of an enumeration.
var ErrUnknown = errors.New("engage: unknown value")

// ParseError reports text that names no value of an enumeration, with the values that are
// valid. It matches ErrUnknown with errors.Is.
type ParseError struct {
	// Type is the enumeration's qualified name, e.g. "pam.Level".
	Type string
	// Input is the text that was given, shortened to at most 40 characters.
	Input string
	// Valid lists the accepted slugs in their canonical order.
	Valid []string
}

// Error returns a sentence naming the input, the type and every valid slug.
func (e *ParseError) Error() string {
	return strconv.Quote(e.Input) + " is not a valid " + e.Type + "; valid values are " + strings.Join(e.Valid, ", ")
}

// Is reports that a *ParseError matches ErrUnknown.
func (e *ParseError) Is(target error) bool { return target == ErrUnknown }

// NewParseError builds a ParseError, shortening long input.
func NewParseError(typ, input string, valid []string) *ParseError {
	r := []rune(input)
	if len(r) > 40 {
		input = string(r[:39]) + "…"
	}
	return &ParseError{Type: typ, Input: input, Valid: valid}
}

var folder = cases.Fold()

// Key normalises text for comparison with slugs: Unicode NFKC (so full-width and compatibility
// forms compare equal), case folding, typographic quotes removed and dashes made hyphens,
// spaces, underscores and dots made hyphens, runs of hyphens collapsed, and hyphens trimmed
// from both ends. "Level 3", "LEVEL_3", "level–3" and " level-3 " all give "level-3".
func Key(s string) string {
	s = folder.String(norm.NFKC.String(s))
	var b strings.Builder
	b.Grow(len(s))
	hyphen := false
	for _, r := range s {
		switch {
		case r == '\'' || r == '"' || r == '‘' || r == '’' || r == '“' || r == '”' || r == '‚' || r == '„' || r == '`':
			continue
		case r == '-' || r == '_' || r == '.' || r == '/' || unicode.IsSpace(r) || unicode.Is(unicode.Pd, r):
			hyphen = b.Len() > 0
			continue
		}
		if hyphen {
			b.WriteByte('-')
			hyphen = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Table maps slugs to the values of an enumeration T whose valid values are 1 … len(slugs).
type Table[T ~uint8] struct {
	typ   string
	slugs []string
	alias map[string]T
}

// NewTable returns a table for type typ ("pkg.Type") whose value i+1 has slug slugs[i].
// Aliases are further accepted spellings (keys are normalised with Key).
func NewTable[T ~uint8](typ string, slugs []string, aliases map[string]T) *Table[T] {
	t := &Table[T]{typ: typ, slugs: slugs, alias: make(map[string]T, len(slugs)+len(aliases))}
	for i, s := range slugs {
		t.alias[Key(s)] = T(i + 1)
	}
	for k, v := range aliases {
		t.alias[Key(k)] = v
	}
	return t
}

// Valid reports whether v is a declared value.
func (t *Table[T]) Valid(v T) bool { return v >= 1 && int(v) <= len(t.slugs) }

// Slug returns v's slug, or "" for an undeclared value.
func (t *Table[T]) Slug(v T) string {
	if !t.Valid(v) {
		return ""
	}
	return t.slugs[v-1]
}

// String returns v's slug, or "%!Type(n)" for an undeclared value.
func (t *Table[T]) String(v T) string {
	if !t.Valid(v) {
		name := t.typ
		if i := strings.LastIndexByte(name, '.'); i >= 0 {
			name = name[i+1:]
		}
		return "%!" + name + "(" + strconv.Itoa(int(v)) + ")"
	}
	return t.slugs[v-1]
}

// Marshal returns v's slug as text; an undeclared value is an error.
func (t *Table[T]) Marshal(v T) ([]byte, error) {
	if !t.Valid(v) {
		return nil, NewParseError(t.typ, t.String(v), t.slugs)
	}
	return []byte(t.slugs[v-1]), nil
}

// Parse returns the value named by s: its slug or an alias, compared after Key, or its
// number (1 … n) when numbers is true.
func (t *Table[T]) Parse(s string, numbers bool) (T, error) {
	k := Key(s)
	if v, ok := t.alias[k]; ok {
		return v, nil
	}
	if numbers {
		if n, err := strconv.Atoi(k); err == nil && n >= 1 && n <= len(t.slugs) {
			return T(n), nil
		}
	}
	return 0, NewParseError(t.typ, s, t.slugs)
}

// Slugs returns the valid slugs in order. The slice is a copy.
func (t *Table[T]) Slugs() []string { return append([]string(nil), t.slugs...) }
