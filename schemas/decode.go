package schemas

import (
	"encoding/json"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// decode builds the value tree the schema validator works on (map[string]any, []any,
// json.Number, string, bool and nil: what encoding/json gives with UseNumber) from a document
// that guard has accepted, so it need not check syntax again. It works on the document as
// one string and slices numbers and plain strings out of it, which costs far less
// than encoding/json's reflection. Strings are unescaped exactly as encoding/json does,
// including its replacement of unpaired surrogates by U+FFFD, so the validator sees the
// values that json.Unmarshal will later store.
func decode(src string) any {
	d := decoder{src: src}
	return d.value()
}

type decoder struct {
	src   string
	pos   int
	items []any    // values of the arrays and objects being built, innermost last
	keys  []string // field names of the objects being built, innermost last
}

func (d *decoder) space() {
	for d.pos < len(d.src) {
		switch d.src[d.pos] {
		case ' ', '\t', '\n', '\r':
			d.pos++
		default:
			return
		}
	}
}

// value decodes the value at d.pos.
func (d *decoder) value() any {
	d.space()
	switch d.src[d.pos] {
	case '{':
		return d.object()
	case '[':
		return d.array()
	case '"':
		return d.string()
	case 't':
		d.pos += 4
		return true
	case 'f':
		d.pos += 5
		return false
	case 'n':
		d.pos += 4
		return nil
	}
	start := d.pos
	for d.pos < len(d.src) {
		c := d.src[d.pos]
		if !(isDigit(c) || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E') {
			break
		}
		d.pos++
	}
	return json.Number(d.src[start:d.pos])
}

func (d *decoder) array() any {
	d.pos++
	base := len(d.items)
	d.space()
	if d.src[d.pos] == ']' {
		d.pos++
		return []any{}
	}
	for i := 0; ; i++ {
		d.items = append(d.items, d.value())
		d.space()
		c := d.src[d.pos]
		d.pos++
		if c == ']' {
			break
		}
	}
	a := make([]any, len(d.items)-base)
	copy(a, d.items[base:])
	clear(d.items[base:])
	d.items = d.items[:base]
	return a
}

func (d *decoder) object() any {
	d.pos++
	base, kbase := len(d.items), len(d.keys)
	d.space()
	if d.src[d.pos] == '}' {
		d.pos++
		return map[string]any{}
	}
	for {
		d.space()
		k := d.string()
		d.keys = append(d.keys, k)
		d.space()
		d.pos++ // the colon
		d.items = append(d.items, d.value())
		d.space()
		c := d.src[d.pos]
		d.pos++
		if c == '}' {
			break
		}
	}
	keys, vals := d.keys[kbase:], d.items[base:]
	m := make(map[string]any, len(keys))
	for i, k := range keys {
		m[k] = vals[i]
	}
	clear(d.items[base:])
	d.items, d.keys = d.items[:base], d.keys[:kbase]
	return m
}

// string decodes the string whose opening quote is at d.pos.
func (d *decoder) string() string {
	d.pos++
	start := d.pos
	escaped := false
	for {
		c := d.src[d.pos]
		if c == '"' {
			break
		}
		if c == '\\' {
			escaped = true
			d.pos++
		}
		d.pos++
	}
	s := d.src[start:d.pos]
	d.pos++
	if escaped {
		return unescape(s)
	}
	return s
}

// unquote returns the text of a JSON string's raw content (the bytes between its quotes).
func unquote(raw []byte) string { return unescape(string(raw)) }

// unescape resolves the escapes of a well-formed JSON string's content as encoding/json
// does: a \u escape naming half of a surrogate pair that is not completed by the next
// escape becomes U+FFFD.
func unescape(s string) string {
	if strings.IndexByte(s, '\\') < 0 {
		return s
	}
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); {
		c := s[i]
		if c != '\\' {
			b = append(b, c)
			i++
			continue
		}
		switch e := s[i+1]; e {
		case 'b':
			b = append(b, '\b')
		case 'f':
			b = append(b, '\f')
		case 'n':
			b = append(b, '\n')
		case 'r':
			b = append(b, '\r')
		case 't':
			b = append(b, '\t')
		case 'u':
			r := hex4(s[i+2 : i+6])
			i += 6
			if utf16.IsSurrogate(r) {
				if i+6 <= len(s) && s[i] == '\\' && s[i+1] == 'u' {
					if pair := utf16.DecodeRune(r, hex4(s[i+2:i+6])); pair != utf8.RuneError {
						b = utf8.AppendRune(b, pair)
						i += 6
						continue
					}
				}
				r = utf8.RuneError
			}
			b = utf8.AppendRune(b, r)
			continue
		default: // '"', '\\', '/'
			b = append(b, e)
		}
		i += 2
	}
	return string(b)
}

func hex4(s string) rune {
	var r rune
	for i := 0; i < 4; i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			c -= '0'
		case c >= 'a' && c <= 'f':
			c = c - 'a' + 10
		default:
			c = c - 'A' + 10
		}
		r = r<<4 | rune(c)
	}
	return r
}

// quoteName quotes a field name for a message, shortened to at most 40 characters so that
// a message never carries a long piece of the input.
func quoteName(name string) string {
	const max = 40
	if utf8.RuneCountInString(name) > max {
		r := []rune(name)
		name = string(r[:max-1]) + "…"
	}
	return strconv.Quote(name)
}
