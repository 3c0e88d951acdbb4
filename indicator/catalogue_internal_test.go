package indicator

import "testing"

// TestCatalogueTablesConsistent checks the internal tables: every listed ID is defined,
// none is listed twice under a principle, every alias resolves, every indicator serves a
// principle.
func TestCatalogueTablesConsistent(t *testing.T) {
	for _, p := range catProblems {
		t.Error(p)
	}
	for i := range catDefs {
		if len(catPrinciplesOf[i]) == 0 {
			t.Errorf("indicator %s serves no principle", catDefs[i].id)
		}
	}
}
