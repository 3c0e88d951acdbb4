// Command beam runs engage's cohort and group analyses at national scale on Apache Beam: it
// generates SYNTHETIC PAM responses, small-area counts and engagement participants with the
// sample generator, scores the responses, combines them with engage's mergeable accumulators
// as Beam CombineFns keyed by small area, deprivation decile and the whole place, and writes
// one JSON line per area, per decile and for the place.
//
// Locally, on Beam's direct runner:
//
//	cd examples/beam && go run . -size small -out results.jsonl
//
// The same results computed in one pass without Beam, for comparison and timing:
//
//	go run . -size small -inprocess -out local.jsonl
//
// See README.md for running on Dataflow, Flink and Spark.
package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/textio"
	beamlog "github.com/apache/beam/sdks/v2/go/pkg/beam/log"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/runners"
	"github.com/peopleandcommunities/engage/equality"
	"github.com/peopleandcommunities/engage/examples/internal/sample"

	// The runners and file systems the pipeline can use.
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/gcs"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/local"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/runners/dataflow"
	//lint:ignore SA1019 the direct runner is the one-command local run the example documents; prism is tested too
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/runners/direct"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/runners/flink"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/runners/prism"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/runners/spark"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/runners/universal"
)

// DefaultSeed is the sample generator's seed unless -seed says otherwise.
const DefaultSeed = 20251121

var (
	sizeFlag  = flag.String("size", "small", "the place to generate: small (120 areas, 3,000 people) or national (32,844 areas, 1,000,000 people)")
	people    = flag.Int("people", -1, "override the number of people of -size")
	seed      = flag.Uint64("seed", DefaultSeed, "the sample generator's seed")
	out       = flag.String("out", "", "the file to write the JSON lines to (required; a gs:// path on Dataflow)")
	reps      = flag.Int("reps", equality.DefaultSIIRepetitions, "Monte Carlo repetitions of the SII's confidence limits")
	shardSize = flag.Int("shard", 20_000, "records per shard of the generated source")
	inprocess = flag.Bool("inprocess", false, "compute the same results in one pass on one goroutine, without Beam")
	verbose   = flag.Bool("v", false, "show Beam's and the runner's information messages")
)

// quiet shows only Beam's and the runner's warnings and errors, unless verbose.
func quiet(verbose bool) {
	if verbose {
		return
	}
	slog.SetDefault(slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn})))
	beamlog.SetLogger(warnings{})
}

// warnings is a Beam logger that prints warnings and errors.
type warnings struct{}

func (warnings) Log(_ context.Context, sev beamlog.Severity, _ int, msg string) {
	if sev >= beamlog.SevWarn {
		fmt.Fprintf(os.Stderr, "%v: %s\n", sev, msg)
	}
}

// sizeNamed returns the sample size called name.
func sizeNamed(name string) (sample.Size, error) {
	switch name {
	case "small":
		return sample.Small(), nil
	case "national":
		return sample.National(), nil
	}
	return sample.Size{}, fmt.Errorf("-size %q: want small or national", name)
}

func main() {
	flag.Parse()
	beam.Init()
	quiet(*verbose)
	if err := mainErr(); err != nil {
		fmt.Fprintln(os.Stderr, "beam:", err)
		os.Exit(1)
	}
}

func mainErr() error {
	if *out == "" {
		return fmt.Errorf("-out FILE is required")
	}
	size, err := sizeNamed(*sizeFlag)
	if err != nil {
		return err
	}
	if *people >= 0 {
		size.People = *people
	}
	if err := size.Validate(); err != nil {
		return err
	}
	if *shardSize < 1 {
		return fmt.Errorf("-shard must be at least 1")
	}
	cfg := Config{Seed: *seed, Size: size, Repetitions: *reps, ShardSize: *shardSize}
	start := time.Now()
	if *inprocess {
		if err := runLocal(cfg, *out); err != nil {
			return err
		}
		fmt.Fprintf(os.Stderr, "single process: %d areas, %d people in %v\n", size.Areas, size.People, time.Since(start).Round(time.Millisecond))
		return nil
	}
	runner := *runners.Runner
	if runner == "" {
		runner = "direct"
	}
	if err := run(context.Background(), cfg, *out, runner); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "%s runner: %d areas, %d people in %v\n", runner, size.Areas, size.People, time.Since(start).Round(time.Millisecond))
	return nil
}

// runLocal computes the results in one process and writes them to a local file, place
// first, then the deciles and the areas in order.
func runLocal(cfg Config, path string) error {
	g, err := sample.New(cfg.Seed, cfg.Size)
	if err != nil {
		return err
	}
	lines, err := Local(g, cfg.Repetitions)
	if err != nil {
		return err
	}
	return writeFile(path, lines)
}

func writeFile(path string, lines []string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	for _, l := range lines {
		w.WriteString(l)
		w.WriteByte('\n')
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// writeLines writes the pipeline's lines to one file.
func writeLines(s beam.Scope, path string, lines beam.PCollection) {
	textio.Write(s, path, lines)
}
