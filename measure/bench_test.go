package measure_test

import (
	"testing"

	"github.com/peopleandcommunities/engage/measure"
	"github.com/peopleandcommunities/engage/principle"
)

func BenchmarkLookupCanonical(b *testing.B) {
	b.ReportAllocs()
	for range b.N {
		if _, err := measure.Lookup("carers-quality-of-life"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParseIDForgiving(b *testing.B) {
	b.ReportAllocs()
	for range b.N {
		if _, err := measure.ParseID("Carers quality of life"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkForPrinciple(b *testing.B) {
	b.ReportAllocs()
	for range b.N {
		for m := range measure.ForPrinciple(principle.VolunteeringAndSocialAction) {
			_ = m
		}
	}
}
