package engage_test

import (
	"os"
	"strings"
	"testing"
)

// between returns the text of s after the first start and before the next end.
func between(t *testing.T, s, start, end string) string {
	t.Helper()
	i := strings.Index(s, start)
	if i < 0 {
		t.Fatalf("%q not found", start)
	}
	s = s[i+len(start):]
	j := strings.Index(s, end)
	if j < 0 {
		t.Fatalf("%q not found after %q", end, start)
	}
	return s[:j]
}

// TestReadmeQuickStartIsTheExample keeps the README's quick start true: its program's body and
// printed output must be those of the package Example, which go test runs and checks.
func TestReadmeQuickStartIsTheExample(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	example, err := os.ReadFile("example_test.go")
	if err != nil {
		t.Fatal(err)
	}
	code := between(t, string(readme), "func main() {\n", "\n}\n```")
	body := between(t, string(example), "func Example() {\n", "\t// Output:\n")
	if strings.TrimSpace(code) != strings.TrimSpace(body) {
		t.Errorf("the README's quick start differs from Example in example_test.go:\n%s\n---\n%s", code, body)
	}
	printed := between(t, string(readme), "\n}\n```\n\n```\n", "```")
	var want []string
	for _, l := range strings.Split(between(t, string(example), "\t// Output:\n", "}"), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			want = append(want, strings.TrimPrefix(strings.TrimPrefix(l, "//"), " "))
		}
	}
	if got := strings.TrimSpace(printed); got != strings.Join(want, "\n") {
		t.Errorf("the README's output\n%s\ndiffers from Example's\n%s", got, strings.Join(want, "\n"))
	}
}
