package cli

import (
	"bytes"
	"io"
	"strings"
)

// helpWriter is cobra's output as fang writes help to it, put right: fang
// pads every line with spaces to the terminal's width (120 columns in a
// pipe, where it cannot ask). This writer drops the spaces at the end of
// every line. Lines go through whole; Flush writes a last line without
// its newline.
type helpWriter struct {
	w    io.Writer
	line []byte
}

func newHelpWriter(w io.Writer) *helpWriter { return &helpWriter{w: w} }

func (h *helpWriter) Write(p []byte) (int, error) {
	h.line = append(h.line, p...)
	for {
		i := bytes.IndexByte(h.line, '\n')
		if i < 0 {
			return len(p), nil
		}
		if err := h.writeLine(string(h.line[:i]), "\n"); err != nil {
			return 0, err
		}
		h.line = h.line[i+1:]
	}
}

// Flush writes what is left of an unfinished line.
func (h *helpWriter) Flush() error {
	if len(h.line) == 0 {
		return nil
	}
	line := string(h.line)
	h.line = nil
	return h.writeLine(line, "")
}

func (h *helpWriter) writeLine(line, end string) error {
	line = trimRightSpaces(line)
	_, err := io.WriteString(h.w, line+end)
	return err
}

// trimRightSpaces drops the spaces at the end of a line, also those that
// escape codes follow (a padded, styled cell), keeping the codes.
func trimRightSpaces(line string) string {
	trimmed := strings.TrimRight(line, " ")
	if !strings.Contains(line, "\x1b") {
		return trimmed
	}
	var codes strings.Builder
	for {
		trimmed = strings.TrimRight(line, " ")
		i := strings.LastIndex(trimmed, "\x1b[")
		if i < 0 || !strings.HasSuffix(trimmed, "m") || strings.ContainsAny(trimmed[i+2:len(trimmed)-1], " \x1b") {
			return trimmed + codes.String()
		}
		codes.WriteString(trimmed[i:]) // an SGR sequence; the order of resets kept is harmless
		line = trimmed[:i]
	}
}
