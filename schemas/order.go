package schemas

import (
	"sort"
	"strconv"
)

// order sorts violations into document order: by the position in the document of the value
// each one points at or, for a field that is missing, of the object that should hold it.
// Violations at the same position are sorted by pointer, code and message, so the order is
// the same on every run. The positions come from one scan of the document that reads only
// the branches leading to the violations and skips the rest.
func (r *reporter) order(vs []Violation) {
	if len(vs) < 2 {
		return
	}
	root := &trieNode{offset: -1}
	nodes := make([]*trieNode, len(vs))
	for i, v := range vs {
		n := root
		for _, tok := range splitPointer(v.Pointer) {
			n = n.child(tok)
		}
		nodes[i] = n
	}
	p := positioner{data: r.data}
	p.walk(root)
	pos := make([]int, len(vs))
	for i, n := range nodes {
		for n != nil && n.offset < 0 {
			n = n.parent
		}
		if n != nil {
			pos[i] = n.offset
		}
	}
	idx := make([]int, len(vs))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool {
		i, j := idx[a], idx[b]
		if pos[i] != pos[j] {
			return pos[i] < pos[j]
		}
		if vs[i].Pointer != vs[j].Pointer {
			return vs[i].Pointer < vs[j].Pointer
		}
		if vs[i].Code != vs[j].Code {
			return vs[i].Code < vs[j].Code
		}
		return vs[i].Message < vs[j].Message
	})
	sorted := make([]Violation, len(vs))
	for a, i := range idx {
		sorted[a] = vs[i]
	}
	copy(vs, sorted)
}

// A trieNode is one reference token of the violations' pointers.
type trieNode struct {
	parent   *trieNode
	children map[string]*trieNode
	offset   int // where the value starts in the document; -1 if it is not there
}

func (n *trieNode) child(tok string) *trieNode {
	if c, ok := n.children[tok]; ok {
		return c
	}
	if n.children == nil {
		n.children = map[string]*trieNode{}
	}
	c := &trieNode{parent: n, offset: -1}
	n.children[tok] = c
	return c
}

// A positioner finds where values start in a well-formed document.
type positioner struct {
	data []byte
	pos  int
}

func (p *positioner) space() {
	for p.pos < len(p.data) {
		switch p.data[p.pos] {
		case ' ', '\t', '\n', '\r':
			p.pos++
		default:
			return
		}
	}
}

// walk records the position of the value at p.pos for node n, and descends into the
// members that lead to violations, skipping the others.
func (p *positioner) walk(n *trieNode) {
	p.space()
	n.offset = p.pos
	if len(n.children) == 0 || p.pos >= len(p.data) {
		p.skip()
		return
	}
	switch p.data[p.pos] {
	case '{':
		p.pos++
		p.space()
		if p.data[p.pos] == '}' {
			p.pos++
			return
		}
		for {
			p.space()
			start := p.pos + 1
			p.skipString()
			key := unquote(p.data[start : p.pos-1])
			p.space()
			p.pos++ // the colon
			if c, ok := n.children[key]; ok {
				p.walk(c)
			} else {
				p.space()
				p.skip()
			}
			if !p.next('}') {
				return
			}
		}
	case '[':
		p.pos++
		p.space()
		if p.data[p.pos] == ']' {
			p.pos++
			return
		}
		for i := 0; ; i++ {
			if c, ok := n.children[strconv.Itoa(i)]; ok {
				p.walk(c)
			} else {
				p.space()
				p.skip()
			}
			if !p.next(']') {
				return
			}
		}
	default:
		p.skip()
	}
}

// next reads the comma or the closing bracket after a member or item; it reports whether
// another follows.
func (p *positioner) next(closing byte) bool {
	p.space()
	if p.pos < len(p.data) && p.data[p.pos] == ',' {
		p.pos++
		return true
	}
	p.pos++ // closing
	return false
}

// skip moves past the value at p.pos.
func (p *positioner) skip() {
	depth := 0
	for p.pos < len(p.data) {
		switch p.data[p.pos] {
		case '"':
			p.skipString()
			if depth == 0 {
				return
			}
			continue
		case '{', '[':
			depth++
		case '}', ']':
			if depth == 0 {
				return // the end of the container holding a scalar
			}
			depth--
			if depth == 0 {
				p.pos++
				return
			}
		case ',':
			if depth == 0 {
				return
			}
		case ' ', '\t', '\n', '\r':
			if depth == 0 {
				return
			}
		}
		p.pos++
	}
}

// skipString moves past the string whose opening quote is at p.pos.
func (p *positioner) skipString() {
	p.pos++
	for p.pos < len(p.data) {
		switch p.data[p.pos] {
		case '\\':
			p.pos += 2
			continue
		case '"':
			p.pos++
			return
		}
		p.pos++
	}
}
