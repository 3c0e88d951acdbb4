package render_test

import (
	"bytes"
	"io"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/peopleandcommunities/engage/examples/internal/sample"
	"github.com/peopleandcommunities/engage/examples/report/internal/build"
	"github.com/peopleandcommunities/engage/examples/report/internal/render"
	"github.com/peopleandcommunities/engage/examples/report/internal/sampledata"
)

var (
	once      sync.Once
	report    *build.Report
	reportErr error
)

// sampleReport builds the embedded sample's report once (with few Monte Carlo repetitions:
// rendering does not depend on them).
func sampleReport(t testing.TB) *build.Report {
	t.Helper()
	once.Do(func() {
		g, err := sample.New(sampledata.Seed, sampledata.Size())
		if err != nil {
			reportErr = err
			return
		}
		b, err := g.Bundle()
		if err != nil {
			reportErr = err
			return
		}
		report, reportErr = build.Build(b, build.Options{Repetitions: 2000})
	})
	if reportErr != nil {
		t.Fatal(reportErr)
	}
	return report
}

// artefacts are signs of a formatting slip: a NaN or infinity, a fmt verb gone wrong, an
// unfilled template.
var artefacts = regexp.MustCompile(`\bNaN\b|\bInf\b|%!|<no value>|\{\{`)

// rendered renders r with write and fails on any formatting artefact in the output.
func rendered(t *testing.T, write func(io.Writer, *build.Report) error, r *build.Report) string {
	t.Helper()
	var buf bytes.Buffer
	if err := write(&buf, r); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if m := artefacts.FindString(out); m != "" {
		t.Fatalf("the output holds %q", m)
	}
	return out
}

// TestTextStructure checks the text report without a golden file: the title, notice and
// highlights first; the six principles in order, each with its measures and its numbered
// findings, each finding with its tables and methods; the methods at the end; prose wrapped
// within the width; tables aligned.
func TestTextStructure(t *testing.T) {
	r := sampleReport(t)
	out := rendered(t, render.Text, r)
	pos := 0
	expect := func(s string) {
		t.Helper()
		i := strings.Index(out[pos:], s)
		if i < 0 {
			t.Fatalf("%q missing after byte %d", s, pos)
		}
		pos += i + len(s)
	}
	expect(strings.ToUpper(r.Title))
	expect(r.Notice[:40])
	expect("HIGHLIGHTS")
	shown := map[string]bool{}
	for _, p := range r.Principles {
		expect(strconv.Itoa(p.Number) + ". " + p.Title[:20])
		expect("Measures of success and the evidence for them")
		for i, f := range p.Findings {
			expect(strconv.Itoa(p.Number) + "." + strconv.Itoa(i+1) + " " + f.Title[:min(len(f.Title), 30)])
			if shown[f.ID] {
				expect("Set out in full as finding")
				continue
			}
			shown[f.ID] = true
			for _, tb := range f.Tables {
				expect("Table: ")
				expect(tb.Columns[0].Title)
			}
			expect("Methods: " + f.Methods[0])
		}
	}
	expect("METHODS AND SOURCES")
	for _, m := range r.Methods {
		if !strings.Contains(out, "["+m.ID+"]") {
			t.Errorf("method %s not listed", m.ID)
		}
	}
	// Prose lines keep within the width; table lines (under a rule of dashes) may not. No
	// line begins with a per cent sign torn from its figure.
	lines := strings.Split(out, "\n")
	inTable := false
	for i, line := range lines {
		if strings.HasPrefix(strings.TrimSpace(line), "%") {
			t.Errorf("line %d begins with a per cent sign: %q", i+1, line)
		}
		trimmed := strings.TrimSpace(line)
		switch {
		case strings.HasPrefix(trimmed, "Table: "):
			inTable = true
		case trimmed == "":
			inTable = false
		}
		if !inTable && utf8.RuneCountInString(line) > render.Width {
			t.Errorf("line %d is %d wide: %q", i+1, utf8.RuneCountInString(line), line)
		}
	}
	// Tables are aligned: the header, the rule and every row of a table are equally wide.
	for i := 0; i+1 < len(lines); i++ {
		if !strings.HasPrefix(strings.TrimSpace(lines[i+1]), "---") || !strings.Contains(lines[i+1], "  -") {
			continue
		}
		width := utf8.RuneCountInString(strings.TrimRight(lines[i+1], " "))
		for j := i + 2; j < len(lines) && strings.TrimSpace(lines[j]) != ""; j++ {
			if w := utf8.RuneCountInString(lines[j]); w > width {
				t.Errorf("line %d (%d wide) overruns its table's rule (%d): %q", j+1, w, width, lines[j])
			}
		}
	}
}

// TestHTMLStructure checks the page without a browser: one h1, a section per principle, a
// caption on every table and header cells scoped, every chart an accessible image in a
// figure with a caption, unique ids, internal links that resolve, and nothing fetched from
// elsewhere.
func TestHTMLStructure(t *testing.T) {
	r := sampleReport(t)
	page := rendered(t, render.HTML, r)
	count := func(s string) int { return strings.Count(page, s) }
	if n := count("<h1"); n != 1 {
		t.Errorf("%d h1 elements", n)
	}
	for _, p := range r.Principles {
		if !strings.Contains(page, `<section id="principle-`+strconv.Itoa(p.Number)+`"`) {
			t.Errorf("no section for principle %d", p.Number)
		}
	}
	if a, b := count("<table"), count("<caption>"); a != b || a == 0 {
		t.Errorf("%d tables, %d captions", a, b)
	}
	if n := count("<th>"); n != 0 {
		t.Errorf("%d header cells without scope", n)
	}
	svgs := count("<svg")
	if svgs != 4 || count(`role="img"`) != svgs || count("aria-labelledby=\"chart-") != svgs || count("<figcaption>") != svgs {
		t.Errorf("%d charts; role=img %d, labelled %d, captions %d", svgs, count(`role="img"`), count(`aria-labelledby="chart-`), count("<figcaption>"))
	}
	for _, bad := range []string{"<script", "<link", "<img", "<iframe", `src="`, `href="http`, "url(", "@import"} {
		if strings.Contains(page, bad) {
			t.Errorf("the page is not self-contained: it has %s", bad)
		}
	}
	ids := map[string]int{}
	for _, m := range regexp.MustCompile(` id="([^"]+)"`).FindAllStringSubmatch(page, -1) {
		ids[m[1]]++
	}
	for id, n := range ids {
		if n > 1 {
			t.Errorf("id %q used %d times", id, n)
		}
	}
	for _, m := range regexp.MustCompile(`href="#([^"]+)"`).FindAllStringSubmatch(page, -1) {
		if ids[m[1]] == 0 {
			t.Errorf("link to #%s, which is not on the page", m[1])
		}
	}
	for _, m := range regexp.MustCompile(`aria-labelledby="([^"]+)"`).FindAllStringSubmatch(page, -1) {
		for _, id := range strings.Fields(m[1]) {
			if ids[id] == 0 {
				t.Errorf("aria-labelledby names %s, which is not on the page", id)
			}
		}
	}
	if !strings.Contains(page, `<html lang="en-GB">`) || !strings.Contains(page, "<title>"+r.Title+"</title>") {
		t.Error("the page has no language or title")
	}
	// In the sentences of lists, a figure and its per cent sign are joined by a no-break
	// space, so that the browser never wraps the sign onto a line of its own.
	if m := regexp.MustCompile(`<li>[^<]*\d %`).FindString(page); m != "" {
		t.Errorf("a breakable space before a per cent sign: %q", m)
	}
	if !strings.Contains(page, "&nbsp;%") {
		t.Error("no figure joined to its per cent sign")
	}
}

// TestHTMLEscapes: text from a bundle cannot inject markup into the page or its charts.
func TestHTMLEscapes(t *testing.T) {
	r := *sampleReport(t)
	r.Title = `<script>alert("x")</script>`
	r.Notice = `<b onmouseover="x">`
	charts := *r.Charts.SROITornado
	charts.Bars = append([]build.TornadoBar{{Label: `</text><script>x</script>`, Low: 1, High: 2}}, charts.Bars...)
	r.Charts.SROITornado = &charts
	var buf bytes.Buffer
	if err := render.HTML(&buf, &r); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(buf.String(), "<script") || strings.Contains(buf.String(), "<b onmouseover") {
		t.Error("bundle text was written into the page unescaped")
	}
}

func BenchmarkText(b *testing.B) {
	r := sampleReport(b)
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		if err := render.Text(&bytes.Buffer{}, r); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkHTML(b *testing.B) {
	r := sampleReport(b)
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		if err := render.HTML(&bytes.Buffer{}, r); err != nil {
			b.Fatal(err)
		}
	}
}
