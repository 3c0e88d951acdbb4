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

// compareResults checks that two sets of lines hold the same results, whatever their order,
// byte for byte: every accumulator merges exactly (counts, and pam's exact sums of scores), so
// the runner's order of adds and merges must not change a single digit.
func compareResults(t *testing.T, want, got []string) {
	t.Helper()
	problems, identical := differences(want, got)
	for _, p := range problems {
		t.Error(p)
	}
	if identical != len(want) {
		t.Errorf("%d of %d lines identical byte for byte", identical, len(want))
	}
	t.Logf("%d lines; %d identical byte for byte", len(want), identical)
}

// differences lists how two sets of lines differ, value by value, and counts the lines that
// are identical byte for byte.
func differences(want, got []string) (problems []string, identical int) {
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
		return append(problems, fmt.Sprintf("lines for different keys:\nwant %v\n got %v", keys(w), keys(g))), 0
	}
	for _, key := range keys(w) {
		var diffs []string
		compareValues(key, w[key], g[key], &diffs)
		if len(diffs) > 0 {
			problems = append(problems, key+" differs:\n"+strings.Join(diffs, "\n"))
		}
		if wraw[key] == graw[key] {
			identical++
		}
	}
	return problems, identical
}

// compareValues compares decoded JSON values exactly, listing every difference.
func compareValues(path string, want, got any, diffs *[]string) {
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
			compareValues(path+"/"+k, wv, gv, diffs)
		}
	case []any:
		g, ok := got.([]any)
		if !ok || len(g) != len(w) {
			*diffs = append(*diffs, fmt.Sprintf("%s: %v != %v", path, want, got))
			return
		}
		for i := range w {
			compareValues(fmt.Sprint(path, "/", i), w[i], g[i], diffs)
		}
	case float64:
		g, ok := got.(float64)
		if !ok {
			*diffs = append(*diffs, fmt.Sprintf("%s: %v != %v", path, want, got))
			return
		}
		if w != g {
			*diffs = append(*diffs, fmt.Sprintf("%s: %v != %v", path, w, g))
		}
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
	base := `{"kind":"area","area":"A","pam":{"baseline":{"results":3,"mean":50.1,"meanInterval":{"lower":40,"upper":60}},"gains":{"proportion":0.5,"meanChange":0}}}`
	for _, c := range []struct {
		name, got string
		ok        bool
	}{
		{"same", base, true},
		{"the same number written otherwise", strings.Replace(base, `"lower":40`, `"lower":40.0`, 1), true},
		{"a mean by one unit in the last place", strings.Replace(base, `"mean":50.1`, `"mean":50.10000000000001`, 1), false},
		{"an interval by one unit in the last place", strings.Replace(base, `"upper":60`, `"upper":60.00000000000001`, 1), false},
		{"a count", strings.Replace(base, `"results":3`, `"results":4`, 1), false},
		{"a proportion by one unit in the last place", strings.Replace(base, `"proportion":0.5`, `"proportion":0.5000000000000001`, 1), false},
		{"a zero mean change that came out as rounding noise", strings.Replace(base, `"meanChange":0`, `"meanChange":2.220446049250313e-16`, 1), false},
		{"a field missing", strings.Replace(base, `"results":3,`, ``, 1), false},
	} {
		t.Run(c.name, func(t *testing.T) {
			problems, _ := differences([]string{base}, []string{c.got})
			if (len(problems) == 0) != c.ok {
				t.Errorf("problems %q, want ok %v", problems, c.ok)
			}
		})
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
