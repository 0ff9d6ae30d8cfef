package render

import "testing"

// A caller that changes the list it was given (cobra sorts and filters
// completions) changes neither what the next caller gets nor which
// styles CheckStyle accepts: one server process serves every session.
func TestStyleNamesCannotBeChanged(t *testing.T) {
	names := StyleNames()
	if len(names) != 6 || names[0] != Auto || names[5] != Markdown {
		t.Fatalf("StyleNames() = %q", names)
	}
	names[0] = "rogue"
	if got := StyleNames(); got[0] != Auto {
		t.Errorf("after a caller changed its copy, StyleNames()[0] = %q", got[0])
	}
	if CheckStyle("rogue") == nil || CheckStyle(Auto) != nil {
		t.Errorf("a caller's change reached CheckStyle")
	}
}
