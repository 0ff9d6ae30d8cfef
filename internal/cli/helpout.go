package cli

import (
	"bytes"
	"io"
	"regexp"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/spf13/cobra"
)

// helpWriter is cobra's output as fang writes help to it, put right: fang
// pads every line with spaces to the terminal's width (120 columns in a
// pipe, where it cannot ask), and it moves a usage line's bracketed
// parts to the end with a space before them, so that "read REF[#section]"
// showed as "read REF [#section]". This writer drops the spaces at the end
// of every line and writes such usage lines as the commands spell them.
// Lines go through whole; Flush writes a last line without its newline.
type helpWriter struct {
	w     io.Writer
	line  []byte
	fixes [][2]string // fang's usage text, and the command's own
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
	if strings.Contains(line, "[") {
		plain := ansi.Strip(line)
		for _, f := range h.fixes {
			if at := strings.Index(plain, f[0]); at >= 0 {
				// A column after it (the commands' descriptions) stays
				// where it was: its gap takes the spaces taken out.
				rest := plain[at+len(f[0]):]
				if gap := strings.Index(rest, "  "); gap >= 0 {
					rest = rest[:gap] + strings.Repeat(" ", len(f[0])-len(f[1])) + rest[gap:]
				}
				line = plain[:at] + f[1] + rest
			}
		}
	}
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

// fangBrackets is the pattern fang moves out of a usage line.
var fangBrackets = regexp.MustCompile(`(\[.*\])`)

// fixUsageLines learns, for every command, how fang would write its usage
// line when a bracketed part is joined to a word (REF[#section]), and how
// the command writes it.
func (h *helpWriter) fixUsageLines(root *cobra.Command) {
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		for _, sub := range c.Commands() {
			walk(sub)
		}
		for _, use := range []string{c.Use, strings.TrimSuffix(c.UseLine(), " [flags]")} {
			for _, word := range strings.Fields(use) {
				at := strings.Index(word, "[")
				if at <= 0 || !fangBrackets.MatchString(word) {
					continue
				}
				moved := fangBrackets.FindString(word)
				bad := strings.Replace(use, word, strings.Replace(word, moved, "", 1), 1) + " " + moved
				h.fixes = append(h.fixes, [2]string{bad, use})
			}
		}
	}
	walk(root)
}
