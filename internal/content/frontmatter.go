package content

import (
	"regexp"
	"slices"
	"strings"

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
	yamlText := strings.Join(lines[1:end], "")
	if strings.TrimSpace(yamlText) == "" {
		return fm
	}
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(yamlText), &doc); err != nil {
		pl.add(yamlErrorLine(lines[1:end])+1, "front matter is not valid YAML: %s", yamlMessage(err))
		return nil
	}
	if len(doc.Content) == 0 {
		return fm
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		pl.add(root.Line+1, "front matter must be a list of \"key: value\" lines")
		return nil
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		line := k.Line + 1
		switch {
		case !slices.Contains(allowed, k.Value):
			pl.add(line, "unknown front matter key %q (known keys: %s)", k.Value, strings.Join(allowed, ", "))
		case v.Kind != yaml.ScalarNode:
			pl.add(line, "front matter key %q must have a single text value", k.Value)
		case fm.has(k.Value):
			pl.add(line, "front matter key %q is given twice", k.Value)
		default:
			value := strings.TrimSpace(v.Value)
			if i, r := FirstControl(value); i >= 0 {
				// Written as an escape ("\e"): the file's text has none.
				pl.add(line, "control character %s in the value of %q (written as an escape)", ControlName(r), k.Value)
				value = StripControls(value)
			}
			fm.fields[k.Value] = field{value: value, line: line}
		}
	}
	return fm
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
