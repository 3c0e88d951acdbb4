package schemas

import (
	"encoding/json"
	"errors"
	"io/fs"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestKind(t *testing.T) {
	want := []string{"catalogue", "pam-response", "pam-calibration", "pam-result", "sroi-model", "sroi-result",
		"indicator-data", "equality-data"}
	var got []string
	for _, k := range Kinds() {
		got = append(got, k.String())
		if !k.Valid() || k.Description() == "" || k.File() != k.String()+".json" || ID(k) != BaseURI+k.File() {
			t.Errorf("%v: Valid %v, Description %q, File %q, ID %q", k, k.Valid(), k.Description(), k.File(), ID(k))
		}
		b, err := k.MarshalText()
		var back Kind
		if err != nil || back.UnmarshalText(b) != nil || back != k {
			t.Errorf("%v does not round-trip through text: %s, %v", k, b, err)
		}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Kinds (-want +got):\n%s", diff)
	}
	for _, k := range []Kind{0, kindEnd, 255} {
		if k.Valid() || k.Description() != "" || k.File() != "" || ID(k) != "" {
			t.Errorf("%d is taken for a kind", k)
		}
		if _, err := k.MarshalText(); err == nil {
			t.Errorf("MarshalText(%d) succeeded", k)
		}
		if _, err := Source(k); !errors.Is(err, ErrUnknownKind) {
			t.Errorf("Source(%d) = %v", k, err)
		}
		if err := Validate(k, []byte(`{}`)); !errors.Is(err, ErrUnknownKind) {
			t.Errorf("Validate(%d) = %v", k, err)
		}
	}
	if got := Kind(0).String(); got != "%!Kind(0)" {
		t.Errorf("Kind(0).String() = %q", got)
	}
	for in, want := range map[string]Kind{"pam-response": PAMResponse, "PAM response": PAMResponse,
		" SROI_Model ": SROIModel, "Equality–Data": EqualityData} {
		if got, err := ParseKind(in); err != nil || got != want {
			t.Errorf("ParseKind(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	_, err := ParseKind("pam")
	if !errors.Is(err, ErrUnknownKind) || !strings.Contains(err.Error(), "pam-response") {
		t.Errorf("ParseKind(pam) = %v", err)
	}
	var k Kind
	if err := json.Unmarshal([]byte(`"indicator-data"`), &k); err != nil || k != IndicatorData {
		t.Errorf("json.Unmarshal = %v, %v", k, err)
	}
}

// Every kind has an embedded schema that compiles, with $id == ID(kind), draft 2020-12,
// and a fast path.
func TestEveryKindHasSchema(t *testing.T) {
	v, err := compiled()
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range Kinds() {
		src, err := Source(k)
		if err != nil {
			t.Errorf("%v: %v", k, err)
			continue
		}
		var head struct {
			Schema string `json:"$schema"`
			ID     string `json:"$id"`
		}
		if err := json.Unmarshal(src, &head); err != nil {
			t.Errorf("%v: %v", k, err)
			continue
		}
		if head.ID != ID(k) || head.Schema != draft202012 {
			t.Errorf("%v: $id %q, $schema %q; want %q and %q", k, head.ID, head.Schema, ID(k), draft202012)
		}
		if v.errs[k] != nil {
			t.Errorf("%v: %v", k, v.errs[k])
		}
		if v.fast[k] == nil {
			t.Errorf("%v is validated by the library alone, missing the speed targets: %v", k, v.slow[k])
		}
	}
}

// FS holds common.json with its $id, so a publisher can serve it beside the kinds' schemas.
func TestFS(t *testing.T) {
	b, err := fs.ReadFile(FS(), "common.json")
	if err != nil {
		t.Fatal(err)
	}
	var head struct {
		ID string `json:"$id"`
	}
	if err := json.Unmarshal(b, &head); err != nil || head.ID != BaseURI+"common.json" {
		t.Errorf("common.json $id = %q, %v", head.ID, err)
	}
	names, _ := fs.Glob(FS(), "*")
	for _, name := range names {
		if !strings.HasSuffix(name, ".json") {
			t.Errorf("FS holds %s", name)
		}
	}
}
