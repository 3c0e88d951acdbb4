package schemas

import (
	"slices"
	"strings"
)

// A failure is one node of the tree of reasons a document does not conform, as the
// validator reports it, in terms that do not depend on the validator library.
type failure struct {
	instance string     // JSON Pointer of the value in the document
	url      string     // absolute URL of the schema file holding the failing keyword
	keyword  string     // JSON Pointer of the failing keyword, or of a false schema, in that file
	causes   []*failure // the failures this one summarises; none for a leaf
	none     bool       // for a oneOf, that no alternative matched (rather than several)
}

// A leaf is one reason a document does not conform, ready to be explained.
type leaf struct {
	*failure
	name  string   // the keyword that failed: "maximum", "required", …, or "notAllowed" for a false schema
	chain []string // the applicators through which the keyword was reached, outermost first
	args  []string // reference tokens after the keyword ("dependentRequired/NAME/0")
	types []string // for a merged "type" leaf: every type the alternatives allow
}

// classify names the keyword at the end of a keyword location by reading the location's
// tokens from the schema file's root: applicators and their arguments ("properties/name",
// "allOf/0", "items") lead to subschemas, and the first token that is not an applicator is
// the failing keyword. A location that ends on an applicator ("…/oneOf") names that
// applicator; one that ends on a subschema ("…/properties/name") is a false schema.
func classify(keywordPtr string) (name string, chain, args []string) {
	toks := splitPointer(keywordPtr)
	for i := 0; i < len(toks); {
		t := toks[i]
		switch {
		case schemaMapKeywords[t] || schemaListKeywords[t]:
			if i+1 == len(toks) {
				return t, chain, nil
			}
			chain = append(chain, t)
			i += 2
		case schemaKeywords[t]:
			if i+1 == len(toks) {
				return t, chain, nil
			}
			chain = append(chain, t)
			i++
		default:
			return t, chain, toks[i+1:]
		}
	}
	return "notAllowed", chain, nil
}

// leaves flattens a failure tree to its leaves, which are the failures that say what is
// wrong; the inner nodes only say that a subschema failed. Alternatives get one refinement:
// when an anyOf or oneOf fails, the alternatives that failed only because the value has the
// wrong type are left out if any alternative of the right type failed for a deeper reason
// (that alternative is what the author of the document was aiming at); and when every
// alternative failed on its type alone, the type failures become one that lists every type
// allowed ("must be a string or null").
func (r *reporter) leaves(f *failure) []leaf {
	name, chain, args := classify(f.keyword)
	if len(f.causes) == 0 || name == "minContains" {
		return []leaf{{failure: f, name: name, chain: chain, args: args}}
	}
	if name != "anyOf" && name != "oneOf" {
		var out []leaf
		for _, c := range f.causes {
			out = append(out, r.leaves(c)...)
		}
		return out
	}
	var deep, shallow [][]leaf
	for _, c := range f.causes {
		branch := r.leaves(c)
		if typeOnly(branch, f.instance) {
			shallow = append(shallow, branch)
		} else {
			deep = append(deep, branch)
		}
	}
	var out []leaf
	if len(deep) > 0 {
		for _, b := range deep {
			out = append(out, b...)
		}
		return out
	}
	merged := leaf{failure: &failure{instance: f.instance, url: f.url, keyword: f.keyword}, name: "type"}
	for _, b := range shallow {
		for _, l := range b {
			for _, t := range r.allowedTypes(l) {
				if !slices.Contains(merged.types, t) {
					merged.types = append(merged.types, t)
				}
			}
		}
	}
	return []leaf{merged}
}

// typeOnly reports whether every leaf of an alternative is a type failure of the value the
// alternatives apply to.
func typeOnly(branch []leaf, instance string) bool {
	for _, l := range branch {
		if l.name != "type" || l.instance != instance {
			return false
		}
	}
	return len(branch) > 0
}

// allowedTypes returns the types a "type" leaf allows.
func (r *reporter) allowedTypes(l leaf) []string {
	if l.types != nil {
		return l.types
	}
	switch t := r.param(l).(type) {
	case string:
		return []string{t}
	case []any:
		out := make([]string, 0, len(t))
		for _, v := range t {
			if s, ok := v.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

// parentKeyword returns the location of the schema object holding the leaf's keyword.
func (l leaf) parentKeyword() string {
	i := strings.LastIndexByte(l.keyword, '/')
	if i < 0 {
		return ""
	}
	return l.keyword[:i]
}
