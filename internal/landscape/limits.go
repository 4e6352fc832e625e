package landscape

import (
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// The three files come from pull requests, and a pull request is untrusted
// input to the CI job that loads it. These limits keep loading, and all
// that is made from what it loads, in time, memory and output linear in the
// file's size; docs/settings.md lists them.
//
// YAML aliases repeat a value wherever they are written, so a few kilobytes
// of aliases can stand for a million items, or one long description for a
// gigabyte of pages. yaml.v3 bounds the aliases a decoding follows by their
// count, not by what they expand to, and the loader walks the node tree
// itself, so the loader measures the expansion first: aliases may add at
// most the file's own size again, in values and in bytes of text, plus a
// floor that no real file comes near.
const (
	aliasNodeFloor = 100_000
	aliasByteFloor = 1 << 20
)

// Text limits per value, in bytes, far above what real landscapes hold
// (cncf-full's longest name is 60 bytes, its longest description 1,360, its
// longest extra summary 3,380, its guide's longest section 4,727).
const (
	maxShortText = 256      // names, logos, dates, tickers, slugs
	maxLongText  = 8 << 10  // descriptions and the extra summaries
	maxLinkText  = 2 << 10  // URLs
	maxGuideText = 64 << 10 // a guide section's Markdown
)

// textLimit is the longest value field may hold in landscape.yml.
func textLimit(field string) int {
	switch {
	case field == "description", strings.HasPrefix(field, "extra.summary_"),
		strings.HasPrefix(field, "extra.annotations"), field == "extra.training_certifications",
		field == "extra.cncf_tags":
		return maxLongText
	case strings.HasSuffix(field, "url") || strings.HasSuffix(field, "_url") || field == "crunchbase" || field == "twitter":
		return maxLinkText
	}
	return maxShortText
}

// settingsTextLimit is the longest value at the key of settings.yml or
// guide.yml.
func settingsTextLimit(key string) int {
	switch key {
	case "content":
		return maxGuideText
	case "description", "reason":
		return maxLongText
	case "name", "alias", "category", "subcategory", "foundation":
		return maxShortText
	}
	return maxLinkText
}

// clean is a value as the build keeps it: without control and bidirectional
// formatting characters (each reported), and at most limit bytes long.
// URLs and the other values of link length keep theirs: stripping them
// would make another URL of one that their checks refuse.
func (d *decoder) clean(n *yaml.Node, item, field string, s string, limit int) string {
	if limit != maxLinkText {
		s = d.noControls(n, item, field, s)
	}
	if limit == maxShortText {
		s = d.oneLine(n, item, field, s)
	}
	return d.tooLong(n, item, field, s, limit)
}

// oneLine joins the lines of a short value (a name, a title, an alias):
// YAML keeps a line break where a plain value has an empty line, and a
// break in a name would split the lines of a log or a page title.
func (d *decoder) oneLine(n *yaml.Node, item, field string, s string) string {
	if !strings.ContainsAny(s, "\n\t") {
		return s
	}
	d.warnf(n, item, field, "spans several lines; it is one line (the build joins them with spaces)")
	return strings.Join(strings.Fields(s), " ")
}

// noControls reports and drops the control characters of a value but line
// breaks and tabs, and the characters that reorder text around them (a
// right-to-left override shows "exe.txt" for "txt.exe"): YAML lets them in
// through escapes ("\x07", "\u202e"), and they would reach every output, the
// CSV export and the job log included.
func (d *decoder) noControls(n *yaml.Node, item, field string, s string) string {
	bad := func(r rune) bool { return r != '\n' && r != '\t' && isControl(r) }
	i := strings.IndexFunc(s, bad)
	if i < 0 {
		return s
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	d.errorf(n, item, field, "holds the control or bidirectional character %U, which makes text show otherwise than it is written (remove it; the build drops it)", r)
	return strings.Map(func(r rune) rune {
		if bad(r) {
			return -1
		}
		return r
	}, s)
}

// tooLong reports a value longer than limit and cuts it there, at a
// character boundary, so that what is built from it stays small.
func (d *decoder) tooLong(n *yaml.Node, item, field string, s string, limit int) string {
	if len(s) <= limit {
		return s
	}
	d.errorf(n, item, field, "%d bytes long, more than the %d a value may hold here (shorten it; the build keeps the first %d bytes)", len(s), limit, limit)
	cut := limit
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut]
}

// checkBytes reports the first byte that is not UTF-8, or the first
// character YAML does not allow in a file (NUL and the other control
// characters but tab and line breaks), at its line and column: yaml.v3 says
// only that there is one, without where.
func (d *decoder) checkBytes(data []byte) bool {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			line, col := position(data, i)
			d.diags.Errorf(d.file, line, col, "", "", "invalid UTF-8: byte 0x%02x (save the file as UTF-8)", data[i])
			return false
		case !yamlAllowed(r):
			line, col := position(data, i)
			d.diags.Errorf(d.file, line, col, "", "", "control character %U, which YAML does not allow in a file (remove it, or write it as an escape in a double-quoted string)", r)
			return false
		}
		i += size
	}
	return true
}

// yamlAllowed is the YAML 1.2 printable set, as yaml.v3's reader checks it.
func yamlAllowed(r rune) bool {
	return r == '\t' || r == '\n' || r == '\r' || r >= 0x20 && r <= 0x7e || r == 0x85 ||
		r >= 0xa0 && r <= 0xd7ff || r >= 0xe000 && r <= 0xfffd || r >= 0x10000 && r <= 0x10ffff
}

// position is the line and column (in characters, from 1) of byte offset.
func position(data []byte, offset int) (int, int) {
	before := data[:offset]
	line := 1 + strings.Count(string(before), "\n")
	start := strings.LastIndexByte(string(before), '\n') + 1
	return line, 1 + utf8.RuneCount(before[start:])
}

// syntaxError reports a yaml.v3 parse error. yaml.v3 gives a line only
// (and none on the first line): the column is found for the errors where
// it can be, such as nesting deeper than yaml.v3 allows, and is 1 otherwise.
func (d *decoder) syntaxError(data []byte, err error) {
	line, msg := yamlErrorLine(err.Error())
	msg = strings.TrimPrefix(msg, "yaml: ")
	if line == 0 {
		line = 1
	}
	col := 1
	if strings.Contains(msg, "exceeded max depth") {
		line, col = deepest(data, line)
		msg += " (nest lists and mappings less deeply)"
	}
	d.diags.Errorf(d.file, line, col, "", "", "invalid YAML: %s", msg)
}

// deepest finds where nesting first passes yaml.v3's limit of 10,000
// levels: the flow collection ([ or {) that opens level 10,001, or the
// first line indented (with spaces and "- ") 10,000 columns deep. yaml.v3
// names only a line near it, which is kept when neither is found.
func deepest(data []byte, line int) (int, int) {
	const limit = 10000
	depth := 0
	var quote byte
	for l, text := range strings.Split(string(data), "\n") {
		if quote == 0 && len(text)-len(strings.TrimLeft(text, " -")) >= limit {
			return l + 1, limit
		}
		for i := 0; i < len(text); i++ {
			c := text[i]
			starts := i == 0 || strings.IndexByte(" \t[{,:", text[i-1]) >= 0
			switch {
			case quote != 0:
				if c == quote {
					quote = 0
				}
			case (c == '"' || c == '\'') && starts:
				quote = c
			case c == '#' && starts:
				i = len(text)
			case c == '[' || c == '{':
				if depth++; depth > limit {
					return l + 1, 1 + utf8.RuneCountInString(text[:i])
				}
			case c == ']' || c == '}':
				depth = max(0, depth-1)
			}
		}
	}
	return line, 1
}

// expansion is what a YAML value stands for once its aliases are followed:
// how many values, and how many bytes of text.
type expansion struct{ nodes, bytes int64 }

func (e expansion) add(o expansion) expansion {
	const most = 1 << 60 // saturate: nested aliases multiply
	return expansion{min(e.nodes+o.nodes, most), min(e.bytes+o.bytes, most)}
}

// budget measures the expansion of a document, memoized by anchor so that
// the measuring is linear in the file's nodes whatever the aliases do.
type budget struct {
	memo  map[*yaml.Node]expansion
	open  map[*yaml.Node]bool
	cycle *yaml.Node // an alias inside its own anchor
}

func (b *budget) size(n *yaml.Node) expansion {
	if n.Kind == yaml.AliasNode {
		if n.Alias == nil {
			return expansion{1, 0}
		}
		if b.open[n.Alias] {
			if b.cycle == nil {
				b.cycle = n
			}
			return expansion{1, 0}
		}
		return b.size(n.Alias)
	}
	if e, ok := b.memo[n]; ok {
		return e
	}
	if n.Anchor != "" {
		b.open[n] = true
		defer delete(b.open, n)
	}
	e := expansion{1, int64(len(n.Value))}
	for _, c := range n.Content {
		e = e.add(b.size(c))
	}
	if n.Anchor != "" {
		b.memo[n] = e
	}
	return e
}

// checkAliases reports a document whose aliases expand it beyond the budget
// for its size, at the alias that passes it, or whose alias sits inside
// its own anchor (a value that never ends). Loading stops there.
func (d *decoder) checkAliases(root *yaml.Node, size int) bool {
	b := &budget{memo: map[*yaml.Node]expansion{}, open: map[*yaml.Node]bool{}}
	total := b.size(root)
	if b.cycle != nil {
		d.errorf(b.cycle, "", "", "alias *%s is inside its own anchor &%s, a value without end (write the value out)", b.cycle.Value, b.cycle.Value)
		return false
	}
	limit := expansion{int64(size) + aliasNodeFloor, 2*int64(size) + aliasByteFloor}
	if total.nodes <= limit.nodes && total.bytes <= limit.bytes {
		return true
	}
	at := b.passing(root, limit, &expansion{})
	if at == nil {
		at = root
	}
	d.errorf(at, "", "", "aliases expand the file to %d values and %d bytes of text, more than the %d values and %d bytes a file of %d bytes may stand for (write the repeated values out, or alias less)",
		total.nodes, total.bytes, limit.nodes, limit.bytes, size)
	return false
}

// passing walks the document in order, adding up what each value stands
// for, and returns the alias at which the sum passes limit.
func (b *budget) passing(n *yaml.Node, limit expansion, sum *expansion) *yaml.Node {
	if n.Kind == yaml.AliasNode {
		*sum = sum.add(b.size(n))
		if sum.nodes > limit.nodes || sum.bytes > limit.bytes {
			return n
		}
		return nil
	}
	*sum = sum.add(expansion{1, int64(len(n.Value))})
	for _, c := range n.Content {
		if at := b.passing(c, limit, sum); at != nil {
			return at
		}
	}
	return nil
}

// limitText reports and cuts every text value of a settings or guide file
// longer than its key allows, before the file is decoded into structs.
// Aliases are followed (checkAliases has bounded them), so that an anchor
// written under a long-text key cannot bring its text to a short one.
func (d *decoder) limitText(n *yaml.Node, path, key string) {
	n = resolve(n)
	switch n.Kind {
	case yaml.ScalarNode:
		n.Value = d.clean(n, "", path, n.Value, settingsTextLimit(key))
	case yaml.SequenceNode:
		for _, c := range n.Content {
			d.limitText(c, path, key)
		}
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			k.Value = d.clean(k, "", path, k.Value, maxShortText)
			d.limitText(n.Content[i+1], strings.TrimPrefix(path+"."+k.Value, "."), k.Value)
		}
	}
}
