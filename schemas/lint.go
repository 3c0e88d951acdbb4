package schemas

import (
	"sort"
	"strconv"
	"strings"
)

// draft202012 is the $schema every engage schema declares.
const draft202012 = "https://json-schema.org/draft/2020-12/schema"

// Keywords whose values are schemas: a map of them, a list of them, or one.
var (
	schemaMapKeywords  = map[string]bool{"properties": true, "patternProperties": true, "$defs": true, "definitions": true, "dependentSchemas": true}
	schemaListKeywords = map[string]bool{"allOf": true, "anyOf": true, "oneOf": true, "prefixItems": true}
	schemaKeywords     = map[string]bool{"items": true, "additionalProperties": true, "unevaluatedProperties": true,
		"unevaluatedItems": true, "contains": true, "propertyNames": true, "not": true, "if": true, "then": true,
		"else": true, "additionalItems": true, "contentSchema": true}
)

// walkSchema calls visit for every schema object in a schema document, with its JSON
// Pointer, descending only through keywords whose values are schemas (so that a property
// named "format" or an example holding "$ref" is not mistaken for a keyword).
func walkSchema(node any, ptr string, visit func(obj map[string]any, ptr string)) {
	obj, ok := node.(map[string]any)
	if !ok {
		return // true and false are schemas with nothing inside
	}
	visit(obj, ptr)
	for _, kw := range sortedKeys(obj) {
		val := obj[kw]
		at := ptr + "/" + escapeToken(kw)
		switch {
		case schemaMapKeywords[kw]:
			if m, ok := val.(map[string]any); ok {
				for _, name := range sortedKeys(m) {
					walkSchema(m[name], at+"/"+escapeToken(name), visit)
				}
			}
		case schemaListKeywords[kw] || kw == "items":
			if list, ok := val.([]any); ok {
				for i, s := range list {
					walkSchema(s, at+"/"+strconv.Itoa(i), visit)
				}
			} else if kw == "items" {
				walkSchema(val, at, visit)
			}
		case schemaKeywords[kw]:
			walkSchema(val, at, visit)
		}
	}
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// A schemaProblem is a defect in a schema file that would make validation wrong or fail.
type schemaProblem struct {
	url     string // the schema file's absolute URL
	problem string // what is wrong, with the JSON Pointer where
}

// checkSchemas finds the defects in schema documents (by absolute URL) that the validator
// library would not report, or would report only when a document happened to reach them:
//   - a "format" the validator does not know, which it would silently not check;
//   - a "$ref" that resolves to no embedded schema, or to nothing within one;
//   - a $schema other than draft 2020-12, a root $id that is not the file's URL, or an $id
//     inside a document (engage's files are one resource each).
func checkSchemas(raw map[string]any, known func(format string) bool) []schemaProblem {
	var out []schemaProblem
	urls := make([]string, 0, len(raw))
	for u := range raw {
		urls = append(urls, u)
	}
	sort.Strings(urls)
	for _, url := range urls {
		doc := raw[url]
		add := func(ptr, problem string) {
			if ptr == "" {
				ptr = "/"
			}
			out = append(out, schemaProblem{url, problem + " at " + ptr})
		}
		root, ok := doc.(map[string]any)
		if !ok {
			add("", "the document is not a schema object")
			continue
		}
		if root["$schema"] != draft202012 {
			add("", "$schema must be "+strconv.Quote(draft202012))
		}
		if root["$id"] != url {
			add("", "$id must be "+strconv.Quote(url))
		}
		walkSchema(doc, "", func(obj map[string]any, ptr string) {
			if f, ok := obj["format"]; ok {
				if name, ok := f.(string); !ok || !known(name) {
					add(ptr+"/format", "unknown format "+renderJSON(f)+" (the validator would not check it)")
				}
			}
			if _, ok := obj["$id"]; ok && ptr != "" {
				add(ptr+"/$id", "an $id inside a schema file is not supported")
			}
			for _, kw := range []string{"$ref", "$dynamicRef"} {
				if r, ok := obj[kw]; ok {
					ref, _ := r.(string)
					if _, _, err := resolveRef(url, ref, raw); err != "" {
						add(ptr+"/"+kw, kw+" "+strconv.Quote(ref)+" "+err)
					}
				}
			}
		})
	}
	return out
}

// resolveRef resolves a $ref found in the schema at base: a fragment of the same file, or
// an embedded file named relative to BaseURI (optionally with a fragment), or an absolute
// URL under BaseURI. The fragment is empty, a JSON Pointer, or the name of an $anchor. It
// returns the target file's URL and the target, or a description of why it does not resolve.
func resolveRef(base, ref string, raw map[string]any) (string, any, string) {
	file, _, target, problem := resolveRefPointer(base, ref, raw)
	return file, target, problem
}

// resolveRefPointer is resolveRef, also returning the JSON Pointer of the target within its
// file.
func resolveRefPointer(base, ref string, raw map[string]any) (file, ptr string, target any, problem string) {
	file, frag, _ := strings.Cut(ref, "#")
	frag = unpercent(frag) // a fragment is part of a URI, so its JSON Pointer may be percent-encoded
	switch {
	case file == "":
		file = base
	case strings.HasPrefix(file, BaseURI):
	case strings.Contains(file, ":") || strings.ContainsAny(file, "/\\") || strings.HasPrefix(file, "."):
		return "", "", nil, "does not name an embedded schema file (only files beside this one, by name, are available)"
	default:
		file = BaseURI + file
	}
	doc, ok := raw[file]
	if !ok {
		return "", "", nil, "names a schema file that is not embedded"
	}
	if frag == "" || strings.HasPrefix(frag, "/") {
		target, ok := resolvePointer(doc, frag)
		if !ok {
			return "", "", nil, "points at nothing in " + strings.TrimPrefix(file, BaseURI)
		}
		return file, frag, target, ""
	}
	var found any
	walkSchema(doc, "", func(obj map[string]any, at string) {
		if (obj["$anchor"] == frag || obj["$dynamicAnchor"] == frag) && found == nil {
			found, ptr = obj, at
		}
	})
	if found == nil {
		return "", "", nil, "names an $anchor that " + strings.TrimPrefix(file, BaseURI) + " does not define"
	}
	return file, ptr, found, ""
}

// referencedFiles lists the other schema files the schema document at url refers to.
func referencedFiles(url string, doc any) []string {
	var out []string
	walkSchema(doc, "", func(obj map[string]any, _ string) {
		for _, kw := range []string{"$ref", "$dynamicRef"} {
			ref, _ := obj[kw].(string)
			file, _, _ := strings.Cut(ref, "#")
			switch {
			case file == "" || file == url:
			case strings.HasPrefix(file, BaseURI):
				out = append(out, file)
			default:
				out = append(out, BaseURI+file)
			}
		}
	})
	return out
}

// resolvePointer returns the value at JSON Pointer ptr (RFC 6901) within doc.
func resolvePointer(doc any, ptr string) (any, bool) {
	if ptr == "" {
		return doc, true
	}
	if ptr[0] != '/' {
		return nil, false
	}
	cur := doc
	for _, tok := range strings.Split(ptr[1:], "/") {
		tok = unescapeToken(tok)
		switch c := cur.(type) {
		case map[string]any:
			v, ok := c[tok]
			if !ok {
				return nil, false
			}
			cur = v
		case []any:
			i, ok := arrayIndex(tok)
			if !ok || i >= len(c) {
				return nil, false
			}
			cur = c[i]
		default:
			return nil, false
		}
	}
	return cur, true
}

// arrayIndex parses an RFC 6901 array index: decimal digits without leading zeros.
func arrayIndex(tok string) (int, bool) {
	if tok == "" || len(tok) > 1 && tok[0] == '0' || len(tok) > 9 {
		return 0, false
	}
	n := 0
	for i := 0; i < len(tok); i++ {
		if !isDigit(tok[i]) {
			return 0, false
		}
		n = n*10 + int(tok[i]-'0')
	}
	return n, true
}

// splitPointer returns the unescaped reference tokens of a JSON Pointer.
func splitPointer(ptr string) []string {
	if ptr == "" || ptr[0] != '/' {
		return nil
	}
	toks := strings.Split(ptr[1:], "/")
	for i, t := range toks {
		toks[i] = unescapeToken(t)
	}
	return toks
}

func escapeToken(t string) string {
	if !strings.ContainsAny(t, "~/") {
		return t
	}
	return string(appendPointerToken(nil, t))
}

func unescapeToken(t string) string {
	if strings.IndexByte(t, '~') < 0 {
		return t
	}
	return strings.ReplaceAll(strings.ReplaceAll(t, "~1", "/"), "~0", "~")
}
