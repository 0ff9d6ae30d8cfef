package content_test

import "analyst/internal/testlib"

// articlesDir is the embedded library's folder in the repository.
var articlesDir = testlib.Dir()
