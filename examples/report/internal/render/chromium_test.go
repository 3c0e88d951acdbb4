package render_test

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/peopleandcommunities/engage/examples/report/internal/render"
)

// chromium returns the path of a Chromium (or Chrome) binary. Without one the test is
// skipped, except in continuous integration (CI=true), where a missing browser is a failure.
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("chromium is not installed; CI must install it (apt-get install -y chromium)")
	}
	t.Skip("chromium is not installed")
	return ""
}

// consoleLine matches a console message that Chromium writes to its log with
// --enable-logging=stderr: `…:INFO:CONSOLE:12] "message", source: …`.
var consoleLine = regexp.MustCompile(`:CONSOLE[:(]\d*\)?\] .*`)

// loadInChromium opens the HTML file in headless Chromium and returns the DOM it built and
// the console messages the page produced.
func loadInChromium(t *testing.T, browser, file string) (dom string, console []string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, browser,
		"--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
		"--disable-component-update", "--disable-sync", "--no-first-run",
		"--user-data-dir="+t.TempDir(), "--enable-logging=stderr", "--v=0",
		"--dump-dom", "file://"+file)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("chromium: %v\n%s", err, stderr.String())
	}
	return stdout.String(), consoleLine.FindAllString(stderr.String(), -1)
}

// TestChromium renders the report page in headless Chromium: it loads with no console
// messages, and the DOM the browser builds holds every section, heading and chart. A page
// with a deliberate console error first shows that such messages would be caught.
func TestChromium(t *testing.T) {
	browser := chromium(t)
	dir := t.TempDir()

	bad := filepath.Join(dir, "bad.html")
	if err := os.WriteFile(bad, []byte(`<!DOCTYPE html><html lang="en"><head><title>t</title></head><body>`+
		`<script>console.error("deliberate")</script></body></html>`), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, console := loadInChromium(t, browser, bad); len(console) == 0 {
		t.Fatal("a page that logs an error produced no console message: the check below would see nothing")
	}

	r := sampleReport(t)
	var buf bytes.Buffer
	if err := render.HTML(&buf, r); err != nil {
		t.Fatal(err)
	}
	page := filepath.Join(dir, "report.html")
	if err := os.WriteFile(page, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	dom, console := loadInChromium(t, browser, page)
	for _, c := range console {
		t.Errorf("console: %s", c)
	}
	want := []string{`id="highlights"`, `id="methods"`, "<h1>" + r.Title + "</h1>", "Measures of success and the evidence for them"}
	for _, p := range r.Principles {
		want = append(want, `id="principle-`+strconv.Itoa(p.Number)+`"`)
	}
	for _, id := range []string{"chart-levels", "chart-gradient", "chart-years", "chart-tornado"} {
		want = append(want, `id="`+id+`-title"`)
	}
	for _, s := range want {
		if !strings.Contains(dom, s) {
			t.Errorf("the rendered page lacks %s", s)
		}
	}
	if n := strings.Count(dom, "<svg"); n != 4 {
		t.Errorf("the rendered page has %d charts, want 4", n)
	}
}
