package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/peopleandcommunities/engage/principle"
	"github.com/peopleandcommunities/engage/schemas"
)

func TestOutline(t *testing.T) {
	var buf bytes.Buffer
	if err := writeOutline(&buf, 0); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{
		"35 measures of success, 49 indicators",
		"1. Care and support is person-centred: personalised, coordinated, and empowering",
		"6. Volunteering and social action are recognised as key enablers",
		"→ Patient Activation Measure (PAM)",
		"computed by pam: Patient Activation Measure score and level",
		"computed by sroi: Social Return on Investment ratio",
		"computed by equality:",
		"computed by indicator: crude rate per 100,000",
		"(listed under principle 3)",
		"10. Advance equality and reduce health inequalities",
		"Equality Act 2010, section 149: Public sector equality duty",
		"Shifting power:",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("outline lacks %q", want)
		}
	}
	buf.Reset()
	if err := writeOutline(&buf, principle.Carers); err != nil {
		t.Fatal(err)
	}
	if one := buf.String(); !strings.Contains(one, "4. Carers are identified") || strings.Contains(one, "5. Voluntary") || strings.Contains(one, "Ten key actions") {
		t.Error("-principle 4 prints more or less than principle 4")
	}
}

func TestJSON(t *testing.T) {
	var buf bytes.Buffer
	if err := writeJSON(&buf); err != nil {
		t.Fatal(err)
	}
	if err := schemas.Validate(schemas.Catalogue, buf.Bytes()); err != nil {
		t.Fatal(err)
	}
}
