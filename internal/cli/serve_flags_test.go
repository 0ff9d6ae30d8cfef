package cli

import (
	"fmt"
	"strings"
	"testing"
)

func TestParseNetworks(t *testing.T) {
	got, err := parseNetworks([]string{"10.0.0.0/8", " 192.168.1.7/24", "127.0.0.1", "fd00::/8", "::1", ""})
	if err != nil {
		t.Fatal(err)
	}
	if want := "[10.0.0.0/8 192.168.1.0/24 127.0.0.1/32 fd00::/8 ::1/128]"; fmt.Sprint(got) != want {
		t.Errorf("got %v, want %s", got, want)
	}
	for _, bad := range []string{"10.0.0.0/33", "10.0.0", "fe80::1%eth0", "localhost", "10.0.0.0/-1"} {
		_, err := parseNetworks([]string{"10.0.0.0/8", bad})
		if err == nil || !strings.Contains(err.Error(), fmt.Sprintf("%q", bad)) {
			t.Errorf("%s: %v, want an error naming it", bad, err)
		}
	}
}
