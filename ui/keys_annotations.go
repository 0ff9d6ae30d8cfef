package ui

import "charm.land/bubbles/v2/key"

// forAnnotations sets the keys of highlights and notes for the screen in
// front, after forList or forReader: H everywhere but on its own screen; in the
// reader, v and Y, and with the cursor shown m, a and y, with j and k
// moving a paragraph at a time.
func (k *KeyMap) forAnnotations(s screen, cursor bool) {
	reader := s == readerScreen
	k.Cursor.SetEnabled(reader)
	k.CopyCitation.SetEnabled(reader)
	for _, b := range []*key.Binding{&k.Mark, &k.Note, &k.Copy} {
		b.SetEnabled(reader && cursor)
	}
	k.Highlights.SetEnabled(s != highlightsScreen)
	k.Delete.SetEnabled(s == highlightsScreen)
	if reader && cursor {
		k.Cursor.SetHelp("v", "hide cursor")
		k.Down.SetHelp("j/"+k.down, "next paragraph")
		k.Up.SetHelp("k/"+k.up, "previous paragraph")
	} else {
		k.Cursor.SetHelp("v", "cursor")
	}
	if s == highlightsScreen {
		k.forHighlights()
	}
}

// forHighlights enables the keys of the highlights screen, and only
// those: moving, filtering, opening, deleting and copying.
func (k *KeyMap) forHighlights() {
	k.setReader(false)
	for _, b := range []*key.Binding{&k.Open, &k.NextIssue, &k.PrevIssue, &k.Number, &k.Glossary} {
		b.SetEnabled(false)
	}
	for _, b := range []*key.Binding{&k.Down, &k.Up, &k.Top, &k.Bottom, &k.Filter, &k.Open, &k.Copy, &k.Back} {
		b.SetEnabled(true)
	}
	k.Down.SetHelp("j/"+k.down, "next highlight")
	k.Up.SetHelp("k/"+k.up, "previous highlight")
	k.Open.SetHelp("enter", "open in the text")
	k.Filter.SetHelp("/", "filter")
	k.Back.SetHelp("esc", "back")
}
