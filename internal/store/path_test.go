package store

import "testing"

func TestDefaultPath(t *testing.T) {
	for _, tc := range []struct {
		name string
		env  map[string]string
		want string
	}{
		{"ANALYST_DB wins", map[string]string{"ANALYST_DB": "/x/my.db", "XDG_DATA_HOME": "/d", "HOME": "/h"}, "/x/my.db"},
		{"XDG_DATA_HOME", map[string]string{"XDG_DATA_HOME": "/d", "HOME": "/h"}, "/d/analyst/analyst.db"},
		{"HOME", map[string]string{"HOME": "/h"}, "/h/.local/share/analyst/analyst.db"},
		{"a relative XDG_DATA_HOME is ignored", map[string]string{"XDG_DATA_HOME": "rel", "HOME": "/h"}, "/h/.local/share/analyst/analyst.db"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := DefaultPath(func(k string) string { return tc.env[k] })
			if err != nil || got != tc.want {
				t.Errorf("DefaultPath = %q, %v; want %q", got, err, tc.want)
			}
		})
	}
	if _, err := DefaultPath(func(string) string { return "" }); err == nil {
		t.Error("DefaultPath with no HOME: no error")
	}
}
