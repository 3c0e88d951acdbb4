package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/peopleandcommunities/engage/equality"
	"github.com/peopleandcommunities/engage/examples/internal/sample"
)

func TestMain(m *testing.M) {
	flag.Parse()
	beam.Init()
	quiet(false)
	os.Exit(m.Run())
}

// welford names the statistics that pam.Cohort and pam.Gains keep as running means and sums of
// squared deviations (Welford's updates, merged by Chan, Golub and LeVeque's formulas). A
// runner adds records and merges partial accumulators in an order of its choosing, and
// floating-point addition is not associative, so these agree with the single pass to
// rounding — the library documents about 1e-12 of the values — rather than bit for bit.
// Everything else is a count, or computed from counts, and must be identical.
var welford = map[string]bool{"mean": true, "sd": true, "meanInterval": true, "meanChange": true, "sdChange": true}

// welfordTolerance is the largest difference allowed in those statistics, relative to their
// magnitude or, for values below 1 (a mean change near zero), absolute: the statistics are in
// score points on a 0–100 scale, so 1e-12 of a point is far below any reported precision.
const welfordTolerance = 1e-12

// testConfig is a small place with fewer people than Small, so the test is quick, and a
// shard size that splits them into several shards.
func testConfig() Config {
	size := sample.Small()
	size.People = 1500
	return Config{Seed: DefaultSeed, Size: size, Repetitions: 10_000, ShardSize: 400}
}

func TestPipelineEqualsSingleProcess(t *testing.T) {
	cfg := testConfig()
	g, err := sample.New(cfg.Seed, cfg.Size)
	if err != nil {
		t.Fatal(err)
	}
	want, err := Local(g, cfg.Repetitions)
	if err != nil {
		t.Fatal(err)
	}
	// One line for the place, one per decile with an area, one per area.
	if n := len(want); n < 1+cfg.Size.Areas+1 || n > 1+10+cfg.Size.Areas {
		t.Fatalf("%d lines from the single process", n)
	}
	for _, runner := range []string{"direct", "prism"} {
		t.Run(runner, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "results.jsonl")
			if err := run(context.Background(), cfg, out, runner); err != nil {
				t.Fatal(err)
			}
			got := readLines(t, out)
			compareResults(t, want, got)
		})
	}
}

// compareResults checks that two sets of lines hold the same results, whatever their order.
func compareResults(t *testing.T, want, got []string) {
	t.Helper()
	problems, identical, worst := differences(want, got)
	for _, p := range problems {
		t.Error(p)
	}
	t.Logf("%d lines; %d identical bit for bit; largest relative difference in a running mean or SD %.1e",
		len(want), identical, worst)
}

// differences lists how two sets of lines differ, counts the lines that are identical byte
// for byte, and reports the largest relative difference found in a Welford statistic.
func differences(want, got []string) (problems []string, identical int, worst float64) {
	index := func(lines []string) (map[string]map[string]any, map[string]string) {
		m, raw := make(map[string]map[string]any, len(lines)), make(map[string]string, len(lines))
		for _, l := range lines {
			var v map[string]any
			if err := json.Unmarshal([]byte(l), &v); err != nil {
				problems = append(problems, fmt.Sprintf("not JSON: %v", err))
				continue
			}
			key := fmt.Sprint(v["kind"], " ", v["area"], v["decile"])
			if _, dup := m[key]; dup {
				problems = append(problems, "two lines for "+key)
			}
			m[key], raw[key] = v, l
		}
		return m, raw
	}
	w, wraw := index(want)
	g, graw := index(got)
	keys := func(m map[string]map[string]any) []string {
		var k []string
		for key := range m {
			k = append(k, key)
		}
		slices.Sort(k)
		return k
	}
	if !slices.Equal(keys(w), keys(g)) {
		return append(problems, fmt.Sprintf("lines for different keys:\nwant %v\n got %v", keys(w), keys(g))), 0, 0
	}
	for _, key := range keys(w) {
		var diffs []string
		compareValues(key, w[key], g[key], false, &diffs, &worst)
		if len(diffs) > 0 {
			problems = append(problems, key+" differs:\n"+strings.Join(diffs, "\n"))
		}
		if wraw[key] == graw[key] {
			identical++
		}
	}
	return problems, identical, worst
}

// compareValues compares decoded JSON values; within a Welford statistic, numbers may differ
// by welfordTolerance relative.
func compareValues(path string, want, got any, tolerant bool, diffs *[]string, worst *float64) {
	switch w := want.(type) {
	case map[string]any:
		g, ok := got.(map[string]any)
		if !ok || len(g) != len(w) {
			*diffs = append(*diffs, fmt.Sprintf("%s: %v != %v", path, want, got))
			return
		}
		for k, wv := range w {
			gv, ok := g[k]
			if !ok {
				*diffs = append(*diffs, fmt.Sprintf("%s/%s missing", path, k))
				continue
			}
			compareValues(path+"/"+k, wv, gv, tolerant || welford[k], diffs, worst)
		}
	case []any:
		g, ok := got.([]any)
		if !ok || len(g) != len(w) {
			*diffs = append(*diffs, fmt.Sprintf("%s: %v != %v", path, want, got))
			return
		}
		for i := range w {
			compareValues(fmt.Sprint(path, "/", i), w[i], g[i], tolerant, diffs, worst)
		}
	case float64:
		g, ok := got.(float64)
		if !ok {
			*diffs = append(*diffs, fmt.Sprintf("%s: %v != %v", path, want, got))
			return
		}
		if w == g {
			return
		}
		rel := math.Abs(w-g) / max(math.Abs(w), math.Abs(g), 1)
		if tolerant && rel <= welfordTolerance {
			*worst = max(*worst, rel)
			return
		}
		*diffs = append(*diffs, fmt.Sprintf("%s: %v != %v (relative %.1e)", path, w, g, rel))
	default:
		if want != got {
			*diffs = append(*diffs, fmt.Sprintf("%s: %v != %v", path, want, got))
		}
	}
}

func readLines(t *testing.T, path string) []string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var lines []string
	s := bufio.NewScanner(f)
	s.Buffer(nil, 1<<24)
	for s.Scan() {
		lines = append(lines, s.Text())
	}
	if err := s.Err(); err != nil {
		t.Fatal(err)
	}
	return lines
}

func TestLocalIsDeterministic(t *testing.T) {
	cfg := testConfig()
	cfg.Size.People = 300
	g, _ := sample.New(cfg.Seed, cfg.Size)
	a, err := Local(g, 1000)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := Local(g, 1000)
	if !slices.Equal(a, b) {
		t.Fatal("two single-process runs differ")
	}
}

func TestCompareResultsCatchesDifferences(t *testing.T) {
	base := `{"kind":"area","area":"A","pam":{"baseline":{"results":3,"mean":50.000000000000001,"meanInterval":{"lower":40,"upper":60}},"gains":{"proportion":0.5}}}`
	for _, c := range []struct {
		name, got string
		ok        bool
	}{
		{"same", base, true},
		{"mean within rounding", strings.Replace(base, `"mean":50.000000000000001`, `"mean":50.00000000000001`, 1), true},
		{"interval within rounding", strings.Replace(base, `"lower":40`, `"lower":40.0000000000001`, 1), true},
		{"mean beyond rounding", strings.Replace(base, `"mean":50.000000000000001`, `"mean":50.0001`, 1), false},
		{"a count", strings.Replace(base, `"results":3`, `"results":4`, 1), false},
		{"a proportion from counts, by one unit in the last place", strings.Replace(base, `"proportion":0.5`, `"proportion":0.5000000000000001`, 1), false},
		{"a field missing", strings.Replace(base, `"results":3,`, ``, 1), false},
	} {
		t.Run(c.name, func(t *testing.T) {
			problems, _, _ := differences([]string{base}, []string{c.got})
			if (len(problems) == 0) != c.ok {
				t.Errorf("problems %q, want ok %v", problems, c.ok)
			}
		})
	}
	// A mean change of zero, computed in two orders (seen at national size): within rounding of
	// one point, though the relative difference is large.
	zero := func(x string) string { return `{"kind":"area","area":"A","gains":{"meanChange":` + x + `}}` }
	if problems, _, _ := differences([]string{zero("-2.7755575615628914e-17")}, []string{zero("2.220446049250313e-16")}); len(problems) != 0 {
		t.Errorf("a zero mean change in two orders: %q", problems)
	}
}

func TestRecordCoders(t *testing.T) {
	g, err := sample.New(1, sample.Small())
	if err != nil {
		t.Fatal(err)
	}
	scorer, _ := newScorer()
	for i := range 50 {
		p := g.Person(i)
		rr := ResponseRecord{Area: p.Area, Decile: p.Decile, Stage: Baseline, Response: p.Baseline.Response}
		if back, err := decodeResponseRecord(encodeResponseRecord(rr)); err != nil || back != rr {
			t.Fatalf("response record %d: %v\n%+v\n%+v", i, err, rr, back)
		}
		res, _ := scorer.Score(p.Baseline.Response)
		sr := ScoredRecord{Area: p.Area, Decile: p.Decile, Stage: FollowUp, Result: res}
		if back, err := decodeScoredRecord(encodeScoredRecord(sr)); err != nil || back != sr {
			t.Fatalf("scored record %d: %v", i, err)
		}
		pair := Pair{Baseline: res, FollowUp: res}
		if back, err := decodePair(encodePair(pair)); err != nil || back != pair {
			t.Fatalf("pair %d: %v", i, err)
		}
		ar := areaRecord(g, i%g.Size().Areas)
		if back, err := decodeAreaRecord(encodeAreaRecord(ar)); err != nil || back != ar {
			t.Fatalf("area record %d: %v", i, err)
		}
		pr := participantRecord(g, i)
		if back, err := decodeParticipantRecord(encodeParticipantRecord(pr)); err != nil || back != pr {
			t.Fatalf("participant record %d: %v", i, err)
		}
		// Every truncation of an encoding is refused, never decoded as something else.
		enc := encodeScoredRecord(sr)
		for n := range len(enc) {
			if _, err := decodeScoredRecord(enc[:n]); err == nil {
				t.Fatalf("a scored record truncated to %d of %d bytes decoded", n, len(enc))
			}
		}
	}
}

func TestCountCoders(t *testing.T) {
	var gc equality.GroupCounts
	gc.Add("white")
	gc.AddN("asian", 41)
	gc.AddN("black", 0)
	b, err := encodeGroupCounts(gc)
	if err != nil {
		t.Fatal(err)
	}
	back, err := decodeGroupCounts(b)
	if err != nil || !slices.Equal(back.Groups(), gc.Groups()) || back.Total() != 42 || back.Count("asian") != 41 {
		t.Fatalf("group counts round trip: %v %v", err, back.Groups())
	}
	var over equality.GroupCounts
	over.AddN("a", math.MaxInt64)
	over.AddN("a", 1)
	if _, err := encodeGroupCounts(over); err == nil {
		t.Error("overflowed counts were encoded")
	}
	var qc equality.QuantileCounts
	for q := 1; q <= 10; q++ {
		for i := range q * 3 {
			qc.Add(q, i%3 == 0)
		}
	}
	qb, err := encodeQuantileCounts(qc)
	if err != nil {
		t.Fatal(err)
	}
	qback, err := decodeQuantileCounts(qb)
	if err != nil || qback != qc {
		t.Fatalf("quantile counts round trip: %v", err)
	}
	for _, bad := range [][]byte{nil, qb[:len(qb)-1], append(slices.Clone(qb), 0), b[:len(b)-1]} {
		if _, err := decodeQuantileCounts(bad); err == nil && len(bad) != len(b)-1 {
			t.Errorf("quantile counts decoded from %d bytes", len(bad))
		}
	}
	if _, err := decodeGroupCounts(b[:len(b)-1]); err == nil {
		t.Error("truncated group counts decoded")
	}
}
