package main

import (
	"context"
	"path/filepath"
	"sync"
	"testing"

	"github.com/peopleandcommunities/engage/examples/internal/sample"
	"github.com/peopleandcommunities/engage/pam"
)

// nationalResponses returns the first 1,000,000 PAM responses of the national sample — the
// baselines and follow-ups of its people in order — and the small area of each. They are
// generated once per test process (about 2 s) and shared by every run of the benchmark.
var nationalResponses = sync.OnceValues(func() (areaResponses, error) {
	const n = 1_000_000
	g, err := sample.New(DefaultSeed, sample.National())
	if err != nil {
		return areaResponses{}, err
	}
	out := areaResponses{responses: make([]pam.Response, 0, n), areas: make([]int32, 0, n), count: g.Size().Areas}
	for p := range g.People() {
		for _, m := range [2]sample.Measurement{p.Baseline, p.FollowUp} {
			if m.Taken() && len(out.responses) < n {
				out.responses = append(out.responses, m.Response)
				out.areas = append(out.areas, int32(p.Area))
			}
		}
		if len(out.responses) == n {
			break
		}
	}
	return out, nil
})

// areaResponses holds responses and the small area of each, out of count areas.
type areaResponses struct {
	responses []pam.Response
	areas     []int32
	count     int
}

// BenchmarkScoreIntoAreaCohorts scores 1,000,000 generated PAM responses — the national
// sample's baselines and follow-ups in order, PAM-13 and PAM-10, some with items left blank
// or marked not applicable — and adds each result to the cohort of its small area (32,844
// areas), on one goroutine: one op is the million, as a national run does it, with a new
// scorer. The responses are generated before the timer starts; the new scorer's preparation
// and its solving, on first use, of the estimate of each answered set and raw sum met that is
// not a complete form's (5,559 of them, in 636 sets) are timed, and are the allocations
// reported. Compare pam's BenchmarkScoreMillionIntoCohort, which scores complete PAM-13
// responses into one cohort with one scorer (issue target: ≤ 0.2 s on one core).
func BenchmarkScoreIntoAreaCohorts(b *testing.B) {
	data, err := nationalResponses()
	if err != nil {
		b.Fatal(err)
	}
	cohorts := make([]pam.Cohort, data.count)
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		clear(cohorts)
		scorer, err := newScorer()
		if err != nil {
			b.Fatal(err)
		}
		for i := range data.responses {
			r, err := scorer.Score(data.responses[i])
			if err != nil {
				b.Fatal(err)
			}
			cohorts[data.areas[i]].Add(r)
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
