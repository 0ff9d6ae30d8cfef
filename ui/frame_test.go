package ui

import (
	"reflect"
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// A key that changes nothing keeps the frame: Update and View together
// allocate almost nothing for it (drawing a frame allocates thousands of
// times), and the screen stays as it was. Before frames were kept, each
// such key cost a whole frame: a 128 KB paste of one letter on the issue
// list kept the SSH server busy for 45 CPU-seconds.
func TestIgnoredKeyKeepsTheFrame(t *testing.T) {
	cases := []struct {
		name  string
		setup []string // keys that bring the screen to the case
		key   string   // a key that does nothing there
	}{
		{"issue list", nil, "z"},
		{"reader", []string{"2"}, "z"},
		{"help", []string{"?"}, "z"},
		{"full search field", []string{"2", "/", strings.Repeat("x", maxInput)}, "x"},
		{"full list filter", []string{"/", strings.Repeat("y", maxInput)}, "y"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			hs := newHarness(t, Options{Cache: sharedCache()}, 120, 40)
			for _, k := range tc.setup {
				if len(k) > 1 && k != "esc" && k != "enter" {
					hs.typeText(k)
				} else {
					hs.keys(k)
				}
			}
			before := hs.screen()
			press := keyPress(tc.key)
			allocs := testing.AllocsPerRun(50, func() {
				hs.m.Update(press)
				_ = hs.m.View()
			})
			if allocs > 20 {
				t.Errorf("%q: Update and View allocate %.0f times for a key that changes nothing; want a kept frame", tc.key, allocs)
			}
			if after := hs.screen(); after != before {
				t.Errorf("%q changed the screen:\n%s\nwas:\n%s", tc.key, after, before)
			}
		})
	}
}

// The measure above means something: a key that moves the cursor draws a
// new frame, and keys that do something after ignored ones still work.
func TestKeyAfterIgnoredKeysDraws(t *testing.T) {
	hs := newHarness(t, Options{Cache: sharedCache()}, 120, 40)
	before := hs.screen()
	hs.typeText("zzzz")
	j := keyPress("j")
	k := keyPress("k")
	allocs := testing.AllocsPerRun(20, func() {
		hs.m.Update(j)
		_ = hs.m.View()
		hs.m.Update(k)
		_ = hs.m.View()
	})
	if allocs < 200 {
		t.Errorf("j and k allocate only %.0f times: the measure of a kept frame does not tell a drawn one", allocs)
	}
	hs.keys("j")
	if hs.screen() == before {
		t.Errorf("j after ignored keys did not move the cursor:\n%s", hs.screen())
	}
	hs.keys("?")
	if !strings.Contains(hs.screen(), "Keys") {
		t.Errorf("? after ignored keys did not open the help:\n%s", hs.screen())
	}
}

// BenchmarkIgnoredKey is a key that changes nothing on the issue list:
// Update and View, as Bubble Tea calls them for every key.
func BenchmarkIgnoredKey(b *testing.B) {
	hs := newHarness(b, Options{}, 120, 40)
	z := keyPress("z")
	for b.Loop() {
		hs.m.Update(z)
		_ = hs.m.View()
	}
}

// BenchmarkMovingKey is j and k on the issue list, each drawing a frame.
func BenchmarkMovingKey(b *testing.B) {
	hs := newHarness(b, Options{}, 120, 40)
	keys := []string{"j", "k"}
	i := 0
	for b.Loop() {
		hs.m.Update(keyPress(keys[i%2]))
		_ = hs.m.View()
		i++
	}
}

// A paste into a text field is cut at the field's limit, its line breaks
// made spaces; outside a field it changes nothing.
func TestPasteIsCutAtTheFieldsLimit(t *testing.T) {
	big := "Baku\nTbilisi\t" + strings.Repeat("z", 1<<20)
	want := "Baku Tbilisi " + strings.Repeat("z", maxInput-len("Baku Tbilisi "))

	hs := newHarness(t, Options{Cache: sharedCache()}, 120, 40)
	before := hs.screen()
	hs.send(tea.PasteMsg{Content: big})
	if hs.screen() != before {
		t.Errorf("a paste on the issue list changed the screen:\n%s", hs.screen())
	}

	hs.keys("/")
	hs.send(tea.PasteMsg{Content: big})
	if got := hs.m.list.filter.value; got != want {
		t.Errorf("the list's filter after a 1 MB paste has %d runes starting %.20q; want the first %d", len([]rune(got)), got, maxInput)
	}
	hs.keys("esc", "2", "/")
	hs.typeText("ab")
	hs.send(tea.PasteMsg{Content: big})
	if got := hs.m.reader.search.input.value; got != "ab"+want[:maxInput-2] {
		t.Errorf("the search after typing ab and a 1 MB paste is %.30q… (%d runes); want ab and the paste up to %d", got, len([]rune(got)), maxInput)
	}
	if !strings.Contains(lastLine(hs.screen()), "zzz█") {
		t.Errorf("the prompt does not show the pasted query: %q", lastLine(hs.screen()))
	}
}

// A paste into the list's filter does what typing it does: the same
// screen, passages found included.
func TestPasteIntoTheFilterSearchesAsTyping(t *testing.T) {
	typed := newHarness(t, Options{Cache: sharedCache()}, 120, 40)
	typed.keys("/")
	typed.typeText("peace process")
	pasted := newHarness(t, Options{Cache: sharedCache()}, 120, 40)
	pasted.keys("/")
	pasted.send(tea.PasteMsg{Content: "peace\n process"})
	if got, want := pasted.screen(), typed.screen(); got != want {
		t.Errorf("after a paste:\n%s\nafter typing:\n%s", got, want)
	}
}

// A paste into a note is cut at the note's limit too, and keeps none of
// the pasted control characters.
func TestPasteIntoANoteIsCut(t *testing.T) {
	hs := newHarness(t, Options{}, 120, 40)
	hs.keys("1", "v", "a")
	hs.send(tea.PasteMsg{Content: "a\x1b[31m note\n" + strings.Repeat("z", 1<<20)})
	got := hs.m.reader.annotations.editor.input.value
	if n := len([]rune(got)); n != maxNote || !strings.HasPrefix(got, "a[31m note zzz") {
		t.Errorf("a 1 MB paste into a note: %d runes starting %.20q; want %d starting with the paste", n, got, maxNote)
	}
}

// ignores knows the keys through FullHelp: every binding of the KeyMap
// must be there, or its key would be taken for one that does nothing.
func TestEveryBindingIsInFullHelp(t *testing.T) {
	k := DefaultKeyMap()
	inHelp := map[string]bool{}
	for _, group := range k.FullHelp() {
		for _, b := range group {
			inHelp[strings.Join(b.Keys(), ",")] = true
		}
	}
	v := reflect.ValueOf(k)
	for i := range v.NumField() {
		if !v.Type().Field(i).IsExported() {
			continue
		}
		b, ok := v.Field(i).Interface().(key.Binding)
		if !ok {
			continue
		}
		if !inHelp[strings.Join(b.Keys(), ",")] {
			t.Errorf("KeyMap.%s (%q) is not in FullHelp", v.Type().Field(i).Name, b.Keys())
		}
	}
}

// A paste goes into every / box as typing does: the glossary's filter
// and the highlights screen's filter too.
func TestPasteIntoEveryFilter(t *testing.T) {
	hs := newHarness(t, Options{}, 100, 30)
	hs.keys("1", "A", "/")
	hs.send(tea.PasteMsg{Content: "eura"})
	if hs.m.glossary.filter.value != "eura" || len(hs.m.glossary.items) == 0 || len(hs.m.glossary.items) == len(hs.m.glossary.g.Items()) {
		t.Errorf("the glossary's filter takes the paste and filters: %q, %d items", hs.m.glossary.filter.value, len(hs.m.glossary.items))
	}
	hs.keys("esc", "esc", "v", "m", "H", "/")
	hs.send(tea.PasteMsg{Content: "nothing like it"})
	if hs.m.highlights.filter.value != "nothing like it" || len(hs.m.highlights.entries()) != 0 {
		t.Errorf("the highlights' filter takes the paste and filters: %q", hs.m.highlights.filter.value)
	}
}
