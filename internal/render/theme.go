package render

import (
	"math"
	"regexp"
	"strconv"
	"strings"
)

// themeCSS turns settings colours into the custom properties the style sheet
// reads. Only color1 is used, as the accent behind white text, and only when
// it parses and keeps WCAG AA contrast with white; otherwise the style
// sheet's own accent stays. Parsing is strict, so nothing from settings can
// break out of the rule.
func themeCSS(colors map[string]string) string {
	c, ok := colors["color1"]
	if !ok {
		return ""
	}
	rgb, ok := parseColor(c)
	if !ok || contrast(rgb, [3]float64{255, 255, 255}) < 4.5 {
		return ""
	}
	return ":root{--accent:rgb(" + strconv.Itoa(int(rgb[0])) + "," + strconv.Itoa(int(rgb[1])) + "," + strconv.Itoa(int(rgb[2])) + ")}\n"
}

var (
	hexColor = regexp.MustCompile(`^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$`)
	rgbColor = regexp.MustCompile(`^rgba?\(\s*(\d{1,3})\s*,\s*(\d{1,3})\s*,\s*(\d{1,3})\s*(,\s*[0-9.]+\s*)?\)$`)
)

// parseColor reads #rgb, #rrggbb, rgb() and rgba() (alpha ignored).
func parseColor(s string) ([3]float64, bool) {
	s = strings.TrimSpace(s)
	var out [3]float64
	if m := hexColor.FindStringSubmatch(s); m != nil {
		h := m[1]
		if len(h) == 3 {
			h = string([]byte{h[0], h[0], h[1], h[1], h[2], h[2]})
		}
		for i := range 3 {
			v, _ := strconv.ParseUint(h[2*i:2*i+2], 16, 8)
			out[i] = float64(v)
		}
		return out, true
	}
	m := rgbColor.FindStringSubmatch(s)
	if m == nil {
		return out, false
	}
	for i := range 3 {
		v, _ := strconv.Atoi(m[i+1])
		if v > 255 {
			return out, false
		}
		out[i] = float64(v)
	}
	return out, true
}

// contrast is the WCAG contrast ratio of two sRGB colours.
func contrast(a, b [3]float64) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

func luminance(c [3]float64) float64 {
	var l [3]float64
	for i, v := range c {
		v /= 255
		if v <= 0.03928 {
			l[i] = v / 12.92
		} else {
			l[i] = math.Pow((v+0.055)/1.055, 2.4)
		}
	}
	return 0.2126*l[0] + 0.7152*l[1] + 0.0722*l[2]
}
