package logos

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"sync"

	"github.com/serverless-landscape/landscape/internal/diag"
)

// processorVersion names the output of the processing steps. Change it
// whenever checking, sanitizing, cropping or minifying changes what they
// produce, so that disk caches from older builds are not used.
const processorVersion = "1"

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
}

// cachedProblem stores a Problem; diag.Severity marshals as text but does
// not unmarshal.
type cachedProblem struct {
	Severity int    `json:"severity"`
	Message  string `json:"message"`
}

type cachedEntry struct {
	Data      []byte          `json:"data"`
	File      string          `json:"file"`
	Ratio     float64         `json:"ratio"`
	Missing   bool            `json:"missing,omitempty"`
	Cropped   bool            `json:"cropped,omitempty"`
	CropError string          `json:"crop_error,omitempty"`
	Problems  []cachedProblem `json:"problems,omitempty"`
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

// contentKey names processed content: the input's hash, the processor
// version and the options that change the output.
func contentKey(data []byte, warnBytes int64) string {
	h := sha256.New()
	h.Write([]byte(processorVersion + "\x00" + strconv.FormatInt(warnBytes, 10) + "\x00"))
	h.Write(data)
	return hex.EncodeToString(h.Sum(nil))
}

func (p *Processor) diskPath(key string) string {
	return filepath.Join(p.opts.CacheDir, "logos", "processed", key[:2], key+".json")
}

func (p *Processor) readDisk(key string) (processed, bool) {
	if p.opts.CacheDir == "" {
		return processed{}, false
	}
	b, err := os.ReadFile(p.diskPath(key))
	if err != nil {
		return processed{}, false
	}
	var e cachedEntry
	if json.Unmarshal(b, &e) != nil {
		return processed{}, false
	}
	out := processed{Data: e.Data, File: e.File, Ratio: e.Ratio, Missing: e.Missing, Cropped: e.Cropped, CropError: e.CropError}
	for _, cp := range e.Problems {
		out.Problems = append(out.Problems, Problem{Severity: diag.Severity(cp.Severity), Message: cp.Message})
	}
	return out, true
}

func (p *Processor) writeDisk(key string, v processed) {
	if p.opts.CacheDir == "" {
		return
	}
	e := cachedEntry{Data: v.Data, File: v.File, Ratio: v.Ratio, Missing: v.Missing, Cropped: v.Cropped, CropError: v.CropError}
	for _, pr := range v.Problems {
		e.Problems = append(e.Problems, cachedProblem{int(pr.Severity), pr.Message})
	}
	b, err := json.Marshal(e)
	if err == nil {
		err = writeAtomic(p.diskPath(key), b)
	}
	if err != nil {
		p.log().Warn("logo cache not written", "err", err)
	}
}
