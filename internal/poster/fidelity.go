package poster

import (
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
)

// Fidelity is a record of how far the poster's drawing of each logo is
// from Chromium's rendering of the same SVG, by the SHA-256 of the logo's
// bytes as the posters draw them (logos.Processor.Original). Chromium
// cannot run inside a build, so cmd/logodraw-bench measures the logos and
// writes the record (-stamps); a build given it (landscape build
// --poster-fidelity FILE) draws every logo measured beyond Tolerance as
// its embedded raster or a name tile, and lists it, instead of printing it
// subtly wrong. A logo changed since the measurement has another hash and
// is drawn as the renderer alone decides.
type Fidelity struct {
	Version   int        `json:"version"`
	Size      int        `json:"size"`      // pixels of the square each logo was fitted into
	Tolerance float64    `json:"tolerance"` // the largest faithful difference
	Logos     []Measured `json:"logos"`
}

// Measured is one logo's measurement.
type Measured struct {
	Name       string  `json:"name"`       // the file measured, for people
	SHA256     string  `json:"sha256"`     // of the bytes drawn, hex
	Difference float64 `json:"difference"` // mean absolute RGB difference on white, 0..1
}

// FidelityVersion is the version of the record this package reads.
const FidelityVersion = 1

// maxFidelityBytes bounds the record: about 200 bytes a logo.
const maxFidelityBytes = 64 << 20

// ReadFidelity reads a record written by cmd/logodraw-bench and returns
// the logos measured beyond its tolerance, by hash, with their difference.
func ReadFidelity(r io.Reader) (map[[32]byte]float64, error) {
	var f Fidelity
	dec := json.NewDecoder(io.LimitReader(r, maxFidelityBytes))
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("fidelity record: %w", err)
	}
	if f.Version != FidelityVersion {
		return nil, fmt.Errorf("fidelity record: version %d, want %d (measure again with cmd/logodraw-bench)", f.Version, FidelityVersion)
	}
	if !(f.Tolerance > 0 && f.Tolerance < 1) {
		return nil, fmt.Errorf("fidelity record: tolerance %v is not between 0 and 1", f.Tolerance)
	}
	out := map[[32]byte]float64{}
	for i, s := range f.Logos {
		var sum [32]byte
		if b, err := hex.DecodeString(s.SHA256); err != nil || len(b) != len(sum) {
			return nil, fmt.Errorf("fidelity record: logo %d (%q): sha256 %q is not 64 hex digits", i, s.Name, s.SHA256)
		} else {
			copy(sum[:], b)
		}
		if s.Difference > f.Tolerance {
			out[sum] = s.Difference
		}
	}
	return out, nil
}

// unfaithful is the reason a measured logo is not drawn from its vectors,
// worded to follow "the drawing cannot render its".
func unfaithful(diff float64) string {
	return "shapes as Chromium does (" + strconv.FormatFloat(100*diff, 'f', 1, 64) + "% apart)"
}
