package content

import (
	"errors"
	"regexp"
	"slices"
	"strconv"
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
		line, msg := yamlErrorLine(err)
		pl.add(line+1, "front matter is not valid YAML: %s", msg)
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
			fm.fields[k.Value] = field{value: strings.TrimSpace(v.Value), line: line}
		}
	}
	return fm
}

func (fm *frontMatter) has(key string) bool {
	_, ok := fm.fields[key]
	return ok
}

func (fm *frontMatter) get(key string) field { return fm.fields[key] }

var yamlLine = regexp.MustCompile(`^yaml: (?:line (\d+): )?`)

// yamlErrorLine pulls the 1-based line out of a YAML error and returns it
// with the rest of the message.
func yamlErrorLine(err error) (int, string) {
	var te *yaml.TypeError
	msg := err.Error()
	if errors.As(err, &te) && len(te.Errors) > 0 {
		msg = te.Errors[0]
	}
	m := yamlLine.FindStringSubmatch(msg)
	if m == nil {
		return 1, msg
	}
	line := 1
	if m[1] != "" {
		line, _ = strconv.Atoi(m[1])
	}
	return line, msg[len(m[0]):]
}
