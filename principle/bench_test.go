package principle_test

import (
	"testing"

	"github.com/peopleandcommunities/engage/principle"
)

func BenchmarkParsePrincipleSlug(b *testing.B) {
	b.ReportAllocs()
	for range b.N {
		if _, err := principle.ParsePrinciple("volunteering-and-social-action"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParsePrincipleTitle(b *testing.B) {
	b.ReportAllocs()
	for range b.N {
		if _, err := principle.ParsePrinciple("Carers are identified, supported and involved"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkPrincipleMarshalText(b *testing.B) {
	b.ReportAllocs()
	for range b.N {
		if _, err := principle.Carers.MarshalText(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLookupCommitment(b *testing.B) {
	b.ReportAllocs()
	for range b.N {
		if _, err := principle.LookupCommitment("peer-support"); err != nil {
			b.Fatal(err)
		}
	}
}
