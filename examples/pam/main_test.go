package main

import "testing"

// TestRun runs the example on its embedded data, so that a change that breaks it is caught by
// go test ./... .
func TestRun(t *testing.T) {
	if err := run(); err != nil {
		t.Fatal(err)
	}
}
