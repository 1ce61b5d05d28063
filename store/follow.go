package store

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/exec"
)

// An ingest can write the full-text index in a process of its own
// (IngestOptions.IndexCommand). The reason is memory allocation: the SQLite
// driver allocates through one allocator per process, behind one lock, and
// with the indexer beside it the corpus writer (the ingest's bottleneck)
// spent more time waiting to run again after that lock than writing.
//
// The index process follows the corpus rather than being sent the rows:
// after each of the writer's commits the ingest writes a byte to the
// process's standard input, and the process indexes what the corpus has and
// the index lacks, as a catch-up does. So it needs no protocol beyond those
// bytes, and when the ingest dies its input ends and it indexes the last
// batches before it exits.

// batchIndexer keeps the index a batch or so behind the corpus writer.
type batchIndexer interface {
	add(indexBatch) // after each commit of the writer
	close() error   // waits until every committed batch is indexed
}

// FollowIndex is the main of an ingest's index process: it brings the
// full-text index of the corpus at path up to date with the corpus after
// every byte it reads from pokes, and a last time when pokes ends, then
// returns.
func FollowIndex(ctx context.Context, path string, pokes io.Reader) error {
	db := &DB{path: path}
	defer db.Close()
	var err error
	// The corpus is only read here, rows written a moment ago and read
	// once, so a small page cache does: SQLite empties a connection's
	// cache whenever another process has written meanwhile, and emptying
	// a large one cost a second of system time per 20,000 articles
	// (freeing its pages). Mapping the file saves copying the pages that
	// are in it rather than in the log.
	if db.w, err = openPool(path, 256, 1); err != nil {
		return err
	}
	if _, err := db.w.ExecContext(ctx, `PRAGMA mmap_size = 1099511627776`); err != nil {
		return fmt.Errorf("index process: %w", err)
	}
	if db.idx, err = openPool(indexPath(path), 64000, 1); err != nil {
		return err
	}
	conn, err := db.indexConn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	r := bufio.NewReader(pokes)
	for {
		_, rerr := r.ReadByte()
		// The pokes that came meanwhile: one catch-up serves them all.
		if _, err := r.Discard(r.Buffered()); err != nil {
			return fmt.Errorf("index process: %w", err)
		}
		if err := db.indexMissing(ctx, conn); err != nil {
			return fmt.Errorf("index process: %w", err)
		}
		if errors.Is(rerr, io.EOF) {
			return nil
		}
		if rerr != nil {
			return fmt.Errorf("index process: read: %w", rerr)
		}
	}
}

// indexProcess is the ingest's side of an index process.
type indexProcess struct {
	db    *DB
	ctx   context.Context
	cmd   *exec.Cmd
	pokes io.WriteCloser
}

// newIndexer starts the ingest's indexer: a process made by command, or
// when command is nil or the process cannot start, a goroutine.
func (db *DB) newIndexer(ctx context.Context, command func() *exec.Cmd) batchIndexer {
	if command == nil {
		return db.startIndexer(ctx)
	}
	p, err := startIndexProcess(command())
	if err == nil {
		p.db, p.ctx = db, ctx
	} else {
		slog.Warn("writing the full-text index in this process", "err", err)
		return db.startIndexer(ctx)
	}
	return p
}

func startIndexProcess(cmd *exec.Cmd) (*indexProcess, error) {
	pokes, err := cmd.StdinPipe()
	if err != nil {
		return nil, fmt.Errorf("start index process: %w", err)
	}
	if cmd.Stderr == nil {
		cmd.Stderr = os.Stderr // its errors and logs
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("start index process: %w", err)
	}
	return &indexProcess{cmd: cmd, pokes: pokes}, nil
}

// add tells the process that the corpus has a new batch. An error (the
// process has gone) is left to close to report.
func (p *indexProcess) add(indexBatch) { p.pokes.Write([]byte{'\n'}) }

// close waits for the process to index the last batches. If it failed,
// this process catches the index up itself.
func (p *indexProcess) close() error {
	p.pokes.Close()
	if err := p.cmd.Wait(); err != nil {
		slog.Warn("the index process failed: writing the rest of the full-text index in this one", "err", err)
		return p.db.catchUp(p.ctx)
	}
	return nil
}
