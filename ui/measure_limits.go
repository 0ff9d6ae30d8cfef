package ui

// MeasureLimits are the narrowest and the widest measure the reader takes
// (Options.Measure, counted as `read --width` counts it, margins
// included), so that the command line can refuse a --width outside them
// rather than have it brought within them unsaid.
func MeasureLimits() (narrowest, widest int) { return minMeasure, maxMeasure }
