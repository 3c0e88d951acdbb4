package indicator_test

import (
	"testing"

	"github.com/peopleandcommunities/engage/indicator"
	"github.com/peopleandcommunities/engage/principle"
)

func BenchmarkCatalogueLookup(b *testing.B) {
	b.ReportAllocs()
	for range b.N {
		if _, err := indicator.Lookup("gp-patient-survey"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCatalogueIDUnmarshalText(b *testing.B) {
	b.ReportAllocs()
	var id indicator.ID
	for range b.N {
		if err := id.UnmarshalText([]byte("gp-patient-survey")); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCatalogueForPrinciple(b *testing.B) {
	b.ReportAllocs()
	for range b.N {
		for ind := range indicator.ForPrinciple(principle.PersonCentredCare) {
			_ = ind
		}
	}
}

func BenchmarkCatalogueExportJSON(b *testing.B) {
	b.ReportAllocs()
	for range b.N {
		if _, err := indicator.ExportJSON(); err != nil {
			b.Fatal(err)
		}
	}
}
