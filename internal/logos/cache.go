package logos

import (
	"bufio"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"io"
	"maps"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"sync"

	"github.com/serverless-landscape/landscape/internal/diag"
)

// processorVersion names the output of the processing steps. Change it
// whenever checking, sanitizing, cropping or minifying changes what they
// produce, so that disk caches from older builds are not used.
const processorVersion = "2"

// processed is the outcome of processing one logo's bytes: everything in a
// Result that depends only on the content.
type processed struct {
	Data      []byte
	File      string
	Ratio     float64
	Missing   bool
	Cropped   bool
	CropError string
	Problems  []Problem
	Saved     int  // bytes the reductions for the screen took off (shrink.go)
	transient bool // depends on the machine's load (a crop deadline): not kept on disk
}

// cachedProblem stores a Problem with its severity as a number, so the
// pack does not depend on how diag.Severity encodes itself.
type cachedProblem struct {
	Severity int
	Message  string
}

type cachedEntry struct {
	Data      []byte
	File      string
	Ratio     float64
	Missing   bool
	Cropped   bool
	CropError string
	Problems  []cachedProblem
	Saved     int
	Seal      []byte // over the key and everything above (seal.go)
}

// sealed is what an entry's seal covers: its key, so that an entry cannot
// be moved to another logo, and all it says about the logo.
func (e *cachedEntry) sealed(key string, dataSum [sha256.Size]byte) [][]byte {
	flags := []byte{0, 0}
	if e.Missing {
		flags[0] = 1
	}
	if e.Cropped {
		flags[1] = 1
	}
	parts := [][]byte{[]byte("processed"), []byte(key), dataSum[:], []byte(e.File),
		strconv.AppendUint(nil, math.Float64bits(e.Ratio), 16), flags, []byte(e.CropError), strconv.AppendInt(nil, int64(e.Saved), 10)}
	for _, p := range e.Problems {
		parts = append(parts, strconv.AppendInt(nil, int64(p.Severity), 10), []byte(p.Message))
	}
	return parts
}

// memo remembers processed logos by key for the life of a Processor, and
// makes concurrent requests for the same content wait for one computation.
type memo struct {
	mu      sync.Mutex
	entries map[string]*memoEntry
}

type memoEntry struct {
	done chan struct{}
	val  processed
}

// get returns the value for key, computing it with f once.
func (m *memo) get(key string, f func() processed) processed {
	m.mu.Lock()
	if m.entries == nil {
		m.entries = map[string]*memoEntry{}
	}
	if e, ok := m.entries[key]; ok {
		m.mu.Unlock()
		<-e.done
		return e.val
	}
	e := &memoEntry{done: make(chan struct{})}
	m.entries[key] = e
	m.mu.Unlock()
	e.val = f()
	close(e.done)
	return e.val
}

// put remembers val for key unless the key is known already.
func (m *memo) put(key string, val processed) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.entries == nil {
		m.entries = map[string]*memoEntry{}
	}
	if _, ok := m.entries[key]; !ok {
		e := &memoEntry{done: make(chan struct{}), val: val}
		close(e.done)
		m.entries[key] = e
	}
}

// contentKey names processed content: the input's hash, the processor
// version and the options that change the output.
func contentKey(data []byte, warnBytes int64) string {
	h := sha256.New()
	h.Write([]byte(processorVersion + "\x00" + strconv.FormatInt(warnBytes, 10) + "\x00"))
	h.Write(data)
	return hex.EncodeToString(h.Sum(nil))
}

// pack is the disk cache of processed logos: one file holding every entry
// the last build used, read once and written once per build. One file
// instead of one per logo, and gob instead of JSON with base64, because a
// warm build otherwise spends most of its logo time opening ~2,000 small
// files and decoding them.
type pack struct {
	path    string // "" disables the disk cache
	load    sync.Once
	mu      sync.Mutex
	entries map[string]cachedEntry
	used    map[string]bool // keys looked up or added by this Processor: what the next pack keeps
	dirty   bool            // entries added since the last save
	seal    sealer
}

// open reads the pack the first time it is needed.
func (c *pack) open() {
	c.load.Do(func() { c.entries, c.used = readPack(c.path), map[string]bool{} })
}

func (p *Processor) packPath() string {
	if p.opts.CacheDir == "" {
		return ""
	}
	return filepath.Join(p.opts.CacheDir, "logos", "processed-"+processorVersion+".gob")
}

// packRecord is one entry of the pack. The pack is a gob stream of
// records rather than one encoded map, because gob buffers each value it
// encodes whole: one map meant a second copy of every processed logo in
// memory while the pack was written.
type packRecord struct {
	Key   string
	Entry cachedEntry
}

// readPack returns the entries stored at path; a missing or unreadable
// pack is an empty cache.
func readPack(path string) map[string]cachedEntry {
	entries := map[string]cachedEntry{}
	f, err := os.Open(path)
	if err != nil {
		return entries
	}
	defer f.Close()
	dec := gob.NewDecoder(bufio.NewReader(f))
	for {
		var r packRecord
		switch err := dec.Decode(&r); err {
		case nil:
			entries[r.Key] = r.Entry
		case io.EOF:
			return entries
		default:
			return map[string]cachedEntry{}
		}
	}
}

// writePack streams the entries to path in key order.
func writePack(path string, entries map[string]cachedEntry) error {
	return writeAtomicFunc(path, func(w io.Writer) error {
		bw := bufio.NewWriter(w)
		enc := gob.NewEncoder(bw)
		for _, k := range slices.Sorted(maps.Keys(entries)) {
			if err := enc.Encode(packRecord{k, entries[k]}); err != nil {
				return err
			}
		}
		return bw.Flush()
	})
}

func (p *Processor) readDisk(key string) (processed, bool) {
	c := &p.pack
	if c.path == "" {
		return processed{}, false
	}
	c.open()
	c.mu.Lock()
	e, ok := c.entries[key]
	if ok {
		c.used[key] = true
		if _, full := c.entries[key+"-full"]; full { // kept with the screen's logo, for the next Original
			c.used[key+"-full"] = true
		}
	}
	c.mu.Unlock()
	if !ok {
		return processed{}, false
	}
	sum := sha256.Sum256(e.Data)
	if !c.seal.valid(e.Seal, e.sealed(key, sum)...) || !e.Missing && e.File != hex.EncodeToString(sum[:6])+".svg" {
		return processed{}, false // not written by this user's builds (a cache folder committed or forged): never trust it
	}
	out := processed{Data: e.Data, File: e.File, Ratio: e.Ratio, Missing: e.Missing, Cropped: e.Cropped, CropError: e.CropError, Saved: e.Saved}
	for _, cp := range e.Problems {
		out.Problems = append(out.Problems, Problem{Severity: diag.Severity(cp.Severity), Message: cp.Message})
	}
	return out, true
}

// writeDisk adds an entry to the pack; saveDisk writes it out.
func (p *Processor) writeDisk(key string, v processed) {
	c := &p.pack
	if c.path == "" {
		return
	}
	e := cachedEntry{Data: v.Data, File: v.File, Ratio: v.Ratio, Missing: v.Missing, Cropped: v.Cropped, CropError: v.CropError, Saved: v.Saved}
	for _, pr := range v.Problems {
		e.Problems = append(e.Problems, cachedProblem{int(pr.Severity), pr.Message})
	}
	e.Seal = c.seal.seal(e.sealed(key, sha256.Sum256(e.Data))...)
	c.open()
	c.mu.Lock()
	c.entries[key], c.used[key], c.dirty = e, true, true
	c.mu.Unlock()
}

// saveDisk writes the pack when entries were added, keeping only the
// entries this Processor used, so that logos no longer in the landscape do
// not accumulate.
func (p *Processor) saveDisk() {
	c := &p.pack
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.dirty {
		return
	}
	keep := make(map[string]cachedEntry, len(c.used))
	for k := range c.used {
		keep[k] = c.entries[k]
	}
	if err := writePack(c.path, keep); err != nil {
		p.log().Warn("logo cache not written", "err", err)
		return
	}
	c.entries, c.dirty = keep, false
}
