package measure

import "testing"

// TestTablesAreConsistent checks the internal tables: every listed ID is defined, none is
// listed twice under a principle, every alias resolves.
func TestTablesAreConsistent(t *testing.T) {
	for _, p := range problems {
		t.Error(p)
	}
	for i := range defs {
		if len(principlesOf[i]) == 0 {
			t.Errorf("measure %s is listed under no principle", defs[i].id)
		}
	}
}
