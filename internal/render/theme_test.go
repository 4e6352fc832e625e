package render

import "testing"

func TestThemeCSS(t *testing.T) {
	for _, tt := range []struct {
		name   string
		colors map[string]string
		want   string
	}{
		{"none", nil, ""},
		{"rgba", map[string]string{"color1": "rgba(0, 107, 204, 1)"}, ":root{--accent:rgb(0,107,204)}\n"},
		{"hex", map[string]string{"color1": "#036"}, ":root{--accent:rgb(0,51,102)}\n"},
		{"too light for white text", map[string]string{"color1": "#b4dbff"}, ""},
		{"not a colour", map[string]string{"color1": "red;}body{display:none"}, ""},
		{"out of range", map[string]string{"color1": "rgb(300, 0, 0)"}, ""},
		{"other keys ignored", map[string]string{"color2": "#000"}, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := themeCSS(tt.colors); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}
