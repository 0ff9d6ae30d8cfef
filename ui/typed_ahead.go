package ui

import tea "charm.land/bubbletea/v2"

// maxTypedAhead bounds the keys kept while an article renders.
const maxTypedAhead = 64

// typedAhead are the keys pressed before the text arrived, pressed
// again once it is on screen (Model.replayTypedAhead).
type typedAhead struct {
	keys []tea.KeyPressMsg
}

// keep keeps a key for later; past maxTypedAhead keys, it is dropped.
func (t *typedAhead) keep(msg tea.KeyPressMsg) {
	if len(t.keys) < maxTypedAhead {
		t.keys = append(t.keys, msg)
	}
}

// drop forgets the keys kept: they were for another article.
func (t *typedAhead) drop() { t.keys = t.keys[:0] }

// take returns the keys kept, once.
func (t *typedAhead) take() []tea.KeyPressMsg {
	if len(t.keys) == 0 {
		return nil
	}
	keys := t.keys
	t.keys = nil
	return keys
}
