package cli

import (
	"encoding/json"
	"errors"
	"io"
	"io/fs"
)

// output is stdout for one command's printing. It remembers the first write
// that failed (a full disk, a closed connection), so that the command can
// exit 1 saying so instead of succeeding with its output lost.
type output struct {
	w   io.Writer
	err error
}

// output returns stdout, remembering failed writes.
func (a *app) output() *output { return &output{w: a.stdout} }

func (o *output) Write(p []byte) (int, error) {
	if o.err != nil {
		return 0, o.err
	}
	n, err := o.w.Write(p)
	if err != nil {
		o.err = &writeError{err}
		return n, o.err
	}
	return n, nil
}

// Err is the first write that failed, or nil.
func (o *output) Err() error { return o.err }

// writeError is a failed write to stdout, said for a person:
// "could not write the output: no space left on device".
type writeError struct{ err error }

func (e *writeError) Error() string {
	reason := e.err
	var pe *fs.PathError
	if errors.As(reason, &pe) {
		reason = pe.Err // "no space left on device" rather than "write /dev/stdout: …"
	}
	return "could not write the output: " + reason.Error()
}

func (e *writeError) Unwrap() error { return e.err }

// printJSON writes v as indented JSON.
func (a *app) printJSON(v any) error {
	out := a.output()
	enc := json.NewEncoder(out)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); out.Err() == nil {
		return err
	}
	return out.Err()
}
