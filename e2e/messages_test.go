package e2e

// What the command line says when it is used wrongly or given odd input:
// each message names what went wrong and what would work.

import (
	"strings"
	"testing"
)

// TestMistypedCommandWithArguments: a first word that is neither a
// command nor an article gets "did you mean", with or without more words.
func TestMistypedCommandWithArguments(t *testing.T) {
	for _, args := range [][]string{{"serach", "x"}, {"serach", "abraham", "accords"}, {"lsit"}} {
		r := analyst(t, args...)
		r.wantCode(t, 2)
		r.wantNoStdout(t)
		r.wantStderr(t, "did you mean")
		want := map[string]string{"serach": "analyst search", "lsit": "analyst list"}[args[0]]
		r.wantStderr(t, want)
		if strings.Contains(r.stderr, "too many arguments") {
			t.Errorf("analyst %q counts arguments instead of suggesting a command:\n%s", args, r.stderr)
		}
	}
	// An article with a word after it is still too many arguments.
	r := analyst(t, "cutler", "x")
	r.wantCode(t, 2)
	r.wantStderr(t, "at most one article reference")
}

// TestCompletionForAnUnknownShell is a usage error naming the shells.
func TestCompletionForAnUnknownShell(t *testing.T) {
	r := analyst(t, "completion", "tcsh")
	r.wantCode(t, 2)
	r.wantNoStdout(t)
	r.wantStderr(t, `"tcsh"`, "bash", "zsh", "fish", "powershell")
}

// TestUnknownRefSaysWhatReadSays: every command that takes an article
// fails as read does for every way a reference can miss: the same
// message, exit 1, nothing on stdout.
func TestUnknownRefSaysWhatReadSays(t *testing.T) {
	for _, ref := range []string{"xyz", "9", "0", "2026-01/9", "1999-01/2", "central"} {
		read := analyst(t, "read", ref)
		read.wantCode(t, 1)
		if read.stderr == "" {
			t.Fatalf("read %s says nothing", ref)
		}
		for _, args := range [][]string{{"cite", ref}, {"glossary", ref}, {ref}} {
			r := analyst(t, args...)
			r.wantCode(t, 1)
			r.wantNoStdout(t)
			if r.stderr != read.stderr {
				t.Errorf("analyst %q says\n%s\nread %s says\n%s", args, r.stderr, ref, read.stderr)
			}
		}
	}
}

// TestReadInAnIssueThatDoesNotExist names the issue and those there are.
func TestReadInAnIssueThatDoesNotExist(t *testing.T) {
	for _, ref := range []string{"2027-01/2", "2027-01/cutler"} {
		r := analyst(t, "read", ref)
		r.wantCode(t, 1)
		r.wantNoStdout(t)
		r.wantStderr(t, "no issue 2027-01", "2026-01")
	}
}

// TestHelpHasNoPadding: in a pipe, help lines end with their text: no
// trailing spaces, no padding to a width.
func TestHelpHasNoPadding(t *testing.T) {
	for _, args := range [][]string{{"--help"}, {"read", "--help"}, {"search", "--help"}, {"import", "--help"}, {"help", "list"}} {
		out := ok(t, args...)
		for i, line := range strings.Split(out, "\n") {
			if strings.TrimRight(line, " ") != line {
				t.Errorf("analyst %q: line %d ends with spaces: %q", args, i+1, line)
				break
			}
		}
	}
}

// TestUsageLineWritesTheSectionAsTyped: REF#section has no space before
// the #, in the usage line as in the real syntax.
func TestUsageLineWritesTheSectionAsTyped(t *testing.T) {
	out := ok(t, "read", "--help")
	if !strings.Contains(out, "analyst read REF[#section]") {
		t.Errorf("read --help does not show `analyst read REF[#section]`:\n%s", out)
	}
	if strings.Contains(out, "REF [#section]") {
		t.Errorf("read --help puts a space in REF[#section]:\n%s", out)
	}
}

// TestImportOfBinaryData stops listing lines that are not UTF-8 after a
// few, says how many more there were, and that the file is not text.
func TestImportOfBinaryData(t *testing.T) {
	data := make([]byte, 200<<10)
	x := uint32(2463534242)
	for i := range data {
		x ^= x << 13
		x ^= x >> 17
		x ^= x << 5
		data[i] = byte(x)
	}
	file := t.TempDir() + "/noise.bin"
	writeFile(t, file, string(data))
	r := analyst(t, importArgs(file, t.TempDir())...)
	r.wantCode(t, 1)
	r.wantStderr(t, "does not look like text", "more lines")
	if n := strings.Count(r.stderr, "not UTF-8"); n > 6 {
		t.Errorf("import lists %d lines that are not UTF-8; a few say it:\n%.2000s", n, r.stderr)
	}
	if lines := strings.Count(r.stderr, "\n"); lines > 12 {
		t.Errorf("import of binary data says %d lines:\n%.2000s", lines, r.stderr)
	}
}

// TestReaderWidthOutsideItsLimits: `analyst 2 -w 20` in a terminal asks
// the reader for a text narrower than it goes: a usage error that says
// its limits and how to print that narrow, not a reader quietly at 34.
// In a pipe the same width prints.
func TestReaderWidthOutsideItsLimits(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ width, than string }{{"20", "narrower"}, {"200", "wider"}} {
		tm := startPane(t, 100, 20, "EXIT", readerCommand(t, nil, "2", "-w", c.width))
		code, s := tm.waitExit(screenDeadline)
		if code != "2" || !strings.Contains(flatten(s.String()), "--width "+c.width+" is "+c.than+" than the reader's text can be (34 to 124 columns); to print it so: analyst read REF --width "+c.width) {
			t.Errorf("analyst 2 -w %s in a terminal: exit %s\n%s", c.width, code, s)
		}
	}
	if out := ok(t, "2", "-w", "20"); !strings.Contains(out, "Armenia–Azerbaij") {
		t.Errorf("analyst 2 -w 20 in a pipe:\n%s", out)
	}
	tm := startPane(t, 100, 20, "EXIT", readerCommand(t, nil, "2", "-w", "40"))
	tm.waitFor("the reader at a width it takes", readerAt(2))
	tm.quit()
}
