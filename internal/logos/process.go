package logos

import (
	"context"
	"io/fs"
	"log/slog"
	"net/http"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/svg"
)

// DefaultMaxBytes is the hard limit for one logo. Larger logos are not read
// at all (an error, and a placeholder tile): a logo is untrusted input, and
// parsing and serving megabytes for a tile is never right. It sits above
// the largest real logo (2.6 MB, in cncf-full) so that such logos still
// build, with the DefaultWarnBytes warning asking for a smaller file.
const DefaultMaxBytes = 4 << 20

// Options configures a Processor.
type Options struct {
	Dir          fs.FS         // the hosted_logos folder; nil when there is none. os.OpenRoot(dir).FS() keeps symlinks inside
	CacheDir     string        // "" disables the disk cache (remote logos and processed results)
	CacheKey     []byte        // seals the disk caches (seal.go); nil means DefaultCacheKey
	Client       *http.Client  // for https logos; nil means http.DefaultClient
	MaxBytes     int64         // hard size limit for one logo; 0 means DefaultMaxBytes
	WarnBytes    int64         // size above which a logo draws a warning; 0 means DefaultWarnBytes, <0 never
	FetchTimeout time.Duration // for one https logo; 0 means 30s
	MaxFetches   int           // concurrent downloads; 0 means 8
	Logger       *slog.Logger  // may be nil

	// AllowPrivateAddresses lets logo downloads reach loopback, private
	// and link-local addresses (FetchOptions): for tests only.
	AllowPrivateAddresses bool
}

// Processor turns `logo:` values into servable SVGs. It is safe for
// concurrent use and built once per build: it holds the minifier and the
// memo of work already done.
type Processor struct {
	opts    Options
	fetcher *Fetcher
	min     *minify.M
	memo    memo
	pack    pack
	cpuSem  chan struct{}

	cropWork    int           // maxCropWork; smaller in tests
	cropTimeout time.Duration // cropTimeout; shorter in tests
}

// Result is one processed logo.
type Result struct {
	Ref       string
	File      string  // content-hashed file name such as "3f2a9c1b0d4e.svg"; "" when Missing
	Data      []byte  // sanitized, cropped, minified SVG to write under logos/File
	Ratio     float64 // width / height of the final viewBox, so tiles keep their size while loading
	Missing   bool    // no usable logo: the caller renders a placeholder tile
	Cropped   bool
	CropError string // why the viewBox was kept, when the cropper could not measure the drawing
	Problems  []Problem
	// Saved is how many bytes downscaling embedded bitmaps and rounding
	// numbers to what a screen shows took off Data (Original keeps them).
	Saved int
}

// NewProcessor fills in defaults and builds the minifier.
func NewProcessor(opts Options) *Processor {
	if opts.MaxBytes <= 0 {
		opts.MaxBytes = DefaultMaxBytes
	}
	if opts.WarnBytes == 0 {
		opts.WarnBytes = DefaultWarnBytes
	}
	if opts.MaxFetches <= 0 {
		opts.MaxFetches = 8
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	var seal sealer
	opts.CacheDir, seal = cacheKey(opts.CacheDir, opts.CacheKey, opts.Logger)
	p := &Processor{opts: opts, min: minify.New(), cpuSem: make(chan struct{}, runtime.GOMAXPROCS(0)),
		cropWork: maxCropWork, cropTimeout: cropTimeout}
	p.fetcher = NewFetcher(FetchOptions{Client: opts.Client, CacheDir: opts.CacheDir, CacheKey: seal.key,
		MaxBytes: opts.MaxBytes, Timeout: opts.FetchTimeout, MaxConcurrent: opts.MaxFetches,
		Instead: "host the logo in hosted_logos", AllowPrivateAddresses: opts.AllowPrivateAddresses, Logger: opts.Logger})
	p.pack.path, p.pack.seal = p.packPath(), seal
	p.min.Add("image/svg+xml", &svg.Minifier{})
	p.min.AddFunc("text/css", css.Minify)
	return p
}

// Fetcher is the Processor's downloader, for other files whose bytes the
// site uses (images named in settings): the same limits, checks and cache.
func (p *Processor) Fetcher() *Fetcher { return p.fetcher }

func (p *Processor) log() *slog.Logger { return p.opts.Logger }

// Process resolves one `logo:` value (a file name in Dir, or an https URL)
// and returns the servable result. It never returns unsafe bytes.
func (p *Processor) Process(ctx context.Context, ref string) Result {
	r := p.process(ctx, ref, false)
	p.saveDisk()
	return r
}

// Original is Process for prints, which are larger than any screen: the
// logo sanitized and cropped as Process returns it, but with its embedded
// bitmaps at their own resolution and its numbers at full precision
// (Result.Saved is 0). It is computed, and cached, only when asked for.
func (p *Processor) Original(ctx context.Context, ref string) Result {
	r := p.process(ctx, ref, true)
	p.saveDisk()
	return r
}

func (p *Processor) process(ctx context.Context, ref string, full bool) Result {
	r := Result{Ref: ref}
	ref = strings.TrimSpace(ref)
	var data []byte
	var ok bool
	if isRemote(ref) {
		data, r.Problems, ok = p.fetcher.Fetch(ctx, ref)
	} else {
		var pr Problem
		data, pr, ok = readLocal(p.opts.Dir, ref, p.opts.MaxBytes)
		if !ok {
			r.Problems = []Problem{pr}
		}
	}
	if !ok {
		r.Missing = true
		return r
	}
	v := p.processBytes(data, full)
	r.File, r.Data, r.Ratio, r.Missing, r.Cropped, r.CropError, r.Saved = v.File, v.Data, v.Ratio, v.Missing, v.Cropped, v.CropError, v.Saved
	r.Problems = append(r.Problems, v.Problems...)
	return r
}

// ProcessAll processes many refs concurrently, each distinct ref once.
// Downloads are bounded by Options.MaxFetches, processing by GOMAXPROCS,
// and refs in flight (open files) by their sum.
func (p *Processor) ProcessAll(ctx context.Context, refs []string) map[string]Result {
	return p.processAll(ctx, refs, false)
}

// OriginalAll is Original for many refs, concurrently, writing the disk
// cache once (Original alone writes it after each logo it computes).
func (p *Processor) OriginalAll(ctx context.Context, refs []string) map[string]Result {
	return p.processAll(ctx, refs, true)
}

func (p *Processor) processAll(ctx context.Context, refs []string, full bool) map[string]Result {
	out := make(map[string]Result, len(refs))
	seen := map[string]bool{}
	var mu sync.Mutex
	var wg sync.WaitGroup
	slots := make(chan struct{}, runtime.GOMAXPROCS(0)+p.opts.MaxFetches)
	for _, ref := range refs {
		if seen[ref] {
			continue
		}
		seen[ref] = true
		wg.Add(1)
		slots <- struct{}{}
		go func() {
			defer func() { <-slots; wg.Done() }()
			r := p.process(ctx, ref, full)
			mu.Lock()
			out[ref] = r
			mu.Unlock()
		}()
	}
	wg.Wait()
	p.saveDisk()
	return out
}
