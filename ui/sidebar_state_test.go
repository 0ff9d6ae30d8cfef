package ui

import "testing"

// The picker shows a sidebar the reader hid, and hides it again when it
// closes; a sidebar the reader showed stays.
func TestSidebarStatePickerPutsBackWhatItShowed(t *testing.T) {
	s := sidebarState{hidden: true}
	s.openPicker(2, false)
	if s.hidden || !s.pickUnhid || !s.picking || s.pick != 2 {
		t.Fatalf("the picker on a hidden sidebar shows it: %+v", s)
	}
	if !s.closePicker(false) || !s.hidden || s.picking {
		t.Errorf("closing the picker hides the sidebar again, and the layout changes: %+v", s)
	}

	s = sidebarState{}
	s.openPicker(0, false)
	if s.closePicker(false) || s.hidden {
		t.Errorf("a sidebar the reader showed stays, and the layout stands: %+v", s)
	}

	s = sidebarState{}
	s.openPicker(1, true)
	if !s.overlay {
		t.Fatalf("on a narrow terminal the picker shows the sidebar over the text: %+v", s)
	}
	if s.closePicker(true) || s.overlay {
		t.Errorf("closing the picker there puts the overlay away, in the same layout: %+v", s)
	}
}

// s hides and shows the sidebar beside the text (a new layout), or over
// it (the same layout); hiding it ends the picking.
func TestSidebarStateToggle(t *testing.T) {
	s := sidebarState{picking: true}
	if !s.toggle(false) || !s.hidden || s.picking {
		t.Errorf("hiding the sidebar beside the text changes the layout and ends the picking: %+v", s)
	}
	if !s.toggle(false) || s.hidden {
		t.Errorf("s again shows it: %+v", s)
	}
	s = sidebarState{picking: true, overlay: true}
	if s.toggle(true) || s.overlay || s.picking {
		t.Errorf("on a narrow terminal s closes the overlay in the same layout: %+v", s)
	}
	if s.toggle(true) || !s.overlay {
		t.Errorf("and opens it again: %+v", s)
	}
}

// A new size unhides the sidebar the picker needs once there is room
// beside the text, and keeps the picker in sight over the text when
// there is not.
func TestSidebarStateFollowsTheLayout(t *testing.T) {
	s := sidebarState{hidden: true, picking: true}
	s.beforeLayout(sidebarFoldsAt - 1)
	if !s.hidden {
		t.Errorf("too narrow for the sidebar beside the text: it stays hidden: %+v", s)
	}
	s.afterLayout(false)
	if !s.overlay {
		t.Errorf("the picker stays in sight over the text: %+v", s)
	}
	s.beforeLayout(sidebarFoldsAt)
	if s.hidden || !s.pickUnhid {
		t.Errorf("wide enough: the picker shows the sidebar: %+v", s)
	}
	s.afterLayout(true)
	if s.overlay {
		t.Errorf("a sidebar beside the text is no overlay: %+v", s)
	}
}
