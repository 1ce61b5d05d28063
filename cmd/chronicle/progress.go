package main

import (
	"fmt"
	"io"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/term"

	"chronicle/article"
)

// progress counts finished and failed items and, when its writer is a
// terminal, redraws one status line on it (done, rate, ETA, failures) a few
// times a second. Piped or redirected, it draws nothing.
type progress struct {
	w      io.Writer
	r      *article.Reader
	total  int64 // bytes of input, when known; the ETA is by bytes read
	start  time.Time
	done   atomic.Int64
	failed atomic.Int64

	mu   sync.Mutex // serialises drawing with clear, and guards the step
	quit chan struct{}
	wg   sync.WaitGroup

	// The step of the work after the last item (the speaker merge, index
	// builds), when it began, and how long the items took.
	step       string
	stepStart  time.Time
	itemsTaken time.Duration
}

func startProgress(w io.Writer, r *article.Reader, inputs []string) *progress {
	p := &progress{w: w, r: r, start: time.Now()}
	if f, ok := w.(*os.File); !ok || !term.IsTerminal(int(f.Fd())) {
		return p
	}
	if total, known := article.InputSize(inputs); known {
		p.total = total
	}
	p.quit = make(chan struct{})
	p.wg.Go(func() {
		t := time.NewTicker(250 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-p.quit:
				p.clear()
				return
			case <-t.C:
				p.draw()
			}
		}
	})
	return p
}

func (p *progress) add(failed bool) {
	p.done.Add(1)
	if failed {
		p.failed.Add(1)
	}
}

func (p *progress) counts() (done, failed int) {
	return int(p.done.Load()), int(p.failed.Load())
}

// setStep shows the step the work after the last item is at, in place of
// the ETA: at a million articles the speaker merge and the index builds of
// a first ingest take minutes after the last item.
func (p *progress) setStep(step string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.step == "" {
		p.itemsTaken = time.Since(p.start)
	}
	p.step, p.stepStart = step, time.Now()
}

func (p *progress) draw() {
	line := p.line()
	p.mu.Lock()
	fmt.Fprintf(p.w, "\r\033[K%s", line)
	p.mu.Unlock()
}

// line is the status line: items done, their rate, and the ETA by bytes
// read; after the last item, how long the items took and the step.
func (p *progress) line() string {
	done, failed := p.counts()
	p.mu.Lock()
	step, stepStart, taken := p.step, p.stepStart, p.itemsTaken
	p.mu.Unlock()
	var line string
	if step == "" {
		secs := time.Since(p.start).Seconds()
		line = fmt.Sprintf("%d done, %.0f/s", done, float64(done)/secs)
		if read := p.r.BytesRead(); p.total > 0 && read > 0 {
			frac := min(float64(read)/float64(p.total), 1)
			eta := time.Duration(secs * (1 - frac) / frac * float64(time.Second)).Round(time.Second)
			line += fmt.Sprintf(", %.0f%%, ETA %s", 100*frac, eta)
		}
	} else {
		line = fmt.Sprintf("%d done in %s, %.0f/s", done, taken.Round(time.Second), float64(done)/max(taken.Seconds(), 1e-3))
	}
	if failed > 0 {
		line += fmt.Sprintf(", %d failed", failed)
	}
	if step != "" {
		line += fmt.Sprintf("; %s, %s", step, time.Since(stepStart).Round(time.Second))
	}
	return line
}

// clear erases the status line.
func (p *progress) clear() {
	p.mu.Lock()
	fmt.Fprint(p.w, "\r\033[K")
	p.mu.Unlock()
}

// fail counts a failed item and prints its error line, in place of the
// status line when there is one.
func (p *progress) fail(where string, err error) {
	p.add(true)
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.quit != nil {
		fmt.Fprint(p.w, "\r\033[K")
	}
	fmt.Fprintf(p.w, "chronicle: %s: %v\n", where, err)
}

func (p *progress) stop() {
	if p.quit != nil {
		close(p.quit)
		p.wg.Wait()
		p.quit = nil
	}
}
