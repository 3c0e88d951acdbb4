// Package sampledata produces the place bundle that the report example embeds
// (examples/report/data/place.json): the fictional place of package sample at seed Seed and
// size sample.Small, laid out one record to a line so that the file reads and diffs well.
// The committed file must equal Generate's output byte for byte; a test checks it, and
// `go generate ./examples/report` rewrites it.
package sampledata

import (
	"bytes"
	"encoding/json"

	"github.com/peopleandcommunities/engage/examples/internal/sample"
)

// Seed is the seed of the embedded sample place.
const Seed = 20251121

// Size is the size of the embedded sample place: sample.Small.
func Size() sample.Size { return sample.Small() }

// Generate returns the embedded bundle's bytes.
func Generate() ([]byte, error) {
	g, err := sample.New(Seed, Size())
	if err != nil {
		return nil, err
	}
	b, err := g.Bundle()
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false) // keep "A&E" readable
	if err := enc.Encode(b); err != nil {
		return nil, err
	}
	raw := bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
	var out bytes.Buffer
	if err := layout(&out, raw, ""); err != nil {
		return nil, err
	}
	out.WriteByte('\n')
	return out.Bytes(), nil
}

// lineLimit is the longest value written on one line; longer objects and arrays are opened
// up, one member or element to a line.
const lineLimit = 640

// layout writes the JSON value raw (compact) indented by indent: on one line when short,
// otherwise with one member or element per line, recursively. Member order is kept.
func layout(out *bytes.Buffer, raw json.RawMessage, indent string) error {
	if len(raw) <= lineLimit || (raw[0] != '{' && raw[0] != '[') {
		out.Write(raw)
		return nil
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	open, err := dec.Token()
	if err != nil {
		return err
	}
	closing := byte('}')
	if open == json.Delim('[') {
		closing = ']'
	}
	out.WriteByte(raw[0])
	inner := indent + "  "
	first := true
	for dec.More() {
		if !first {
			out.WriteByte(',')
		}
		first = false
		out.WriteString("\n" + inner)
		if closing == '}' {
			key, err := dec.Token()
			if err != nil {
				return err
			}
			k, _ := json.Marshal(key)
			out.Write(k)
			out.WriteString(": ")
		}
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			return err
		}
		if err := layout(out, v, inner); err != nil {
			return err
		}
	}
	out.WriteString("\n" + indent)
	out.WriteByte(closing)
	return nil
}
