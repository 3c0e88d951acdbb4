package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The example runs on its embedded data and prints every section it promises.
func TestRunPrintsEverySection(t *testing.T) {
	f, err := os.Create(filepath.Join(t.TempDir(), "out.txt"))
	if err != nil {
		t.Fatal(err)
	}
	stdout := os.Stdout
	os.Stdout = f
	runErr := run()
	os.Stdout = stdout
	if runErr != nil {
		t.Fatalf("run: %v", runErr)
	}
	out, err := os.ReadFile(f.Name())
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"FICTIONAL SAMPLE DATA",
		"Slope index of inequality",
		"Is Northfield's gap narrowing?",
		"WHO HEAT summary measures",
		"Index of dissimilarity",
		"goodness-of-fit",
	} {
		if !strings.Contains(string(out), want) {
			t.Errorf("output lacks %q", want)
		}
	}
}
