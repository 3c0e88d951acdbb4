package indicator_test

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/peopleandcommunities/engage/indicator"
)

// evBenchSet is the fictional set with its activities repeated to n.
func evBenchSet(b *testing.B, n int) indicator.EvidenceSet {
	s := evFictional(b)
	base := s.Activities
	s.Activities = nil
	for i := range n {
		a := base[i%len(base)]
		a.ID = fmt.Sprintf("activity-%d", i)
		s.Activities = append(s.Activities, a)
	}
	return s
}

// BenchmarkEvidenceValidate: 1,000 activities, several years of a large system's audit trail.
func BenchmarkEvidenceValidate(b *testing.B) {
	s := evBenchSet(b, 1000)
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		if err := s.Validate(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParseEvidence(b *testing.B) {
	s := evBenchSet(b, 1000)
	data, err := json.Marshal(s)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		if _, err := indicator.ParseEvidence(data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkEvidenceFeedbackLoop: the computed indicators over 1,000 activities.
func BenchmarkEvidenceFeedbackLoop(b *testing.B) {
	s := evBenchSet(b, 1000)
	year := evYear(b)
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		if _, err := s.FeedbackLoop(year, 0.95); err != nil {
			b.Fatal(err)
		}
		if _, err := s.AuditTrail(year, 0.95); err != nil {
			b.Fatal(err)
		}
		_ = s.ParticipantCounts(year, "ethnic-group")
	}
}
