package schemas

import (
	"encoding/json"
	"regexp"
	"strconv"
	"testing"

	"pgregory.net/rapid"
)

// NHS numbers. The algorithm is the NHS Data Dictionary's (data element NHS NUMBER,
// https://www.datadictionary.nhs.uk/attributes/nhs_number.html): weights 10 … 2 on the first
// nine digits, check = 11 − (sum mod 11), 11 → 0, 10 → invalid. Each expectation below is
// worked by hand beside it.
func TestNHSNumber(t *testing.T) {
	for _, c := range []struct {
		in   string
		want bool
		why  string
	}{
		// The worked example of Wikipedia's "NHS number" article:
		// 9·10+4·9+3·8+4·7+7·6+6·5+5·4+9·3+1·2 = 299; 299 mod 11 = 2; 11 − 2 = 9 = last digit.
		{"9434765919", true, "check digit 9"},
		// 9·10+8·9+7·8+6·7+5·6+4·5+3·4+2·3+1·2 = 330; 330 mod 11 = 0; 11 − 0 = 11 → 0.
		{"9876543210", true, "check 11 becomes 0"},
		// 9·10+9·9+9·8+1·2 = 245; 245 mod 11 = 3; 11 − 3 = 8. From 999 000 0000 – 999 999 9999,
		// the range engage's examples and fixtures use, never issued to patients.
		{"9990000018", true, "test-data range"},
		{"9434765918", false, "wrong check digit (9 expected)"},
		{"9876543211", false, "wrong check digit (0 expected)"},
		// 1·10+1·2 = 12; 12 mod 11 = 1; 11 − 1 = 10: no tenth digit can make this valid.
		{"1000000010", false, "check value 10"},
		{"1000000011", false, "check value 10"},
		// Every repdigit passes the arithmetic (54·d ≡ −d mod 11, check = d) but none is issued.
		{"0000000000", false, "repdigit"},
		{"1111111111", false, "repdigit"},
		{"2222222222", false, "repdigit"},
		{"3333333333", false, "repdigit"},
		{"4444444444", false, "repdigit"},
		{"5555555555", false, "repdigit"},
		{"6666666666", false, "repdigit"},
		{"7777777777", false, "repdigit"},
		{"8888888888", false, "repdigit"},
		{"9999999999", false, "repdigit"},
		{"943 476 5919", false, "display form with spaces"},
		{"943-476-5919", false, "hyphens"},
		{"943476591", false, "nine digits"},
		{"94347659190", false, "eleven digits"},
		{"", false, "empty"},
		{"943476591A", false, "a letter"},
		{"９４３４７６５９１９", false, "full-width digits"},
	} {
		if got := validNHSNumber(c.in); got != c.want {
			t.Errorf("validNHSNumber(%q) = %v, want %v (%s)", c.in, got, c.want, c.why)
		}
	}
}

// The modulus 11 rule admits exactly one tenth digit for nine digits whose check is not 10,
// and none otherwise; a property over random nine-digit prefixes, checked against the rule
// written independently of validNHSNumber.
func TestNHSNumberCheckDigitProperty(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		prefix := rapid.StringMatching(`[0-9]{9}`).Draw(t, "prefix")
		sum := 0
		for i := 0; i < 9; i++ {
			sum += int(prefix[i]-'0') * (10 - i)
		}
		valid := 0
		for d := 0; d <= 9; d++ {
			s := prefix + strconv.Itoa(d)
			repdigit := s == repeatDigit(s[0], 10)
			if validNHSNumber(s) {
				valid++
				if (sum+d)%11 != 0 || repdigit {
					t.Fatalf("%s accepted: sum+check = %d, not a multiple of 11, or a repdigit", s, sum+d)
				}
			}
		}
		if sum%11 == 1 && valid != 0 { // check value 10
			t.Fatalf("prefix %s (check 10) accepted %d numbers", prefix, valid)
		}
		if valid > 1 {
			t.Fatalf("prefix %s accepted %d check digits", prefix, valid)
		}
	})
}

func repeatDigit(c byte, n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = c
	}
	return string(b)
}

// GSS codes: examples from ONS lookups (E38000050 NHS East Lancashire sub-ICB location,
// E54000008 Cheshire and Merseyside ICB, E40000010 North West NHS region; E09000011 the Royal
// Borough of Greenwich and E06000002 Middlesbrough, from the ONS coding system description).
func TestGSSCode(t *testing.T) {
	for _, c := range []struct {
		in   string
		want bool
	}{
		{"E38000050", true}, {"E54000008", true}, {"E40000010", true}, {"E09000011", true},
		{"E06000002", true}, {"W06000015", true}, {"S12000033", true}, {"N09000003", true},
		{"K02000001", false}, // the United Kingdom: not an area code engage's datasets use
		{"L99999999", false}, {"M99999999", false},
		{"e38000050", false}, {"E3800005", false}, {"E380000500", false}, {"E3800005O", false},
		{" E38000050", false}, {"", false},
	} {
		if got := validGSSCode(c.in); got != c.want {
			t.Errorf("validGSSCode(%q) = %v, want %v", c.in, got, c.want)
		}
	}
}

// Decimal strings: -?(0|[1-9][0-9]{0,17})(\.[0-9]{1,12})?
func TestDecimal(t *testing.T) {
	for _, c := range []struct {
		in   string
		want bool
	}{
		{"0", true}, {"-0", true}, {"1250.00", true}, {"-12.5", true}, {"0.000000000001", true},
		{"999999999999999999", true}, {"999999999999999999.999999999999", true},
		{"1000000000000000000", false}, // 19 digits before the point
		{"0.0000000000001", false},     // 13 after
		{"01", false}, {"1.", false}, {".5", false}, {"1e3", false}, {"1E3", false}, {"+1", false},
		{"1,000", false}, {" 1", false}, {"", false}, {"-", false}, {"NaN", false}, {"Infinity", false},
		{"1.2.3", false}, {"１", false},
	} {
		if got := validDecimal(c.in); got != c.want {
			t.Errorf("validDecimal(%q) = %v, want %v", c.in, got, c.want)
		}
	}
}

func TestWholeNumber(t *testing.T) {
	for _, c := range []struct {
		in   string
		want bool
	}{
		{"0", true}, {"-0", true}, {"42", true}, {"-7", true},
		{"1.0", false}, {"1e2", false}, {"1E2", false}, {"-", false}, {"", false}, {"1.5", false},
	} {
		if got := validWholeNumber(c.in); got != c.want {
			t.Errorf("validWholeNumber(%q) = %v, want %v", c.in, got, c.want)
		}
	}
}

func TestFinancialYear(t *testing.T) {
	for _, c := range []struct {
		in   string
		want bool
	}{
		{"2025-26", true}, {"1999-00", true}, {"2009-10", true},
		{"2025-27", false}, {"2025-25", false}, {"2025/26", false}, {"25-26", false}, {"2025-2026", false},
		{"202a-26", false}, {"", false},
	} {
		if got := validFinancialYear(c.in); got != c.want {
			t.Errorf("validFinancialYear(%q) = %v, want %v", c.in, got, c.want)
		}
	}
}

// A format passes values of the types it does not apply to, as JSON Schema requires.
func TestFormatsPassOtherTypes(t *testing.T) {
	for name, f := range formats {
		for _, v := range []any{nil, true, map[string]any{}, []any{}} {
			if !f.check(v) {
				t.Errorf("format %q rejects %T", name, v)
			}
		}
		if f.str == nil && !f.check("anything") {
			t.Errorf("format %q, which does not apply to strings, rejects a string", name)
		}
		if f.num == nil && !f.check(json.Number("1.5")) {
			t.Errorf("format %q, which does not apply to numbers, rejects a number", name)
		}
		if f.expect == "" {
			t.Errorf("format %q has no message", name)
		}
	}
}

// Every string a format accepts matches the pattern the fast path then skips: strings drawn
// near the format's shape (and arbitrary ones), checked against the compiled pattern.
func TestImpliedPatterns(t *testing.T) {
	near := map[string]*rapid.Generator[string]{
		"decimal":        rapid.StringMatching(`-?[0-9]{1,20}(\.[0-9]{0,14})?`),
		"nhs-number":     rapid.StringMatching(`[0-9]{9,11}`),
		"gss-code":       rapid.StringMatching(`[A-Z][0-9]{7,9}`),
		"financial-year": rapid.StringMatching(`[0-9]{4}-[0-9]{2}`),
	}
	for name, expr := range impliedPatterns {
		re := regexp.MustCompile(expr)
		f, ok := formats[name]
		if !ok || near[name] == nil {
			t.Fatalf("no format or generator for %q", name)
		}
		rapid.Check(t, func(t *rapid.T) {
			s := rapid.OneOf(near[name], rapid.String()).Draw(t, "s")
			if f.str(s) && !re.MatchString(s) {
				t.Fatalf("format %q accepts %q, which does not match %s", name, s, expr)
			}
		})
	}
	// And the patterns are those of common.json.
	raw := schemaDocs(t)[BaseURI+"common.json"]
	found := 0
	walkSchema(raw, "", func(obj map[string]any, _ string) {
		if f, _ := obj["format"].(string); impliedPatterns[f] != "" && obj["pattern"] == impliedPatterns[f] {
			found++
		}
	})
	if found < len(impliedPatterns) {
		t.Errorf("only %d definitions in common.json pair a format with its implied pattern", found)
	}
}
