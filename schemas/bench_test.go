package schemas

import (
	"bytes"
	"strings"
	"testing"
)

// Targets (issue "schemas"): validating a PAM response ≤ 20 µs; a 50-outcome SROI impact
// map ≤ 300 µs; rejecting a 1 MiB hostile document within 10 ms and 16 MiB of allocation.

func BenchmarkValidatePAMResponse(b *testing.B) {
	v := fixtureValidator(b)
	data := []byte(pamDoc)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for range b.N {
		if err := v.validate(PAMResponse, data); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkValidateSROIModel50(b *testing.B) {
	v := fixtureValidator(b)
	data := sroiDoc(50)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for range b.N {
		if err := v.validate(SROIModel, data); err != nil {
			b.Fatal(err)
		}
	}
}

const mib = 1 << 20

// hostile documents of 1 MiB each.
var hostile = map[string]func() []byte{
	// 1 MiB of opening brackets: the validator alone spent 116 MB on 20 KB of these.
	"deepNesting": func() []byte { return bytes.Repeat([]byte("["), mib) },
	// Balanced nesting after almost 1 MiB of valid data, so the guard reads it all.
	"deepNestingAtEnd": func() []byte {
		var b bytes.Buffer
		b.WriteString(`{"padding":"`)
		b.WriteString(strings.Repeat("x", mib-200))
		b.WriteString(`","deep":`)
		b.WriteString(strings.Repeat("[", 40) + strings.Repeat("]", 40) + "}")
		return b.Bytes()
	},
	// One number of a million digits.
	"giantNumber": func() []byte { return append([]byte("[1"), append(bytes.Repeat([]byte("0"), mib-3), ']')...) },
	// Many numbers whose exponents panic the validator (1e1000000000).
	"giantExponents": func() []byte {
		item := "1e1000000000,"
		return []byte("[" + strings.Repeat(item, mib/len(item)) + "1]")
	},
	// A huge exponent at the very end of a large array of small numbers.
	"giantExponentAtEnd": func() []byte {
		return []byte("[" + strings.Repeat("1,", 99_000) + strings.Repeat(" ", mib-200_000) + "1e999999999]")
	},
	// Too many items for one array.
	"longArray": func() []byte { return []byte("[" + strings.Repeat("0,", mib/2-1) + "0]") },
}

func BenchmarkRejectHostile(b *testing.B) {
	v := fixtureValidator(b)
	for _, name := range []string{"deepNesting", "deepNestingAtEnd", "giantNumber", "giantExponents", "giantExponentAtEnd", "longArray"} {
		data := hostile[name]()
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for range b.N {
				if err := v.validate(SROIModel, data); err == nil {
					b.Fatal("accepted")
				}
			}
		})
	}
}

// Explaining a rejected document: the fast path says no, then the library validates the
// decoded document and every violation is explained and ordered.
func BenchmarkExplainInvalid(b *testing.B) {
	v := fixtureValidator(b)
	for _, c := range []struct {
		name string
		k    Kind
		data []byte
	}{
		{"pam", PAMResponse, []byte(`{"form": "pam-14", "answrs": {}, "answers": {"PA1": 5, "PA2": "3", "PA3": 1.5}}`)},
		{"sroi50", SROIModel, []byte(strings.Replace(string(sroiDoc(50)), `"deadweight": 0.25`, `"deadweight": 1.25`, -1))},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for range b.N {
				if err := v.validate(c.k, c.data); err == nil {
					b.Fatal("accepted")
				}
			}
		})
	}
}

// The stages of Validate on its own: the guard, the tree decoding the library needs, and the
// library validating a decoded tree (what the fast path saves).
func BenchmarkStageGuard(b *testing.B) {
	for _, c := range []struct {
		name string
		data []byte
	}{{"pam", []byte(pamDoc)}, {"sroi50", sroiDoc(50)}} {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(c.data)))
			b.ReportAllocs()
			for range b.N {
				if guard(c.data) != nil {
					b.Fatal("rejected")
				}
			}
		})
	}
}

func BenchmarkStageDecode(b *testing.B) {
	for _, c := range []struct {
		name string
		data []byte
	}{{"pam", []byte(pamDoc)}, {"sroi50", sroiDoc(50)}} {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(c.data)))
			b.ReportAllocs()
			for range b.N {
				decode(string(c.data))
			}
		})
	}
}

func BenchmarkStageLibrary(b *testing.B) {
	v := fixtureValidator(b)
	for _, c := range []struct {
		name string
		k    Kind
		data []byte
	}{{"pam", PAMResponse, []byte(pamDoc)}, {"sroi50", SROIModel, sroiDoc(50)}} {
		doc := decode(string(c.data))
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for range b.N {
				if f, _ := v.check(c.k, doc); f != nil {
					b.Fatal("invalid")
				}
			}
		})
	}
}

// A document of MaxArrayLength items, every one wrong: the violations stop at MaxViolations
// and the library is not asked (it would spend about 6 KB per failure).
func BenchmarkManyViolations(b *testing.B) {
	v := testSchema(b, `"items": {"$ref": "common.json#/$defs/gssCode"}`)
	doc := []byte("[" + strings.Repeat(`"x",`, MaxArrayLength-1) + `"x"]`)
	b.SetBytes(int64(len(doc)))
	b.ReportAllocs()
	for range b.N {
		if err := v.validate(Catalogue, doc); err == nil {
			b.Fatal("accepted")
		}
	}
}
