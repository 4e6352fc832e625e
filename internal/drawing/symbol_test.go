package drawing

import (
	"strings"
	"testing"
)

func TestScopeCSS(t *testing.T) {
	for in, want := range map[string]string{
		".st0{fill:#fff}":                       "#l1 .l1-st0{fill:#fff}",
		"path,#a .b{fill:url(#g)}":              "#l1 path,#l1 #l1-a .l1-b{fill:url(#l1-g)}",
		"@media (min-width:1px){.c{fill:red}}":  "@media (min-width:1px){#l1 .l1-c{fill:red}}",
		"@font-face{font-family:x}.d{fill:red}": "@font-face{font-family:x}#l1 .l1-d{fill:red}",
	} {
		if got := strings.ReplaceAll(scopeCSS(in, "l1"), " {", "{"); got != want {
			t.Errorf("scopeCSS(%q): got %q, want %q", in, got, want)
		}
	}
}
