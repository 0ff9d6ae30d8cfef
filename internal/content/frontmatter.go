package content

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

const fence = "---"

// frontMatter is a file's YAML header, split from its body.
type frontMatter struct {
	fields   map[string]field
	bodyLine int // line number of the body's first line
	body     string
}

// field is one front matter value with the line it was written on.
type field struct {
	value string
	line  int
}

// splitFrontMatter separates the "---" fenced YAML block at the top of a
// file from the Markdown body and checks the YAML against the keys allowed.
// Every problem is added to pl; the result is nil only when the block is
// missing or cannot be parsed at all.
func splitFrontMatter(src string, allowed []string, pl problemList) *frontMatter {
	src = strings.TrimPrefix(src, "\ufeff")
	lines := strings.SplitAfter(src, "\n")
	if len(lines) == 0 || strings.TrimRight(lines[0], " \t\r\n") != fence {
		pl.add(1, "missing front matter: the file must start with a %q line", fence)
		return nil
	}
	end := -1
	for i := 1; i < len(lines); i++ {
		if strings.TrimRight(lines[i], " \t\r\n") == fence {
			end = i
			break
		}
	}
	if end < 0 {
		pl.add(1, "front matter is not closed: no %q line after the first", fence)
		return nil
	}
	fm := &frontMatter{
		fields:   map[string]field{},
		bodyLine: end + 2,
		body:     strings.Join(lines[end+1:], ""),
	}
	yamlLines := lines[1:end]
	entries, ok := plainEntries(yamlLines)
	if !ok {
		if entries, ok = yamlEntries(yamlLines, pl); !ok {
			return nil
		}
	}
	for _, e := range entries {
		switch {
		case !slices.Contains(allowed, e.key):
			pl.add(e.line, "unknown front matter key %q (known keys: %s)", e.key, strings.Join(allowed, ", "))
		case !e.scalar:
			pl.add(e.line, "front matter key %q must have a single text value", e.key)
		case fm.has(e.key):
			pl.add(e.line, "front matter key %q is given twice", e.key)
		default:
			value := strings.TrimSpace(e.value)
			if i, r := FirstControl(value); i >= 0 {
				// Written as an escape ("\e"): the file's text has none.
				pl.add(e.line, "control character %s in the value of %q (written as an escape)", ControlName(r), e.key)
				value = StripControls(value)
			}
			fm.fields[e.key] = field{value: value, line: e.line}
		}
	}
	return fm
}

// entry is one "key: value" of the front matter, with its file line.
type entry struct {
	key, value string
	scalar     bool // the value is a single text, not a list or a map
	line       int
}

// yamlEntries parses the front matter's lines as YAML. It reports a
// problem and returns false when they are not a YAML map.
func yamlEntries(lines []string, pl problemList) ([]entry, bool) {
	yamlText := strings.Join(lines, "")
	if strings.TrimSpace(yamlText) == "" {
		return nil, true
	}
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(yamlText), &doc); err != nil {
		pl.add(yamlErrorLine(lines)+1, "front matter is not valid YAML: %s", yamlMessage(err))
		return nil, false
	}
	if len(doc.Content) == 0 {
		return nil, true
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		pl.add(root.Line+1, "front matter must be a list of \"key: value\" lines")
		return nil, false
	}
	var out []entry
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		out = append(out, entry{key: k.Value, value: v.Value, scalar: v.Kind == yaml.ScalarNode, line: k.Line + 1})
	}
	return out, true
}

// plainEntries reads front matter whose every line is "key: value" with
// a lower-case key and a value YAML reads as the same plain text: no
// quotes, a letter or digit first, no characters YAML gives a meaning
// (# : [ ] { } & * ! | > ' " % @ ` \), no spaces but single plain ones,
// no control characters. The
// files analyst writes and ships are like that, and reading them this way
// is many times faster than the YAML parser (a library of hundreds of
// issues opens at once). It returns false, and the caller asks the YAML
// parser, for anything else.
func plainEntries(lines []string) ([]entry, bool) {
	out := make([]entry, 0, len(lines))
	for i, line := range lines {
		line = strings.TrimSuffix(line, "\n")
		key, value, ok := strings.Cut(line, ": ")
		if !ok || !plainKey(key) || !plainValue(value) {
			return nil, false
		}
		out = append(out, entry{key: key, value: value, scalar: true, line: i + 2})
	}
	return out, true
}

// plainKey reports whether k is a lower-case key short enough for YAML
// to take it as one (it allows 1024 characters).
func plainKey(k string) bool {
	if k == "" || len(k) > 64 {
		return false
	}
	for i := 0; i < len(k); i++ {
		if c := k[i]; (c < 'a' || c > 'z') && c != '_' {
			return false
		}
	}
	return true
}

// plainValue reports whether YAML reads v, after "key: ", as exactly v.
func plainValue(v string) bool {
	first, _ := utf8.DecodeRuneInString(v)
	if !unicode.IsLetter(first) && !unicode.IsNumber(first) || v[len(v)-1] == ' ' || strings.Contains(v, "  ") {
		return false // YAML gives a meaning to many first characters; a letter or digit has none
	}
	for _, r := range v {
		switch {
		case r < utf8.RuneSelf:
			if r < ' ' || r == 0x7f || strings.ContainsRune("#:[]{}&*!|>'\"%@`\\", r) {
				return false
			}
		case r == utf8.RuneError:
			return false // not UTF-8, for the YAML parser to report
		case !(unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.IsPunct(r) || unicode.IsSymbol(r) || unicode.IsMark(r)):
			return false // spaces other than ' ', line separators, format characters
		}
	}
	return true
}

func (fm *frontMatter) has(key string) bool {
	_, ok := fm.fields[key]
	return ok
}

func (fm *frontMatter) get(key string) field { return fm.fields[key] }

var yamlLinePrefix = regexp.MustCompile(`^yaml: (?:line \d+: )?`)

// yamlErrorLine finds the 1-based line of the YAML error in lines. The
// YAML parser's own line numbers point at where a construct started, not
// where it broke, so this looks for the longest run of leading lines that
// still parses: the error is on the line after it.
func yamlErrorLine(lines []string) int {
	var doc yaml.Node
	for k := len(lines) - 1; k > 0; k-- {
		if yaml.Unmarshal([]byte(strings.Join(lines[:k], "")), &doc) == nil {
			return k + 1
		}
	}
	return 1
}

// yamlMessage is the YAML error without its "yaml: line N:" prefix.
func yamlMessage(err error) string {
	return yamlLinePrefix.ReplaceAllString(err.Error(), "")
}
