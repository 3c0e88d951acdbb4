package equality

import (
	"encoding"
	"errors"
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestDeprivationFromRank checks decile and quintile boundaries. With N LSOAs and q groups,
// rank r is in group ⌈q·r/N⌉ (DeprivationDecile's documented rule). Hand derivation for IMD
// 2019, N = 32,844 (MHCLG, IoD2019 research report): N/10 = 3,284.4, so decile 1 ends at rank
// 3,284, decile 2 at 6,568 (2·3,284.4 = 6,568.8) and decile 10 starts at 29,560
// (9·3,284.4 = 29,559.6); N/5 = 6,568.8, so quintile 1 ends at 6,568. For IMD 2025,
// N = 33,755 (MHCLG IoD2025 FAQ): N/10 = 3,375.5, decile 1 ends at 3,375.
func TestDeprivationFromRank(t *testing.T) {
	cases := []struct {
		ed       IMDEdition
		rank     int
		dec, qui int
	}{
		{IMD2019, 1, 1, 1},
		{IMD2019, 3284, 1, 1},
		{IMD2019, 3285, 2, 1},
		{IMD2019, 6568, 2, 1},
		{IMD2019, 6569, 3, 2},
		{IMD2019, 29559, 9, 5},
		{IMD2019, 29560, 10, 5},
		{IMD2019, 32844, 10, 5},
		{IMD2025, 3375, 1, 1},
		{IMD2025, 3376, 2, 1},
		{IMD2025, 6751, 2, 1},
		{IMD2025, 6752, 3, 2},
		{IMD2025, 33755, 10, 5},
	}
	for _, c := range cases {
		d, err1 := DeprivationDecile(c.ed, c.rank)
		q, err2 := DeprivationQuintile(c.ed, c.rank)
		if err1 != nil || err2 != nil {
			t.Fatalf("%v rank %d: %v %v", c.ed, c.rank, err1, err2)
		}
		if d.Group != c.dec || q.Group != c.qui || d.Quantiles != 10 || q.Quantiles != 5 || d.Edition != c.ed {
			t.Errorf("%v rank %d: decile %v quintile %v, want %d and %d", c.ed, c.rank, d, q, c.dec, c.qui)
		}
		// The decile's quintile is the rank's quintile.
		if dq, err := d.Quintile(); err != nil || dq != q {
			t.Errorf("%v rank %d: Quintile() = %v, %v; want %v", c.ed, c.rank, dq, err, q)
		}
	}
	// Every decile holds N/10 ranks to within one.
	for _, ed := range []IMDEdition{IMD2019, IMD2025} {
		counts := make([]int, 11)
		for r := 1; r <= ed.LSOAs(); r++ {
			d, _ := DeprivationDecile(ed, r)
			counts[d.Group]++
		}
		for g := 1; g <= 10; g++ {
			if c := counts[g]; c != ed.LSOAs()/10 && c != ed.LSOAs()/10+1 {
				t.Errorf("%v decile %d has %d LSOAs", ed, g, c)
			}
		}
	}
	for _, bad := range []struct {
		ed   IMDEdition
		rank int
	}{{IMD2019, 0}, {IMD2019, 32845}, {IMD2025, -3}, {0, 5}, {9, 5}} {
		if _, err := DeprivationDecile(bad.ed, bad.rank); err == nil {
			t.Errorf("DeprivationDecile(%v, %d): no error", bad.ed, bad.rank)
		}
	}
}

func TestDeprivationGroup(t *testing.T) {
	g, err := NewDeprivationGroup(IMD2025, 10, 3)
	if err != nil || g.String() != "imd-2025 decile 3" {
		t.Errorf("NewDeprivationGroup = %v, %v", g, err)
	}
	if g.Comparable(DeprivationGroup{IMD2019, 10, 3}) || !g.Comparable(DeprivationGroup{IMD2025, 10, 9}) {
		t.Error("Comparable ignores the edition or the quantile count")
	}
	_, err = NewDeprivationGroup(0, 7, 9)
	if d := cmp.Diff([]string{"/edition", "/quantiles"}, locatedPaths(err)); d != "" {
		t.Errorf("paths -want +got:\n%s", d)
	}
	if s := (DeprivationGroup{IMD2019, 5, 6}).String(); s != "%!DeprivationGroup(1/5/6)" {
		t.Errorf("invalid group prints %q", s)
	}
	if IMD2019.LSOAs() != 32844 || IMD2025.LSOAs() != 33755 || IMD2019.Boundaries() != 2011 || IMD2025.Boundaries() != 2021 {
		t.Error("edition facts")
	}
}

// TestGroupEnumerations checks every enumeration's contract: String never panics and prints
// %!Type(n) out of range, MarshalText/UnmarshalText round-trip through the stable text form,
// the zero value is invalid, and unknown text is an error matching ErrUnknownValue.
func TestGroupEnumerations(t *testing.T) {
	type enumCase struct {
		name   string
		values []any // valid values, each implementing MarshalText and Valid
		zero   fmt.Stringer
		parse  func(string) (any, error)
		alias  map[string]any
	}
	vals := func(n int, f func(i int) any) []any {
		out := make([]any, n)
		for i := range out {
			out[i] = f(i + 1)
		}
		return out
	}
	cases := []enumCase{
		{"IMDEdition", vals(2, func(i int) any { return IMDEdition(i) }), IMDEdition(0),
			func(s string) (any, error) { return ParseIMDEdition(s) },
			map[string]any{"IoD2019": IMD2019, "IMD 2025": IMD2025, "2019": IMD2019}},
		{"ProtectedCharacteristic", vals(9, func(i int) any { return ProtectedCharacteristic(i) }), ProtectedCharacteristic(0),
			func(s string) (any, error) { return ParseProtectedCharacteristic(s) },
			map[string]any{"Religion or belief": ReligionOrBelief, "Marriage and civil partnership": MarriageAndCivilPartnership, "ethnicity": Race}},
		{"EthnicCategory", vals(18, func(i int) any { return EthnicCategory(i) }), EthnicCategory(0),
			func(s string) (any, error) { return ParseEthnicCategory(s) },
			map[string]any{"a": EthnicWhiteBritish, "99": EthnicNotKnown, "X": EthnicNotKnown, "CA": EthnicWhiteOther,
				"z": EthnicNotStated, "white-british": EthnicWhiteBritish, "Not stated": EthnicNotStated, " S ": EthnicOther}},
		{"EthnicGroup", vals(7, func(i int) any { return EthnicGroup(i) }), EthnicGroup(0),
			func(s string) (any, error) { return ParseEthnicGroup(s) },
			map[string]any{"Asian or Asian British": EthnicGroupAsian}},
		{"EthnicCodeSet", vals(1, func(i int) any { return EthnicCodeSet(i) }), EthnicCodeSet(0),
			func(s string) (any, error) { return ParseEthnicCodeSet(s) }, nil},
		{"ValueType", vals(3, func(i int) any { return ValueType(i) }), ValueType(0),
			func(s string) (any, error) { return ParseValueType(s) },
			map[string]any{"0": ValueOther, "1": ValueRate, "2": ValueProportion, "Normal": ValueOther}},
		{"RepresentationFlag", vals(3, func(i int) any { return RepresentationFlag(i) }), RepresentationFlag(0),
			func(s string) (any, error) { return ParseRepresentationFlag(s) }, nil},
		{"GapTrend", vals(3, func(i int) any { return GapTrend(i) }), GapTrend(0),
			func(s string) (any, error) { return ParseGapTrend(s) }, nil},
		{"GroupDimension", vals(7, func(i int) any { return GroupDimension(i) }), GroupDimension(0),
			func(s string) (any, error) { return ParseGroupDimension(s) }, map[string]any{"IMD decile": ByDeprivationDecile}},
	}
	type valider interface{ Valid() bool }
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if c.zero.(valider).Valid() {
				t.Error("zero value is valid")
			}
			if s := c.zero.String(); s != "%!"+c.name+"(0)" {
				t.Errorf("zero prints %q", s)
			}
			if _, err := c.zero.(encoding.TextMarshaler).MarshalText(); err == nil {
				t.Error("zero value marshals")
			}
			seen := map[string]bool{}
			for _, v := range c.values {
				if !v.(valider).Valid() {
					t.Errorf("%v invalid", v)
				}
				text, err := v.(encoding.TextMarshaler).MarshalText()
				if err != nil || seen[string(text)] {
					t.Fatalf("MarshalText(%v) = %q, %v (duplicate %v)", v, text, err, seen[string(text)])
				}
				seen[string(text)] = true
				back, err := c.parse(string(text))
				if err != nil || back != v {
					t.Errorf("parse(%q) = %v, %v; want %v", text, back, err, v)
				}
			}
			for in, want := range c.alias {
				if got, err := c.parse(in); err != nil || got != want {
					t.Errorf("parse(%q) = %v, %v; want %v", in, got, err, want)
				}
			}
			if _, err := c.parse("no such value"); !errors.Is(err, ErrUnknownValue) {
				t.Errorf("unknown text: %v", err)
			}
		})
	}
}

func TestEthnicCategories(t *testing.T) {
	// NHS Data Dictionary ETHNIC CATEGORY: 16 national codes A–S without I, O and Q, then Z
	// and 99.
	var codes []string
	for _, c := range EthnicCodes2001.Categories() {
		codes = append(codes, c.Code())
	}
	want := []string{"A", "B", "C", "D", "E", "F", "G", "H", "J", "K", "L", "M", "N", "P", "R", "S", "Z", "99"}
	if d := cmp.Diff(want, codes); d != "" {
		t.Errorf("codes -want +got:\n%s", d)
	}
	for _, bad := range []string{"I", "O", "Q", "T", "", "9", "AAA"} {
		if _, err := ParseEthnicCategory(bad); err == nil {
			t.Errorf("ParseEthnicCategory(%q) accepted", bad)
		}
	}
	if EthnicMixedWhiteAsian.Description() != "Mixed - White and Asian" || EthnicMixedWhiteAsian.Group() != EthnicGroupMixed {
		t.Error("description or group of F")
	}
	if EthnicNotStated.Recorded() || !EthnicChinese.Recorded() || EthnicChinese.Group() != EthnicGroupOther {
		t.Error("Recorded or Group")
	}
	if EthnicCategory(0).CodeSet() != 0 || EthnicBlackAfrican.CodeSet() != EthnicCodes2001 {
		t.Error("CodeSet")
	}
	if got := len(ProtectedCharacteristics()); got != 9 {
		t.Errorf("%d protected characteristics", got)
	}
	if MarriageAndCivilPartnership.EqualityDutyAim() || !Age.EqualityDutyAim() {
		t.Error("EqualityDutyAim (Equality Act 2010 s.149(7))")
	}
}

func FuzzParseGroupEnumerations(f *testing.F) {
	for _, s := range []string{"A", "99", "x", "CA", "imd-2019", "IoD 2025", "religion-or-belief", "", "\x00", "ÿÿ", "narrowing", "deprivation-decile"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, p := range []func(string) (fmt.Stringer, error){
			func(s string) (fmt.Stringer, error) { return ParseEthnicCategory(s) },
			func(s string) (fmt.Stringer, error) { return ParseEthnicGroup(s) },
			func(s string) (fmt.Stringer, error) { return ParseIMDEdition(s) },
			func(s string) (fmt.Stringer, error) { return ParseProtectedCharacteristic(s) },
			func(s string) (fmt.Stringer, error) { return ParseValueType(s) },
			func(s string) (fmt.Stringer, error) { return ParseGroupDimension(s) },
			func(s string) (fmt.Stringer, error) { return ParseGapTrend(s) },
			func(s string) (fmt.Stringer, error) { return ParseRepresentationFlag(s) },
			func(s string) (fmt.Stringer, error) { return ParseEthnicCodeSet(s) },
		} {
			v, err := p(s)
			if err != nil {
				if !errors.Is(err, ErrUnknownValue) {
					t.Fatalf("error %v does not match ErrUnknownValue", err)
				}
				continue
			}
			if !v.(interface{ Valid() bool }).Valid() {
				t.Fatalf("parsed %q to invalid %v", s, v)
			}
		}
	})
}

func FuzzDeprivation(f *testing.F) {
	f.Add(uint8(1), 1, 10, 1)
	f.Add(uint8(2), 33755, 5, 5)
	f.Add(uint8(0), -1, 7, 11)
	f.Fuzz(func(t *testing.T, ed uint8, rank, quantiles, group int) {
		e := IMDEdition(ed)
		for _, fn := range []func(IMDEdition, int) (DeprivationGroup, error){DeprivationDecile, DeprivationQuintile} {
			g, err := fn(e, rank)
			if err == nil && g.Validate() != nil {
				t.Fatalf("invalid group %v from rank %d", g, rank)
			}
		}
		g, err := NewDeprivationGroup(e, quantiles, group)
		if err == nil && (g.Group < 1 || g.Group > g.Quantiles) {
			t.Fatalf("accepted %v", g)
		}
		_ = g.String()
	})
}
