package server

import (
	"strings"
	"unicode"
)

// DefaultMaxCommand bounds the command of an exec request, in bytes: the
// longest real one (a search of a long phrase) is a few dozen.
const DefaultMaxCommand = 4096

// splitCommand splits the command of an exec request into words by the
// rules of the ssh package's Session.Command (github.com/anmitsu/go-shlex
// in POSIX mode: quotes, backslashes, no expansion; an unclosed quote ends
// the last word), in linear time. go-shlex grows each word by string
// concatenation, a rune at a time, which is quadratic: a 200 KB command
// took 6 s.
func splitCommand(s string) []string {
	var (
		words   []string
		word    strings.Builder
		state   = ' ' // ' ' between words, 'a' in one, a quote, or '\\'
		escaped = ' ' // the state a backslash returns to
		quoted  bool  // the word had quotes, so it counts even if empty
	)
	end := func() {
		if word.Len() > 0 {
			words = append(words, word.String())
		}
		word.Reset()
		state, escaped, quoted = ' ', ' ', false
	}
	for _, r := range s {
		switch state {
		case ' ':
			switch {
			case unicode.IsSpace(r):
				end()
			case r == '\\':
				escaped, state = 'a', r
			case isQuote(r):
				state = r
			default:
				word.WriteRune(r)
				state = 'a'
			}
		case '\'', '"':
			quoted = true
			switch {
			case r == state:
				state = 'a'
			case r == '\\' && state == '"':
				escaped, state = state, r
			default:
				word.WriteRune(r)
			}
		case '\\':
			if isQuote(escaped) && r != state && r != escaped {
				word.WriteRune('\\')
			}
			word.WriteRune(r)
			state = escaped
		default: // in a word
			switch {
			case unicode.IsSpace(r):
				if word.Len() > 0 || quoted {
					end()
				}
			case isQuote(r):
				state = r
			case r == '\\':
				escaped, state = 'a', r
			default:
				word.WriteRune(r)
			}
		}
	}
	end()
	return words
}

func isQuote(r rune) bool { return r == '\'' || r == '"' }
