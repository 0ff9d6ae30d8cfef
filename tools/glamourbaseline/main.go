// Command glamourbaseline does nothing but link Glamour: its start-up time
// is the floor under any Glamour program's, mostly the package
// initialisation of the syntax highlighter Glamour brings (chroma). The
// process benchmarks in the analyst package compare against it.
package main

import _ "charm.land/glamour/v2"

func main() {}
