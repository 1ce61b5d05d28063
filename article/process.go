package article

import (
	"context"
	"sync"
)

// Process reads inputs as Reader.Walk does and runs work on every item in
// workers goroutines, each item loaded there first (so HTML extraction runs
// in parallel too). It calls emit with the results one at a time, in input
// order. Only a few items per worker are in flight at once, so memory stays
// flat however large the input. An error from emit stops the reading and is
// returned; so is a cancelled ctx.
func Process[R any](ctx context.Context, r *Reader, inputs []string, workers int, work func(Item) R, emit func(R) error) error {
	if workers < 1 {
		workers = 1
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	type job struct {
		it  Item
		out chan R
	}
	jobs := make(chan job, workers)
	// order holds each item's result slot in input order; its capacity bounds
	// how far the reader may run ahead of the slowest item.
	order := make(chan chan R, 2*workers)

	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for j := range jobs {
				j.it.Load()
				j.out <- work(j.it)
			}
		})
	}

	readErr := make(chan error, 1)
	go func() {
		defer close(order)
		defer close(jobs)
		readErr <- r.items(ctx, inputs, func(it Item) error {
			out := make(chan R, 1)
			// A job is queued before its slot, so every slot in order is
			// filled eventually, even when ctx is cancelled in between.
			select {
			case jobs <- job{it, out}:
			case <-ctx.Done():
				return ctx.Err()
			}
			select {
			case order <- out:
			case <-ctx.Done():
				return ctx.Err()
			}
			return nil
		})
	}()

	var emitErr error
	for out := range order {
		res := <-out
		if emitErr != nil {
			continue // drain, so that the reader and workers can finish
		}
		if emitErr = emit(res); emitErr != nil {
			cancel()
		}
	}
	wg.Wait()
	if emitErr != nil {
		return emitErr
	}
	return <-readErr
}
