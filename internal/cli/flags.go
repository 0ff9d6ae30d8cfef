package cli

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// flagError turns cobra's flag parsing errors into usage errors, and says
// what is wrong with a flag's value without Go's parser messages:
// `--width: "abc" is not a number` rather than
// `invalid argument "abc" for "-w, --width" flag: strconv.ParseInt: …`.
func flagError(cmd *cobra.Command, err error) error {
	var ive *pflag.InvalidValueError
	if errors.As(err, &ive) && ive.GetFlag() != nil {
		err = fmt.Errorf("--%s: %q %s", ive.GetFlag().Name, ive.GetValue(), notA(ive.GetFlag().Value.Type(), ive.Unwrap()))
	}
	return &usageError{cmd: cmd, err: err}
}

// notA says what a flag's value should have been, by the flag's type.
func notA(typ string, cause error) string {
	if errors.Is(cause, strconv.ErrRange) {
		return "is out of range"
	}
	switch {
	case strings.HasPrefix(typ, "int") || strings.HasPrefix(typ, "uint") || strings.HasPrefix(typ, "float"):
		return "is not a number"
	case typ == "bool":
		return "is not true or false"
	case typ == "duration":
		return "is not a duration, such as 30s or 5m"
	default:
		return "is not a valid " + typ
	}
}
