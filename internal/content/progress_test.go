package content_test

import (
	"analyst/internal/testlib"
	"testing"
)

// ReadTo counts the words of the lead and the named sections before a
// place: the start, within a section, the end, an unknown section.
func TestReadTo(t *testing.T) {
	a, err := testlib.Library(t).Find("cutler")
	if err != nil {
		t.Fatal(err)
	}
	body := a.Body()
	lead, second := a.Lead(), body[1]
	before := lead.Words + body[0].Words
	for _, c := range []struct {
		section string
		frac    float64
		want    float64
	}{
		{lead.Slug, 0, 0},
		{second.Slug, 0, float64(before) / float64(a.Words)},
		{second.Slug, 0.5, (float64(before) + float64(second.Words)/2) / float64(a.Words)},
		{body[len(body)-1].Slug, 1, 1},
		{"no-such-section", 0.5, 0},
	} {
		if got := a.ReadTo(c.section, c.frac); got != c.want {
			t.Errorf("ReadTo(%q, %v) = %v, want %v", c.section, c.frac, got, c.want)
		}
	}
}
