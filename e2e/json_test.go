package e2e

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"analyst/internal/store"
	"analyst/internal/testlib"
)

// jsonSection is what every --json that names a section gives of it.
type jsonSection struct {
	Ref         string `json:"ref"`
	Issue       string `json:"issue"`
	Slug        string `json:"slug"`
	Section     string `json:"section"`
	SectionSlug string `json:"section_slug"`
	Paragraph   int    `json:"paragraph"`
	// What the paragraph holds: search's context, glossary's long form,
	// highlights' quote.
	Context string `json:"context"`
	Long    string `json:"long"`
	Quote   string `json:"quote"`
}

// TestJSONNamesSectionsAlike: search, glossary and highlights --json give
// a section in one form: section is its name as the reader shows it
// ("Implications"), section_slug what REF#section takes ("implications");
// issue and slug its article, paragraph the paragraph in it from 1.
func TestJSONNamesSectionsAlike(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "analyst.db")
	st, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	lib := testlib.Library(t)
	if _, _, err := st.Toggle(context.Background(), store.LocalOwner, testlib.Article(t, lib, "jamal"), "implications", 1); err != nil {
		t.Fatal(err)
	}
	st.Close()
	env := runner{env: []string{"ANALYST_DB=" + db}}

	names := map[string]string{} // slug -> name, from the library
	for _, a := range lib.Articles() {
		for _, sec := range a.Sections {
			names[sec.Slug] = sec.Name
		}
	}
	for _, args := range [][]string{{"search", "Baku", "--json"}, {"glossary", "--json"}, {"highlights", "--json"}} {
		r := env.analyst(t, args...)
		r.wantCode(t, 0)
		var rows []jsonSection
		if err := json.Unmarshal([]byte(r.stdout), &rows); err != nil || len(rows) == 0 {
			t.Fatalf("%q: %v, %d rows\n%s", args, err, len(rows), r.stdout)
		}
		for _, row := range rows {
			if row.Section == "" && row.SectionSlug == "" {
				continue // an abbreviation never spelled out has no definition
			}
			if names[row.SectionSlug] == "" || row.Section != names[row.SectionSlug] {
				t.Errorf("%q: section %q, section_slug %q: not a section's name and slug", args, row.Section, row.SectionSlug)
			}
			if _, sec, ok := strings.Cut(row.Ref, "#"); ok && sec != row.SectionSlug {
				t.Errorf("%q: ref %q opens another section than section_slug %q", args, row.Ref, row.SectionSlug)
			}
			a := lib.ArticleByKey(row.Issue + "/" + row.Slug)
			if a == nil {
				t.Errorf("%q: issue %q and slug %q name no article", args, row.Issue, row.Slug)
				continue
			}
			sec, err := a.Section(row.SectionSlug)
			if err != nil || row.Paragraph < 1 || row.Paragraph > len(sec.Paragraphs) {
				t.Errorf("%q: %s#%s has no paragraph %d (%v)", args, row.Slug, row.SectionSlug, row.Paragraph, err)
				continue
			}
			text := sec.Paragraphs[row.Paragraph-1]
			holds := strings.Trim(row.Context, "…") + row.Long + row.Quote
			if !strings.Contains(text, holds) {
				t.Errorf("%q: paragraph %d of %s#%s does not hold %q:\n%s", args, row.Paragraph, row.Slug, row.SectionSlug, holds, text)
			}
		}
	}
}
