package keeper

import (
	"fmt"
	"os"
	"testing"

	"analyst/internal/pgtest"
)

// pg is the package's PostgreSQL, started by the first test that needs it.
var pg pgtest.Shared

func TestMain(m *testing.M) {
	code := m.Run()
	if err := pg.Close(); err != nil {
		fmt.Fprintln(os.Stderr, "stopping the PostgreSQL cluster:", err)
	}
	os.Exit(code)
}
