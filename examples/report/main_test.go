package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/peopleandcommunities/engage/examples/internal/place"
	"github.com/peopleandcommunities/engage/examples/report/internal/build"
	"github.com/peopleandcommunities/engage/examples/report/internal/render"
	"github.com/peopleandcommunities/engage/examples/report/internal/sampledata"
	"github.com/peopleandcommunities/engage/schemas"
)

// TestEmbeddedDataIsGenerated: the committed sample equals what the generator produces, so
// anyone can regenerate it (go generate ./examples/report) and get the same bytes.
func TestEmbeddedDataIsGenerated(t *testing.T) {
	want, err := sampledata.Generate()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(want, samplePlace) {
		t.Fatal("data/place.json differs from the generator's output; run go generate ./examples/report")
	}
}

// TestEmbeddedDataValidates: the sample bundle validates against the place schema, and each
// document in it against its own engage schema.
func TestEmbeddedDataValidates(t *testing.T) {
	b, err := place.Parse(samplePlace)
	if err != nil {
		t.Fatal(err)
	}
	if !b.Synthetic || !strings.Contains(b.Notice, "SYNTHETIC") || !strings.Contains(b.Title, "SYNTHETIC") {
		t.Error("the sample is not labelled synthetic")
	}
	check := func(k schemas.Kind, v any, title string) {
		t.Helper()
		data, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		if err := schemas.Validate(k, data); err != nil {
			t.Errorf("%v: %v", k, err)
		}
		if title != "" && !strings.Contains(title, "SYNTHETIC") {
			t.Errorf("%v %q is not labelled synthetic", k, title)
		}
	}
	check(schemas.SROIModel, b.SROI, b.SROI.Title)
	for _, d := range b.Indicators {
		check(schemas.IndicatorData, d, d.Title)
	}
	for _, d := range b.Equality {
		check(schemas.EqualityData, d, d.Title)
	}
	for _, r := range b.PAM.Respondents[:50] {
		check(schemas.PAMResponse, r.Baseline, "")
	}
}

func runReport(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errs bytes.Buffer
	code = run(args, &out, &errs, false)
	return out.String(), errs.String(), code
}

// TestFormats: each format prints a report; the JSON one validates against the report schema
// and equals the report the packages build.
func TestFormats(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the full report three times")
	}
	out, errs, code := runReport(t, "-format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if err := schemas.Validate(schemas.Report, []byte(out)); err != nil {
		t.Fatal(err)
	}
	var r build.Report
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	if len(r.Principles) != 6 || !r.Synthetic {
		t.Errorf("%d principles, synthetic %v", len(r.Principles), r.Synthetic)
	}
	text, _, code := runReport(t)
	if code != 0 || !strings.Contains(text, strings.ToUpper(r.Title)) || !strings.Contains(text, "6. Volunteering") {
		t.Errorf("text report: exit %d, %d bytes", code, len(text))
	}
	page, _, code := runReport(t, "-format", "html")
	if code != 0 || !strings.HasPrefix(page, "<!DOCTYPE html>") || !strings.Contains(page, "</html>") {
		t.Errorf("html report: exit %d, %d bytes", code, len(page))
	}
}

// TestUsage: bad flags are refused with the usage and exit status 2.
func TestUsage(t *testing.T) {
	for _, args := range [][]string{{"-format", "pdf"}, {"-nosuchflag"}, {"extra"}} {
		_, errs, code := runReport(t, args...)
		if code != 2 || errs == "" {
			t.Errorf("%q: exit %d, stderr %q", args, code, errs)
		}
	}
	if _, _, code := runReport(t, "-h"); code != 0 {
		t.Errorf("-h: exit %d", code)
	}
}

// TestInput: a user's own bundle is validated first, and every problem is printed with its
// JSON Pointer; a valid one is reported on.
func TestInput(t *testing.T) {
	dir := t.TempDir()
	write := func(name, doc string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(doc), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	good := `{"title": "Testshire (fictional)", "place": {"code": "E06000001", "name": "Testshire"}, "period": "2025/26",
	  "equality": [{"indicator": "participant-diversity", "dimension": "ethnic-group", "areas": [{"area": "E06000001", "period": "2025/26",
	    "groups": [{"group": "white", "participants": 85, "community": 8000}, {"group": "asian", "participants": 5, "community": 1500},
	               {"group": "black", "participants": 10, "community": 500}]}]}]}`
	out, errs, code := runReport(t, "-in", write("good.json", good))
	if code != 0 || !strings.Contains(out, "TESTSHIRE") || !strings.Contains(out, "Under-represented: Asian or Asian British") {
		t.Errorf("exit %d, stderr %q\n%s", code, errs, out)
	}
	// Shape problems come from the schema, each with its pointer.
	shape := strings.Replace(strings.Replace(good, `"period": "2025/26",`, ``, 1), `"participants": 5,`, `"participants": -5,`, 1)
	_, errs, code = runReport(t, "-in", write("shape.json", shape))
	if code != 1 || !strings.Contains(errs, "/period:") || !strings.Contains(errs, "/equality/0/areas/0/groups/1/participants:") {
		t.Errorf("exit %d, stderr:\n%s", code, errs)
	}
	// Meaning problems come from Validate, each with its pointer.
	meaning := strings.Replace(good, `"dimension": "ethnic-group"`, `"dimension": "ethnic-category"`, 1)
	_, errs, code = runReport(t, "-in", write("meaning.json", meaning))
	if code != 1 || !strings.Contains(errs, "/equality/0/areas/0/groups/0/group") {
		t.Errorf("exit %d, stderr:\n%s", code, errs)
	}
	if _, errs, code = runReport(t, "-in", filepath.Join(dir, "missing.json")); code != 1 || errs == "" {
		t.Errorf("missing file: exit %d, stderr %q", code, errs)
	}
}

// TestProgress: on a terminal a step that runs longer than a moment is shown and then
// cleared; a quick one, or any step when stderr is not a terminal, shows nothing.
func TestProgress(t *testing.T) {
	var buf bytes.Buffer
	p := newProgress(&buf, true)
	p.step("quick")
	p.step("slow")
	time.Sleep(delay + 150*time.Millisecond)
	p.done()
	p.mu.Lock()
	got := buf.String()
	p.mu.Unlock()
	if strings.Contains(got, "quick") || !strings.Contains(got, "… slow") || !strings.HasSuffix(got, "\r\033[K") {
		t.Errorf("progress wrote %q", got)
	}
	var off bytes.Buffer
	q := newProgress(&off, false)
	q.step("slow")
	time.Sleep(delay + 50*time.Millisecond)
	q.done()
	if off.Len() != 0 {
		t.Errorf("progress off wrote %q", off.String())
	}
}

// BenchmarkReportSample is the report's end-to-end time on the embedded sample place:
// validating and reading the bundle, computing every finding (with phe_sii's 100,000 Monte
// Carlo repetitions) and writing the text report.
func BenchmarkReportSample(b *testing.B) {
	b.ReportAllocs()
	for range b.N {
		bundle, err := place.Parse(samplePlace)
		if err != nil {
			b.Fatal(err)
		}
		r, err := build.Build(bundle, build.Options{})
		if err != nil {
			b.Fatal(err)
		}
		if err := render.Text(&bytes.Buffer{}, r); err != nil {
			b.Fatal(err)
		}
	}
}
