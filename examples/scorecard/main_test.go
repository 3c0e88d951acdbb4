package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/peopleandcommunities/engage/schemas"
)

// TestRun runs the example on its embedded data, so that a change that breaks it is caught by
// go test ./... .
func TestRun(t *testing.T) {
	var out bytes.Buffer
	if err := run(nil, &out); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"FICTIONAL SAMPLE DATA", "Principle 1.", "CONCERN", "The ten key actions"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q", want)
		}
	}
}

// TestRunOwnDocuments runs it as a user would on their own files, asking for JSON.
func TestRunOwnDocuments(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"observations.json", "evidence.json"} {
		b, err := data.ReadFile("data/" + name)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	var out bytes.Buffer
	err := run([]string{"-observations", filepath.Join(dir, "observations.json"), "-evidence", filepath.Join(dir, "evidence.json"),
		"-from", "2024-04-01", "-to", "2025-03-31", "-asof", "2025-07-31", "-area", "", "-feedback-target", "0.8", "-json"}, &out)
	if err != nil {
		t.Fatal(err)
	}
	if err := schemas.Validate(schemas.Scorecard, out.Bytes()); err != nil {
		t.Fatalf("output does not validate: %v", err)
	}
	var sc struct {
		Area string `json:"area"`
	}
	if err := json.Unmarshal(out.Bytes(), &sc); err != nil || sc.Area != "" {
		t.Errorf("area %q, %v", sc.Area, err)
	}
	if err := run([]string{"-asof", "2024-01-01"}, &out); err == nil {
		t.Error("an as-of day before the period should be refused")
	}
}
