package drawing

import (
	"math"
	"strconv"
	"strings"
)

// Color is a non-premultiplied sRGB colour with alpha, each in [0, 1].
type Color struct{ R, G, B, A float64 }

// Black is the initial fill of SVG shapes.
var Black = Color{0, 0, 0, 1}

// Gray is the colour's luminance as a grey of the same alpha, as the CSS
// grayscale(1) filter computes it.
func (c Color) Gray() Color {
	l := 0.2126*c.R + 0.7152*c.G + 0.0722*c.B
	return Color{l, l, l, c.A}
}

// ParseColor reads a CSS colour: #rgb, #rgba, #rrggbb, #rrggbbaa, rgb(),
// rgba(), hsl(), hsla(), a colour keyword or transparent. ok is false for
// anything else, including currentColor, which callers resolve.
func ParseColor(s string) (Color, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	switch {
	case strings.HasPrefix(s, "#"):
		return parseHex(s[1:])
	case strings.HasPrefix(s, "rgb"):
		return parseFunc(s, false)
	case strings.HasPrefix(s, "hsl"):
		return parseFunc(s, true)
	case s == "transparent":
		return Color{}, true
	}
	if v, ok := namedColors[s]; ok {
		return Color{float64(v>>16) / 255, float64(v>>8&0xff) / 255, float64(v&0xff) / 255, 1}, true
	}
	return Color{}, false
}

func parseHex(h string) (Color, bool) {
	if len(h) == 3 || len(h) == 4 {
		var b strings.Builder
		for i := range len(h) {
			b.WriteByte(h[i])
			b.WriteByte(h[i])
		}
		h = b.String()
	}
	if len(h) != 6 && len(h) != 8 {
		return Color{}, false
	}
	v, err := strconv.ParseUint(h, 16, 32)
	if err != nil {
		return Color{}, false
	}
	if len(h) == 6 {
		v = v<<8 | 0xff
	}
	return Color{float64(v>>24) / 255, float64(v>>16&0xff) / 255, float64(v>>8&0xff) / 255, float64(v&0xff) / 255}, true
}

// parseFunc reads rgb()/rgba() and hsl()/hsla(), with commas or spaces and
// an optional "/ alpha".
func parseFunc(s string, hsl bool) (Color, bool) {
	open, end := strings.IndexByte(s, '('), strings.LastIndexByte(s, ')')
	if open < 0 || end < open {
		return Color{}, false
	}
	args := strings.FieldsFunc(s[open+1:end], func(r rune) bool { return r == ',' || r == ' ' || r == '/' || r == '\t' })
	if len(args) != 3 && len(args) != 4 {
		return Color{}, false
	}
	var v [4]float64
	v[3] = 1
	for i, a := range args {
		pct := strings.HasSuffix(a, "%")
		a = strings.TrimSuffix(strings.TrimSuffix(a, "%"), "deg")
		f, err := strconv.ParseFloat(a, 64)
		if err != nil {
			return Color{}, false
		}
		switch {
		case i == 3 && pct:
			f /= 100
		case i == 3:
		case hsl && i > 0:
			f /= 100
		case hsl:
		case pct:
			f /= 100
		default:
			f /= 255
		}
		v[i] = f
	}
	c := Color{clamp01(v[0]), clamp01(v[1]), clamp01(v[2]), clamp01(v[3])}
	if hsl {
		c.R, c.G, c.B = hslToRGB(v[0], clamp01(v[1]), clamp01(v[2]))
	}
	return c, true
}

func hslToRGB(h, s, l float64) (r, g, b float64) {
	h = math.Mod(math.Mod(h, 360)+360, 360) / 360
	q := l + s - l*s
	if l < 0.5 {
		q = l * (1 + s)
	}
	p := 2*l - q
	hue := func(t float64) float64 {
		t = math.Mod(t+1, 1)
		switch {
		case t < 1.0/6:
			return p + (q-p)*6*t
		case t < 0.5:
			return q
		case t < 2.0/3:
			return p + (q-p)*(2.0/3-t)*6
		}
		return p
	}
	return hue(h + 1.0/3), hue(h), hue(h - 1.0/3)
}

func clamp01(f float64) float64 { return math.Max(0, math.Min(1, f)) }

// namedColors are the CSS colour keywords.
var namedColors = func() map[string]uint32 {
	const list = "aliceblue f0f8ff antiquewhite faebd7 aqua 00ffff aquamarine 7fffd4 azure f0ffff beige f5f5dc " +
		"bisque ffe4c4 black 000000 blanchedalmond ffebcd blue 0000ff blueviolet 8a2be2 brown a52a2a " +
		"burlywood deb887 cadetblue 5f9ea0 chartreuse 7fff00 chocolate d2691e coral ff7f50 cornflowerblue 6495ed " +
		"cornsilk fff8dc crimson dc143c cyan 00ffff darkblue 00008b darkcyan 008b8b darkgoldenrod b8860b " +
		"darkgray a9a9a9 darkgreen 006400 darkgrey a9a9a9 darkkhaki bdb76b darkmagenta 8b008b darkolivegreen 556b2f " +
		"darkorange ff8c00 darkorchid 9932cc darkred 8b0000 darksalmon e9967a darkseagreen 8fbc8f darkslateblue 483d8b " +
		"darkslategray 2f4f4f darkslategrey 2f4f4f darkturquoise 00ced1 darkviolet 9400d3 deeppink ff1493 " +
		"deepskyblue 00bfff dimgray 696969 dimgrey 696969 dodgerblue 1e90ff firebrick b22222 floralwhite fffaf0 " +
		"forestgreen 228b22 fuchsia ff00ff gainsboro dcdcdc ghostwhite f8f8ff gold ffd700 goldenrod daa520 " +
		"gray 808080 green 008000 greenyellow adff2f grey 808080 honeydew f0fff0 hotpink ff69b4 indianred cd5c5c " +
		"indigo 4b0082 ivory fffff0 khaki f0e68c lavender e6e6fa lavenderblush fff0f5 lawngreen 7cfc00 " +
		"lemonchiffon fffacd lightblue add8e6 lightcoral f08080 lightcyan e0ffff lightgoldenrodyellow fafad2 " +
		"lightgray d3d3d3 lightgreen 90ee90 lightgrey d3d3d3 lightpink ffb6c1 lightsalmon ffa07a lightseagreen 20b2aa " +
		"lightskyblue 87cefa lightslategray 778899 lightslategrey 778899 lightsteelblue b0c4de lightyellow ffffe0 " +
		"lime 00ff00 limegreen 32cd32 linen faf0e6 magenta ff00ff maroon 800000 mediumaquamarine 66cdaa " +
		"mediumblue 0000cd mediumorchid ba55d3 mediumpurple 9370db mediumseagreen 3cb371 mediumslateblue 7b68ee " +
		"mediumspringgreen 00fa9a mediumturquoise 48d1cc mediumvioletred c71585 midnightblue 191970 mintcream f5fffa " +
		"mistyrose ffe4e1 moccasin ffe4b5 navajowhite ffdead navy 000080 oldlace fdf5e6 olive 808000 olivedrab 6b8e23 " +
		"orange ffa500 orangered ff4500 orchid da70d6 palegoldenrod eee8aa palegreen 98fb98 paleturquoise afeeee " +
		"palevioletred db7093 papayawhip ffefd5 peachpuff ffdab9 peru cd853f pink ffc0cb plum dda0dd powderblue b0e0e6 " +
		"purple 800080 rebeccapurple 663399 red ff0000 rosybrown bc8f8f royalblue 4169e1 saddlebrown 8b4513 " +
		"salmon fa8072 sandybrown f4a460 seagreen 2e8b57 seashell fff5ee sienna a0522d silver c0c0c0 skyblue 87ceeb " +
		"slateblue 6a5acd slategray 708090 slategrey 708090 snow fffafa springgreen 00ff7f steelblue 4682b4 tan d2b48c " +
		"teal 008080 thistle d8bfd8 tomato ff6347 turquoise 40e0d0 violet ee82ee wheat f5deb3 white ffffff " +
		"whitesmoke f5f5f5 yellow ffff00 yellowgreen 9acd32"
	f := strings.Fields(list)
	m := make(map[string]uint32, len(f)/2)
	for i := 0; i+1 < len(f); i += 2 {
		v, _ := strconv.ParseUint(f[i+1], 16, 32)
		m[f[i]] = uint32(v)
	}
	return m
}()
