package main

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/peopleandcommunities/engage/examples/internal/sample"
	"github.com/peopleandcommunities/engage/pam"
)

// BenchmarkScoreIntoAreaCohorts scores 1,000,000 generated PAM responses — the national
// sample's baselines and follow-ups in order, PAM-13 and PAM-10, some with items left blank
// or marked not applicable — and adds each result to the cohort of its small area (32,844
// areas), on one goroutine: one op is the million. The responses are generated before the
// timer starts. Compare pam's BenchmarkScoreMillionIntoCohort, which scores complete PAM-13
// responses into one cohort (issue target: ≤ 0.2 s on one core).
func BenchmarkScoreIntoAreaCohorts(b *testing.B) {
	const n = 1_000_000
	g, err := sample.New(DefaultSeed, sample.National())
	if err != nil {
		b.Fatal(err)
	}
	responses := make([]pam.Response, 0, n)
	areas := make([]int32, 0, n)
	for p := range g.People() {
		for _, m := range [2]sample.Measurement{p.Baseline, p.FollowUp} {
			if m.Taken() && len(responses) < n {
				responses = append(responses, m.Response)
				areas = append(areas, int32(p.Area))
			}
		}
		if len(responses) == n {
			break
		}
	}
	scorer, err := newScorer()
	if err != nil {
		b.Fatal(err)
	}
	cohorts := make([]pam.Cohort, g.Size().Areas)
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		clear(cohorts)
		for i := range responses {
			r, err := scorer.Score(responses[i])
			if err != nil {
				b.Fatal(err)
			}
			cohorts[areas[i]].Add(r)
		}
	}
}

// BenchmarkSmallPlace runs the whole analysis of the small place (120 areas, 3,000 people,
// 900 participants, SII limits from 100,000 repetitions): generation, scoring, every
// accumulator and every line, in one process and through the pipeline on the direct runner
// and Prism.
func BenchmarkSmallPlace(b *testing.B) {
	cfg := Config{Seed: DefaultSeed, Size: sample.Small(), Repetitions: 100_000, ShardSize: 20_000}
	b.Run("single-process", func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			g, err := sample.New(cfg.Seed, cfg.Size)
			if err != nil {
				b.Fatal(err)
			}
			if _, err := Local(g, cfg.Repetitions); err != nil {
				b.Fatal(err)
			}
		}
	})
	for _, runner := range []string{"direct", "prism"} {
		b.Run(runner, func(b *testing.B) {
			out := filepath.Join(b.TempDir(), "results.jsonl")
			b.ReportAllocs()
			for range b.N {
				if err := run(context.Background(), cfg, out, runner); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
