package schemas

import (
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
)

// The fixture schemas under testdata have the size and shape of a PAM response and of an
// SROI impact map. They are compiled by compile, the constructor Validate itself uses, from
// a file system holding them and the embedded common.json, so they exercise exactly the
// configuration of the embedded schemas.
const (
	fixturePAM  = "fixture-pam-response.json"
	fixtureSROI = "fixture-sroi-model.json"
)

var fixtureFiles = map[Kind]string{PAMResponse: fixturePAM, SROIModel: fixtureSROI}

// fixtureFS returns the embedded schemas and the fixtures together.
func fixtureFS(tb testing.TB) fstest.MapFS {
	tb.Helper()
	fsys := fstest.MapFS{}
	entries, err := files.ReadDir(".")
	if err != nil {
		tb.Fatal(err)
	}
	for _, e := range entries {
		b, err := files.ReadFile(e.Name())
		if err != nil {
			tb.Fatal(err)
		}
		fsys[e.Name()] = &fstest.MapFile{Data: b}
	}
	for _, name := range []string{fixturePAM, fixtureSROI} {
		b, err := os.ReadFile("testdata/" + name)
		if err != nil {
			tb.Fatal(err)
		}
		fsys[name] = &fstest.MapFile{Data: b}
	}
	return fsys
}

var fixtureOnce struct {
	sync.Once
	v   *validator
	err error
}

// fixtureValidator returns a validator whose PAMResponse and SROIModel kinds use the
// fixture schemas.
func fixtureValidator(tb testing.TB) *validator {
	tb.Helper()
	fixtureOnce.Do(func() {
		var fsys fstest.MapFS
		fsys, fixtureOnce.err = func() (m fstest.MapFS, err error) {
			defer func() {
				if r := recover(); r != nil {
					err = fmt.Errorf("%v", r)
				}
			}()
			return fixtureFS(tb), nil
		}()
		if fixtureOnce.err == nil {
			fixtureOnce.v, fixtureOnce.err = compile(fsys, fixtureFiles)
		}
	})
	if fixtureOnce.err != nil {
		tb.Fatal(fixtureOnce.err)
	}
	for k := range fixtureFiles {
		if fixtureOnce.v.errs[k] != nil {
			tb.Fatal(fixtureOnce.v.errs[k])
		}
	}
	return fixtureOnce.v
}

// pamDoc is a complete PAM-13 response in the fixture's shape.
const pamDoc = `{
  "id": "resp-000123",
  "form": "pam-13",
  "date": "2026-03-14",
  "nhsNumber": "9990000018",
  "area": "E01000001",
  "imdEdition": 2019,
  "imdDecile": 3,
  "ethnicCategory": "A",
  "answers": {"PA1": 3, "PA2": 3, "PA3": 4, "PA4": 2, "PA5": 3, "PA6": 3, "PA7": 0,
    "PA8": 3, "PA9": 2, "PA10": 3, "PA11": 4, "PA12": 3, "PA13": null}
}`

// sroiDoc returns an impact map in the fixture's shape with n outcomes of 10 years each.
func sroiDoc(n int) []byte {
	var b strings.Builder
	b.WriteString(`{"title": "Social prescribing in a fictional place (synthetic)", "currency": "GBP",
  "period": {"start": "2025-04-01", "end": "2026-03-31"},
  "stakeholders": [
    {"id": "participants", "name": "People referred", "description": "Adults referred by their GP practice."},
    {"id": "nhs", "name": "The local NHS"},
    {"id": "volunteers", "name": "Volunteers"}],
  "inputs": [
    {"stakeholder": "nhs", "description": "Link worker salaries", "value": "185000.00", "year": 0},
    {"stakeholder": "volunteers", "description": "Volunteer time", "value": "42000.00", "year": 0}],
  "outcomes": [`)
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, `
    {"id": "outcome-%d", "stakeholder": "participants", "description": "Reduced loneliness among participants, group %d",
     "indicator": "Change in UCLA loneliness score", "quantity": %d, "duration": 10,
     "proxy": {"value": "%d.50", "description": "Value of feeling less lonely", "source": "https://example.org/proxies/%d",
               "priceYear": 2024, "licence": "Synthetic value for testing"},
     "deadweight": 0.25, "displacement": 0.05, "attribution": 0.3, "dropOff": 0.1}`, i, i, 40+i, 1000+i*10, i)
	}
	b.WriteString(`],
  "discount": {"scheme": "green-book", "firstYearDiscounted": true}}`)
	return []byte(b.String())
}
