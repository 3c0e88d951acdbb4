// Package field holds the located error type shared by engage's packages: one problem with
// one field of a document, named by its JSON Pointer, classified by a sentinel error that
// errors.Is matches, and described without echoing the value (which may be personal data).
package field

import (
	"errors"
	"strconv"
	"strings"
)

// Error reports a problem with one field of a document. Each engage package exposes it as
// its FieldError.
type Error struct {
	// Path is the JSON Pointer (RFC 6901) of the field, e.g. "/outcomes/2/deadweight";
	// "" is the whole document.
	Path string
	// Err is the class of problem, a sentinel such as sroi.ErrOutOfRange; errors.Is
	// matches it through the Error.
	Err error
	// Detail says what was expected, e.g. "a fraction in [0, 1]". It never contains the
	// offending value.
	Detail string
}

// Error returns "path: class: detail", with "(document)" for the empty path.
func (e *Error) Error() string {
	p := e.Path
	if p == "" {
		p = "(document)"
	}
	var b strings.Builder
	b.WriteString(p)
	if e.Err != nil {
		b.WriteString(": ")
		b.WriteString(e.Err.Error())
	}
	if e.Detail != "" {
		b.WriteString(": ")
		b.WriteString(e.Detail)
	}
	return b.String()
}

// Unwrap returns the class of problem.
func (e *Error) Unwrap() error { return e.Err }

// Pointer joins reference tokens into a JSON Pointer, escaping "~" and "/" as RFC 6901
// requires. Tokens may be strings or ints (array indices).
func Pointer(tokens ...any) string {
	var b strings.Builder
	for _, t := range tokens {
		b.WriteByte('/')
		switch v := t.(type) {
		case string:
			if !strings.ContainsAny(v, "~/") {
				b.WriteString(v)
				continue
			}
			for i := 0; i < len(v); i++ {
				switch v[i] {
				case '~':
					b.WriteString("~0")
				case '/':
					b.WriteString("~1")
				default:
					b.WriteByte(v[i])
				}
			}
		case int:
			b.WriteString(strconv.Itoa(v))
		default:
			panic("field: Pointer token must be a string or an int")
		}
	}
	return b.String()
}

// Join appends a child pointer (itself a JSON Pointer, possibly "") to a parent pointer.
func Join(parent, child string) string { return parent + child }

// List collects every problem found while validating a document, so that a caller is told
// of all of them at once. The zero value is an empty list.
type List struct{ errs []error }

// Add records a problem at path.
func (l *List) Add(path string, class error, detail string) {
	l.errs = append(l.errs, &Error{Path: path, Err: class, Detail: detail})
}

// AddError records an error found by a nested validation, prefixing the path of every
// *Error it holds (errors.Join trees are flattened) with prefix.
func (l *List) AddError(prefix string, err error) {
	if err == nil {
		return
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		for _, e := range j.Unwrap() {
			l.AddError(prefix, e)
		}
		return
	}
	var fe *Error
	if errors.As(err, &fe) {
		l.errs = append(l.errs, &Error{Path: prefix + fe.Path, Err: fe.Err, Detail: fe.Detail})
		return
	}
	l.errs = append(l.errs, &Error{Path: prefix, Err: err})
}

// Len reports how many problems have been recorded.
func (l *List) Len() int { return len(l.errs) }

// Err returns nil when no problem was recorded, the single *Error when there was one, and
// an errors.Join of them all otherwise.
func (l *List) Err() error {
	switch len(l.errs) {
	case 0:
		return nil
	case 1:
		return l.errs[0]
	}
	return errors.Join(l.errs...)
}
