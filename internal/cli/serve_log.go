package cli

import (
	"fmt"
	"io"
	"time"

	"charm.land/log/v2"
)

// newLogger makes the server's structured logger.
func newLogger(w io.Writer, format string) (*log.Logger, error) {
	opts := log.Options{ReportTimestamp: true, TimeFormat: time.RFC3339}
	switch format {
	case "text":
		opts.Formatter = log.TextFormatter
	case "logfmt":
		opts.Formatter = log.LogfmtFormatter
	case "json":
		opts.Formatter = log.JSONFormatter
	default:
		return nil, fmt.Errorf("unknown log format %q (text, logfmt or json)", format)
	}
	return log.NewWithOptions(w, opts), nil
}
