package engage_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// forbiddenImports are the packages a library file of engage may not import: engage does no
// I/O, reads no clock and uses no global randomness (DESIGN.md, "No I/O, no clock, no global
// mutable state"). Programs under examples/ may.
var forbiddenImports = map[string]bool{
	"os": true, "os/exec": true, "net": true, "io/ioutil": true, "syscall": true,
	"unsafe": true, "math/rand": true, "log": true,
}

func TestLibraryIsIOFree(t *testing.T) {
	files := 0
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			name := d.Name()
			if path != "." && (name == "examples" || name == "testdata" || strings.HasPrefix(name, ".")) {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		files++
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, problem := range ioProblems(t, path, src) {
			t.Error(problem)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if files == 0 {
		t.Fatal("no library files found; the test is not looking where the code is")
	}
}

// ioProblems lists the forbidden imports and time.Now calls in one file.
func ioProblems(t *testing.T, path string, src []byte) []string {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, path, src, 0)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	var out []string
	timeName := ""
	for _, imp := range f.Imports {
		p, _ := strconv.Unquote(imp.Path.Value)
		if forbiddenImports[p] || strings.HasPrefix(p, "net/") {
			out = append(out, fset.Position(imp.Pos()).String()+": imports "+p)
		}
		if p == "time" {
			timeName = "time"
			if imp.Name != nil {
				timeName = imp.Name.Name
			}
		}
	}
	if timeName != "" {
		ast.Inspect(f, func(n ast.Node) bool {
			sel, ok := n.(*ast.SelectorExpr)
			if !ok || sel.Sel.Name != "Now" {
				return true
			}
			if id, ok := sel.X.(*ast.Ident); ok && id.Name == timeName {
				out = append(out, fset.Position(sel.Pos()).String()+": calls time.Now")
			}
			return true
		})
	}
	return out
}

func TestIOCheckCatchesViolations(t *testing.T) {
	src := []byte("package x\nimport (\n\"os\"\nclock \"time\"\n\"net/http\"\n)\nvar _ = os.Args\nvar _ = http.Get\nvar _ = clock.Now()\n")
	if got := ioProblems(t, "x.go", src); len(got) != 3 {
		t.Fatalf("found %d problems, want 3 (os, net/http, time.Now): %v", len(got), got)
	}
}
