package schemas

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

// nest returns n arrays nested inside one another.
func nest(n int) string { return strings.Repeat("[", n) + strings.Repeat("]", n) }

// object returns an object with n distinct fields "k0" … "k(n-1)", all 0.
func object(n int) string {
	var b strings.Builder
	b.WriteByte('{')
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(`"k` + itoa(i) + `":0`)
	}
	b.WriteByte('}')
	return b.String()
}

func itoa(i int) string { return strconv.Itoa(i) }

// The guard's accepted documents: the boundaries of every limit, and the corners of RFC 8259.
func TestGuardAccepts(t *testing.T) {
	for _, doc := range []string{
		`0`, `-0`, `"x"`, `true`, `false`, `null`, `[]`, `{}`, " \t\r\n{ } ",
		`{"a":[1,2,{"b":null}],"c":"\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00"}`,
		`"é ✓ 😀"`,      // UTF-8 text
		`"\ud800"`,     // an unpaired surrogate escape is well-formed JSON (decoded as U+FFFD)
		nest(MaxDepth), // exactly MaxDepth levels
		`{"a":` + nest(MaxDepth-1) + `}`,
		"[" + strings.Repeat("0,", MaxArrayLength-1) + "0]", // exactly MaxArrayLength items
		object(MaxObjectMembers),
		strings.Repeat("1", MaxNumberDigits),          // 40 digits
		"0." + strings.Repeat("1", MaxNumberDigits-1), // 40 digits, one before the point
		"1e300", "9.99e300", "-1e300", "1e-300", "0.001e-297", "10e299", // magnitudes 10^300 … 10^-300
		"7.466108948025751e-301", "4.9e-324", "0.01e-322", // float64 values encoding/json writes, down to the smallest subnormal
		"0e300", "0e-300", "0.0e300", "-0.000", "1E+2", "1e-0",
		`{"a":1,"A":2,"a ":3}`, // names differing in case or space are different names
	} {
		if v := guard([]byte(doc)); v != nil {
			t.Errorf("guard(%.60q) = %+v, want nil", doc, *v)
		}
	}
}

func TestGuardRejects(t *testing.T) {
	big := "[" + strings.Repeat("0,", MaxArrayLength) + "0]"
	// Ten arrays of MaxArrayLength zeros: the outer array, then 100,001 values per inner
	// array, pass 1,000,000 values at item 99,989 of the tenth (1 + 9 × 100,001 + 1 + 99,990).
	inner := "[" + strings.Repeat("0,", MaxArrayLength-1) + "0]"
	values := "[" + strings.Repeat(inner+",", 9) + inner + "]"
	for _, c := range []struct {
		name, doc     string
		code, ptr     string
		wantInMessage string
	}{
		{"empty", ``, codeSyntax, "", "empty"},
		{"only space", "  \n", codeSyntax, "", "empty"},
		{"byte order mark", "\xEF\xBB\xBF{}", codeSyntax, "", "byte order mark"},
		{"trailing data", `{} {}`, codeSyntax, "", "after the end of the JSON document (line 1, column 4, byte 4)"},
		{"trailing comma in object", `{"a":1,}`, codeSyntax, "", "field name in double quotes here (line 1, column 8"},
		{"trailing comma in array", `[1,]`, codeSyntax, "/1", "where a value was expected"},
		{"missing colon", `{"a" 1}`, codeSyntax, "/a", "colon"},
		{"missing comma", `{"a":1 "b":2}`, codeSyntax, "/a", "comma (,) or a closing brace"},
		{"unclosed array", `[1`, codeSyntax, "/0", "comma (,) or a closing bracket"},
		{"unclosed string", `{"a":"x`, codeSyntax, "/a", "closing double quote"},
		{"single quotes", `{'a':1}`, codeSyntax, "", "field name in double quotes"},
		{"bare word", `[undefined]`, codeSyntax, "/0", "the character 'u'"},
		{"NaN", `NaN`, codeSyntax, "", "the character 'N'"},
		{"unknown literal", `[tru]`, codeSyntax, "/0", "unknown word"},
		{"leading zero", `[01]`, codeSyntax, "/0", "leading zero"},
		{"plus sign", `+1`, codeSyntax, "", "the character '+'"},
		{"no fraction digits", `1.`, codeSyntax, "", "after its decimal point"},
		{"no exponent digits", `1e+`, codeSyntax, "", "in its exponent"},
		{"minus alone", `-`, codeSyntax, "", "without digits"},
		{"control character", "\"a\tb\"", codeSyntax, "", "control character"},
		{"bad escape", `"\x41"`, codeSyntax, "", "unknown escape"},
		{"short unicode escape", `"\u12"`, codeSyntax, "", `\u escape`},
		{"invalid UTF-8", "[\"\xff\"]", codeSyntax, "/0", "not valid UTF-8"},
		{"truncated UTF-8", "\"\xe2\x82\"", codeSyntax, "", "not valid UTF-8"},
		{"line and column", "{\n  \"a\": 1,\n  \"b\": ?\n}", codeSyntax, "/b", "(line 3, column 8, byte 20)"},

		{"too large", strings.Repeat(" ", MaxDocumentBytes+1), codeTooLarge, "", "at most 8388608 bytes"},
		{"too deep", nest(MaxDepth + 1), codeTooDeep, strings.Repeat("/0", MaxDepth), "more than 32 levels"},
		{"too deep inside object", `{"a":{"b":` + nest(MaxDepth-1) + `}}`, codeTooDeep, "/a/b" + strings.Repeat("/0", MaxDepth-2), "at most 32"},
		{"too deep unclosed", strings.Repeat("[", 10*MaxDepth), codeTooDeep, strings.Repeat("/0", MaxDepth), ""},
		{"long array", big, codeTooLong, "", "more than 100000 items"},
		{"long array inside", `{"rows":` + big + `}`, codeTooLong, "/rows", "at most 100000"},
		{"many fields", object(MaxObjectMembers + 1), codeTooLong, "", "more than 100000 fields"},
		{"many values", values, codeTooManyValues, "/9/99989", "more than 1000000 values"},

		{"41 digits", strings.Repeat("1", MaxNumberDigits+1), codeNumber, "", "at most 40 digits"},
		{"41 digits with point", "1." + strings.Repeat("0", MaxNumberDigits), codeNumber, "", "at most 40 digits"},
		{"magnitude 10^301", "1e301", codeNumber, "", "from -324 to 300"},
		{"magnitude 10^301 by digits", "10e300", codeNumber, "", "below 1e301"},
		{"magnitude 10^-325", "1e-325", codeNumber, "", "1e-324"},
		{"magnitude 10^-325 by zeros", "0.01e-323", codeNumber, "", ""},
		{"zero with a huge exponent", "0e301", codeNumber, "", ""},
		{"validator panic", `{"a":[1e1000000000]}`, codeNumber, "/a/0", ""},
		{"giant exponent digits", "1e" + strings.Repeat("9", 1000), codeNumber, "", ""},
		{"negative giant exponent", "-1e-999999999", codeNumber, "", ""},

		{"duplicate field", `{"a":1,"b":2,"a":3}`, codeDuplicate, "/a", "more than once"},
		{"duplicate by escape", `{"a":1,"\u0061":2}`, codeDuplicate, "/a", ""},
		{"duplicate nested", `[{"x":{"y":1,"y":1}}]`, codeDuplicate, "/0/x/y", ""},
		{"duplicate in large object", object(40)[:len(object(40))-1] + `,"k17":1}`, codeDuplicate, "/k17", ""},
		{"duplicate escaped in large object", object(40)[:len(object(40))-1] + `,"\u006b3":1}`, codeDuplicate, "/k3", ""},
		{"pointer escapes", `{"a/b":{"c~d":[1,` + "1e999" + `]}}`, codeNumber, "/a~1b/c~0d/1", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			v := guard([]byte(c.doc))
			if v == nil {
				t.Fatalf("guard accepted the document")
			}
			if v.Code != c.code || v.Pointer != c.ptr || !strings.Contains(v.Message, c.wantInMessage) {
				t.Errorf("guard = %+v\nwant code %q, pointer %q, message containing %q", *v, c.code, c.ptr, c.wantInMessage)
			}
		})
	}
}

// Every message names the limit it enforces.
func TestGuardMessagesStateLimits(t *testing.T) {
	for code, doc := range map[string]string{
		codeTooDeep:  nest(MaxDepth + 1),
		codeTooLong:  "[" + strings.Repeat("0,", MaxArrayLength) + "0]",
		codeNumber:   "1e999",
		codeTooLarge: strings.Repeat(" ", MaxDocumentBytes+1),
	} {
		v := guard([]byte(doc))
		if v == nil || v.Code != code {
			t.Fatalf("%s: guard = %v", code, v)
		}
		limit := map[string]string{codeTooDeep: "32", codeTooLong: "100000", codeNumber: "40", codeTooLarge: "8388608"}[code]
		if !strings.Contains(v.Message, limit) {
			t.Errorf("%s: message %q does not state the limit %s", code, v.Message, limit)
		}
	}
}

// A number accepted by the guard fits a float64 without overflow, as MaxNumberExponent
// promises, and rejected magnitudes are those past the limit.
func TestGuardNumbersFitFloat64(t *testing.T) {
	for _, lit := range []string{"9.999999999999999999999999999999999999999e300", "-9.99e300", "1e-300", "1.0e-300", "4.9e-324"} {
		if v := guard([]byte(lit)); v != nil {
			t.Fatalf("guard(%s) = %+v", lit, *v)
		}
		var f float64
		if err := json.Unmarshal([]byte(lit), &f); err != nil || f == 0 {
			t.Errorf("json.Unmarshal(%s) = %v, %v", lit, f, err)
		}
	}
}

// FuzzGuard checks the guard against encoding/json: whatever the guard accepts is valid JSON
// that decode turns into exactly what encoding/json produces; whatever encoding/json
// accepts, the guard accepts too unless a limit, a repeated field name, invalid UTF-8 or a
// byte order mark is the reason.
func FuzzGuard(f *testing.F) {
	for _, s := range []string{`{"a":[1,2.5e3,"x\u00e9"],"b":{"c":null}}`, `[1e1000000000]`, `{"a":1,"a":2}`,
		"\"\xff\"", nest(40), `"\ud800\udc00\ud800x"`, `-0.0e-0`, `{"\u0000":true}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		v := guard(data)
		valid := json.Valid(data)
		if v == nil {
			if !valid {
				t.Fatalf("guard accepted %q, which encoding/json rejects", data)
			}
			d := json.NewDecoder(bytes.NewReader(data))
			d.UseNumber()
			var want any
			if err := d.Decode(&want); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(want, decode(string(data))); diff != "" {
				t.Fatalf("decode differs from encoding/json (-want +got):\n%s", diff)
			}
			return
		}
		if valid && v.Code == codeSyntax && utf8.Valid(data) && !bytes.HasPrefix(data, []byte("\xEF\xBB\xBF")) {
			t.Fatalf("guard rejected %q as %+v, but encoding/json accepts it", data, *v)
		}
	})
}
