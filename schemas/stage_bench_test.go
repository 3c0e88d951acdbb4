package schemas

import "testing"

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
