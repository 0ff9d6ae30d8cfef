package content

// ReadTo is how far through the article a reader is whose place is frac
// (0 to 1) of the way through the words of the section with the slug:
// the share of the article's words (the lead and the named sections, as
// Words counts them) before that place, from 0 to 1. It depends on the
// text alone, not on how wide it is shown, so that every screen says the
// same of one place. A section the article does not have is its start.
func (a *Article) ReadTo(section string, frac float64) float64 {
	if a.Words == 0 {
		return 0
	}
	before := 0
	for _, s := range a.Sections {
		if s.Kind == KindBio {
			continue
		}
		if s.Slug == section {
			at := float64(before) + min(max(frac, 0), 1)*float64(s.Words)
			return min(at/float64(a.Words), 1)
		}
		before += s.Words
	}
	return 0
}
