package poster

import (
	"math"

	"github.com/serverless-landscape/landscape/internal/site"
)

// The metrics of the landscape page's style sheet (templates/css), in CSS
// pixels at the page's default zoom, so that the poster packs boxes as the
// page does: bands of boxes that wrap like a flex row and grow in
// proportion to their column count, tiles on a grid that places featured
// 2×2 tiles first-fit ("grid-auto-flow: dense").
const (
	margin      = 20 // around everything
	tileW       = 64
	tileH       = 48 // grid-auto-rows: tile × .75
	gap         = 4  // between tiles
	boxPadX     = 6  // box padding left and right, plus its 1px border below
	boxPadTop   = 4
	boxPadBot   = 6
	boxBorder   = 1
	boxHeadH    = 19 // the subcategory title (12px × 1.25) and its margin
	boxGap      = 8
	bandHeadH   = 31 // the category title bar (15px × 1.25 + 12px padding)
	bandPad     = 8
	bandGap     = 12
	maxColumns  = 12
	headerH     = 84
	footerH     = 44
	featuredPad = 6
	tilePad     = 3
)

// Layout is the poster's geometry: every band, box and tile placed.
type Layout struct {
	W, H  float64
	Bands []Band
}

// Band is a category's band: its title bar on top, its boxes below.
type Band struct {
	Category *site.Category
	Rect
	Boxes []Box
}

// Box is a subcategory with its tiles.
type Box struct {
	Sub *site.Subcategory
	Rect
	Columns int
	Tiles   []Tile
}

// Tile is an item in a box; an item is in each of its boxes.
type Tile struct {
	Item     *site.Item
	Featured bool
	Rect
}

// Rect is a box in CSS pixels.
type Rect struct{ X, Y, W, H float64 }

func (r Rect) overlaps(o Rect) bool {
	return r.X < o.X+o.W && o.X < r.X+r.W && r.Y < o.Y+o.H && o.Y < r.Y+r.H
}

// Lay places the categories on a poster width pixels wide. Boxes without
// items are left out, as on the page; featured items are those the site
// model marks (settings' featured_items).
func Lay(cats []*site.Category, width float64) *Layout {
	l := &Layout{W: width}
	y := float64(margin + headerH)
	inner := width - 2*margin
	for _, c := range cats {
		b := layBand(c, margin, y, inner)
		if len(b.Boxes) == 0 {
			continue
		}
		l.Bands = append(l.Bands, b)
		y += b.H + bandGap
	}
	l.H = y - bandGap + footerH + margin
	return l
}

func layBand(c *site.Category, x, y, w float64) Band {
	b := Band{Category: c, Rect: Rect{X: x, Y: y, W: w}}
	var boxes []*site.Subcategory
	for _, s := range c.Subcategories {
		if len(s.Items) > 0 {
			boxes = append(boxes, s)
		}
	}
	top := y + bandHeadH + bandPad
	inner := w - 2*bandPad
	for len(boxes) > 0 {
		row := flexRow(boxes, inner)
		widths := grow(boxes[:row], inner)
		bx, rowH := x+bandPad, 0.0
		var placed []Box
		for i, s := range boxes[:row] {
			box := layBox(s, bx, top, widths[i])
			rowH = math.Max(rowH, box.H)
			placed = append(placed, box)
			bx += widths[i] + boxGap
		}
		for i := range placed { // flex rows stretch their boxes to one height
			placed[i].H = rowH
		}
		b.Boxes = append(b.Boxes, placed...)
		top += rowH + boxGap
		boxes = boxes[row:]
	}
	b.H = top - boxGap + bandPad - y
	return b
}

// columns is the box's column count: the square root of its weight, a
// featured tile weighing four (the page's boxClass).
func columns(s *site.Subcategory) int {
	weight := 0
	for _, it := range s.Items {
		weight++
		if it.Featured {
			weight += 3
		}
	}
	c := 1
	for c*c < weight && c < maxColumns {
		c++
	}
	return c
}

func basis(s *site.Subcategory) float64 {
	return float64(columns(s))*(tileW+gap) + 2*boxPadX + 2*boxBorder
}

// flexRow is how many boxes fit on the next row (at least one).
func flexRow(boxes []*site.Subcategory, w float64) int {
	used := 0.0
	for i, s := range boxes {
		next := used + basis(s)
		if i > 0 {
			next += boxGap
		}
		if next > w && i > 0 {
			return i
		}
		used = next
	}
	return len(boxes)
}

// grow shares a row's free space in proportion to the boxes' columns
// (flex-grow), or shrinks a lone box that is too wide.
func grow(row []*site.Subcategory, w float64) []float64 {
	out := make([]float64, len(row))
	used, weight := boxGap*float64(len(row)-1), 0.0
	for i, s := range row {
		out[i] = basis(s)
		used += out[i]
		weight += float64(columns(s))
	}
	free := w - used
	for i, s := range row {
		if free < 0 {
			out[i] += free * out[i] / (used - boxGap*float64(len(row)-1))
		} else {
			out[i] += free * float64(columns(s)) / weight
		}
		out[i] = math.Floor(out[i])
	}
	return out
}

// layBox places a box's tiles on its grid: as many columns as fit, rows of
// tileH, each tile at the first free cell in reading order.
func layBox(s *site.Subcategory, x, y, w float64) Box {
	b := Box{Sub: s, Rect: Rect{X: x, Y: y, W: w}}
	cols := max(1, int((w-2*boxPadX-2*boxBorder+gap)/(tileW+gap)))
	b.Columns = cols
	var taken [][]bool // rows of cells
	free := func(r, c, n int) bool {
		for dr := range n {
			for dc := range n {
				if c+dc >= cols || r+dr < len(taken) && taken[r+dr][c+dc] {
					return false
				}
			}
		}
		return true
	}
	ox, oy := x+boxBorder+boxPadX, y+boxBorder+boxPadTop+boxHeadH
	for _, it := range s.Items {
		n := 1
		if it.Featured && cols >= 2 {
			n = 2
		}
		r, c := 0, 0
		for !free(r, c, n) {
			if c++; c >= cols {
				r, c = r+1, 0
			}
		}
		for len(taken) < r+n {
			taken = append(taken, make([]bool, cols))
		}
		for dr := range n {
			for dc := range n {
				taken[r+dr][c+dc] = true
			}
		}
		b.Tiles = append(b.Tiles, Tile{Item: it, Featured: n == 2, Rect: Rect{
			X: ox + float64(c)*(tileW+gap), Y: oy + float64(r)*(tileH+gap),
			W: float64(n)*tileW + float64(n-1)*gap, H: float64(n)*tileH + float64(n-1)*gap}})
	}
	rows := float64(len(taken))
	b.H = boxBorder + boxPadTop + boxHeadH + rows*tileH + math.Max(0, rows-1)*gap + boxPadBot + boxBorder
	return b
}
