package change

import (
	"strings"
	"unicode"
)

// Escape makes untrusted text (anything from landscape.yml) inert in
// GitHub-flavoured Markdown, inside a table cell or out: every ASCII
// punctuation mark is backslash-escaped (no emphasis, links, images, code
// or table pipes), <, > and & become entities (no HTML), line breaks become
// spaces (no new block), bidirectional controls are dropped (no text that
// reads otherwise than it is), and a zero-width space follows every ".",
// ":" and "@" so that bare URLs, www. names and e-mail addresses are not
// turned into links.
func Escape(s string) string {
	var b strings.Builder
	b.Grow(len(s) + len(s)/4)
	for _, r := range s {
		switch {
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '&':
			b.WriteString("&amp;")
		case r == '\n' || r == '\r' || r == '\t':
			b.WriteByte(' ')
		case unicode.IsControl(r) || r == '\u2028' || r == '\u2029' || unicode.Is(unicode.Bidi_Control, r):
		case r < 0x80 && unicode.IsPunct(r) || r < 0x80 && unicode.IsSymbol(r):
			b.WriteByte('\\')
			b.WriteRune(r)
			if r == '.' || r == ':' || r == '@' {
				b.WriteRune('\u200b')
			}
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
